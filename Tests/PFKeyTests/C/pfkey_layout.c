/* The C side of the PF_KEY cross-check (Tests/PFKeyTests/CCrossCheckTests.swift).
 * Built with gcc against the real /usr/include/linux/pfkeyv2.h, it prints
 *   size STRUCT N              sizeof of every struct of the header (and the sockaddrs)
 *   offset STRUCT FIELD N      offsetof of every field
 *   message NAME HEX           messages filled field by field through the header's structs
 * The Swift test compares these with the Swift codec's layout and encodings, exactly. */
#include <linux/pfkeyv2.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define SIZE(s) printf("size %s %zu\n", #s, sizeof(struct s))
#define OFF(s, f) printf("offset %s %s %zu\n", #s, #f, offsetof(struct s, f))

static unsigned char buf[4096];
static size_t used;

static void *put(size_t n) { void *p = buf + used; memset(p, 0, n); used += n; return p; }
static void begin(void) { used = 0; }
static struct sadb_msg *header(int type, int satype, unsigned seq, unsigned pid) {
    struct sadb_msg *m = put(sizeof *m);
    m->sadb_msg_version = PF_KEY_V2; m->sadb_msg_type = type; m->sadb_msg_satype = satype;
    m->sadb_msg_seq = seq; m->sadb_msg_pid = pid;
    return m;
}
static void finish(const char *name) {
    ((struct sadb_msg *)buf)->sadb_msg_len = used / 8;
    printf("message %s ", name);
    for (size_t i = 0; i < used; i++) printf("%02x", buf[i]);
    printf("\n");
}
static void lifetime(int type, unsigned long long addtime) {
    struct sadb_lifetime *l = put(sizeof *l);
    l->sadb_lifetime_len = sizeof *l / 8; l->sadb_lifetime_exttype = type; l->sadb_lifetime_addtime = addtime;
}
static void address4(int type, int proto, int prefix, const char *ip, int port) {
    struct sadb_address *a = put(sizeof *a);
    struct sockaddr_in *sin = put(sizeof *sin);
    put((8 - (sizeof *a + sizeof *sin) % 8) % 8);
    a->sadb_address_len = 3; a->sadb_address_exttype = type; a->sadb_address_proto = proto; a->sadb_address_prefixlen = prefix;
    sin->sin_family = AF_INET; sin->sin_port = htons(port); inet_pton(AF_INET, ip, &sin->sin_addr);
}
static void sockaddr6(const char *ip, int port, unsigned scope) {
    struct sockaddr_in6 *s = put(sizeof *s);
    s->sin6_family = AF_INET6; s->sin6_port = htons(port); s->sin6_scope_id = scope; inet_pton(AF_INET6, ip, &s->sin6_addr);
}
static void sockaddr4(const char *ip, int port) {
    struct sockaddr_in *s = put(sizeof *s);
    s->sin_family = AF_INET; s->sin_port = htons(port); inet_pton(AF_INET, ip, &s->sin_addr);
}
static void address6(int type, int proto, int prefix, const char *ip, int port) {
    struct sadb_address *a = put(sizeof *a);
    sockaddr6(ip, port, 0);
    put(4);
    a->sadb_address_len = 5; a->sadb_address_exttype = type; a->sadb_address_proto = proto; a->sadb_address_prefixlen = prefix;
}
static void key(int type, int first, int count) {
    struct sadb_key *k = put(sizeof *k);
    unsigned char *d = put(count);
    put((8 - count % 8) % 8);
    for (int i = 0; i < count; i++) d[i] = first + i;
    k->sadb_key_len = (sizeof *k + count + 7) / 8; k->sadb_key_exttype = type; k->sadb_key_bits = count * 8;
}
static void policy(int dir, unsigned id, int nreq) {
    struct sadb_x_policy *p = put(sizeof *p);
    p->sadb_x_policy_len = (sizeof *p + nreq * sizeof(struct sadb_x_ipsecrequest)) / 8;
    p->sadb_x_policy_exttype = SADB_X_EXT_POLICY; p->sadb_x_policy_type = 2; p->sadb_x_policy_dir = dir; p->sadb_x_policy_id = id;
    for (int i = 0; i < nreq; i++) {
        struct sadb_x_ipsecrequest *r = put(sizeof *r);
        r->sadb_x_ipsecrequest_len = sizeof *r; r->sadb_x_ipsecrequest_proto = IPPROTO_ESP;
        r->sadb_x_ipsecrequest_mode = 1; r->sadb_x_ipsecrequest_level = 2;
    }
}
static void supported(int type, const int (*algs)[4], int n) {
    struct sadb_supported *s = put(sizeof *s);
    s->sadb_supported_len = (sizeof *s + n * sizeof(struct sadb_alg)) / 8; s->sadb_supported_exttype = type;
    for (int i = 0; i < n; i++) {
        struct sadb_alg *a = put(sizeof *a);
        a->sadb_alg_id = algs[i][0]; a->sadb_alg_ivlen = algs[i][1]; a->sadb_alg_minbits = algs[i][2]; a->sadb_alg_maxbits = algs[i][3];
    }
}

int main(void) {
    SIZE(sadb_msg); SIZE(sadb_ext); SIZE(sadb_sa); SIZE(sadb_lifetime); SIZE(sadb_address); SIZE(sadb_key);
    SIZE(sadb_ident); SIZE(sadb_sens); SIZE(sadb_prop); SIZE(sadb_comb); SIZE(sadb_supported); SIZE(sadb_alg);
    SIZE(sadb_spirange); SIZE(sadb_x_kmprivate); SIZE(sadb_x_sa2); SIZE(sadb_x_policy); SIZE(sadb_x_ipsecrequest);
    SIZE(sadb_x_nat_t_type); SIZE(sadb_x_nat_t_port); SIZE(sadb_x_sec_ctx); SIZE(sadb_x_kmaddress); SIZE(sadb_x_filter);
    SIZE(sockaddr_in); SIZE(sockaddr_in6);
    OFF(sadb_msg, sadb_msg_version); OFF(sadb_msg, sadb_msg_type); OFF(sadb_msg, sadb_msg_errno); OFF(sadb_msg, sadb_msg_satype);
    OFF(sadb_msg, sadb_msg_len); OFF(sadb_msg, sadb_msg_reserved); OFF(sadb_msg, sadb_msg_seq); OFF(sadb_msg, sadb_msg_pid);
    OFF(sadb_ext, sadb_ext_len); OFF(sadb_ext, sadb_ext_type);
    OFF(sadb_sa, sadb_sa_spi); OFF(sadb_sa, sadb_sa_replay); OFF(sadb_sa, sadb_sa_state); OFF(sadb_sa, sadb_sa_auth);
    OFF(sadb_sa, sadb_sa_encrypt); OFF(sadb_sa, sadb_sa_flags);
    OFF(sadb_lifetime, sadb_lifetime_allocations); OFF(sadb_lifetime, sadb_lifetime_bytes);
    OFF(sadb_lifetime, sadb_lifetime_addtime); OFF(sadb_lifetime, sadb_lifetime_usetime);
    OFF(sadb_address, sadb_address_proto); OFF(sadb_address, sadb_address_prefixlen); OFF(sadb_address, sadb_address_reserved);
    OFF(sadb_key, sadb_key_bits); OFF(sadb_key, sadb_key_reserved);
    OFF(sadb_ident, sadb_ident_type); OFF(sadb_ident, sadb_ident_reserved); OFF(sadb_ident, sadb_ident_id);
    OFF(sadb_sens, sadb_sens_dpd); OFF(sadb_sens, sadb_sens_sens_level); OFF(sadb_sens, sadb_sens_sens_len);
    OFF(sadb_sens, sadb_sens_integ_level); OFF(sadb_sens, sadb_sens_integ_len); OFF(sadb_sens, sadb_sens_reserved);
    OFF(sadb_prop, sadb_prop_replay); OFF(sadb_prop, sadb_prop_reserved);
    OFF(sadb_comb, sadb_comb_auth); OFF(sadb_comb, sadb_comb_encrypt); OFF(sadb_comb, sadb_comb_flags);
    OFF(sadb_comb, sadb_comb_auth_minbits); OFF(sadb_comb, sadb_comb_auth_maxbits); OFF(sadb_comb, sadb_comb_encrypt_minbits);
    OFF(sadb_comb, sadb_comb_encrypt_maxbits); OFF(sadb_comb, sadb_comb_reserved); OFF(sadb_comb, sadb_comb_soft_allocations);
    OFF(sadb_comb, sadb_comb_hard_allocations); OFF(sadb_comb, sadb_comb_soft_bytes); OFF(sadb_comb, sadb_comb_hard_bytes);
    OFF(sadb_comb, sadb_comb_soft_addtime); OFF(sadb_comb, sadb_comb_hard_addtime); OFF(sadb_comb, sadb_comb_soft_usetime);
    OFF(sadb_comb, sadb_comb_hard_usetime);
    OFF(sadb_supported, sadb_supported_reserved);
    OFF(sadb_alg, sadb_alg_id); OFF(sadb_alg, sadb_alg_ivlen); OFF(sadb_alg, sadb_alg_minbits); OFF(sadb_alg, sadb_alg_maxbits);
    OFF(sadb_alg, sadb_alg_reserved);
    OFF(sadb_spirange, sadb_spirange_min); OFF(sadb_spirange, sadb_spirange_max); OFF(sadb_spirange, sadb_spirange_reserved);
    OFF(sadb_x_kmprivate, sadb_x_kmprivate_reserved);
    OFF(sadb_x_sa2, sadb_x_sa2_mode); OFF(sadb_x_sa2, sadb_x_sa2_reserved1); OFF(sadb_x_sa2, sadb_x_sa2_reserved2);
    OFF(sadb_x_sa2, sadb_x_sa2_sequence); OFF(sadb_x_sa2, sadb_x_sa2_reqid);
    OFF(sadb_x_policy, sadb_x_policy_type); OFF(sadb_x_policy, sadb_x_policy_dir); OFF(sadb_x_policy, sadb_x_policy_reserved);
    OFF(sadb_x_policy, sadb_x_policy_id); OFF(sadb_x_policy, sadb_x_policy_priority);
    OFF(sadb_x_ipsecrequest, sadb_x_ipsecrequest_len); OFF(sadb_x_ipsecrequest, sadb_x_ipsecrequest_proto);
    OFF(sadb_x_ipsecrequest, sadb_x_ipsecrequest_mode); OFF(sadb_x_ipsecrequest, sadb_x_ipsecrequest_level);
    OFF(sadb_x_ipsecrequest, sadb_x_ipsecrequest_reserved1); OFF(sadb_x_ipsecrequest, sadb_x_ipsecrequest_reqid);
    OFF(sadb_x_ipsecrequest, sadb_x_ipsecrequest_reserved2);
    OFF(sadb_x_nat_t_type, sadb_x_nat_t_type_type); OFF(sadb_x_nat_t_type, sadb_x_nat_t_type_reserved);
    OFF(sadb_x_nat_t_port, sadb_x_nat_t_port_port); OFF(sadb_x_nat_t_port, sadb_x_nat_t_port_reserved);
    OFF(sadb_x_sec_ctx, sadb_x_ctx_alg); OFF(sadb_x_sec_ctx, sadb_x_ctx_doi); OFF(sadb_x_sec_ctx, sadb_x_ctx_len);
    OFF(sadb_x_kmaddress, sadb_x_kmaddress_reserved);
    OFF(sadb_x_filter, sadb_x_filter_saddr); OFF(sadb_x_filter, sadb_x_filter_daddr); OFF(sadb_x_filter, sadb_x_filter_family);
    OFF(sadb_x_filter, sadb_x_filter_splen); OFF(sadb_x_filter, sadb_x_filter_dplen);

    /* The ADD reply of KernelSamples.addReply(): 272 bytes. */
    begin();
    header(SADB_ADD, SADB_SATYPE_ESP, 1, 4242);
    struct sadb_sa *sa = put(sizeof *sa);
    sa->sadb_sa_len = 2; sa->sadb_sa_exttype = SADB_EXT_SA; sa->sadb_sa_spi = htonl(0x1234);
    sa->sadb_sa_state = SADB_SASTATE_MATURE; sa->sadb_sa_auth = SADB_AALG_SHA1HMAC; sa->sadb_sa_encrypt = SADB_X_EALG_AESCBC;
    lifetime(SADB_EXT_LIFETIME_HARD, 0); lifetime(SADB_EXT_LIFETIME_SOFT, 0); lifetime(SADB_EXT_LIFETIME_CURRENT, 1700000000ULL);
    address4(SADB_EXT_ADDRESS_SRC, 0, 32, "10.0.0.1", 0);
    address4(SADB_EXT_ADDRESS_DST, 0, 32, "10.0.0.3", 0);
    address4(SADB_EXT_ADDRESS_PROXY, 255, 0, "0.0.0.0", 0);
    key(SADB_EXT_KEY_AUTH, 0x01, 20); key(SADB_EXT_KEY_ENCRYPT, 0x21, 16);
    struct sadb_x_sa2 *sa2 = put(sizeof *sa2);
    sa2->sadb_x_sa2_len = 2; sa2->sadb_x_sa2_exttype = SADB_X_EXT_SA2; sa2->sadb_x_sa2_mode = 1;
    finish("addReply");

    /* KernelSamples.spdAddReply(): 192 bytes. */
    begin();
    header(SADB_X_SPDADD, 0, 2, 4242);
    address4(SADB_EXT_ADDRESS_SRC, 255, 32, "10.0.0.1", 0);
    address4(SADB_EXT_ADDRESS_DST, 255, 32, "10.0.0.2", 0);
    lifetime(SADB_EXT_LIFETIME_HARD, 0); lifetime(SADB_EXT_LIFETIME_SOFT, 0); lifetime(SADB_EXT_LIFETIME_CURRENT, 1700000000ULL);
    policy(2, 1, 1);
    finish("spdAddReply");

    /* KernelSamples.acquire(combinations: 20): 1528 bytes. */
    begin();
    header(SADB_ACQUIRE, SADB_SATYPE_ESP, 1, 0);
    address4(SADB_EXT_ADDRESS_SRC, 0, 32, "10.0.0.1", 0);
    address4(SADB_EXT_ADDRESS_DST, 0, 32, "10.0.0.2", 0);
    policy(2, 1, 0);
    struct sadb_prop *prop = put(sizeof *prop);
    prop->sadb_prop_len = (sizeof *prop + 20 * sizeof(struct sadb_comb)) / 8; prop->sadb_prop_exttype = SADB_EXT_PROPOSAL;
    prop->sadb_prop_replay = 32;
    static const int aalgs[5][2] = {{2, 128}, {3, 160}, {5, 256}, {6, 384}, {7, 512}};
    static const int ealgs[4][3] = {{3, 192, 192}, {12, 128, 256}, {2, 64, 64}, {6, 40, 128}};
    for (int i = 0; i < 20; i++) {
        struct sadb_comb *c = put(sizeof *c);
        c->sadb_comb_auth = aalgs[i % 5][0]; c->sadb_comb_auth_minbits = c->sadb_comb_auth_maxbits = aalgs[i % 5][1];
        c->sadb_comb_encrypt = ealgs[(i / 5) % 4][0]; c->sadb_comb_encrypt_minbits = ealgs[(i / 5) % 4][1];
        c->sadb_comb_encrypt_maxbits = ealgs[(i / 5) % 4][2];
        c->sadb_comb_soft_addtime = 25920; c->sadb_comb_hard_addtime = 28800;
        c->sadb_comb_soft_usetime = 25920; c->sadb_comb_hard_usetime = 28800;
    }
    finish("acquire20");

    /* KernelSamples.registerReply(): 112 bytes. */
    begin();
    header(SADB_REGISTER, SADB_SATYPE_ESP, 1, 4242);
    static const int auth[6][4] = {{251, 0, 0, 0}, {2, 0, 128, 128}, {3, 0, 160, 160}, {5, 0, 256, 256}, {6, 0, 384, 384}, {7, 0, 512, 512}};
    static const int enc[4][4] = {{11, 0, 0, 0}, {2, 8, 64, 64}, {3, 8, 192, 192}, {12, 8, 128, 256}};
    supported(SADB_EXT_SUPPORTED_AUTH, auth, 6);
    supported(SADB_EXT_SUPPORTED_ENCRYPT, enc, 4);
    finish("registerReply");

    /* Every other struct once: CCrossCheckTests.everyStruct builds the same message in Swift. */
    begin();
    header(SADB_X_MIGRATE, 0, 7, 99);
    address6(SADB_EXT_ADDRESS_SRC, 6, 64, "2001:db8::1", 500);
    address6(SADB_EXT_ADDRESS_DST, 6, 64, "2001:db8::2", 4500);
    struct sadb_ident *id = put(sizeof *id);
    char *s = put(16);
    strcpy(s, "gw.example.net");
    id->sadb_ident_len = 4; id->sadb_ident_exttype = SADB_EXT_IDENTITY_SRC; id->sadb_ident_type = SADB_IDENTTYPE_FQDN; id->sadb_ident_id = 0x0102030405060708ULL;
    struct sadb_sens *sens = put(sizeof *sens);
    unsigned long long *bits = put(3 * 8);
    sens->sadb_sens_len = 5; sens->sadb_sens_exttype = SADB_EXT_SENSITIVITY; sens->sadb_sens_dpd = 1;
    sens->sadb_sens_sens_level = 2; sens->sadb_sens_sens_len = 1; sens->sadb_sens_integ_level = 3; sens->sadb_sens_integ_len = 2;
    bits[0] = 0xff; bits[1] = 1; bits[2] = 2;
    struct sadb_spirange *range = put(sizeof *range);
    range->sadb_spirange_len = 2; range->sadb_spirange_exttype = SADB_EXT_SPIRANGE; range->sadb_spirange_min = 0xc0000000u; range->sadb_spirange_max = 0xcfffffffu;
    struct sadb_x_kmprivate *km = put(sizeof *km);
    unsigned char *kmdata = put(8);
    km->sadb_x_kmprivate_len = 2; km->sadb_x_kmprivate_exttype = SADB_X_EXT_KMPRIVATE;
    for (int i = 0; i < 8; i++) kmdata[i] = 0xa0 + i;
    struct sadb_x_policy *pol = put(sizeof *pol);
    struct sadb_x_ipsecrequest *rq = put(sizeof *rq);
    sockaddr6("2001:db8::a", 0, 0); sockaddr6("2001:db8::b", 0, 0);
    pol->sadb_x_policy_len = (sizeof *pol + sizeof *rq + 2 * sizeof(struct sockaddr_in6)) / 8; pol->sadb_x_policy_exttype = SADB_X_EXT_POLICY;
    pol->sadb_x_policy_type = 2; pol->sadb_x_policy_dir = 2; pol->sadb_x_policy_id = 9; pol->sadb_x_policy_priority = 0x7fffffff;
    rq->sadb_x_ipsecrequest_len = sizeof *rq + 2 * sizeof(struct sockaddr_in6); rq->sadb_x_ipsecrequest_proto = IPPROTO_AH;
    rq->sadb_x_ipsecrequest_mode = 2; rq->sadb_x_ipsecrequest_level = 3; rq->sadb_x_ipsecrequest_reqid = 0x10203;
    struct sadb_x_sa2 *sa2b = put(sizeof *sa2b);
    sa2b->sadb_x_sa2_len = 2; sa2b->sadb_x_sa2_exttype = SADB_X_EXT_SA2; sa2b->sadb_x_sa2_mode = 2; sa2b->sadb_x_sa2_sequence = 5; sa2b->sadb_x_sa2_reqid = 42;
    struct sadb_x_nat_t_type *nt = put(sizeof *nt);
    nt->sadb_x_nat_t_type_len = 1; nt->sadb_x_nat_t_type_exttype = SADB_X_EXT_NAT_T_TYPE; nt->sadb_x_nat_t_type_type = 2;
    struct sadb_x_nat_t_port *sp = put(sizeof *sp);
    sp->sadb_x_nat_t_port_len = 1; sp->sadb_x_nat_t_port_exttype = SADB_X_EXT_NAT_T_SPORT; sp->sadb_x_nat_t_port_port = htons(4500);
    struct sadb_x_nat_t_port *dp = put(sizeof *dp);
    dp->sadb_x_nat_t_port_len = 1; dp->sadb_x_nat_t_port_exttype = SADB_X_EXT_NAT_T_DPORT; dp->sadb_x_nat_t_port_port = htons(4501);
    address4(SADB_X_EXT_NAT_T_OA, 0, 0, "192.0.2.7", 0);
    struct sadb_x_sec_ctx *ctx = put(sizeof *ctx);
    char *ctxs = put(40);
    strcpy(ctxs, "system_u:object_r:ipsec_spd_t:s0");
    ctx->sadb_x_sec_len = (sizeof *ctx + 32 + 7) / 8; ctx->sadb_x_sec_exttype = SADB_X_EXT_SEC_CTX; ctx->sadb_x_ctx_alg = 1; ctx->sadb_x_ctx_doi = 1; ctx->sadb_x_ctx_len = 32;
    used -= 40 - 32;  /* the context is 32 bytes: 8 + 32 = 40, already aligned */
    struct sadb_x_kmaddress *kma = put(sizeof *kma);
    sockaddr4("198.51.100.1", 0); sockaddr4("198.51.100.2", 0);
    kma->sadb_x_kmaddress_len = (sizeof *kma + 2 * sizeof(struct sockaddr_in)) / 8; kma->sadb_x_kmaddress_exttype = SADB_X_EXT_KMADDRESS;
    struct sadb_x_filter *f = put(sizeof *f);
    f->sadb_x_filter_len = 5; f->sadb_x_filter_exttype = SADB_X_EXT_FILTER;
    inet_pton(AF_INET, "10.1.0.0", &f->sadb_x_filter_saddr); inet_pton(AF_INET, "10.2.0.0", &f->sadb_x_filter_daddr);
    f->sadb_x_filter_family = AF_INET; f->sadb_x_filter_splen = 16; f->sadb_x_filter_dplen = 24;
    finish("everyStruct");
    return 0;
}

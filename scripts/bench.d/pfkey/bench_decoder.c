/* The C baseline for scripts/bench.d/pfkey.sh: a strict PF_KEY v2 decoder written the way
 * a kernel writes one (Linux af_key.c parse_exthdrs: a table of extension pointers, no
 * copies), applying the same checks as the Swift codec's default options (linux dialect,
 * either direction, unknown extensions ignored): validation rules 1-14 of PFKeyError.Code.
 * Usage: bench_decoder FILE ITERATIONS   (FILE: messages back to back, as the Swift side wrote them)
 * Prints: c_decode BYTES MESSAGES CPU-SECONDS */
#include <linux/pfkeyv2.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct decoded {
    const struct sadb_msg *msg;
    const struct sadb_ext *ext[SADB_EXT_MAX + 1];
};

static const unsigned short min_len[SADB_EXT_MAX + 1] = {
    [SADB_EXT_SA] = 16, [SADB_EXT_LIFETIME_CURRENT] = 32, [SADB_EXT_LIFETIME_HARD] = 32, [SADB_EXT_LIFETIME_SOFT] = 32,
    [SADB_EXT_ADDRESS_SRC] = 8, [SADB_EXT_ADDRESS_DST] = 8, [SADB_EXT_ADDRESS_PROXY] = 8, [SADB_EXT_KEY_AUTH] = 8,
    [SADB_EXT_KEY_ENCRYPT] = 8, [SADB_EXT_IDENTITY_SRC] = 16, [SADB_EXT_IDENTITY_DST] = 16, [SADB_EXT_SENSITIVITY] = 16,
    [SADB_EXT_PROPOSAL] = 8, [SADB_EXT_SUPPORTED_AUTH] = 8, [SADB_EXT_SUPPORTED_ENCRYPT] = 8, [SADB_EXT_SPIRANGE] = 16,
    [SADB_X_EXT_KMPRIVATE] = 8, [SADB_X_EXT_POLICY] = 16, [SADB_X_EXT_SA2] = 16, [SADB_X_EXT_NAT_T_TYPE] = 8,
    [SADB_X_EXT_NAT_T_SPORT] = 8, [SADB_X_EXT_NAT_T_DPORT] = 8, [SADB_X_EXT_NAT_T_OA] = 8, [SADB_X_EXT_SEC_CTX] = 8,
    [SADB_X_EXT_KMADDRESS] = 8, [SADB_X_EXT_FILTER] = 40,
};
static const unsigned char fixed[SADB_EXT_MAX + 1] = {
    [SADB_EXT_SA] = 1, [SADB_EXT_LIFETIME_CURRENT] = 1, [SADB_EXT_LIFETIME_HARD] = 1, [SADB_EXT_LIFETIME_SOFT] = 1,
    [SADB_EXT_SPIRANGE] = 1, [SADB_X_EXT_SA2] = 1, [SADB_X_EXT_NAT_T_TYPE] = 1, [SADB_X_EXT_NAT_T_SPORT] = 1,
    [SADB_X_EXT_NAT_T_DPORT] = 1, [SADB_X_EXT_FILTER] = 1,
};

static int sockaddr_size(const void *p, size_t avail) {
    if (avail < 2) return -1;
    uint16_t family; memcpy(&family, p, 2);
    if (family == AF_INET) return 16;
    if (family == AF_INET6) return 28;
    return -1;
}

static int check_address(const struct sadb_address *a, size_t len) {
    int s = sockaddr_size(a + 1, len - 8);
    if (s < 0) return -1;
    if (len != (size_t)((8 + s + 7) & ~7)) return -1;
    if (a->sadb_address_prefixlen > (s == 16 ? 32 : 128)) return -1;
    return 0;
}

static int check_comb_pair(unsigned alg, unsigned min, unsigned max) {
    if (alg == 0 && (min || max)) return -1;
    return min > max ? -1 : 0;
}

static int check_policy(const struct sadb_x_policy *p, size_t len) {
    if (p->sadb_x_policy_type > 2 || p->sadb_x_policy_dir > 3) return -1;
    const unsigned char *q = (const unsigned char *)(p + 1);
    size_t left = len - 16;
    while (left >= 16) {
        const struct sadb_x_ipsecrequest *r = (const void *)q;
        size_t rl = r->sadb_x_ipsecrequest_len;
        if (rl < 16 || rl > left) return -1;
        if (r->sadb_x_ipsecrequest_mode == 0) return -1;
        if (r->sadb_x_ipsecrequest_mode == 2 || rl > 16) {
            int s1 = sockaddr_size(r + 1, rl - 16);
            if (s1 < 0 || rl - 16 < (size_t)(2 * s1)) return -1;
            int s2 = sockaddr_size((const unsigned char *)(r + 1) + s1, rl - 16 - s1);
            if (s2 != s1) return -1;
        }
        q += rl; left -= rl;
    }
    return 0;
}

static int check_ext(int type, const struct sadb_ext *e, size_t len) {
    switch (type) {
    case SADB_EXT_ADDRESS_SRC: case SADB_EXT_ADDRESS_DST: case SADB_EXT_ADDRESS_PROXY: case SADB_X_EXT_NAT_T_OA:
        return check_address((const void *)e, len);
    case SADB_EXT_KEY_AUTH: case SADB_EXT_KEY_ENCRYPT: {
        const struct sadb_key *k = (const void *)e;
        if (k->sadb_key_bits == 0) return -1;
        return (size_t)(8 + (k->sadb_key_bits + 7) / 8) <= len ? 0 : -1;
    }
    case SADB_EXT_SENSITIVITY: {
        const struct sadb_sens *s = (const void *)e;
        return (size_t)(16 + 8 * (s->sadb_sens_sens_len + s->sadb_sens_integ_len)) == len ? 0 : -1;
    }
    case SADB_EXT_PROPOSAL: {
        if ((len - 8) % sizeof(struct sadb_comb)) return -1;
        const struct sadb_comb *c = (const void *)((const unsigned char *)e + 8);
        for (size_t i = 0; i < (len - 8) / sizeof *c; i++) {
            if (check_comb_pair(c[i].sadb_comb_auth, c[i].sadb_comb_auth_minbits, c[i].sadb_comb_auth_maxbits)) return -1;
            if (check_comb_pair(c[i].sadb_comb_encrypt, c[i].sadb_comb_encrypt_minbits, c[i].sadb_comb_encrypt_maxbits)) return -1;
        }
        return 0;
    }
    case SADB_EXT_SUPPORTED_AUTH: case SADB_EXT_SUPPORTED_ENCRYPT:
        return (len - 8) % 8 ? -1 : 0;
    case SADB_EXT_SPIRANGE: {
        const struct sadb_spirange *r = (const void *)e;
        return r->sadb_spirange_min <= r->sadb_spirange_max ? 0 : -1;
    }
    case SADB_X_EXT_POLICY:
        return check_policy((const void *)e, len);
    case SADB_X_EXT_SEC_CTX: {
        const struct sadb_x_sec_ctx *c = (const void *)e;
        return c->sadb_x_sec_len == (8 + c->sadb_x_ctx_len + 7) / 8 ? 0 : -1;
    }
    case SADB_X_EXT_KMADDRESS: {
        int s1 = sockaddr_size((const unsigned char *)e + 8, len - 8);
        return s1 < 0 || len - 8 < (size_t)(2 * s1) ? -1 : 0;
    }
    default:
        return 0;
    }
}

static uint16_t port_of(const struct sadb_ext *e) {
    uint16_t port; memcpy(&port, (const unsigned char *)e + 10, 2);
    return port;
}

/* 0 when valid; fills d. */
static int decode(const unsigned char *p, size_t n, struct decoded *d) {
    if (n < 16) return -1;
    const struct sadb_msg *m = (const void *)p;
    if ((size_t)m->sadb_msg_len * 8 != n) return -1;
    if (m->sadb_msg_version != PF_KEY_V2 || m->sadb_msg_type == 0 || m->sadb_msg_type > SADB_MAX) return -1;
    memset(d, 0, sizeof *d);
    d->msg = m;
    uint32_t seen = 0;
    size_t at = 16;
    while (at < n) {
        const struct sadb_ext *e = (const void *)(p + at);
        size_t len = (size_t)e->sadb_ext_len * 8;
        if (len < 8 || len > n - at || e->sadb_ext_type == 0) return -1;
        int t = e->sadb_ext_type;
        if (t <= SADB_EXT_MAX) {
            if (seen & (1u << t)) return -1;
            seen |= 1u << t;
            if (len < min_len[t] || (fixed[t] && len != min_len[t])) return -1;
            if (check_ext(t, e, len)) return -1;
            d->ext[t] = e;
        }
        at += len;
    }
    /* Rule 8: address pairs, families, ports. */
    const struct sadb_ext *s = d->ext[SADB_EXT_ADDRESS_SRC], *t = d->ext[SADB_EXT_ADDRESS_DST];
    if (!s != !t) return -1;
    if (s && sockaddr_size((const unsigned char *)s + 8, 16) != sockaddr_size((const unsigned char *)t + 8, 16)) return -1;
    int type = m->sadb_msg_type;
    int ports_ok = type == SADB_ACQUIRE || type == SADB_X_PROMISC || (type >= SADB_X_SPDUPDATE && type <= SADB_X_SPDDELETE2) || type == SADB_X_MIGRATE;
    const struct sadb_ext *addrs[3] = {s, t, d->ext[SADB_EXT_ADDRESS_PROXY]};
    for (int i = 0; i < 3; i++) {
        if (!addrs[i] || port_of(addrs[i]) == 0) continue;
        if (((const struct sadb_address *)addrs[i])->sadb_address_proto == 0 || !ports_ok) return -1;
    }
    /* Rule 13: presence, either direction (the kernel's shape or the request's). */
    if (m->sadb_msg_errno) return 0;
    #define HAS(x) (d->ext[x] != NULL)
    int sd = s && t;
    switch (type) {
    case SADB_GETSPI: return sd ? 0 : -1;
    case SADB_UPDATE: case SADB_ADD: case SADB_DELETE: case SADB_GET: return HAS(SADB_EXT_SA) && sd ? 0 : -1;
    case SADB_ACQUIRE: return sd && HAS(SADB_EXT_PROPOSAL) ? 0 : -1;
    case SADB_EXPIRE: return HAS(SADB_EXT_SA) && sd && HAS(SADB_EXT_LIFETIME_CURRENT) && (HAS(SADB_EXT_LIFETIME_HARD) || HAS(SADB_EXT_LIFETIME_SOFT)) ? 0 : -1;
    case SADB_X_SPDADD: case SADB_X_SPDUPDATE: case SADB_X_SPDDELETE: case SADB_X_SPDSETIDX: case SADB_X_MIGRATE: {
        const struct sadb_x_policy *pol = (const void *)d->ext[SADB_X_EXT_POLICY];
        return sd && pol && pol->sadb_x_policy_dir != 0 ? 0 : -1;
    }
    case SADB_X_SPDGET: case SADB_X_SPDDELETE2: return HAS(SADB_X_EXT_POLICY) ? 0 : -1;
    default: return 0;
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s FILE ITERATIONS\n", argv[0]); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 66; }
    static unsigned char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    long iterations = atol(argv[2]);
    /* Split once, as the Swift side does. */
    size_t offs[64], lens[64], count = 0;
    for (size_t at = 0; at + 16 <= n && count < 64; ) {
        uint16_t words; memcpy(&words, buf + at + 4, 2);
        offs[count] = at; lens[count] = words * 8u; at += words * 8u; count++;
    }
    struct decoded d;
    volatile uintptr_t sink = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    for (long i = 0; i < iterations; i++) {
        for (size_t j = 0; j < count; j++) {
            if (decode(buf + offs[j], lens[j], &d)) { fprintf(stderr, "message %zu rejected\n", j); return 1; }
            sink += (uintptr_t)d.ext[SADB_EXT_ADDRESS_DST];
        }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    double secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("c_decode %zu %ld %.6f\n", n * (size_t)iterations, (long)count * iterations, secs);
    return 0;
}

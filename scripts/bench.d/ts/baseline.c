/* C baseline for scripts/bench.d/ts.sh: the same inputs as main.swift (same xorshift
 * generator), the same algorithms written plainly in C, -O2. Prints one line per
 * measurement: "name value unit". Times are process CPU time (the machine is shared). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef unsigned __int128 u128;
typedef struct { u128 start, end; uint32_t plo, phi; uint8_t prlo, prhi; uint8_t family; } sel_t;
typedef struct { sel_t local, remote; } spd_t; /* protocol/ports kept in remote; local ports in local */

static uint64_t rng_state;
static uint64_t next_rand(void) { uint64_t x = rng_state; x ^= x << 13; x ^= x >> 7; x ^= x << 17; return rng_state = x; }
static double now_ns(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec * 1e9 + t.tv_nsec; }

static inline int intersect(const sel_t *a, const sel_t *b, sel_t *out) {
    if (a->family != b->family) return 0;
    u128 s = a->start > b->start ? a->start : b->start, e = a->end < b->end ? a->end : b->end;
    if (s > e) return 0;
    uint32_t pl = a->plo > b->plo ? a->plo : b->plo, ph = a->phi < b->phi ? a->phi : b->phi;
    if (pl > ph) return 0;
    uint8_t rl = a->prlo > b->prlo ? a->prlo : b->prlo, rh = a->prhi < b->prhi ? a->prhi : b->prhi;
    if (rl > rh) return 0;
    out->start = s; out->end = e; out->plo = pl; out->phi = ph; out->prlo = rl; out->prhi = rh; out->family = a->family;
    return 1;
}
static inline int contains(const sel_t *a, const sel_t *b) {
    return a->family == b->family && a->start <= b->start && b->end <= a->end && a->plo <= b->plo && b->phi <= a->phi && a->prlo <= b->prlo && b->prhi <= a->prhi;
}

/* Pairwise: IPv6 selectors in 2001:db8::/96 with random ranges, protocol any/6/17, ports. */
static void make_v6(sel_t *s, int n) {
    u128 base = ((u128)0x20010db800000000ULL) << 64;
    for (int i = 0; i < n; i++) {
        uint64_t r = next_rand();
        u128 a = base + (r % 65536), len = (next_rand() % 4096);
        s[i].family = 6; s[i].start = a; s[i].end = a + len;
        int p = next_rand() % 3; s[i].prlo = p == 0 ? 0 : p == 1 ? 6 : 17; s[i].prhi = p == 0 ? 255 : s[i].prlo;
        int q = next_rand() % 3; uint32_t lo = next_rand() % 60000;
        if (q == 0) { s[i].plo = 0; s[i].phi = 65536; } else { s[i].plo = lo; s[i].phi = lo + (q == 1 ? 0 : 1000); }
    }
}

static void make_v4(sel_t *s, int n, int hosts) {
    for (int i = 0; i < n; i++) {
        uint64_t r = next_rand();
        int plen = hosts ? 32 : 16 + (int)(next_rand() % 13);
        uint32_t mask = plen == 32 ? 0xffffffffu : ~((1u << (32 - plen)) - 1);
        uint32_t a = (0x0a000000u | (uint32_t)(r & 0xffffff)) & mask;
        s[i].family = 4; s[i].start = a; s[i].end = a | ~mask;
        s[i].prlo = 0; s[i].prhi = 255; s[i].plo = 0; s[i].phi = 65536;
    }
}

int main(int argc, char **argv) {
    int pairs_n = 2048;
    /* 1. pairwise intersection */
    sel_t *v6 = malloc(sizeof(sel_t) * pairs_n);
    rng_state = 0x9e3779b97f4a7c15ULL; make_v6(v6, pairs_n);
    long hits = 0; sel_t tmp;
    double best = 1e30;
    for (int rep = 0; rep < 5; rep++) {
        double t0 = now_ns(); hits = 0;
        for (int i = 0; i < pairs_n; i++) for (int j = 0; j < pairs_n; j++) hits += intersect(&v6[i], &v6[j], &tmp);
        double t = (now_ns() - t0) / ((double)pairs_n * pairs_n);
        if (t < best) best = t;
    }
    printf("pairwise_intersection_ns_per_pair %.3f ns (hits %ld)\n", best, hits);

    /* 2. narrowing 1000 x 1000 (strongSwan-like: union of pairwise intersections, contained removed) */
    int n = 1000;
    sel_t *prop = malloc(sizeof(sel_t) * n), *pol = malloc(sizeof(sel_t) * n), *out = malloc(sizeof(sel_t) * n * 4);
    rng_state = 0x1234567ULL; make_v4(prop, n, 1); make_v4(pol, n, 0);
    best = 1e30; int kept = 0;
    for (int rep = 0; rep < 5; rep++) {
        double t0 = now_ns(); int m = 0;
        for (int c = 0; c < n; c++) for (int r = 0; r < n; r++) if (m < n * 4 && intersect(&pol[c], &prop[r], &out[m])) m++;
        kept = 0;
        for (int i = 0; i < m; i++) {
            int red = 0;
            for (int j = 0; j < m && !red; j++) if (j != i && contains(&out[j], &out[i]) && (memcmp(&out[j], &out[i], sizeof(sel_t)) != 0 || j < i)) red = 1;
            if (!red) kept++;
        }
        double t = (now_ns() - t0) / 1e6;
        if (t < best) best = t;
    }
    printf("narrowing_1000x1000_ms %.3f ms (kept %d)\n", best, kept);

    /* 3. SPD lookup, 100000 entries, linear first-match scan */
    int entries = 100000, packets = 2000;
    spd_t *spd = malloc(sizeof(spd_t) * entries);
    rng_state = 0xabcdef12345ULL;
    for (int i = 0; i < entries - 1; i++) {
        make_v4(&spd[i].remote, 1, next_rand() % 2);
        spd[i].local.family = 4; spd[i].local.start = 0xc0a80000u; spd[i].local.end = 0xc0a8ffffu;
        spd[i].local.plo = 0; spd[i].local.phi = 65536; spd[i].local.prlo = 0; spd[i].local.prhi = 255;
        int p = next_rand() % 3; spd[i].remote.prlo = p == 0 ? 0 : p == 1 ? 6 : 17; spd[i].remote.prhi = p == 0 ? 255 : spd[i].remote.prlo;
        if (next_rand() % 2) { uint32_t port = next_rand() % 1024; spd[i].remote.plo = port; spd[i].remote.phi = port; }
    }
    spd[entries - 1].local = (sel_t){0, 0xffffffffu, 0, 65536, 0, 255, 4};
    spd[entries - 1].remote = (sel_t){0, 0xffffffffu, 0, 65536, 0, 255, 4};
    long found = 0;
    double t0 = now_ns();
    for (int k = 0; k < packets; k++) {
        const sel_t *e = &spd[next_rand() % (entries - 1)].remote;
        u128 remote = e->start + (next_rand() % (uint64_t)(e->end - e->start + 1));
        u128 local = 0xc0a80000u + next_rand() % 65536;
        uint8_t proto = (next_rand() % 2) ? 6 : 17; uint32_t rport = next_rand() % 1024;
        for (int i = 0; i < entries; i++) {
            const spd_t *s = &spd[i];
            if (s->remote.start <= remote && remote <= s->remote.end && s->local.start <= local && local <= s->local.end &&
                s->remote.prlo <= proto && proto <= s->remote.prhi && s->remote.plo <= rport && rport <= s->remote.phi) { found += i; break; }
        }
    }
    printf("spd_lookup_100000_ns %.1f ns (linear scan, checksum %ld)\n", (now_ns() - t0) / packets, found);
    return 0;
}

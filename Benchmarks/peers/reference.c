/* The reference queueing network, hand-written in C: the near-the-limit baseline
 * for Runway's kernel. Binary heap of events ordered by (time, sequence),
 * inverse-transform exponentials on a splitmix64 generator, FIFO ring queues.
 * Same model and output line as `runway bench reference`.
 * Build: cc -O2 -o reference reference.c -lm
 * Run:   ./reference ARRIVALS SEED */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { double time; uint64_t seq; int32_t kind; int32_t customer; } event_t;

static event_t *heap; static size_t heap_n, heap_cap; static uint64_t next_seq;

static int before(const event_t *a, const event_t *b) {
    return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}
static void push(double time, int kind, int customer) {
    if (heap_n == heap_cap) { heap_cap = heap_cap ? 2 * heap_cap : 1024; heap = realloc(heap, heap_cap * sizeof *heap); }
    event_t e = { time, next_seq++, kind, customer };
    size_t i = heap_n++;
    while (i > 0) { size_t p = (i - 1) / 2; if (!before(&e, &heap[p])) break; heap[i] = heap[p]; i = p; }
    heap[i] = e;
}
static event_t pop(void) {
    event_t top = heap[0], last = heap[--heap_n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= heap_n) break;
        if (c + 1 < heap_n && before(&heap[c + 1], &heap[c])) c++;
        if (!before(&heap[c], &last)) break;
        heap[i] = heap[c]; i = c;
    }
    if (heap_n) heap[i] = last;
    return top;
}

static uint64_t rng_state;
static double uniform(void) { /* splitmix64 -> [0, 1) */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL; z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL; z ^= z >> 31;
    return (z >> 11) * 0x1.0p-53;
}
static double exponential(double mean) { return -mean * log1p(-uniform()); }

typedef struct { int servers, busy; double mean; int32_t *q; size_t head, tail, cap; } station_t;
static void enqueue(station_t *s, int32_t c) {
    if (s->tail - s->head == s->cap) { /* grow ring */
        size_t ncap = s->cap ? 2 * s->cap : 1024; int32_t *nq = malloc(ncap * sizeof *nq);
        for (size_t k = 0; k < s->cap; k++) nq[k] = s->q[(s->head + k) % s->cap];
        free(s->q); s->q = nq; s->tail = s->cap; s->head = 0; s->cap = ncap;
    }
    s->q[s->tail++ % s->cap] = c;
}

int main(int argc, char **argv) {
    long arrivals = argc > 1 ? atol(argv[1]) : 1000000;
    rng_state = argc > 2 ? strtoull(argv[2], 0, 10) : 1;
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    station_t st[3] = { {1, 0, 0.5}, {4, 0, 3.0}, {2, 0, 5.0} };
    double onward[2] = { 0.3, 0.25 };
    double *arrived_at = malloc(arrivals * sizeof *arrived_at);
    long arrived = 0, completed = 0; uint64_t events = 0; double total = 0, now = 0;
    push(exponential(1.0), 3, 0);
    while (heap_n) {
        event_t e = pop(); now = e.time; events++;
        if (e.kind == 3) {
            int32_t c = (int32_t)arrived; arrived_at[arrived++] = now;
            if (st[0].busy < st[0].servers) { st[0].busy++; push(now + exponential(st[0].mean), 0, c); } else enqueue(&st[0], c);
            if (arrived < arrivals) push(now + exponential(1.0), 3, 0);
            continue;
        }
        station_t *s = &st[e.kind];
        s->busy--;
        if (s->tail > s->head) { int32_t n = s->q[s->head++ % s->cap]; s->busy++; push(now + exponential(s->mean), e.kind, n); }
        if (e.kind < 2 && uniform() < onward[e.kind]) {
            station_t *t = &st[e.kind + 1];
            if (t->busy < t->servers) { t->busy++; push(now + exponential(t->mean), e.kind + 1, e.customer); } else enqueue(t, e.customer);
        } else { completed++; total += now - arrived_at[e.customer]; }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("completed=%ld mean_time_in_system=%.15g events=%llu seconds=%.6f\n", completed, total / completed,
           (unsigned long long)events, (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec));
    return 0;
}

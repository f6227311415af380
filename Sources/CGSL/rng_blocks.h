#ifndef RUNWAY_CGSL_RNG_BLOCKS_H
#define RUNWAY_CGSL_RNG_BLOCKS_H

#include <stdint.h>
#include <stdlib.h>
#include <gsl/gsl_rng.h>

/* A GSL generator read in blocks: its uniforms are drawn RUNWAY_BLOCK at a time, in a
   tight loop, into a buffer, and handed out one by one. Why: a draw through GSL's
   function pointer from the event loop was about 12 % of the reference network's
   profile (issue 17); in the fill loop the generator's work costs about 8 %, and the
   event loop reads the buffer inline.

   The numbers and their order do not change. `runway_blocks_alloc` returns a gsl_rng
   whose type reads the buffer, so GSL's distributions (gamma, lognormal, ...) take
   their uniforms from the same buffer, in the same order as an unbuffered generator:
   every draw of the stream, whatever its kind, goes through the buffer.

   Only for generators whose get_double is get / 2^32 (taus2's is): the buffer keeps
   get_double's values, and get (gsl_rng_uniform_int) is recovered as value * 2^32,
   exactly. `RandomBlocksTests` checks every kind of draw against the plain generator. */

#define RUNWAY_BLOCK 128

typedef struct {
    gsl_rng *source;            /* the GSL generator the numbers come from */
    uint32_t next;              /* values[next] is handed out next; RUNWAY_BLOCK: refill first */
    double values[RUNWAY_BLOCK];
} runway_blocks;

/* Draws the next block from the source. Out of line: once per RUNWAY_BLOCK draws. */
static inline __attribute__((noinline)) void runway_blocks_fill(runway_blocks *b) {
    const gsl_rng *source = b->source;
    double (*get_double)(void *) = source->type->get_double;
    void *state = source->state;
    for (int i = 0; i < RUNWAY_BLOCK; i++) b->values[i] = get_double(state);
    b->next = 0;
}

/* gsl_rng_uniform on the blocks. */
static inline double runway_blocks_uniform(runway_blocks *b) {
    if (__builtin_expect(b->next == RUNWAY_BLOCK, 0)) runway_blocks_fill(b);
    return b->values[b->next++];
}

static double runway_blocks_get_double(void *state) { return runway_blocks_uniform((runway_blocks *)state); }

static unsigned long runway_blocks_get(void *state) {
    return (unsigned long)(runway_blocks_uniform((runway_blocks *)state) * 4294967296.0);
}

/* Never called: the source is seeded, not the blocks (see runway_blocks_alloc). */
static void runway_blocks_set(void *state, unsigned long seed) { (void)state; (void)seed; abort(); }

/* The block generator of a stream, on a new `source_type` generator seeded with `seed`.
   The returned gsl_rng's `state` is the runway_blocks. Returns NULL when out of memory
   or when `source_type`'s numbers are not 32-bit (min 0, max 2^32 - 1). */
static inline gsl_rng *runway_blocks_alloc(const gsl_rng_type *source_type, unsigned long seed) {
    static const gsl_rng_type type = {
        "blocks", 0xffffffffUL, 0, sizeof(runway_blocks),
        runway_blocks_set, runway_blocks_get, runway_blocks_get_double
    };
    if (source_type->min != type.min || source_type->max != type.max) return NULL;

    gsl_rng *r = malloc(sizeof *r);
    runway_blocks *b = malloc(sizeof *b);
    gsl_rng *source = gsl_rng_alloc(source_type);
    if (!r || !b || !source) { free(r); free(b); if (source) gsl_rng_free(source); return NULL; }
    gsl_rng_set(source, seed);
    b->source = source;
    b->next = RUNWAY_BLOCK;
    r->type = &type;
    r->state = b;
    return r;
}

static inline void runway_blocks_free(gsl_rng *r) {
    runway_blocks *b = (runway_blocks *)r->state;
    gsl_rng_free(b->source);
    free(b);
    free(r);
}

#endif

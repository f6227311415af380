#ifndef RUNWAY_CPREFETCH_H
#define RUNWAY_CPREFETCH_H

/* A hint to the CPU to start loading the cache line at `address` (Swift has no
   prefetch of its own). It never faults and changes no result, only timing. */
static inline void runway_prefetch(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif

#ifndef RUNWAY_CGSL_SHIM_H
#define RUNWAY_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_version.h>
#include "rng_blocks.h"

/* Swift 6 rejects GSL's global type pointers as shared mutable state,
   so they are reached through these accessors. */
static inline const gsl_rng_type *runway_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_odeiv2_step_type *runway_step_rkf45(void) { return gsl_odeiv2_step_rkf45; }
static inline const gsl_odeiv2_step_type *runway_step_rk8pd(void) { return gsl_odeiv2_step_rk8pd; }
static inline const gsl_multimin_fminimizer_type *runway_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }
static inline const char *runway_gsl_version(void) { return GSL_VERSION; }

#endif

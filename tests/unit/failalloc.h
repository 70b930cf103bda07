/* SPDX-License-Identifier: GPL-3.0-or-later */
/* realloc that fails on request, for the tests of what a reader does when memory
 * runs out: a test program linked with -Wl,--wrap=realloc (tests/local.mk, the
 * FAILALLOC_WRAP of its tests) gets every realloc of lib/ and of the test routed
 * here; the libraries it loads (json-c, libcurl) keep their own. */
#ifndef TC_TEST_FAILALLOC_H
#define TC_TEST_FAILALLOC_H

#include <stddef.h>

void *__real_realloc(void *p, size_t size);
void *__wrap_realloc(void *p, size_t size);

static long failalloc_calls; /* reallocs seen since failalloc_arm */
static long failalloc_fail;  /* the one that fails (1 for the next), 0 for none */

/* Counts reallocs from now on, and makes the `nth` fail (0: none fails). */
static inline void failalloc_arm(long nth) {
	failalloc_calls = 0;
	failalloc_fail = nth;
}

void *__wrap_realloc(void *p, size_t size) {
	if (++failalloc_calls == failalloc_fail) {
		return NULL;
	}
	return __real_realloc(p, size);
}

#endif

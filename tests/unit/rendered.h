/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders a result as Nagios text into a string the test frees. */
#ifndef TC_TEST_RENDERED_H
#define TC_TEST_RENDERED_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "range.h"
#include "result.h"

static inline char *render(const struct tc_result *r) {
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tc_result_render_nagios(r, f);
	fclose(f);
	return buf;
}

/* The first line only. */
static inline char *render_first(const struct tc_result *r) {
	char *buf = render(r);
	buf[strcspn(buf, "\n")] = '\0';
	return buf;
}

static inline struct tc_range range(const char *t) {
	struct tc_range r;
	struct tc_error err;
	if (tc_range_parse(t, &r, &err) != 0) {
		abort();
	}
	return r;
}

#endif

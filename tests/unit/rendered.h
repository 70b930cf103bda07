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

/* For table-driven tests: whether row i's first line and state differ from the
 * ones wanted. A row that differs is told on stderr with what it gave, so that one
 * run lists every such row; ROWS_AGREE then fails the test once. */
static inline int row_differs(size_t i, const char *out, enum tc_state state, const char *line,
			      enum tc_state want) {
	size_t len = strcspn(out, "\n");
	if (state == want && strlen(line) == len && strncmp(out, line, len) == 0) {
		return 0;
	}
	fprintf(stderr, "row %zu: state %d, '%.*s'\n", i, state, (int)len, out);
	return 1;
}

#define ROWS_AGREE(bad, n)                                                                         \
	ck_assert_msg((bad) == 0, "%d of %zu rows differ (listed on stderr)", (bad), (size_t)(n))

/* Defines check_rows(rows, n) for rows of `row_type` with members `line` and
 * `state`: `output(&row, &state)` runs the logic on one row and returns its
 * rendered text, which check_rows frees. */
#define ROWS_CHECKER(row_type, output)                                                             \
	static void check_rows(const row_type *rows, size_t n) {                                   \
		int bad = 0;                                                                       \
		for (size_t i = 0; i < n; i++) {                                                   \
			enum tc_state s;                                                           \
			char *out = output(&rows[i], &s);                                          \
			bad += row_differs(i, out, s, rows[i].line, rows[i].state);                \
			free(out);                                                                 \
		}                                                                                  \
		ROWS_AGREE(bad, n);                                                                \
	}

/* check_rows on a whole static table */
#define CHECK(rows) check_rows(rows, sizeof rows / sizeof rows[0])

static inline struct tc_range range(const char *t) {
	struct tc_range r;
	struct tc_error err;
	if (tc_range_parse(t, &r, &err) != 0) {
		abort();
	}
	return r;
}

#endif

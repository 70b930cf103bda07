/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The result of one check: a state (worst wins), one summary, long-output lines
 * and typed perfdata. Renderers turn it into Nagios text (JSON and Prometheus can
 * be added beside it without touching the checks). */
#ifndef TC_RESULT_H
#define TC_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "money.h"
#include "range.h"
#include "state.h"
#include "thresholds.h"

/* What a figure measures, which decides its label and unit in each format. */
enum tc_measure {
	TC_MEASURE_COUNT, /* a number of things */
	TC_MEASURE_MONEY, /* currency units; the currency goes into the label */
	TC_MEASURE_MINUTES,
	TC_MEASURE_DAYS,
	TC_MEASURE_PERCENT,
};

/* One figure as perfdata, as a renderer reads it (built by tc_result_add_figure). */
struct tc_perf {
	char label[64];   /* the Nagios label, e.g. balance_cny, oldest_pending_minutes */
	char name[48];    /* the figure, e.g. balance, oldest_pending */
	char currency[8]; /* for money: "CNY" */
	enum tc_measure measure;
	int64_t value; /* fixed-point, `scale` decimals */
	int scale;
	const char *uom; /* "" for money (Icinga drops unknown units), "s", "%" ... */
	struct tc_range warn;
	struct tc_range crit;
	bool has_min;
	int64_t min;
	bool has_max;
	int64_t max;
};

struct tc_result {
	char prefix[40]; /* "TC BALANCE" */
	enum tc_state state;
	char summary[512];
	char **lines;
	size_t nlines;
	struct tc_perf *perf;
	size_t nperf;
	char *raw;             /* when set, printed instead of the Nagios text (--discover) */
	bool failed;           /* set by tc_result_fail */
	struct tc_error error; /* what failed */
};

void tc_result_init(struct tc_result *r, const char *prefix);
void tc_result_free(struct tc_result *r);

/* Raises the state; the worst seen wins. */
void tc_result_raise(struct tc_result *r, enum tc_state s);

/* Summary and lines go through tc_text_copy, with '|' (which starts perfdata in
 * Nagios) shown as '/'; the summary is cut to its buffer on a character boundary. */
void tc_result_summary(struct tc_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void tc_result_line(struct tc_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A figure to add, written with designated initializers; what is left out is
 * zero, i.e. absent:
 *   tc_result_add_figure(r, &(struct tc_figure){.name = "oldest_pending",
 *                                                .measure = TC_MEASURE_MINUTES,
 *                                                .value = minutes,
 *                                                .limits = &cfg->age,
 *                                                .min_zero = true});
 * `name` plus the measure's suffix becomes the Nagios label (balance_cny,
 * oldest_pending_minutes, runway_days). */
struct tc_figure {
	const char *name; /* "balance", "oldest_pending" */
	enum tc_measure measure;
	const char *currency; /* money only: "CNY" */
	int64_t value;        /* fixed point, `scale` decimals (money: minor units) */
	int scale;
	const struct tc_thresholds *limits; /* shown as warn;crit; NULL: none */
	bool min_zero;                      /* the figure cannot go below 0 */
};

void tc_result_add_figure(struct tc_result *r, const struct tc_figure *f);

/* The fields of an amount of money, in minor units at TC_MONEY_SCALE:
 *   &(struct tc_figure){.name = "pool", TC_FIGURE_MONEY("CNY", cents), .min_zero = true} */
#define TC_FIGURE_MONEY(cur, minor_units)                                                          \
	.measure = TC_MEASURE_MONEY, .currency = (cur), .value = (minor_units),                    \
	.scale = TC_MONEY_SCALE

/* The fields of a number of things: TC_FIGURE_COUNT(n) */
#define TC_FIGURE_COUNT(n) .measure = TC_MEASURE_COUNT, .value = (int64_t)(n)

/* Turns a failure into the result: state UNKNOWN (or `timeout_state` for a
 * timeout), the error's one line as summary, and no perfdata, since numbers that
 * could not be read must not be shown as if they were. */
void tc_result_fail(struct tc_result *r, const struct tc_error *err, enum tc_state timeout_state);

/* Text from outside (API names and messages, plugin output) made safe to show:
 * valid UTF-8 (each invalid byte sequence becomes U+FFFD), control characters (C0,
 * DEL, C1) and bidirectional overrides (U+202A-U+202E, U+2066-U+2069) replaced (tab,
 * CR, newline and U+2028/U+2029 by a space, the others by U+FFFD), and cut on a
 * character boundary to fit `size` bytes with its NUL, ending in "..." when cut.
 * TC_TEXT_KEEP_NEWLINES keeps '\n' (for multi-line text). Returns true when cut. */
enum { TC_TEXT_ONE_LINE = 0, TC_TEXT_KEEP_NEWLINES = 1 };
bool tc_text_copy(char *dst, size_t size, const char *src, unsigned flags);

/* "PREFIX STATE - summary | perfdata" then the long-output lines. */
void tc_result_render_nagios(const struct tc_result *r, FILE *out);

/* The perfdata part alone ("'a'=1;2;3;0; 'b'=..."), for tests and other renderers. */
void tc_perf_format(const struct tc_perf *p, char *buf, size_t size);

#endif

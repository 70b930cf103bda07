/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nagios threshold ranges, [@]start:end with inclusive endpoints and ~ for minus
 * infinity. Endpoints are fixed-point (TC_RANGE_SCALE decimals), so a threshold in
 * currency units compares exactly against an amount in cents. */
#ifndef TC_RANGE_H
#define TC_RANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define TC_RANGE_SCALE 2

struct tc_range {
	bool set;            /* false: no threshold, never alerts */
	bool start_infinite; /* "~" */
	bool end_infinite;   /* "N:" */
	bool inside;         /* "@": alert inside the range instead of outside */
	int64_t start;       /* value * 10^TC_RANGE_SCALE */
	int64_t end;
};

/* Parses text into *out; an invalid range is an error value, never an exit. */
int tc_range_parse(const char *text, struct tc_range *out, struct tc_error *err);

/* The largest value scale the comparisons take (values up to 10^18 times finer). */
#define TC_RANGE_MAX_SCALE 18

/* True when `value`, a fixed-point number with `scale` decimals (0 to
 * TC_RANGE_MAX_SCALE), should raise an alert: compared exactly, whatever the scale.
 * A warning and a critical range together are judged by tc_thresholds_judge. */
bool tc_range_alerts(const struct tc_range *r, int64_t value, int scale);

/* The lower bound of a plain "N:" or "N:M" range (set, not '@', finite start) at
 * `scale` decimals, when it is exact there: the level below which it alerts. */
bool tc_range_floor(const struct tc_range *r, int scale, int64_t *floor);

/* Parses a threshold on what is left (days until an expiry): a bare number N reads
 * as "N:", alerting when less than N is left, as certificate checks read it
 * (check_http -C 30,7); anything else is a Nagios range. */
int tc_range_parse_left(const char *text, struct tc_range *out, struct tc_error *err);

/* Canonical text ("3000:", "~:10", "@10:20.5") for perfdata; "" when unset. */
void tc_range_format(const struct tc_range *r, char *buf, size_t size);

/* Words for why `value` (at `scale`) alerts, with endpoints rendered by `fmt`:
 * "below ¥3,000.00", "above 10" (the side of the range it fell out of), "between 10
 * and 20" (@). `fmt` gets each endpoint at the value's own scale, cut toward zero
 * where the range holds finer digits, so it prints bounds as it prints values. */
typedef void (*tc_range_value_fmt)(int64_t value, int scale, char *buf, size_t size,
				   const void *ctx);
void tc_range_describe(const struct tc_range *r, int64_t value, int scale, tc_range_value_fmt fmt,
		       const void *ctx, char *buf, size_t size);

#endif

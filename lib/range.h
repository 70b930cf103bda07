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

/* True when value (at TC_RANGE_SCALE) should raise an alert. */
bool tc_range_alerts(const struct tc_range *r, int64_t value);

/* Canonical text ("3000:", "~:10", "@10:20.5") for perfdata; "" when unset. */
void tc_range_format(const struct tc_range *r, char *buf, size_t size);

/* Words for why `value` alerts, with endpoints rendered by `fmt`: "below ¥3,000.00",
 * "above 10" (the side of the range it fell out of), "between 10 and 20" (@). */
typedef void (*tc_range_value_fmt)(int64_t value, char *buf, size_t size, const void *ctx);
void tc_range_describe(const struct tc_range *r, int64_t value, tc_range_value_fmt fmt,
		       const void *ctx, char *buf, size_t size);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A warning and a critical range on one figure, and the one judge of a value
 * against them (monitoring-plugins' mp_thresholds and mp_get_pd_status). Values
 * are fixed point at a scale the caller states (money at TC_MONEY_SCALE, days at
 * 0, tenths of a day at 1), so no check scales numbers by hand to fit the ranges. */
#ifndef TC_THRESHOLDS_H
#define TC_THRESHOLDS_H

#include <stddef.h>
#include <stdint.h>

#include "range.h"
#include "state.h"

struct tc_thresholds {
	struct tc_range warning; /* unset: never warns */
	struct tc_range critical;
};

/* What the judge concluded and what is needed to say why. */
struct tc_verdict {
	enum tc_state state;            /* TC_OK, TC_WARNING or TC_CRITICAL */
	const struct tc_range *crossed; /* the range that decided it; NULL when OK */
	int64_t value;                  /* what was judged, at `scale` */
	int scale;
};

/* CRITICAL when `value` (with `scale` decimals, 0 to TC_RANGE_MAX_SCALE) alerts on
 * the critical range, else WARNING when it alerts on the warning range, else OK.
 * Range ends are inclusive; '@' alerts inside; '~' is minus infinity. */
struct tc_verdict tc_thresholds_judge(const struct tc_thresholds *t, int64_t value, int scale);

/* Why the verdict is not OK, endpoints printed by `fmt` at the value's scale:
 * "below ¥3,000.00", "above 30 min", "between 10 and 20"; "" when OK. */
void tc_verdict_why(const struct tc_verdict *v, tc_range_value_fmt fmt, const void *ctx, char *buf,
		    size_t size);

/* A tc_range_value_fmt for money: `ctx` is the currency ("CNY"), the value is in
 * minor units (TC_MONEY_SCALE), as money is judged. */
void tc_bound_money(int64_t value, int scale, char *buf, size_t size, const void *ctx);

/* A tc_range_value_fmt for plain numbers ("1", "12.5"). */
void tc_bound_number(int64_t value, int scale, char *buf, size_t size, const void *ctx);

#endif

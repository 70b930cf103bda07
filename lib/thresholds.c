/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "thresholds.h"

#include <stdio.h>

#include "decimal.h"
#include "money.h"

/* A money threshold is read at TC_RANGE_SCALE and compared with and printed as an
 * amount at TC_MONEY_SCALE: were they to differ, "-w 1000.5:" would be judged to one
 * precision and shown to another. */
_Static_assert(TC_RANGE_SCALE == TC_MONEY_SCALE, "money thresholds are exact to the cent");

struct tc_verdict tc_thresholds_judge(const struct tc_thresholds *t, int64_t value, int scale) {
	struct tc_verdict v = {.state = TC_OK, .value = value, .scale = scale};
	if (tc_range_alerts(&t->critical, value, scale)) {
		v.state = TC_CRITICAL;
		v.crossed = &t->critical;
	} else if (tc_range_alerts(&t->warning, value, scale)) {
		v.state = TC_WARNING;
		v.crossed = &t->warning;
	}
	return v;
}

void tc_verdict_why(const struct tc_verdict *v, tc_range_value_fmt fmt, const void *ctx, char *buf,
		    size_t size) {
	if (!v->crossed) {
		snprintf(buf, size, "%s", "");
		return;
	}
	tc_range_describe(v->crossed, v->value, v->scale, fmt, ctx, buf, size);
}

void tc_bound_money(int64_t value, int scale, char *buf, size_t size, const void *ctx) {
	if (scale != TC_MONEY_SCALE) {
		tc_bound_number(value, scale, buf, size, NULL); /* not money as judged */
		return;
	}
	tc_money_format(value, ctx, buf, size);
}

void tc_bound_number(int64_t value, int scale, char *buf, size_t size, const void *ctx) {
	(void)ctx;
	tc_decimal_format(value, scale, (struct tc_decimal_style){.trim = true}, buf, size);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pending_logic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "money.h"
#include "timeutil.h"

/* oldest first; Nagios keeps 8 KB of output */
#define PENDING_LISTED 30

static const char *status_word(int status) {
	return status == TC_ORDER_PAYING ? _("paying") : _("unpaid");
}

/* the id is display only: an answer may leave it out */
static const char *order_name(const struct tc_order *o) {
	return o->id[0] ? o->id : _("(no order id)");
}

static int by_age(const void *a, const void *b) {
	const struct tc_order *x = a, *y = b;
	if (x->created != y->created) {
		return x->created < y->created ? -1 : 1;
	}
	return strcmp(x->id, y->id);
}

/* ages are judged in whole minutes (scale 0), so a bound comes as whole minutes */
static void minutes_text(int64_t value, int scale, char *buf, size_t size, const void *ctx) {
	(void)scale;
	(void)ctx;
	snprintf(buf, size, _("%lld min"), (long long)value);
}

/* Judges one figure and says which range was crossed in a long-output line. */
static void judge(struct tc_result *r, const char *what, int64_t value, int scale,
		  const struct tc_thresholds *limits, tc_range_value_fmt fmt, const void *ctx) {
	char why[96];
	struct tc_verdict v = tc_thresholds_judge(limits, value, scale);
	tc_verdict_why(&v, fmt, ctx, why, sizeof why);
	tc_result_raise(r, v.state);
	if (v.state == TC_CRITICAL) {
		tc_result_line(r, _("critical: %s %s"), what, why);
	} else if (v.state == TC_WARNING) {
		tc_result_line(r, _("warning: %s %s"), what, why);
	}
}

void pending_evaluate(const struct tc_order *orders, size_t n, int64_t now,
		      const struct pending_config *cfg, struct tc_result *r) {
	struct tc_error absurd;
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (tc_money_add(&sum, orders[i].amount, "pending orders", &absurd) != 0) {
			tc_result_fail(r, &absurd, TC_UNKNOWN);
			return;
		}
	}
	struct tc_order *sorted = n ? malloc(n * sizeof *sorted) : NULL;
	int64_t total = 0, oldest_minutes = 0;
	char amount[64];
	if (n && !sorted) {
		tc_result_raise(r, TC_UNKNOWN);
		tc_result_summary(r, "%s", _("out of memory"));
		return;
	}
	if (n) {
		memcpy(sorted, orders, n * sizeof *sorted);
		qsort(sorted, n, sizeof *sorted, by_age);
		oldest_minutes = (now - sorted[0].created) / 60;
		if (oldest_minutes < 0) {
			oldest_minutes = 0; /* a clock ahead of ours: not older than now */
		}
	}
	for (size_t i = 0; i < n; i++) {
		total += sorted[i].amount;
	}
	tc_money_format(total, cfg->currency, amount, sizeof amount);

	if (n == 0) {
		tc_result_summary(r, _("no unpaid or paying orders in the last %d days"),
				  cfg->days);
	} else {
		char age[32], price[64];
		tc_format_age(oldest_minutes, age, sizeof age);
		tc_money_format(sorted[0].amount, cfg->currency, price, sizeof price);
		tc_result_summary(r,
				  ngettext("%zu pending order (%s); oldest %s: %s %s %s %s",
					   "%zu pending orders (%s); oldest %s: %s %s %s %s", n),
				  n, amount, age, order_name(&sorted[0]),
				  sorted[0].product[0] ? sorted[0].product : "-", price,
				  status_word(sorted[0].status));
	}
	judge(r, _("oldest order age"), oldest_minutes, 0, &cfg->age, minutes_text, NULL);
	judge(r, _("pending orders"), (int64_t)n, 0, &cfg->count, tc_bound_number, NULL);
	judge(r, _("pending amount"), total, TC_MONEY_SCALE, &cfg->amount, tc_bound_money,
	      cfg->currency);

	for (size_t i = 0; i < n && i < PENDING_LISTED; i++) {
		char created[24], age[32], price[64];
		const struct tc_order *o = &sorted[i];
		tc_format_api_time(o->created, cfg->offset, created, sizeof created);
		tc_format_age((now - o->created) / 60 > 0 ? (now - o->created) / 60 : 0, age,
			      sizeof age);
		tc_money_format(o->amount, cfg->currency, price, sizeof price);
		const char *product = o->product[0] ? o->product : "-";
		if (o->owner[0]) {
			tc_result_line(
			    r, _("%s: %s, %s, %s (status %d), customer %s, created %s, age %s"),
			    order_name(o), product, price, status_word(o->status), o->status,
			    o->owner, created, age);
		} else {
			tc_result_line(r, _("%s: %s, %s, %s (status %d), created %s, age %s"),
				       order_name(o), product, price, status_word(o->status),
				       o->status, created, age);
		}
	}
	if (n > PENDING_LISTED) {
		tc_result_line(r, _("... and %zu more"), n - PENDING_LISTED);
	}
	free(sorted);

	tc_result_add_figure(r, &(struct tc_figure){.name = "pending_orders",
						    TC_FIGURE_COUNT(n),
						    .limits = &cfg->count,
						    .min_zero = true});
	tc_result_add_figure(r, &(struct tc_figure){.name = "pending_amount",
						    TC_FIGURE_MONEY(cfg->currency, total),
						    .limits = &cfg->amount,
						    .min_zero = true});
	tc_result_add_figure(r, &(struct tc_figure){.name = "oldest_pending",
						    .measure = TC_MEASURE_MINUTES,
						    .value = oldest_minutes,
						    .limits = &cfg->age,
						    .min_zero = true});
}

int pending_age_range_check(const struct tc_range *r, struct tc_error *err) {
	char text[64];
	if (!tc_range_alerts(r, 0, 0)) { /* age 0, in whole minutes */
		return 0;
	}
	tc_range_format(r, text, sizeof text);
	return tc_error_set(err, TC_ERR_USAGE,
			    _("'%s' alerts with no pending order (age 0); the age of the oldest "
			      "order takes N for older than N minutes (-w 30 -c 1440)"),
			    text);
}

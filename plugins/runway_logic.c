/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "runway_logic.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "money.h"

/* The runway is counted, judged and shown in tenths of a day: the figure and the
 * judge take it at scale TENTHS, and the words print it as "%lld.%lld" of value / 10
 * and value % 10 (translated strings), which agrees with that scale only. */
#define TENTHS 1
_Static_assert(TENTHS == 1, "the runway's words print tenths of a day");

static void days_text(int64_t value, int scale, char *buf, size_t size, const void *ctx) {
	(void)scale; /* TENTHS, as judged */
	(void)ctx;
	snprintf(buf, size, _("%lld.%lld days"), (long long)(value / 10), (long long)(value % 10));
}

/* a * b / c for amounts whose product may not fit in 64 bits; c > 0 */
static int64_t mul_div(int64_t a, int64_t b, int64_t c) {
	__int128 x = (__int128)a * b / c;
	return x > INT64_MAX ? INT64_MAX : x < -INT64_MAX ? -INT64_MAX : (int64_t)x;
}

void runway_evaluate(const struct runway_input *in, const struct runway_config *cfg,
		     struct tc_result *r) {
	char avail[64], daily_text[64], words[256] = "", why[96];
	int64_t daily = in->spend_seconds > 0 ? mul_div(in->spend, 86400, in->spend_seconds) : 0;
	if (daily < 0) {
		daily = 0; /* refunds can make a period's spend negative: no burn */
	}
	/* tenths of a day, rounded down: what is shown is what is compared */
	int64_t runway10 = 0;
	if (daily > 0 && in->available > 0) {
		runway10 = mul_div(in->available, 10, daily);
	}
	tc_money_format(in->available, cfg->currency, avail, sizeof avail);
	tc_money_format(daily, cfg->currency, daily_text, sizeof daily_text);

	if (in->arrears) {
		char owed[64];
		tc_money_format(in->owed, cfg->currency, owed, sizeof owed);
		tc_result_raise(r, TC_CRITICAL);
		snprintf(words, sizeof words, _("in arrears: %s owed; runway 0 days at %s/day"),
			 owed, daily_text);
		runway10 = 0;
	} else if (daily == 0) {
		snprintf(words, sizeof words, _("no spend in %s: runway unlimited (%s available)"),
			 in->spend_words, avail);
	} else {
		snprintf(words, sizeof words, _("runway %lld.%lld days at %s/day"),
			 (long long)(runway10 / 10), (long long)(runway10 % 10), daily_text);
		struct tc_verdict v = tc_thresholds_judge(&cfg->limits, runway10, TENTHS);
		tc_verdict_why(&v, days_text, NULL, why, sizeof why);
		tc_result_raise(r, v.state);
		if (v.state == TC_CRITICAL) {
			tc_result_line(r, _("critical: runway %s"), why);
		} else if (v.state == TC_WARNING) {
			tc_result_line(r, _("warning: runway %s"), why);
		}
	}
	tc_result_line(r, _("available: %s"), avail);
	tc_result_line(r, _("daily spend: %s (from %s)"), daily_text, in->spend_words);
	char mtd[64];
	tc_money_format(in->month_to_date, cfg->currency, mtd, sizeof mtd);
	tc_result_line(r, _("month to date: %s"), mtd);

	int64_t pct10 = 0;
	if (cfg->has_budget) {
		char budget[64], forecast_text[64];
		int64_t forecast =
		    in->month_elapsed > 0
			? mul_div(in->month_to_date, in->month_length, in->month_elapsed)
			: in->month_to_date;
		pct10 = mul_div(in->month_to_date, 1000, cfg->budget);
		tc_money_format(cfg->budget, cfg->currency, budget, sizeof budget);
		tc_money_format(forecast, cfg->currency, forecast_text, sizeof forecast_text);
		size_t len = strlen(words);
		snprintf(words + len, sizeof words - len,
			 _("; budget %lld.%lld%% used, forecast %s of %s"), (long long)(pct10 / 10),
			 (long long)(pct10 % 10), forecast_text, budget);
		if (in->month_to_date > cfg->budget) {
			tc_result_raise(r, TC_CRITICAL);
			tc_result_line(r,
				       _("critical: month-to-date spend %s is over the budget %s"),
				       mtd, budget);
		} else if (forecast > cfg->budget) {
			tc_result_raise(r, TC_WARNING);
			tc_result_line(
			    r, _("warning: forecast %s for the month exceeds the budget %s"),
			    forecast_text, budget);
		}
	}
	tc_result_summary(r, "%s", words);

	if (daily > 0 || in->arrears) {
		tc_result_add_figure(r, &(struct tc_figure){.name = "runway",
							    .measure = TC_MEASURE_DAYS,
							    .value = runway10,
							    .scale = TENTHS,
							    .limits = &cfg->limits,
							    .min_zero = true});
	}
	tc_result_add_figure(r, &(struct tc_figure){.name = "daily_spend",
						    TC_FIGURE_MONEY(cfg->currency, daily),
						    .min_zero = true});
	tc_result_add_figure(r,
			     &(struct tc_figure){.name = "mtd_spend",
						 TC_FIGURE_MONEY(cfg->currency, in->month_to_date),
						 .min_zero = true});
	if (cfg->has_budget) {
		tc_result_add_figure(r, &(struct tc_figure){.name = "budget_used",
							    .measure = TC_MEASURE_PERCENT,
							    .value = pct10,
							    .scale = 1});
	}
}

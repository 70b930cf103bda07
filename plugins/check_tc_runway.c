/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_tc_runway: days until the available funds run out at the recent daily spend,
 * and month-to-date spend against an optional monthly budget. */
#include <string.h>
#include <time.h>

#include "tencentcloud/balance.h"
#include "money.h"
#include "i18n.h"
#include "tencentcloud/check.h"
#include "runway_logic.h"
#include "tencentcloud/spend.h"
#include "timeutil.h"

enum { OPT_WINDOW = 2000, OPT_SPEND_SOURCE, OPT_BUDGET };

struct runway_options {
	long window;
	bool bill;
	struct runway_config cfg;
};

static int handle(int key, const char *arg, void *ctx, struct tc_error *err) {
	struct runway_options *o = ctx;
	switch (key) {
	case OPT_WINDOW:
		return tc_opts_long("--window", arg, 1, 90, &o->window, err);
	case OPT_SPEND_SOURCE:
		if (strcmp(arg, "cost") != 0 && strcmp(arg, "bill") != 0) {
			return tc_error_set(err, TC_ERR_USAGE,
					    _("invalid --spend-source '%s': use cost or bill"),
					    arg);
		}
		o->bill = strcmp(arg, "bill") == 0;
		return 0;
	case OPT_BUDGET:
		if (tc_money_parse(arg, &o->cfg.budget, err) != 0 || o->cfg.budget <= 0) {
			return tc_error_set(err, TC_ERR_USAGE,
					    _("invalid --budget '%s': a positive amount"), arg);
		}
		o->cfg.has_budget = true;
		return 0;
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option");
}

/* Spend of the last `window` whole days, and of the month so far, from the daily series. */
static int spend_from_costs(struct tc_cloud *cloud, int64_t now, long window,
			    struct runway_input *in, struct tc_error *err) {
	int offset = cloud->opts.api_offset;
	int64_t today = tc_day_start(now, offset);
	int64_t month = tc_month_start(now, offset);
	int64_t from = today - window * 86400 < month ? today - window * 86400 : month;
	struct tc_spend_series s;
	if (tc_cost_series_fetch(&cloud->api, from, now, offset, &s, err) != 0) {
		tc_spend_series_free(&s);
		return -1;
	}
	for (long d = 1; d <= window; d++) {
		in->spend += tc_spend_on(&s, today - d * 86400);
	}
	for (int64_t day = month; day <= today; day += 86400) {
		in->month_to_date += tc_spend_on(&s, day);
	}
	in->spend_seconds = window * 86400;
	tc_spend_series_free(&s);
	return 0;
}

static int check(struct tc_run *run, struct tc_cloud *cloud, struct tc_result *res,
		 struct tc_error *err) {
	struct runway_options *o = run->program->ctx;
	struct tc_balance b;
	struct runway_input in = {0};
	char words[64];
	int64_t now = (int64_t)time(NULL);
	int offset = cloud->opts.api_offset;
	bool credit = false, ready = true;
	if (tc_balance_fetch(&cloud->api, &b, err) != 0) {
		return -1;
	}
	in.available = tc_balance_available(&b, &credit);
	in.owed = b.owe.cents;
	in.arrears = tc_balance_in_arrears(&b);
	in.month_elapsed = now - tc_month_start(now, offset);
	in.month_length = (int64_t)tc_days_in_month(now, offset) * 86400;
	if (o->bill) {
		if (tc_bill_month_fetch(&cloud->api, now, offset, &in.month_to_date, &ready, err) !=
		    0) {
			return -1;
		}
		if (!ready) {
			return tc_error_set(
			    err, TC_ERR_DATA,
			    _("DescribeBillSummaryByProduct: this month's bill is not "
			      "ready yet (Ready=0); the service says to retry in about 10 "
			      "minutes"));
		}
		in.spend = in.month_to_date;
		in.spend_seconds = in.month_elapsed;
		snprintf(words, sizeof words, "%s", _("this month so far"));
	} else {
		if (spend_from_costs(cloud, now, o->window, &in, err) != 0) {
			return -1;
		}
		snprintf(words, sizeof words, _("the last %ld days"), o->window);
	}
	in.spend_words = words;
	o->cfg.limits = (struct tc_thresholds){run->warning, run->critical};
	o->cfg.currency = cloud->opts.currency;
	runway_evaluate(&in, &o->cfg, res);
	return 0;
}

static const struct option own_options[] = {
    {"window", required_argument, NULL, OPT_WINDOW},
    {"spend-source", required_argument, NULL, OPT_SPEND_SOURCE},
    {"budget", required_argument, NULL, OPT_BUDGET},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv) {
	struct runway_options options = {.window = 7};
	const struct tc_program program = {
	    .name = "check_tc_runway",
	    .prefix = "TC RUNWAY",
	    .purpose =
		N_("Checks how many days the available funds of a Tencent Cloud account last at\n"
		   "the recent daily spend (DescribeAccountBalance + DescribeCostExplorerSummary\n"
		   "or DescribeBillSummaryByProduct), and spend against a monthly budget."),
	    .threshold_help = N_("ranges on the runway in days; -w 14: warns below 14 days."),
	    .default_warning = "14:",
	    .default_critical = "7:",
	    .extra_help = N_(
		"      --window=N         mean daily spend over the last N whole days (default 7)\n"
		"      --spend-source=cost|bill  daily cost series (default), or this month's\n"
		"                         bill so far (DescribeBillSummaryByProduct)\n"
		"      --budget=AMOUNT    monthly budget: WARNING when the month's linear "
		"forecast\n"
		"                         exceeds it, CRITICAL when the month so far does\n"),
	    .options = own_options,
	    .handle = handle,
	    .ctx = &options,
	};
	return tc_check_main(&program, argc, argv, check);
}

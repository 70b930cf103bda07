/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_tc_pending: unpaid (status 1) and paying (status 12) orders, by age of the
 * oldest, count and amount. */
#include <string.h>
#include <time.h>

#include "tencentcloud/orders.h"
#include "pending_logic.h"
#include "i18n.h"
#include "tencentcloud/check.h"

enum {
	OPT_DAYS = 2000,
	OPT_PARTNER,
	OPT_WARN_COUNT,
	OPT_CRIT_COUNT,
	OPT_WARN_AMOUNT,
	OPT_CRIT_AMOUNT
};

struct pending_options {
	long days;
	bool partner;
	struct pending_config cfg;
};

static int handle(int key, const char *arg, void *ctx, struct tc_error *err) {
	struct pending_options *o = ctx;
	switch (key) {
	case OPT_DAYS:
		return tc_opts_long("--days", arg, 1, 3650, &o->days, err);
	case OPT_PARTNER:
		o->partner = true;
		return 0;
	case OPT_WARN_COUNT:
		return tc_opts_range("--warning-count", arg, &o->cfg.count.warning, err);
	case OPT_CRIT_COUNT:
		return tc_opts_range("--critical-count", arg, &o->cfg.count.critical, err);
	case OPT_WARN_AMOUNT:
		return tc_opts_range("--warning-amount", arg, &o->cfg.amount.warning, err);
	case OPT_CRIT_AMOUNT:
		return tc_opts_range("--critical-amount", arg, &o->cfg.amount.critical, err);
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option");
}

static int check(struct tc_run *run, struct tc_cloud *cloud, struct tc_result *res,
		 struct tc_error *err) {
	struct pending_options *o = run->program->ctx;
	struct tc_orders orders;
	int64_t now = (int64_t)time(NULL);
	int offset = cloud->opts.api_offset;
	long days = o->days;
	int rc;
	if (o->partner && cloud->opts.site == TC_SITE_INTL) {
		return tc_error_set(
		    err, TC_ERR_USAGE,
		    _("--partner reads partners 2018-03-21 (DescribeAgentPayDealsV2), "
		      "which serves the China site only: drop --site intl"));
	}
	if (pending_age_range_check(&run->warning, err) != 0) {
		return tc_error_prefix(err, "-w");
	}
	if (pending_age_range_check(&run->critical, err) != 0) {
		return tc_error_prefix(err, "-c");
	}
	/* the window ends at this second, so no stored answer could ever be reused: the
	 * cache would only fill up with entries */
	cloud->api.cache = NULL;
	if (o->partner) {
		/* partner orders are kept for 15 days only */
		if (days > 15) {
			days = 15;
		}
		rc = tc_agent_orders_fetch(&cloud->api, now - days * 86400, now, offset, &orders,
					   err);
	} else {
		rc = tc_orders_fetch(&cloud->api, now - days * 86400, now, offset, &orders, err);
	}
	if (rc != 0) {
		tc_orders_free(&orders);
		return -1;
	}
	o->cfg.age = (struct tc_thresholds){run->warning, run->critical};
	o->cfg.currency = cloud->opts.currency;
	o->cfg.days = (int)days;
	o->cfg.offset = offset;
	/* ages are measured from when the orders were read, not from when the window was
	 * set: a slow answer must not make an order look younger than it is */
	pending_evaluate(orders.items, orders.n, (int64_t)time(NULL), &o->cfg, res);
	tc_result_line(res, _("%s over the last %ld days: %ld requests"),
		       o->partner ? "DescribeAgentPayDealsV2" : "DescribeDealsByCond", days,
		       orders.requests);
	tc_orders_free(&orders);
	return 0;
}

static const struct option own_options[] = {
    {"days", required_argument, NULL, OPT_DAYS},
    {"partner", no_argument, NULL, OPT_PARTNER},
    {"warning-count", required_argument, NULL, OPT_WARN_COUNT},
    {"critical-count", required_argument, NULL, OPT_CRIT_COUNT},
    {"warning-amount", required_argument, NULL, OPT_WARN_AMOUNT},
    {"critical-amount", required_argument, NULL, OPT_CRIT_AMOUNT},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv) {
	struct pending_options options = {.days = 30};
	const struct tc_program program = {
	    .name = "check_tc_pending",
	    .prefix = "TC PENDING",
	    .purpose =
		N_("Checks for unpaid (status 1) and paying (status 12) orders of a Tencent Cloud\n"
		   "account (DescribeDealsByCond; partners: DescribeAgentPayDealsV2)."),
	    .threshold_help =
		N_("ranges on the age of the oldest pending order in minutes;\n"
		   "-w 30 warns when it is older than 30 minutes. A range that would\n"
		   "alert with no pending order at all (30:, @0:30) is refused."),
	    .default_warning = "30",
	    .default_critical = "1440",
	    .extra_help =
		N_("      --days=N           look back N days (default 30; partners: at most 15)\n"
		   "      --partner          China-site partner: orders paid for customers (the\n"
		   "                         partners API serves the China site only)\n"
		   "      --warning-count=RANGE, --critical-count=RANGE  on the number of orders\n"
		   "      --warning-amount=RANGE, --critical-amount=RANGE  on their total amount\n"
		   "Orders are read anew each run: the --cache-* options do not apply.\n"),
	    .options = own_options,
	    .handle = handle,
	    .ctx = &options,
	};
	return tc_check_main(&program, argc, argv, check);
}

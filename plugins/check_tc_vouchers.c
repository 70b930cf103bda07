/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_tc_vouchers: unused vouchers with value left that expire soon. */
#include <time.h>

#include "money.h"
#include "i18n.h"
#include "tencentcloud/check.h"
#include "tencentcloud/vouchers.h"
#include "vouchers_logic.h"

enum { OPT_MIN_VALUE = 2000 };

static int handle(int key, const char *arg, void *ctx, struct tc_error *err) {
	struct vouchers_config *c = ctx;
	if (key == OPT_MIN_VALUE) {
		if (tc_money_parse(arg, &c->min_value, err) != 0) {
			return tc_error_prefix(err, "--min-value");
		}
		return 0;
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option");
}

static int check(struct tc_run *run, struct tc_cloud *cloud, struct tc_result *res,
		 struct tc_error *err) {
	struct vouchers_config *cfg = run->program->ctx;
	struct tc_vouchers v;
	int64_t now = (int64_t)time(NULL);
	/* -w/-c on days left: a bare N means "fewer than N days left" */
	if (tc_range_parse_left(run->opts.warning, &run->warning, err) != 0) {
		return tc_error_prefix(err, "-w");
	}
	if (tc_range_parse_left(run->opts.critical, &run->critical, err) != 0) {
		return tc_error_prefix(err, "-c");
	}
	if (tc_vouchers_fetch(&cloud->api, cloud->opts.api_offset, &v, err) != 0) {
		tc_vouchers_free(&v);
		return -1;
	}
	cfg->days = (struct tc_thresholds){run->warning, run->critical};
	cfg->currency = cloud->opts.currency;
	cfg->offset = cloud->opts.api_offset;
	vouchers_evaluate(v.items, v.n, now, cfg, res);
	tc_result_line(res, _("%zu unused vouchers read in %ld requests"), v.n, v.requests);
	tc_vouchers_free(&v);
	return 0;
}

static const struct option own_options[] = {
    {"min-value", required_argument, NULL, OPT_MIN_VALUE},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv) {
	struct vouchers_config cfg = {.min_value = 1};
	const struct tc_program program = {
	    .name = "check_tc_vouchers",
	    .prefix = "TC VOUCHERS",
	    .purpose = N_(
		"Checks the unused vouchers of a Tencent Cloud account (DescribeVoucherInfo) for\n"
		"value about to lapse."),
	    .threshold_help =
		N_("days left until the earliest expiry of a voucher with value left;\n"
		   "a bare N means fewer than N days left, as certificate checks read\n"
		   "it (-w 30 = -w 30:, warns when one expires within 30 days); other\n"
		   "Nagios ranges (@, ~, N:M) are taken as written. A voucher whose\n"
		   "expiry date cannot be read is listed and gives WARNING."),
	    .default_warning = "30:",
	    .default_critical = "7:",
	    .extra_help =
		N_("      --min-value=AMOUNT ignore vouchers with less left (default 0.01)\n"),
	    .options = own_options,
	    .handle = handle,
	    .ctx = &cfg,
	};
	return tc_check_main(&program, argc, argv, check);
}

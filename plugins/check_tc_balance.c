/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_tc_balance: the available balance of a Tencent Cloud account, arrears, and
 * for credit accounts the credit left. */
#include "tencentcloud/balance.h"
#include "balance_logic.h"
#include "i18n.h"
#include "tencentcloud/check.h"

static int check(struct tc_run *run, struct tc_cloud *cloud, struct tc_result *res,
		 struct tc_error *err) {
	struct tc_balance b;
	if (tc_balance_fetch(&cloud->api, &b, err) != 0) {
		return -1;
	}
	struct balance_config cfg = {
	    .limits = {run->warning, run->critical},
	    .currency = cloud->opts.currency,
	    .intl = cloud->opts.site == TC_SITE_INTL,
	};
	balance_evaluate(&b, &cfg, res);
	return 0;
}

static const struct tc_program program = {
    .name = "check_tc_balance",
    .prefix = "TC BALANCE",
    .purpose =
	N_("Checks the available balance of a Tencent Cloud account (DescribeAccountBalance):\n"
	   "thresholds on the funds available, CRITICAL on arrears."),
    .threshold_help = N_("ranges on the available balance in currency units (for credit\n"
			 "accounts: the credit still available); -w 3000: warns below 3000."),
    .default_warning = "3000:",
    .default_critical = "1000:",
};

int main(int argc, char **argv) {
	return tc_check_main(&program, argc, argv, check);
}

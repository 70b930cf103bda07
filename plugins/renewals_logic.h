/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What check_tc_renewals concludes from the instances and their renewal settings. */
#ifndef TC_RENEWALS_LOGIC_H
#define TC_RENEWALS_LOGIC_H

#include <stdbool.h>

#include "tencentcloud/balance.h"
#include "tencentcloud/renewals.h"
#include "result.h"
#include "thresholds.h"

struct renewals_config {
	struct tc_thresholds days; /* days left: "30:" warns under 30 days */
	bool include_not_renewing; /* judge DISABLE_NOTIFY_AND_MANUAL_RENEW like manual */
	const char *products;      /* comma-separated ProductCodes, NULL: all */
	const char *regions;       /* RegionCodes */
	const char *projects;      /* ProjectNames */
	const char *exclude;       /* InstanceIds left out */
	const char *currency;
	int offset; /* UTC offset of the API's times */
};

/* Whether an instance passes the filters (product, region, project, exclusions). */
bool renewals_selected(const struct tc_renewal *x, const struct renewals_config *cfg);

/* What the decision needs of the account balance (--balance). */
struct renewals_balance {
	bool known;        /* read: DescribeAccountBalance answered */
	int64_t available; /* cents, tc_balance_available */
	int64_t owed;      /* cents, OweAmount */
};

/* The number of auto-renewing instances due within the warning range, the one
 * figure that decides whether --balance needs reading. */
size_t renewals_auto_due(const struct tc_renewal *x, size_t n, int64_t now,
			 const struct renewals_config *cfg);

/* Judges the selected instances. Days left count calendar days at the API's offset
 * (0 = expires today); ISOLATED is CRITICAL; instances set not to renew are listed
 * without alerting unless include_not_renewing; an instance without a readable
 * ExpireTime is named and the others judged. `balance` may be NULL (not asked). */
void renewals_evaluate(const struct tc_renewal *x, size_t n, int64_t now,
		       const struct renewals_config *cfg, const struct renewals_balance *balance,
		       struct tc_result *r);

/* Zabbix low-level discovery JSON of the instances ({#INSTANCE}, {#NAME}, {#PRODUCT},
 * {#REGION}, {#PROJECT}, {#RENEWFLAG}); the caller frees it. */
char *renewals_discovery(const struct tc_renewal *x, size_t n);

#endif

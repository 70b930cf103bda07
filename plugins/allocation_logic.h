/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What check_tc_allocation concludes: accounts running low while the pool holds
 * unallocated funds (allocate), or more than the pool can cover (top up). */
#ifndef TC_ALLOCATION_LOGIC_H
#define TC_ALLOCATION_LOGIC_H

#include <stdbool.h>

#include "tencentcloud/funds.h"
#include "result.h"
#include "thresholds.h"

struct allocation_config {
	struct tc_thresholds limits; /* on each account's available funds */
	struct tc_thresholds pool;   /* on the pool's unallocated funds */
	const char *currency;
	const char *pool_name; /* what the pool is, for the long output */
};

/* A comma-separated list of UINs or names; `include` empty means all. */
bool allocation_selected(const struct tc_fund_account *a, const char *include, const char *exclude);

/* Whether an entry of `list` matches no account (by UIN or name); copies the first
 * such entry to `entry`. A typo in --include or --exclude must not pass silently. */
bool allocation_unmatched(const char *list, const struct tc_fund_account *a, size_t n, char *entry,
			  size_t size);

/* Accounts in arrears (tc_balance_in_arrears) are CRITICAL; the others are judged
 * on their available funds. */
void allocation_evaluate(int64_t pool, const struct tc_fund_account *a, size_t n,
			 const struct allocation_config *cfg, struct tc_result *r);

/* Zabbix low-level discovery JSON: {"data":[{"{#UIN}":"..","{#NAME}":".."}]}. */
char *allocation_discovery(const struct tc_fund_account *a, size_t n);

#endif

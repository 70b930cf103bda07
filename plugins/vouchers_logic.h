/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What check_tc_vouchers concludes from the unused vouchers. */
#ifndef TC_VOUCHERS_LOGIC_H
#define TC_VOUCHERS_LOGIC_H

#include "range.h"
#include "result.h"
#include "tencentcloud/vouchers.h"

struct vouchers_config {
	struct tc_range warning; /* days until the earliest expiry */
	struct tc_range critical;
	int64_t min_value; /* cents: smaller balances are ignored */
	const char *currency;
	int offset; /* UTC offset of the API's dates */
};

/* Days left count calendar days at the API's offset: 0 = expires today. A voucher
 * whose date has passed but still shows a balance is a WARNING of its own, and so is
 * one whose expiry date cannot be read (named in the long output, not judged). */
void vouchers_evaluate(const struct tc_voucher *v, size_t n, int64_t now,
		       const struct vouchers_config *cfg, struct tc_result *r);

/* A -w/-c value on the days left: a bare number N means "N:" (alert when fewer than
 * N days are left), as certificate checks read it; anything else is a Nagios range. */
int vouchers_days_range(const char *text, struct tc_range *out, struct tc_error *err);

#endif

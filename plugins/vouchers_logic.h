/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What check_tc_vouchers concludes from the unused vouchers. */
#ifndef TC_VOUCHERS_LOGIC_H
#define TC_VOUCHERS_LOGIC_H

#include "result.h"
#include "tencentcloud/vouchers.h"
#include "thresholds.h"

struct vouchers_config {
	struct tc_thresholds days; /* days until the earliest expiry (tc_range_parse_left) */
	int64_t min_value;         /* cents: smaller balances are ignored */
	const char *currency;
	int offset; /* UTC offset of the API's dates */
};

/* Days left count calendar days at the API's offset: 0 = expires today. A voucher
 * whose date has passed but still shows a balance is a WARNING of its own, and so is
 * one whose expiry date cannot be read (named in the long output, not judged). */
void vouchers_evaluate(const struct tc_voucher *v, size_t n, int64_t now,
		       const struct vouchers_config *cfg, struct tc_result *r);

#endif

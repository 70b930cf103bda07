/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What check_tc_balance concludes from an account's balance: a pure function, so
 * unit tests reach every state without a network. */
#ifndef TC_BALANCE_LOGIC_H
#define TC_BALANCE_LOGIC_H

#include "tencentcloud/balance.h"
#include "result.h"
#include "thresholds.h"

struct balance_config {
	struct tc_thresholds limits; /* on available funds, in currency units */
	const char *currency;        /* "CNY" */
	bool intl; /* international site: cash, income and gift are "not applied" */
};

/* Credit accounts (CreditAmount > 0) are judged on the funds available including
 * the credit line; their OweAmount is credit in use, and arrears means owing more
 * than the line (tc_balance_in_arrears). Other accounts are judged on RealBalance
 * and are in arrears as soon as OweAmount > 0. On the international site the
 * cash, income and gift lines are shown only when they hold money. */
void balance_evaluate(const struct tc_balance *b, const struct balance_config *cfg,
		      struct tc_result *r);

#endif

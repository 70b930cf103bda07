/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeAccountBalance (billing 2018-07-09): the account's money in cents. */
#ifndef TC_BALANCE_H
#define TC_BALANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "tencentcloud/api.h"
#include "error.h"

struct tc_amount {
	bool present;
	int64_t cents;
};

struct tc_balance {
	char uin[32];                  /* display only: "" when absent or unreadable */
	struct tc_amount real_balance; /* available: cash + income + present - frozen - owed */
	struct tc_amount cash;
	struct tc_amount income;
	struct tc_amount present; /* gift account */
	struct tc_amount freeze;
	struct tc_amount owe;
	struct tc_amount credit_amount;       /* credit limit */
	struct tc_amount real_credit_balance; /* available including credit, less frozen */
	struct tc_amount temp_credit;
};

/* Reads a Response object. Money is strict: RealBalance and OweAmount are
 * required, every amount present must be a number in cents, and amounts that
 * cannot be negative (frozen, owed, credit) must not be. Uin is display only: a
 * number, a string (the official example sent "90961") or nothing. */
int tc_balance_from_json(struct json_object *response, struct tc_balance *out,
			 struct tc_error *err);

/* What the account can spend: RealBalance, or for a credit account (CreditAmount
 * > 0) the credit still available. That is RealCreditBalance when the answer has
 * it (DescribeAccountBalance). Without it (organization members) the line's normal
 * use shows as OweAmount and what RealBalance holds is not documented, so the
 * smaller of RealBalance + CreditAmount (RealBalance read as an account's, cash
 * less owed) and CashAccountBalance + CreditAmount - OweAmount: right when
 * RealBalance is read the first way, never counting the line twice when it
 * already includes it. Sets *credit accordingly. */
int64_t tc_balance_available(const struct tc_balance *b, bool *credit);

/* Arrears: a credit account owes more than its line, or has no credit left; any
 * other account owes anything (or, when OweAmount is not given, has a negative
 * RealBalance). */
bool tc_balance_in_arrears(const struct tc_balance *b);

/* Calls DescribeAccountBalance with TempCredit: true, so that the answer carries
 * the temporary credit. */
int tc_balance_fetch(struct tc_api *api, struct tc_balance *out, struct tc_error *err);

#endif

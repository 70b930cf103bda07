/* DescribeAccountBalance (billing 2018-07-09): the account's money in cents. */
#ifndef TC_BALANCE_H
#define TC_BALANCE_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "api.h"
#include "error.h"

struct tc_amount {
	bool present;
	int64_t cents;
};

struct tc_balance {
	int64_t uin;                   /* 0 when not returned */
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

/* Reads a Response object; RealBalance and OweAmount are required, amounts that
 * cannot be negative (frozen, owed, credit) must not be. */
int tc_balance_from_json(struct json_object *response, struct tc_balance *out,
			 struct tc_error *err);

/* What the account can spend: RealBalance, or for a credit account (CreditAmount
 * > 0) the credit still available (RealCreditBalance, else RealBalance +
 * CreditAmount). Sets *credit accordingly. */
int64_t tc_balance_available(const struct tc_balance *b, bool *credit);

/* Calls DescribeAccountBalance. */
int tc_balance_fetch(struct tc_api *api, struct tc_balance *out, struct tc_error *err);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The accounts that spend money someone else holds: organization members
 * (DescribeOrgMemberAccountBalance, cents, pages of 10, the model's maximum) and an international
 * partner's customers (QueryCustomersCredit, USD floats, pages of 100), and the partner's own
 * unallocated credit (QueryPartnerCredit). */
#ifndef TC_FUNDS_H
#define TC_FUNDS_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "tencentcloud/api.h"
#include "error.h"

struct tc_fund_account {
	char uin[32];      /* display: "" when the answer has none */
	char name[96];     /* display: "" when the answer has none */
	int64_t available; /* cents: what the account can spend (credit left for credit members) */
	int64_t owed;      /* cents */
	bool credit;       /* a credit account (members) */
	bool arrears;      /* tc_balance_in_arrears: owes more than it may */
};

struct tc_fund_accounts {
	struct tc_fund_account *items;
	size_t n;
	long requests;
};

int tc_members_fetch(struct tc_api *api, struct tc_fund_accounts *out, struct tc_error *err);
int tc_customers_fetch(struct tc_api *api, struct tc_fund_accounts *out, struct tc_error *err);

/* The partner's RemainingCredit (credit not yet allocated to customers), cents. */
int tc_partner_credit_fetch(struct tc_api *api, int64_t *remaining, struct tc_error *err);
int tc_partner_credit_from_json(struct json_object *response, int64_t *remaining,
				struct tc_error *err);

/* One Data[] entry. Every field is optional in the models: display fields (UIN,
 * name) never fail; money is strict: RealBalance (members) and RemainingCredit
 * (customers) are required, and a credit member needs CreditAmount and OweAmount. */
int tc_member_from_json(struct json_object *m, struct tc_fund_account *out, struct tc_error *err);
int tc_customer_from_json(struct json_object *c, struct tc_fund_account *out, struct tc_error *err);

void tc_fund_accounts_free(struct tc_fund_accounts *a);

#endif

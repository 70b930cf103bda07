/* The accounts that spend money someone else holds: organization members
 * (DescribeOrgMemberAccountBalance, cents, pages of 10) and an international
 * partner's customers (QueryCustomersCredit, USD floats), and the partner's own
 * unallocated credit (QueryPartnerCredit). */
#ifndef TC_FUNDS_H
#define TC_FUNDS_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "api.h"
#include "error.h"

struct tc_fund_account {
	char uin[32];
	char name[96];
	int64_t available; /* cents: what the account can spend */
	int64_t owed;      /* cents */
	bool credit;       /* a credit account (members) */
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

int tc_member_from_json(struct json_object *m, struct tc_fund_account *out, struct tc_error *err);
int tc_customer_from_json(struct json_object *c, struct tc_fund_account *out, struct tc_error *err);

void tc_fund_accounts_free(struct tc_fund_accounts *a);

#endif

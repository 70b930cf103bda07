/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "actions.h"

#include <stdio.h>
#include <string.h>

/* Amount in cents from the account's "balance" object; absent fields are 0. */
static int64_t cents(struct json_object *balance, const char *key) {
	struct json_object *v = NULL;
	if (!balance || !json_object_object_get_ex(balance, key, &v)) {
		return 0;
	}
	return json_object_get_int64(v);
}

static bool flag(struct json_object *balance, const char *key) {
	struct json_object *v = NULL;
	return balance && json_object_object_get_ex(balance, key, &v) && json_object_get_boolean(v);
}

/* TempCredit and TempAmountInfoList come back only when the request asks for them
 * with TempCredit: true, as in the official example. */
int sim_describe_account_balance(struct sim_call *c, struct json_object *response) {
	struct json_object *account = c->account;
	struct json_object *b = NULL, *uin = NULL, *ask = NULL;
	if (json_object_object_get_ex(c->params, "TempCredit", &ask) &&
	    !json_object_is_type(ask, json_type_boolean)) {
		return sim_fail(c, "InvalidParameter",
				"The parameter `TempCredit` must be a boolean.");
	}
	bool with_temp = ask && json_object_get_boolean(ask);
	json_object_object_get_ex(account, "balance", &b);
	int64_t cash = cents(b, "cash"), income = cents(b, "income"), present = cents(b, "present"),
		freeze = cents(b, "freeze"), owe = cents(b, "owe"), credit = cents(b, "credit"),
		temp = cents(b, "temp_credit");
	int64_t real = cash + income + present - freeze - owe;
	int64_t credit_balance = cash + income + present + credit - owe;
	/* the service writes its Float cents fields as JSON integers */
	json_object_object_add(response, "Balance", json_object_new_int64(real));
	json_object_object_add(response, "Uin",
			       json_object_object_get_ex(account, "uin", &uin)
				   ? sim_copy(uin)
				   : json_object_new_int64(0));
	json_object_object_add(response, "RealBalance", json_object_new_int64(real));
	json_object_object_add(response, "CashAccountBalance", json_object_new_int64(cash));
	json_object_object_add(response, "IncomeIntoAccountBalance", json_object_new_int64(income));
	json_object_object_add(response, "PresentAccountBalance", json_object_new_int64(present));
	json_object_object_add(response, "FreezeAmount", json_object_new_int64(freeze));
	json_object_object_add(response, "OweAmount", json_object_new_int64(owe));
	json_object_object_add(response, "IsAllowArrears",
			       json_object_new_boolean(flag(b, "allow_arrears")));
	json_object_object_add(response, "IsCreditLimited", json_object_new_boolean(credit > 0));
	json_object_object_add(response, "CreditAmount", json_object_new_int64(credit));
	json_object_object_add(response, "CreditBalance", json_object_new_int64(credit_balance));
	json_object_object_add(response, "RealCreditBalance",
			       json_object_new_int64(credit_balance - freeze));
	if (with_temp) {
		json_object_object_add(response, "TempCredit", json_object_new_int64(temp));
		struct json_object *list = json_object_new_array();
		if (temp > 0) {
			struct json_object *e = json_object_new_object();
			char who[32];
			snprintf(who, sizeof who, "%lld", (long long)sim_int(account, "uin", 0));
			json_object_object_add(e, "EndTime",
					       json_object_new_string("2026-12-31 00:00:00"));
			json_object_object_add(e, "StartTime",
					       json_object_new_string("2026-11-01 00:00:00"));
			json_object_object_add(e, "TempAmount", json_object_new_int64(temp));
			json_object_object_add(e, "Uin", json_object_new_string(who));
			json_object_array_add(list, e);
		}
		json_object_object_add(response, "TempAmountInfoList", list);
	}
	sim_apply_overrides(account, "balance_fields", response);
	return 0;
}

static const struct sim_action actions[] = {
    {"billing", "2018-07-09", "DescribeAccountBalance", sim_describe_account_balance},
    {"billing", "2018-07-09", "DescribeDealsByCond", sim_describe_deals_by_cond},
    {"billing", "2018-07-09", "DescribeVoucherInfo", sim_describe_voucher_info},
    {"billing", "2018-07-09", "DescribeRenewInstances", sim_describe_renew_instances},
    {"billing", "2018-07-09", "DescribeOrgMemberAccountBalance",
     sim_describe_org_member_account_balance},
    {"billing", "2018-07-09", "DescribeCostExplorerSummary", sim_describe_cost_explorer_summary},
    {"billing", "2018-07-09", "DescribeBillSummaryByProduct", sim_describe_bill_summary_by_product},
    {"partners", "2018-03-21", "DescribeAgentPayDealsV2", sim_describe_agent_pay_deals_v2},
    {"intlpartnersmgt", "2022-09-28", "QueryPartnerCredit", sim_query_partner_credit},
    {"intlpartnersmgt", "2022-09-28", "QueryCustomersCredit", sim_query_customers_credit},
};

static const struct {
	const char *service;
	const char *version;
} services[] = {
    {"billing", "2018-07-09"},
    {"partners", "2018-03-21"},
    {"intlpartnersmgt", "2022-09-28"},
};

const char *sim_service_version(const char *service) {
	for (size_t i = 0; i < sizeof services / sizeof services[0]; i++) {
		if (strcmp(services[i].service, service) == 0) {
			return services[i].version;
		}
	}
	return NULL;
}

const struct sim_action *sim_action_find(const char *service, const char *name,
					 bool *service_known) {
	*service_known = sim_service_version(service) != NULL;
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		if (strcmp(actions[i].service, service) == 0 &&
		    strcmp(actions[i].name, name) == 0) {
			return &actions[i];
		}
	}
	return NULL;
}

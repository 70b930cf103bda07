/* DescribeOrgMemberAccountBalance from "members": {"uin", "name", "real" (cents),
 * "credit", "owe", "repeat"}; QueryPartnerCredit from "partner": {"total",
 * "allocated", "remaining"} and QueryCustomersCredit from "customers": {"uin",
 * "name", "credit", "remaining"}, USD as decimal text sent as JSON floats. */
#include <stdio.h>

#include "actions.h"

#define MEMBER_MAX_PAGE 10

int sim_describe_org_member_account_balance(struct sim_call *c, struct json_object *r) {
	int64_t page, size;
	if (sim_param_int(c, "PageNumber", false, 1, &page) ||
	    sim_param_int(c, "PageSize", false, 10, &size)) {
		return -1;
	}
	if (page < 1 || size < 1 || size > MEMBER_MAX_PAGE) {
		return sim_fail(c, "InvalidParameterValue",
				"PageSize must be 1-10, PageNumber >= 1.");
	}
	struct json_object *list = sim_list(c->account, "members");
	if (!list) {
		return sim_fail(c, "UnsupportedOperation",
				"The account is not the admin of an organization.");
	}
	size_t n = json_object_array_length(list);
	struct json_object *out = json_object_new_array();
	for (size_t i = (size_t)((page - 1) * size); i < n && i < (size_t)(page * size); i++) {
		struct json_object *m = json_object_array_get_idx(list, i),
				   *e = json_object_new_object();
		char uin[32];
		int64_t credit = sim_int(m, "credit", 0);
		snprintf(uin, sizeof uin, "%lld", (long long)sim_int(m, "uin", 0));
		json_object_object_add(e, "MemberUin", json_object_new_string(uin));
		json_object_object_add(e, "MemberName",
				       json_object_new_string(sim_str(m, "name", "")));
		json_object_object_add(e, "IsCreditAccount", json_object_new_boolean(credit > 0));
		json_object_object_add(e, "RealBalance",
				       json_object_new_int64(sim_int(m, "real", 0)));
		json_object_object_add(
		    e, "CashAccountBalance",
		    json_object_new_int64(sim_int(m, "real", 0) + sim_int(m, "owe", 0)));
		json_object_object_add(e, "CreditAmount", json_object_new_int64(credit));
		json_object_object_add(e, "TempCredit", json_object_new_int64(0));
		json_object_object_add(e, "BasicCreditAmount", json_object_new_int64(credit));
		json_object_object_add(e, "OweAmount", json_object_new_int64(sim_int(m, "owe", 0)));
		json_object_array_add(out, e);
	}
	json_object_object_add(r, "Data", out);
	json_object_object_add(r, "TotalCount", json_object_new_int64((int64_t)n));
	json_object_object_add(r, "PageSize", json_object_new_int64(json_object_array_length(out)));
	json_object_object_add(r, "PageNumber", json_object_new_int64(page));
	json_object_put(list);
	return 0;
}

int sim_query_partner_credit(struct sim_call *c, struct json_object *r) {
	struct json_object *p = NULL;
	if (!json_object_object_get_ex(c->account, "partner", &p)) {
		return sim_fail(c, "UnauthorizedOperation.UinNoAuth",
				"The account is not a partner.");
	}
	json_object_object_add(r, "AllocatedCredit", sim_decimal(sim_str(p, "allocated", "0")));
	json_object_object_add(r, "TotalCredit", sim_decimal(sim_str(p, "total", "0")));
	json_object_object_add(r, "RemainingCredit", sim_decimal(sim_str(p, "remaining", "0")));
	return 0;
}

int sim_query_customers_credit(struct sim_call *c, struct json_object *r) {
	int64_t page, size;
	if (sim_param_int(c, "Page", false, 1, &page) ||
	    sim_param_int(c, "PageSize", false, 10, &size)) {
		return -1;
	}
	if (page < 1 || size < 1 || size > 100) {
		return sim_fail(c, "InvalidParameterValue", "PageSize must be 1-100, Page >= 1.");
	}
	if (!json_object_object_get_ex(c->account, "partner", NULL)) {
		return sim_fail(c, "UnauthorizedOperation.UinNoAuth",
				"The account is not a partner.");
	}
	struct json_object *list = sim_list(c->account, "customers");
	size_t n = list ? json_object_array_length(list) : 0;
	struct json_object *out = json_object_new_array();
	for (size_t i = (size_t)((page - 1) * size); i < n && i < (size_t)(page * size); i++) {
		struct json_object *m = json_object_array_get_idx(list, i),
				   *e = json_object_new_object();
		json_object_object_add(e, "Name", json_object_new_string(sim_str(m, "name", "")));
		json_object_object_add(e, "Type", json_object_new_string("1"));
		json_object_object_add(e, "Mobile", json_object_new_string("+86-1*******88"));
		json_object_object_add(e, "Email", json_object_new_string("c***@example.com"));
		json_object_object_add(e, "Arrears", json_object_new_string("-"));
		json_object_object_add(e, "AssociationTime",
				       json_object_new_string("2025-03-01 10:00:00"));
		json_object_object_add(e, "RecentExpiry", json_object_new_string(""));
		json_object_object_add(e, "ClientUin", json_object_new_int64(sim_int(m, "uin", 0)));
		json_object_object_add(e, "Credit", sim_decimal(sim_str(m, "credit", "0")));
		json_object_object_add(e, "RemainingCredit",
				       sim_decimal(sim_str(m, "remaining", "0")));
		json_object_object_add(e, "IdentifyType", json_object_new_int64(2));
		json_object_object_add(e, "Remark", json_object_new_string(""));
		json_object_object_add(e, "Force", json_object_new_int64(0));
		json_object_array_add(out, e);
	}
	json_object_object_add(r, "Data", out);
	json_object_object_add(r, "Total", json_object_new_int64((int64_t)n));
	json_object_put(list);
	return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeOrgMemberAccountBalance from "members": {"uin", "name", "cash" or "real"
 * (cents), "credit", "owe", "omit", "repeat"}; QueryPartnerCredit from "partner": {"total",
 * "allocated", "remaining"} and QueryCustomersCredit from "customers": {"uin",
 * "name", "credit", "remaining"}, USD as decimal text sent as JSON floats. */
#include <stdio.h>
#include <string.h>

#include "actions.h"

#define MEMBER_MAX_PAGE 10

/* The list entry's "omit": [fields] leaves those fields out of its Data[] entry,
 * as the models allow. */
static void omit_fields(struct json_object *entry, struct json_object *e) {
	struct json_object *omit = NULL;
	if (json_object_object_get_ex(entry, "omit", &omit) &&
	    json_object_is_type(omit, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(omit); i++) {
			json_object_object_del(
			    e, json_object_get_string(json_object_array_get_idx(omit, i)));
		}
	}
}

/* MemberUins: up to 10 numeric strings; *only gets the list (NULL: every member). */
static int member_filter(struct sim_call *c, struct json_object **only) {
	struct json_object *v = NULL;
	*only = NULL;
	if (!json_object_object_get_ex(c->params, "MemberUins", &v) ||
	    json_object_is_type(v, json_type_null)) {
		return 0;
	}
	if (!json_object_is_type(v, json_type_array) || json_object_array_length(v) > 10) {
		return sim_fail(c, "InvalidParameterValue",
				"MemberUins must be a list of at most 10 UINs.");
	}
	for (size_t i = 0; i < json_object_array_length(v); i++) {
		struct json_object *u = json_object_array_get_idx(v, i);
		const char *t =
		    json_object_is_type(u, json_type_string) ? json_object_get_string(u) : "";
		if (!*t || t[strspn(t, "0123456789")] != '\0') {
			return sim_fail(c, "InvalidParameterValue",
					"MemberUins must hold numeric strings.");
		}
	}
	*only = v;
	return 0;
}

static bool wanted(struct json_object *only, const char *uin) {
	for (size_t i = 0; only && i < json_object_array_length(only); i++) {
		if (strcmp(json_object_get_string(json_object_array_get_idx(only, i)), uin) == 0) {
			return true;
		}
	}
	return !only;
}

/* One Data[] entry. A member's money: "cash" (CashAccountBalance), "owe", "credit"
 * (the line); RealBalance is cash - owe, or with the account's "member_real":
 * "credit" the credit left (cash + credit - owe), the two readings the docs allow;
 * the older "real" sets RealBalance itself (cash = real + owe). */
static struct json_object *member_entry(struct json_object *account, struct json_object *m,
					const char *uin) {
	struct json_object *e = json_object_new_object();
	int64_t credit = sim_int(m, "credit", 0), owe = sim_int(m, "owe", 0);
	bool has_cash = json_object_object_get_ex(m, "cash", NULL);
	int64_t cash = has_cash ? sim_int(m, "cash", 0) : sim_int(m, "real", 0) + owe;
	int64_t real = has_cash ? cash - owe : sim_int(m, "real", 0);
	if (has_cash && strcmp(sim_str(account, "member_real", ""), "credit") == 0 && credit > 0) {
		real = cash + credit - owe;
	}
	json_object_object_add(e, "BasicCreditAmount", json_object_new_int64(credit));
	json_object_object_add(e, "CashAccountBalance", json_object_new_int64(cash));
	json_object_object_add(e, "CreditAmount", json_object_new_int64(credit));
	json_object_object_add(e, "IsCreditAccount", json_object_new_boolean(credit > 0));
	json_object_object_add(e, "MemberName", json_object_new_string(sim_str(m, "name", "")));
	json_object_object_add(e, "MemberUin", json_object_new_string(uin));
	json_object_object_add(e, "OweAmount", json_object_new_int64(owe));
	json_object_object_add(e, "RealBalance", json_object_new_int64(real));
	json_object_object_add(e, "TempCredit", json_object_new_int64(0));
	omit_fields(m, e);
	return e;
}

/* Pages of at most 10 (the model's range 1-10); "members_fields" /
 * "members_fields_remove" change the top-level fields (TotalCount is optional). */
int sim_describe_org_member_account_balance(struct sim_call *c, struct json_object *r) {
	int64_t page, size;
	struct json_object *only = NULL;
	if (sim_param_int(c, "PageNumber", false, 1, &page) ||
	    sim_param_int(c, "PageSize", false, 10, &size) || member_filter(c, &only)) {
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
	size_t n = json_object_array_length(list), matched = 0;
	struct json_object *out = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		struct json_object *m = json_object_array_get_idx(list, i);
		char uin[32];
		snprintf(uin, sizeof uin, "%lld", (long long)sim_int(m, "uin", 0));
		if (!wanted(only, uin)) {
			continue;
		}
		if (matched >= (size_t)((page - 1) * size) && matched < (size_t)(page * size)) {
			json_object_array_add(out, member_entry(c->account, m, uin));
		}
		matched++;
	}
	json_object_object_add(r, "Data", out);
	json_object_object_add(r, "PageNumber", json_object_new_int64(page));
	json_object_object_add(r, "PageSize", json_object_new_int64(json_object_array_length(out)));
	json_object_object_add(r, "TotalCount", json_object_new_int64((int64_t)matched));
	json_object_put(list);
	sim_apply_overrides(c->account, "members_fields", r);
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
	static const char *const filters[] = {"ClientUin", "Name", "Remark", "Email", NULL},
				 *const orders[] = {"desc", "asc", NULL};
	const char *filter = NULL, *order = NULL;
	int64_t page, size;
	if (sim_param_int(c, "Page", false, 1, &page) ||
	    sim_param_int(c, "PageSize", false, 10, &size) ||
	    sim_param_enum(c, "FilterType", false, filters, &filter) ||
	    sim_param_enum(c, "Order", false, orders, &order)) {
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
		omit_fields(m, e);
		json_object_array_add(out, e);
	}
	json_object_object_add(r, "Data", out);
	json_object_object_add(r, "Total", json_object_new_int64((int64_t)n));
	json_object_put(list);
	sim_apply_overrides(c->account, "customers_fields", r);
	return 0;
}

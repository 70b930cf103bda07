#include "funds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonx.h"
#include "paging.h"

#define MEMBER_PAGE   10 /* the API's maximum */
#define CUSTOMER_PAGE 100

int tc_member_from_json(struct json_object *m, struct tc_fund_account *out, struct tc_error *err) {
	const char *uin = NULL, *name = NULL;
	int64_t real = 0, credit = 0;
	bool is_credit = false, has_credit = false;
	memset(out, 0, sizeof *out);
	if (tc_json_string(m, "MemberUin", TC_REQUIRED, &uin, err) != 0 ||
	    tc_json_string(m, "MemberName", TC_OPTIONAL, &name, err) != 0 ||
	    tc_json_bool(m, "IsCreditAccount", TC_OPTIONAL, &is_credit, NULL, err) != 0 ||
	    tc_json_money(m, "RealBalance", TC_UNIT_CENTS, TC_REQUIRED, &real, NULL, err) != 0 ||
	    tc_json_money(m, "CreditAmount", TC_UNIT_CENTS, TC_OPTIONAL, &credit, &has_credit,
			  err) != 0 ||
	    tc_json_money_owed(m, "OweAmount", TC_UNIT_CENTS, TC_REQUIRED, &out->owed, NULL, err) !=
		0) {
		return -1;
	}
	if (out->owed < 0 || credit < 0) {
		return tc_error_set(err, TC_ERR_DATA, "member %.30s has a negative amount", uin);
	}
	snprintf(out->uin, sizeof out->uin, "%s", uin);
	snprintf(out->name, sizeof out->name, "%s", name ? name : "");
	out->credit = is_credit || credit > 0;
	/* a credit member can spend its credit line too */
	out->available = out->credit ? real + credit : real;
	return 0;
}

int tc_customer_from_json(struct json_object *c, struct tc_fund_account *out,
			  struct tc_error *err) {
	const char *name = NULL;
	int64_t uin = 0;
	memset(out, 0, sizeof *out);
	if (tc_json_int(c, "ClientUin", TC_REQUIRED, &uin, NULL, err) != 0 ||
	    tc_json_string(c, "Name", TC_OPTIONAL, &name, err) != 0 ||
	    tc_json_money(c, "RemainingCredit", TC_UNIT_MAJOR, TC_REQUIRED, &out->available, NULL,
			  err) != 0) {
		return -1;
	}
	snprintf(out->uin, sizeof out->uin, "%lld", (long long)uin);
	snprintf(out->name, sizeof out->name, "%s", name ? name : "");
	return 0;
}

struct fund_pages {
	struct tc_fund_accounts *out;
	bool customers;
};

static int fund_params(void *ctx, long index, char *buf, size_t size) {
	const struct fund_pages *p = ctx;
	int n = p->customers ? snprintf(buf, size, "{\"Page\":%ld,\"PageSize\":%d}", index + 1,
					CUSTOMER_PAGE)
			     : snprintf(buf, size, "{\"PageNumber\":%ld,\"PageSize\":%d}",
					index + 1, MEMBER_PAGE);
	return (n < 0 || (size_t)n >= size) ? -1 : 0;
}

static int fund_page(void *ctx, struct json_object *response, long *items, long *total,
		     struct tc_error *err) {
	struct fund_pages *p = ctx;
	struct json_object *list = NULL;
	if (tc_page_list(response, "Data", p->customers ? "Total" : "TotalCount", &list, items,
			 total, err) != 0) {
		return -1;
	}
	struct tc_fund_account *grown =
	    realloc(p->out->items, (p->out->n + (size_t)*items + 1) * sizeof *grown);
	if (!grown) {
		return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
	}
	p->out->items = grown;
	for (long i = 0; i < *items; i++) {
		struct json_object *e = json_object_array_get_idx(list, (size_t)i);
		struct tc_fund_account *a = &p->out->items[p->out->n];
		int rc = p->customers ? tc_customer_from_json(e, a, err)
				      : tc_member_from_json(e, a, err);
		if (rc != 0) {
			return tc_error_prefix(err, "%s %ld", p->customers ? "customer" : "member",
					       i + 1);
		}
		p->out->n++;
	}
	return 0;
}

static int fetch(struct tc_api *api, bool customers, struct tc_fund_accounts *out,
		 struct tc_error *err) {
	struct fund_pages p = {.out = out, .customers = customers};
	struct tc_pager pager = {
	    .service = customers ? "intlpartnersmgt" : "billing",
	    .version = customers ? "2022-09-28" : "2018-07-09",
	    .action = customers ? "QueryCustomersCredit" : "DescribeOrgMemberAccountBalance",
	    .params = fund_params,
	    .page = fund_page,
	    .ctx = &p,
	};
	memset(out, 0, sizeof *out);
	return tc_paginate(api, &pager, &out->requests, err);
}

int tc_members_fetch(struct tc_api *api, struct tc_fund_accounts *out, struct tc_error *err) {
	return fetch(api, false, out, err);
}

int tc_customers_fetch(struct tc_api *api, struct tc_fund_accounts *out, struct tc_error *err) {
	return fetch(api, true, out, err);
}

int tc_partner_credit_fetch(struct tc_api *api, int64_t *remaining, struct tc_error *err) {
	struct tc_api_reply reply;
	if (tc_api_call(api, "intlpartnersmgt", "2022-09-28", "QueryPartnerCredit", "{}", &reply,
			err) != 0) {
		return -1;
	}
	int rc = tc_json_money(reply.response, "RemainingCredit", TC_UNIT_MAJOR, TC_REQUIRED,
			       remaining, NULL, err);
	if (rc != 0) {
		tc_error_prefix(err, "QueryPartnerCredit");
		snprintf(err->request_id, sizeof err->request_id, "%s", reply.request_id);
	}
	tc_api_reply_free(&reply);
	return rc;
}

void tc_fund_accounts_free(struct tc_fund_accounts *a) {
	free(a->items);
	a->items = NULL;
	a->n = 0;
}

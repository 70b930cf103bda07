/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/funds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tencentcloud/balance.h"
#include "jsonx.h"
#include "tencentcloud/paging.h"
#include "result.h"

#define MEMBER_PAGE   10 /* the API's maximum */
#define CUSTOMER_PAGE 100

static int member_amounts(struct json_object *m, struct tc_balance *b, bool *is_credit,
			  struct tc_error *err) {
	bool flagged = false;
	if (tc_json_bool(m, "IsCreditAccount", TC_OPTIONAL, is_credit, &flagged, err) != 0 ||
	    tc_json_money(m, "RealBalance", TC_UNIT_CENTS, TC_REQUIRED, &b->real_balance.cents,
			  &b->real_balance.present, err) != 0 ||
	    tc_json_money(m, "CashAccountBalance", TC_UNIT_CENTS, TC_OPTIONAL, &b->cash.cents,
			  &b->cash.present, err) != 0 ||
	    tc_json_money(m, "CreditAmount", TC_UNIT_CENTS, TC_OPTIONAL, &b->credit_amount.cents,
			  &b->credit_amount.present, err) != 0 ||
	    tc_json_money_owed(m, "OweAmount", TC_UNIT_CENTS, TC_OPTIONAL, &b->owe.cents,
			       &b->owe.present, err) != 0) {
		return -1;
	}
	*is_credit = (flagged && *is_credit) || b->credit_amount.cents > 0;
	if (b->owe.cents < 0 || b->credit_amount.cents < 0) {
		return tc_error_set(err, TC_ERR_DATA, _("a negative OweAmount or CreditAmount"));
	}
	if (*is_credit && !b->credit_amount.present) {
		return tc_error_set(err, TC_ERR_DATA, _("a credit account without CreditAmount"));
	}
	if (*is_credit && !b->owe.present) {
		return tc_error_set(err, TC_ERR_DATA, _("a credit account without OweAmount"));
	}
	return 0;
}

int tc_member_from_json(struct json_object *m, struct tc_fund_account *out, struct tc_error *err) {
	struct tc_balance b;
	bool is_credit = false;
	memset(out, 0, sizeof *out);
	memset(&b, 0, sizeof b);
	tc_json_display(m, "MemberUin", out->uin, sizeof out->uin);
	tc_json_display(m, "MemberName", out->name, sizeof out->name);
	if (member_amounts(m, &b, &is_credit, err) != 0) {
		return out->uin[0] ? tc_error_prefix(err, _("member %.30s"), out->uin) : -1;
	}
	if (is_credit && b.credit_amount.cents == 0) {
		/* flagged as credit with a zero line: judged as the prepaid account it is */
		is_credit = false;
	}
	bool credit = false;
	out->available = tc_balance_available(&b, &credit);
	out->arrears = tc_balance_in_arrears(&b);
	out->owed = b.owe.cents;
	out->credit = credit;
	return 0;
}

int tc_customer_from_json(struct json_object *c, struct tc_fund_account *out,
			  struct tc_error *err) {
	memset(out, 0, sizeof *out);
	tc_json_display(c, "ClientUin", out->uin, sizeof out->uin);
	tc_json_display(c, "Name", out->name, sizeof out->name);
	if (tc_json_money(c, "RemainingCredit", TC_UNIT_MAJOR, TC_REQUIRED, &out->available, NULL,
			  err) != 0) {
		return out->uin[0] ? tc_error_prefix(err, _("customer %.30s"), out->uin) : -1;
	}
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

/* TotalCount is optional for members: without it a full page means there may be
 * more, a short or empty one is the last. */
static int member_page_list(struct json_object *response, size_t seen, struct json_object **list,
			    long *items, long *total, struct tc_error *err) {
	int64_t count = 0;
	bool has_count = false;
	if (tc_json_array(response, "Data", TC_OPTIONAL, list, err) != 0 ||
	    tc_json_int(response, "TotalCount", TC_OPTIONAL, &count, &has_count, err) != 0) {
		return -1;
	}
	*items = *list ? (long)json_object_array_length(*list) : 0;
	if (has_count) {
		*total = (long)count;
	} else {
		*total = (long)seen + *items + (*items >= MEMBER_PAGE ? 1 : 0);
	}
	return 0;
}

static int fund_page(void *ctx, struct json_object *response, long *items, long *total,
		     struct tc_error *err) {
	struct fund_pages *p = ctx;
	struct json_object *list = NULL;
	if (p->customers ? tc_page_list(response, "Data", "Total", &list, items, total, err)
			 : member_page_list(response, p->out->n, &list, items, total, err)) {
		return -1;
	}
	struct tc_fund_account *grown =
	    realloc(p->out->items, (p->out->n + (size_t)*items + 1) * sizeof *grown);
	if (!grown) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
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

int tc_partner_credit_from_json(struct json_object *response, int64_t *remaining,
				struct tc_error *err) {
	return tc_json_money(response, "RemainingCredit", TC_UNIT_MAJOR, TC_REQUIRED, remaining,
			     NULL, err);
}

int tc_partner_credit_fetch(struct tc_api *api, int64_t *remaining, struct tc_error *err) {
	struct tc_api_reply reply;
	if (tc_api_call(api, "intlpartnersmgt", "2022-09-28", "QueryPartnerCredit", "{}", &reply,
			err) != 0) {
		return -1;
	}
	int rc = tc_partner_credit_from_json(reply.response, remaining, err);
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

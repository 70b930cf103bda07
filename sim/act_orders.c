/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeDealsByCond (billing) and DescribeAgentPayDealsV2 (partners) from the
 * account's "deals" and "agent_deals": {"id", "status", "age_minutes", "product",
 * "product_code", "amount" (cents), "owner", "repeat"}, in the official examples'
 * shapes. "deal_item"/"deal_item_remove" and "agent_deal_item"/
 * "agent_deal_item_remove" replace or drop fields of every order, "deal_fields"/
 * "agent_deal_fields" (and _remove) of the Response. DescribeDealsByCond's Offset
 * is a record offset unless the account has "deals_offset": "page" (page index
 * from 0, the documented reading). A partner start older than 15 days is refused
 * with InvalidParameter, as the service does. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "timeutil.h"

#define DEALS_MAX_LIMIT 1000
#define AGENT_MAX_LIMIT 100
#define MAX_SPAN        (93 * 86400)
#define AGENT_SPAN      (15 * 86400)

/* An order is created once: its time must not move between the requests of one
 * check, or a client that splits a window at an order's time would see it twice.
 * "age_minutes" counts from the first request of a burst on the account; five
 * seconds of quiet start a new burst, so a test's ages stay as written. */
#define BURST_GAP 5
static pthread_mutex_t clock_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	const struct json_object *account;
	int64_t anchor, last;
} clocks[64];

static int64_t order_clock(const struct sim_call *c) {
	size_t slot = 0;
	pthread_mutex_lock(&clock_lock);
	for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
		if (clocks[i].account == c->account) {
			slot = i;
			break;
		}
		if (clocks[i].last < clocks[slot].last) {
			slot = i; /* the least recently used, if the account has none */
		}
	}
	if (clocks[slot].account != c->account || c->now - clocks[slot].last > BURST_GAP ||
	    c->now < clocks[slot].anchor) {
		clocks[slot].account = c->account;
		clocks[slot].anchor = c->now;
	}
	clocks[slot].last = c->now;
	int64_t anchor = clocks[slot].anchor;
	pthread_mutex_unlock(&clock_lock);
	return anchor;
}

static int64_t created(int64_t clock, struct json_object *deal) {
	return clock - sim_int(deal, "age_minutes", 0) * 60;
}

static int newest_first(const void *a, const void *b) {
	struct json_object *const *x = a, *const *y = b;
	int64_t ax = sim_int(*x, "age_minutes", 0), ay = sim_int(*y, "age_minutes", 0);
	if (ax != ay) {
		return ax < ay ? -1 : 1;
	}
	return strcmp(sim_str(*x, "id", ""), sim_str(*y, "id", ""));
}

static bool status_wanted(struct json_object *set, int64_t status, int64_t wanted) {
	if (!set) {
		return wanted < 0 || status == wanted;
	}
	for (size_t i = 0; i < json_object_array_length(set); i++) {
		if (json_object_get_int64(json_object_array_get_idx(set, i)) == status) {
			return true;
		}
	}
	return false;
}

/* The account's deals of `key` that match, newest first; *n set. Caller frees. */
static struct json_object **matching(struct sim_call *c, int64_t clock, const char *key,
				     int64_t from, int64_t to, struct json_object *set,
				     int64_t status, struct json_object **list, size_t *n) {
	*list = sim_list(c->account, key);
	*n = 0;
	size_t len = *list ? json_object_array_length(*list) : 0;
	struct json_object **out = calloc(len + 1, sizeof *out);
	for (size_t i = 0; out && i < len; i++) {
		struct json_object *d = json_object_array_get_idx(*list, i);
		int64_t t = created(clock, d);
		if (t >= from && t <= to && status_wanted(set, sim_int(d, "status", 4), status)) {
			out[(*n)++] = d;
		}
	}
	if (out) {
		qsort(out, *n, sizeof *out, newest_first);
	}
	return out;
}

static void add_str(struct json_object *o, const char *k, const char *v) {
	json_object_object_add(o, k, json_object_new_string(v));
}

/* Ends a page of orders: the page under `key`, the match count, the scenario's
 * overrides of the answer's fields, and the matching() buffers freed. */
static int answer_page(struct sim_call *c, struct json_object *r, const char *key,
		       struct json_object *page, size_t n, const char *overrides,
		       struct json_object **deals, struct json_object *list) {
	json_object_object_add(r, key, page);
	json_object_object_add(r, "TotalCount", json_object_new_int64((int64_t)n));
	sim_apply_overrides(c->account, overrides, r);
	free(deals);
	json_object_put(list);
	return 0;
}

int sim_describe_deals_by_cond(struct sim_call *c, struct json_object *r) {
	int64_t from, to, limit, offset, status;
	struct json_object *set = NULL, *list = NULL;
	if (sim_param_time(c, "StartTime", true, 0, &from) ||
	    sim_param_time(c, "EndTime", true, 0, &to) ||
	    sim_param_int(c, "Limit", true, 20, &limit) ||
	    sim_param_int(c, "Offset", false, 0, &offset) ||
	    sim_param_int(c, "Status", false, 4, &status)) {
		return -1;
	}
	if (limit < 1 || limit > DEALS_MAX_LIMIT || offset < 0) {
		return sim_fail(c, "InvalidParameterValue",
				"Limit must be 1-1000 and Offset >= 0.");
	}
	if (to < from || to - from > MAX_SPAN) {
		return sim_fail(c, "InvalidParameterValue",
				"The time span must be positive and at most 3 months.");
	}
	if (json_object_object_get_ex(c->params, "StatusSet", &set) &&
	    !json_object_is_type(set, json_type_array)) {
		set = NULL;
	}
	/* "which page, from 0" as the documentation has it, or a record offset */
	if (strcmp(sim_str(c->account, "deals_offset", "record"), "page") == 0) {
		offset *= limit;
	}
	size_t n = 0;
	int64_t clock = order_clock(c);
	struct json_object **deals = matching(c, clock, "deals", from, to, set, status, &list, &n);
	struct json_object *out = json_object_new_array();
	for (size_t i = (size_t)offset; deals && i < n && i < (size_t)(offset + limit); i++) {
		struct json_object *d = deals[i], *deal = json_object_new_object();
		char when[24];
		int64_t amount = sim_int(d, "amount", 0);
		tc_format_api_time(created(clock, d), TC_BEIJING_OFFSET, when, sizeof when);
		add_str(deal, "OrderId", sim_str(d, "id", ""));
		json_object_object_add(deal, "Status",
				       json_object_new_int64(sim_int(d, "status", 4)));
		add_str(deal, "Payer", sim_str(d, "owner", "100000000001"));
		add_str(deal, "CreateTime", when);
		add_str(deal, "Creator", sim_str(d, "owner", "100000000001"));
		json_object_object_add(deal, "RealTotalCost", json_object_new_int64(amount));
		json_object_object_add(deal, "VoucherDecline", json_object_new_int64(0));
		json_object_object_add(deal, "ProjectId", json_object_new_int64(0));
		json_object_object_add(deal, "GoodsCategoryId", json_object_new_int64(101));
		json_object_object_add(deal, "ProductInfo", json_object_new_array());
		json_object_object_add(deal, "TimeSpan", json_object_new_int64(1));
		add_str(deal, "TimeUnit", "m");
		add_str(deal, "Currency", "CNY");
		json_object_object_add(deal, "Policy", json_object_new_int64(100));
		json_object_object_add(deal, "Price", json_object_new_int64(amount));
		json_object_object_add(deal, "TotalCost", json_object_new_int64(amount));
		add_str(deal, "ProductCode", sim_str(d, "product_code", "p_cvm"));
		add_str(deal, "SubProductCode", "sp_cvm_s5");
		add_str(deal, "BigDealId", sim_str(d, "id", ""));
		add_str(deal, "Formula", "");
		add_str(deal, "RefReturnDeals", "");
		add_str(deal, "PayMode", "prePay");
		add_str(deal, "Action", "purchase");
		add_str(deal, "ProductName", sim_str(d, "product", "CVM"));
		add_str(deal, "SubProductName", sim_str(d, "product", "CVM"));
		/* the service returns null resource ids for large pages */
		json_object_object_add(deal, "ResourceId",
				       limit > 200 ? NULL : json_object_new_array());
		sim_apply_overrides(c->account, "deal_item", deal);
		json_object_array_add(out, deal);
	}
	return answer_page(c, r, "Deals", out, n, "deal_fields", deals, list);
}

int sim_describe_agent_pay_deals_v2(struct sim_call *c, struct json_object *r) {
	int64_t from, to, limit, offset, status;
	struct json_object *list = NULL;
	if (sim_param_int(c, "Offset", true, 0, &offset) ||
	    sim_param_int(c, "Limit", true, 0, &limit) ||
	    sim_param_time(c, "CreatTimeRangeStart", false, c->now - AGENT_SPAN, &from) ||
	    sim_param_time(c, "CreatTimeRangeEnd", false, c->now, &to) ||
	    sim_param_int(c, "Status", false, -1, &status)) {
		return -1;
	}
	if (limit < 1 || limit > AGENT_MAX_LIMIT || offset < 0) {
		return sim_fail(c, "InvalidParameter", "Limit must be 1-100 and Offset >= 0.");
	}
	/* exactly as documented: a start given must lie within the last 15 days */
	if (from < c->now - AGENT_SPAN) {
		return sim_fail(c, "InvalidParameter",
				"Only orders of the last 15 days can be queried.");
	}
	if (!json_object_object_get_ex(c->account, "agent_deals", NULL)) {
		return sim_fail(c, "UnauthorizedOperation", "The account is not a partner.");
	}
	size_t n = 0;
	int64_t clock = order_clock(c);
	struct json_object **deals =
	    matching(c, clock, "agent_deals", from, to, NULL, status, &list, &n);
	struct json_object *out = json_object_new_array();
	for (size_t i = (size_t)offset; deals && i < n && i < (size_t)(offset + limit); i++) {
		struct json_object *d = deals[i], *deal = json_object_new_object();
		struct json_object *price = json_object_new_object();
		char when[24], status_text[16];
		int64_t st = sim_int(d, "status", 4);
		tc_format_api_time(created(clock, d), TC_BEIJING_OFFSET, when, sizeof when);
		snprintf(status_text, sizeof status_text, "%lld", (long long)st);
		json_object_object_add(price, "RealTotalCost",
				       json_object_new_int64(sim_int(d, "amount", 0)));
		json_object_object_add(price, "OriginalTotalCost",
				       json_object_new_int64(sim_int(d, "amount", 0)));
		add_str(deal, "DealId", "12231");
		add_str(deal, "DealName", sim_str(d, "id", ""));
		add_str(deal, "GoodsCategoryId", "101");
		add_str(deal, "OwnerUin", sim_str(d, "owner", "100000000001"));
		add_str(deal, "AppId", "1250000000");
		add_str(deal, "GoodsNum", "1");
		json_object_object_add(deal, "GoodsPrice", price);
		add_str(deal, "Creater", sim_str(d, "owner", "100000000001"));
		add_str(deal, "CreatTime", when);
		add_str(deal, "PayEndTime", "");
		add_str(deal, "BillId", "");
		add_str(deal, "Payer", "");
		add_str(deal, "DealStatus", st == 1 ? "\xe6\x9c\xaa\xe6\x94\xaf\xe4\xbb\x98" : "");
		add_str(deal, "Status", status_text);
		add_str(deal, "GoodsName", sim_str(d, "product", "CVM"));
		add_str(deal, "ClientRemark", "");
		add_str(deal, "ActionType", "purchase");
		add_str(deal, "VoucherDecline", "0");
		add_str(deal, "BigDealId", sim_str(d, "id", ""));
		add_str(deal, "ClientType", "new");
		add_str(deal, "ProjectType", "self");
		add_str(deal, "SalesUin", "");
		add_str(deal, "PayerMode", "1");
		add_str(deal, "ActivityId", "");
		add_str(deal, "OverdueTime", "");
		json_object_object_add(deal, "ProductInfo", json_object_new_array());
		add_str(deal, "PaymentMethod", "");
		add_str(deal, "UpdateTime", when);
		json_object_object_add(deal, "ResourceIds", json_object_new_array());
		add_str(deal, "SubGoodsName", sim_str(d, "product", "CVM"));
		sim_apply_overrides(c->account, "agent_deal_item", deal);
		json_object_array_add(out, deal);
	}
	return answer_page(c, r, "AgentPayDealSet", out, n, "agent_deal_fields", deals, list);
}

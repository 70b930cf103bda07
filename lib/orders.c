#include "orders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "jsonx.h"
#include "paging.h"
#include "result.h"
#include "timeutil.h"

#define DEALS_PAGE       1000
#define AGENT_DEALS_PAGE 100

static int copy_string(struct json_object *obj, const char *key, enum tc_field need, char *dst,
		       size_t size, struct tc_error *err) {
	const char *s = NULL;
	if (tc_json_string(obj, key, need, &s, err) != 0) {
		return -1;
	}
	tc_text_copy(dst, size, s, TC_TEXT_ONE_LINE);
	return 0;
}

int tc_order_from_deal(struct json_object *deal, int offset, struct tc_order *out,
		       struct tc_error *err) {
	const char *created = NULL;
	int64_t status = 0;
	memset(out, 0, sizeof *out);
	if (copy_string(deal, "OrderId", TC_REQUIRED, out->id, sizeof out->id, err) != 0 ||
	    copy_string(deal, "ProductName", TC_OPTIONAL, out->product, sizeof out->product, err) !=
		0 ||
	    tc_json_int(deal, "Status", TC_REQUIRED, &status, NULL, err) != 0 ||
	    tc_json_string(deal, "CreateTime", TC_REQUIRED, &created, err) != 0 ||
	    tc_parse_api_time(created, offset, &out->created, err) != 0 ||
	    tc_json_money(deal, "RealTotalCost", TC_UNIT_CENTS, TC_REQUIRED, &out->amount, NULL,
			  err) != 0) {
		return -1;
	}
	if (!out->product[0]) {
		copy_string(deal, "ProductCode", TC_OPTIONAL, out->product, sizeof out->product,
			    err);
	}
	out->status = (int)status;
	return 0;
}

/* Partner orders carry every field as a string, money in cents too. */
int tc_order_from_agent_deal(struct json_object *deal, int offset, struct tc_order *out,
			     struct tc_error *err) {
	const char *created = NULL, *status = NULL;
	struct json_object *price = NULL;
	int64_t st = 0;
	memset(out, 0, sizeof *out);
	if (copy_string(deal, "DealName", TC_REQUIRED, out->id, sizeof out->id, err) != 0 ||
	    copy_string(deal, "GoodsName", TC_OPTIONAL, out->product, sizeof out->product, err) !=
		0 ||
	    copy_string(deal, "OwnerUin", TC_OPTIONAL, out->owner, sizeof out->owner, err) != 0 ||
	    tc_json_string(deal, "Status", TC_REQUIRED, &status, err) != 0 ||
	    tc_json_string(deal, "CreatTime", TC_REQUIRED, &created, err) != 0 ||
	    tc_parse_api_time(created, offset, &out->created, err) != 0) {
		return -1;
	}
	if (tc_decimal_parse_str(status, 0, TC_EXACT, &st, err) != 0) {
		return tc_error_set(err, TC_ERR_DATA, "field Status is not a number: '%.20s'",
				    status);
	}
	out->status = (int)st;
	if (!json_object_object_get_ex(deal, "GoodsPrice", &price) ||
	    !json_object_is_type(price, json_type_object)) {
		return tc_error_set(err, TC_ERR_DATA, "field GoodsPrice is missing");
	}
	if (tc_json_money(price, "RealTotalCost", TC_UNIT_CENTS, TC_REQUIRED, &out->amount, NULL,
			  err) != 0) {
		return tc_error_prefix(err, "GoodsPrice");
	}
	return 0;
}

struct order_pages {
	struct tc_orders *out;
	int offset;
	int status;
	char start[24];
	char end[24];
	bool agent;
};

static int add_order(struct tc_orders *o, const struct tc_order *order, struct tc_error *err) {
	struct tc_order *grown = realloc(o->items, (o->n + 1) * sizeof *grown);
	if (!grown) {
		return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
	}
	o->items = grown;
	o->items[o->n++] = *order;
	return 0;
}

static int deal_params(void *ctx, long index, char *buf, size_t size) {
	const struct order_pages *p = ctx;
	int n;
	if (p->agent) {
		n = snprintf(buf, size,
			     "{\"Offset\":%ld,\"Limit\":%d,\"CreatTimeRangeStart\":\"%s\","
			     "\"CreatTimeRangeEnd\":\"%s\",\"Status\":%d}",
			     index * AGENT_DEALS_PAGE, AGENT_DEALS_PAGE, p->start, p->end,
			     p->status);
	} else {
		n = snprintf(buf, size,
			     "{\"StartTime\":\"%s\",\"EndTime\":\"%s\",\"Limit\":%d,\"Offset\":%ld,"
			     "\"Status\":%d}",
			     p->start, p->end, DEALS_PAGE, index * DEALS_PAGE, p->status);
	}
	return (n < 0 || (size_t)n >= size) ? -1 : 0;
}

static int deal_page(void *ctx, struct json_object *response, long *items, long *total,
		     struct tc_error *err) {
	struct order_pages *p = ctx;
	struct json_object *list = NULL;
	if (tc_page_list(response, p->agent ? "AgentPayDealSet" : "Deals", "TotalCount", &list,
			 items, total, err) != 0) {
		return -1;
	}
	for (long i = 0; i < *items; i++) {
		struct tc_order order;
		struct json_object *d = json_object_array_get_idx(list, (size_t)i);
		int rc = p->agent ? tc_order_from_agent_deal(d, p->offset, &order, err)
				  : tc_order_from_deal(d, p->offset, &order, err);
		if (rc != 0) {
			return tc_error_prefix(err, "order %ld", i + 1);
		}
		/* the filter is the API's; keep only what it was asked for all the same */
		if (order.status == p->status && add_order(p->out, &order, err) != 0) {
			return -1;
		}
	}
	return 0;
}

static int fetch(struct tc_api *api, int64_t from, int64_t to, int offset, bool agent,
		 struct tc_orders *out, struct tc_error *err) {
	static const int statuses[] = {TC_ORDER_UNPAID, TC_ORDER_PAYING};
	int64_t span = agent ? TC_AGENT_DEALS_SPAN : TC_DEALS_MAX_SPAN;
	memset(out, 0, sizeof *out);
	for (int64_t start = from; start <= to; start += span + 1) {
		int64_t end = start + span < to ? start + span : to;
		for (size_t s = 0; s < 2; s++) {
			struct order_pages p = {
			    .out = out, .offset = offset, .status = statuses[s], .agent = agent};
			tc_format_api_time(start, offset, p.start, sizeof p.start);
			tc_format_api_time(end, offset, p.end, sizeof p.end);
			struct tc_pager pager = {
			    .service = agent ? "partners" : "billing",
			    .version = agent ? "2018-03-21" : "2018-07-09",
			    .action = agent ? "DescribeAgentPayDealsV2" : "DescribeDealsByCond",
			    .params = deal_params,
			    .page = deal_page,
			    .ctx = &p,
			};
			if (tc_paginate(api, &pager, &out->requests, err) != 0) {
				return -1;
			}
		}
	}
	return 0;
}

int tc_orders_fetch(struct tc_api *api, int64_t from, int64_t to, int offset, struct tc_orders *out,
		    struct tc_error *err) {
	return fetch(api, from, to, offset, false, out, err);
}

int tc_agent_orders_fetch(struct tc_api *api, int64_t from, int64_t to, int offset,
			  struct tc_orders *out, struct tc_error *err) {
	return fetch(api, from, to, offset, true, out, err);
}

void tc_orders_free(struct tc_orders *o) {
	free(o->items);
	o->items = NULL;
	o->n = 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/orders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "i18n.h"
#include "jsonx.h"
#include "tencentcloud/paging.h"
#include "result.h"
#include "timeutil.h"

/* Status: an integer, or for partner orders (a string in the model) the same digits
 * in a string. */
static int read_status(struct json_object *obj, bool text_ok, int *out, struct tc_error *err) {
	struct json_object *v = NULL;
	const char *text = NULL;
	int64_t st = 0;
	if (!json_object_object_get_ex(obj, "Status", &v) ||
	    json_object_is_type(v, json_type_null)) {
		return tc_error_set(err, TC_ERR_DATA, _("field Status is missing"));
	}
	if (text_ok && json_object_is_type(v, json_type_string)) {
		text = json_object_get_string(v);
	} else if (json_object_is_type(v, json_type_int)) {
		text = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN);
	}
	if (!text || tc_decimal_parse_str(text, 0, TC_EXACT, &st, err) != 0 || st < 0 ||
	    st > 1000) {
		return tc_error_set(err, TC_ERR_DATA, "%s",
				    text_ok ? _("field Status is not a status number")
					    : _("field Status is not an integer"));
	}
	*out = (int)st;
	return 0;
}

static int read_created(struct json_object *obj, const char *key, int offset, int64_t *out,
			struct tc_error *err) {
	const char *text = NULL;
	if (tc_json_string(obj, key, TC_REQUIRED, &text, err) != 0 ||
	    tc_parse_api_time(text, offset, out, err) != 0) {
		return tc_error_prefix(err, _("field %s"), key);
	}
	return 0;
}

/* An amount in cents, which the models give as an integer: a fraction or a string
 * means another unit or a corrupt answer. */
static int whole_cents(struct json_object *obj, const char *key, int64_t *out,
		       struct tc_error *err) {
	struct json_object *v = NULL;
	if (tc_json_money(obj, key, TC_UNIT_CENTS, TC_REQUIRED, out, NULL, err) != 0) {
		return -1;
	}
	json_object_object_get_ex(obj, key, &v);
	if (!json_object_is_type(v, json_type_int)) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s is not a whole number of cents"),
				    key);
	}
	return 0;
}

/* Names a failing order by its id when it has one. */
static int order_failed(const struct tc_order *o, struct tc_error *err) {
	return o->id[0] ? tc_error_prefix(err, "%.40s", o->id) : -1;
}

int tc_order_from_deal(struct json_object *deal, int offset, struct tc_order *out,
		       struct tc_error *err) {
	memset(out, 0, sizeof *out);
	if (!json_object_is_type(deal, json_type_object)) {
		return tc_error_set(err, TC_ERR_DATA, _("not an object"));
	}
	tc_json_display(deal, "OrderId", out->id, sizeof out->id);
	if (!tc_json_display(deal, "ProductName", out->product, sizeof out->product)) {
		tc_json_display(deal, "ProductCode", out->product, sizeof out->product);
	}
	if (read_status(deal, false, &out->status, err) != 0 ||
	    read_created(deal, "CreateTime", offset, &out->created, err) != 0 ||
	    whole_cents(deal, "RealTotalCost", &out->amount, err) != 0) {
		return order_failed(out, err);
	}
	return 0;
}

int tc_order_from_agent_deal(struct json_object *deal, int offset, struct tc_order *out,
			     struct tc_error *err) {
	struct json_object *price = NULL;
	memset(out, 0, sizeof *out);
	if (!json_object_is_type(deal, json_type_object)) {
		return tc_error_set(err, TC_ERR_DATA, _("not an object"));
	}
	tc_json_display(deal, "DealName", out->id, sizeof out->id);
	tc_json_display(deal, "GoodsName", out->product, sizeof out->product);
	tc_json_display(deal, "OwnerUin", out->owner, sizeof out->owner);
	if (read_status(deal, true, &out->status, err) != 0 ||
	    read_created(deal, "CreatTime", offset, &out->created, err) != 0) {
		return order_failed(out, err);
	}
	if (!json_object_object_get_ex(deal, "GoodsPrice", &price) ||
	    !json_object_is_type(price, json_type_object)) {
		tc_error_set(err, TC_ERR_DATA, _("field GoodsPrice is missing"));
		return order_failed(out, err);
	}
	/* a number in the SDK model, as in the official example */
	if (whole_cents(price, "RealTotalCost", &out->amount, err) != 0) {
		tc_error_prefix(err, "GoodsPrice");
		return order_failed(out, err);
	}
	return 0;
}

static int add_order(struct tc_orders *o, const struct tc_order *order, struct tc_error *err) {
	struct tc_order *grown = realloc(o->items, (o->n + 1) * sizeof *grown);
	if (!grown) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	o->items = grown;
	o->items[o->n++] = *order;
	return 0;
}

int tc_orders_read_page(struct json_object *response, bool agent, int offset, int status,
			struct tc_orders *out, long *items, long *total, struct tc_error *err) {
	struct json_object *list = NULL;
	if (tc_page_list_opt(response, agent ? "AgentPayDealSet" : "Deals", "TotalCount", &list,
			     items, total, err) != 0) {
		return -1;
	}
	for (long i = 0; i < *items; i++) {
		struct tc_order order;
		struct json_object *d = json_object_array_get_idx(list, (size_t)i);
		int rc = agent ? tc_order_from_agent_deal(d, offset, &order, err)
			       : tc_order_from_deal(d, offset, &order, err);
		if (rc != 0) {
			return tc_error_prefix(err, _("order %ld"), i + 1);
		}
		/* the filter is the API's; keep only what it was asked for all the same */
		if (out && order.status == status && add_order(out, &order, err) != 0) {
			return -1;
		}
	}
	return 0;
}

bool tc_orders_page_full(long items, long total, long limit) {
	return total == TC_TOTAL_UNKNOWN ? items >= limit : total > items;
}

static int by_time(const void *a, const void *b) {
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

int64_t tc_orders_split_point(const struct tc_order *got, size_t n, int64_t start, int64_t end,
			      int depth) {
	int64_t mid = start + (end - start) / 2;
	int64_t *times = n && depth % 2 == 0 ? malloc(n * sizeof *times) : NULL;
	if (!times) {
		return mid;
	}
	for (size_t i = 0; i < n; i++) {
		times[i] = got[i].created;
	}
	qsort(times, n, sizeof *times, by_time);
	/* the boundary between two distinct times closest to the middle, so that the
	 * orders this answer held fall on both sides */
	int64_t median = end;
	size_t best = n;
	for (size_t i = 0; i + 1 < n; i++) {
		size_t off = i + 1 < n / 2 ? n / 2 - (i + 1) : (i + 1) - n / 2;
		if (times[i] != times[i + 1] && (best == n || off < best)) {
			best = off;
			median = times[i];
		}
	}
	free(times);
	return median >= start && median < end ? median : mid;
}

struct window {
	struct tc_api *api;
	struct tc_orders *out;
	int offset;
	int status;
	bool agent;
};

/* Reads the orders of [start, end] from one answer at Offset 0, splitting the window
 * while an answer may have left some out (depth: how often it was split already). */
static int read_window(struct window *w, int64_t start, int64_t end, int depth,
		       struct tc_error *err) {
	char from[24], to[24], params[256];
	long limit = w->agent ? TC_AGENT_DEALS_PAGE : TC_DEALS_PAGE, items = 0, total = 0;
	const char *action = w->agent ? "DescribeAgentPayDealsV2" : "DescribeDealsByCond";
	struct tc_api_reply reply;
	if (w->out->requests >= TC_MAX_PAGES) {
		return tc_error_set(err, TC_ERR_DATA, _("%s: more than %d requests"), action,
				    TC_MAX_PAGES);
	}
	tc_format_api_time(start, w->offset, from, sizeof from);
	tc_format_api_time(end, w->offset, to, sizeof to);
	if (w->agent) {
		snprintf(params, sizeof params,
			 "{\"Offset\":0,\"Limit\":%ld,\"CreatTimeRangeStart\":\"%s\","
			 "\"CreatTimeRangeEnd\":\"%s\",\"Status\":%d}",
			 limit, from, to, w->status);
	} else {
		snprintf(params, sizeof params,
			 "{\"StartTime\":\"%s\",\"EndTime\":\"%s\",\"Limit\":%ld,\"Offset\":0,"
			 "\"Status\":%d}",
			 from, to, limit, w->status);
	}
	if (tc_api_call(w->api, w->agent ? "partners" : "billing",
			w->agent ? "2018-03-21" : "2018-07-09", action, params, &reply, err) != 0) {
		return -1;
	}
	w->out->requests++;
	size_t before = w->out->n;
	int64_t split = start + (end - start) / 2;
	bool full = false;
	int rc = tc_orders_read_page(reply.response, w->agent, w->offset, w->status, w->out, &items,
				     &total, err);
	if (rc != 0) {
		tc_error_prefix(err, "%s", action);
	} else if (items > limit) {
		rc = tc_error_set(err, TC_ERR_DATA, _("%s: %ld orders for a limit of %ld"), action,
				  items, limit);
	} else if ((full = tc_orders_page_full(items, total, limit))) {
		/* some orders may be missing from this answer: ask for each half */
		split = tc_orders_split_point(w->out->items + before, w->out->n - before, start,
					      end, depth);
		w->out->n = before;
		if (end <= start) {
			rc = tc_error_set(err, TC_ERR_DATA,
					  _("%s: more than %ld orders created within one second "
					    "(%s)"),
					  action, limit, from);
		}
	}
	if (rc != 0) {
		snprintf(err->request_id, sizeof err->request_id, "%s", reply.request_id);
	}
	tc_api_reply_free(&reply);
	if (rc != 0 || !full) {
		return rc;
	}
	if (read_window(w, start, split, depth + 1, err) != 0) {
		return -1;
	}
	return read_window(w, split + 1, end, depth + 1, err);
}

static int fetch(struct tc_api *api, int64_t from, int64_t to, int offset, bool agent,
		 struct tc_orders *out, struct tc_error *err) {
	static const int statuses[] = {TC_ORDER_UNPAID, TC_ORDER_PAYING};
	int64_t span = agent ? TC_AGENT_DEALS_SPAN : TC_DEALS_MAX_SPAN;
	memset(out, 0, sizeof *out);
	for (int64_t start = from; start <= to; start += span + 1) {
		int64_t end = start + span < to ? start + span : to;
		for (size_t s = 0; s < 2; s++) {
			struct window w = {.api = api,
					   .out = out,
					   .offset = offset,
					   .status = statuses[s],
					   .agent = agent};
			if (read_window(&w, start, end, 0, err) != 0) {
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
	/* the service refuses a start older than 15 days when it reads the request */
	if (from < to - TC_AGENT_DEALS_SPAN + TC_AGENT_START_MARGIN) {
		from = to - TC_AGENT_DEALS_SPAN + TC_AGENT_START_MARGIN;
	}
	return fetch(api, from, to, offset, true, out, err);
}

void tc_orders_free(struct tc_orders *o) {
	free(o->items);
	o->items = NULL;
	o->n = 0;
}

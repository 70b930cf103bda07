/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unpaid (status 1) and paying (status 12) orders: DescribeDealsByCond (billing)
 * and, for China-site partners, DescribeAgentPayDealsV2 (partners 2018-03-21).
 *
 * Neither action is ever asked for a second page: DescribeDealsByCond documents
 * Offset as "which page, from 0" while clients have sent record offsets, and no
 * published answer settles it. A window whose answer is full (TotalCount above what
 * one page held, or a full page without TotalCount) is split in two and each half
 * asked again, down to one second; the answer is right under either reading. */
#ifndef TC_ORDERS_H
#define TC_ORDERS_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "tencentcloud/api.h"
#include "error.h"

#define TC_ORDER_UNPAID     1
#define TC_ORDER_PAYING     12
#define TC_DEALS_MAX_SPAN   (90 * 86400) /* the API advises spans of at most 3 months */
#define TC_AGENT_DEALS_SPAN (15 * 86400) /* partner orders: the last 15 days only */
/* The partner start is sent this much later than 15 days ago: it must still lie
 * within the last 15 days when the service reads it, after the transfer, retries
 * within -t, and a clock up to 5 minutes ahead (the signature allows no more). */
#define TC_AGENT_START_MARGIN 900
#define TC_DEALS_PAGE         1000
#define TC_AGENT_DEALS_PAGE   100

struct tc_order {
	char id[80];      /* display only: "" when absent */
	char product[80]; /* display only */
	char owner[32];   /* partner mode: the customer's UIN, display only */
	int status;
	int64_t created; /* UNIX time */
	int64_t amount;  /* cents */
};

struct tc_orders {
	struct tc_order *items;
	size_t n;
	long requests;
};

/* Orders created in [from, to] with status 1 or 12; `offset` is the UTC offset the
 * API's times are in. */
int tc_orders_fetch(struct tc_api *api, int64_t from, int64_t to, int offset, struct tc_orders *out,
		    struct tc_error *err);
int tc_agent_orders_fetch(struct tc_api *api, int64_t from, int64_t to, int offset,
			  struct tc_orders *out, struct tc_error *err);

/* One element of Deals / AgentPayDealSet. Status, the creation time and the paid
 * amount are required and exact; names and ids are display only. */
int tc_order_from_deal(struct json_object *deal, int offset, struct tc_order *out,
		       struct tc_error *err);
int tc_order_from_agent_deal(struct json_object *deal, int offset, struct tc_order *out,
			     struct tc_error *err);

/* One answer's Response: appends the orders of `status` to *out (when not NULL) and
 * sets *items (the list's length) and *total (TC_TOTAL_UNKNOWN when absent). */
int tc_orders_read_page(struct json_object *response, bool agent, int offset, int status,
			struct tc_orders *out, long *items, long *total, struct tc_error *err);

/* True when an answer of `items` (of a page of `limit`) and `total` may have left
 * orders out, so that its window must be split. */
bool tc_orders_page_full(long items, long total, long limit);

/* Where a full window [start, end] is split into [start, p] and [p + 1, end]: at
 * even depths between the creation times of the orders the full answer held, as
 * near their middle as their distinct times allow (so that orders bunched in a few
 * minutes of a month are reached in a few requests); at odd depths, and whenever that
 * would not shrink both halves, the middle of the window. So the windows at least
 * halve every second split. */
int64_t tc_orders_split_point(const struct tc_order *got, size_t n, int64_t start, int64_t end,
			      int depth);

void tc_orders_free(struct tc_orders *o);

#endif

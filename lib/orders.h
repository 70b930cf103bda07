/* Unpaid (status 1) and paying (status 12) orders: DescribeDealsByCond (billing)
 * and, for China-site partners, DescribeAgentPayDealsV2 (partners 2018-03-21). */
#ifndef TC_ORDERS_H
#define TC_ORDERS_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "api.h"
#include "error.h"

#define TC_ORDER_UNPAID     1
#define TC_ORDER_PAYING     12
#define TC_DEALS_MAX_SPAN   (90 * 86400) /* the API advises spans of at most 3 months */
#define TC_AGENT_DEALS_SPAN (15 * 86400) /* partner orders: the last 15 days only */

struct tc_order {
	char id[80];
	char product[80];
	char owner[32]; /* partner mode: the customer's UIN */
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

/* One element of Deals / AgentPayDealSet. */
int tc_order_from_deal(struct json_object *deal, int offset, struct tc_order *out,
		       struct tc_error *err);
int tc_order_from_agent_deal(struct json_object *deal, int offset, struct tc_order *out,
			     struct tc_error *err);

void tc_orders_free(struct tc_orders *o);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The order readers of DescribeDealsByCond and DescribeAgentPayDealsV2, on single
 * orders and on the recorded answers in tests/data/<Action>/ (the official examples
 * and the variants the models allow). */
#include <stdio.h>
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "tencentcloud/orders.h"
#include "tencentcloud/paging.h"
#include "replay.h"
#include "tap.h"
#include "utf8check.h"
#include "timeutil.h"

static struct json_object *parse(const char *t) {
	struct json_object *o = json_tokener_parse(t);
	ck_assert_ptr_nonnull(o);
	return o;
}

START_TEST(deal) {
	struct tc_order o;
	struct tc_error err;
	struct json_object *d =
	    parse("{\"OrderId\": \"20261122000101\", \"Status\": 1, \"CreateTime\": "
		  "\"2019-02-26 07:24:25\", \"RealTotalCost\": 120000, "
		  "\"ProductName\": \"CVM\", \"Currency\": \"CNY\"}");
	ck_assert_int_eq(tc_order_from_deal(d, TC_BEIJING_OFFSET, &o, &err), 0);
	ck_assert_str_eq(o.id, "20261122000101");
	ck_assert_int_eq(o.status, 1);
	ck_assert_int_eq(o.created, 1551137065);
	ck_assert_int_eq(o.amount, 120000);
	ck_assert_str_eq(o.product, "CVM");
	json_object_put(d);
}
END_TEST

START_TEST(deal_errors) {
	struct tc_order o;
	struct tc_error err;
	struct json_object *d = parse("{\"OrderId\": \"1\", \"Status\": \"1\", \"CreateTime\": "
				      "\"2019-02-26 07:24:25\", \"RealTotalCost\": 1}");
	ck_assert_int_eq(tc_order_from_deal(d, 0, &o, &err), -1);
	ck_assert_str_eq(err.message, "1: field Status is not an integer");
	json_object_put(d);
	d = parse(
	    "{\"OrderId\": \"1\", \"Status\": 1, \"CreateTime\": \"soon\", \"RealTotalCost\": 1}");
	ck_assert_int_eq(tc_order_from_deal(d, 0, &o, &err), -1);
	json_object_put(d);
	d = parse("{\"OrderId\": \"1\", \"Status\": 1, \"CreateTime\": \"2019-02-26 07:24:25\"}");
	ck_assert_int_eq(tc_order_from_deal(d, 0, &o, &err), -1);
	ck_assert_str_eq(err.message, "1: field RealTotalCost is missing");
	json_object_put(d);
}
END_TEST

START_TEST(agent_deal_strings) {
	struct tc_order o;
	struct tc_error err;
	struct json_object *d =
	    parse("{\"DealName\": \"2020081592126562\", \"Status\": \"12\", "
		  "\"CreatTime\": \"2020-12-03 11:11:12\", \"GoodsName\": \"CVM\", "
		  "\"OwnerUin\": \"10000001\", \"GoodsPrice\": {\"RealTotalCost\": "
		  "10000, \"OriginalTotalCost\": 12000}}");
	ck_assert_int_eq(tc_order_from_agent_deal(d, TC_BEIJING_OFFSET, &o, &err), 0);
	ck_assert_int_eq(o.status, 12);
	ck_assert_int_eq(o.amount, 10000);
	ck_assert_str_eq(o.owner, "10000001");
	json_object_put(d);
	d = parse(
	    "{\"DealName\": \"x\", \"Status\": \"paid\", \"CreatTime\": \"2020-12-03 11:11:12\", "
	    "\"GoodsPrice\": {\"RealTotalCost\": 1}}");
	ck_assert_int_eq(tc_order_from_agent_deal(d, 0, &o, &err), -1);
	json_object_put(d);
	d = parse(
	    "{\"DealName\": \"x\", \"Status\": \"1\", \"CreatTime\": \"2020-12-03 11:11:12\"}");
	ck_assert_int_eq(tc_order_from_agent_deal(d, 0, &o, &err), -1);
	ck_assert_str_eq(err.message, "x: field GoodsPrice is missing");
	json_object_put(d);
}
END_TEST

/* Reads a fixture's Response as one answer, keeping the orders of `status`. */
static int read_fixture(const char *action, const char *name, int status, struct tc_orders *out,
			long *items, long *total, struct tc_error *err) {
	size_t len = 0;
	char *text = fixture_text(action, name, &len);
	struct json_object *root = json_tokener_parse(text), *response = NULL;
	ck_assert_msg(root && json_object_object_get_ex(root, "Response", &response),
		      "fixture %s has no Response", name);
	memset(out, 0, sizeof *out);
	int rc = tc_orders_read_page(response, strcmp(action, "DescribeAgentPayDealsV2") == 0,
				     TC_BEIJING_OFFSET, status, out, items, total, err);
	json_object_put(root);
	free(text);
	return rc;
}

#define DEALS "DescribeDealsByCond"
#define AGENT "DescribeAgentPayDealsV2"

START_TEST(deals_official_example) {
	struct tc_orders o;
	struct tc_error err;
	long items = 0, total = 0;
	ck_assert_int_eq(read_fixture(DEALS, "example", 4, &o, &items, &total, &err), 0);
	ck_assert_int_eq(items, 1);
	ck_assert_int_eq(total, 1);
	ck_assert_uint_eq(o.n, 1);
	ck_assert_str_eq(o.items[0].id, "20220214710000851640811");
	ck_assert_int_eq(o.items[0].status, 4);
	ck_assert_int_eq(o.items[0].amount, 17000);
	ck_assert_int_eq(o.items[0].created, 1600732800 - 28800); /* 2020-09-22 Beijing */
	tc_orders_free(&o);
	/* a delivered order is not what status 1 asked for */
	ck_assert_int_eq(read_fixture(DEALS, "example", 1, &o, &items, &total, &err), 0);
	ck_assert_uint_eq(o.n, 0);
	tc_orders_free(&o);
}
END_TEST

START_TEST(deals_variants) {
	struct tc_orders o;
	struct tc_error err;
	long items = 0, total = 0;
	ck_assert_int_eq(read_fixture(DEALS, "pending", 12, &o, &items, &total, &err), 0);
	ck_assert_uint_eq(o.n, 1);
	ck_assert_str_eq(o.items[0].id, "20261122000102");
	ck_assert_int_eq(o.items[0].amount, 50000);
	tc_orders_free(&o);
	/* only Status, CreateTime and RealTotalCost; no TotalCount */
	ck_assert_int_eq(read_fixture(DEALS, "optional_absent", 1, &o, &items, &total, &err), 0);
	ck_assert_int_eq(total, TC_TOTAL_UNKNOWN);
	ck_assert_uint_eq(o.n, 1);
	ck_assert_str_eq(o.items[0].id, "");
	ck_assert_str_eq(o.items[0].product, "");
	ck_assert_int_eq(o.items[0].amount, 120000);
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(DEALS, "display_null", 1, &o, &items, &total, &err), 0);
	ck_assert_uint_eq(o.n, 1);
	ck_assert_str_eq(o.items[0].id, "");
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(DEALS, "display_numbers", 1, &o, &items, &total, &err), 0);
	ck_assert_str_eq(o.items[0].id, "20261122000101");
	ck_assert_str_eq(o.items[0].product, "7");
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(DEALS, "empty", 1, &o, &items, &total, &err), 0);
	ck_assert_int_eq(items, 0);
	ck_assert_int_eq(total, 0);
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(DEALS, "empty_null_list", 1, &o, &items, &total, &err), 0);
	ck_assert_int_eq(total, 0);
	tc_orders_free(&o);
}
END_TEST

START_TEST(deals_strict_fields) {
	struct tc_orders o;
	struct tc_error err;
	long items = 0, total = 0;
	ck_assert_int_eq(read_fixture(DEALS, "says_nothing", 1, &o, &items, &total, &err), -1);
	ck_assert_str_eq(err.message, "field Deals is missing, and so is TotalCount");
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(DEALS, "cost_missing", 1, &o, &items, &total, &err), -1);
	ck_assert_str_eq(err.message, "order 2: 20261122000102: field RealTotalCost is missing");
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(DEALS, "cost_fraction", 1, &o, &items, &total, &err), -1);
	ck_assert_str_eq(err.message,
			 "order 2: 20261122000102: field RealTotalCost is not a whole number of "
			 "cents");
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(DEALS, "create_time_sentinel", 1, &o, &items, &total, &err),
			 -1);
	ck_assert_ptr_nonnull(strstr(err.message, "field CreateTime"));
	tc_orders_free(&o);
}
END_TEST

START_TEST(agent_official_example) {
	struct tc_orders o;
	struct tc_error err;
	long items = 0, total = 0;
	ck_assert_int_eq(read_fixture(AGENT, "example", 4, &o, &items, &total, &err), 0);
	ck_assert_int_eq(items, 1);
	ck_assert_int_eq(total, 154);
	ck_assert_uint_eq(o.n, 1);
	ck_assert_str_eq(o.items[0].id, "20240108122000905906371");
	ck_assert_str_eq(o.items[0].owner, "700000232122");
	ck_assert_int_eq(o.items[0].amount, 1650); /* GoodsPrice.RealTotalCost, a number */
	tc_orders_free(&o);
}
END_TEST

START_TEST(agent_variants) {
	struct tc_orders o;
	struct tc_error err;
	long items = 0, total = 0;
	ck_assert_int_eq(read_fixture(AGENT, "pending", 1, &o, &items, &total, &err), 0);
	ck_assert_uint_eq(o.n, 1);
	ck_assert_int_eq(o.items[0].amount, 88800);
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(AGENT, "optional_absent", 12, &o, &items, &total, &err), 0);
	ck_assert_int_eq(total, TC_TOTAL_UNKNOWN);
	ck_assert_uint_eq(o.n, 1);
	ck_assert_str_eq(o.items[0].owner, "");
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(AGENT, "display_null", 1, &o, &items, &total, &err), 0);
	ck_assert_uint_eq(o.n, 1);
	tc_orders_free(&o);
	/* UINs and names as numbers, Status as an integer */
	ck_assert_int_eq(read_fixture(AGENT, "display_numbers", 12, &o, &items, &total, &err), 0);
	ck_assert_uint_eq(o.n, 1);
	ck_assert_str_eq(o.items[0].owner, "200000000778");
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(AGENT, "empty", 1, &o, &items, &total, &err), 0);
	ck_assert_int_eq(total, 0);
	tc_orders_free(&o);
}
END_TEST

START_TEST(agent_strict_fields) {
	struct tc_orders o;
	struct tc_error err;
	long items = 0, total = 0;
	ck_assert_int_eq(read_fixture(AGENT, "says_nothing", 1, &o, &items, &total, &err), -1);
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(AGENT, "price_missing", 1, &o, &items, &total, &err), -1);
	ck_assert_str_eq(err.message, "order 1: 20261122000401: field GoodsPrice is missing");
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(AGENT, "price_string", 1, &o, &items, &total, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "GoodsPrice: field RealTotalCost"));
	tc_orders_free(&o);
	ck_assert_int_eq(read_fixture(AGENT, "status_corrupt", 1, &o, &items, &total, &err), -1);
	ck_assert_str_eq(err.message,
			 "order 1: 20261122000401: field Status is not a status number");
	tc_orders_free(&o);
}
END_TEST

/* When a window must be split: never trust a page to be the whole answer. */
START_TEST(page_full) {
	ck_assert(!tc_orders_page_full(2, 2, 1000));
	ck_assert(!tc_orders_page_full(0, 0, 1000));
	ck_assert(tc_orders_page_full(1000, 1500, 1000));
	ck_assert(tc_orders_page_full(10, 11, 1000)); /* short page, yet more exist */
	ck_assert(tc_orders_page_full(1000, TC_TOTAL_UNKNOWN, 1000));
	ck_assert(!tc_orders_page_full(999, TC_TOTAL_UNKNOWN, 1000));
	ck_assert(!tc_orders_page_full(1000, 1000, 1000));
}
END_TEST

/* A full window is split between the times the answer held, or in the middle. */
START_TEST(split_points) {
	struct tc_order o[6] = {0};
	/* 3 at 1000, 3 at 2000: between them */
	for (int i = 0; i < 6; i++) {
		o[i].created = i < 3 ? 2000 : 1000;
	}
	ck_assert_int_eq(tc_orders_split_point(o, 6, 0, 10000, 0), 1000);
	/* at odd depths, the middle, so the windows keep halving */
	ck_assert_int_eq(tc_orders_split_point(o, 6, 0, 10000, 1), 5000);
	/* one time only, or nothing held: the middle */
	ck_assert_int_eq(tc_orders_split_point(o, 3, 0, 10000, 0), 5000);
	ck_assert_int_eq(tc_orders_split_point(o, 0, 0, 10000, 0), 5000);
	/* a boundary outside the window never stops the halves from shrinking */
	ck_assert_int_eq(tc_orders_split_point(o, 6, 1500, 3000, 0), 2250);
	/* the boundary nearest the middle of the orders: 1 at 10, 3 at 20, 2 at 30 */
	int64_t t[6] = {10, 20, 20, 20, 30, 30};
	for (int i = 0; i < 6; i++) {
		o[i].created = t[i];
	}
	ck_assert_int_eq(tc_orders_split_point(o, 6, 0, 100, 0), 20);
}
END_TEST

START_TEST(long_cjk_product_names_are_cut_on_characters) {
	for (int pad = 0; pad < 3; pad++) {
		for (int n = 20; n < 45; n++) {
			char name[256];
			struct tc_order o;
			struct tc_error err;
			long_name(name, sizeof name, pad, n);
			struct json_object *d =
			    parse("{\"OrderId\": \"1\", \"Status\": 1, \"CreateTime\": "
				  "\"2019-02-26 07:24:25\", \"RealTotalCost\": 1}");
			json_object_object_add(d, "ProductName", json_object_new_string(name));
			ck_assert_int_eq(tc_order_from_deal(d, 0, &o, &err), 0);
			ck_assert_msg(utf8_valid(o.product), "pad %d, %d characters", pad, n);
			json_object_put(d);
			d = parse(
			    "{\"DealName\": \"1\", \"Status\": \"1\", \"CreatTime\": "
			    "\"2020-12-03 11:11:12\", \"GoodsPrice\": {\"RealTotalCost\": 1}}");
			json_object_object_add(d, "GoodsName", json_object_new_string(name));
			ck_assert_int_eq(tc_order_from_agent_deal(d, 0, &o, &err), 0);
			ck_assert_msg(utf8_valid(o.product), "pad %d, %d characters", pad, n);
			json_object_put(d);
		}
	}
}
END_TEST

/* What no reader can take: a deal that is no object, a Status absent or null. */
START_TEST(deals_that_are_not_deals) {
	struct tc_order o;
	struct tc_error err;
	struct json_object *d = parse("[1]");
	ck_assert_int_eq(tc_order_from_deal(d, 0, &o, &err), -1);
	ck_assert_str_eq(err.message, "not an object");
	ck_assert_int_eq(tc_order_from_agent_deal(d, 0, &o, &err), -1);
	ck_assert_str_eq(err.message, "not an object");
	json_object_put(d);
	const char *no_status[] = {
	    "{\"OrderId\": \"9\", \"CreateTime\": \"2019-02-26 07:24:25\", \"RealTotalCost\": 1}",
	    "{\"OrderId\": \"9\", \"Status\": null, \"CreateTime\": \"2019-02-26 07:24:25\", "
	    "\"RealTotalCost\": 1}",
	};
	for (size_t i = 0; i < 2; i++) {
		d = parse(no_status[i]);
		ck_assert_int_eq(tc_order_from_deal(d, 0, &o, &err), -1);
		ck_assert_str_eq(err.message, "9: field Status is missing");
		json_object_put(d);
	}
}
END_TEST

/* The UNIX time of a Beijing "YYYY-MM-DD hh:mm:ss". */
static int64_t at(const char *text) {
	int64_t t = 0;
	struct tc_error err;
	ck_assert_int_eq(tc_parse_api_time(text, TC_BEIJING_OFFSET, &t, &err), 0);
	return t;
}

/* Each status is asked for on its own, over the whole window at Offset 0. */
START_TEST(fetch_asks_for_each_status) {
	struct replay r;
	struct tc_orders o;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, DEALS, "pending");
	replay_fixture(&r, DEALS, "pending");
	ck_assert_int_eq(tc_orders_fetch(&r.api, at("2026-11-22 00:00:00"),
					 at("2026-11-22 23:59:59"), TC_BEIJING_OFFSET, &o, &err),
			 0);
	ck_assert_str_eq(r.action[0], DEALS);
	ck_assert_str_eq(r.params[0],
			 "{\"StartTime\":\"2026-11-22 00:00:00\",\"EndTime\":"
			 "\"2026-11-22 23:59:59\",\"Limit\":1000,\"Offset\":0,\"Status\":1}");
	ck_assert_str_eq(r.params[1],
			 "{\"StartTime\":\"2026-11-22 00:00:00\",\"EndTime\":"
			 "\"2026-11-22 23:59:59\",\"Limit\":1000,\"Offset\":0,\"Status\":12}");
	/* each answer holds both; only the status asked for is kept from each */
	ck_assert_int_eq(o.requests, 2);
	ck_assert_uint_eq(o.n, 2);
	ck_assert_int_eq(o.items[0].status, TC_ORDER_UNPAID);
	ck_assert_int_eq(o.items[1].status, TC_ORDER_PAYING);
	ck_assert_int_eq(o.items[0].amount, 120000);
	tc_orders_free(&o);
	ck_assert_ptr_null(o.items);
	replay_stop(&r);
}
END_TEST

/* An answer that may have left orders out (TotalCount above what it holds) is not
 * read on at another Offset: its window is asked for again in two halves. */
START_TEST(fetch_splits_a_full_window) {
	struct replay r;
	struct tc_orders o;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture_edited(&r, DEALS, "pending", "TotalCount", "3");
	replay_fixture(&r, DEALS, "pending");
	replay_fixture(&r, DEALS, "empty");
	replay_fixture(&r, DEALS, "empty");
	ck_assert_int_eq(tc_orders_fetch(&r.api, at("2026-11-22 00:00:00"),
					 at("2026-11-22 23:59:59"), TC_BEIJING_OFFSET, &o, &err),
			 0);
	ck_assert_int_eq(o.requests, 4);
	ck_assert_ptr_nonnull(strstr(r.params[1], "\"EndTime\":\"2026-11-22 11:59:59\""));
	ck_assert_ptr_nonnull(strstr(r.params[2], "\"StartTime\":\"2026-11-22 12:00:00\""));
	ck_assert_ptr_nonnull(strstr(r.params[3], "\"Status\":12"));
	/* the full answer's order is not counted twice */
	ck_assert_uint_eq(o.n, 1);
	tc_orders_free(&o);
	replay_stop(&r);
	/* a window of one second cannot be split */
	replay_start(&r, 10);
	replay_fixture_edited(&r, DEALS, "pending", "TotalCount", "3");
	ck_assert_int_eq(tc_orders_fetch(&r.api, at("2026-11-22 11:15:00"),
					 at("2026-11-22 11:15:00"), TC_BEIJING_OFFSET, &o, &err),
			 -1);
	ck_assert_str_eq(err.message, DEALS ": more than 1000 orders created within one second "
					    "(2026-11-22 11:15:00)");
	ck_assert_str_eq(err.request_id, "c33d6ae6-0001-4a55-8318-000000000001");
	tc_orders_free(&o);
	replay_stop(&r);
}
END_TEST

START_TEST(fetch_bad_answers) {
	struct replay r;
	struct tc_orders o;
	struct tc_error err;
	int64_t from = at("2026-11-22 00:00:00"), to = at("2026-11-22 23:59:59");
	replay_start(&r, 10);
	replay_fixture(&r, DEALS, "cost_missing");
	ck_assert_int_eq(tc_orders_fetch(&r.api, from, to, TC_BEIJING_OFFSET, &o, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	ck_assert_int_eq(strncmp(err.message, DEALS ": order ", strlen(DEALS ": order ")), 0);
	ck_assert_str_ne(err.request_id, "");
	tc_orders_free(&o);
	replay_stop(&r);
	replay_start(&r, 10);
	replay_body(&r, 200,
		    "{\"Response\":{\"Error\":{\"Code\":\"UnauthorizedOperation.NotFinanceAuth\","
		    "\"Message\":\"no\"},\"RequestId\":\"req-o\"}}");
	ck_assert_int_eq(tc_orders_fetch(&r.api, from, to, TC_BEIJING_OFFSET, &o, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_API);
	ck_assert_str_eq(err.request_id, "req-o");
	ck_assert_uint_eq(replay_served(&r), 1);
	tc_orders_free(&o);
	replay_stop(&r);
}
END_TEST

/* Partner orders: only the last 15 days can be asked for, less a margin. */
START_TEST(agent_fetch_window_and_cap) {
	struct replay r;
	struct tc_orders o;
	struct tc_error err;
	int64_t to = at("2026-11-22 12:00:00");
	replay_start(&r, 10);
	replay_fixture(&r, AGENT, "pending");
	replay_fixture(&r, AGENT, "pending");
	ck_assert_int_eq(tc_agent_orders_fetch(&r.api, 0, to, TC_BEIJING_OFFSET, &o, &err), 0);
	ck_assert_str_eq(r.action[0], AGENT);
	ck_assert_str_eq(r.params[0], "{\"Offset\":0,\"Limit\":100,\"CreatTimeRangeStart\":"
				      "\"2026-11-07 12:15:00\",\"CreatTimeRangeEnd\":"
				      "\"2026-11-22 12:00:00\",\"Status\":1}");
	ck_assert_uint_eq(o.n, 2);
	ck_assert_int_eq(o.requests, 2);
	tc_orders_free(&o);
	replay_stop(&r);
	/* more orders than the Limit asked for: the answer is not what was asked */
	struct json_object *root = NULL, *list = NULL;
	struct json_object *resp = fixture_response(AGENT, "pending", &root);
	ck_assert(json_object_object_get_ex(resp, "AgentPayDealSet", &list));
	struct json_object *first = json_object_array_get_idx(list, 0);
	while (json_object_array_length(list) < 101) {
		json_object_array_add(list, json_object_get(first));
	}
	json_object_object_add(resp, "TotalCount", json_object_new_int(101));
	replay_start(&r, 10);
	replay_body(&r, 200, json_object_to_json_string(root));
	json_object_put(root);
	ck_assert_int_eq(tc_agent_orders_fetch(&r.api, to - 3600, to, TC_BEIJING_OFFSET, &o, &err),
			 -1);
	ck_assert_str_eq(err.message, AGENT ": 101 orders for a limit of 100");
	tc_orders_free(&o);
	replay_stop(&r);
}
END_TEST

START_TEST(out_of_memory_is_an_error) {
	struct json_object *root = NULL;
	struct tc_orders o = {0};
	struct tc_error err;
	long items = 0, total = 0;
	struct json_object *r = fixture_response(DEALS, "pending", &root);
	failalloc_arm(1);
	int rc = tc_orders_read_page(r, false, TC_BEIJING_OFFSET, TC_ORDER_UNPAID, &o, &items,
				     &total, &err);
	failalloc_arm(0);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err.message, "out of memory");
	ck_assert_uint_eq(o.n, 0);
	json_object_put(root);
}
END_TEST

/* The second half of a split window fails: the whole read fails, not half of it. */
START_TEST(fetch_fails_with_a_failing_half) {
	struct replay r;
	struct tc_orders o;
	struct tc_error err;
	replay_start(&r, 10);
	r.api.deadline = NULL; /* no retry: a request more is answered once, with 599 */
	replay_fixture_edited(&r, DEALS, "pending", "TotalCount", "3");
	replay_body(&r, 200,
		    "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"x\"},"
		    "\"RequestId\":\"half\"}}");
	ck_assert_int_eq(tc_orders_fetch(&r.api, at("2026-11-22 00:00:00"),
					 at("2026-11-22 23:59:59"), TC_BEIJING_OFFSET, &o, &err),
			 -1);
	ck_assert_str_eq(err.request_id, "half");
	ck_assert_uint_eq(replay_served(&r), 2);
	tc_orders_free(&o);
	replay_stop(&r);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("orders");
	TCase *tc = tcase_create("orders");
	tcase_add_test(tc, deal);
	tcase_add_test(tc, deal_errors);
	tcase_add_test(tc, agent_deal_strings);
	tcase_add_test(tc, deals_official_example);
	tcase_add_test(tc, deals_variants);
	tcase_add_test(tc, deals_strict_fields);
	tcase_add_test(tc, agent_official_example);
	tcase_add_test(tc, agent_variants);
	tcase_add_test(tc, agent_strict_fields);
	tcase_add_test(tc, page_full);
	tcase_add_test(tc, split_points);
	tcase_add_test(tc, long_cjk_product_names_are_cut_on_characters);
	tcase_add_test(tc, deals_that_are_not_deals);
	suite_add_tcase(s, tc);
	TCase *call = tcase_create("the calls and their windows, against recorded answers");
	tcase_add_test(call, fetch_asks_for_each_status);
	tcase_add_test(call, fetch_splits_a_full_window);
	tcase_add_test(call, fetch_bad_answers);
	tcase_add_test(call, agent_fetch_window_and_cap);
	tcase_add_test(call, fetch_fails_with_a_failing_half);
	tcase_add_test(tc, out_of_memory_is_an_error);
	suite_add_tcase(s, call);
	return s;
}

TC_TEST_MAIN(suite)

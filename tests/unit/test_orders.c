#include <stdio.h>
#include <string.h>

#include "orders.h"
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
	ck_assert_str_eq(err.message, "field Status is not an integer");
	json_object_put(d);
	d = parse(
	    "{\"OrderId\": \"1\", \"Status\": 1, \"CreateTime\": \"soon\", \"RealTotalCost\": 1}");
	ck_assert_int_eq(tc_order_from_deal(d, 0, &o, &err), -1);
	json_object_put(d);
	d = parse("{\"OrderId\": \"1\", \"Status\": 1, \"CreateTime\": \"2019-02-26 07:24:25\"}");
	ck_assert_int_eq(tc_order_from_deal(d, 0, &o, &err), -1);
	ck_assert_str_eq(err.message, "field RealTotalCost is missing");
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
	ck_assert_str_eq(err.message, "field GoodsPrice is missing");
	json_object_put(d);
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

static Suite *suite(void) {
	Suite *s = suite_create("orders");
	TCase *tc = tcase_create("orders");
	tcase_add_test(tc, deal);
	tcase_add_test(tc, deal_errors);
	tcase_add_test(tc, agent_deal_strings);
	tcase_add_test(tc, long_cjk_product_names_are_cut_on_characters);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

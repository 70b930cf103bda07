/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeDealsByCond and DescribeAgentPayDealsV2 as the simulator serves them: the
 * window, status filters, paging and the string-typed partner fields. */
#include "fixture.h"
#include "simcall.h"
#include "tap.h"

/* created 10 min, 45 min, 3 days and 40 days before SIMCALL_NOW (12:00 Beijing) */
static const char deals[] =
    "{\"deals\":[{\"id\":\"A\",\"status\":1,\"age_minutes\":45,\"product\":\"CVM\","
    "\"amount\":120000},{\"id\":\"B\",\"status\":12,\"age_minutes\":10,"
    "\"product\":\"TencentDB for MySQL\",\"amount\":50000},{\"id\":\"C\",\"status\":4,"
    "\"age_minutes\":4320},{\"id\":\"D\",\"status\":1,\"age_minutes\":57600}]}";

static const char window[] =
    "\"StartTime\":\"2026-11-01 00:00:00\",\"EndTime\":\"2026-11-22 23:59:59\"";

static void deals_call(struct simcall *sc, const char *account, const char *more) {
	char params[512];
	snprintf(params, sizeof params, "{%s,\"Limit\":1000%s}", window, more);
	simcall_run(sc, sim_describe_deals_by_cond, account, params);
}

START_TEST(delivered_by_default) {
	struct simcall sc;
	/* without a status the service answers with delivered orders (4) only */
	deals_call(&sc, deals, "");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "1");
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.OrderId"), "\"C\"");
	simcall_free(&sc);
}
END_TEST

START_TEST(all_statuses_newest_first) {
	struct simcall sc;
	deals_call(&sc, deals, ",\"StatusSet\":[1,4,12]");
	/* D is 40 days old: before StartTime */
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "3");
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.OrderId"), "\"B\"");
	ck_assert_str_eq(simcall_text(&sc, "Deals.1.OrderId"), "\"A\"");
	ck_assert_str_eq(simcall_text(&sc, "Deals.2.OrderId"), "\"C\"");
	/* Beijing time without a zone, amounts in cents */
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.CreateTime"), "\"2026-11-22 11:50:00\"");
	ck_assert_str_eq(simcall_text(&sc, "Deals.1.CreateTime"), "\"2026-11-22 11:15:00\"");
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.RealTotalCost"), "50000");
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.Status"), "12");
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.ProductName"), "\"TencentDB for MySQL\"");
	/* large pages: the service sends null resource ids */
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.ResourceId"), "null");
	simcall_free(&sc);
}
END_TEST

START_TEST(status_and_status_set) {
	struct simcall sc;
	deals_call(&sc, deals, ",\"Status\":1");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "1");
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.OrderId"), "\"A\"");
	simcall_free(&sc);
	deals_call(&sc, deals, ",\"StatusSet\":[1,12]");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "2");
	simcall_free(&sc);
	deals_call(&sc, deals, ",\"Status\":6");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "0");
	ck_assert_str_eq(simcall_text(&sc, "Deals"), "[]");
	simcall_free(&sc);
}
END_TEST

START_TEST(pages_by_offset) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_deals_by_cond,
		    "{\"deals\":[{\"id\":\"R\",\"status\":1,\"age_minutes\":5,\"repeat\":25}]}",
		    "{\"StartTime\":\"2026-11-22 00:00:00\",\"EndTime\":\"2026-11-22 12:00:00\","
		    "\"Limit\":10,\"Offset\":20,\"Status\":1}");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "25");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "Deals")), 5);
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.OrderId"), "\"R-0021\"");
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.ResourceId"), "[]");
	simcall_free(&sc);
}
END_TEST

START_TEST(refuses_what_the_service_refuses) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_deals_by_cond, deals, "{\"Limit\":10}");
	simcall_assert_fails(&sc, "MissingParameter");
	simcall_free(&sc);
	deals_call(&sc, deals, ",\"Offset\":-1");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_deals_by_cond, deals,
		    "{\"StartTime\":\"2026-01-01 00:00:00\",\"EndTime\":\"2026-11-22 00:00:00\","
		    "\"Limit\":100}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	ck_assert_str_eq(sc.call.message, "The time span must be positive and at most 3 months.");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_deals_by_cond, deals,
		    "{\"StartTime\":\"yesterday\",\"EndTime\":\"2026-11-22 00:00:00\","
		    "\"Limit\":100}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_deals_by_cond, deals,
		    "{\"StartTime\":\"2026-11-01 00:00:00\",\"EndTime\":\"2026-11-22 00:00:00\","
		    "\"Limit\":1001}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
}
END_TEST

START_TEST(partner_orders_are_strings) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_agent_pay_deals_v2,
		    "{\"agent_deals\":[{\"id\":\"P1\",\"status\":1,\"age_minutes\":90,"
		    "\"owner\":\"200000000001\",\"amount\":9900},{\"id\":\"P2\",\"status\":4,"
		    "\"age_minutes\":60}]}",
		    "{\"Offset\":0,\"Limit\":100,\"Status\":1}");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "1");
	ck_assert_str_eq(simcall_text(&sc, "AgentPayDealSet.0.DealName"), "\"P1\"");
	ck_assert_str_eq(simcall_text(&sc, "AgentPayDealSet.0.Status"), "\"1\"");
	ck_assert_str_eq(simcall_text(&sc, "AgentPayDealSet.0.OwnerUin"), "\"200000000001\"");
	ck_assert_str_eq(simcall_text(&sc, "AgentPayDealSet.0.CreatTime"),
			 "\"2026-11-22 10:30:00\"");
	ck_assert_str_eq(simcall_text(&sc, "AgentPayDealSet.0.GoodsPrice.RealTotalCost"), "9900");
	simcall_free(&sc);
}
END_TEST

START_TEST(partner_rules) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_agent_pay_deals_v2, "{\"agent_deals\":[]}",
		    "{\"Offset\":0,\"Limit\":100,"
		    "\"CreatTimeRangeStart\":\"2026-10-01 00:00:00\"}");
	simcall_assert_fails(&sc, "InvalidParameter");
	ck_assert_str_eq(sc.call.message, "Only orders of the last 15 days can be queried.");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_agent_pay_deals_v2, "{\"agent_deals\":[]}",
		    "{\"Offset\":0,\"Limit\":101}");
	simcall_assert_fails(&sc, "InvalidParameter");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_agent_pay_deals_v2, deals, "{\"Offset\":0,\"Limit\":100}");
	simcall_assert_fails(&sc, "UnauthorizedOperation");
	simcall_free(&sc);
}
END_TEST

/* Both actions answer in their official examples' shapes. */
START_TEST(official_shapes) {
	struct simcall sc;
	struct json_object *root = NULL;
	struct json_object *want = fixture_response("DescribeDealsByCond", "example", &root);
	simcall_run(&sc, sim_describe_deals_by_cond, deals,
		    "{\"StartTime\":\"2026-11-01 00:00:00\",\"EndTime\":\"2026-11-22 23:59:59\","
		    "\"Limit\":20,\"Offset\":0}");
	ck_assert_ptr_nonnull(sc.response);
	fixture_assert_shape(want, sc.response, "Response", true);
	simcall_free(&sc);
	json_object_put(root);
	want = fixture_response("DescribeAgentPayDealsV2", "example", &root);
	simcall_run(&sc, sim_describe_agent_pay_deals_v2,
		    "{\"agent_deals\":[{\"id\":\"P1\",\"status\":4,\"age_minutes\":90}]}",
		    "{\"Limit\":1,\"Offset\":0}");
	ck_assert_ptr_nonnull(sc.response);
	fixture_assert_shape(want, sc.response, "Response", true);
	/* GoodsPrice.RealTotalCost is a number, Status a string, as in the SDK model */
	ck_assert_str_eq(simcall_text(&sc, "AgentPayDealSet.0.Status"), "\"4\"");
	simcall_free(&sc);
	json_object_put(root);
}
END_TEST

START_TEST(optional_fields_absent) {
	struct simcall sc;
	struct json_object *root = NULL;
	struct json_object *want =
	    fixture_response("DescribeDealsByCond", "optional_absent", &root);
	simcall_run(
	    &sc, sim_describe_deals_by_cond,
	    "{\"deals\":[{\"id\":\"A\",\"status\":1,\"age_minutes\":45}],"
	    "\"deal_fields_remove\":[\"TotalCount\"],\"deal_item_remove\":[\"OrderId\","
	    "\"ProductName\",\"ProductCode\",\"Payer\",\"Creator\",\"BigDealId\","
	    "\"SubProductName\",\"SubProductCode\",\"ProductInfo\",\"ResourceId\",\"Formula\","
	    "\"RefReturnDeals\",\"Currency\",\"PayMode\",\"Action\",\"TimeSpan\",\"TimeUnit\","
	    "\"Policy\",\"Price\",\"TotalCost\",\"ProjectId\",\"GoodsCategoryId\","
	    "\"VoucherDecline\"]}",
	    "{\"StartTime\":\"2026-11-01 00:00:00\",\"EndTime\":\"2026-11-22 23:59:59\","
	    "\"Limit\":20,\"Offset\":0,\"Status\":1}");
	ck_assert_ptr_nonnull(sc.response);
	fixture_assert_shape(want, sc.response, "Response", true);
	simcall_free(&sc);
	json_object_put(root);
}
END_TEST

/* "deals_offset": "page" reads Offset as the documentation words it: a page index. */
START_TEST(offset_as_page_index) {
	struct simcall sc;
	const char *account = "{\"deals_offset\":\"page\",\"deals\":[{\"id\":\"R\","
			      "\"status\":1,\"age_minutes\":5,\"repeat\":25}]}";
	const char *page2 =
	    "{\"StartTime\":\"2026-11-22 00:00:00\",\"EndTime\":\"2026-11-22 12:00:00\","
	    "\"Limit\":10,\"Offset\":2,\"Status\":1}";
	simcall_run(&sc, sim_describe_deals_by_cond, account, page2);
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "25");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "Deals")), 5);
	ck_assert_str_eq(simcall_text(&sc, "Deals.0.OrderId"), "\"R-0021\"");
	simcall_free(&sc);
	/* a record offset of 20 is page 20 here: empty */
	simcall_run(&sc, sim_describe_deals_by_cond, account,
		    "{\"StartTime\":\"2026-11-22 00:00:00\",\"EndTime\":\"2026-11-22 12:00:00\","
		    "\"Limit\":10,\"Offset\":20,\"Status\":1}");
	ck_assert_str_eq(simcall_text(&sc, "Deals"), "[]");
	simcall_free(&sc);
}
END_TEST

/* The start must lie within the last 15 days, to the second (SIMCALL_NOW is
 * 2026-11-22 12:00:00 Beijing). */
START_TEST(partner_start_exactly_15_days) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_agent_pay_deals_v2, "{\"agent_deals\":[]}",
		    "{\"Offset\":0,\"Limit\":100,"
		    "\"CreatTimeRangeStart\":\"2026-11-07 12:00:00\"}");
	ck_assert_ptr_nonnull(sc.response);
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_agent_pay_deals_v2, "{\"agent_deals\":[]}",
		    "{\"Offset\":0,\"Limit\":100,"
		    "\"CreatTimeRangeStart\":\"2026-11-07 11:59:59\"}");
	simcall_assert_fails(&sc, "InvalidParameter");
	simcall_free(&sc);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("act_orders");
	TCase *t = tcase_create("act_orders");
	tcase_add_test(t, delivered_by_default);
	tcase_add_test(t, all_statuses_newest_first);
	tcase_add_test(t, status_and_status_set);
	tcase_add_test(t, pages_by_offset);
	tcase_add_test(t, refuses_what_the_service_refuses);
	tcase_add_test(t, partner_orders_are_strings);
	tcase_add_test(t, partner_rules);
	tcase_add_test(t, official_shapes);
	tcase_add_test(t, optional_fields_absent);
	tcase_add_test(t, offset_as_page_index);
	tcase_add_test(t, partner_start_exactly_15_days);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)

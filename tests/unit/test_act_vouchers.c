/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeVoucherInfo as the simulator serves it: micro amounts, 1-based pages, the
 * status filter and the expiry dates. */
#include "fixture.h"
#include "simcall.h"
#include "tap.h"

static const char vouchers[] =
    "{\"vouchers\":[{\"id\":\"V1\",\"balance\":50000000000,\"nominal\":100000000000,"
    "\"expires_in_days\":5,\"products\":\"COS\"},{\"id\":\"V2\",\"balance\":1,"
    "\"status\":\"used\"},{\"id\":\"R\",\"balance\":100000000,\"repeat\":4}]}";

START_TEST(unused_vouchers_in_micro) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_voucher_info, vouchers,
		    "{\"Limit\":20,\"Offset\":1,\"Status\":\"unUsed\"}");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "5");
	ck_assert_str_eq(simcall_text(&sc, "TotalBalance"), "50400000000");
	ck_assert_str_eq(simcall_text(&sc, "Unit"), "\"micro\"");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.VoucherId"), "\"V1\"");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.Balance"), "50000000000");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.NominalValue"), "100000000000");
	/* dates in Beijing time: 5 days after 2026-11-22 */
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.EndTime"), "\"2026-11-27\"");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.ApplicableProducts.GoodsName"),
			 "\"COS\"");
	/* nominal defaults to the balance, expiry to 30 days */
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.1.NominalValue"), "100000000");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.1.EndTime"), "\"2026-12-22\"");
	simcall_free(&sc);
}
END_TEST

START_TEST(every_status_without_filter) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_voucher_info, vouchers, "{\"Limit\":20,\"Offset\":1}");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "6");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.1.Status"), "\"used\"");
	simcall_free(&sc);
}
END_TEST

START_TEST(offset_is_a_page_number) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_voucher_info, vouchers,
		    "{\"Limit\":2,\"Offset\":2,\"Status\":\"unUsed\"}");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "5");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "VoucherInfos")), 2);
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.VoucherId"), "\"R-0002\"");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_voucher_info, vouchers,
		    "{\"Limit\":2,\"Offset\":4,\"Status\":\"unUsed\"}");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos"), "[]");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_voucher_info, vouchers, "{\"Limit\":2,\"Offset\":0}");
	simcall_assert_fails(&sc, "InvalidParameter");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_voucher_info, vouchers, "{\"Limit\":2}");
	simcall_assert_fails(&sc, "MissingParameter");
	simcall_free(&sc);
}
END_TEST

START_TEST(no_vouchers) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_voucher_info, "{}", "{\"Limit\":1000,\"Offset\":1}");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "0");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos"), "[]");
	simcall_free(&sc);
}
END_TEST

/* The simulator answers in the official example's shape, EndTime included. */
START_TEST(official_shape) {
	struct simcall sc;
	struct json_object *root = NULL;
	struct json_object *want = fixture_response("DescribeVoucherInfo", "example", &root);
	simcall_run(&sc, sim_describe_voucher_info,
		    "{\"vouchers\":[{\"id\":\"PPVIA653S3T7L07A4P\",\"balance\":1200000000,"
		    "\"end_time\":\"0002-11-30\"},{\"id\":\"V2\",\"balance\":1}]}",
		    "{\"Limit\":1,\"Offset\":1}");
	ck_assert_ptr_nonnull(sc.response);
	fixture_assert_shape(want, sc.response, "Response", true);
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.EndTime"), "\"0002-11-30\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "2");
	simcall_free(&sc);
	json_object_put(root);
}
END_TEST

/* Scenario switches drop what the model does not require, as a recorded variant. */
START_TEST(optional_fields_absent) {
	struct simcall sc;
	struct json_object *root = NULL;
	struct json_object *want =
	    fixture_response("DescribeVoucherInfo", "optional_absent", &root);
	simcall_run(&sc, sim_describe_voucher_info,
		    "{\"vouchers\":[{\"id\":\"V1\",\"balance\":1}],"
		    "\"voucher_fields_remove\":[\"TotalCount\",\"TotalBalance\",\"Unit\"],"
		    "\"voucher_item_remove\":[\"OwnerUin\",\"VoucherId\",\"ApplicableProducts\","
		    "\"NominalValue\",\"PolicyRemark\",\"CreateTime\",\"ExcludedProducts\","
		    "\"PayMode\",\"PayScene\",\"BeginTime\",\"Status\"]}",
		    "{\"Limit\":20,\"Offset\":1}");
	ck_assert_ptr_nonnull(sc.response);
	fixture_assert_shape(want, sc.response, "Response", true);
	simcall_free(&sc);
	json_object_put(root);
	/* display fields as numbers or null */
	simcall_run(&sc, sim_describe_voucher_info,
		    "{\"vouchers\":[{\"id\":\"V1\",\"balance\":1}],"
		    "\"voucher_item\":{\"OwnerUin\":909619400,\"VoucherId\":null}}",
		    "{\"Limit\":20,\"Offset\":1}");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.OwnerUin"), "909619400");
	ck_assert_str_eq(simcall_text(&sc, "VoucherInfos.0.VoucherId"), "null");
	simcall_free(&sc);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("act_vouchers");
	TCase *t = tcase_create("act_vouchers");
	tcase_add_test(t, unused_vouchers_in_micro);
	tcase_add_test(t, every_status_without_filter);
	tcase_add_test(t, offset_is_a_page_number);
	tcase_add_test(t, no_vouchers);
	tcase_add_test(t, official_shape);
	tcase_add_test(t, optional_fields_absent);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)

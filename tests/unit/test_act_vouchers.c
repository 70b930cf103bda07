/* DescribeVoucherInfo as the simulator serves it: micro amounts, 1-based pages, the
 * status filter and the expiry dates. */
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

static Suite *suite(void) {
	Suite *s = suite_create("act_vouchers");
	TCase *t = tcase_create("act_vouchers");
	tcase_add_test(t, unused_vouchers_in_micro);
	tcase_add_test(t, every_status_without_filter);
	tcase_add_test(t, offset_is_a_page_number);
	tcase_add_test(t, no_vouchers);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)

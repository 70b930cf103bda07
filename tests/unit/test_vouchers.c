/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeVoucherInfo as the client reads it, from single vouchers and from the
 * recorded answers in tests/data/DescribeVoucherInfo (the official example and the
 * variants its model allows). */
#include <stdio.h>
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "tencentcloud/paging.h"
#include "replay.h"
#include "tap.h"
#include "utf8check.h"
#include "timeutil.h"
#include "tencentcloud/vouchers.h"

START_TEST(micro_amounts_and_dates) {
	struct tc_voucher v;
	struct tc_error err;
	struct json_object *o = json_tokener_parse(
	    "{\"VoucherId\": \"v-1\", \"Balance\": 265645002000000, \"NominalValue\": 1200000000, "
	    "\"EndTime\": \"2026-11-27\", \"ApplicableProducts\": {\"GoodsName\": \"CVM\"}}");
	ck_assert_int_eq(tc_voucher_from_json(o, TC_BEIJING_OFFSET, &v, &err), 0);
	ck_assert_int_eq(v.balance, 265645002);
	ck_assert_int_eq(v.nominal, 1200);
	ck_assert(!v.undated);
	ck_assert_int_eq(v.expires, 1795737600 - 28800);
	ck_assert_str_eq(v.products, "CVM");
	json_object_put(o);
}
END_TEST

START_TEST(rejects) {
	struct tc_voucher v;
	struct tc_error err;
	const char *bad[] = {
	    "{\"VoucherId\": \"v\", \"Balance\": -1000000, \"EndTime\": \"2026-11-27\"}",
	    "{\"VoucherId\": \"v\", \"Balance\": \"12\", \"EndTime\": \"2026-11-27\"}",
	    "{\"VoucherId\": \"v\", \"EndTime\": \"2026-11-27\"}",
	    "{\"VoucherId\": \"v\", \"Balance\": null, \"EndTime\": \"2026-11-27\"}",
	    "[1]",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct json_object *o = json_tokener_parse(bad[i]);
		ck_assert_msg(tc_voucher_from_json(o, 0, &v, &err) == -1, "accepted %s", bad[i]);
		json_object_put(o);
	}
}
END_TEST

/* A voucher whose EndTime is no date is read, marked undated, and keeps its text. */
START_TEST(sentinel_dates_are_undated_not_errors) {
	struct tc_voucher v;
	struct tc_error err;
	const char *odd[] = {"\"0002-11-30\"", "\"\"", "null", "\"soon\"", "20261127"};
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		char text[200];
		snprintf(text, sizeof text,
			 "{\"VoucherId\": \"v\", \"Balance\": 100000000, \"EndTime\": %s}", odd[i]);
		struct json_object *o = json_tokener_parse(text);
		ck_assert_msg(tc_voucher_from_json(o, 0, &v, &err) == 0, "refused %s", odd[i]);
		ck_assert_msg(v.undated, "%s taken for a date", odd[i]);
		ck_assert_int_eq(v.balance, 100);
		json_object_put(o);
	}
}
END_TEST

/* Reads a fixture's Response like one page of tc_vouchers_fetch. */
static int read_fixture(const char *name, struct tc_vouchers *out, long *items, long *total,
			struct tc_error *err) {
	size_t len = 0;
	char *text = fixture_text("DescribeVoucherInfo", name, &len);
	struct json_object *root = json_tokener_parse(text), *response = NULL;
	ck_assert_msg(root && json_object_object_get_ex(root, "Response", &response),
		      "fixture %s has no Response", name);
	memset(out, 0, sizeof *out);
	int rc = tc_vouchers_read_page(response, TC_BEIJING_OFFSET, out, items, total, err);
	json_object_put(root);
	free(text);
	return rc;
}

START_TEST(official_example) {
	struct tc_vouchers v;
	struct tc_error err;
	long items = 0, total = 0;
	ck_assert_int_eq(read_fixture("example", &v, &items, &total, &err), 0);
	ck_assert_int_eq(items, 1);
	ck_assert_int_eq(total, 1828);
	ck_assert_uint_eq(v.n, 1);
	ck_assert_str_eq(v.items[0].id, "PPVIA653S3T7L07A4P");
	ck_assert_int_eq(v.items[0].balance, 1200); /* 1200000000 micro = 12.00 */
	ck_assert(v.items[0].undated);              /* "0002-11-30" */
	ck_assert_str_eq(v.items[0].end_text, "0002-11-30");
	ck_assert_str_eq(v.items[0].products, "\xe4\xba\x91\xe6\x9c\x8d\xe5\x8a\xa1\xe5\x99\xa8"
					      "CVM");
	tc_vouchers_free(&v);
}
END_TEST

START_TEST(variants_the_model_allows) {
	struct tc_vouchers v;
	struct tc_error err;
	long items = 0, total = 0;

	ck_assert_int_eq(read_fixture("sentinel_and_dated", &v, &items, &total, &err), 0);
	ck_assert_uint_eq(v.n, 3);
	ck_assert(v.items[0].undated);
	ck_assert(!v.items[1].undated);
	ck_assert(!v.items[2].undated);
	tc_vouchers_free(&v);

	/* no TotalCount, TotalBalance, Unit; vouchers without id, products, face value */
	ck_assert_int_eq(read_fixture("optional_absent", &v, &items, &total, &err), 0);
	ck_assert_int_eq(total, TC_TOTAL_UNKNOWN);
	ck_assert_uint_eq(v.n, 2);
	ck_assert_str_eq(v.items[0].id, "");
	ck_assert_str_eq(v.items[0].products, "");
	ck_assert_int_eq(v.items[0].balance, 500);
	ck_assert(!v.items[0].undated);
	tc_vouchers_free(&v);

	ck_assert_int_eq(read_fixture("display_null", &v, &items, &total, &err), 0);
	ck_assert_uint_eq(v.n, 2);
	ck_assert_str_eq(v.items[1].id, "");
	tc_vouchers_free(&v);

	ck_assert_int_eq(read_fixture("display_numbers", &v, &items, &total, &err), 0);
	ck_assert_str_eq(v.items[0].id, "1000");
	ck_assert_str_eq(v.items[0].products, "42");
	tc_vouchers_free(&v);

	ck_assert_int_eq(read_fixture("end_time_variants", &v, &items, &total, &err), 0);
	ck_assert(v.items[0].undated);
	ck_assert(!v.items[1].undated); /* "2026-11-27 23:59:59" */
	ck_assert(v.items[2].undated);  /* null */
	tc_vouchers_free(&v);
}
END_TEST

START_TEST(empty_answers) {
	struct tc_vouchers v;
	struct tc_error err;
	long items = -5, total = -5;
	ck_assert_int_eq(read_fixture("empty", &v, &items, &total, &err), 0);
	ck_assert_int_eq(items, 0);
	ck_assert_int_eq(total, 0);
	tc_vouchers_free(&v);
	ck_assert_int_eq(read_fixture("empty_null_list", &v, &items, &total, &err), 0);
	ck_assert_int_eq(items, 0);
	ck_assert_int_eq(total, 0);
	tc_vouchers_free(&v);
	ck_assert_int_eq(read_fixture("empty_list_no_total", &v, &items, &total, &err), 0);
	ck_assert_int_eq(items, 0);
	ck_assert_int_eq(total, TC_TOTAL_UNKNOWN);
	tc_vouchers_free(&v);
	/* neither a list nor a count: that is not "no vouchers" */
	ck_assert_int_eq(read_fixture("says_nothing", &v, &items, &total, &err), -1);
	ck_assert_str_eq(err.message, "field VoucherInfos is missing, and so is TotalCount");
	tc_vouchers_free(&v);
}
END_TEST

START_TEST(money_is_strict) {
	struct tc_vouchers v;
	struct tc_error err;
	long items = 0, total = 0;
	ck_assert_int_eq(read_fixture("balance_missing", &v, &items, &total, &err), -1);
	ck_assert_str_eq(err.message, "voucher 2: PPV-SOON: field Balance is missing");
	tc_vouchers_free(&v);
	ck_assert_int_eq(read_fixture("balance_corrupt", &v, &items, &total, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "field Balance"));
	tc_vouchers_free(&v);
}
END_TEST

START_TEST(long_cjk_product_names_are_cut_on_characters) {
	for (int pad = 0; pad < 3; pad++) {
		for (int n = 35; n < 45; n++) {
			char name[256];
			struct tc_voucher v;
			struct tc_error err;
			long_name(name, sizeof name, pad, n);
			struct json_object *o = json_tokener_parse(
			    "{\"VoucherId\": \"v\", \"Balance\": 1, \"EndTime\": \"2026-11-27\", "
			    "\"ApplicableProducts\": {}}");
			struct json_object *p = NULL;
			json_object_object_get_ex(o, "ApplicableProducts", &p);
			json_object_object_add(p, "GoodsName", json_object_new_string(name));
			ck_assert_int_eq(tc_voucher_from_json(o, 0, &v, &err), 0);
			ck_assert_msg(utf8_valid(v.products), "pad %d, %d characters", pad, n);
			json_object_put(o);
		}
	}
}
END_TEST

#define VOUCHERS "DescribeVoucherInfo"

START_TEST(fetch_reads_every_page) {
	struct replay r;
	struct tc_vouchers v;
	struct tc_error err;
	/* the official example, told there are two: a second page follows */
	replay_start(&r, 10);
	replay_fixture_edited(&r, VOUCHERS, "example", "TotalCount", "2");
	replay_fixture_edited(&r, VOUCHERS, "example", "TotalCount", "2");
	ck_assert_int_eq(tc_vouchers_fetch(&r.api, TC_BEIJING_OFFSET, &v, &err), 0);
	ck_assert_str_eq(r.action[0], VOUCHERS);
	ck_assert_str_eq(r.params[0], "{\"Limit\":1000,\"Offset\":1,\"Status\":\"unUsed\"}");
	ck_assert_str_eq(r.params[1], "{\"Limit\":1000,\"Offset\":2,\"Status\":\"unUsed\"}");
	ck_assert_uint_eq(v.n, 2);
	ck_assert_int_eq(v.requests, 2);
	ck_assert_int_eq(v.items[1].balance, 1200);
	tc_vouchers_free(&v);
	ck_assert_ptr_null(v.items);
	replay_stop(&r);
	/* no total and an empty list: none, in one request */
	replay_start(&r, 10);
	replay_fixture(&r, VOUCHERS, "empty_list_no_total");
	ck_assert_int_eq(tc_vouchers_fetch(&r.api, TC_BEIJING_OFFSET, &v, &err), 0);
	ck_assert_uint_eq(v.n, 0);
	ck_assert_int_eq(v.requests, 1);
	tc_vouchers_free(&v);
	replay_stop(&r);
}
END_TEST

/* Every amount is in the answer's Unit: any unit but micro is refused, whole. */
START_TEST(fetch_refuses_another_unit) {
	struct replay r;
	struct tc_vouchers v;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture_edited(&r, VOUCHERS, "example", "Unit", "\"cent\"");
	ck_assert_int_eq(tc_vouchers_fetch(&r.api, TC_BEIJING_OFFSET, &v, &err), -1);
	ck_assert_str_eq(err.message, VOUCHERS ": unexpected Unit 'cent' (not micro)");
	ck_assert_str_eq(err.request_id, "47f4df05-5c77-467b-8c83-6b9304e20321");
	tc_vouchers_free(&v);
	replay_stop(&r);
	/* a Unit that is no string */
	replay_start(&r, 10);
	replay_fixture_edited(&r, VOUCHERS, "example", "Unit", "6");
	ck_assert_int_eq(tc_vouchers_fetch(&r.api, TC_BEIJING_OFFSET, &v, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	tc_vouchers_free(&v);
	replay_stop(&r);
}
END_TEST

START_TEST(fetch_error_answer) {
	struct replay r;
	struct tc_vouchers v;
	struct tc_error err;
	replay_start(&r, 10);
	replay_body(&r, 200,
		    "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter.RegionNotSupported\","
		    "\"Message\":\"no\"},\"RequestId\":\"req-v\"}}");
	ck_assert_int_eq(tc_vouchers_fetch(&r.api, TC_BEIJING_OFFSET, &v, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_API);
	ck_assert_str_eq(err.request_id, "req-v");
	ck_assert_uint_eq(v.n, 0);
	tc_vouchers_free(&v);
	replay_stop(&r);
}
END_TEST

START_TEST(out_of_memory_is_an_error) {
	struct json_object *root = NULL;
	struct tc_vouchers v = {0};
	struct tc_error err;
	long items = 0, total = 0;
	struct json_object *r = fixture_response(VOUCHERS, "example", &root);
	failalloc_arm(1);
	int rc = tc_vouchers_read_page(r, TC_BEIJING_OFFSET, &v, &items, &total, &err);
	failalloc_arm(0);
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(err.kind, TC_ERR_INTERNAL);
	ck_assert_str_eq(err.message, "out of memory");
	ck_assert_uint_eq(v.n, 0);
	json_object_put(root);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("vouchers");
	TCase *tc = tcase_create("vouchers");
	tcase_add_test(tc, micro_amounts_and_dates);
	tcase_add_test(tc, rejects);
	tcase_add_test(tc, sentinel_dates_are_undated_not_errors);
	tcase_add_test(tc, official_example);
	tcase_add_test(tc, variants_the_model_allows);
	tcase_add_test(tc, empty_answers);
	tcase_add_test(tc, money_is_strict);
	tcase_add_test(tc, long_cjk_product_names_are_cut_on_characters);
	suite_add_tcase(s, tc);
	TCase *call = tcase_create("the call and its pages, against recorded answers");
	tcase_add_test(call, fetch_reads_every_page);
	tcase_add_test(call, fetch_refuses_another_unit);
	tcase_add_test(call, fetch_error_answer);
	tcase_add_test(call, out_of_memory_is_an_error);
	suite_add_tcase(s, call);
	return s;
}

TC_TEST_MAIN(suite)

#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "utf8check.h"
#include "timeutil.h"
#include "vouchers.h"

START_TEST(micro_amounts_and_dates) {
	struct tc_voucher v;
	struct tc_error err;
	struct json_object *o = json_tokener_parse(
	    "{\"VoucherId\": \"v-1\", \"Balance\": 265645002000000, \"NominalValue\": 1200000000, "
	    "\"EndTime\": \"2026-11-27\", \"ApplicableProducts\": {\"GoodsName\": \"CVM\"}}");
	ck_assert_int_eq(tc_voucher_from_json(o, TC_BEIJING_OFFSET, &v, &err), 0);
	ck_assert_int_eq(v.balance, 265645002);
	ck_assert_int_eq(v.nominal, 1200);
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
	    "{\"VoucherId\": \"v\", \"Balance\": 1, \"EndTime\": \"0002-11-30\"}",
	    "{\"Balance\": 1, \"EndTime\": \"2026-11-27\"}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct json_object *o = json_tokener_parse(bad[i]);
		ck_assert_msg(tc_voucher_from_json(o, 0, &v, &err) == -1, "accepted %s", bad[i]);
		json_object_put(o);
	}
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

static Suite *suite(void) {
	Suite *s = suite_create("vouchers");
	TCase *tc = tcase_create("vouchers");
	tcase_add_test(tc, micro_amounts_and_dates);
	tcase_add_test(tc, rejects);
	tcase_add_test(tc, long_cjk_product_names_are_cut_on_characters);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

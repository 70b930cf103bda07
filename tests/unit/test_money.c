/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "money.h"
#include "tap.h"

static int64_t from(const char *json, enum tc_money_unit unit) {
	struct json_object *o = json_tokener_parse(json);
	struct json_object *v = NULL;
	struct tc_error err;
	int64_t cents = 0;
	ck_assert_ptr_nonnull(o);
	json_object_object_get_ex(o, "v", &v);
	ck_assert_msg(tc_money_from_json(v, unit, &cents, &err) == 0, "%s: %s", json, err.message);
	json_object_put(o);
	return cents;
}

static void from_fails(const char *json, enum tc_money_unit unit) {
	struct json_object *o = json_tokener_parse(json);
	struct json_object *v = NULL;
	struct tc_error err;
	int64_t cents = 0;
	json_object_object_get_ex(o, "v", &v);
	ck_assert_msg(tc_money_from_json(v, unit, &cents, &err) == -1, "%s should fail", json);
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	json_object_put(o);
}

START_TEST(cents) {
	ck_assert_int_eq(from("{\"v\": 1234}", TC_UNIT_CENTS), 1234);
	ck_assert_int_eq(from("{\"v\": 1234.0}", TC_UNIT_CENTS), 1234);
	ck_assert_int_eq(from("{\"v\": -5}", TC_UNIT_CENTS), -5);
	ck_assert_int_eq(from("{\"v\": 10000000000}", TC_UNIT_CENTS), 10000000000LL);
	/* beyond what a double holds exactly: parsed from the text */
	ck_assert_int_eq(from("{\"v\": 12345678901234567.0}", TC_UNIT_CENTS), 12345678901234567LL);
	ck_assert_int_eq(from("{\"v\": 12.5}", TC_UNIT_CENTS), 13);
	from_fails("{\"v\": \"1234\"}", TC_UNIT_CENTS);
	from_fails("{\"v\": null}", TC_UNIT_CENTS);
	from_fails("{\"v\": true}", TC_UNIT_CENTS);
	from_fails("{\"v\": [1]}", TC_UNIT_CENTS);
	from_fails("{\"v\": {}}", TC_UNIT_CENTS);
	from_fails("{\"v\": 1e30}", TC_UNIT_CENTS);
}
END_TEST

START_TEST(micro) {
	ck_assert_int_eq(from("{\"v\": 1200000000}", TC_UNIT_MICRO), 1200);
	ck_assert_int_eq(from("{\"v\": 265645002000000}", TC_UNIT_MICRO), 265645002);
	ck_assert_int_eq(from("{\"v\": 500000}", TC_UNIT_MICRO), 1);
	ck_assert_int_eq(from("{\"v\": 0}", TC_UNIT_MICRO), 0);
	from_fails("{\"v\": \"1200000000\"}", TC_UNIT_MICRO);
}
END_TEST

START_TEST(major) {
	ck_assert_int_eq(from("{\"v\": \"25941.65000000\"}", TC_UNIT_MAJOR), 2594165);
	ck_assert_int_eq(from("{\"v\": \"1458.00000000\"}", TC_UNIT_MAJOR), 145800);
	ck_assert_int_eq(from("{\"v\": 1000.1}", TC_UNIT_MAJOR), 100010);
	ck_assert_int_eq(from("{\"v\": 50}", TC_UNIT_MAJOR), 5000);
	ck_assert_int_eq(from("{\"v\": \"0.005\"}", TC_UNIT_MAJOR), 1);
	from_fails("{\"v\": \"-\"}", TC_UNIT_MAJOR);
	from_fails("{\"v\": \"12,5\"}", TC_UNIT_MAJOR);
	from_fails("{\"v\": \"\"}", TC_UNIT_MAJOR);
}
END_TEST

START_TEST(user_amounts) {
	int64_t c;
	struct tc_error err;
	ck_assert_int_eq(tc_money_parse("3000", &c, &err), 0);
	ck_assert_int_eq(c, 300000);
	ck_assert_int_eq(tc_money_parse("12.5", &c, &err), 0);
	ck_assert_int_eq(c, 1250);
	ck_assert_int_eq(tc_money_parse("1.234", &c, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
	ck_assert_int_eq(tc_money_parse("abc", &c, &err), -1);
}
END_TEST

static const char *fmt(int64_t amount, const char *cur) {
	static char buf[64];
	tc_money_format(amount, cur, buf, sizeof buf);
	return buf;
}

START_TEST(formatting) {
	ck_assert_str_eq(fmt(1234567, "CNY"), "\xc2\xa5"
					      "12,345.67");
	ck_assert_str_eq(fmt(100, "USD"), "$1.00");
	ck_assert_str_eq(fmt(-500, "CNY"), "-\xc2\xa5"
					   "5.00");
	ck_assert_str_eq(fmt(123400, "EUR"), "1,234.00 EUR");
	ck_assert_str_eq(fmt(0, "CNY"), "\xc2\xa5"
					"0.00");
	ck_assert_str_eq(fmt(-1, "USD"), "-$0.01");
	char buf[32];
	tc_currency_label("CNY", buf, sizeof buf);
	ck_assert_str_eq(buf, "cny");
}
END_TEST

/* the one amount without a positive counterpart is said, not negated (which the
 * sanitizer build stops at) */
START_TEST(the_most_negative_amount) {
	ck_assert_str_eq(fmt(INT64_MIN, "CNY"), "(out of range)");
	ck_assert_str_eq(fmt(INT64_MIN, "EUR"), "(out of range)");
	ck_assert_str_eq(fmt(INT64_MIN + 1, "USD"), "-$92,233,720,368,547,758.07");
	ck_assert_str_eq(fmt(INT64_MAX, "EUR"), "92,233,720,368,547,758.07 EUR");
}
END_TEST

START_TEST(checked_sums) {
	struct tc_error err;
	int64_t sum = 0;
	ck_assert_int_eq(tc_money_add(&sum, 500, "orders", &err), 0);
	ck_assert_int_eq(tc_money_add(&sum, TC_MONEY_ABSURD - 500, "orders", &err), 0);
	ck_assert_int_eq(sum, TC_MONEY_ABSURD);
	/* each amount believable, their sum not */
	ck_assert_int_eq(tc_money_add(&sum, 1, "orders", &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	ck_assert_str_eq(err.message, "orders add up to an absurd amount");
	ck_assert_int_eq(sum, TC_MONEY_ABSURD); /* unchanged */
	sum = INT64_MAX - 1;
	ck_assert_int_eq(tc_money_add(&sum, INT64_MAX, "x", &err), -1); /* no overflow (UB) */
	sum = -TC_MONEY_ABSURD;
	ck_assert_int_eq(tc_money_add(&sum, -1, "x", &err), -1);
	sum = -5;
	ck_assert_int_eq(tc_money_add(&sum, 3, "x", &err), 0);
	ck_assert_int_eq(sum, -2);
}
END_TEST

START_TEST(debts_round_up) {
	struct json_object *o = json_tokener_parse("{\"v\": 0.001}");
	struct json_object *v = NULL;
	struct tc_error err;
	int64_t owed = 0;
	json_object_object_get_ex(o, "v", &v);
	ck_assert_int_eq(tc_money_from_json_up(v, TC_UNIT_CENTS, &owed, &err), 0);
	ck_assert_int_eq(owed, 1);
	ck_assert_int_eq(tc_money_from_json(v, TC_UNIT_CENTS, &owed, &err), 0);
	ck_assert_int_eq(owed, 0);
	json_object_put(o);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("money");
	tcase_add_test(tc, cents);
	tcase_add_test(tc, micro);
	tcase_add_test(tc, major);
	tcase_add_test(tc, user_amounts);
	tcase_add_test(tc, formatting);
	tcase_add_test(tc, the_most_negative_amount);
	tcase_add_test(tc, checked_sums);
	tcase_add_test(tc, debts_round_up);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

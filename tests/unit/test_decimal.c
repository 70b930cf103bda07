/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>

#include "decimal.h"
#include "tap.h"

static int64_t parse(const char *s, int scale, enum tc_rounding r) {
	int64_t v = 0;
	struct tc_error err;
	ck_assert_msg(tc_decimal_parse_str(s, scale, r, &v, &err) == 0, "parse %s: %s", s,
		      err.message);
	return v;
}

static void parse_fails(const char *s, int scale, enum tc_rounding r) {
	int64_t v = 0;
	struct tc_error err;
	ck_assert_msg(tc_decimal_parse_str(s, scale, r, &v, &err) == -1, "%s should fail", s);
}

START_TEST(integers_and_fractions) {
	ck_assert_int_eq(parse("1234", 2, TC_EXACT), 123400);
	ck_assert_int_eq(parse("1234.0", 0, TC_EXACT), 1234);
	ck_assert_int_eq(parse("25941.65000000", 2, TC_EXACT), 2594165);
	ck_assert_int_eq(parse("-0.5", 2, TC_EXACT), -50);
	ck_assert_int_eq(parse("+5", 0, TC_EXACT), 5);
	ck_assert_int_eq(parse(".5", 2, TC_EXACT), 50);
	ck_assert_int_eq(parse("1.", 2, TC_EXACT), 100);
	ck_assert_int_eq(parse("0", 2, TC_EXACT), 0);
	ck_assert_int_eq(parse("000123", 0, TC_EXACT), 123);
}
END_TEST

START_TEST(exponents) {
	ck_assert_int_eq(parse("1.5e3", 2, TC_EXACT), 150000);
	ck_assert_int_eq(parse("1E2", 0, TC_EXACT), 100);
	ck_assert_int_eq(parse("1e+2", 0, TC_EXACT), 100);
	ck_assert_int_eq(parse("12345e-2", 2, TC_EXACT), 12345);
	parse_fails("1e400", 0, TC_ROUND_HALF);
	parse_fails("1e", 0, TC_EXACT);
	ck_assert_int_eq(parse("1e-400", 0, TC_ROUND_HALF), 0);
}
END_TEST

START_TEST(negative_scale_is_division) {
	/* micro (1e-8) to cents (1e-2) */
	ck_assert_int_eq(parse("1200000000", -6, TC_EXACT), 1200);
	ck_assert_int_eq(parse("265645002000000", -6, TC_EXACT), 265645002);
	ck_assert_int_eq(parse("499999", -6, TC_ROUND_HALF), 0);
	ck_assert_int_eq(parse("500000", -6, TC_ROUND_HALF), 1);
	ck_assert_int_eq(parse("-500000", -6, TC_ROUND_HALF), -1);
	parse_fails("1", -6, TC_EXACT);
}
END_TEST

START_TEST(rounding) {
	ck_assert_int_eq(parse("0.005", 2, TC_ROUND_HALF), 1);
	ck_assert_int_eq(parse("-0.005", 2, TC_ROUND_HALF), -1);
	ck_assert_int_eq(parse("0.0049", 2, TC_ROUND_HALF), 0);
	ck_assert_int_eq(parse("0.0099", 2, TC_ROUND_HALF), 1);
	ck_assert_int_eq(parse("2.675", 2, TC_ROUND_HALF), 268); /* a double says 2.67 */
	ck_assert_int_eq(parse("1.10", 1, TC_EXACT), 11);        /* trailing zeros are exact */
	parse_fails("0.005", 2, TC_EXACT);
	parse_fails("1.234", 2, TC_EXACT);
}
END_TEST

START_TEST(limits) {
	ck_assert_int_eq(parse("9223372036854775807", 0, TC_EXACT), INT64_MAX);
	ck_assert_int_eq(parse("92233720368547758.07", 2, TC_EXACT), INT64_MAX);
	ck_assert_int_eq(parse("-9223372036854775807", 0, TC_EXACT), -INT64_MAX);
	parse_fails("9223372036854775808", 0, TC_EXACT);
	parse_fails("92233720368547758.08", 2, TC_EXACT);
	parse_fails("1e30", 2, TC_ROUND_HALF);
	/* the value fits but rounding up would not */
	parse_fails("9223372036854775807.9", 0, TC_ROUND_HALF);
}
END_TEST

START_TEST(garbage) {
	const char *bad[] = {"",   "-",  "+",    ".",   "abc", "12a",      "--1", "1.2.3",
			     " 1", "1 ", "0x10", "1,5", "NaN", "Infinity", "1e5x"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		parse_fails(bad[i], 2, TC_ROUND_HALF);
	}
	int64_t v;
	struct tc_error err;
	ck_assert_int_eq(tc_decimal_parse_str(NULL, 2, TC_EXACT, &v, &err), -1);
	/* a length shorter than the string parses only that prefix */
	ck_assert_int_eq(tc_decimal_parse("12345", 3, 0, TC_EXACT, &v, &err), 0);
	ck_assert_int_eq(v, 123);
}
END_TEST

static const char *fmt(int64_t v, int scale, bool group, bool trim) {
	static char buf[64];
	struct tc_decimal_style s = {.group = group, .trim = trim};
	tc_decimal_format(v, scale, s, buf, sizeof buf);
	return buf;
}

START_TEST(formatting) {
	ck_assert_str_eq(fmt(1234567, 2, true, false), "12,345.67");
	ck_assert_str_eq(fmt(1234567, 2, false, false), "12345.67");
	ck_assert_str_eq(fmt(-5, 2, false, false), "-0.05");
	ck_assert_str_eq(fmt(0, 2, true, false), "0.00");
	ck_assert_str_eq(fmt(300000, 2, false, true), "3000");
	ck_assert_str_eq(fmt(150, 2, false, true), "1.5");
	ck_assert_str_eq(fmt(100000000, 2, true, false), "1,000,000.00");
	ck_assert_str_eq(fmt(99999, 2, true, false), "999.99");
	ck_assert_str_eq(fmt(123, 0, true, false), "123");
	ck_assert_str_eq(fmt(-1234, 0, true, false), "-1,234");
	ck_assert_str_eq(fmt(INT64_MIN, 0, false, false), "-9223372036854775808");
	ck_assert_str_eq(fmt(INT64_MAX, 2, true, false), "92,233,720,368,547,758.07");
	ck_assert_str_eq(fmt(0, 2, false, true), "0");
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("decimal");
	TCase *tc = tcase_create("decimal");
	tcase_add_test(tc, integers_and_fractions);
	tcase_add_test(tc, exponents);
	tcase_add_test(tc, negative_scale_is_division);
	tcase_add_test(tc, rounding);
	tcase_add_test(tc, limits);
	tcase_add_test(tc, garbage);
	tcase_add_test(tc, formatting);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "range.h"
#include "tap.h"

/* values are hundredths (TC_RANGE_SCALE 2) */
static struct tc_range range(const char *text) {
	struct tc_range r;
	struct tc_error err;
	ck_assert_msg(tc_range_parse(text, &r, &err) == 0, "%s: %s", text, err.message);
	return r;
}

static void invalid(const char *text) {
	struct tc_range r;
	struct tc_error err;
	ck_assert_msg(tc_range_parse(text, &r, &err) == -1, "'%s' should be invalid", text);
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
}

/* The boundary cases of monitoring-plugins' lib/tests/test_utils.c, at our scale. */
START_TEST(plain_end) {
	struct tc_range r = range("6");
	ck_assert(!r.start_infinite && !r.end_infinite);
	ck_assert_int_eq(r.start, 0);
	ck_assert_int_eq(r.end, 600);
	ck_assert(tc_range_alerts(&r, -1, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&r, 0, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&r, 600, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, 601, TC_RANGE_SCALE));
}
END_TEST

START_TEST(start_and_end) {
	struct tc_range r = range("-7:23");
	ck_assert_int_eq(r.start, -700);
	ck_assert_int_eq(r.end, 2300);
	ck_assert(!tc_range_alerts(&r, -700, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, -701, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&r, 2300, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, 2301, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&r, 0, TC_RANGE_SCALE));
}
END_TEST

START_TEST(minus_infinity) {
	struct tc_range r = range("~:23");
	ck_assert(r.start_infinite);
	ck_assert(!tc_range_alerts(&r, -999999999, TC_RANGE_SCALE));
	ck_assert(
	    !tc_range_alerts(&r, 2300, TC_RANGE_SCALE)); /* inclusive, unlike MP's mp_check_range */
	ck_assert(tc_range_alerts(&r, 2301, TC_RANGE_SCALE));
}
END_TEST

START_TEST(plus_infinity) {
	struct tc_range r = range("12:");
	ck_assert(r.end_infinite);
	ck_assert_int_eq(r.start, 1200);
	ck_assert(!tc_range_alerts(&r, 1200, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, 1199, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&r, INT64_MAX, TC_RANGE_SCALE));
	struct tc_range b = range("3000:");
	ck_assert(!tc_range_alerts(&b, 300000, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&b, 299999, TC_RANGE_SCALE));
}
END_TEST

START_TEST(inside) {
	struct tc_range r = range("@0:657.8");
	ck_assert(r.inside);
	ck_assert_int_eq(r.end, 65780);
	ck_assert(tc_range_alerts(&r, 0, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, 65780, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&r, 65781, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&r, -1, TC_RANGE_SCALE));
	struct tc_range n = range("@~:0");
	ck_assert(tc_range_alerts(&n, 0, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&n, -100, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&n, 1, TC_RANGE_SCALE));
	struct tc_range one = range("@1:1");
	ck_assert(tc_range_alerts(&one, 100, TC_RANGE_SCALE));
	ck_assert(!tc_range_alerts(&one, 101, TC_RANGE_SCALE));
}
END_TEST

START_TEST(single_point) {
	struct tc_range r = range("1:1");
	ck_assert(!tc_range_alerts(&r, 100, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, 99, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, 101, TC_RANGE_SCALE));
	struct tc_range z = range("0");
	ck_assert(!tc_range_alerts(&z, 0, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&z, 1, TC_RANGE_SCALE));
}
END_TEST

START_TEST(decimals_and_negatives) {
	struct tc_range r = range("-10.5:-0.25");
	ck_assert_int_eq(r.start, -1050);
	ck_assert_int_eq(r.end, -25);
	ck_assert(!tc_range_alerts(&r, -1050, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, -1051, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&r, -24, TC_RANGE_SCALE));
	struct tc_range big = range("0:123456789012");
	ck_assert_int_eq(big.end, 12345678901200LL);
	struct tc_range colon = range(":");
	ck_assert(!tc_range_alerts(&colon, 0, TC_RANGE_SCALE));
	ck_assert(tc_range_alerts(&colon, -1, TC_RANGE_SCALE));
}
END_TEST

START_TEST(unset_never_alerts) {
	struct tc_range r = {0};
	ck_assert(!tc_range_alerts(&r, -100000, TC_RANGE_SCALE));
	char buf[16];
	tc_range_format(&r, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(invalid_ranges) {
	invalid("");
	invalid("abc");
	invalid("10:5");
	invalid("1:2:3");
	invalid("@");
	invalid("~");
	invalid("1.234");
	invalid("5:~");
	invalid("1:12%");
	invalid("-");
	invalid(" 10");
	invalid("@@1:2");
	struct tc_range r;
	struct tc_error err;
	ck_assert_int_eq(tc_range_parse(NULL, &r, &err), -1);
}
END_TEST

static const char *formatted(const char *text) {
	static char buf[64];
	struct tc_range r = range(text);
	tc_range_format(&r, buf, sizeof buf);
	return buf;
}

START_TEST(formatting) {
	ck_assert_str_eq(formatted("3000:"), "3000:");
	ck_assert_str_eq(formatted("10"), "10");
	ck_assert_str_eq(formatted("0:10"), "10");
	ck_assert_str_eq(formatted("~:10"), "~:10");
	ck_assert_str_eq(formatted("@10:20.50"), "@10:20.5");
	ck_assert_str_eq(formatted("0:"), "0:");
	ck_assert_str_eq(formatted("-5:5"), "-5:5");
	ck_assert_str_eq(formatted("1000.5:"), "1000.5:");
}
END_TEST

/* "v@scale", to see which scale a bound is handed over at */
static void plain(int64_t v, int scale, char *buf, size_t size, const void *ctx) {
	(void)ctx;
	snprintf(buf, size, "%lld@%d", (long long)v, scale);
}

static const char *described_at(const char *text, int64_t value, int scale) {
	static char buf[64];
	struct tc_range r = range(text);
	tc_range_describe(&r, value, scale, plain, NULL, buf, sizeof buf);
	return buf;
}

static const char *described(const char *text, int64_t value) {
	return described_at(text, value / 100, 0);
}

START_TEST(description) {
	ck_assert_str_eq(described("3000:", 100), "below 3000@0");
	ck_assert_str_eq(described("~:10", 1100), "above 10@0");
	ck_assert_str_eq(described("10:20", 500), "below 10@0");
	ck_assert_str_eq(described("10:20", 2500), "above 20@0");
	ck_assert_str_eq(described("30", 4500), "above 30@0");
	ck_assert_str_eq(described("@10:20", 1500), "between 10@0 and 20@0");
	ck_assert_str_eq(described("@~:5", 0), "at most 5@0");
	ck_assert_str_eq(described("@5:", 900), "at least 5@0");
	ck_assert_str_eq(described("10:20", 1500), "within 10@0 to 20@0");
}
END_TEST

/* Bounds reach the formatter at the value's scale: finer digits of the range are
 * cut toward zero there, and a finer value gets them padded. */
START_TEST(description_at_the_value_scale) {
	ck_assert_str_eq(described_at("3000:", 299999, 2), "below 300000@2");
	ck_assert_str_eq(described_at("30.55:", 305, 1), "below 305@1");
	ck_assert_str_eq(described_at("-30.55:", -306, 1), "below -305@1");
	ck_assert_str_eq(described_at("1.23", 1231, 3), "above 1230@3");
	ck_assert_str_eq(described_at("1.23", 2, 0), "above 1@0"); /* 2 > 1.23 */
}
END_TEST

/* The same comparisons at scales 0, 2 and 3, exactly and without overflow. */
START_TEST(alerts_at_any_scale) {
	struct tc_range r = range("10:20.5");
	ck_assert(tc_range_alerts(&r, 9, 0));
	ck_assert(!tc_range_alerts(&r, 10, 0));
	ck_assert(!tc_range_alerts(&r, 20, 0));
	ck_assert(tc_range_alerts(&r, 21, 0));
	ck_assert(!tc_range_alerts(&r, 2050, 2));
	ck_assert(tc_range_alerts(&r, 2051, 2));
	ck_assert(!tc_range_alerts(&r, 20500, 3));
	ck_assert(tc_range_alerts(&r, 20501, 3));
	ck_assert(tc_range_alerts(&r, 9999, 3));
	ck_assert(tc_range_alerts(&r, INT64_MAX, 0));
	ck_assert(tc_range_alerts(&r, INT64_MIN, 0));
	ck_assert(tc_range_alerts(&r, INT64_MAX, TC_RANGE_MAX_SCALE));
	ck_assert(!tc_range_alerts(&r, 15000000000000000000ULL / 1000, 15));
	struct tc_range big = range("92233720368547758.07"); /* INT64_MAX at scale 2 */
	ck_assert(!tc_range_alerts(&big, INT64_MAX / 100, 0));
	ck_assert(!tc_range_alerts(&big, INT64_MAX, 2));
	ck_assert(tc_range_alerts(&big, INT64_MAX, 1));
}
END_TEST

/* The level below which "N:" alerts, at a scale where it is exact. */
START_TEST(floor_of_a_range) {
	int64_t f = 0;
	struct tc_range r = range("30:");
	ck_assert(tc_range_floor(&r, 0, &f));
	ck_assert_int_eq(f, 30);
	ck_assert(tc_range_floor(&r, 2, &f));
	ck_assert_int_eq(f, 3000);
	r = range("30.5:");
	ck_assert(!tc_range_floor(&r, 0, &f));
	ck_assert(tc_range_floor(&r, 1, &f));
	ck_assert_int_eq(f, 305);
	r = range("10:20");
	ck_assert(tc_range_floor(&r, 0, &f));
	ck_assert_int_eq(f, 10);
	struct tc_range none = {0}, at = range("@10:20"), open = range("~:20");
	ck_assert(!tc_range_floor(&none, 0, &f));
	ck_assert(!tc_range_floor(&at, 0, &f));
	ck_assert(!tc_range_floor(&open, 0, &f));
}
END_TEST

/* -w 30 -c 7 on what is left (check_http -C 30,7): a bare N reads "N:". */
START_TEST(bare_numbers_are_what_is_left) {
	struct tc_range r;
	struct tc_error err;
	char text[32];
	const char *cases[][2] = {{"30", "30:"},      {"30.5", "30.5:"}, {"30:", "30:"},
				  {"@0:10", "@0:10"}, {"~:10", "~:10"},  {"5:20", "5:20"},
				  {"10:20", "10:20"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_int_eq(tc_range_parse_left(cases[i][0], &r, &err), 0);
		tc_range_format(&r, text, sizeof text);
		ck_assert_str_eq(text, cases[i][1]);
	}
	ck_assert_int_eq(tc_range_parse_left("30", &r, &err), 0);
	ck_assert(tc_range_alerts(&r, 29, 0));
	ck_assert(!tc_range_alerts(&r, 30, 0));
	ck_assert(!tc_range_alerts(&r, 90, 0)); /* plain Nagios "30" would alert here */
	ck_assert_int_eq(tc_range_parse_left("10:20", &r, &err), 0);
	ck_assert(tc_range_alerts(&r, 25, 0));
	ck_assert(!tc_range_alerts(&r, 20, 0));
	ck_assert_int_eq(tc_range_parse_left("thirty", &r, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
	ck_assert_int_eq(tc_range_parse_left("30x", &r, &err), -1);
	ck_assert_int_eq(tc_range_parse_left("", &r, &err), -1);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("range");
	TCase *tc = tcase_create("range");
	tcase_add_test(tc, plain_end);
	tcase_add_test(tc, start_and_end);
	tcase_add_test(tc, minus_infinity);
	tcase_add_test(tc, plus_infinity);
	tcase_add_test(tc, inside);
	tcase_add_test(tc, single_point);
	tcase_add_test(tc, decimals_and_negatives);
	tcase_add_test(tc, unset_never_alerts);
	tcase_add_test(tc, invalid_ranges);
	tcase_add_test(tc, formatting);
	tcase_add_test(tc, description);
	tcase_add_test(tc, description_at_the_value_scale);
	tcase_add_test(tc, alerts_at_any_scale);
	tcase_add_test(tc, floor_of_a_range);
	tcase_add_test(tc, bare_numbers_are_what_is_left);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

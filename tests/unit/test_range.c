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
	ck_assert(tc_range_alerts(&r, -1));
	ck_assert(!tc_range_alerts(&r, 0));
	ck_assert(!tc_range_alerts(&r, 600));
	ck_assert(tc_range_alerts(&r, 601));
}
END_TEST

START_TEST(start_and_end) {
	struct tc_range r = range("-7:23");
	ck_assert_int_eq(r.start, -700);
	ck_assert_int_eq(r.end, 2300);
	ck_assert(!tc_range_alerts(&r, -700));
	ck_assert(tc_range_alerts(&r, -701));
	ck_assert(!tc_range_alerts(&r, 2300));
	ck_assert(tc_range_alerts(&r, 2301));
	ck_assert(!tc_range_alerts(&r, 0));
}
END_TEST

START_TEST(minus_infinity) {
	struct tc_range r = range("~:23");
	ck_assert(r.start_infinite);
	ck_assert(!tc_range_alerts(&r, -999999999));
	ck_assert(!tc_range_alerts(&r, 2300)); /* inclusive, unlike MP's mp_check_range */
	ck_assert(tc_range_alerts(&r, 2301));
}
END_TEST

START_TEST(plus_infinity) {
	struct tc_range r = range("12:");
	ck_assert(r.end_infinite);
	ck_assert_int_eq(r.start, 1200);
	ck_assert(!tc_range_alerts(&r, 1200));
	ck_assert(tc_range_alerts(&r, 1199));
	ck_assert(!tc_range_alerts(&r, INT64_MAX));
	struct tc_range b = range("3000:");
	ck_assert(!tc_range_alerts(&b, 300000));
	ck_assert(tc_range_alerts(&b, 299999));
}
END_TEST

START_TEST(inside) {
	struct tc_range r = range("@0:657.8");
	ck_assert(r.inside);
	ck_assert_int_eq(r.end, 65780);
	ck_assert(tc_range_alerts(&r, 0));
	ck_assert(tc_range_alerts(&r, 65780));
	ck_assert(!tc_range_alerts(&r, 65781));
	ck_assert(!tc_range_alerts(&r, -1));
	struct tc_range n = range("@~:0");
	ck_assert(tc_range_alerts(&n, 0));
	ck_assert(tc_range_alerts(&n, -100));
	ck_assert(!tc_range_alerts(&n, 1));
	struct tc_range one = range("@1:1");
	ck_assert(tc_range_alerts(&one, 100));
	ck_assert(!tc_range_alerts(&one, 101));
}
END_TEST

START_TEST(single_point) {
	struct tc_range r = range("1:1");
	ck_assert(!tc_range_alerts(&r, 100));
	ck_assert(tc_range_alerts(&r, 99));
	ck_assert(tc_range_alerts(&r, 101));
	struct tc_range z = range("0");
	ck_assert(!tc_range_alerts(&z, 0));
	ck_assert(tc_range_alerts(&z, 1));
}
END_TEST

START_TEST(decimals_and_negatives) {
	struct tc_range r = range("-10.5:-0.25");
	ck_assert_int_eq(r.start, -1050);
	ck_assert_int_eq(r.end, -25);
	ck_assert(!tc_range_alerts(&r, -1050));
	ck_assert(tc_range_alerts(&r, -1051));
	ck_assert(tc_range_alerts(&r, -24));
	struct tc_range big = range("0:123456789012");
	ck_assert_int_eq(big.end, 12345678901200LL);
	struct tc_range colon = range(":");
	ck_assert(!tc_range_alerts(&colon, 0));
	ck_assert(tc_range_alerts(&colon, -1));
}
END_TEST

START_TEST(unset_never_alerts) {
	struct tc_range r = {0};
	ck_assert(!tc_range_alerts(&r, -100000));
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

static void plain(int64_t v, char *buf, size_t size, const void *ctx) {
	(void)ctx;
	snprintf(buf, size, "%lld", (long long)(v / 100));
}

static const char *described(const char *text, int64_t value) {
	static char buf[64];
	struct tc_range r = range(text);
	tc_range_describe(&r, value, plain, NULL, buf, sizeof buf);
	return buf;
}

START_TEST(description) {
	ck_assert_str_eq(described("3000:", 100), "below 3000");
	ck_assert_str_eq(described("~:10", 1100), "above 10");
	ck_assert_str_eq(described("10:20", 500), "below 10");
	ck_assert_str_eq(described("10:20", 2500), "above 20");
	ck_assert_str_eq(described("30", 4500), "above 30");
	ck_assert_str_eq(described("@10:20", 1500), "between 10 and 20");
	ck_assert_str_eq(described("@~:5", 0), "at most 5");
	ck_assert_str_eq(described("@5:", 900), "at least 5");
	ck_assert_str_eq(described("10:20", 1500), "within 10 to 20");
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
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

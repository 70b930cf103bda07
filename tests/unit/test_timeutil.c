/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tap.h"
#include "timeutil.h"

START_TEST(offsets) {
	int s;
	struct tc_error err;
	ck_assert_int_eq(tc_parse_utc_offset("+08:00", &s, &err), 0);
	ck_assert_int_eq(s, 28800);
	ck_assert_int_eq(tc_parse_utc_offset("-05:30", &s, &err), 0);
	ck_assert_int_eq(s, -19800);
	ck_assert_int_eq(tc_parse_utc_offset("+8", &s, &err), 0);
	ck_assert_int_eq(s, 28800);
	ck_assert_int_eq(tc_parse_utc_offset("UTC", &s, &err), 0);
	ck_assert_int_eq(s, 0);
	ck_assert_int_eq(tc_parse_utc_offset("UTC+9", &s, &err), 0);
	ck_assert_int_eq(s, 32400);
	ck_assert_int_eq(tc_parse_utc_offset("Asia/Shanghai", &s, &err), -1);
	ck_assert_int_eq(tc_parse_utc_offset("+15:00", &s, &err), -1);
	ck_assert_int_eq(tc_parse_utc_offset("+08:00x", &s, &err), -1);
}
END_TEST

START_TEST(api_times_are_beijing) {
	int64_t t;
	struct tc_error err;
	ck_assert_int_eq(tc_parse_api_time("2019-02-26 07:24:25", TC_BEIJING_OFFSET, &t, &err), 0);
	ck_assert_int_eq(t, 1551137065); /* 2019-02-25 23:24:25 UTC */
	ck_assert_int_eq(tc_parse_api_time("2026-11-27", TC_BEIJING_OFFSET, &t, &err), 0);
	ck_assert_int_eq(t, 1795737600 - 28800);
	char buf[24];
	tc_format_api_time(1551137065, TC_BEIJING_OFFSET, buf, sizeof buf);
	ck_assert_str_eq(buf, "2019-02-26 07:24:25");
	tc_format_api_date(1551137065, 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "2019-02-25");
	tc_format_api_month(1551137065, 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "2019-02");
}
END_TEST

START_TEST(bad_times) {
	int64_t t;
	struct tc_error err;
	const char *bad[] = {
	    "",           "2019-02-26T07:24:25", "2019-13-01", "2019-02-26 25:00:00",
	    "0002-11-30", "2019-02-26 07:24",    "yesterday",  "2019-02-26 07:24:25Z"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(tc_parse_api_time(bad[i], 0, &t, &err) == -1, "accepted %s", bad[i]);
		ck_assert_int_eq(err.kind, TC_ERR_DATA);
	}
}
END_TEST

START_TEST(calendar_days) {
	/* 2026-11-22 23:30 Beijing is 15:30 UTC */
	int64_t now = 1795361400;
	ck_assert_int_eq(tc_calendar_days_between(now, now + 1800, TC_BEIJING_OFFSET), 1);
	ck_assert_int_eq(tc_calendar_days_between(now, now + 1800, 0), 0);
	ck_assert_int_eq(tc_calendar_days_between(now, now - 86400 * 3, TC_BEIJING_OFFSET), -3);
	ck_assert_int_eq(tc_day_start(now, TC_BEIJING_OFFSET), 1795276800);
	ck_assert_int_eq(tc_days_in_month(now, TC_BEIJING_OFFSET), 30);
	ck_assert_int_eq(tc_days_in_month(1709164800, 0), 29); /* 2024-02-29 */
	ck_assert_int_eq(tc_month_start(now, 0), 1793491200);  /* 2026-11-01 00:00 UTC */
}
END_TEST

START_TEST(ages) {
	char b[32];
	tc_format_age(45, b, sizeof b);
	ck_assert_str_eq(b, "45 min");
	tc_format_age(190, b, sizeof b);
	ck_assert_str_eq(b, "3h 10m");
	tc_format_age(2880 + 240, b, sizeof b);
	ck_assert_str_eq(b, "2d 4h");
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("timeutil");
	TCase *tc = tcase_create("timeutil");
	tcase_add_test(tc, offsets);
	tcase_add_test(tc, api_times_are_beijing);
	tcase_add_test(tc, bad_times);
	tcase_add_test(tc, calendar_days);
	tcase_add_test(tc, ages);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

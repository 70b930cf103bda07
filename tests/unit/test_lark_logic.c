#include <stdlib.h>
#include <string.h>

#include "lark_logic.h"
#include "tap.h"

START_TEST(documented_vector) {
	char sign[64];
	lark_sign(1599360473, "demo-secret", sign, sizeof sign);
	ck_assert_str_eq(sign, "3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=");
}
END_TEST

START_TEST(card_and_text) {
	struct lark_event e = {"nagios",
			       "PROBLEM",
			       "2",
			       "tencentcloud-main",
			       "Tencent Cloud balance",
			       "TC BALANCE CRITICAL - \xc2\xa5"
			       "500.00 available",
			       "Sun Nov 22"};
	char *body = lark_body(&e, false, 1599360473, "demo-secret");
	ck_assert_str_eq(
	    body,
	    "{\"timestamp\":\"1599360473\",\"sign\":\"3/"
	    "MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=\","
	    "\"msg_type\":\"interactive\",\"card\":{\"header\":{\"title\":{\"tag\":\"plain_text\","
	    "\"content\":\"[CRITICAL] tencentcloud-main / Tencent Cloud balance\"},\"template\":"
	    "\"red\"},\"elements\":[{\"tag\":\"div\",\"text\":{\"tag\":\"lark_md\",\"content\":"
	    "\"TC BALANCE CRITICAL - \xc2\xa5"
	    "500.00 available\\n**Type:** PROBLEM  **Time:** Sun Nov 22\"}}]}}");
	free(body);
	e.state = "WARNING";
	e.service = NULL;
	body = lark_body(&e, true, 0, NULL);
	ck_assert_str_eq(
	    body, "{\"msg_type\":\"text\",\"content\":{\"text\":\"[WARNING] tencentcloud-main\\n"
		  "TC BALANCE CRITICAL - \xc2\xa5"
		  "500.00 available\\n**Type:** PROBLEM  "
		  "**Time:** Sun Nov 22\"}}");
	free(body);
}
END_TEST

START_TEST(colours) {
	ck_assert_str_eq(lark_colour("CRITICAL"), "red");
	ck_assert_str_eq(lark_colour("DOWN"), "red");
	ck_assert_str_eq(lark_colour("1"), "orange");
	ck_assert_str_eq(lark_colour("OK"), "green");
	ck_assert_str_eq(lark_colour("UNKNOWN"), "grey");
	ck_assert(lark_is_critical("2"));
	ck_assert(!lark_is_critical("WARNING"));
}
END_TEST

START_TEST(long_output_is_cut) {
	char big[10000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	struct lark_event e = {.state = "OK", .host = "h", .output = big};
	char *body = lark_body(&e, true, 0, NULL);
	ck_assert(strlen(body) < 20 * 1024);
	ck_assert_ptr_nonnull(strstr(body, "xxx..."));
	free(body);
}
END_TEST

START_TEST(windows) {
	struct lark_window w;
	struct tc_error err;
	ck_assert_int_eq(lark_parse_window("22:00-08:00", &w, &err), 0);
	ck_assert_int_eq(w.start, 1320);
	ck_assert_int_eq(w.end, 480);
	ck_assert_int_eq(lark_parse_window("8:00-22:00", &w, &err), -1);
	ck_assert_int_eq(lark_parse_window("22:00-22:00", &w, &err), -1);
	ck_assert_int_eq(lark_parse_window("25:00-08:00", &w, &err), -1);
	ck_assert_int_eq(lark_parse_window("22:00", &w, &err), -1);
}
END_TEST

/* 2026-11-22 in Asia/Shanghai (UTC+8), whatever the machine's zone */
#define SH(h, m) (1795276800 + (h)*3600 + (m)*60)

START_TEST(quiet_across_midnight_in_another_zone) {
	struct lark_window w;
	struct tc_error err;
	lark_parse_window("22:00-08:00", &w, &err);
	ck_assert(!lark_in_window(&w, SH(21, 59), "Asia/Shanghai"));
	ck_assert(lark_in_window(&w, SH(22, 0), "Asia/Shanghai"));
	ck_assert(lark_in_window(&w, SH(23, 59), "Asia/Shanghai"));
	ck_assert(lark_in_window(&w, SH(24, 0), "Asia/Shanghai"));
	ck_assert(lark_in_window(&w, SH(31, 59), "Asia/Shanghai")); /* 07:59 next day */
	ck_assert(!lark_in_window(&w, SH(32, 0), "Asia/Shanghai")); /* 08:00 */
	ck_assert(!lark_in_window(&w, SH(12, 0), "Asia/Shanghai"));
	/* the same instant is 14:00 UTC: outside */
	ck_assert(!lark_in_window(&w, SH(22, 0), "UTC"));
	/* and the zone is put back */
	setenv("TZ", "America/New_York", 1);
	lark_in_window(&w, SH(22, 0), "Asia/Shanghai");
	ck_assert_str_eq(getenv("TZ"), "America/New_York");
	unsetenv("TZ");
}
END_TEST

START_TEST(quiet_within_a_day) {
	struct lark_window w;
	struct tc_error err;
	lark_parse_window("12:00-13:30", &w, &err);
	ck_assert(!lark_in_window(&w, SH(11, 59), "Asia/Shanghai"));
	ck_assert(lark_in_window(&w, SH(12, 0), "Asia/Shanghai"));
	ck_assert(lark_in_window(&w, SH(13, 29), "Asia/Shanghai"));
	ck_assert(!lark_in_window(&w, SH(13, 30), "Asia/Shanghai"));
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("lark_logic");
	TCase *tc = tcase_create("lark_logic");
	tcase_add_test(tc, documented_vector);
	tcase_add_test(tc, card_and_text);
	tcase_add_test(tc, colours);
	tcase_add_test(tc, long_output_is_cut);
	tcase_add_test(tc, windows);
	tcase_add_test(tc, quiet_across_midnight_in_another_zone);
	tcase_add_test(tc, quiet_within_a_day);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

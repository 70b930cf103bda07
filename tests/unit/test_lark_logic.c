/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "lark_logic.h"
#include "tap.h"
#include "utf8check.h"

START_TEST(documented_vector) {
	char sign[64];
	lark_sign(1599360473, "demo-secret", sign, sizeof sign);
	ck_assert_str_eq(sign, "3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=");
}
END_TEST

START_TEST(card_and_text) {
	struct lark_event e = {.source = "nagios",
			       .type = "PROBLEM",
			       .state = "2",
			       .host = "tencentcloud-main",
			       .service = "Tencent Cloud balance",
			       .output = "TC BALANCE CRITICAL - \xc2\xa5"
					 "500.00 available",
			       .when = "Sun Nov 22"};
	char *body = lark_body(&e, false, 1599360473, "demo-secret");
	ck_assert_str_eq(
	    body,
	    "{\"timestamp\":\"1599360473\",\"sign\":\"3/"
	    "MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=\","
	    "\"msg_type\":\"interactive\",\"card\":{\"header\":{\"title\":{\"tag\":\"plain_text\","
	    "\"content\":\"[CRITICAL] tencentcloud-main / Tencent Cloud balance\"},\"template\":"
	    "\"red\"},\"elements\":[{\"tag\":\"div\",\"text\":{\"tag\":\"plain_text\",\"content\":"
	    "\"TC BALANCE CRITICAL - \xc2\xa5"
	    "500.00 available\"}},{\"tag\":\"note\",\"elements\":[{\"tag\":\"plain_text\","
	    "\"content\":\"Type: PROBLEM  Time: Sun Nov 22\"}]}]}}");
	free(body);
	e.state = "WARNING";
	e.service = NULL;
	body = lark_body(&e, true, 0, NULL);
	ck_assert_str_eq(
	    body, "{\"msg_type\":\"text\",\"content\":{\"text\":\"[WARNING] tencentcloud-main\\n"
		  "TC BALANCE CRITICAL - \xc2\xa5"
		  "500.00 available\\nType: PROBLEM  Time: Sun Nov 22\"}}");
	free(body);
}
END_TEST

/* What the monitoring system sends is shown, never interpreted: no @all, no links. */
START_TEST(markup_stays_plain) {
	const char *evil = "<at id=all></at> [pay](https://evil.example/) **b** ~~s~~ \\";
	struct lark_event e = {.type = "ACKNOWLEDGEMENT",
			       .state = "CRITICAL",
			       .host = evil,
			       .service = evil,
			       .output = evil,
			       .long_output = evil,
			       .author = evil,
			       .comment = evil,
			       .when = evil,
			       .held = evil};
	char *body = lark_body(&e, false, 0, NULL);
	ck_assert_ptr_null(strstr(body, "lark_md"));
	ck_assert_ptr_null(strstr(body, "markdown"));
	ck_assert_ptr_nonnull(strstr(body, "<at id=all></at> [pay](https://evil.example/)"));
	free(body);
	body = lark_body(&e, true, 0, NULL);
	ck_assert_ptr_null(strchr(body, '<'));
	ck_assert_ptr_null(strchr(body, '>'));
	ck_assert_ptr_nonnull(strstr(body, "\xef\xbc\x9c"
					   "at id=all\xef\xbc\x9e"));
	free(body);
}
END_TEST

START_TEST(types_have_their_look) {
	static const struct {
		const char *type, *state, *word, *colour;
	} cases[] = {
	    {"PROBLEM", "CRITICAL", "CRITICAL", "red"},
	    {"RECOVERY", "OK", "OK", "green"},
	    {NULL, "1", "WARNING", "orange"},
	    {"ACKNOWLEDGEMENT", "CRITICAL", "ACKNOWLEDGED", "blue"},
	    {"acknowledgement", "2", "ACKNOWLEDGED", "blue"},
	    {"FLAPPINGSTART", "WARNING", "FLAPPING", "yellow"},
	    {"FLAPPINGSTOP", "WARNING", "FLAPPING STOPPED", "turquoise"},
	    {"FLAPPINGEND", "OK", "FLAPPING STOPPED", "turquoise"},
	    {"DOWNTIMESTART", "OK", "DOWNTIME STARTED", "indigo"},
	    {"DOWNTIMEEND", "OK", "DOWNTIME ENDED", "indigo"},
	    {"DOWNTIMEREMOVED", "OK", "DOWNTIME CANCELLED", "indigo"},
	    {"CUSTOM", "CRITICAL", "CUSTOM", "violet"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lark_event e = {.type = cases[i].type, .state = cases[i].state, .host = "h"};
		const char *word, *colour;
		lark_look(&e, &word, &colour);
		ck_assert_str_eq(word, cases[i].word);
		ck_assert_str_eq(colour, cases[i].colour);
	}
	struct lark_event ack = {.type = "ACKNOWLEDGEMENT",
				 .state = "CRITICAL",
				 .host = "h",
				 .output = "TC BALANCE CRITICAL - low",
				 .author = "alice",
				 .comment = "topping up"};
	char *body = lark_body(&ack, false, 0, NULL);
	ck_assert_ptr_nonnull(strstr(body, "\"[ACKNOWLEDGED] h\""));
	ck_assert_ptr_nonnull(strstr(body, "\"CRITICAL acknowledged by alice: topping up\""));
	free(body);
	struct lark_event custom = {
	    .type = "CUSTOM", .state = "OK", .host = "h", .author = "bob", .comment = "test"};
	body = lark_body(&custom, false, 0, NULL);
	ck_assert_ptr_nonnull(strstr(body, "\"Comment by bob: test\""));
	free(body);
}
END_TEST

START_TEST(long_output_is_cut) {
	/* 100 KB of CJK lines (3-byte characters): cut on characters, the body fits */
	size_t size = 100 * 1024;
	char *big = malloc(size + 8);
	big[0] = '\0';
	for (size_t n = 0; n + 8 < size;) {
		strcpy(big + n, n % 61 == 0 ? "\\n" : "\xe8\x85\xbe");
		n += strlen(big + n);
	}
	struct lark_event e = {.state = "CRITICAL",
			       .host = "h",
			       .output = "TC PENDING CRITICAL - 3 pending orders",
			       .long_output = big};
	for (int text = 0; text < 2; text++) {
		char *body = lark_body(&e, text, 0, NULL);
		ck_assert_uint_le(strlen(body), LARK_BODY_MAX);
		ck_assert(utf8_valid(body));
		ck_assert_ptr_nonnull(strstr(body, "TC PENDING CRITICAL - 3 pending orders"));
		ck_assert_ptr_nonnull(strstr(body, "\xe8\x85\xbe\xe8\x85\xbe"));
		free(body);
	}
	/* what JSON doubles in size still fits */
	memset(big, '"', size);
	big[size] = '\0';
	e.output = big;
	e.author = e.comment = e.held = big;
	e.type = "ACKNOWLEDGEMENT";
	char *body = lark_body(&e, false, 0, NULL);
	ck_assert_uint_le(strlen(body), LARK_BODY_MAX);
	free(body);
	free(big);
	/* at most 50 lines of details, Nagios' escaped newlines read as newlines */
	char lines[4096] = "";
	for (int i = 0; i < 80; i++) {
		strcat(lines, "line\\n");
	}
	struct lark_event l = {
	    .state = "WARNING", .host = "h", .output = "first\nsecond", .long_output = lines};
	body = lark_body(&l, true, 0, NULL);
	ck_assert_ptr_nonnull(strstr(body, "h\\nfirst\\nsecond\\nline\\nline\\n"));
	ck_assert_ptr_nonnull(strstr(body, "line\\n...\""));
	size_t count = 0;
	for (const char *p = body; (p = strstr(p, "line")); p++) {
		count++;
	}
	ck_assert_uint_eq(count, 49); /* "second" and 49 of them */
	free(body);
}
END_TEST

START_TEST(webhooks) {
	static const struct {
		const char *url;
		int rc;
	} cases[] = {
	    {"https://open.feishu.cn/open-apis/bot/v2/hook/abc", 0},
	    {"https://open.larksuite.com/open-apis/bot/v2/hook/abc", 0},
	    {"http://127.0.0.1:8080/hook/abc", 0},
	    {"http://[::1]:8080/hook/abc", 0},
	    {"http://localhost/hook", 0},
	    {"http://open.feishu.cn/open-apis/bot/v2/hook/abc", -1},
	    {"http://localhost.example.com/hook", -1},
	    {"http://127.0.0.1.example.com/hook", -1},
	    {"http://user@127.0.0.1/hook", -1},
	    {"ftp://127.0.0.1/hook", -1},
	    {"https://", -1},
	    {"open.feishu.cn/hook", -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tc_error err;
		ck_assert_msg(lark_check_webhook(cases[i].url, &err) == cases[i].rc, "%s",
			      cases[i].url);
	}
}
END_TEST

START_TEST(redaction) {
	char buf[256];
	lark_redact_url("https://open.feishu.cn/open-apis/bot/v2/hook/0e1f-secret-token", buf,
			sizeof buf);
	ck_assert_str_eq(buf, "https://open.feishu.cn/open-apis/bot/v2/hook/(redacted)");
	lark_redact_url("https://h.example/hook/tok?key=secret#x", buf, sizeof buf);
	ck_assert_str_eq(buf, "https://h.example/hook/(redacted)");
	lark_redact_url("https://h.example?token=secret", buf, sizeof buf);
	ck_assert_str_eq(buf, "https://h.example/(redacted)");
	struct lark_event e = {.state = "OK", .host = "h"};
	char *body = lark_body(&e, false, 1599360473, "demo-secret");
	char *shown = lark_redact_body(body);
	ck_assert_ptr_null(strstr(shown, "3/MaVZ8JLIy4TUG"));
	ck_assert_ptr_nonnull(
	    strstr(shown, "\"timestamp\":\"1599360473\",\"sign\":\"(redacted)\""));
	free(shown);
	free(body);
}
END_TEST

START_TEST(quiet_rules) {
	static const struct {
		const char *type, *state;
		bool held, held_critical_too;
	} cases[] = {
	    {"PROBLEM", "WARNING", true, true},
	    {"PROBLEM", "UNKNOWN", true, true},
	    {"PROBLEM", "3", true, true},
	    {"PROBLEM", "CRITICAL", false, true},
	    {"PROBLEM", "DOWN", false, true},
	    {NULL, "WARNING", true, true},
	    {"RECOVERY", "OK", false, false},
	    {"RECOVERY", "UP", false, false},
	    {NULL, "OK", false, false},
	    {"ACKNOWLEDGEMENT", "CRITICAL", false, false},
	    {"CUSTOM", "WARNING", false, false},
	    {"FLAPPINGSTART", "WARNING", true, true},
	    {"DOWNTIMESTART", "OK", true, true},
	    /* Zabbix: {EVENT.STATUS} is RESOLVED for a recovery, PROBLEM for a problem */
	    {"RESOLVED", "OK", false, false},
	    {"RESOLVED", "High", false, false},
	    {"PROBLEM", "High", false, true},
	    {"PROBLEM", "Average", true, true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lark_event e = {.type = cases[i].type, .state = cases[i].state, .host = "h"};
		ck_assert_msg(lark_quiet_holds(&e, false) == cases[i].held, "%zu", i);
		ck_assert_msg(lark_quiet_holds(&e, true) == cases[i].held_critical_too, "%zu", i);
	}
}
END_TEST

/* 2026-11-22 in Asia/Shanghai (UTC+8), whatever the machine's zone */
#define SH(h, m) (1795276800 + (h)*3600 + (m)*60)

START_TEST(held_list) {
	char all[4096] = "", line[1024];
	struct lark_event w = {.state = "1",
			       .host = "tc-host",
			       .service = "runway",
			       .output = "TC RUNWAY WARNING - 9 days\nmore"};
	struct lark_event u = {.state = "UNKNOWN", .host = "h\tx", .output = "a\tb"};
	lark_held_line(&w, SH(2, 50), line, sizeof line);
	ck_assert_str_eq(line,
			 "1795287000\tWARNING\ttc-host / runway\tTC RUNWAY WARNING - 9 days\n");
	strcat(all, line);
	lark_held_line(&u, SH(23, 5), line, sizeof line);
	strcat(all, line);
	strcat(all, "garbage\n");
	char *text = lark_held_text(all, "Asia/Shanghai");
	ck_assert_str_eq(text, "3 notifications were held during quiet hours:\n"
			       "02:50 WARNING tc-host / runway: TC RUNWAY WARNING - 9 days\n"
			       "23:05 UNKNOWN h x: a b");
	free(text);
	ck_assert_ptr_null(lark_held_text("", NULL));
	ck_assert_ptr_null(lark_held_text(NULL, NULL));
	char many[64 * 30] = "";
	for (int i = 0; i < 25; i++) {
		lark_held_line(&w, SH(3, i), line, sizeof line);
		strcat(many, line);
	}
	text = lark_held_text(many, "Asia/Shanghai");
	ck_assert_ptr_nonnull(strstr(text, "25 notifications were held"));
	ck_assert_ptr_nonnull(strstr(text, "03:19 WARNING"));
	ck_assert_ptr_null(strstr(text, "03:20 WARNING"));
	ck_assert_ptr_nonnull(strstr(text, "\n... and 5 more"));
	free(text);
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
	tcase_add_test(tc, markup_stays_plain);
	tcase_add_test(tc, types_have_their_look);
	tcase_add_test(tc, long_output_is_cut);
	tcase_add_test(tc, webhooks);
	tcase_add_test(tc, redaction);
	tcase_add_test(tc, quiet_rules);
	tcase_add_test(tc, held_list);
	tcase_add_test(tc, windows);
	tcase_add_test(tc, quiet_across_midnight_in_another_zone);
	tcase_add_test(tc, quiet_within_a_day);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

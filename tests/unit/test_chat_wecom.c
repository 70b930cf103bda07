/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "chat_wecom.h"
#include "tap.h"
#include "utf8check.h"

/* markdown.content (or text.content) of a body */
static char *content_of(const char *body, const char *type) {
	struct json_object *o = json_tokener_parse(body), *m, *c;
	ck_assert_ptr_nonnull(o);
	ck_assert(json_object_object_get_ex(o, type, &m));
	ck_assert(json_object_object_get_ex(m, "content", &c));
	char *out = strdup(json_object_get_string(c));
	json_object_put(o);
	return out;
}

START_TEST(markdown_body) {
	struct lark_event e = {.type = "PROBLEM",
			       .state = "CRITICAL",
			       .host = "tc-main",
			       .service = "balance",
			       .output = "TC BALANCE CRITICAL - 500.00 available\nline 2",
			       .when = "2026-11-22 10:00"};
	char *body = chat_wecom.body(&e, false, 1, NULL);
	ck_assert_str_eq(body,
			 "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**<font "
			 "color=\\\"warning\\\">\xef\xbc\xbb"
			 "CRITICAL\xef\xbc\xbd tc-main / balance</font>**\\nTC BALANCE CRITICAL - "
			 "500.00 available\\n> line 2\\n<font color=\\\"comment\\\">Type: PROBLEM  "
			 "Time: 2026-11-22 10:00</font>\"}}");
	free(body);
	e.type = "RECOVERY";
	e.state = "OK";
	body = chat_wecom.body(&e, false, 1, NULL);
	ck_assert_ptr_nonnull(strstr(body, "color=\\\"info\\\""));
	free(body);
	body = chat_wecom.body(&e, true, 1, NULL);
	char *text = content_of(body, "text");
	ck_assert_str_eq(text,
			 "\xef\xbc\xbbOK\xef\xbc\xbd tc-main / balance\nTC BALANCE CRITICAL - "
			 "500.00 available\nline 2\nType: RECOVERY  Time: 2026-11-22 10:00");
	free(text);
	free(body);
}
END_TEST

/* no mention, tag or link from the monitoring system's text */
START_TEST(markup_is_defanged) {
	const char *evil = "<@all> <@zhangsan> [pay](https://evil.example/) <font color=\"info\">";
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
	for (int text = 0; text < 2; text++) {
		char *body = chat_wecom.body(&e, text, 1, NULL);
		char *c = content_of(body, text ? "text" : "markdown");
		ck_assert_ptr_null(strstr(c, "<@"));
		ck_assert_ptr_null(strstr(c, "]("));
		ck_assert_ptr_null(strstr(c, "<font color=\"info\">"));
		ck_assert_ptr_nonnull(strstr(c, "\xef\xbc\x9c@all\xef\xbc\x9e"));
		ck_assert_ptr_nonnull(
		    strstr(c, "\xef\xbc\xbbpay\xef\xbc\xbd(https://evil.example/)"));
		free(c);
		free(body);
	}
}
END_TEST

START_TEST(content_fits) {
	char *long_output = malloc(60000);
	size_t n = 0;
	for (int i = 0; n + 64 < 60000; i++) {
		n += (size_t)sprintf(long_output + n, "order %d: \xe4\xb8\xad\xe6\x96\x87 <x>\\n",
				     i);
	}
	char *held = malloc(5000);
	memset(held, 'h', 4999);
	held[4999] = '\0';
	struct lark_event e = {.state = "WARNING",
			       .host = "h",
			       .output = "summary",
			       .long_output = long_output,
			       .held = held};
	for (int text = 0; text < 2; text++) {
		char *body = chat_wecom.body(&e, text, 1, NULL);
		char *c = content_of(body, text ? "text" : "markdown");
		ck_assert_uint_le(strlen(c), text ? WECOM_TEXT_MAX : WECOM_MARKDOWN_MAX);
		ck_assert(utf8_valid(c));
		ck_assert_ptr_nonnull(strstr(c, "summary"));
		free(c);
		free(body);
	}
	free(long_output);
	free(held);
}
END_TEST

static int answer(const char *body, bool *retry, struct tc_error *err) {
	struct tc_http_response r = {200, (char *)body, strlen(body), 0};
	return wecom_answer(&r, retry, err);
}

START_TEST(answers) {
	struct tc_error err;
	bool retry = true;
	ck_assert_int_eq(answer("{\"errcode\":0,\"errmsg\":\"ok\"}", &retry, &err), 0);
	ck_assert_int_eq(
	    answer("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}", &retry, &err), -1);
	ck_assert(retry);
	answer("{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [x]\"}", &retry, &err);
	ck_assert(!retry);
	ck_assert_str_eq(
	    err.message,
	    "WeCom refused the message: errcode 93000: invalid webhook url, hint: [x]");
	answer("{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}", &retry,
	       &err);
	ck_assert(!retry);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("chat_wecom");
	TCase *tc = tcase_create("chat_wecom");
	tcase_add_test(tc, markdown_body);
	tcase_add_test(tc, markup_is_defanged);
	tcase_add_test(tc, content_fits);
	tcase_add_test(tc, answers);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

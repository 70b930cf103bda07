/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "chat.h"
#include "tap.h"

START_TEST(body_is_lark_body_in_seconds) {
	struct lark_event e = {.type = "PROBLEM", .state = "CRITICAL", .host = "h", .output = "o"};
	char *a = chat_lark.body(&e, false, 1599360473999, "demo-secret");
	char *b = lark_body(&e, false, 1599360473, "demo-secret");
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(
	    strstr(a, "\"sign\":\"3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=\""));
	free(a);
	free(b);
	char url[64];
	struct tc_error err;
	ck_assert_int_eq(chat_lark.url("https://open.feishu.cn/open-apis/bot/v2/hook/t", 1, "s",
				       url, sizeof url, &err),
			 0);
	ck_assert_str_eq(url, "https://open.feishu.cn/open-apis/bot/v2/hook/t");
}
END_TEST

static int answer(const char *body, long status, bool *retry, struct tc_error *err) {
	struct tc_http_response r = {status, (char *)body, strlen(body), 0};
	return chat_lark.answer(&r, retry, err);
}

START_TEST(answers) {
	struct tc_error err;
	bool retry = true;
	ck_assert_int_eq(answer("{\"code\":0,\"msg\":\"success\",\"data\":{}}", 200, &retry, &err),
			 0);
	ck_assert_int_eq(
	    answer("{\"StatusCode\":0,\"StatusMessage\":\"success\"}", 200, &retry, &err), 0);
	ck_assert_int_eq(
	    answer("{\"code\":11232,\"msg\":\"frequency limited\"}", 200, &retry, &err), -1);
	ck_assert(retry);
	ck_assert_str_eq(err.message, "Lark refused the message: code 11232: frequency limited");
	answer("{\"code\":19021,\"msg\":\"sign match fail\"}", 200, &retry, &err);
	ck_assert(!retry);
	ck_assert_str_eq(err.message, "Lark refused the message: code 19021: sign match fail");
	answer("{\"code\":19024,\"msg\":\"Key Words Not Found\"}", 200, &retry, &err);
	ck_assert(!retry);
	answer("", 429, &retry, &err);
	ck_assert(retry);
}
END_TEST

/* The custom bot's guide: 9499 "Bad Request" is a body it cannot parse, the same on
 * every try; the open platform's rate limit 99991400 comes with HTTP 429 or, from
 * older APIs, 400, and is retried either way. */
START_TEST(bad_request_is_not_retried) {
	struct tc_error err;
	bool retry = true;
	ck_assert_int_eq(
	    answer("{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}", 200, &retry, &err), -1);
	ck_assert(!retry);
	ck_assert_str_eq(err.message, "Lark refused the message: code 9499: Bad Request");
	retry = false;
	ck_assert_int_eq(answer("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}",
				400, &retry, &err),
			 -1);
	ck_assert(retry);
	ck_assert_str_eq(err.message, "Lark refused the message: HTTP 400, code 99991400: request "
				      "trigger frequency limit");
	answer("{\"code\":19001,\"msg\":\"param invalid\"}", 400, &retry, &err);
	ck_assert(!retry);
	answer("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}", 429, &retry,
	       &err);
	ck_assert(retry);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("chat_lark");
	TCase *tc = tcase_create("chat_lark");
	tcase_add_test(tc, body_is_lark_body_in_seconds);
	tcase_add_test(tc, answers);
	tcase_add_test(tc, bad_request_is_not_retried);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

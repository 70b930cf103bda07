/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "chat_dingtalk.h"
#include "tap.h"
#include "utf8check.h"

/* Computed the way DingTalk's documentation does it (Python: hmac, base64,
 * urllib.parse.quote_plus). */
START_TEST(documented_signature) {
	char sign[128];
	dingtalk_sign(1599360473000, "this is secret", sign, sizeof sign);
	ck_assert_str_eq(sign, "hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D");
	dingtalk_sign(1700000000000, "SECdemo-secret", sign, sizeof sign);
	ck_assert_str_eq(sign, "hMcp9tIC%2Bt4YETtvFK%2BlpdjLr1E%2FovXPdM%2BYDW8K4XM%3D");
}
END_TEST

START_TEST(signed_url) {
	char url[512];
	struct tc_error err;
	ck_assert_int_eq(dingtalk_url("https://oapi.dingtalk.com/robot/send?access_token=T",
				      1599360473000, "this is secret", url, sizeof url, &err),
			 0);
	ck_assert_str_eq(url,
			 "https://oapi.dingtalk.com/robot/send?access_token=T&timestamp="
			 "1599360473000&sign=hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D");
	ck_assert_int_eq(dingtalk_url("http://127.0.0.1:1/robot/send", 5, "this is secret", url,
				      sizeof url, &err),
			 0);
	ck_assert_int_eq(strncmp(url, "http://127.0.0.1:1/robot/send?timestamp=5&sign=", 47), 0);
	ck_assert_uint_gt(strlen(url), 47 + 40);
}
END_TEST

START_TEST(unsigned_url) {
	char url[512];
	struct tc_error err;
	ck_assert_int_eq(dingtalk_url("https://oapi.dingtalk.com/robot/send?access_token=T", 1,
				      NULL, url, sizeof url, &err),
			 0);
	ck_assert_str_eq(url, "https://oapi.dingtalk.com/robot/send?access_token=T");
	ck_assert_int_eq(dingtalk_url("https://oapi.dingtalk.com/robot/send?access_token=T", 1, "s",
				      url, 60, &err),
			 -1);
}
END_TEST

START_TEST(markdown_body) {
	struct lark_event e = {.type = "ACKNOWLEDGEMENT",
			       .state = "CRITICAL",
			       .host = "tc-main",
			       .output = "TC PENDING CRITICAL - 1 order",
			       .author = "alice",
			       .comment = "paying"};
	char *body = chat_dingtalk.body(&e, false, 1, "s");
	ck_assert_str_eq(
	    body,
	    "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"\xef\xbc\xbb"
	    "ACKNOWLEDGED\xef\xbc\xbd tc-main\",\"text\":\"### <font "
	    "color=\\\"#1A73E8\\\">\xef\xbc\xbb"
	    "ACKNOWLEDGED\xef\xbc\xbd tc-main</font>\\n\\nTC PENDING CRITICAL - 1 order\\n\\n\\n"
	    "CRITICAL acknowledged by alice: paying\\n\\n\\n###### Type: ACKNOWLEDGEMENT\\n\"},"
	    "\"at\":{\"isAtAll\":false}}");
	free(body);
	body = chat_dingtalk.body(&e, true, 1, "s");
	ck_assert_ptr_nonnull(strstr(body,
				     "{\"msgtype\":\"text\",\"text\":{\"content\":\"[ACKNOWLEDGED] "
				     "tc-main\\nTC PENDING"));
	ck_assert_ptr_nonnull(strstr(body, "\"at\":{\"isAtAll\":false}"));
	free(body);
}
END_TEST

START_TEST(markup_is_defanged) {
	const char *evil = "@13800000000 [pay](https://evil.example/) <font color=red>x</font>";
	struct lark_event e = {.state = "CRITICAL",
			       .host = evil,
			       .service = evil,
			       .output = evil,
			       .long_output = evil,
			       .author = evil,
			       .comment = evil,
			       .type = "CUSTOM",
			       .held = evil};
	char *body = chat_dingtalk.body(&e, false, 1, NULL);
	struct json_object *o = json_tokener_parse(body), *m, *t, *at;
	ck_assert(json_object_object_get_ex(o, "markdown", &m));
	ck_assert(json_object_object_get_ex(m, "text", &t));
	const char *text = json_object_get_string(t);
	ck_assert_ptr_null(strstr(text, "]("));
	ck_assert_ptr_null(strstr(text, "<font color=red>"));
	ck_assert_ptr_nonnull(strstr(text, "\xef\xbc\xbbpay\xef\xbc\xbd(https://evil.example/)"));
	/* nobody is mentioned: the at field names no one */
	ck_assert(json_object_object_get_ex(o, "at", &at));
	ck_assert_int_eq(json_object_object_length(at), 1);
	json_object_put(o);
	free(body);
}
END_TEST

START_TEST(body_fits) {
	char *long_output = malloc(100000);
	size_t n = 0;
	for (int i = 0; n + 64 < 100000; i++) {
		n += (size_t)sprintf(long_output + n, "\xe4\xb8\xad\xe6\x96\x87 line %d <>\\n", i);
	}
	char *held = malloc(5000);
	memset(held, '<', 4999);
	held[4999] = '\0';
	struct lark_event e = {.state = "CRITICAL",
			       .host = "h",
			       .output = long_output,
			       .long_output = long_output,
			       .held = held};
	for (int text = 0; text < 2; text++) {
		char *body = chat_dingtalk.body(&e, text, 1, NULL);
		ck_assert_uint_le(strlen(body), DINGTALK_BODY_MAX);
		ck_assert(utf8_valid(body));
		free(body);
	}
	free(long_output);
	free(held);
}
END_TEST

static int answer(const char *body, bool *retry, struct tc_error *err) {
	struct tc_http_response r = {200, (char *)body, strlen(body), 0};
	return dingtalk_answer(&r, retry, err);
}

START_TEST(answers) {
	struct tc_error err;
	bool retry = true;
	ck_assert_int_eq(answer("{\"errcode\":0,\"errmsg\":\"ok\"}", &retry, &err), 0);
	answer("{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}",
	       &retry, &err);
	ck_assert(retry);
	answer("{\"errcode\":310000,\"errmsg\":\"sign not match\"}", &retry, &err);
	ck_assert(!retry);
	ck_assert_str_eq(err.message,
			 "DingTalk refused the message: errcode 310000: sign not match");
	answer("{\"errcode\":300001,\"errmsg\":\"token is not exist\"}", &retry, &err);
	ck_assert(!retry);
}
END_TEST

/* The custom robot's error table: 410100 is its rate limit too, and the global -1
 * "system busy" is worth another try; an answer without errcode is not -1. */
START_TEST(rate_limit_and_busy_are_retried) {
	struct tc_error err;
	bool retry = false;
	ck_assert_int_eq(answer("{\"errcode\":410100,\"errmsg\":\"send too fast\"}", &retry, &err),
			 -1);
	ck_assert(retry);
	ck_assert_str_eq(err.message,
			 "DingTalk refused the message: errcode 410100: send too fast");
	retry = false;
	ck_assert_int_eq(answer("{\"errcode\":-1,\"errmsg\":\"system busy\"}", &retry, &err), -1);
	ck_assert(retry);
	ck_assert_int_eq(answer("{\"errmsg\":\"ok\"}", &retry, &err), -1);
	ck_assert(!retry);
	ck_assert_str_eq(err.message, "DingTalk answered without errcode: ok");
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("chat_dingtalk");
	TCase *tc = tcase_create("chat_dingtalk");
	tcase_add_test(tc, documented_signature);
	tcase_add_test(tc, signed_url);
	tcase_add_test(tc, unsigned_url);
	tcase_add_test(tc, markdown_body);
	tcase_add_test(tc, markup_is_defanged);
	tcase_add_test(tc, body_fits);
	tcase_add_test(tc, answers);
	tcase_add_test(tc, rate_limit_and_busy_are_retried);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

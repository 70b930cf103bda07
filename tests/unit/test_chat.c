/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "chat.h"
#include "tap.h"

static struct tc_http_response answer(long status, const char *body) {
	struct tc_http_response r = {status, (char *)body, strlen(body), 0};
	return r;
}

START_TEST(platforms_by_name) {
	const char *names[] = {"lark", "wecom", "dingtalk", "slack", "webhook"};
	for (size_t i = 0; i < 5; i++) {
		const struct chat_platform *p = chat_platform(names[i]);
		ck_assert_ptr_nonnull(p);
		ck_assert_str_eq(p->name, names[i]);
		ck_assert(p->body && p->url && p->answer);
	}
	ck_assert_ptr_null(chat_platform("teams"));
	ck_assert_ptr_null(chat_platform("Lark"));
	ck_assert_ptr_null(chat_platform(NULL));
	ck_assert(chat_platform("lark")->signs && chat_platform("dingtalk")->signs);
	ck_assert(!chat_platform("wecom")->signs && !chat_platform("slack")->signs &&
		  !chat_platform("webhook")->signs);
}
END_TEST

START_TEST(json_answers) {
	static const long transient[] = {45009, 0};
	struct tc_error err;
	bool retry = true;
	struct tc_http_response r = answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
	ck_assert_int_eq(
	    chat_json_answer(&r, "WeCom", "errcode", NULL, "errmsg", transient, &retry, &err), 0);
	r = answer(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
	ck_assert_int_eq(
	    chat_json_answer(&r, "WeCom", "errcode", NULL, "errmsg", transient, &retry, &err), -1);
	ck_assert(retry);
	ck_assert_str_eq(err.message,
			 "WeCom refused the message: errcode 45009: api freq out of limit");
	r = answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
	chat_json_answer(&r, "WeCom", "errcode", NULL, "errmsg", transient, &retry, &err);
	ck_assert(!retry);
	r = answer(200, "{\"StatusCode\":7,\"msg\":\"x\"}");
	ck_assert_int_eq(
	    chat_json_answer(&r, "Lark", "code", "StatusCode", "msg", NULL, &retry, &err), -1);
	ck_assert_str_eq(err.message, "Lark refused the message: code 7: x");
	/* no code at all is no delivery */
	r = answer(200, "{}");
	ck_assert_int_eq(
	    chat_json_answer(&r, "WeCom", "errcode", NULL, "errmsg", transient, &retry, &err), -1);
	r = answer(200, "<html>");
	ck_assert_int_eq(
	    chat_json_answer(&r, "WeCom", "errcode", NULL, "errmsg", transient, &retry, &err), -1);
	ck_assert(!retry);
	r = answer(502, "bad gateway");
	chat_json_answer(&r, "WeCom", "errcode", NULL, "errmsg", transient, &retry, &err);
	ck_assert(retry);
	ck_assert_str_eq(err.message, "HTTP 502 from the webhook");
	r = answer(404, "");
	chat_json_answer(&r, "WeCom", "errcode", NULL, "errmsg", transient, &retry, &err);
	ck_assert(!retry);
}
END_TEST

START_TEST(http_answers) {
	struct tc_error err;
	bool retry = true;
	struct tc_http_response r = answer(204, "");
	ck_assert_int_eq(chat_http_answer(&r, "the webhook", &retry, &err), 0);
	ck_assert(!retry);
	r = answer(429, "slow down");
	ck_assert_int_eq(chat_http_answer(&r, "the webhook", &retry, &err), -1);
	ck_assert(retry);
	r = answer(400, "bad\nfield\x1b[31m");
	chat_http_answer(&r, "the webhook", &retry, &err);
	ck_assert(!retry);
	ck_assert_str_eq(err.message,
			 "the webhook refused the message: HTTP 400: bad field\xef\xbf\xbd[31m");
	r = answer(408, "");
	chat_http_answer(&r, "the webhook", &retry, &err);
	ck_assert(retry);
	ck_assert_str_eq(err.message, "the webhook refused the message: HTTP 408");
}
END_TEST

START_TEST(markdown_helpers) {
	char buf[256] = "";
	chat_md_add(buf, sizeof buf, "**", "<@all> [x](https://e.example)", "**\n");
	chat_md_add(buf, sizeof buf, "never", NULL, "shown");
	chat_md_add(buf, sizeof buf, "never", "", "shown");
	chat_md_quote(buf, sizeof buf, "a\n<b>");
	ck_assert_str_eq(buf, "**\xef\xbc\x9c@all\xef\xbc\x9e \xef\xbc\xbbx\xef\xbc\xbd(https://"
			      "e.example)**\n> a\n> \xef\xbc\x9c"
			      "b\xef\xbc\x9e\n");
	char small[8] = "";
	chat_md_quote(small, sizeof small, "long line\nmore");
	ck_assert_uint_lt(strlen(small), sizeof small);
	char *cut = chat_cut(strdup("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87"), 8);
	ck_assert_uint_le(strlen(cut), 8);
	ck_assert_str_eq(cut, "\xe4\xb8\xad...");
	free(cut);
}
END_TEST

START_TEST(plain_url) {
	char out[32];
	struct tc_error err;
	ck_assert_int_eq(chat_plain_url("https://a.example/x", 1, "s", out, sizeof out, &err), 0);
	ck_assert_str_eq(out, "https://a.example/x");
	ck_assert_int_eq(
	    chat_plain_url("https://a.example/a-very-long-path-indeed", 1, NULL, out, 20, &err),
	    -1);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("chat");
	TCase *tc = tcase_create("chat");
	tcase_add_test(tc, platforms_by_name);
	tcase_add_test(tc, json_answers);
	tcase_add_test(tc, http_answers);
	tcase_add_test(tc, markdown_helpers);
	tcase_add_test(tc, plain_url);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

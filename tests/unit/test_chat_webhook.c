/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "chat_webhook.h"
#include "tap.h"

START_TEST(fields) {
	struct lark_event e = {.source = "nagios",
			       .type = "ACKNOWLEDGEMENT",
			       .state = "CRITICAL",
			       .host = "tc-main",
			       .service = "balance",
			       .output = "TC BALANCE CRITICAL - low\nmore <x>",
			       .author = "alice",
			       .comment = "on it",
			       .when = "10:00"};
	char *body = chat_webhook.body(&e, false, 1, NULL);
	ck_assert_str_eq(
	    body, "{\"version\":1,\"source\":\"nagios\",\"type\":\"ACKNOWLEDGEMENT\",\"state\":"
		  "\"CRITICAL\",\"word\":\"ACKNOWLEDGED\",\"colour\":\"blue\",\"critical\":true,"
		  "\"title\":\"[ACKNOWLEDGED] tc-main / balance\",\"host\":\"tc-main\",\"service\":"
		  "\"balance\",\"summary\":\"TC BALANCE CRITICAL - low\",\"details\":\"more <x>\","
		  "\"author\":\"alice\",\"comment\":\"on it\",\"time\":\"10:00\",\"held\":null,"
		  "\"text\":\"[ACKNOWLEDGED] tc-main / balance\\nTC BALANCE CRITICAL - low\\nmore "
		  "<x>\\nCRITICAL acknowledged by alice: on it\\nType: ACKNOWLEDGEMENT  Time: "
		  "10:00\"}");
	char *text = chat_webhook.body(&e, true, 1, NULL);
	ck_assert_str_eq(body, text);
	free(text);
	free(body);
	struct lark_event bare = {.state = "2", .host = "h"};
	body = chat_webhook.body(&bare, false, 1, NULL);
	struct json_object *o = json_tokener_parse(body), *v;
	ck_assert(json_object_object_get_ex(o, "service", &v) && v == NULL);
	ck_assert(json_object_object_get_ex(o, "word", &v));
	ck_assert_str_eq(json_object_get_string(v), "CRITICAL");
	json_object_put(o);
	free(body);
}
END_TEST

START_TEST(control_characters_cleaned) {
	struct lark_event e = {.state = "OK", .host = "h\x1b[2J", .output = "a\tb\x7f"};
	char *body = chat_webhook.body(&e, false, 1, NULL);
	ck_assert_ptr_null(strchr(body, '\x1b'));
	ck_assert_ptr_null(strchr(body, '\x7f'));
	ck_assert_ptr_null(strstr(body, "\\u001b"));
	free(body);
}
END_TEST

static int answer(long status, const char *body, bool *retry, struct tc_error *err) {
	struct tc_http_response r = {status, (char *)body, strlen(body), 0};
	return webhook_answer(&r, retry, err);
}

START_TEST(answers) {
	struct tc_error err;
	bool retry = true;
	ck_assert_int_eq(answer(200, "", &retry, &err), 0);
	ck_assert_int_eq(answer(202, "queued", &retry, &err), 0);
	ck_assert_int_eq(answer(429, "", &retry, &err), -1);
	ck_assert(retry);
	ck_assert_int_eq(answer(503, "", &retry, &err), -1);
	ck_assert(retry);
	answer(401, "{\"error\":\"bad token\"}", &retry, &err);
	ck_assert(!retry);
	ck_assert_str_eq(err.message,
			 "the webhook refused the message: HTTP 401: {\"error\":\"bad token\"}");
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("chat_webhook");
	TCase *tc = tcase_create("chat_webhook");
	tcase_add_test(tc, fields);
	tcase_add_test(tc, control_characters_cleaned);
	tcase_add_test(tc, answers);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

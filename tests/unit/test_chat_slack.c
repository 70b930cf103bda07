/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "chat_slack.h"
#include "tap.h"
#include "utf8check.h"

START_TEST(escaping) {
	char *s = slack_escape("<!channel> <@U123> <https://evil.example|click> a&b", 3000);
	ck_assert_str_eq(s, "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; "
			    "a&amp;b");
	free(s);
	/* cut on a character, never inside an entity */
	s = slack_escape("ab<cd", 4);
	ck_assert_str_eq(s, "ab");
	free(s);
	s = slack_escape("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad", 2);
	ck_assert_str_eq(s, "\xe4\xb8\xad\xe6\x96\x87");
	free(s);
}
END_TEST

START_TEST(blocks_body) {
	struct lark_event e = {.type = "RECOVERY",
			       .state = "OK",
			       .host = "tc-main",
			       .service = "runway",
			       .output = "TC RUNWAY OK - 40 days\ndetail <1>",
			       .when = "now"};
	char *body = chat_slack.body(&e, false, 1, NULL);
	ck_assert_str_eq(
	    body,
	    "{\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\":large_"
	    "green_circle: *[OK] tc-main / runway*\"}},{\"type\":\"section\",\"text\":{\"type\":"
	    "\"mrkdwn\",\"text\":\"TC RUNWAY OK - 40 days\"}},{\"type\":\"section\",\"text\":{"
	    "\"type\":\"mrkdwn\",\"text\":\"```detail &lt;1&gt;```\"}},{\"type\":\"context\","
	    "\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"Type: RECOVERY  Time: now\"}]}],"
	    "\"text\":\"[OK] tc-main / runway: TC RUNWAY OK - 40 days\"}");
	free(body);
	body = chat_slack.body(&e, true, 1, NULL);
	ck_assert_str_eq(body,
			 "{\"text\":\"[OK] tc-main / runway\\nTC RUNWAY OK - 40 days\\ndetail "
			 "&lt;1&gt;\\nType: RECOVERY  Time: now\"}");
	free(body);
}
END_TEST

/* every section's text within 3000 characters, at most 50 blocks, however long */
START_TEST(limits) {
	char *big = malloc(200000);
	size_t n = 0;
	for (int i = 0; n + 64 < 200000; i++) {
		n += (size_t)sprintf(big + n, "<!here> \xe4\xb8\xad %d &\\n", i);
	}
	struct lark_event e = {.state = "CRITICAL",
			       .host = big,
			       .service = big,
			       .output = big,
			       .long_output = big,
			       .author = big,
			       .comment = big,
			       .type = "CUSTOM",
			       .when = big,
			       .held = big};
	char *body = chat_slack.body(&e, false, 1, NULL);
	ck_assert(utf8_valid(body));
	ck_assert_ptr_null(strstr(body, "<!here>"));
	struct json_object *o = json_tokener_parse(body), *blocks;
	ck_assert(json_object_object_get_ex(o, "blocks", &blocks));
	ck_assert_uint_le(json_object_array_length(blocks), SLACK_BLOCKS_MAX);
	for (size_t i = 0; i < json_object_array_length(blocks); i++) {
		struct json_object *b = json_object_array_get_idx(blocks, i), *t, *x;
		if (json_object_object_get_ex(b, "text", &t) &&
		    json_object_object_get_ex(t, "text", &x)) {
			const char *s = json_object_get_string(x);
			size_t chars = 0;
			for (; *s; s++) {
				chars += (*s & 0xC0) != 0x80;
			}
			ck_assert_uint_le(chars, SLACK_SECTION_MAX);
		}
	}
	json_object_put(o);
	free(body);
	free(big);
}
END_TEST

static int answer(long status, const char *body, bool *retry, struct tc_error *err) {
	struct tc_http_response r = {status, (char *)body, strlen(body), 0};
	return slack_answer(&r, retry, err);
}

START_TEST(answers) {
	struct tc_error err;
	bool retry = true;
	ck_assert_int_eq(answer(200, "ok", &retry, &err), 0);
	ck_assert(!retry);
	ck_assert_int_eq(answer(429, "rate_limited", &retry, &err), -1);
	ck_assert(retry);
	answer(404, "channel_not_found", &retry, &err);
	ck_assert(!retry);
	ck_assert_str_eq(err.message, "Slack refused the message: HTTP 404: channel_not_found");
	answer(400, "invalid_payload", &retry, &err);
	ck_assert(!retry);
	answer(500, "rollup_error", &retry, &err);
	ck_assert(retry);
	ck_assert_int_eq(answer(200, "no", &retry, &err), -1);
	ck_assert(!retry);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("chat_slack");
	TCase *tc = tcase_create("chat_slack");
	tcase_add_test(tc, escaping);
	tcase_add_test(tc, blocks_body);
	tcase_add_test(tc, limits);
	tcase_add_test(tc, answers);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

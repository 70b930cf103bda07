/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "jsonx.h"
#include "tap.h"

static int parse(const char *text, struct json_object **o, struct tc_error *err) {
	return tc_json_parse(text, strlen(text), o, err);
}

START_TEST(parse_errors_say_what) {
	struct json_object *o = NULL;
	struct tc_error err;
	ck_assert_int_eq(parse("{\"a\": [1, 2", &o, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "truncated"));
	ck_assert_int_eq(parse("{\"a\": ,}", &o, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "malformed"));
	ck_assert_int_eq(parse("", &o, &err), -1);
	ck_assert_str_eq(err.message, "empty body");
	ck_assert_int_eq(parse("{} x", &o, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "data after"));
	ck_assert_int_eq(parse("<html>", &o, &err), -1);
	ck_assert_int_eq(parse(" {\"a\": 1}\n", &o, &err), 0);
	json_object_put(o);
}
END_TEST

START_TEST(typed_fields) {
	struct json_object *o = NULL;
	struct tc_error err;
	int64_t i = 0;
	bool present = true, b = false;
	const char *s = NULL;
	struct json_object *arr = NULL;
	ck_assert_int_eq(parse("{\"m\": 12.0, \"i\": 7, \"s\": \"x\", \"b\": true, \"n\": null, "
			       "\"a\": [1], \"f\": 1.5}",
			       &o, &err),
			 0);
	ck_assert_int_eq(tc_json_money(o, "m", TC_UNIT_CENTS, TC_REQUIRED, &i, &present, &err), 0);
	ck_assert_int_eq(i, 12);
	ck_assert(present);
	ck_assert_int_eq(tc_json_int(o, "i", TC_REQUIRED, &i, NULL, &err), 0);
	ck_assert_int_eq(i, 7);
	ck_assert_int_eq(tc_json_int(o, "f", TC_REQUIRED, &i, NULL, &err), -1);
	ck_assert_str_eq(err.message, "field f is not an integer");
	ck_assert_int_eq(tc_json_string(o, "s", TC_REQUIRED, &s, &err), 0);
	ck_assert_str_eq(s, "x");
	ck_assert_int_eq(tc_json_string(o, "i", TC_REQUIRED, &s, &err), -1);
	ck_assert_int_eq(tc_json_bool(o, "b", TC_REQUIRED, &b, NULL, &err), 0);
	ck_assert(b);
	ck_assert_int_eq(tc_json_bool(o, "s", TC_REQUIRED, &b, NULL, &err), -1);
	ck_assert_int_eq(tc_json_array(o, "a", TC_REQUIRED, &arr, &err), 0);
	ck_assert_ptr_nonnull(arr);
	ck_assert_int_eq(tc_json_array(o, "s", TC_REQUIRED, &arr, &err), -1);
	json_object_put(o);
}
END_TEST

START_TEST(null_is_missing) {
	struct json_object *o = NULL;
	struct tc_error err;
	int64_t v;
	bool present = true;
	ck_assert_int_eq(parse("{\"n\": null}", &o, &err), 0);
	ck_assert_int_eq(tc_json_money(o, "n", TC_UNIT_CENTS, TC_OPTIONAL, &v, &present, &err), 0);
	ck_assert(!present);
	ck_assert_int_eq(tc_json_money(o, "n", TC_UNIT_CENTS, TC_REQUIRED, &v, &present, &err), -1);
	ck_assert_str_eq(err.message, "field n is missing");
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	ck_assert_int_eq(tc_json_money(o, "gone", TC_UNIT_CENTS, TC_REQUIRED, &v, NULL, &err), -1);
	json_object_put(o);
}
END_TEST

START_TEST(absurd_amounts) {
	struct json_object *o = NULL;
	struct tc_error err;
	int64_t v;
	ck_assert_int_eq(parse("{\"big\": 2000000000000000, \"ok\": 1000000000000000}", &o, &err),
			 0);
	ck_assert_int_eq(tc_json_money(o, "big", TC_UNIT_CENTS, TC_REQUIRED, &v, NULL, &err), -1);
	ck_assert_str_eq(err.message, "field big has an absurd amount");
	ck_assert_int_eq(tc_json_money(o, "ok", TC_UNIT_CENTS, TC_REQUIRED, &v, NULL, &err), 0);
	json_object_put(o);
}
END_TEST

START_TEST(not_an_object) {
	struct json_object *o = NULL;
	struct tc_error err;
	int64_t v;
	ck_assert_int_eq(parse("[1]", &o, &err), 0);
	ck_assert_int_eq(tc_json_int(o, "x", TC_REQUIRED, &v, NULL, &err), -1);
	json_object_put(o);
}
END_TEST

START_TEST(repeated_keys_are_ambiguous) {
	struct json_object *o = NULL;
	struct tc_error err;
	const char *twice[] = {
	    "{\"a\": 1, \"a\": 2}",
	    "{\"Response\": {\"RealBalance\": 1, \"OweAmount\": 0, \"RealBalance\": 9}}",
	    "[{\"x\": {}}, {\"b\": {\"c\": 1, \"c\": 1}}]",
	    "{\"a\": 1, \"\\u0061\": 2}", /* the same key, escaped */
	    "{\"a\": {\"x\": 1}, \"a\": {\"y\": 2}}",
	};
	for (size_t i = 0; i < sizeof twice / sizeof twice[0]; i++) {
		ck_assert_msg(parse(twice[i], &o, &err) == -1, "%s", twice[i]);
		ck_assert_str_eq(err.message, "ambiguous JSON: an object has the same key twice");
	}
	ck_assert_int_eq(
	    parse("{\"a\": \"{\\\"a\\\":1,\", \"b\": [\"a\", \"a\"], \"c\": {\"a\": 1}}", &o, &err),
	    0);
	json_object_put(o);
}
END_TEST

START_TEST(nesting_and_size_limits) {
	struct json_object *o = NULL;
	struct tc_error err;
	char deep[200];
	memset(deep, '[', sizeof deep);
	ck_assert_int_eq(tc_json_parse(deep, sizeof deep, &o, &err), -1);
	ck_assert_str_eq(err.message, "JSON nested deeper than 32 levels");
	/* 1,000 objects where 100 are allowed: refused before json-c builds them */
	char bomb[3100] = "[";
	for (int i = 0; i < 1000; i++) {
		strcat(bomb, i ? ",{}" : "{}");
	}
	strcat(bomb, "]");
	ck_assert_int_eq(tc_json_parse_capped(bomb, strlen(bomb), 100, &o, &err), -1);
	ck_assert_str_eq(err.message,
			 "more than 100 JSON objects and arrays, more than this answer can hold");
	ck_assert_int_eq(tc_json_parse_capped(bomb, strlen(bomb), 1001, &o, &err), 0);
	json_object_put(o);
	/* brackets inside strings are not counted */
	const char *quoted = "{\"a\": \"[[[[{{{{\"}";
	ck_assert_int_eq(tc_json_parse_capped(quoted, strlen(quoted), 1, &o, &err), 0);
	json_object_put(o);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("jsonx");
	TCase *tc = tcase_create("jsonx");
	tcase_add_test(tc, parse_errors_say_what);
	tcase_add_test(tc, typed_fields);
	tcase_add_test(tc, null_is_missing);
	tcase_add_test(tc, absurd_amounts);
	tcase_add_test(tc, not_an_object);
	tcase_add_test(tc, repeated_keys_are_ambiguous);
	tcase_add_test(tc, nesting_and_size_limits);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the simulator's handlers share: parameters, repeated list entries, decimal
 * JSON numbers and the per-account field overrides. */
#include "simcall.h"
#include "tap.h"

static struct sim_call call_with(struct json_object *params) {
	struct sim_call c = {.params = params, .now = SIMCALL_NOW};
	return c;
}

START_TEST(int_parameters) {
	struct json_object *p = simcall_json("{\"Limit\":100,\"Text\":\"100\",\"Null\":null}");
	struct sim_call c = call_with(p);
	int64_t v = 0;
	ck_assert_int_eq(sim_param_int(&c, "Limit", true, 0, &v), 0);
	ck_assert_int_eq(v, 100);
	ck_assert_int_eq(sim_param_int(&c, "Offset", false, 7, &v), 0);
	ck_assert_int_eq(v, 7);
	/* null is as good as absent, as the service has it */
	ck_assert_int_eq(sim_param_int(&c, "Null", false, 9, &v), 0);
	ck_assert_int_eq(v, 9);
	ck_assert_int_eq(sim_param_int(&c, "Offset", true, 0, &v), -1);
	ck_assert_str_eq(c.code, "MissingParameter");
	ck_assert_str_eq(c.message, "The request is missing a required parameter `Offset`.");
	ck_assert_int_eq(sim_param_int(&c, "Text", true, 0, &v), -1);
	ck_assert_str_eq(c.code, "InvalidParameter");
	json_object_put(p);
}
END_TEST

START_TEST(string_parameters) {
	struct json_object *p = simcall_json("{\"Status\":\"unUsed\",\"Number\":1}");
	struct sim_call c = call_with(p);
	const char *s = NULL;
	ck_assert_int_eq(sim_param_string(&c, "Status", true, &s), 0);
	ck_assert_str_eq(s, "unUsed");
	ck_assert_int_eq(sim_param_string(&c, "Other", false, &s), 0);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(sim_param_string(&c, "Other", true, &s), -1);
	ck_assert_str_eq(c.code, "MissingParameter");
	ck_assert_int_eq(sim_param_string(&c, "Number", false, &s), -1);
	ck_assert_str_eq(c.code, "InvalidParameter");
	json_object_put(p);
}
END_TEST

/* Times in Beijing time, as the billing actions take them */
START_TEST(time_parameters) {
	struct json_object *p =
	    simcall_json("{\"Start\":\"2026-11-22 12:00:00\",\"Day\":\"2026-11-22\","
			 "\"Bad\":\"soon\",\"Number\":1}");
	struct sim_call c = call_with(p);
	int64_t v = 0;
	ck_assert_int_eq(sim_param_time(&c, "Start", true, 0, &v), 0);
	ck_assert_int_eq(v, SIMCALL_NOW);
	ck_assert_int_eq(sim_param_time(&c, "Day", true, 0, &v), 0);
	ck_assert_int_eq(v, SIMCALL_NOW - 12 * 3600);
	ck_assert_int_eq(sim_param_time(&c, "End", false, 42, &v), 0);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(sim_param_time(&c, "End", true, 0, &v), -1);
	ck_assert_str_eq(c.code, "MissingParameter");
	ck_assert_int_eq(sim_param_time(&c, "Bad", true, 0, &v), -1);
	ck_assert_str_eq(c.code, "InvalidParameterValue");
	ck_assert_str_eq(c.message, "The value of `Bad` is not a time: soon");
	ck_assert_int_eq(sim_param_time(&c, "Number", true, 0, &v), -1);
	ck_assert_str_eq(c.code, "InvalidParameter");
	json_object_put(p);
}
END_TEST

START_TEST(repeat_expands_and_numbers) {
	struct json_object *a =
	    simcall_json("{\"members\":[{\"uin\":100,\"name\":\"shop\",\"real\":5},"
			 "{\"uin\":\"200\",\"name\":\"dev\",\"id\":\"m\",\"repeat\":3},{\"repeat\":"
			 "0,\"uin\":9}]}");
	struct json_object *l = sim_list(a, "members");
	ck_assert_uint_eq(json_object_array_length(l), 5);
	ck_assert_str_eq(
	    json_object_to_json_string_ext(json_object_array_get_idx(l, 0), JSON_C_TO_STRING_PLAIN),
	    "{\"uin\":100,\"name\":\"shop\",\"real\":5}");
	/* "repeat" goes, ids and names get numbers, UINs count up from a string too */
	ck_assert_str_eq(
	    json_object_to_json_string_ext(json_object_array_get_idx(l, 1), JSON_C_TO_STRING_PLAIN),
	    "{\"uin\":200,\"name\":\"dev-1\",\"id\":\"m-0001\"}");
	ck_assert_str_eq(sim_str(json_object_array_get_idx(l, 3), "id", ""), "m-0003");
	ck_assert_int_eq(sim_int(json_object_array_get_idx(l, 3), "uin", 0), 202);
	/* repeat 0 is one plain entry */
	ck_assert_int_eq(sim_int(json_object_array_get_idx(l, 4), "uin", 0), 9);
	ck_assert_ptr_null(sim_list(a, "deals"));
	json_object_put(l);
	json_object_put(a);
}
END_TEST

START_TEST(member_defaults) {
	struct json_object *o = simcall_json("{\"n\":5,\"s\":\"x\",\"sn\":7}");
	ck_assert_int_eq(sim_int(o, "n", 1), 5);
	ck_assert_int_eq(sim_int(o, "missing", 1), 1);
	ck_assert_str_eq(sim_str(o, "s", "d"), "x");
	ck_assert_str_eq(sim_str(o, "sn", "d"), "d"); /* not a string */
	ck_assert_str_eq(sim_str(o, "missing", "d"), "d");
	json_object_put(o);
}
END_TEST

START_TEST(decimals_keep_their_text) {
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "RemainingCredit", sim_decimal("1000.10"));
	json_object_object_add(o, "Zero", sim_decimal("0.00"));
	ck_assert_str_eq(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN),
			 "{\"RemainingCredit\":1000.10,\"Zero\":0.00}");
	json_object_put(o);
}
END_TEST

START_TEST(overrides_add_and_remove) {
	struct json_object *a =
	    simcall_json("{\"balance_fields\":{\"RealBalance\":\"12\",\"New\":null},"
			 "\"balance_fields_remove\":[\"OweAmount\"]}");
	struct json_object *r = simcall_json("{\"RealBalance\":1,\"OweAmount\":0,\"Uin\":5}");
	sim_apply_overrides(a, "balance_fields", r);
	ck_assert_str_eq(json_object_to_json_string_ext(r, JSON_C_TO_STRING_PLAIN),
			 "{\"RealBalance\":\"12\",\"Uin\":5,\"New\":null}");
	sim_apply_overrides(a, "voucher_fields", r); /* none for this key: unchanged */
	ck_assert_str_eq(json_object_to_json_string_ext(r, JSON_C_TO_STRING_PLAIN),
			 "{\"RealBalance\":\"12\",\"Uin\":5,\"New\":null}");
	json_object_put(r);
	json_object_put(a);
}
END_TEST

START_TEST(fail_records_code_and_message) {
	struct sim_call c = {0};
	ck_assert_int_eq(sim_fail(&c, "InvalidParameter", "Limit %d is too large", 5000), -1);
	ck_assert_str_eq(c.code, "InvalidParameter");
	ck_assert_str_eq(c.message, "Limit 5000 is too large");
}
END_TEST

/* replies must never hold the shared scenario's objects (see sim_copy) */
START_TEST(copies_never_share) {
	struct json_object *a = simcall_json("{\"members\":[{\"uin\":1}],"
					     "\"balance_fields\":{\"Extra\":{\"x\":1}}}");
	struct json_object *l = sim_list(a, "members");
	struct json_object *first =
	    json_object_array_get_idx(json_object_object_get(a, "members"), 0);
	ck_assert_ptr_ne(json_object_array_get_idx(l, 0), first);
	ck_assert_str_eq(
	    json_object_to_json_string_ext(json_object_array_get_idx(l, 0), JSON_C_TO_STRING_PLAIN),
	    "{\"uin\":1}");
	struct json_object *r = json_object_new_object();
	sim_apply_overrides(a, "balance_fields", r);
	ck_assert_ptr_ne(
	    json_object_object_get(r, "Extra"),
	    json_object_object_get(json_object_object_get(a, "balance_fields"), "Extra"));
	ck_assert_ptr_null(sim_copy(NULL));
	json_object_put(r);
	json_object_put(l);
	json_object_put(a);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("simdata");
	TCase *t = tcase_create("simdata");
	tcase_add_test(t, int_parameters);
	tcase_add_test(t, string_parameters);
	tcase_add_test(t, time_parameters);
	tcase_add_test(t, repeat_expands_and_numbers);
	tcase_add_test(t, member_defaults);
	tcase_add_test(t, decimals_keep_their_text);
	tcase_add_test(t, overrides_add_and_remove);
	tcase_add_test(t, fail_records_code_and_message);
	tcase_add_test(t, copies_never_share);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)

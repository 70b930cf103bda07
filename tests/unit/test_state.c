/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "state.h"
#include "tap.h"

START_TEST(names) {
	ck_assert_str_eq(tc_state_name(TC_OK), "OK");
	ck_assert_str_eq(tc_state_name(TC_WARNING), "WARNING");
	ck_assert_str_eq(tc_state_name(TC_CRITICAL), "CRITICAL");
	ck_assert_str_eq(tc_state_name(TC_UNKNOWN), "UNKNOWN");
}
END_TEST

START_TEST(parsing) {
	enum tc_state s;
	ck_assert(tc_state_parse("critical", &s));
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert(tc_state_parse("1", &s));
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert(tc_state_parse("UNKNOWN", &s));
	ck_assert_int_eq(s, TC_UNKNOWN);
	ck_assert(!tc_state_parse("4", &s));
	ck_assert(!tc_state_parse("bad", &s));
	ck_assert(!tc_state_parse("", &s));
}
END_TEST

START_TEST(ordering) {
	ck_assert_int_eq(tc_state_worst(TC_OK, TC_UNKNOWN), TC_UNKNOWN);
	ck_assert_int_eq(tc_state_worst(TC_UNKNOWN, TC_WARNING), TC_WARNING);
	ck_assert_int_eq(tc_state_worst(TC_CRITICAL, TC_UNKNOWN), TC_CRITICAL);
	ck_assert_int_eq(tc_state_worst(TC_WARNING, TC_CRITICAL), TC_CRITICAL);
	ck_assert_int_eq(tc_state_worst(TC_OK, TC_OK), TC_OK);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("state");
	TCase *tc = tcase_create("state");
	tcase_add_test(tc, names);
	tcase_add_test(tc, parsing);
	tcase_add_test(tc, ordering);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

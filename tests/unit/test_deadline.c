/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "deadline.h"
#include "tap.h"

START_TEST(counts_down_and_never_below_zero) {
	struct tc_deadline d;
	tc_deadline_start(&d, 2);
	ck_assert_int_eq(d.seconds, 2);
	int64_t left = tc_deadline_left_ms(&d);
	ck_assert(left > 1900 && left <= 2000);
	d.end_ms = tc_monotonic_ms() - 5;
	ck_assert_int_eq(tc_deadline_left_ms(&d), 0);
}
END_TEST

START_TEST(a_reserve_brings_the_end_forward) {
	struct tc_deadline d;
	tc_deadline_start(&d, 2);
	tc_deadline_reserve(&d, 300);
	ck_assert_int_eq(d.seconds, 2); /* the budget as the user gave it, for messages */
	int64_t left = tc_deadline_left_ms(&d);
	ck_assert(left > 1600 && left <= 1700);
}
END_TEST

START_TEST(monotonic_clock_moves_forward) {
	int64_t a = tc_monotonic_ms();
	int64_t b = tc_monotonic_ms();
	ck_assert(b >= a);
	ck_assert(a > 0);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("deadline");
	TCase *tc = tcase_create("deadline");
	tcase_add_test(tc, counts_down_and_never_below_zero);
	tcase_add_test(tc, a_reserve_brings_the_end_forward);
	tcase_add_test(tc, monotonic_clock_moves_forward);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

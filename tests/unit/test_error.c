/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "error.h"
#include "tap.h"

START_TEST(set_returns_minus_one_and_folds_lines) {
	struct tc_error e;
	ck_assert_int_eq(tc_error_set(&e, TC_ERR_NETWORK, "a\nb\tc %d", 5), -1);
	ck_assert_int_eq(e.kind, TC_ERR_NETWORK);
	ck_assert_str_eq(e.message, "a b c 5");
	ck_assert_str_eq(e.code, "");
	ck_assert_int_eq(tc_error_set(NULL, TC_ERR_USAGE, "x"), -1);
}
END_TEST

START_TEST(prefix_and_describe) {
	struct tc_error e;
	char buf[256];
	tc_error_set(&e, TC_ERR_API, "failed");
	tc_error_prefix(&e, "DescribeAccountBalance");
	ck_assert_str_eq(e.message, "DescribeAccountBalance: failed");
	tc_error_describe(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "DescribeAccountBalance: failed");
	strcpy(e.request_id, "r-1");
	tc_error_describe(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "DescribeAccountBalance: failed (RequestId r-1)");
	tc_error_clear(&e);
	tc_error_describe(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "unspecified error");
}
END_TEST

START_TEST(long_messages_are_cut_not_overrun) {
	struct tc_error e;
	char big[2000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	tc_error_set(&e, TC_ERR_PARSE, "%s", big);
	ck_assert_int_eq(strlen(e.message), sizeof e.message - 1);
	tc_error_prefix(&e, "%s", big);
	ck_assert_int_eq(strlen(e.message), sizeof e.message - 1);
}
END_TEST

START_TEST(kind_names) {
	ck_assert_str_eq(tc_error_kind_name(TC_ERR_TIMEOUT), "timeout");
	ck_assert_str_eq(tc_error_kind_name(TC_ERR_API), "api");
	ck_assert_str_eq(tc_error_kind_name(TC_ERR_CREDENTIALS), "credentials");
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("error");
	tcase_add_test(tc, set_returns_minus_one_and_folds_lines);
	tcase_add_test(tc, prefix_and_describe);
	tcase_add_test(tc, long_messages_are_cut_not_overrun);
	tcase_add_test(tc, kind_names);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

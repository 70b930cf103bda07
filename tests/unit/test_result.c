#include <stdlib.h>
#include <string.h>

#include "result.h"
#include "rendered.h"
#include "tap.h"

START_TEST(ok_with_perfdata_and_lines) {
	struct tc_result r;
	tc_result_init(&r, "TC BALANCE");
	tc_result_summary(&r, "%s available", "12,345.67");
	tc_result_line(&r, "cash: %d", 5);
	struct tc_perf p = {.label = "balance_cny",
			    .value = 1234567,
			    .scale = 2,
			    .uom = "",
			    .warn = range("3000:"),
			    .crit = range("1000:")};
	tc_result_add_perf(&r, &p);
	struct tc_perf q = {
	    .label = "owed_cny", .value = 0, .scale = 2, .uom = "", .has_min = true};
	tc_result_add_perf(&r, &q);
	char *out = render(&r);
	ck_assert_str_eq(
	    out, "TC BALANCE OK - 12,345.67 available | 'balance_cny'=12345.67;3000:;1000:;; "
		 "'owed_cny'=0;;;0;\ncash: 5\n");
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(worst_state_wins) {
	struct tc_result r;
	tc_result_init(&r, "X");
	ck_assert_int_eq(r.state, TC_OK);
	tc_result_raise(&r, TC_WARNING);
	tc_result_raise(&r, TC_OK);
	ck_assert_int_eq(r.state, TC_WARNING);
	tc_result_raise(&r, TC_UNKNOWN);
	ck_assert_int_eq(r.state, TC_WARNING);
	tc_result_raise(&r, TC_CRITICAL);
	tc_result_raise(&r, TC_WARNING);
	ck_assert_int_eq(r.state, TC_CRITICAL);
	tc_result_free(&r);
}
END_TEST

START_TEST(pipes_and_newlines_are_sanitized) {
	struct tc_result r;
	tc_result_init(&r, "X");
	tc_result_summary(&r, "a|b\nc");
	tc_result_line(&r, "d|e");
	char *out = render(&r);
	ck_assert_str_eq(out, "X OK - a/b c\nd/e\n");
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(labels_are_quoted_safely) {
	char buf[128];
	struct tc_perf p = {.label = "it's a=b",
			    .value = -150,
			    .scale = 2,
			    .uom = "s",
			    .has_max = true,
			    .max = 1000};
	tc_perf_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "'it_s a_b'=-1.5s;;;;10");
	struct tc_perf days = {.label = "days", .value = 93, .scale = 1, .uom = ""};
	tc_perf_format(&days, buf, sizeof buf);
	ck_assert_str_eq(buf, "'days'=9.3;;;;");
}
END_TEST

START_TEST(failure_drops_perfdata) {
	struct tc_result r;
	struct tc_error err;
	tc_result_init(&r, "TC BALANCE");
	struct tc_perf p = {.label = "balance_cny", .value = 1, .scale = 2};
	tc_result_add_perf(&r, &p);
	tc_result_line(&r, "stale");
	tc_error_set(&err, TC_ERR_API, "DescribeAccountBalance failed: InternalError: oops");
	strcpy(err.request_id, "abc-123");
	tc_result_fail(&r, &err, TC_CRITICAL);
	char *out = render(&r);
	ck_assert_str_eq(out, "TC BALANCE UNKNOWN - DescribeAccountBalance failed: InternalError: "
			      "oops (RequestId abc-123)\n");
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(timeout_uses_its_state) {
	struct tc_result r;
	struct tc_error err;
	tc_result_init(&r, "TC BALANCE");
	tc_error_set(&err, TC_ERR_TIMEOUT, "timed out after 2 s");
	tc_result_fail(&r, &err, TC_CRITICAL);
	ck_assert_int_eq(r.state, TC_CRITICAL);
	tc_result_fail(&r, &err, TC_UNKNOWN);
	ck_assert_int_eq(r.state, TC_UNKNOWN);
	tc_result_free(&r);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("result");
	TCase *tc = tcase_create("result");
	tcase_add_test(tc, ok_with_perfdata_and_lines);
	tcase_add_test(tc, worst_state_wins);
	tcase_add_test(tc, pipes_and_newlines_are_sanitized);
	tcase_add_test(tc, labels_are_quoted_safely);
	tcase_add_test(tc, failure_drops_perfdata);
	tcase_add_test(tc, timeout_uses_its_state);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "render.h"
#include "tap.h"
#include "utf8check.h"

static char *json_of(const struct tc_result *r) {
	struct tc_render_meta m = {"check_tc_balance", "balance", "main", 1795332737, 0, 0, NULL};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tc_render_json(r, &m, f);
	fclose(f);
	return buf;
}

START_TEST(figures_exactly) {
	struct tc_result r;
	struct tc_range w, c;
	struct tc_error err;
	tc_range_parse("3000:", &w, &err);
	tc_range_parse("1000:", &c, &err);
	tc_result_init(&r, "TC BALANCE");
	tc_result_raise(&r, TC_WARNING);
	tc_result_summary(&r, "low \"quoted\"");
	tc_result_line(&r, "cash: 1");
	tc_result_add_figure(&r, &(struct tc_figure){.name = "balance",
						     .measure = TC_MEASURE_MONEY,
						     .currency = "CNY",
						     .value = 1234567,
						     .scale = 2,
						     .limits = &(struct tc_thresholds){w, c}});
	tc_result_add_figure(&r, &(struct tc_figure){.name = "oldest_pending",
						     .measure = TC_MEASURE_MINUTES,
						     .value = 45,
						     .min_zero = true});
	tc_result_add_figure(&r, &(struct tc_figure){.name = "budget_used",
						     .measure = TC_MEASURE_PERCENT,
						     .value = 647,
						     .scale = 1});
	char *out = json_of(&r);
	ck_assert_str_eq(
	    out,
	    "{\"program\":\"check_tc_balance\",\"check\":\"balance\",\"account\":\"main\","
	    "\"state\":\"WARNING\",\"state_code\":1,\"summary\":\"low \\\"quoted\\\"\","
	    "\"lines\":[\"cash: 1\"],\"metrics\":[{\"name\":\"balance_cny\",\"value\":12345.67,"
	    "\"unit\":\"CNY\",\"warning\":\"3000:\",\"critical\":\"1000:\",\"min\":null,"
	    "\"max\":null},{\"name\":\"oldest_pending_minutes\",\"value\":45,\"unit\":\"min\","
	    "\"warning\":null,\"critical\":null,\"min\":0,\"max\":null},{\"name\":"
	    "\"budget_used\",\"value\":64.7,\"unit\":\"%\",\"warning\":null,\"critical\":null,"
	    "\"min\":null,\"max\":null}],\"values\":{\"balance_cny\":12345.67,"
	    "\"oldest_pending_minutes\":45,\"budget_used\":64.7}}\n");
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(failure_has_no_figures) {
	struct tc_result r;
	struct tc_error err;
	tc_result_init(&r, "TC BALANCE");
	tc_result_add_figure(&r, &(struct tc_figure){.name = "balance",
						     .measure = TC_MEASURE_MONEY,
						     .currency = "CNY",
						     .value = 1,
						     .scale = 2});
	tc_error_set(&err, TC_ERR_API, "boom");
	strcpy(err.code, "InternalError");
	strcpy(err.request_id, "r-1");
	tc_result_fail(&r, &err, TC_UNKNOWN);
	char *out = json_of(&r);
	ck_assert_ptr_nonnull(strstr(out,
				     "\"state\":\"UNKNOWN\",\"state_code\":3,\"summary\":\"boom "
				     "(RequestId r-1)\",\"lines\":[],\"metrics\":[],\"values\":{},"
				     "\"error\":{\"kind\":\"api\",\"code\":\"InternalError\","
				     "\"request_id\":\"r-1\"}}"));
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(strings_from_outside_are_valid_utf8) {
	struct tc_result r;
	struct tc_error err;
	struct tc_render_meta m = {
	    "check_tc_balance", "balance", "\xe4\xb8\xbb\xe8\xb4", 0, 0, 0, NULL};
	tc_result_init(&r, "TC BALANCE");
	tc_error_set(&err, TC_ERR_API, "boom");
	/* an error code and request id as a broken API could send them */
	strcpy(err.code, "Internal\xff\x1b[2J");
	strcpy(err.request_id, "r-1\xe2\x80\xae\xc3");
	tc_result_fail(&r, &err, TC_UNKNOWN);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tc_render_json(&r, &m, f);
	fclose(f);
	ck_assert_msg(utf8_valid(buf), "%s", buf);
	ck_assert_ptr_nonnull(strstr(buf, "\"account\":\"\xe4\xb8\xbb\xef\xbf\xbd\""));
	ck_assert_ptr_nonnull(strstr(buf, "\"code\":\"Internal\xef\xbf\xbd\xef\xbf\xbd[2J\""));
	ck_assert_ptr_nonnull(strstr(buf, "\"request_id\":\"r-1\xef\xbf\xbd\xef\xbf\xbd\""));
	free(buf);
	tc_result_free(&r);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("render_json");
	TCase *tc = tcase_create("render_json");
	tcase_add_test(tc, figures_exactly);
	tcase_add_test(tc, failure_has_no_figures);
	tcase_add_test(tc, strings_from_outside_are_valid_utf8);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "render.h"
#include "tap.h"

/* a program's HELP texts, given to the renderer as data */
static const struct tc_metric_help helps[] = {
    {"oldest_pending", "Age of the oldest pending order."},
    {NULL, NULL},
};

static char *prom_of(const struct tc_result *r, int64_t last_success) {
	struct tc_render_meta m = {"check_tc_pending", "pending", "acme \"a\"", 1795332737,
				   last_success,       0,         helps};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tc_render_prometheus(r, &m, f);
	fclose(f);
	return buf;
}

START_TEST(base_units_and_labels) {
	struct tc_result r;
	tc_result_init(&r, "TC PENDING");
	tc_result_add_figure(&r, &(struct tc_figure){.name = "pending_amount",
						     .measure = TC_MEASURE_MONEY,
						     .currency = "CNY",
						     .value = 170050,
						     .scale = 2,
						     .min_zero = true});
	tc_result_add_figure(&r, &(struct tc_figure){.name = "oldest_pending",
						     .measure = TC_MEASURE_MINUTES,
						     .value = 45,
						     .min_zero = true});
	tc_result_add_figure(&r, &(struct tc_figure){.name = "runway",
						     .measure = TC_MEASURE_DAYS,
						     .value = 93,
						     .scale = 1,
						     .min_zero = true});
	tc_result_add_figure(&r, &(struct tc_figure){.name = "budget_used",
						     .measure = TC_MEASURE_PERCENT,
						     .value = 647,
						     .scale = 1});
	char *out = prom_of(&r, 0);
	const char *L = "{account=\"acme \\\"a\\\"\",check=\"pending\"";
	char want[512];
	snprintf(want, sizeof want, "tencentcloud_up%s} 1\n", L);
	ck_assert_ptr_nonnull(strstr(out, want));
	snprintf(want, sizeof want, "tencentcloud_last_success_timestamp_seconds%s} 1795332737\n",
		 L);
	ck_assert_ptr_nonnull(strstr(out, want));
	snprintf(want, sizeof want, "tencentcloud_pending_amount%s,currency=\"CNY\"} 1700.5\n", L);
	ck_assert_ptr_nonnull(strstr(out, want));
	snprintf(want, sizeof want, "tencentcloud_oldest_pending_seconds%s} 2700\n", L);
	ck_assert_ptr_nonnull(strstr(out, want));
	snprintf(want, sizeof want, "tencentcloud_runway_seconds%s} 803520\n", L);
	ck_assert_ptr_nonnull(strstr(out, want));
	snprintf(want, sizeof want, "tencentcloud_budget_used_ratio%s} 0.647\n", L);
	ck_assert_ptr_nonnull(strstr(out, want));
	ck_assert_ptr_nonnull(strstr(out, "# TYPE tencentcloud_runway_seconds gauge\n"));
	ck_assert_ptr_nonnull(strstr(out, "# HELP tencentcloud_oldest_pending_seconds Age of"));
	/* a figure the table does not name still gets a HELP line */
	ck_assert_ptr_nonnull(strstr(out, "# HELP tencentcloud_runway_seconds A figure of a "
					  "tc-billing-plugins check.\n"));
	snprintf(want, sizeof want, "tencentcloud_data_age_seconds%s} 0\n", L);
	ck_assert_ptr_nonnull(strstr(out, want));
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(failure_is_up_0_without_figures) {
	struct tc_result r;
	struct tc_error err;
	tc_result_init(&r, "TC PENDING");
	tc_result_add_figure(&r, &(struct tc_figure){.name = "pending_orders",
						     .measure = TC_MEASURE_COUNT,
						     .value = 0,
						     .min_zero = true});
	tc_error_set(&err, TC_ERR_NETWORK, "down");
	tc_result_fail(&r, &err, TC_UNKNOWN);
	char *out = prom_of(&r, 1795000000);
	ck_assert_ptr_nonnull(
	    strstr(out, "tencentcloud_up{account=\"acme \\\"a\\\"\",check=\"pending\"} 0\n"));
	ck_assert_ptr_nonnull(strstr(out, "check=\"pending\"} 3\n"));
	ck_assert_ptr_nonnull(strstr(out,
				     "tencentcloud_last_success_timestamp_seconds{account=\"acme "
				     "\\\"a\\\"\",check=\"pending\"} 1795000000\n"));
	ck_assert_ptr_null(strstr(out, "pending_orders"));
	ck_assert_ptr_null(strstr(out, "data_age"));
	free(out);
	out = prom_of(&r, 0);
	ck_assert_ptr_null(strstr(out, "last_success"));
	free(out);
	tc_result_free(&r);
}
END_TEST

/* Data served stale from the cache says how old it is, and its last success is when
 * it was fetched, not now. */
START_TEST(stale_data_says_its_age) {
	struct tc_result r;
	tc_result_init(&r, "TC PENDING");
	tc_result_add_figure(&r, &(struct tc_figure){.name = "pending_orders",
						     .measure = TC_MEASURE_COUNT,
						     .value = 2,
						     .min_zero = true});
	struct tc_render_meta m = {
	    "check_tc_pending", "pending", "main", 1795332737, 0, 7200, helps};
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	tc_render_prometheus(&r, &m, f);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(out, "tencentcloud_last_success_timestamp_seconds{account="
					  "\"main\",check=\"pending\"} 1795325537\n"));
	ck_assert_ptr_nonnull(strstr(
	    out, "tencentcloud_data_age_seconds{account=\"main\",check=\"pending\"} 7200\n"));
	ck_assert_ptr_nonnull(strstr(out, "# TYPE tencentcloud_data_age_seconds gauge\n"));
	free(out);
	tc_result_free(&r);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("render_prom");
	TCase *tc = tcase_create("render_prom");
	tcase_add_test(tc, base_units_and_labels);
	tcase_add_test(tc, failure_is_up_0_without_figures);
	tcase_add_test(tc, stale_data_says_its_age);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

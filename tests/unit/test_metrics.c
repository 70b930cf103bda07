/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "tap.h"
#include "tencentcloud/metrics.h"

/* One text per figure name, each a sentence, so that node_exporter never sees two
 * HELP lines for one metric. */
START_TEST(one_sentence_per_name) {
	size_t n = 0;
	for (; tc_billing_metric_help[n].name; n++) {
		const char *help = tc_billing_metric_help[n].help;
		ck_assert_ptr_nonnull(help);
		ck_assert_uint_gt(strlen(help), 1);
		ck_assert_msg(help[strlen(help) - 1] == '.', "%s", tc_billing_metric_help[n].name);
		for (size_t k = 0; k < n; k++) {
			ck_assert_str_ne(tc_billing_metric_help[k].name,
					 tc_billing_metric_help[n].name);
		}
	}
	ck_assert_uint_ge(n, 31);
}
END_TEST

/* The renderer writes the table's text for a figure, in base units' metric names. */
START_TEST(rendered_as_help_lines) {
	struct tc_result r;
	tc_result_init(&r, "TC BALANCE");
	tc_result_add_figure(
	    &r, &(struct tc_figure){.name = "owed", TC_FIGURE_MONEY("CNY", 0), .min_zero = true});
	tc_result_add_figure(
	    &r, &(struct tc_figure){
		    .name = "runway", .measure = TC_MEASURE_DAYS, .value = 3, .min_zero = true});
	struct tc_render_meta m = {.program = "check_tc_balance",
				   .check = "balance",
				   .account = "main",
				   .now = 1795332737,
				   .help = tc_billing_metric_help};
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	tc_render_prometheus(&r, &m, f);
	fclose(f);
	ck_assert_ptr_nonnull(
	    strstr(out, "# HELP tencentcloud_owed Amount in arrears (OweAmount).\n"));
	ck_assert_ptr_nonnull(strstr(out, "# HELP tencentcloud_runway_seconds Time until the "
					  "available funds run out at the recent daily spend.\n"));
	free(out);
	tc_result_free(&r);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("metrics");
	TCase *tc = tcase_create("metrics");
	tcase_add_test(tc, one_sentence_per_name);
	tcase_add_test(tc, rendered_as_help_lines);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rendered.h"
#include "runway_logic.h"
#include "tap.h"

#define YUAN "\xc2\xa5"

static struct runway_config config(void) {
	struct runway_config c = {.limits = {range("14:"), range("7:")}, .currency = "CNY"};
	return c;
}

/* `daily` cents a day over 7 days, month 10 days in of 30 */
static struct runway_input input(int64_t available, int64_t daily) {
	struct runway_input in = {.available = available,
				  .spend = daily * 7,
				  .spend_seconds = 7 * 86400,
				  .spend_words = "the last 7 days",
				  .month_to_date = daily * 10,
				  .month_elapsed = 10 * 86400,
				  .month_length = 30 * 86400};
	return in;
}

static char *evaluate(const struct runway_input *in, const struct runway_config *c,
		      enum tc_state *s) {
	struct tc_result r;
	tc_result_init(&r, "TC RUNWAY");
	runway_evaluate(in, c, &r);
	*s = r.state;
	char *out = render_first(&r);
	tc_result_free(&r);
	return out;
}

START_TEST(runway_days) {
	struct runway_config c = config();
	enum tc_state s;
	struct runway_input in = input(1120400, 120450);
	char *out = evaluate(&in, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_str_eq(out, "TC RUNWAY WARNING - runway 9.3 days at " YUAN "1,204.50/day | "
			      "'runway_days'=9.3;14:;7:;0; 'daily_spend_cny'=1204.5;;;0; "
			      "'mtd_spend_cny'=12045;;;0;");
	free(out);
}
END_TEST

/* One row: `available` cents at `daily` cents a day under -w/-c on the runway
 * days, and the exact first line with its state and the line that says why. */
struct row {
	int64_t available, daily;
	const char *w, *c;
	enum tc_state state;
	const char *line, *why; /* why: the first long-output line */
};

static void check_rows(const struct row *rows, size_t n) {
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		const struct row *x = &rows[i];
		struct runway_config c = config();
		c.limits = (struct tc_thresholds){range(x->w), range(x->c)};
		struct runway_input in = input(x->available, x->daily);
		struct tc_result r;
		tc_result_init(&r, "TC RUNWAY");
		runway_evaluate(&in, &c, &r);
		char *out = render_first(&r);
		bad += row_differs(i, out, r.state, x->line, x->state);
		if (r.nlines == 0 || strcmp(r.lines[0], x->why) != 0) {
			fprintf(stderr, "row %zu: then '%s'\n", i, r.nlines ? r.lines[0] : "");
			bad++;
		}
		free(out);
		tc_result_free(&r);
	}
	ROWS_AGREE(bad, n);
}

/* The runway is judged in tenths of a day, as shown: 13.9999 days is 13.9. */
START_TEST(boundaries_on_what_is_shown) {
	static const struct row rows[] = {
	    {140000, 10000, "14:", "7:", TC_OK,
	     "TC RUNWAY OK - runway 14.0 days at " YUAN
	     "100.00/day | 'runway_days'=14;14:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "available: " YUAN "1,400.00"},
	    {139999, 10000, "14:", "7:", TC_WARNING,
	     "TC RUNWAY WARNING - runway 13.9 days at " YUAN
	     "100.00/day | 'runway_days'=13.9;14:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "warning: runway below 14.0 days"},
	    {70000, 10000, "14:", "7:", TC_WARNING,
	     "TC RUNWAY WARNING - runway 7.0 days at " YUAN
	     "100.00/day | 'runway_days'=7;14:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "warning: runway below 14.0 days"},
	    {69999, 10000, "14:", "7:", TC_CRITICAL,
	     "TC RUNWAY CRITICAL - runway 6.9 days at " YUAN
	     "100.00/day | 'runway_days'=6.9;14:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "critical: runway below 7.0 days"},
	    {0, 10000, "14:", "7:", TC_CRITICAL,
	     "TC RUNWAY CRITICAL - runway 0.0 days at " YUAN
	     "100.00/day | 'runway_days'=0;14:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "critical: runway below 7.0 days"},
	    /* a threshold finer than tenths (14.05 days): 14.0 and 14.0x days are below it,
	     * and the bound is shown to the tenth, as the runway is */
	    {140499, 10000, "14.05:", "7:", TC_WARNING,
	     "TC RUNWAY WARNING - runway 14.0 days at " YUAN
	     "100.00/day | 'runway_days'=14;14.05:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "warning: runway below 14.0 days"},
	    {140500, 10000, "14.05:", "7:", TC_WARNING,
	     "TC RUNWAY WARNING - runway 14.0 days at " YUAN
	     "100.00/day | 'runway_days'=14;14.05:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "warning: runway below 14.0 days"},
	    {140999, 10000, "14.05:", "7:", TC_WARNING,
	     "TC RUNWAY WARNING - runway 14.0 days at " YUAN
	     "100.00/day | 'runway_days'=14;14.05:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "warning: runway below 14.0 days"},
	    {141000, 10000, "14.05:", "7:", TC_OK,
	     "TC RUNWAY OK - runway 14.1 days at " YUAN
	     "100.00/day | 'runway_days'=14.1;14.05:;7:;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "available: " YUAN "1,410.00"},
	    /* '@' and '~' */
	    {100000, 10000, "@5:10", "~:100", TC_WARNING,
	     "TC RUNWAY WARNING - runway 10.0 days at " YUAN
	     "100.00/day | 'runway_days'=10;@5:10;~:100;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "warning: runway between 5.0 days and 10.0 days"},
	    {2000000, 10000, "@5:10", "~:100", TC_CRITICAL,
	     "TC RUNWAY CRITICAL - runway 200.0 days at " YUAN
	     "100.00/day | 'runway_days'=200;@5:10;~:100;0; 'daily_spend_cny'=100;;;0; "
	     "'mtd_spend_cny'=1000;;;0;",
	     "critical: runway above 100.0 days"},
	};
	CHECK(rows);
}
END_TEST

START_TEST(no_spend_and_refunds) {
	struct runway_config c = config();
	enum tc_state s;
	struct runway_input in = input(300000, 0);
	char *out = evaluate(&in, &c, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_str_eq(out,
			 "TC RUNWAY OK - no spend in the last 7 days: runway unlimited (" YUAN
			 "3,000.00 available) | 'daily_spend_cny'=0;;;0; 'mtd_spend_cny'=0;;;0;");
	free(out);
	in.spend = -500; /* a refund week */
	free(evaluate(&in, &c, &s));
	ck_assert_int_eq(s, TC_OK);
}
END_TEST

START_TEST(arrears) {
	struct runway_config c = config();
	enum tc_state s;
	struct runway_input in = input(-10000, 10000);
	in.arrears = true;
	in.owed = 10000;
	char *out = evaluate(&in, &c, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(out, "in arrears: " YUAN "100.00 owed; runway 0 days"));
	free(out);
}
END_TEST

START_TEST(budget) {
	struct runway_config c = config();
	enum tc_state s;
	struct runway_input in = input(100000000, 10000); /* 100.00 a day, 1,000.00 so far */
	c.has_budget = true;
	c.budget = 400000; /* forecast 3,000.00 */
	char *out = evaluate(&in, &c, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(
	    strstr(out, "; budget 25.0% used, forecast " YUAN "3,000.00 of " YUAN "4,000.00 |"));
	ck_assert_ptr_nonnull(strstr(out, "'budget_used'=25%;;;;"));
	free(out);
	c.budget = 300000; /* forecast exactly on it: not over */
	free(evaluate(&in, &c, &s));
	ck_assert_int_eq(s, TC_OK);
	c.budget = 299999;
	free(evaluate(&in, &c, &s));
	ck_assert_int_eq(s, TC_WARNING);
	c.budget = 99999;
	free(evaluate(&in, &c, &s));
	ck_assert_int_eq(s, TC_CRITICAL);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("runway_logic");
	TCase *t0 = tcase_create("thresholds");
	tcase_add_test(t0, boundaries_on_what_is_shown);
	tcase_add_test(t0, budget);
	suite_add_tcase(s, t0);
	TCase *t1 = tcase_create("arrears");
	tcase_add_test(t1, arrears);
	suite_add_tcase(s, t1);
	TCase *t2 = tcase_create("empty or absent data");
	tcase_add_test(t2, no_spend_and_refunds);
	suite_add_tcase(s, t2);
	TCase *t3 = tcase_create("formatting");
	tcase_add_test(t3, runway_days);
	suite_add_tcase(s, t3);
	return s;
}

TC_TEST_MAIN(suite)

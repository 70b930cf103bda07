/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rendered.h"
#include "runway_logic.h"
#include "tap.h"

#define YUAN "\xc2\xa5"

static struct runway_config config(void) {
	struct runway_config c = {
	    .warning = range("14:"), .critical = range("7:"), .currency = "CNY"};
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

START_TEST(boundaries_on_what_is_shown) {
	struct runway_config c = config();
	enum tc_state s;
	struct runway_input at = input(140000, 10000), below = input(139999, 10000);
	free(evaluate(&at, &c, &s));
	ck_assert_int_eq(s, TC_OK);
	char *out = evaluate(&below, &c, &s); /* 13.9999 days shows and counts as 13.9 */
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_ptr_nonnull(strstr(out, "runway 13.9 days"));
	free(out);
	struct runway_input seven = input(70000, 10000);
	free(evaluate(&seven, &c, &s));
	ck_assert_int_eq(s, TC_WARNING);
	struct runway_input empty = input(0, 10000);
	out = evaluate(&empty, &c, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(out, "runway 0.0 days"));
	free(out);
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
	TCase *tc = tcase_create("runway_logic");
	tcase_add_test(tc, runway_days);
	tcase_add_test(tc, boundaries_on_what_is_shown);
	tcase_add_test(tc, no_spend_and_refunds);
	tcase_add_test(tc, arrears);
	tcase_add_test(tc, budget);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

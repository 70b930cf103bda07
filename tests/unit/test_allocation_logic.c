/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "allocation_logic.h"
#include "money.h"
#include "rendered.h"
#include "tap.h"

#define YUAN "\xc2\xa5"

static struct allocation_config config(void) {
	struct allocation_config c = {.warning = range("1000:"),
				      .critical = range("100:"),
				      .currency = "CNY",
				      .pool_name = "admin account"};
	return c;
}

static struct tc_fund_account account(const char *uin, const char *name, int64_t available,
				      int64_t owed) {
	struct tc_fund_account a = {.available = available, .owed = owed, .arrears = owed > 0};
	snprintf(a.uin, sizeof a.uin, "%s", uin);
	snprintf(a.name, sizeof a.name, "%s", name);
	return a;
}

static char *evaluate(int64_t pool, const struct tc_fund_account *a, size_t n,
		      const struct allocation_config *c, enum tc_state *s) {
	struct tc_result r;
	tc_result_init(&r, "TC ALLOCATION");
	allocation_evaluate(pool, a, n, c, &r);
	*s = r.state;
	char *out = render_first(&r);
	tc_result_free(&r);
	return out;
}

START_TEST(allocate_or_top_up) {
	struct allocation_config c = config();
	enum tc_state s;
	struct tc_fund_account a[] = {account("1", "a", 50000, 0), account("2", "b", 500000, 0)};
	char *out = evaluate(1000000, a, 2, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_str_eq(out, "TC ALLOCATION WARNING - 1 of 2 accounts low: allocate " YUAN
			      "500.00 from the " YUAN "10,000.00 pool | 'pool_cny'=10000;;;; "
			      "'accounts_available_cny'=5500;;;; 'accounts_checked'=2;;;0; "
			      "'accounts_low'=1;;;0; 'shortfall_cny'=500;;;0;");
	free(out);
	out = evaluate(49999, a, 2, &c, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(out, "short " YUAN "500.00: the " YUAN
					  "499.99 pool cannot cover it, top up " YUAN "0.01 |"));
	free(out);
	/* exactly enough is enough */
	out = evaluate(50000, a, 2, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	free(out);
}
END_TEST

START_TEST(arrears_and_critical) {
	struct allocation_config c = config();
	enum tc_state s;
	struct tc_fund_account owing = account("1", "a", 500000, 1);
	free(evaluate(1000000, &owing, 1, &c, &s));
	ck_assert_int_eq(s, TC_CRITICAL);
	struct tc_fund_account at = account("1", "a", 10000, 0), below = account("1", "a", 9999, 0);
	free(evaluate(1000000, &at, 1, &c, &s));
	ck_assert_int_eq(s, TC_WARNING);
	free(evaluate(1000000, &below, 1, &c, &s));
	ck_assert_int_eq(s, TC_CRITICAL);
	/* shortfall of an account in arrears counts from its negative balance */
	struct tc_fund_account neg = account("1", "a", -20000, 20000);
	char *out = evaluate(1000000, &neg, 1, &c, &s);
	ck_assert_ptr_nonnull(strstr(out, "allocate " YUAN "1,200.00"));
	free(out);
}
END_TEST

/* A credit member's normal use of its line shows as OweAmount: not arrears, and
 * judged on the credit it has left. */
START_TEST(credit_member_in_use) {
	struct allocation_config c = config();
	enum tc_state s;
	struct tc_fund_account m = account("1", "a", 9500000, 500000);
	m.credit = true;
	m.arrears = false;
	char *out = evaluate(1000000, &m, 1, &c, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(strstr(out, "'accounts_available_cny'=95000;"));
	free(out);
	m.arrears = true; /* owes more than its line */
	free(evaluate(1000000, &m, 1, &c, &s));
	ck_assert_int_eq(s, TC_CRITICAL);
}
END_TEST

/* An --include or --exclude entry that names no account is reported, not ignored. */
START_TEST(unmatched_entries) {
	struct tc_fund_account a[] = {account("300000000001", "team", 1, 0),
				      account("300000000002", "", 1, 0)};
	char entry[64];
	ck_assert(!allocation_unmatched(NULL, a, 2, entry, sizeof entry));
	ck_assert(!allocation_unmatched("", a, 2, entry, sizeof entry));
	ck_assert(!allocation_unmatched("team,300000000002", a, 2, entry, sizeof entry));
	ck_assert(!allocation_unmatched("team,,300000000002", a, 2, entry, sizeof entry));
	ck_assert(allocation_unmatched("team,30000000002", a, 2, entry, sizeof entry));
	ck_assert_str_eq(entry, "30000000002");
	ck_assert(allocation_unmatched("teams", a, 2, entry, sizeof entry));
	ck_assert_str_eq(entry, "teams");
	ck_assert(allocation_unmatched("x", a, 0, entry, sizeof entry));
}
END_TEST

START_TEST(funded_and_pool_ranges) {
	struct allocation_config c = config();
	enum tc_state s;
	struct tc_fund_account a = account("1", "a", 500000, 0);
	c.pool_critical = range("20000:");
	char *out = evaluate(1000000, &a, 1, &c, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(
	    strstr(out, "1 account funded; " YUAN "10,000.00 unallocated in the pool"));
	free(out);
	out = evaluate(0, NULL, 0, &c, &s);
	ck_assert_ptr_nonnull(strstr(out, "0 accounts funded"));
	free(out);
}
END_TEST

START_TEST(selection) {
	struct tc_fund_account a = account("300000000201", "data-lab", 0, 0);
	ck_assert(allocation_selected(&a, NULL, NULL));
	ck_assert(allocation_selected(&a, "x,data-lab", NULL));
	ck_assert(!allocation_selected(&a, "data", NULL));
	ck_assert(!allocation_selected(&a, NULL, "300000000201"));
	ck_assert(!allocation_selected(&a, "data-lab", "data-lab"));
	ck_assert(allocation_selected(&a, "", ""));
}
END_TEST

START_TEST(discovery) {
	struct tc_fund_account a[] = {account("1", "a \"quoted\"", 0, 0), account("2", "", 0, 0)};
	char *json = allocation_discovery(a, 2);
	ck_assert_str_eq(json, "{\"data\":[{\"{#UIN}\":\"1\",\"{#NAME}\":\"a \\\"quoted\\\"\"},"
			       "{\"{#UIN}\":\"2\",\"{#NAME}\":\"\"}]}");
	free(json);
}
END_TEST

START_TEST(absurd_sum) {
	struct allocation_config c = config();
	enum tc_state s;
	struct tc_fund_account a[] = {account("1", "a", TC_MONEY_ABSURD, 0),
				      account("2", "b", TC_MONEY_ABSURD, 0)};
	char *out = evaluate(0, a, 2, &c, &s);
	ck_assert_int_eq(s, TC_UNKNOWN);
	ck_assert_str_eq(out, "TC ALLOCATION UNKNOWN - the accounts add up to an absurd amount");
	free(out);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("allocation_logic");
	TCase *tc = tcase_create("allocation_logic");
	tcase_add_test(tc, absurd_sum);
	tcase_add_test(tc, allocate_or_top_up);
	tcase_add_test(tc, arrears_and_critical);
	tcase_add_test(tc, funded_and_pool_ranges);
	tcase_add_test(tc, selection);
	tcase_add_test(tc, credit_member_in_use);
	tcase_add_test(tc, unmatched_entries);
	tcase_add_test(tc, discovery);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

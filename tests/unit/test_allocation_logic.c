/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "allocation_logic.h"
#include "money.h"
#include "rendered.h"
#include "tap.h"

#define YUAN "\xc2\xa5"

static struct allocation_config config(void) {
	struct allocation_config c = {.limits = {range("1000:"), range("100:")},
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

/* One row: one account (available and owed cents) and the pool under -w/-c on
 * the accounts, and the exact first line with its state. */
struct row {
	int64_t available, owed, pool;
	const char *w, *c;
	enum tc_state state;
	const char *line;
};

static char *row_output(const struct row *x, enum tc_state *s) {
	struct allocation_config c = config();
	c.limits = (struct tc_thresholds){range(x->w), range(x->c)};
	struct tc_fund_account a = account("1", "a", x->available, x->owed);
	return evaluate(x->pool, &a, 1, &c, s);
}

ROWS_CHECKER(struct row, row_output)

/* -w 1000: -c 100: on each account, ends inclusive; the gap to the warning level is
 * what to allocate. */
START_TEST(account_thresholds) {
	static const struct row rows[] = {
	    {100000, 0, 0, "1000:", "100:", TC_OK,
	     "TC ALLOCATION OK - 1 account funded; " YUAN
	     "0.00 unallocated in the pool | 'pool_cny'=0;;;; 'accounts_available_cny'=1000;;;; "
	     "'accounts_checked'=1;;;0; 'accounts_low'=0;;;0; 'shortfall_cny'=0;;;0;"},
	    {99999, 0, 100000, "1000:", "100:", TC_WARNING,
	     "TC ALLOCATION WARNING - 1 of 1 accounts low: allocate " YUAN "0.01 from the " YUAN
	     "1,000.00 pool | 'pool_cny'=1000;;;; 'accounts_available_cny'=999.99;;;; "
	     "'accounts_checked'=1;;;0; 'accounts_low'=1;;;0; 'shortfall_cny'=0.01;;;0;"},
	    {10000, 0, 100000, "1000:", "100:", TC_WARNING,
	     "TC ALLOCATION WARNING - 1 of 1 accounts low: allocate " YUAN "900.00 from the " YUAN
	     "1,000.00 pool | 'pool_cny'=1000;;;; 'accounts_available_cny'=100;;;; "
	     "'accounts_checked'=1;;;0; 'accounts_low'=1;;;0; 'shortfall_cny'=900;;;0;"},
	    {9999, 0, 100000, "1000:", "100:", TC_CRITICAL,
	     "TC ALLOCATION CRITICAL - 1 of 1 accounts low: allocate " YUAN "900.01 from the " YUAN
	     "1,000.00 pool | 'pool_cny'=1000;;;; 'accounts_available_cny'=99.99;;;; "
	     "'accounts_checked'=1;;;0; 'accounts_low'=1;;;0; 'shortfall_cny'=900.01;;;0;"},
	    /* no "N:" to bring it back to: low, with nothing computed to allocate */
	    {50000, 0, 100000, "@0:1000", "~:", TC_WARNING,
	     "TC ALLOCATION WARNING - 1 of 1 accounts low: allocate " YUAN "0.00 from the " YUAN
	     "1,000.00 pool | 'pool_cny'=1000;;;; 'accounts_available_cny'=500;;;; "
	     "'accounts_checked'=1;;;0; 'accounts_low'=1;;;0; 'shortfall_cny'=0;;;0;"},
	    /* a decimal level, to the cent */
	    {100000, 0, 100000, "1000.01:", "100:", TC_WARNING,
	     "TC ALLOCATION WARNING - 1 of 1 accounts low: allocate " YUAN "0.01 from the " YUAN
	     "1,000.00 pool | 'pool_cny'=1000;;;; 'accounts_available_cny'=1000;;;; "
	     "'accounts_checked'=1;;;0; 'accounts_low'=1;;;0; 'shortfall_cny'=0.01;;;0;"},
	};
	CHECK(rows);
}
END_TEST

/* An account in arrears is CRITICAL whatever -w/-c say. */
START_TEST(arrears_whatever_the_thresholds) {
	static const struct row rows[] = {
	    {500000, 1, 100000, "1000:", "100:", TC_CRITICAL,
	     "TC ALLOCATION CRITICAL - 1 of 1 accounts low: allocate " YUAN "0.00 from the " YUAN
	     "1,000.00 pool | 'pool_cny'=1000;;;; 'accounts_available_cny'=5000;;;; "
	     "'accounts_checked'=1;;;0; 'accounts_low'=1;;;0; 'shortfall_cny'=0;;;0;"},
	    {-100, 100, 100000, "~:", "~:", TC_CRITICAL,
	     "TC ALLOCATION CRITICAL - 1 of 1 accounts low: allocate " YUAN "0.00 from the " YUAN
	     "1,000.00 pool | 'pool_cny'=1000;;;; 'accounts_available_cny'=-1;;;; "
	     "'accounts_checked'=1;;;0; 'accounts_low'=1;;;0; 'shortfall_cny'=0;;;0;"},
	};
	CHECK(rows);
}
END_TEST

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
	c.pool.critical = range("20000:");
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
	TCase *t0 = tcase_create("thresholds");
	tcase_add_test(t0, account_thresholds);
	tcase_add_test(t0, funded_and_pool_ranges);
	tcase_add_test(t0, allocate_or_top_up);
	suite_add_tcase(s, t0);
	TCase *t1 = tcase_create("arrears");
	tcase_add_test(t1, arrears_whatever_the_thresholds);
	tcase_add_test(t1, arrears_and_critical);
	tcase_add_test(t1, credit_member_in_use);
	suite_add_tcase(s, t1);
	TCase *t2 = tcase_create("empty or absent data");
	tcase_add_test(t2, absurd_sum);
	suite_add_tcase(s, t2);
	TCase *t3 = tcase_create("selection and discovery");
	tcase_add_test(t3, selection);
	tcase_add_test(t3, unmatched_entries);
	tcase_add_test(t3, discovery);
	suite_add_tcase(s, t3);
	return s;
}

TC_TEST_MAIN(suite)

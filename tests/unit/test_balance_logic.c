/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "balance_logic.h"
#include "rendered.h"
#include "tap.h"

static struct tc_balance account(int64_t real, int64_t owe) {
	struct tc_balance b = {0};
	b.real_balance = (struct tc_amount){true, real};
	b.owe = (struct tc_amount){true, owe};
	return b;
}

/* Runs the logic with -w/-c and returns the first line; *state gets the state. */
static char *first_line(const struct tc_balance *b, const char *w, const char *c,
			const char *currency, enum tc_state *state) {
	struct tc_result r;
	struct balance_config cfg = {.limits = {range(w), range(c)}, .currency = currency};
	tc_result_init(&r, "TC BALANCE");
	balance_evaluate(b, &cfg, &r);
	*state = r.state;
	char *buf = render_first(&r);
	tc_result_free(&r);
	return buf;
}

#define YUAN "\xc2\xa5"

static void expect(const struct tc_balance *b, const char *w, const char *c, enum tc_state want,
		   const char *line) {
	enum tc_state s;
	char *got = first_line(b, w, c, "CNY", &s);
	ck_assert_str_eq(got, line);
	ck_assert_int_eq(s, want);
	free(got);
}

/* One row: an account without credit (RealBalance, OweAmount in cents), -w, -c and
 * the currency, and the exact first line with its state. */
struct row {
	int64_t real, owe;
	const char *w, *c, *currency;
	enum tc_state state;
	const char *line;
};

static char *row_output(const struct row *x, enum tc_state *s) {
	struct tc_balance b = account(x->real, x->owe);
	return first_line(&b, x->w, x->c, x->currency, s);
}

ROWS_CHECKER(struct row, row_output)

START_TEST(states) {
	static const struct row rows[] = {
	    {1234567, 0, "3000:", "1000:", "CNY", TC_OK,
	     "TC BALANCE OK - " YUAN "12,345.67 available | 'balance_cny'=12345.67;3000:;1000:;; "
	     "'owed_cny'=0;;;0;"},
	    {250000, 0, "3000:", "1000:", "CNY", TC_WARNING,
	     "TC BALANCE WARNING - " YUAN "2,500.00 available (warning: below " YUAN
	     "3,000.00) | 'balance_cny'=2500;3000:;1000:;; 'owed_cny'=0;;;0;"},
	    {50000, 0, "3000:", "1000:", "CNY", TC_CRITICAL,
	     "TC BALANCE CRITICAL - " YUAN "500.00 available (critical: below " YUAN
	     "1,000.00) | 'balance_cny'=500;3000:;1000:;; 'owed_cny'=0;;;0;"},
	    /* '@' alerts inside the range, '~' is minus infinity */
	    {150000, 0, "@1000:2000", "~:5000", "CNY", TC_WARNING,
	     "TC BALANCE WARNING - " YUAN "1,500.00 available (warning: between " YUAN
	     "1,000.00 and " YUAN "2,000.00) | 'balance_cny'=1500;@1000:2000;~:5000;; "
	     "'owed_cny'=0;;;0;"},
	    {600000, 0, "@1000:2000", "~:5000", "CNY", TC_CRITICAL,
	     "TC BALANCE CRITICAL - " YUAN "6,000.00 available (critical: above " YUAN
	     "5,000.00) | 'balance_cny'=6000;@1000:2000;~:5000;; 'owed_cny'=0;;;0;"},
	};
	CHECK(rows);
}
END_TEST

/* Range ends are inclusive, and decimal thresholds compare to the cent. */
START_TEST(boundaries_are_inclusive) {
	static const struct row rows[] = {
	    {300000, 0, "3000:", "1000:", "CNY", TC_OK,
	     "TC BALANCE OK - " YUAN "3,000.00 available | 'balance_cny'=3000;3000:;1000:;; "
	     "'owed_cny'=0;;;0;"},
	    {299999, 0, "3000:", "1000:", "CNY", TC_WARNING,
	     "TC BALANCE WARNING - " YUAN "2,999.99 available (warning: below " YUAN
	     "3,000.00) | 'balance_cny'=2999.99;3000:;1000:;; 'owed_cny'=0;;;0;"},
	    {100000, 0, "3000:", "1000:", "CNY", TC_WARNING,
	     "TC BALANCE WARNING - " YUAN "1,000.00 available (warning: below " YUAN
	     "3,000.00) | 'balance_cny'=1000;3000:;1000:;; 'owed_cny'=0;;;0;"},
	    {99999, 0, "3000:", "1000:", "CNY", TC_CRITICAL,
	     "TC BALANCE CRITICAL - " YUAN "999.99 available (critical: below " YUAN
	     "1,000.00) | 'balance_cny'=999.99;3000:;1000:;; 'owed_cny'=0;;;0;"},
	    {100049, 0, "1000.5:", "0:", "CNY", TC_WARNING,
	     "TC BALANCE WARNING - " YUAN "1,000.49 available (warning: below " YUAN
	     "1,000.50) | 'balance_cny'=1000.49;1000.5:;0:;; 'owed_cny'=0;;;0;"},
	    {100050, 0, "1000.5:", "0:", "CNY", TC_OK,
	     "TC BALANCE OK - " YUAN "1,000.50 available | 'balance_cny'=1000.5;1000.5:;0:;; "
	     "'owed_cny'=0;;;0;"},
	};
	CHECK(rows);
}
END_TEST

START_TEST(arrears_is_critical_whatever_the_thresholds) {
	struct tc_balance b = account(-123456, 123456);
	expect(&b, "~:", "~:", TC_CRITICAL,
	       "TC BALANCE CRITICAL - in arrears: " YUAN "1,234.56 owed, -" YUAN
	       "1,234.56 available | "
	       "'balance_cny'=-1234.56;~:;~:;; 'owed_cny'=1234.56;;;0;");
	/* even a positive balance with something owed */
	struct tc_balance c = account(500000, 1);
	enum tc_state s;
	free(first_line(&c, "3000:", "1000:", "CNY", &s));
	ck_assert_int_eq(s, TC_CRITICAL);
}
END_TEST

START_TEST(credit_accounts_use_available_credit) {
	struct tc_balance b = account(-500000, 500000);
	b.credit_amount = (struct tc_amount){true, 10000000};
	b.real_credit_balance = (struct tc_amount){true, 9500000};
	expect(&b, "3000:", "1000:", TC_OK,
	       "TC BALANCE OK - " YUAN "95,000.00 available credit of " YUAN "100,000.00 limit | "
	       "'balance_cny'=-5000;;;; 'owed_cny'=5000;;;0; 'credit_limit_cny'=100000;;;0; "
	       "'credit_available_cny'=95000;3000:;1000:;;");
	/* without RealCreditBalance it is RealBalance + CreditAmount */
	b.real_credit_balance.present = false;
	b.credit_amount.cents = 600000;
	expect(&b, "3000:", "1000.01:", TC_CRITICAL,
	       "TC BALANCE CRITICAL - " YUAN "1,000.00 available credit of " YUAN "6,000.00 limit "
	       "(critical: below " YUAN "1,000.01) | 'balance_cny'=-5000;;;; 'owed_cny'=5000;;;0; "
	       "'credit_limit_cny'=6000;;;0; 'credit_available_cny'=1000;3000:;1000.01:;;");
}
END_TEST

START_TEST(credit_exhausted_is_arrears) {
	struct tc_balance b = account(-1200000, 1200000);
	b.credit_amount = (struct tc_amount){true, 1000000};
	b.real_credit_balance = (struct tc_amount){true, -200000};
	enum tc_state s;
	char *line = first_line(&b, "3000:", "1000:", "CNY", &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(
	    strstr(line, "in arrears: " YUAN "12,000.00 owed, -" YUAN "2,000.00 available credit"));
	free(line);
}
END_TEST

START_TEST(currency_in_labels_and_words) {
	static const struct row rows[] = {
	    {9900, 0, "50:", "10:", "USD", TC_OK,
	     "TC BALANCE OK - $99.00 available | 'balance_usd'=99;50:;10:;; 'owed_usd'=0;;;0;"},
	    {4999, 0, "50:", "10:", "USD", TC_WARNING,
	     "TC BALANCE WARNING - $49.99 available (warning: below $50.00) | "
	     "'balance_usd'=49.99;50:;10:;; 'owed_usd'=0;;;0;"},
	    {-5, 0, "50:", "10:", "EUR", TC_CRITICAL,
	     "TC BALANCE CRITICAL - -0.05 EUR available (critical: below 10.00 EUR) | "
	     "'balance_eur'=-0.05;50:;10:;; 'owed_eur'=0;;;0;"},
	};
	CHECK(rows);
}
END_TEST

START_TEST(long_output_breakdown) {
	struct tc_balance b = account(1000000, 0);
	b.cash = (struct tc_amount){true, 900000};
	b.present = (struct tc_amount){true, 150000};
	b.income = (struct tc_amount){true, 0};
	b.freeze = (struct tc_amount){true, 50000};
	snprintf(b.uin, sizeof b.uin, "100000000001");
	struct tc_result r;
	struct balance_config cfg = {.limits = {range("3000:"), range("1000:")}, .currency = "CNY"};
	tc_result_init(&r, "TC BALANCE");
	balance_evaluate(&b, &cfg, &r);
	ck_assert_int_eq(r.nlines, 7);
	ck_assert_str_eq(r.lines[0], "available balance: " YUAN "10,000.00");
	ck_assert_str_eq(r.lines[1], "cash: " YUAN "9,000.00");
	ck_assert_str_eq(r.lines[2], "gift: " YUAN "1,500.00");
	ck_assert_str_eq(r.lines[3], "income: " YUAN "0.00");
	ck_assert_str_eq(r.lines[4], "frozen: " YUAN "500.00");
	ck_assert_str_eq(r.lines[5], "owed: " YUAN "0.00");
	ck_assert_str_eq(r.lines[6], "account UIN: 100000000001");
	ck_assert_int_eq(r.nperf, 6);
	tc_result_free(&r);
}
END_TEST

/* International site: cash, income and gift are documented as "not applied";
 * zeros there are not shown as money, amounts that are there still are. */
START_TEST(intl_hides_not_applied_zeros) {
	struct tc_balance b = account(1250000, 0);
	b.cash = (struct tc_amount){true, 0};
	b.present = (struct tc_amount){true, 0};
	b.income = (struct tc_amount){true, 0};
	b.freeze = (struct tc_amount){true, 0};
	struct tc_result r;
	struct balance_config cfg = {
	    .limits = {range("50:"), range("10:")}, .currency = "USD", .intl = true};
	tc_result_init(&r, "TC BALANCE");
	balance_evaluate(&b, &cfg, &r);
	ck_assert_int_eq(r.nlines, 3);
	ck_assert_str_eq(r.lines[0], "available balance: $12,500.00");
	ck_assert_str_eq(r.lines[1], "frozen: $0.00");
	ck_assert_str_eq(r.lines[2], "owed: $0.00");
	ck_assert_int_eq(r.nperf, 3);
	tc_result_free(&r);
	b.cash.cents = 1250000;
	tc_result_init(&r, "TC BALANCE");
	balance_evaluate(&b, &cfg, &r);
	ck_assert_int_eq(r.nlines, 4);
	ck_assert_str_eq(r.lines[1], "cash: $12,500.00");
	tc_result_free(&r);
}
END_TEST

/* TempCredit comes back when asked for; shown whenever it holds money. */
START_TEST(temporary_credit_shown) {
	struct tc_balance b = account(100000, 0);
	b.temp_credit = (struct tc_amount){true, 200000};
	struct tc_result r;
	struct balance_config cfg = {.limits = {range("50:"), range("10:")}, .currency = "CNY"};
	tc_result_init(&r, "TC BALANCE");
	balance_evaluate(&b, &cfg, &r);
	ck_assert_int_eq(r.nlines, 3);
	ck_assert_str_eq(r.lines[2], "temporary credit: " YUAN "2,000.00");
	tc_result_free(&r);
}
END_TEST

/* Credit in normal use (owed within the line) is not arrears. */
START_TEST(credit_in_use_is_not_arrears) {
	struct tc_balance b = account(-500000, 500000);
	b.credit_amount = (struct tc_amount){true, 10000000};
	b.real_credit_balance = (struct tc_amount){true, 9500000};
	enum tc_state s;
	char *line = first_line(&b, "3000:", "1000:", "CNY", &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(strstr(line, "OK - " YUAN "95,000.00 available credit"));
	free(line);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("balance_logic");
	TCase *thresholds = tcase_create("thresholds");
	tcase_add_test(thresholds, states);
	tcase_add_test(thresholds, boundaries_are_inclusive);
	suite_add_tcase(s, thresholds);
	TCase *arrears = tcase_create("arrears and credit");
	tcase_add_test(arrears, arrears_is_critical_whatever_the_thresholds);
	tcase_add_test(arrears, credit_accounts_use_available_credit);
	tcase_add_test(arrears, credit_exhausted_is_arrears);
	tcase_add_test(arrears, credit_in_use_is_not_arrears);
	suite_add_tcase(s, arrears);
	TCase *absent = tcase_create("absent data");
	tcase_add_test(absent, intl_hides_not_applied_zeros);
	tcase_add_test(absent, temporary_credit_shown);
	suite_add_tcase(s, absent);
	TCase *formatting = tcase_create("formatting");
	tcase_add_test(formatting, currency_in_labels_and_words);
	tcase_add_test(formatting, long_output_breakdown);
	suite_add_tcase(s, formatting);
	return s;
}

TC_TEST_MAIN(suite)

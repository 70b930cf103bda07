/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rendered.h"
#include "tap.h"
#include "vouchers_logic.h"
#include "money.h"

#define YUAN "\xc2\xa5"
#define NOW  1795361400 /* 2026-11-22 23:30 Beijing */
#define DAY  86400

static struct vouchers_config config(void) {
	struct vouchers_config c = {.days = {range("30:"), range("7:")},
				    .min_value = 1,
				    .currency = "CNY",
				    .offset = 8 * 3600};
	return c;
}

/* a voucher whose EndTime is `days` calendar days from NOW's date */
static struct tc_voucher voucher(const char *id, int64_t cents, int days) {
	struct tc_voucher v = {.balance = cents};
	v.expires = 1795276800 + (int64_t)days * DAY; /* Beijing midnight of 2026-11-22 + days */
	snprintf(v.id, sizeof v.id, "%s", id);
	snprintf(v.products, sizeof v.products, "CVM");
	return v;
}

static char *evaluate(const struct tc_voucher *v, size_t n, const struct vouchers_config *c,
		      enum tc_state *s) {
	struct tc_result r;
	tc_result_init(&r, "TC VOUCHERS");
	vouchers_evaluate(v, n, NOW, c, &r);
	*s = r.state;
	char *out = render(&r);
	tc_result_free(&r);
	return out;
}

START_TEST(states_and_words) {
	struct vouchers_config c = config();
	enum tc_state s;
	struct tc_voucher v[] = {voucher("a", 1200, 20), voucher("b", 10000, 90)};
	char *out = evaluate(v, 2, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_str_eq(out,
			 "TC VOUCHERS WARNING - " YUAN "12.00 in 1 voucher expires within 30 days, "
			 "earliest 2026-12-12 (in 20 days) | 'voucher_balance_cny'=112;;;0; "
			 "'voucher_expiring_cny'=12;;;0; 'voucher_expires_in_days'=20;30:;7:;;\n"
			 "a: " YUAN "12.00 left, expires 2026-12-12 (in 20 days), products: CVM\n");
	free(out);
	struct tc_voucher today = voucher("t", 100, 0);
	out = evaluate(&today, 1, &c, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(out, "(in 0 days)"));
	free(out);
}
END_TEST

/* One row: one voucher of `cents` expiring in `days` calendar days under -w/-c on
 * the days left, and the exact first line with its state. */
struct row {
	int64_t cents;
	int days;
	const char *w, *c;
	enum tc_state state;
	const char *line;
};

static char *row_output(const struct row *x, enum tc_state *s) {
	struct vouchers_config c = config();
	c.days = (struct tc_thresholds){range(x->w), range(x->c)};
	struct tc_voucher v = voucher("a", x->cents, x->days);
	return evaluate(&v, 1, &c, s);
}

ROWS_CHECKER(struct row, row_output)

/* -w 30: -c 7: on days left, ends inclusive: 30 days left is not "under 30". */
START_TEST(boundaries) {
	static const struct row rows[] = {
	    {100, 30, "30:", "7:", TC_OK,
	     "TC VOUCHERS OK - " YUAN
	     "1.00 in 1 voucher, none expires within 30 days; earliest 2026-12-22 | "
	     "'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=0;;;0; "
	     "'voucher_expires_in_days'=30;30:;7:;;"},
	    {100, 29, "30:", "7:", TC_WARNING,
	     "TC VOUCHERS WARNING - " YUAN
	     "1.00 in 1 voucher expires within 30 days, earliest 2026-12-21 (in 29 days) | "
	     "'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=1;;;0; "
	     "'voucher_expires_in_days'=29;30:;7:;;"},
	    {100, 7, "30:", "7:", TC_WARNING,
	     "TC VOUCHERS WARNING - " YUAN
	     "1.00 in 1 voucher expires within 30 days, earliest 2026-11-29 (in 7 days) | "
	     "'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=1;;;0; "
	     "'voucher_expires_in_days'=7;30:;7:;;"},
	    {100, 6, "30:", "7:", TC_CRITICAL,
	     "TC VOUCHERS CRITICAL - " YUAN
	     "1.00 in 1 voucher expires within 30 days, earliest 2026-11-28 (in 6 days) | "
	     "'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=1;;;0; "
	     "'voucher_expires_in_days'=6;30:;7:;;"},
	    {100, 0, "30:", "7:", TC_CRITICAL,
	     "TC VOUCHERS CRITICAL - " YUAN
	     "1.00 in 1 voucher expires within 30 days, earliest 2026-11-22 (in 0 days) | "
	     "'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=1;;;0; "
	     "'voucher_expires_in_days'=0;30:;7:;;"},
	};
	CHECK(rows);
}
END_TEST

/* The window in the words: "within N days" for a plain "N:", else the range's. */
START_TEST(window_words) {
	static const struct row rows[] = {
	    {100, 20, "30.5:", "7:", TC_WARNING,
	     "TC VOUCHERS WARNING - " YUAN
	     "1.00 in 1 voucher expires within the warning range, earliest 2026-12-12 (in 20 days) "
	     "| 'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=1;;;0; "
	     "'voucher_expires_in_days'=20;30.5:;7:;;"},
	    {100, 5, "@0:10", "~:", TC_WARNING,
	     "TC VOUCHERS WARNING - " YUAN
	     "1.00 in 1 voucher expires within the warning range, earliest 2026-11-27 (in 5 days) "
	     "| 'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=1;;;0; "
	     "'voucher_expires_in_days'=5;@0:10;~:;;"},
	    {100, 50, "10:40", "7:", TC_WARNING,
	     "TC VOUCHERS WARNING - " YUAN
	     "1.00 in 1 voucher expires within the warning range, earliest 2027-01-11 (in 50 days) "
	     "| 'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=1;;;0; "
	     "'voucher_expires_in_days'=50;10:40;7:;;"},
	    {100, 50, "~:", "~:", TC_OK,
	     "TC VOUCHERS OK - " YUAN
	     "1.00 in 1 voucher, none expires within the warning range; earliest 2027-01-11 | "
	     "'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=0;;;0; "
	     "'voucher_expires_in_days'=50;~:;~:;;"},
	};
	CHECK(rows);
}
END_TEST

START_TEST(expired_and_small) {
	struct vouchers_config c = config();
	enum tc_state s;
	struct tc_voucher v[] = {voucher("x", 5000, -3), voucher("y", 1200, 90),
				 voucher("z", 0, 1)};
	char *out = evaluate(v, 3, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_ptr_nonnull(strstr(out, "; 1 expired voucher still shows " YUAN "50.00 |"));
	ck_assert_ptr_nonnull(strstr(out, "x: " YUAN "50.00 left, EXPIRED on 2026-11-19"));
	free(out);
	c.min_value = 500;
	struct tc_voucher small = voucher("s", 100, 2);
	out = evaluate(&small, 1, &c, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(strstr(out, "no unused vouchers with value left"));
	free(out);
}
END_TEST

/* The official example's EndTime "0002-11-30": that voucher is named and never
 * taken for "not expiring"; the others are judged as usual. */
START_TEST(undated_vouchers_are_named_not_hidden) {
	struct vouchers_config c = config();
	enum tc_state s;
	struct tc_voucher odd = voucher("PPVIA653S3T7L07A4P", 1200, 0);
	odd.undated = true;
	snprintf(odd.end_text, sizeof odd.end_text, "0002-11-30");
	struct tc_voucher v[] = {odd, voucher("soon", 500, 5), voucher("later", 300, 90)};
	char *out = evaluate(v, 3, &c, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_str_eq(
	    out, "TC VOUCHERS CRITICAL - " YUAN "5.00 in 1 voucher expires within 30 days, "
		 "earliest 2026-11-27 (in 5 days); " YUAN "12.00 in 1 voucher with an "
		 "unreadable expiry date, not judged | 'voucher_balance_cny'=20;;;0; "
		 "'voucher_expiring_cny'=5;;;0; 'voucher_expires_in_days'=5;30:;7:;;\n"
		 "PPVIA653S3T7L07A4P: " YUAN "12.00 left, expiry '0002-11-30' is not a date: "
		 "not judged, products: CVM\n"
		 "soon: " YUAN "5.00 left, expires 2026-11-27 (in 5 days), products: CVM\n");
	free(out);
	/* alone, it is a WARNING, never OK */
	out = evaluate(&odd, 1, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_ptr_nonnull(strstr(out, "no unused vouchers with value left and a readable "
					  "expiry date; " YUAN "12.00 in 1 voucher with an "
					  "unreadable expiry date, not judged |"));
	free(out);
	/* below --min-value it is ignored like any other */
	c.min_value = 5000;
	out = evaluate(&odd, 1, &c, &s);
	ck_assert_int_eq(s, TC_OK);
	free(out);
}
END_TEST

START_TEST(absurd_sum) {
	struct vouchers_config c = config();
	enum tc_state s;
	struct tc_voucher v[] = {voucher("a", TC_MONEY_ABSURD, 60),
				 voucher("b", TC_MONEY_ABSURD, 60)};
	char *out = evaluate(v, 2, &c, &s);
	ck_assert_int_eq(s, TC_UNKNOWN);
	ck_assert_str_eq(out, "TC VOUCHERS UNKNOWN - vouchers add up to an absurd amount\n");
	free(out);
}
END_TEST

/* -w 30 -c 7 as users write it for days left (check_http -C 30,7). */
START_TEST(bare_numbers_are_days_left) {
	struct vouchers_config c = config();
	struct tc_error err;
	enum tc_state s;
	ck_assert_int_eq(tc_range_parse_left("30", &c.days.warning, &err), 0);
	ck_assert_int_eq(tc_range_parse_left("7", &c.days.critical, &err), 0);
	struct tc_voucher in5 = voucher("a", 100, 5), in20 = voucher("a", 100, 20),
			  in90 = voucher("a", 100, 90);
	char *out = evaluate(&in5, 1, &c, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(out, "expires within 30 days"));
	ck_assert_ptr_nonnull(strstr(out, "'voucher_expires_in_days'=5;30:;7:;;"));
	free(out);
	free(evaluate(&in20, 1, &c, &s));
	ck_assert_int_eq(s, TC_WARNING);
	free(evaluate(&in90, 1, &c, &s));
	ck_assert_int_eq(s, TC_OK);
	/* the reading itself (decimals, other ranges as written) is test_range's */
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("vouchers_logic");
	TCase *t0 = tcase_create("thresholds");
	tcase_add_test(t0, boundaries);
	tcase_add_test(t0, bare_numbers_are_days_left);
	suite_add_tcase(s, t0);
	TCase *t1 = tcase_create("empty or absent data");
	tcase_add_test(t1, expired_and_small);
	tcase_add_test(t1, undated_vouchers_are_named_not_hidden);
	tcase_add_test(t1, absurd_sum);
	suite_add_tcase(s, t1);
	TCase *t2 = tcase_create("formatting");
	tcase_add_test(t2, states_and_words);
	tcase_add_test(t2, window_words);
	suite_add_tcase(s, t2);
	return s;
}

TC_TEST_MAIN(suite)

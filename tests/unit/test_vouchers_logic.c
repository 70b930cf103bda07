#include "rendered.h"
#include "tap.h"
#include "vouchers_logic.h"
#include "money.h"

#define YUAN "\xc2\xa5"
#define NOW  1795361400 /* 2026-11-22 23:30 Beijing */
#define DAY  86400

static struct vouchers_config config(void) {
	struct vouchers_config c = {.warning = range("30:"),
				    .critical = range("7:"),
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

START_TEST(boundaries) {
	struct vouchers_config c = config();
	enum tc_state s;
	struct tc_voucher at30 = voucher("a", 1, 30), at29 = voucher("a", 1, 29);
	struct tc_voucher at7 = voucher("a", 1, 7), at6 = voucher("a", 1, 6);
	free(evaluate(&at30, 1, &c, &s));
	ck_assert_int_eq(s, TC_OK);
	free(evaluate(&at29, 1, &c, &s));
	ck_assert_int_eq(s, TC_WARNING);
	free(evaluate(&at7, 1, &c, &s));
	ck_assert_int_eq(s, TC_WARNING);
	free(evaluate(&at6, 1, &c, &s));
	ck_assert_int_eq(s, TC_CRITICAL);
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

static Suite *suite(void) {
	Suite *s = suite_create("vouchers_logic");
	TCase *tc = tcase_create("vouchers_logic");
	tcase_add_test(tc, absurd_sum);
	tcase_add_test(tc, states_and_words);
	tcase_add_test(tc, boundaries);
	tcase_add_test(tc, expired_and_small);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

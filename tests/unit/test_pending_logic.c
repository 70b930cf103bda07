/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pending_logic.h"
#include "money.h"
#include "rendered.h"
#include "tap.h"

#define YUAN "\xc2\xa5"
#define NOW  1795361400

static struct pending_config config(void) {
	struct pending_config c = {
	    .age = {range("30"), range("1440")}, .currency = "CNY", .days = 30, .offset = 8 * 3600};
	return c;
}

static struct tc_order order(const char *id, int status, int64_t age_minutes, int64_t amount) {
	struct tc_order o = {.status = status, .created = NOW - age_minutes * 60, .amount = amount};
	snprintf(o.id, sizeof o.id, "%s", id);
	snprintf(o.product, sizeof o.product, "CVM");
	return o;
}

static char *evaluate(const struct tc_order *o, size_t n, const struct pending_config *c,
		      enum tc_state *state) {
	struct tc_result r;
	tc_result_init(&r, "TC PENDING");
	pending_evaluate(o, n, NOW, c, &r);
	*state = r.state;
	char *out = render(&r);
	tc_result_free(&r);
	return out;
}

START_TEST(none) {
	struct pending_config c = config();
	enum tc_state s;
	char *out = evaluate(NULL, 0, &c, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_str_eq(out, "TC PENDING OK - no unpaid or paying orders in the last 30 days | "
			      "'pending_orders'=0;;;0; 'pending_amount_cny'=0;;;0; "
			      "'oldest_pending_minutes'=0;30;1440;0;\n");
	free(out);
}
END_TEST

START_TEST(oldest_decides_and_is_listed_first) {
	struct pending_config c = config();
	struct tc_order o[] = {order("B", 12, 10, 50000), order("A", 1, 45, 120000)};
	enum tc_state s;
	char *out = evaluate(o, 2, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_str_eq(
	    out,
	    "TC PENDING WARNING - 2 pending orders (" YUAN "1,700.00); oldest 45 min: A CVM " YUAN
	    "1,200.00 unpaid | 'pending_orders'=2;;;0; 'pending_amount_cny'=1700;;;0; "
	    "'oldest_pending_minutes'=45;30;1440;0;\n"
	    "warning: oldest order age above 30 min\n"
	    "A: CVM, " YUAN "1,200.00, unpaid (status 1), created 2026-11-22 22:45:00, age 45 min\n"
	    "B: CVM, " YUAN
	    "500.00, paying (status 12), created 2026-11-22 23:20:00, age 10 min\n");
	free(out);
}
END_TEST

/* One row: one unpaid order of `age` minutes and `amount` cents under -w/-c on
 * the age (and --warning-count, --critical-amount when given), and the exact first
 * line with its state and the long-output line that says why (NULL: none). */
struct row {
	int64_t age, amount;
	const char *age_w, *age_c, *count_w, *amount_c;
	enum tc_state state;
	const char *line, *why;
};

static void check_rows(const struct row *rows, size_t n) {
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		const struct row *x = &rows[i];
		struct pending_config c = config();
		c.age = (struct tc_thresholds){range(x->age_w), range(x->age_c)};
		if (x->count_w) {
			c.count.warning = range(x->count_w);
		}
		if (x->amount_c) {
			c.amount.critical = range(x->amount_c);
		}
		struct tc_order o = order("A", 1, x->age, x->amount);
		enum tc_state s;
		char *out = evaluate(&o, 1, &c, &s);
		const char *rest = strchr(out, '\n') + 1;
		const char *why = x->why ? x->why : "A: ";
		bad += row_differs(i, out, s, x->line, x->state);
		if (strncmp(rest, why, strlen(why)) != 0) {
			fprintf(stderr, "row %zu: long output '%s'\n", i, rest);
			bad++;
		}
		free(out);
	}
	ROWS_AGREE(bad, n);
}
#define PERF(age, w, c)                                                                            \
	" | 'pending_orders'=1;;;0; 'pending_amount_cny'=1;;;0; 'oldest_pending_minutes'=" age     \
	";" w ";" c ";0;"

/* -w 30 -c 1440 on the age: ends inclusive, the oldest order decides. */
START_TEST(boundaries) {
	static const struct row rows[] = {
	    {30, 100, "30", "1440", NULL, NULL, TC_OK,
	     "TC PENDING OK - 1 pending order (" YUAN "1.00); oldest 30 min: A CVM " YUAN
	     "1.00 unpaid" PERF("30", "30", "1440"),
	     NULL},
	    {31, 100, "30", "1440", NULL, NULL, TC_WARNING,
	     "TC PENDING WARNING - 1 pending order (" YUAN "1.00); oldest 31 min: A CVM " YUAN
	     "1.00 unpaid" PERF("31", "30", "1440"),
	     "warning: oldest order age above 30 min\n"},
	    {1440, 100, "30", "1440", NULL, NULL, TC_WARNING,
	     "TC PENDING WARNING - 1 pending order (" YUAN "1.00); oldest 1d 0h: A CVM " YUAN
	     "1.00 unpaid | 'pending_orders'=1;;;0; 'pending_amount_cny'=1;;;0; "
	     "'oldest_pending_minutes'=1440;30;1440;0;",
	     "warning: oldest order age above 30 min\n"},
	    {1441, 100, "30", "1440", NULL, NULL, TC_CRITICAL,
	     "TC PENDING CRITICAL - 1 pending order (" YUAN "1.00); oldest 1d 0h: A CVM " YUAN
	     "1.00 unpaid | 'pending_orders'=1;;;0; 'pending_amount_cny'=1;;;0; "
	     "'oldest_pending_minutes'=1441;30;1440;0;",
	     "critical: oldest order age above 1440 min\n"},
	    /* an order "from the future" (clock skew) is age 0, not negative */
	    {-5, 100, "30", "1440", NULL, NULL, TC_OK,
	     "TC PENDING OK - 1 pending order (" YUAN "1.00); oldest 0 min: A CVM " YUAN
	     "1.00 unpaid | 'pending_orders'=1;;;0; 'pending_amount_cny'=1;;;0; "
	     "'oldest_pending_minutes'=0;30;1440;0;",
	     NULL},
	    /* '@' alerts inside its range; '~' is minus infinity */
	    {90, 100, "@60:120", "~:1440", NULL, NULL, TC_WARNING,
	     "TC PENDING WARNING - 1 pending order (" YUAN "1.00); oldest 1h 30m: A CVM " YUAN
	     "1.00 unpaid | 'pending_orders'=1;;;0; 'pending_amount_cny'=1;;;0; "
	     "'oldest_pending_minutes'=90;@60:120;~:1440;0;",
	     "warning: oldest order age between 60 min and 120 min\n"},
	    {121, 100, "@60:120", "~:1440", NULL, NULL, TC_OK,
	     "TC PENDING OK - 1 pending order (" YUAN "1.00); oldest 2h 1m: A CVM " YUAN
	     "1.00 unpaid | 'pending_orders'=1;;;0; 'pending_amount_cny'=1;;;0; "
	     "'oldest_pending_minutes'=121;@60:120;~:1440;0;",
	     NULL},
	    /* count and amount thresholds are judged as well, the worst wins */
	    {5, 100, "30", "1440", "0", NULL, TC_WARNING,
	     "TC PENDING WARNING - 1 pending order (" YUAN "1.00); oldest 5 min: A CVM " YUAN
	     "1.00 unpaid | 'pending_orders'=1;0;;0; 'pending_amount_cny'=1;;;0; "
	     "'oldest_pending_minutes'=5;30;1440;0;",
	     "warning: pending orders above 0\n"},
	    {5, 100001, "30", "1440", "0", "1000", TC_CRITICAL,
	     "TC PENDING CRITICAL - 1 pending order (" YUAN "1,000.01); oldest 5 min: A CVM " YUAN
	     "1,000.01 unpaid | 'pending_orders'=1;0;;0; 'pending_amount_cny'=1000.01;;1000;0; "
	     "'oldest_pending_minutes'=5;30;1440;0;",
	     "warning: pending orders above 0\ncritical: pending amount above " YUAN "1,000.00\n"},
	};
	CHECK(rows);
}
END_TEST

START_TEST(count_and_amount_thresholds) {
	struct pending_config c = config();
	struct tc_order o[] = {order("A", 1, 5, 60000), order("B", 1, 5, 50000)};
	enum tc_state s;
	c.count.warning = range("1");
	char *out = evaluate(o, 2, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_ptr_nonnull(strstr(out, "warning: pending orders above 1\n"));
	free(out);
	c.amount.critical = range("1000");
	out = evaluate(o, 2, &c, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(out, "critical: pending amount above " YUAN "1,000.00\n"));
	ck_assert_ptr_nonnull(strstr(out, "'pending_amount_cny'=1100;;1000;0;"));
	free(out);
}
END_TEST

START_TEST(listing_is_capped) {
	struct pending_config c = config();
	struct tc_order o[40];
	for (int i = 0; i < 40; i++) {
		char id[8];
		snprintf(id, sizeof id, "O%02d", i);
		o[i] = order(id, 1, 5, 1);
	}
	enum tc_state s;
	char *out = evaluate(o, 40, &c, &s);
	ck_assert_ptr_nonnull(strstr(out, "\n... and 10 more\n"));
	ck_assert_ptr_null(strstr(out, "O35:"));
	free(out);
}
END_TEST

/* -w 30 -c 1440 as users write it; a "days left" style range is refused. */
START_TEST(age_ranges_users_write) {
	struct tc_error err;
	ck_assert_int_eq(pending_age_range_check(&(struct tc_range){0}, &err), 0);
	struct tc_range ok[] = {range("30"), range("1440"), range("@60:120"), range("0")};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_int_eq(pending_age_range_check(&ok[i], &err), 0);
	}
	struct tc_range w = range("30:");
	ck_assert_int_eq(pending_age_range_check(&w, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
	ck_assert_str_eq(err.message, "'30:' alerts with no pending order (age 0); the age of the "
				      "oldest order takes N for older than N minutes (-w 30 -c "
				      "1440)");
	w = range("@0:30");
	ck_assert_int_eq(pending_age_range_check(&w, &err), -1);
	/* and 45 minutes warns, two days is critical, under -w 30 -c 1440 */
	struct pending_config c = config();
	struct tc_order o = order("A", 1, 45, 100);
	enum tc_state s;
	free(evaluate(&o, 1, &c, &s));
	ck_assert_int_eq(s, TC_WARNING);
	o = order("A", 1, 2880, 100);
	free(evaluate(&o, 1, &c, &s));
	ck_assert_int_eq(s, TC_CRITICAL);
}
END_TEST

/* Order ids are display only: an order without one is still counted and listed. */
START_TEST(orders_without_ids) {
	struct pending_config c = config();
	struct tc_order o = order("", 1, 45, 120000);
	o.product[0] = '\0';
	enum tc_state s;
	char *out = evaluate(&o, 1, &c, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_ptr_nonnull(
	    strstr(out, "oldest 45 min: (no order id) - " YUAN "1,200.00 unpaid"));
	ck_assert_ptr_nonnull(strstr(out, "\n(no order id): -, " YUAN "1,200.00, unpaid"));
	free(out);
}
END_TEST

START_TEST(absurd_sum) {
	struct pending_config c = config();
	enum tc_state s;
	/* each order believable (10 trillion yuan at most), their sum not */
	struct tc_order o[] = {order("a", 1, 60, TC_MONEY_ABSURD),
			       order("b", 1, 60, TC_MONEY_ABSURD)};
	char *out = evaluate(o, 2, &c, &s);
	ck_assert_int_eq(s, TC_UNKNOWN);
	ck_assert_str_eq(out, "TC PENDING UNKNOWN - pending orders add up to an absurd amount\n");
	free(out);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("pending_logic");
	TCase *t0 = tcase_create("thresholds");
	tcase_add_test(t0, boundaries);
	tcase_add_test(t0, count_and_amount_thresholds);
	tcase_add_test(t0, age_ranges_users_write);
	suite_add_tcase(s, t0);
	TCase *t1 = tcase_create("empty or absent data");
	tcase_add_test(t1, none);
	tcase_add_test(t1, orders_without_ids);
	tcase_add_test(t1, absurd_sum);
	suite_add_tcase(s, t1);
	TCase *t2 = tcase_create("formatting");
	tcase_add_test(t2, oldest_decides_and_is_listed_first);
	tcase_add_test(t2, listing_is_capped);
	suite_add_tcase(s, t2);
	return s;
}

TC_TEST_MAIN(suite)

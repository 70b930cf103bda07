/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one judge of a value against -w/-c, at the value's own scale: rows of
 * (warning, critical, value, scale) -> state, the range crossed and the words. */
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "rendered.h"
#include "tap.h"
#include "thresholds.h"

#define YUAN "\xc2\xa5"

enum crossed { NONE, WARN, CRIT };

struct row {
	const char *warning, *critical; /* NULL: unset */
	int64_t value;
	int scale;
	enum tc_state state;
	enum crossed crossed;
	const char *why; /* with tc_bound_number */
};

static struct tc_thresholds limits(const char *w, const char *c) {
	struct tc_thresholds t = {0};
	if (w) {
		t.warning = range(w);
	}
	if (c) {
		t.critical = range(c);
	}
	return t;
}

static void check_rows(const struct row *rows, size_t n) {
	for (size_t i = 0; i < n; i++) {
		const struct row *x = &rows[i];
		struct tc_thresholds t = limits(x->warning, x->critical);
		struct tc_verdict v = tc_thresholds_judge(&t, x->value, x->scale);
		char why[96];
		tc_verdict_why(&v, tc_bound_number, NULL, why, sizeof why);
		const struct tc_range *want = x->crossed == CRIT   ? &t.critical
					      : x->crossed == WARN ? &t.warning
								   : NULL;
		ck_assert_msg(v.state == x->state && v.crossed == want && strcmp(why, x->why) == 0,
			      "row %zu (-w %s -c %s, %lld at scale %d): state %d, why '%s'", i,
			      x->warning ? x->warning : "-", x->critical ? x->critical : "-",
			      (long long)x->value, x->scale, v.state, why);
	}
}

#define CHECK(rows) check_rows(rows, sizeof rows / sizeof rows[0])

/* Days left, whole numbers: scale 0. */
START_TEST(scale_0) {
	static const struct row rows[] = {
	    {"30:", "7:", 31, 0, TC_OK, NONE, ""},
	    {"30:", "7:", 30, 0, TC_OK, NONE, ""}, /* the end is inclusive */
	    {"30:", "7:", 29, 0, TC_WARNING, WARN, "below 30"},
	    {"30:", "7:", 7, 0, TC_WARNING, WARN, "below 30"},
	    {"30:", "7:", 6, 0, TC_CRITICAL, CRIT, "below 7"},
	    {"30:", "7:", -1, 0, TC_CRITICAL, CRIT, "below 7"},
	    {"30", "1440", 30, 0, TC_OK, NONE, ""},
	    {"30", "1440", 31, 0, TC_WARNING, WARN, "above 30"},
	    {"30", "1440", 1441, 0, TC_CRITICAL, CRIT, "above 1440"},
	    {"30", "1440", -1, 0, TC_CRITICAL, CRIT, "below 0"},        /* "N" is 0:N */
	    {"1000.5:", NULL, 1000, 0, TC_WARNING, WARN, "below 1000"}, /* shown cut */
	    {"1000.5:", NULL, 1001, 0, TC_OK, NONE, ""},
	};
	CHECK(rows);
}
END_TEST

/* Money in cents: scale 2, the ranges' own. */
START_TEST(scale_2) {
	static const struct row rows[] = {
	    {"3000:", "1000:", 300000, 2, TC_OK, NONE, ""},
	    {"3000:", "1000:", 299999, 2, TC_WARNING, WARN, "below 3000"},
	    {"3000:", "1000:", 100000, 2, TC_WARNING, WARN, "below 3000"},
	    {"3000:", "1000:", 99999, 2, TC_CRITICAL, CRIT, "below 1000"},
	    {"1000.5:", "0:", 100049, 2, TC_WARNING, WARN, "below 1000.5"},
	    {"1000.5:", "0:", 100050, 2, TC_OK, NONE, ""},
	    {"~:", "~:", -123456, 2, TC_OK, NONE, ""},
	    {NULL, NULL, INT64_MIN, 2, TC_OK, NONE, ""},
	    {NULL, NULL, INT64_MAX, 2, TC_OK, NONE, ""},
	};
	CHECK(rows);
}
END_TEST

/* Thousandths: scale 3, finer than the ranges, compared exactly. */
START_TEST(scale_3) {
	static const struct row rows[] = {
	    {"1.23", NULL, 1230, 3, TC_OK, NONE, ""},
	    {"1.23", NULL, 1231, 3, TC_WARNING, WARN, "above 1.23"},
	    {"1.23:", NULL, 1229, 3, TC_WARNING, WARN, "below 1.23"},
	    {"1.23:", NULL, 1230, 3, TC_OK, NONE, ""},
	    {"@1:2", NULL, 999, 3, TC_OK, NONE, ""},
	    {"@1:2", NULL, 1000, 3, TC_WARNING, WARN, "between 1 and 2"},
	    {"@1:2", NULL, 2000, 3, TC_WARNING, WARN, "between 1 and 2"},
	    {"@1:2", NULL, 2001, 3, TC_OK, NONE, ""},
	    /* no overflow where a value would leave int64 at the range's scale */
	    {"10", NULL, INT64_MAX, 3, TC_WARNING, WARN, "above 10"},
	    {"~:10", NULL, INT64_MIN, 18, TC_OK, NONE, ""},
	};
	CHECK(rows);
}
END_TEST

/* '@' alerts inside, ends included; '~' is minus infinity, an empty end plus
 * infinity; critical wins over warning. */
START_TEST(inverted_and_open_ends) {
	static const struct row rows[] = {
	    {"@10:20", NULL, 10, 0, TC_WARNING, WARN, "between 10 and 20"},
	    {"@10:20", NULL, 20, 0, TC_WARNING, WARN, "between 10 and 20"},
	    {"@10:20", NULL, 9, 0, TC_OK, NONE, ""},
	    {"@10:20", NULL, 21, 0, TC_OK, NONE, ""},
	    {"@~:5", NULL, -1000000, 0, TC_WARNING, WARN, "at most 5"},
	    {"@5:", NULL, 1000000, 0, TC_WARNING, WARN, "at least 5"},
	    {"~:10", NULL, -1000000, 0, TC_OK, NONE, ""},
	    {"~:10", NULL, 11, 0, TC_WARNING, WARN, "above 10"},
	    {"10:", NULL, 1000000000, 0, TC_OK, NONE, ""},
	    {"@~:", NULL, 0, 0, TC_WARNING, WARN, "any value"},
	    {"10:20", "@15:16", 15, 0, TC_CRITICAL, CRIT, "between 15 and 16"},
	    {"10:20", "@15:16", 21, 0, TC_WARNING, WARN, "above 20"},
	    {"10:20", "5:25", 26, 0, TC_CRITICAL, CRIT, "above 25"},
	};
	CHECK(rows);
}
END_TEST

/* Money bounds read as money, exactly to the cent. */
START_TEST(money_words) {
	struct tc_thresholds t = limits("3000:", "1000.01:");
	char why[96];
	struct tc_verdict v = tc_thresholds_judge(&t, 100000, TC_MONEY_SCALE);
	ck_assert_int_eq(v.state, TC_CRITICAL);
	tc_verdict_why(&v, tc_bound_money, "CNY", why, sizeof why);
	ck_assert_str_eq(why, "below " YUAN "1,000.01");
	v = tc_thresholds_judge(&t, 100001, TC_MONEY_SCALE);
	ck_assert_int_eq(v.state, TC_WARNING);
	tc_verdict_why(&v, tc_bound_money, "USD", why, sizeof why);
	ck_assert_str_eq(why, "below $3,000.00");
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("thresholds");
	TCase *scales = tcase_create("scales");
	tcase_add_test(scales, scale_0);
	tcase_add_test(scales, scale_2);
	tcase_add_test(scales, scale_3);
	suite_add_tcase(s, scales);
	TCase *ranges = tcase_create("ranges");
	tcase_add_test(ranges, inverted_and_open_ends);
	suite_add_tcase(s, ranges);
	TCase *words = tcase_create("words");
	tcase_add_test(words, money_words);
	suite_add_tcase(s, words);
	return s;
}

TC_TEST_MAIN(suite)

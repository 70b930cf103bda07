/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "fixture.h"
#include "tencentcloud/spend.h"
#include "tap.h"
#include "timeutil.h"

START_TEST(daily_rows) {
	struct tc_spend_series s = {0};
	struct tc_error err;
	struct json_object *row =
	    json_tokener_parse("{\"Name\": \"x\", \"Total\": \"3.5\", \"TimeDetail\": ["
			       "{\"Time\": \"2026-11-20 00:00:00\", \"Money\": \"1.25000000\"},"
			       "{\"Time\": \"2026-11-21 00:00:00\", \"Money\": \"2.25000000\"}]}");
	ck_assert_int_eq(tc_cost_series_add_row(&s, row, TC_BEIJING_OFFSET, &err), 0);
	ck_assert_int_eq(tc_cost_series_add_row(&s, row, TC_BEIJING_OFFSET, &err), 0);
	ck_assert_int_eq(s.n, 2);
	int64_t day;
	tc_parse_api_time("2026-11-21", TC_BEIJING_OFFSET, &day, &err);
	ck_assert_int_eq(tc_spend_on(&s, day), 450);
	ck_assert_int_eq(tc_spend_on(&s, day + 86400), 0);
	json_object_put(row);
	row = json_tokener_parse(
	    "{\"TimeDetail\": [{\"Time\": \"2026-11-20 00:00:00\", \"Money\": 5}]}");
	ck_assert_int_eq(tc_cost_series_add_row(&s, row, 0, &err), 0); /* a number is read too */
	json_object_put(row);
	row = json_tokener_parse("{\"TimeDetail\": [{\"Time\": \"x\", \"Money\": \"1\"}]}");
	ck_assert_int_eq(tc_cost_series_add_row(&s, row, 0, &err), -1);
	json_object_put(row);
	tc_spend_series_free(&s);
}
END_TEST

START_TEST(bill_month) {
	int64_t cents;
	bool ready;
	struct tc_error err;
	struct json_object *o = json_tokener_parse(
	    "{\"Ready\": 1, \"SummaryTotal\": {\"RealTotalCost\": \"25941.65000000\"}}");
	ck_assert_int_eq(tc_bill_month_from_json(o, &cents, &ready, &err), 0);
	ck_assert(ready);
	ck_assert_int_eq(cents, 2594165);
	json_object_put(o);
	o = json_tokener_parse("{\"Ready\": 1, \"SummaryTotal\": null}");
	ck_assert_int_eq(tc_bill_month_from_json(o, &cents, &ready, &err), -1);
	json_object_put(o);
	o = json_tokener_parse("{\"Ready\": 0, \"SummaryTotal\": null}");
	ck_assert_int_eq(tc_bill_month_from_json(o, &cents, &ready, &err), 0);
	ck_assert(!ready);
	json_object_put(o);
	o = json_tokener_parse("{\"SummaryTotal\": {\"RealTotalCost\": \"1\"}}");
	ck_assert_int_eq(tc_bill_month_from_json(o, &cents, &ready, &err), -1);
	json_object_put(o);
	o = json_tokener_parse("{\"Ready\": 1, \"SummaryTotal\": {\"RealTotalCost\": \"-\"}}");
	ck_assert_int_eq(tc_bill_month_from_json(o, &cents, &ready, &err), -1);
	json_object_put(o);
}
END_TEST

#define COST "DescribeCostExplorerSummary"

/* Reads one recorded answer as the only page; returns the read's result and,
 * when it read, the check of the whole series. */
static int cost(const char *name, struct tc_spend_series *s, struct tc_error *err) {
	struct json_object *root = NULL;
	long items = 0, total = 0;
	memset(s, 0, sizeof *s);
	int rc = tc_cost_page_from_json(s, fixture_response(COST, name, &root), TC_BEIJING_OFFSET,
					&items, &total, err);
	json_object_put(root);
	if (rc == 0) {
		ck_assert_int_eq(items, total); /* one page holds it all */
		rc = tc_cost_series_check(s, err);
	}
	return rc;
}

static int64_t day(const char *date) {
	int64_t t = 0;
	struct tc_error err;
	ck_assert_int_eq(tc_parse_api_time(date, TC_BEIJING_OFFSET, &t, &err), 0);
	return t;
}

/* Dimensions "default": the total series is TotalDetail.TimeDetail, whatever
 * Detail holds (absent, empty, or the same series again). */
START_TEST(recorded_cost_series) {
	struct tc_spend_series s;
	struct tc_error err;
	const char *ok[] = {"default-total-only", "default-detail-empty", "default-both",
			    "default-detail-only"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(cost(ok[i], &s, &err) == 0, "%s: %s", ok[i], err.message);
		ck_assert_int_eq(s.n, 2);
		ck_assert_int_eq(tc_spend_on(&s, day("2026-11-20")), 12050);
		ck_assert_int_eq(tc_spend_on(&s, day("2026-11-21")), 7950);
		tc_spend_series_free(&s);
	}
	/* the official example (Dimensions "business", monthly): TotalDetail again */
	ck_assert_int_eq(cost("example", &s, &err), 0);
	ck_assert_int_eq(tc_spend_on(&s, day("2023-12-01")), 48064);
	tc_spend_series_free(&s);
	/* the answer says zero */
	ck_assert_int_eq(cost("zero-spend", &s, &err), 0);
	ck_assert_int_eq(s.n, 0);
	tc_spend_series_free(&s);
}
END_TEST

/* No series is never "no spend". */
START_TEST(recorded_cost_without_series) {
	struct tc_spend_series s;
	struct tc_error err;
	ck_assert_int_eq(cost("no-series", &s, &err), -1);
	ck_assert_str_eq(err.message, "no cost series: neither TotalDetail nor Detail rows");
	tc_spend_series_free(&s);
	ck_assert_int_eq(cost("nothing", &s, &err), -1);
	tc_spend_series_free(&s);
	ck_assert_int_eq(cost("total-without-timedetail", &s, &err), -1);
	ck_assert_str_eq(err.message,
			 "TotalDetail: no TimeDetail (the daily series) but a non-zero Total");
	tc_spend_series_free(&s);
	ck_assert_int_eq(cost("detail-row-without-timedetail", &s, &err), -1);
	ck_assert_str_eq(err.message,
			 "Detail row 1: no TimeDetail (the daily series) but a non-zero Total");
	tc_spend_series_free(&s);
	ck_assert_int_eq(cost("empty-series", &s, &err), -1);
	ck_assert_str_eq(err.message, "DescribeCostExplorerSummary: the cost series has no days "
				      "and the answer does not say the spend is zero");
	tc_spend_series_free(&s);
	ck_assert_int_eq(cost("money-null", &s, &err), -1);
	tc_spend_series_free(&s);
}
END_TEST

START_TEST(recorded_bills) {
	struct json_object *root = NULL;
	struct tc_error err;
	int64_t cents = 0;
	bool ready = false;
	struct {
		const char *name;
		int rc;
		bool ready;
		int64_t cents;
	} cases[] = {
	    {"example", 0, true, 145800},
	    {"example-intl", 0, true, 324358},
	    {"zero", 0, true, 0},
	    {"not-ready", 0, false, 0},
	    {"summary-null", -1, true, 0},
	    {"summary-absent", -1, true, 0},
	    {"real-total-absent", -1, true, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct json_object *r =
		    fixture_response("DescribeBillSummaryByProduct", cases[i].name, &root);
		ck_assert_msg(tc_bill_month_from_json(r, &cents, &ready, &err) == cases[i].rc, "%s",
			      cases[i].name);
		if (cases[i].rc == 0) {
			ck_assert(ready == cases[i].ready);
			ck_assert_int_eq(cents, cases[i].cents);
		}
		json_object_put(root);
	}
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("spend");
	TCase *tc = tcase_create("spend");
	tcase_add_test(tc, daily_rows);
	tcase_add_test(tc, bill_month);
	tcase_add_test(tc, recorded_cost_series);
	tcase_add_test(tc, recorded_cost_without_series);
	tcase_add_test(tc, recorded_bills);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

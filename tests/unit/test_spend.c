/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "tencentcloud/spend.h"
#include "replay.h"
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

/* Rows that are not what the model says, and a day's sum past int64. */
START_TEST(rows_of_the_wrong_shape) {
	struct tc_spend_series s = {0};
	struct tc_error err;
	struct json_object *row = json_tokener_parse("{\"TimeDetail\": {}, \"Total\": \"1\"}");
	ck_assert_int_eq(tc_cost_series_add_row(&s, row, 0, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	json_object_put(row);
	/* each amount below the absurd bound, the day's sum past int64 */
	row = json_tokener_parse("{\"TimeDetail\": []}");
	struct json_object *times = json_object_object_get(row, "TimeDetail");
	for (int i = 0; i < 9300; i++) {
		struct json_object *t = json_object_new_object();
		json_object_object_add(t, "Time", json_object_new_string("2026-11-20 00:00:00"));
		json_object_object_add(t, "Money", json_object_new_string("9999999999999.99"));
		json_object_array_add(times, t);
	}
	ck_assert_int_eq(tc_cost_series_add_row(&s, row, 0, &err), -1);
	ck_assert_str_eq(err.message, "daily spend overflows");
	json_object_put(row);
	tc_spend_series_free(&s);
	/* Detail that is no list, a Total that is no number */
	long items = 0, total = 0;
	const char *bad[] = {"{\"Detail\": {}}", "{\"Detail\": [], \"Total\": \"2\"}"};
	for (size_t i = 0; i < 2; i++) {
		struct json_object *r = json_tokener_parse(bad[i]);
		memset(&s, 0, sizeof s);
		ck_assert_int_eq(tc_cost_page_from_json(&s, r, 0, &items, &total, &err), -1);
		json_object_put(r);
	}
}
END_TEST

START_TEST(cost_fetch_recorded) {
	struct replay r;
	struct tc_spend_series s;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, COST, "default-total-only");
	ck_assert_int_eq(tc_cost_series_fetch(&r.api, day("2026-11-20"), day("2026-11-21") + 3600,
					      TC_BEIJING_OFFSET, &s, &err),
			 0);
	ck_assert_str_eq(r.action[0], COST);
	ck_assert_str_eq(r.params[0],
			 "{\"BeginTime\":\"2026-11-20 00:00:00\",\"EndTime\":\"2026-11-21 "
			 "23:59:59\",\"BillType\":\"1\",\"PeriodType\":\"day\",\"Dimensions\":"
			 "\"default\",\"FeeType\":\"cost\",\"PageSize\":100,\"PageNo\":1}");
	ck_assert_int_eq(s.requests, 1);
	ck_assert_int_eq(tc_spend_on(&s, day("2026-11-20")), 12050);
	tc_spend_series_free(&s);
	replay_stop(&r);
	/* Detail rows over two pages: the same days add up */
	replay_start(&r, 10);
	replay_fixture_edited(&r, COST, "default-detail-only", "Total", "2");
	replay_fixture_edited(&r, COST, "default-detail-only", "Total", "2");
	ck_assert_int_eq(tc_cost_series_fetch(&r.api, day("2026-11-20"), day("2026-11-21"),
					      TC_BEIJING_OFFSET, &s, &err),
			 0);
	ck_assert_int_eq(s.requests, 2);
	ck_assert_ptr_nonnull(strstr(r.params[1], "\"PageNo\":2}"));
	ck_assert_int_eq(tc_spend_on(&s, day("2026-11-21")), 2 * 7950);
	tc_spend_series_free(&s);
	replay_stop(&r);
}
END_TEST

/* No series is never "no spend", through the whole call too. */
START_TEST(cost_fetch_without_series) {
	struct replay r;
	struct tc_spend_series s;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, COST, "empty-series");
	replay_fixture(&r, COST, "nothing");
	ck_assert_int_eq(tc_cost_series_fetch(&r.api, day("2026-11-20"), day("2026-11-21"),
					      TC_BEIJING_OFFSET, &s, &err),
			 -1);
	ck_assert_str_eq(err.message, "DescribeCostExplorerSummary: the cost series has no days "
				      "and the answer does not say the spend is zero");
	tc_spend_series_free(&s);
	ck_assert_int_eq(tc_cost_series_fetch(&r.api, day("2026-11-20"), day("2026-11-21"),
					      TC_BEIJING_OFFSET, &s, &err),
			 -1);
	ck_assert_str_eq(err.message, COST ": no cost series: neither TotalDetail nor Detail rows");
	ck_assert_str_eq(err.request_id, "3d0c5c4e-2f1a-4d4b-8b1e-0f6f2b8e7c11");
	tc_spend_series_free(&s);
	replay_stop(&r);
}
END_TEST

#define BILLS "DescribeBillSummaryByProduct"

START_TEST(bill_month_fetch_recorded) {
	struct replay r;
	struct tc_error err;
	int64_t cents = 0;
	bool ready = false;
	replay_start(&r, 10);
	replay_fixture(&r, BILLS, "example");
	replay_fixture(&r, BILLS, "summary-absent");
	replay_body(&r, 200,
		    "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"x\"},"
		    "\"RequestId\":\"req-b\"}}");
	ck_assert_int_eq(
	    tc_bill_month_fetch(&r.api, day("2026-11-21"), TC_BEIJING_OFFSET, &cents, &ready, &err),
	    0);
	ck_assert_str_eq(r.action[0], BILLS);
	ck_assert_str_eq(r.params[0], "{\"BeginTime\":\"2026-11\",\"EndTime\":\"2026-11\"}");
	ck_assert(ready);
	ck_assert_int_eq(cents, 145800);
	ck_assert_int_eq(
	    tc_bill_month_fetch(&r.api, day("2026-11-21"), TC_BEIJING_OFFSET, &cents, &ready, &err),
	    -1);
	ck_assert_int_eq(strncmp(err.message, BILLS ": ", strlen(BILLS ": ")), 0);
	ck_assert_str_ne(err.request_id, "");
	ck_assert_int_eq(
	    tc_bill_month_fetch(&r.api, day("2026-11-21"), TC_BEIJING_OFFSET, &cents, &ready, &err),
	    -1);
	ck_assert_int_eq(err.kind, TC_ERR_API);
	ck_assert_str_eq(err.request_id, "req-b");
	replay_stop(&r);
}
END_TEST

START_TEST(out_of_memory_is_an_error) {
	struct tc_spend_series s = {0};
	struct tc_error err;
	struct json_object *row = json_tokener_parse(
	    "{\"TimeDetail\": [{\"Time\": \"2026-11-20 00:00:00\", \"Money\": \"1\"}]}");
	failalloc_arm(1);
	int rc = tc_cost_series_add_row(&s, row, 0, &err);
	failalloc_arm(0);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err.message, "out of memory");
	ck_assert_uint_eq(s.n, 0);
	json_object_put(row);
	tc_spend_series_free(&s);
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
	tcase_add_test(tc, rows_of_the_wrong_shape);
	tcase_add_test(tc, out_of_memory_is_an_error);
	suite_add_tcase(s, tc);
	TCase *call = tcase_create("the calls and their pages, against recorded answers");
	tcase_add_test(call, cost_fetch_recorded);
	tcase_add_test(call, cost_fetch_without_series);
	tcase_add_test(call, bill_month_fetch_recorded);
	suite_add_tcase(s, call);
	return s;
}

TC_TEST_MAIN(suite)

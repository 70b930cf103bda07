#include <string.h>

#include "spend.h"
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

static Suite *suite(void) {
	Suite *s = suite_create("spend");
	TCase *tc = tcase_create("spend");
	tcase_add_test(tc, daily_rows);
	tcase_add_test(tc, bill_month);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

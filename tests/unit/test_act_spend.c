/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The spend actions as the simulator serves them: a daily cost series and the
 * month-to-date bill, amounts as decimal strings with 8 decimals. */
#include "fixture.h"
#include "simcall.h"
#include "tap.h"

static const char spend[] = "{\"spend\":{\"daily\":\"100.00\",\"today\":\"40.5\","
			    "\"days\":{\"2\":\"120.50\"},\"month_to_date\":\"1234.56\"}}";

static const char series[] =
    "{\"BeginTime\":\"2026-11-19 00:00:00\",\"EndTime\":\"2026-11-22 23:59:59\","
    "\"BillType\":\"1\",\"PeriodType\":\"day\",\"Dimensions\":\"default\",\"FeeType\":"
    "\"cost\",\"PageSize\":100,\"PageNo\":1}";

START_TEST(daily_series) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_cost_explorer_summary, spend, series);
	/* 19th: 3 days ago (daily), 20th: the "2" override, 21st: daily, 22nd: today */
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.0.Time"),
			 "\"2026-11-19 00:00:00\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.0.Money"), "\"100.00000000\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.1.Money"), "\"120.50000000\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.2.Money"), "\"100.00000000\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.3.Money"), "\"40.50000000\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.Total"), "\"361.00000000\"");
	/* "default" is the total only: no Detail rows */
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "Detail")), 0);
	fixture_assert_same_shape("DescribeCostExplorerSummary", "default-detail-empty",
				  sc.response);
	ck_assert_str_eq(simcall_text(&sc, "Header.HeadDetail.3.Name"), "\"2026-11-22 00:00:00\"");
	simcall_free(&sc);
}
END_TEST

START_TEST(future_days_and_no_spend_are_zero) {
	struct simcall sc;
	simcall_run(
	    &sc, sim_describe_cost_explorer_summary, "{}",
	    "{\"BeginTime\":\"2026-11-22 00:00:00\",\"EndTime\":\"2026-11-23 23:59:59\","
	    "\"BillType\":\"1\",\"PeriodType\":\"day\",\"Dimensions\":\"default\",\"FeeType\":"
	    "\"cost\",\"PageSize\":100,\"PageNo\":2}");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.1.Money"), "\"0.00000000\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.Total"), "\"0.00000000\"");
	/* past the first page the detail is empty */
	ck_assert_str_eq(simcall_text(&sc, "Detail"), "[]");
	simcall_free(&sc);
}
END_TEST

START_TEST(series_rules) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_cost_explorer_summary, spend,
		    "{\"BeginTime\":\"2026-11-19 00:00:00\",\"EndTime\":\"2026-11-22 23:59:59\"}");
	simcall_assert_fails(&sc, "MissingParameter");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_cost_explorer_summary, spend,
		    "{\"BeginTime\":\"2026-11-19 00:00:00\",\"EndTime\":\"2026-11-22 23:59:59\","
		    "\"BillType\":\"1\",\"PeriodType\":\"month\",\"Dimensions\":\"time\","
		    "\"FeeType\":\"cost\",\"PageSize\":100,\"PageNo\":1}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	/* one documented field at a time given a value the service refuses */
	const char *bad[][5] = {{"\"3\"", "\"day\"", "\"cost\"", "100", "1"},
				{"\"1\"", "\"day\"", "\"cashPayAmount\"", "100", "1"},
				{"\"1\"", "\"week\"", "\"cost\"", "100", "1"},
				{"\"1\"", "\"day\"", "\"cost\"", "101", "1"},
				{"\"1\"", "\"day\"", "\"cost\"", "100", "0"}};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char params[512];
		snprintf(params, sizeof params,
			 "{\"BeginTime\":\"2026-11-19 00:00:00\",\"EndTime\":\"2026-11-22 "
			 "23:59:59\",\"BillType\":%s,\"PeriodType\":%s,\"Dimensions\":"
			 "\"default\",\"FeeType\":%s,\"PageSize\":%s,\"PageNo\":%s}",
			 bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4]);
		simcall_run(&sc, sim_describe_cost_explorer_summary, spend, params);
		simcall_assert_fails(&sc, "InvalidParameterValue");
		simcall_free(&sc);
	}
}
END_TEST

START_TEST(month_to_date) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_bill_summary_by_product, spend,
		    "{\"BeginTime\":\"2026-11\",\"EndTime\":\"2026-11\"}");
	ck_assert_str_eq(simcall_text(&sc, "Ready"), "1");
	ck_assert_str_eq(simcall_text(&sc, "SummaryTotal.RealTotalCost"), "\"1234.56000000\"");
	ck_assert_str_eq(simcall_text(&sc, "SummaryTotal.VoucherPayAmount"), "\"0.00000000\"");
	fixture_assert_same_shape("DescribeBillSummaryByProduct", "zero", sc.response);
	simcall_free(&sc);
	/* another month has no spend in the scenario */
	simcall_run(&sc, sim_describe_bill_summary_by_product, spend,
		    "{\"BeginTime\":\"2026-10\",\"EndTime\":\"2026-10\"}");
	ck_assert_str_eq(simcall_text(&sc, "SummaryTotal.RealTotalCost"), "\"0.00000000\"");
	simcall_free(&sc);
}
END_TEST

START_TEST(bill_not_ready) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_bill_summary_by_product, "{\"spend\":{\"bill_ready\":0}}",
		    "{\"BeginTime\":\"2026-11\",\"EndTime\":\"2026-11\"}");
	ck_assert_str_eq(simcall_text(&sc, "Ready"), "0");
	ck_assert_str_eq(simcall_text(&sc, "SummaryTotal"), "null");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_bill_summary_by_product, spend,
		    "{\"BeginTime\":\"2026-10\",\"EndTime\":\"2026-11\"}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_bill_summary_by_product, spend,
		    "{\"BeginTime\":\"2026-11\",\"EndTime\":\"2026-11\",\"PayType\":\"all\"}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
}
END_TEST

/* The official example's request (Dimensions "business", monthly) gets an answer
 * of its shape: product rows in Detail, the total series in TotalDetail. */
START_TEST(official_example_request) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_cost_explorer_summary, spend,
		    "{\"Dimensions\":\"business\",\"PeriodType\":\"month\",\"FeeType\":\"cost\","
		    "\"BillType\":\"1\",\"BeginTime\":\"2026-10-31 00:00:00\",\"EndTime\":"
		    "\"2026-11-02 23:00:00\",\"PageSize\":100,\"PageNo\":1}");
	fixture_assert_same_shape("DescribeCostExplorerSummary", "example", sc.response);
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.0.Time"),
			 "\"2026-10-01 00:00:00\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.1.Time"),
			 "\"2026-11-01 00:00:00\"");
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail.1.Money"), "\"200.00000000\"");
	ck_assert_str_eq(simcall_text(&sc, "Detail.0.Name"), "\"Cloud Virtual Machine CVM\"");
	simcall_free(&sc);
}
END_TEST

/* The other shapes the model allows, by scenario switch. */
START_TEST(optional_shapes) {
	struct simcall sc;
	const char *req = "{\"BeginTime\":\"2026-11-19 00:00:00\",\"EndTime\":\"2026-11-22 "
			  "23:59:59\",\"BillType\":\"1\",\"PeriodType\":\"day\",\"Dimensions\":"
			  "\"default\",\"FeeType\":\"cost\",\"PageSize\":100,\"PageNo\":1}";
	simcall_run(&sc, sim_describe_cost_explorer_summary,
		    "{\"spend\":{\"daily\":\"1\",\"detail\":\"absent\"}}", req);
	fixture_assert_same_shape("DescribeCostExplorerSummary", "default-total-only", sc.response);
	ck_assert_str_eq(simcall_text(&sc, "Detail"), "null");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_cost_explorer_summary,
		    "{\"spend\":{\"daily\":\"1\",\"detail\":\"row\",\"total_detail\":0}}", req);
	fixture_assert_same_shape("DescribeCostExplorerSummary", "default-detail-only",
				  sc.response);
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail"), "null");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_cost_explorer_summary,
		    "{\"spend\":{\"daily\":\"1\",\"time_detail\":0}}", req);
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail"), "null");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_cost_explorer_summary,
		    "{\"spend\":{\"daily\":\"1\",\"series\":\"empty\"}}", req);
	ck_assert_str_eq(simcall_text(&sc, "TotalDetail.TimeDetail"), "[]");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_bill_summary_by_product,
		    "{\"bill_fields\":{\"SummaryTotal\":null}}",
		    "{\"BeginTime\":\"2026-11\",\"EndTime\":\"2026-11\"}");
	ck_assert_str_eq(simcall_text(&sc, "SummaryTotal"), "null");
	ck_assert_str_eq(simcall_text(&sc, "Ready"), "1");
	simcall_free(&sc);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("act_spend");
	TCase *t = tcase_create("act_spend");
	tcase_add_test(t, daily_series);
	tcase_add_test(t, future_days_and_no_spend_are_zero);
	tcase_add_test(t, series_rules);
	tcase_add_test(t, month_to_date);
	tcase_add_test(t, bill_not_ready);
	tcase_add_test(t, official_example_request);
	tcase_add_test(t, optional_shapes);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)

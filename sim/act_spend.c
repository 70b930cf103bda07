/* DescribeCostExplorerSummary (a daily series) and DescribeBillSummaryByProduct
 * (month to date) from the account's "spend": {"daily": "100.00" (every past day),
 * "today": "40.00", "days": {"1": "120.50", ...} (by days ago), "bill_ready": 1,
 * "month_to_date": "1234.56"}. Amounts are decimal strings with 8 decimals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "decimal.h"
#include "timeutil.h"

static int64_t cents_of(const char *text) {
	int64_t v = 0;
	struct tc_error err;
	tc_decimal_parse_str(text, 2, TC_ROUND_HALF, &v, &err);
	return v;
}

static void eight_decimals(int64_t cents, char *buf, size_t size) {
	struct tc_decimal_style style = {.group = false, .trim = false};
	char two[40];
	tc_decimal_format(cents, 2, style, two, sizeof two);
	snprintf(buf, size, "%s000000", two);
}

/* Spend of the day starting at `day`, `ago` days before today. */
static const char *spend_text(struct json_object *spend, int64_t ago) {
	struct json_object *days = NULL;
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)ago);
	if (json_object_object_get_ex(spend, "days", &days)) {
		const char *v = sim_str(days, key, NULL);
		if (v) {
			return v;
		}
	}
	if (ago == 0) {
		return sim_str(spend, "today", "0");
	}
	return ago > 0 ? sim_str(spend, "daily", "0") : "0";
}

int sim_describe_cost_explorer_summary(struct sim_call *c, struct json_object *r) {
	int64_t from, to, page, size;
	const char *period = NULL, *bill = NULL, *dims = NULL, *fee = NULL;
	struct json_object *spend = NULL;
	if (sim_param_time(c, "BeginTime", true, 0, &from) ||
	    sim_param_time(c, "EndTime", true, 0, &to) ||
	    sim_param_string(c, "BillType", true, &bill) ||
	    sim_param_string(c, "PeriodType", true, &period) ||
	    sim_param_string(c, "Dimensions", true, &dims) ||
	    sim_param_string(c, "FeeType", true, &fee) ||
	    sim_param_int(c, "PageSize", true, 0, &size) ||
	    sim_param_int(c, "PageNo", true, 0, &page)) {
		return -1;
	}
	if (strcmp(period, "day") != 0 || size < 1 || size > 100 || page < 1 || to < from) {
		return sim_fail(c, "InvalidParameterValue", "Unsupported period or paging.");
	}
	json_object_object_get_ex(c->account, "spend", &spend);
	int64_t today = tc_day_start(c->now, TC_BEIJING_OFFSET);
	struct json_object *times = json_object_new_array(), *head = json_object_new_array();
	int64_t total = 0;
	for (int64_t day = tc_day_start(from, TC_BEIJING_OFFSET); day <= to; day += 86400) {
		char when[24], money[40];
		int64_t cents = cents_of(spend_text(spend, (today - day) / 86400));
		struct json_object *t = json_object_new_object(), *h = json_object_new_object();
		tc_format_api_time(day, TC_BEIJING_OFFSET, when, sizeof when);
		eight_decimals(cents, money, sizeof money);
		total += cents;
		json_object_object_add(t, "Time", json_object_new_string(when));
		json_object_object_add(t, "Money", json_object_new_string(money));
		json_object_array_add(times, t);
		json_object_object_add(h, "Name", json_object_new_string(when));
		json_object_array_add(head, h);
	}
	char sum[40];
	eight_decimals(total, sum, sizeof sum);
	struct json_object *row = json_object_new_object(), *header = json_object_new_object();
	json_object_object_add(row, "Name", json_object_new_string("\xe6\x80\xbb\xe8\xae\xa1"));
	json_object_object_add(row, "Total", json_object_new_string(sum));
	json_object_object_add(row, "TimeDetail", times);
	json_object_object_add(header, "HeadDetail", head);
	json_object_object_add(header, "Name", json_object_new_string("time"));
	json_object_object_add(header, "Total", json_object_new_string("\xe6\x80\xbb\xe8\xae\xa1"));
	struct json_object *detail = json_object_new_array();
	if (page == 1) {
		json_object_array_add(detail, json_object_get(row));
	}
	json_object_object_add(r, "Total", json_object_new_int64(1));
	json_object_object_add(r, "Header", header);
	json_object_object_add(r, "Detail", detail);
	json_object_object_add(r, "TotalDetail", row);
	return 0;
}

int sim_describe_bill_summary_by_product(struct sim_call *c, struct json_object *r) {
	const char *begin = NULL, *end = NULL;
	struct json_object *spend = NULL;
	char month[16];
	if (sim_param_string(c, "BeginTime", true, &begin) ||
	    sim_param_string(c, "EndTime", true, &end)) {
		return -1;
	}
	if (strlen(begin) != 7 || strcmp(begin, end) != 0) {
		return sim_fail(c, "InvalidParameterValue",
				"BeginTime and EndTime must be the same month, YYYY-MM.");
	}
	json_object_object_get_ex(c->account, "spend", &spend);
	int64_t ready = sim_int(spend, "bill_ready", 1);
	json_object_object_add(r, "Ready", json_object_new_int64(ready));
	tc_format_api_month(c->now, TC_BEIJING_OFFSET, month, sizeof month);
	if (!ready) {
		json_object_object_add(r, "SummaryTotal", NULL);
		json_object_object_add(r, "SummaryOverview", NULL);
		return 0;
	}
	char mtd[40], zero[40];
	eight_decimals(strcmp(begin, month) == 0 ? cents_of(sim_str(spend, "month_to_date", "0"))
						 : 0,
		       mtd, sizeof mtd);
	eight_decimals(0, zero, sizeof zero);
	struct json_object *total = json_object_new_object();
	json_object_object_add(total, "RealTotalCost", json_object_new_string(mtd));
	json_object_object_add(total, "VoucherPayAmount", json_object_new_string(zero));
	json_object_object_add(total, "IncentivePayAmount", json_object_new_string(zero));
	json_object_object_add(total, "CashPayAmount", json_object_new_string(mtd));
	json_object_object_add(total, "TransferPayAmount", json_object_new_string(zero));
	json_object_object_add(total, "TotalCost", json_object_new_string(mtd));
	json_object_object_add(r, "SummaryTotal", total);
	json_object_object_add(r, "SummaryOverview", json_object_new_array());
	return 0;
}

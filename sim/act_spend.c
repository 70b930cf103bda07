/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeCostExplorerSummary (a daily or monthly series) and
 * DescribeBillSummaryByProduct (month to date) from the account's "spend":
 * {"daily": "100.00" (every past day), "today": "40.00", "days": {"1": "120.50", ...}
 * (by days ago), "bill_ready": 1, "month_to_date": "1234.56"}, plus the shape
 * switches below. Amounts are decimal strings with 8 decimals; "bill_fields" /
 * "bill_fields_remove" change the bill's top-level fields (SummaryTotal null). */
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

/* The request as the service documents it; every parameter but the optional three
 * is required, and the enumerations are closed. */
static int cost_request(struct sim_call *c, int64_t *from, int64_t *to, const char **period,
			const char **dims, int64_t *page) {
	static const char *const
	    bills[] = {"1", "2", NULL},
	    *const periods[] = {"day", "month", NULL}, *const fees[] = {"cost", "totalCost", NULL},
	    *const dimensions[] = {"default", "feeType",  "billType",   "business", "product",
				   "region",  "zone",     "actionType", "payMode",  "tags",
				   "project", "payerUin", "ownerUin",   NULL};
	const char *bill = NULL, *fee = NULL;
	int64_t size;
	if (sim_param_time(c, "BeginTime", true, 0, from) ||
	    sim_param_time(c, "EndTime", true, 0, to) ||
	    sim_param_enum(c, "BillType", true, bills, &bill) ||
	    sim_param_enum(c, "PeriodType", true, periods, period) ||
	    sim_param_enum(c, "Dimensions", true, dimensions, dims) ||
	    sim_param_enum(c, "FeeType", true, fees, &fee) ||
	    sim_param_int(c, "PageSize", true, 0, &size) ||
	    sim_param_int(c, "PageNo", true, 0, page)) {
		return -1;
	}
	if (size < 1 || size > 100 || *page < 1 || *to < *from) {
		return sim_fail(c, "InvalidParameterValue",
				"PageSize must be 1-100, PageNo >= 1, BeginTime <= EndTime.");
	}
	return 0;
}

/* The series from `from` to `to`, by day or by month (the month's first day names
 * it); *total gets its sum. */
static struct json_object *cost_series(struct sim_call *c, struct json_object *spend, int64_t from,
				       int64_t to, bool monthly, struct json_object *head,
				       int64_t *total) {
	struct json_object *times = json_object_new_array(), *t = NULL;
	int64_t today = tc_day_start(c->now, TC_BEIJING_OFFSET), bucket = -1, cents = 0;
	*total = 0;
	for (int64_t day = tc_day_start(from, TC_BEIJING_OFFSET); day <= to; day += 86400) {
		int64_t key = monthly ? tc_month_start(day, TC_BEIJING_OFFSET) : day;
		if (key != bucket) {
			char when[24];
			if (t) {
				char money[40];
				eight_decimals(cents, money, sizeof money);
				json_object_object_add(t, "Money", json_object_new_string(money));
			}
			bucket = key;
			cents = 0;
			tc_format_api_time(key, TC_BEIJING_OFFSET, when, sizeof when);
			t = json_object_new_object();
			json_object_object_add(t, "Time", json_object_new_string(when));
			json_object_array_add(times, t);
			struct json_object *h = json_object_new_object();
			json_object_object_add(h, "Name", json_object_new_string(when));
			json_object_array_add(head, h);
		}
		int64_t v = cents_of(spend_text(spend, (today - day) / 86400));
		cents += v;
		*total += v;
	}
	if (t) {
		char money[40];
		eight_decimals(cents, money, sizeof money);
		json_object_object_add(t, "Money", json_object_new_string(money));
	}
	return times;
}

/* Dimensions "default" (total only): the series is TotalDetail.TimeDetail and Detail
 * holds no rows, as the official answers have it; other dimensions add one row per
 * value (one product here). Scenario switches in "spend" give the other shapes the
 * model allows: "detail": "absent" | "empty" | "row" (default: empty for "default",
 * row otherwise), "total_detail": false, "time_detail": false, "series": "empty";
 * "cost_fields" / "cost_fields_remove" change top-level fields. */
int sim_describe_cost_explorer_summary(struct sim_call *c, struct json_object *r) {
	int64_t from, to, page, total;
	const char *period = NULL, *dims = NULL;
	struct json_object *spend = NULL;
	if (cost_request(c, &from, &to, &period, &dims, &page) != 0) {
		return -1;
	}
	json_object_object_get_ex(c->account, "spend", &spend);
	bool by_total = strcmp(dims, "default") == 0;
	struct json_object *head = json_object_new_array();
	struct json_object *times =
	    cost_series(c, spend, from, to, strcmp(period, "month") == 0, head, &total);
	if (strcmp(sim_str(spend, "series", ""), "empty") == 0) {
		json_object_put(times);
		times = json_object_new_array();
	}
	char sum[40];
	eight_decimals(total, sum, sizeof sum);
	struct json_object *row = json_object_new_object(), *header = json_object_new_object();
	json_object_object_add(row, "Name", json_object_new_string("\xe6\x80\xbb\xe8\xae\xa1"));
	json_object_object_add(row, "Total", json_object_new_string(sum));
	if (sim_int(spend, "time_detail", 1)) {
		json_object_object_add(row, "TimeDetail", times);
	} else {
		json_object_put(times);
	}
	json_object_object_add(header, "Name",
			       json_object_new_string(by_total ? "\xe6\x97\xb6\xe9\x97\xb4"
							       : "\xe4\xba\xa7\xe5\x93\x81"));
	json_object_object_add(header, "Total", json_object_new_string("\xe6\x80\xbb\xe8\xae\xa1"));
	json_object_object_add(header, "HeadDetail", head);
	const char *detail = sim_str(spend, "detail", by_total ? "empty" : "row");
	struct json_object *rows = json_object_new_array();
	if (strcmp(detail, "row") == 0 && page == 1) {
		struct json_object *one = sim_copy(row);
		if (!by_total) {
			json_object_object_add(one, "Name",
					       json_object_new_string("Cloud Virtual Machine CVM"));
		}
		json_object_array_add(rows, one);
	}
	json_object_object_add(r, "Total", json_object_new_int64(strcmp(detail, "row") == 0));
	json_object_object_add(r, "Header", header);
	json_object_object_add(r, "ConditionValue", json_object_new_object());
	if (strcmp(detail, "absent") != 0) {
		json_object_object_add(r, "Detail", rows);
	} else {
		json_object_put(rows);
	}
	if (sim_int(spend, "total_detail", 1)) {
		json_object_object_add(r, "TotalDetail", row);
	} else {
		json_object_put(row);
	}
	sim_apply_overrides(c->account, "cost_fields", r);
	return 0;
}

int sim_describe_bill_summary_by_product(struct sim_call *c, struct json_object *r) {
	static const char *const pay_types[] = {"consume", "refund", "adjustment", NULL};
	const char *begin = NULL, *end = NULL, *pay_type = NULL;
	struct json_object *spend = NULL;
	char month[16];
	if (sim_param_string(c, "BeginTime", true, &begin) ||
	    sim_param_string(c, "EndTime", true, &end) ||
	    sim_param_enum(c, "PayType", false, pay_types, &pay_type)) {
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
	sim_apply_overrides(c->account, "bill_fields", r);
	return 0;
}

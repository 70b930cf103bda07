/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/spend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jsonx.h"
#include "tencentcloud/paging.h"
#include "timeutil.h"

#define COST_PAGE 100

int tc_cost_series_add_row(struct tc_spend_series *s, struct json_object *row, int offset,
			   struct tc_error *err) {
	struct json_object *times = NULL;
	int64_t total = 0;
	bool has_total = false;
	if (tc_json_array(row, "TimeDetail", TC_OPTIONAL, &times, err) != 0 ||
	    tc_json_money(row, "Total", TC_UNIT_MAJOR, TC_OPTIONAL, &total, &has_total, err) != 0) {
		return -1;
	}
	if (has_total && total == 0) {
		s->said_zero = true;
	}
	if (!times && !(has_total && total == 0)) {
		return tc_error_set(err, TC_ERR_DATA, "%s",
				    has_total
					? _("no TimeDetail (the daily series) but a non-zero Total")
					: _("no TimeDetail (the daily series)"));
	}
	for (size_t i = 0; times && i < json_object_array_length(times); i++) {
		struct json_object *t = json_object_array_get_idx(times, i);
		const char *when = NULL;
		int64_t day = 0, cents = 0;
		if (tc_json_string(t, "Time", TC_REQUIRED, &when, err) != 0 ||
		    tc_parse_api_time(when, offset, &day, err) != 0 ||
		    tc_json_money(t, "Money", TC_UNIT_MAJOR, TC_REQUIRED, &cents, NULL, err) != 0) {
			return -1;
		}
		day = tc_day_start(day, offset);
		size_t k = 0;
		while (k < s->n && s->days[k].day != day) {
			k++;
		}
		if (k == s->n) {
			struct tc_day_spend *grown = realloc(s->days, (s->n + 1) * sizeof *grown);
			if (!grown) {
				return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
			}
			s->days = grown;
			s->days[s->n++] = (struct tc_day_spend){day, 0};
		}
		if (__builtin_add_overflow(s->days[k].cents, cents, &s->days[k].cents)) {
			return tc_error_set(err, TC_ERR_DATA, _("daily spend overflows"));
		}
	}
	return 0;
}

struct cost_pages {
	struct tc_spend_series *out;
	int offset;
	char begin[24];
	char end[24];
};

static int cost_params(void *ctx, long index, char *buf, size_t size) {
	const struct cost_pages *p = ctx;
	int n = snprintf(buf, size,
			 "{\"BeginTime\":\"%s\",\"EndTime\":\"%s\",\"BillType\":\"1\","
			 "\"PeriodType\":\"day\",\"Dimensions\":\"default\",\"FeeType\":\"cost\","
			 "\"PageSize\":%d,\"PageNo\":%ld}",
			 p->begin, p->end, COST_PAGE, index + 1);
	return (n < 0 || (size_t)n >= size) ? -1 : 0;
}

int tc_cost_page_from_json(struct tc_spend_series *s, struct json_object *response, int offset,
			   long *items, long *total, struct tc_error *err) {
	struct json_object *sum = NULL, *rows = NULL;
	int64_t count = 0;
	bool has_count = false;
	if (json_object_object_get_ex(response, "TotalDetail", &sum) &&
	    !json_object_is_type(sum, json_type_null)) {
		/* the total series: the whole answer, whatever Detail holds */
		*items = *total = 1;
		return tc_cost_series_add_row(s, sum, offset, err) == 0
			   ? 0
			   : tc_error_prefix(err, "TotalDetail");
	}
	if (tc_json_array(response, "Detail", TC_OPTIONAL, &rows, err) != 0 ||
	    tc_json_int(response, "Total", TC_OPTIONAL, &count, &has_count, err) != 0) {
		return -1;
	}
	*items = rows ? (long)json_object_array_length(rows) : 0;
	if (*items == 0) {
		return tc_error_set(err, TC_ERR_DATA,
				    _("no cost series: neither TotalDetail nor Detail rows"));
	}
	*total = has_count ? (long)count : *items;
	for (long i = 0; i < *items; i++) {
		if (tc_cost_series_add_row(s, json_object_array_get_idx(rows, (size_t)i), offset,
					   err) != 0) {
			return tc_error_prefix(err, _("Detail row %ld"), i + 1);
		}
	}
	return 0;
}

int tc_cost_series_check(const struct tc_spend_series *s, struct tc_error *err) {
	if (s->n == 0 && !s->said_zero) {
		return tc_error_set(
		    err, TC_ERR_DATA,
		    _("DescribeCostExplorerSummary: the cost series has no days and "
		      "the answer does not say the spend is zero"));
	}
	return 0;
}

static int cost_page(void *ctx, struct json_object *response, long *items, long *total,
		     struct tc_error *err) {
	struct cost_pages *p = ctx;
	return tc_cost_page_from_json(p->out, response, p->offset, items, total, err);
}

int tc_cost_series_fetch(struct tc_api *api, int64_t from, int64_t to, int offset,
			 struct tc_spend_series *out, struct tc_error *err) {
	struct cost_pages p = {.out = out, .offset = offset};
	char day[16];
	tc_format_api_date(from, offset, day, sizeof day);
	snprintf(p.begin, sizeof p.begin, "%s 00:00:00", day);
	tc_format_api_date(to, offset, day, sizeof day);
	snprintf(p.end, sizeof p.end, "%s 23:59:59", day);
	struct tc_pager pager = {
	    .service = "billing",
	    .version = "2018-07-09",
	    .action = "DescribeCostExplorerSummary",
	    .params = cost_params,
	    .page = cost_page,
	    .ctx = &p,
	};
	memset(out, 0, sizeof *out);
	if (tc_paginate(api, &pager, &out->requests, err) != 0) {
		return -1;
	}
	return tc_cost_series_check(out, err);
}

int tc_bill_month_from_json(struct json_object *response, int64_t *cents, bool *ready,
			    struct tc_error *err) {
	int64_t r = 0;
	struct json_object *total = NULL;
	if (tc_json_int(response, "Ready", TC_REQUIRED, &r, NULL, err) != 0) {
		return -1;
	}
	*ready = r == 1;
	*cents = 0;
	if (!*ready) {
		return 0;
	}
	bool named = json_object_object_get_ex(response, "SummaryTotal", &total);
	if (!named || json_object_is_type(total, json_type_null)) {
		return tc_error_set(err, TC_ERR_DATA,
				    _("SummaryTotal is %s though Ready=1: no month-to-date total"),
				    named ? "null" : "missing");
	}
	if (tc_json_money(total, "RealTotalCost", TC_UNIT_MAJOR, TC_REQUIRED, cents, NULL, err) !=
	    0) {
		return tc_error_prefix(err, "SummaryTotal");
	}
	return 0;
}

int tc_bill_month_fetch(struct tc_api *api, int64_t now, int offset, int64_t *cents, bool *ready,
			struct tc_error *err) {
	struct tc_api_reply reply;
	char month[16], params[96];
	tc_format_api_month(now, offset, month, sizeof month);
	snprintf(params, sizeof params, "{\"BeginTime\":\"%s\",\"EndTime\":\"%s\"}", month, month);
	if (tc_api_call(api, "billing", "2018-07-09", "DescribeBillSummaryByProduct", params,
			&reply, err) != 0) {
		return -1;
	}
	int rc = tc_bill_month_from_json(reply.response, cents, ready, err);
	if (rc != 0) {
		tc_error_prefix(err, "DescribeBillSummaryByProduct");
		snprintf(err->request_id, sizeof err->request_id, "%s", reply.request_id);
	}
	tc_api_reply_free(&reply);
	return rc;
}

int64_t tc_spend_on(const struct tc_spend_series *s, int64_t day) {
	for (size_t i = 0; i < s->n; i++) {
		if (s->days[i].day == day) {
			return s->days[i].cents;
		}
	}
	return 0;
}

void tc_spend_series_free(struct tc_spend_series *s) {
	free(s->days);
	s->days = NULL;
	s->n = 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the account spends: the daily series of DescribeCostExplorerSummary and the
 * month-to-date total of DescribeBillSummaryByProduct, both decimal strings in
 * currency units. */
#ifndef TC_SPEND_H
#define TC_SPEND_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "tencentcloud/api.h"
#include "error.h"

struct tc_day_spend {
	int64_t day; /* UNIX time of the day's start at the API's offset */
	int64_t cents;
};

struct tc_spend_series {
	struct tc_day_spend *days;
	size_t n;
	long requests;
	bool said_zero; /* the answer's total says the spend is zero */
};

/* Daily spend (discounted cost, bill view, Dimensions "default") from the day of
 * `from` to that of `to`. The total series is TotalDetail.TimeDetail; an answer
 * without TotalDetail is read from its Detail rows. An answer that carries no
 * series at all, or an empty one, is an error unless its total says zero. */
int tc_cost_series_fetch(struct tc_api *api, int64_t from, int64_t to, int offset,
			 struct tc_spend_series *out, struct tc_error *err);

/* Adds the TimeDetail entries of one Detail row or of TotalDetail to the series; a
 * row without TimeDetail is an error unless its Total is zero. */
int tc_cost_series_add_row(struct tc_spend_series *s, struct json_object *row, int offset,
			   struct tc_error *err);

/* Reads one page of DescribeCostExplorerSummary into the series; *items and *total
 * as a tc_pager page reader sets them. */
int tc_cost_page_from_json(struct tc_spend_series *s, struct json_object *response, int offset,
			   long *items, long *total, struct tc_error *err);

/* After the last page: an empty series is an error unless the answer said zero. */
int tc_cost_series_check(const struct tc_spend_series *s, struct tc_error *err);

/* Spend of the month containing `now` so far; *ready is false while the service is
 * still building the month's bill (Ready = 0). A ready bill without SummaryTotal
 * (null or absent) is an error: no total is not a total of zero. */
int tc_bill_month_fetch(struct tc_api *api, int64_t now, int offset, int64_t *cents, bool *ready,
			struct tc_error *err);
int tc_bill_month_from_json(struct json_object *response, int64_t *cents, bool *ready,
			    struct tc_error *err);

/* The spend of one day, 0 when the series has no entry for it. */
int64_t tc_spend_on(const struct tc_spend_series *s, int64_t day);

void tc_spend_series_free(struct tc_spend_series *s);

#endif

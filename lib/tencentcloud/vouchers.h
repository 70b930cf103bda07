/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unused vouchers: DescribeVoucherInfo, amounts in micro (1e-8 of the currency),
 * Offset a 1-based page number. */
#ifndef TC_VOUCHERS_H
#define TC_VOUCHERS_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "tencentcloud/api.h"
#include "error.h"

struct tc_voucher {
	char id[80];        /* VoucherId, display only: "" when absent */
	char products[120]; /* ApplicableProducts.GoodsName, display only */
	char end_text[24];  /* EndTime as the API wrote it ("" when absent) */
	int64_t balance;    /* cents */
	int64_t nominal;    /* cents */
	bool undated;       /* EndTime is not a date: the expiry cannot be judged */
	int64_t expires;    /* UNIX time of EndTime (the start of that day for a date) */
};

struct tc_vouchers {
	struct tc_voucher *items;
	size_t n;
	long requests;
};

int tc_vouchers_fetch(struct tc_api *api, int offset, struct tc_vouchers *out,
		      struct tc_error *err);
/* One element of VoucherInfos. Balance is required and exact; an EndTime that is
 * not a date (the official example has "0002-11-30") leaves the voucher undated. */
int tc_voucher_from_json(struct json_object *v, int offset, struct tc_voucher *out,
			 struct tc_error *err);
/* One page's Response, appended to *out; *items and *total as the page reported them
 * (*total TC_TOTAL_UNKNOWN when absent). */
int tc_vouchers_read_page(struct json_object *response, int offset, struct tc_vouchers *out,
			  long *items, long *total, struct tc_error *err);
void tc_vouchers_free(struct tc_vouchers *v);

#endif

/* Unused vouchers: DescribeVoucherInfo, amounts in micro (1e-8 of the currency),
 * Offset a 1-based page number. */
#ifndef TC_VOUCHERS_H
#define TC_VOUCHERS_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "api.h"
#include "error.h"

struct tc_voucher {
	char id[80];
	char products[120]; /* ApplicableProducts.GoodsName */
	char end_text[24];  /* EndTime as the API wrote it */
	int64_t balance;    /* cents */
	int64_t nominal;    /* cents */
	int64_t expires;    /* UNIX time of EndTime (the start of that day for a date) */
};

struct tc_vouchers {
	struct tc_voucher *items;
	size_t n;
	int64_t total_balance; /* TotalBalance of the first page, cents */
	long requests;
};

int tc_vouchers_fetch(struct tc_api *api, int offset, struct tc_vouchers *out,
		      struct tc_error *err);
int tc_voucher_from_json(struct json_object *v, int offset, struct tc_voucher *out,
			 struct tc_error *err);
void tc_vouchers_free(struct tc_vouchers *v);

#endif

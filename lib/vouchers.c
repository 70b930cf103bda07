#include "vouchers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonx.h"
#include "paging.h"
#include "result.h"
#include "timeutil.h"

#define VOUCHER_PAGE 1000

int tc_voucher_from_json(struct json_object *v, int offset, struct tc_voucher *out,
			 struct tc_error *err) {
	const char *id = NULL, *end = NULL, *goods = NULL;
	struct json_object *products = NULL;
	memset(out, 0, sizeof *out);
	if (tc_json_string(v, "VoucherId", TC_REQUIRED, &id, err) != 0 ||
	    tc_json_money(v, "Balance", TC_UNIT_MICRO, TC_REQUIRED, &out->balance, NULL, err) !=
		0 ||
	    tc_json_money(v, "NominalValue", TC_UNIT_MICRO, TC_OPTIONAL, &out->nominal, NULL,
			  err) != 0 ||
	    tc_json_string(v, "EndTime", TC_REQUIRED, &end, err) != 0 ||
	    tc_parse_api_time(end, offset, &out->expires, err) != 0) {
		return -1;
	}
	if (out->balance < 0) {
		return tc_error_set(err, TC_ERR_DATA, "voucher %.40s has a negative balance", id);
	}
	if (json_object_object_get_ex(v, "ApplicableProducts", &products) &&
	    tc_json_string(products, "GoodsName", TC_OPTIONAL, &goods, err) != 0) {
		return -1;
	}
	tc_text_copy(out->id, sizeof out->id, id, TC_TEXT_ONE_LINE);
	tc_text_copy(out->end_text, sizeof out->end_text, end, TC_TEXT_ONE_LINE);
	tc_text_copy(out->products, sizeof out->products, goods, TC_TEXT_ONE_LINE);
	return 0;
}

struct voucher_pages {
	struct tc_vouchers *out;
	int offset;
};

static int voucher_params(void *ctx, long index, char *buf, size_t size) {
	(void)ctx;
	int n = snprintf(buf, size, "{\"Limit\":%d,\"Offset\":%ld,\"Status\":\"unUsed\"}",
			 VOUCHER_PAGE, index + 1);
	return (n < 0 || (size_t)n >= size) ? -1 : 0;
}

static int voucher_page(void *ctx, struct json_object *response, long *items, long *total,
			struct tc_error *err) {
	struct voucher_pages *p = ctx;
	struct json_object *list = NULL;
	int64_t balance = 0;
	const char *unit = NULL;
	bool has_balance = false;
	if (tc_page_list(response, "VoucherInfos", "TotalCount", &list, items, total, err) != 0 ||
	    tc_json_money(response, "TotalBalance", TC_UNIT_MICRO, TC_OPTIONAL, &balance,
			  &has_balance, err) != 0 ||
	    tc_json_string(response, "Unit", TC_OPTIONAL, &unit, err) != 0) {
		return -1;
	}
	if (unit && strcmp(unit, "micro") != 0) {
		return tc_error_set(err, TC_ERR_DATA, "unexpected Unit '%.20s' (not micro)", unit);
	}
	if (has_balance && p->out->requests == 0) {
		p->out->total_balance = balance;
	}
	struct tc_voucher *grown =
	    realloc(p->out->items, (p->out->n + (size_t)*items + 1) * sizeof *grown);
	if (!grown) {
		return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
	}
	p->out->items = grown;
	for (long i = 0; i < *items; i++) {
		if (tc_voucher_from_json(json_object_array_get_idx(list, (size_t)i), p->offset,
					 &p->out->items[p->out->n], err) != 0) {
			return tc_error_prefix(err, "voucher %ld", i + 1);
		}
		p->out->n++;
	}
	return 0;
}

int tc_vouchers_fetch(struct tc_api *api, int offset, struct tc_vouchers *out,
		      struct tc_error *err) {
	struct voucher_pages p = {.out = out, .offset = offset};
	struct tc_pager pager = {
	    .service = "billing",
	    .version = "2018-07-09",
	    .action = "DescribeVoucherInfo",
	    .params = voucher_params,
	    .page = voucher_page,
	    .ctx = &p,
	};
	memset(out, 0, sizeof *out);
	return tc_paginate(api, &pager, &out->requests, err);
}

void tc_vouchers_free(struct tc_vouchers *v) {
	free(v->items);
	v->items = NULL;
	v->n = 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/vouchers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jsonx.h"
#include "tencentcloud/paging.h"
#include "result.h"
#include "timeutil.h"

#define VOUCHER_PAGE 1000

int tc_voucher_from_json(struct json_object *v, int offset, struct tc_voucher *out,
			 struct tc_error *err) {
	struct json_object *products = NULL;
	struct tc_error ignored;
	memset(out, 0, sizeof *out);
	if (!json_object_is_type(v, json_type_object)) {
		return tc_error_set(err, TC_ERR_DATA, _("not an object"));
	}
	tc_json_display(v, "VoucherId", out->id, sizeof out->id);
	if (tc_json_money(v, "Balance", TC_UNIT_MICRO, TC_REQUIRED, &out->balance, NULL, err) !=
		0 ||
	    tc_json_money(v, "NominalValue", TC_UNIT_MICRO, TC_OPTIONAL, &out->nominal, NULL,
			  err) != 0) {
		return out->id[0] ? tc_error_prefix(err, "%.40s", out->id) : -1;
	}
	if (out->balance < 0) {
		return tc_error_set(err, TC_ERR_DATA, _("voucher %.40s has a negative balance"),
				    out->id[0] ? out->id : "?");
	}
	/* the expiry is judged per voucher: one that cannot be read is reported as such
	 * by the logic, and the others are still watched */
	tc_json_display(v, "EndTime", out->end_text, sizeof out->end_text);
	out->undated = !out->end_text[0] ||
		       tc_parse_api_time(out->end_text, offset, &out->expires, &ignored) != 0;
	if (json_object_object_get_ex(v, "ApplicableProducts", &products)) {
		tc_json_display(products, "GoodsName", out->products, sizeof out->products);
	}
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

int tc_vouchers_read_page(struct json_object *response, int offset, struct tc_vouchers *out,
			  long *items, long *total, struct tc_error *err) {
	struct json_object *list = NULL;
	const char *unit = NULL;
	/* TotalBalance is not read: the figures are summed from the vouchers themselves */
	if (tc_page_list_opt(response, "VoucherInfos", "TotalCount", &list, items, total, err) !=
		0 ||
	    tc_json_string(response, "Unit", TC_OPTIONAL, &unit, err) != 0) {
		return -1;
	}
	/* the money unit decides every amount: anything but micro is refused */
	if (unit && strcmp(unit, "micro") != 0) {
		return tc_error_set(err, TC_ERR_DATA, _("unexpected Unit '%.20s' (not micro)"),
				    unit);
	}
	struct tc_voucher *grown =
	    realloc(out->items, (out->n + (size_t)*items + 1) * sizeof *grown);
	if (!grown) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	out->items = grown;
	for (long i = 0; i < *items; i++) {
		if (tc_voucher_from_json(json_object_array_get_idx(list, (size_t)i), offset,
					 &out->items[out->n], err) != 0) {
			return tc_error_prefix(err, _("voucher %ld"), i + 1);
		}
		out->n++;
	}
	return 0;
}

static int voucher_page(void *ctx, struct json_object *response, long *items, long *total,
			struct tc_error *err) {
	struct voucher_pages *p = ctx;
	return tc_vouchers_read_page(response, p->offset, p->out, items, total, err);
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
	    .limit = VOUCHER_PAGE,
	};
	memset(out, 0, sizeof *out);
	return tc_paginate(api, &pager, &out->requests, err);
}

void tc_vouchers_free(struct tc_vouchers *v) {
	free(v->items);
	v->items = NULL;
	v->n = 0;
}

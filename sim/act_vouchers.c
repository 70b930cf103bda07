/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeVoucherInfo from the account's "vouchers": {"id", "balance" and "nominal"
 * (micro, 1e-8 of the currency), "expires_in_days" or "end_time" (EndTime written
 * as given, e.g. the official example's "0002-11-30"), "products", "status",
 * "repeat"}. Offset is a 1-based page number, as the service has it. The answer has
 * the official example's shape; "voucher_fields"/"voucher_fields_remove" change the
 * Response, "voucher_item"/"voucher_item_remove" every voucher (the models mark no
 * field required; display fields may come as numbers or null). The X-TC-Region the action requires
 * is checked in serve.c. */
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "timeutil.h"

#define VOUCHER_MAX_LIMIT 1000

int sim_describe_voucher_info(struct sim_call *c, struct json_object *r) {
	int64_t limit, page;
	const char *status = NULL;
	if (sim_param_int(c, "Limit", true, 20, &limit) ||
	    sim_param_int(c, "Offset", true, 1, &page) ||
	    sim_param_string(c, "Status", false, &status)) {
		return -1;
	}
	if (limit < 1 || limit > VOUCHER_MAX_LIMIT || page < 1) {
		return sim_fail(c, "InvalidParameter",
				"Limit must be 1-1000 and Offset (page) >= 1.");
	}
	struct json_object *list = sim_list(c->account, "vouchers");
	struct json_object *out = json_object_new_array();
	int64_t total = 0, balance = 0;
	size_t len = list ? json_object_array_length(list) : 0;
	for (size_t i = 0; i < len; i++) {
		struct json_object *v = json_object_array_get_idx(list, i);
		if (status && strcmp(status, sim_str(v, "status", "unUsed")) != 0) {
			continue;
		}
		total++;
		balance += sim_int(v, "balance", 0);
		if (total <= (page - 1) * limit || total > page * limit) {
			continue;
		}
		struct json_object *e = json_object_new_object(), *goods = json_object_new_object();
		char begin[16], end[16];
		tc_format_api_date(c->now - 30 * 86400, TC_BEIJING_OFFSET, begin, sizeof begin);
		tc_format_api_date(c->now + sim_int(v, "expires_in_days", 30) * 86400,
				   TC_BEIJING_OFFSET, end, sizeof end);
		const char *end_time = sim_str(v, "end_time", end);
		json_object_object_add(e, "OwnerUin", json_object_new_string("100000000001"));
		json_object_object_add(e, "Status",
				       json_object_new_string(sim_str(v, "status", "unUsed")));
		json_object_object_add(
		    e, "NominalValue",
		    json_object_new_int64(sim_int(v, "nominal", sim_int(v, "balance", 0))));
		json_object_object_add(e, "Balance",
				       json_object_new_int64(sim_int(v, "balance", 0)));
		json_object_object_add(e, "VoucherId",
				       json_object_new_string(sim_str(v, "id", "")));
		json_object_object_add(e, "PayMode", json_object_new_string("postPay"));
		json_object_object_add(e, "PayScene", json_object_new_string("common"));
		json_object_object_add(e, "BeginTime", json_object_new_string(begin));
		json_object_object_add(e, "EndTime", json_object_new_string(end_time));
		json_object_object_add(goods, "GoodsName",
				       json_object_new_string(sim_str(v, "products", "CVM")));
		json_object_object_add(goods, "PayMode", json_object_new_string("postPay"));
		json_object_object_add(e, "ApplicableProducts", goods);
		json_object_object_add(e, "ExcludedProducts", json_object_new_array());
		json_object_object_add(e, "PolicyRemark", json_object_new_string(""));
		json_object_object_add(e, "CreateTime",
				       json_object_new_string("2026-01-01 00:00:00"));
		sim_apply_overrides(c->account, "voucher_item", e);
		json_object_array_add(out, e);
	}
	json_object_object_add(r, "TotalCount", json_object_new_int64(total));
	json_object_object_add(r, "TotalBalance", json_object_new_int64(balance));
	json_object_object_add(r, "VoucherInfos", out);
	json_object_object_add(r, "Unit", json_object_new_string("micro"));
	sim_apply_overrides(c->account, "voucher_fields", r);
	json_object_put(list);
	return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: every JSON response parser, behind the envelope parser, as they are
 * reached from a body the network delivered. */
#include <stdint.h>
#include <string.h>

#include "tencentcloud/api.h"
#include "tencentcloud/balance.h"
#include "tencentcloud/funds.h"
#include "jsonx.h"
#include "tencentcloud/orders.h"
#include "tencentcloud/renewals.h"
#include "tencentcloud/spend.h"
#include "tencentcloud/vouchers.h"

static void each(struct json_object *response, const char *key,
		 void (*parse)(struct json_object *item)) {
	struct json_object *list = NULL;
	struct tc_error err;
	if (tc_json_array(response, key, TC_OPTIONAL, &list, &err) == 0 && list) {
		for (size_t i = 0; i < json_object_array_length(list) && i < 64; i++) {
			parse(json_object_array_get_idx(list, i));
		}
	}
}

static void deal(struct json_object *o) {
	struct tc_order order;
	struct tc_error err;
	tc_order_from_deal(o, 8 * 3600, &order, &err);
}

static void agent_deal(struct json_object *o) {
	struct tc_order order;
	struct tc_error err;
	tc_order_from_agent_deal(o, 8 * 3600, &order, &err);
}

static void voucher(struct json_object *o) {
	struct tc_voucher v;
	struct tc_error err;
	tc_voucher_from_json(o, 8 * 3600, &v, &err);
}

static void member(struct json_object *o) {
	struct tc_fund_account a;
	struct tc_error err;
	tc_member_from_json(o, &a, &err);
}

static void customer(struct json_object *o) {
	struct tc_fund_account a;
	struct tc_error err;
	tc_customer_from_json(o, &a, &err);
}

static void cost_row(struct json_object *o) {
	struct tc_spend_series s = {0};
	struct tc_error err;
	tc_cost_series_add_row(&s, o, 8 * 3600, &err);
	tc_spend_series_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	struct tc_api_reply reply;
	struct tc_error err;
	if (tc_api_parse_envelope("billing", "DescribeAccountBalance", (const char *)data, size,
				  &reply, &err) != 0) {
		return 0;
	}
	struct tc_balance b;
	int64_t cents;
	bool ready;
	tc_balance_from_json(reply.response, &b, &err);
	tc_bill_month_from_json(reply.response, &cents, &ready, &err);
	each(reply.response, "Deals", deal);
	each(reply.response, "AgentPayDealSet", agent_deal);
	each(reply.response, "VoucherInfos", voucher);
	each(reply.response, "Data", member);
	each(reply.response, "Data", customer);
	each(reply.response, "Detail", cost_row);
	struct tc_renewals renewals = {0};
	const char *next = NULL;
	tc_renewals_page(reply.response, 8 * 3600, &renewals, &next, &err);
	tc_renewals_free(&renewals);
	struct tc_spend_series series = {0};
	long items = 0, total = 0;
	if (tc_cost_page_from_json(&series, reply.response, 8 * 3600, &items, &total, &err) == 0) {
		tc_cost_series_check(&series, &err);
	}
	tc_spend_series_free(&series);
	tc_api_reply_free(&reply);
	return 0;
}

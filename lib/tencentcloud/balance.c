/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/balance.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "jsonx.h"
#include "result.h"

struct field_spec {
	const char *name;
	size_t offset;
	enum tc_field need;
	bool non_negative;
};

#define FIELD(name, member, need, nonneg)                                                          \
	{ name, offsetof(struct tc_balance, member), need, nonneg }

static const struct field_spec fields[] = {
    FIELD("RealBalance", real_balance, TC_REQUIRED, false),
    FIELD("CashAccountBalance", cash, TC_OPTIONAL, false),
    FIELD("IncomeIntoAccountBalance", income, TC_OPTIONAL, false),
    FIELD("PresentAccountBalance", present, TC_OPTIONAL, true),
    FIELD("FreezeAmount", freeze, TC_OPTIONAL, true),
    FIELD("OweAmount", owe, TC_REQUIRED, true),
    FIELD("CreditAmount", credit_amount, TC_OPTIONAL, true),
    FIELD("RealCreditBalance", real_credit_balance, TC_OPTIONAL, false),
    FIELD("TempCredit", temp_credit, TC_OPTIONAL, true),
};

int tc_balance_from_json(struct json_object *response, struct tc_balance *out,
			 struct tc_error *err) {
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const struct field_spec *f = &fields[i];
		struct tc_amount *a = (struct tc_amount *)((char *)out + f->offset);
		/* any amount owed, however small, is arrears */
		bool owed = strcmp(f->name, "OweAmount") == 0;
		if ((owed ? tc_json_money_owed : tc_json_money)(response, f->name, TC_UNIT_CENTS,
								f->need, &a->cents, &a->present,
								err) != 0) {
			return tc_error_prefix(err, "DescribeAccountBalance");
		}
		if (a->present && f->non_negative && a->cents < 0) {
			return tc_error_set(err, TC_ERR_DATA,
					    _("DescribeAccountBalance: field %s is negative"),
					    f->name);
		}
	}
	tc_json_display(response, "Uin", out->uin, sizeof out->uin);
	return 0;
}

int64_t tc_balance_available(const struct tc_balance *b, bool *credit) {
	*credit = b->credit_amount.present && b->credit_amount.cents > 0;
	if (!*credit) {
		return b->real_balance.cents;
	}
	if (b->real_credit_balance.present) {
		return b->real_credit_balance.cents;
	}
	int64_t as_account = b->real_balance.cents + b->credit_amount.cents;
	int64_t from_line =
	    (b->cash.present ? b->cash.cents : 0) + b->credit_amount.cents - b->owe.cents;
	return as_account < from_line ? as_account : from_line;
}

bool tc_balance_in_arrears(const struct tc_balance *b) {
	bool credit = false;
	int64_t available = tc_balance_available(b, &credit);
	if (credit) {
		return b->owe.cents > b->credit_amount.cents || available < 0;
	}
	return b->owe.present ? b->owe.cents > 0 : b->real_balance.cents < 0;
}

int tc_balance_fetch(struct tc_api *api, struct tc_balance *out, struct tc_error *err) {
	struct tc_api_reply reply;
	if (tc_api_call(api, "billing", "2018-07-09", "DescribeAccountBalance",
			"{\"TempCredit\":true}", &reply, err) != 0) {
		return -1;
	}
	int rc = tc_balance_from_json(reply.response, out, err);
	if (rc != 0) {
		snprintf(err->request_id, sizeof err->request_id, "%s", reply.request_id);
	}
	tc_api_reply_free(&reply);
	return rc;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeRenewInstances from the account's "renewals": {"id", "product_code",
 * "sub_product_code", "region", "name", "product", "project", "status" (NORMAL),
 * "flag" (NOTIFY_AND_MANUAL_RENEW), "expires_in_days" (30: the instance expires at
 * 23:59:59 Beijing time that many days from today), "period", "period_unit",
 * "repeat", and "fields" / "fields_remove" to set or drop fields of that instance's
 * record (null values, absent optional fields)}. Pages of MaxResults (1-100, as the
 * service allows) are chained by NextToken, null on the last page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "timeutil.h"

#define RENEW_MAX_RESULTS 100
#define RENEW_MAX_IDS     100
#define TOKEN_PREFIX      "sim-renew-next-"

/* The string array parameter `name` (NULL when absent); fails on a wrong type. */
static int string_list(struct sim_call *c, const char *name, size_t max, struct json_object **out) {
	struct json_object *v = NULL;
	*out = NULL;
	if (!json_object_object_get_ex(c->params, name, &v) || !v) {
		return 0;
	}
	if (!json_object_is_type(v, json_type_array)) {
		return sim_fail(c, "InvalidParameter", "The parameter `%s` must be an array.",
				name);
	}
	size_t n = json_object_array_length(v);
	if (n > max) {
		return sim_fail(c, "InvalidParameterValue", "`%s` takes at most %zu values.", name,
				max);
	}
	for (size_t i = 0; i < n; i++) {
		if (!json_object_is_type(json_object_array_get_idx(v, i), json_type_string)) {
			return sim_fail(c, "InvalidParameter",
					"The parameter `%s` must hold strings.", name);
		}
	}
	*out = v;
	return 0;
}

static bool holds(struct json_object *list, const char *value) {
	if (!list) {
		return true;
	}
	for (size_t i = 0; i < json_object_array_length(list); i++) {
		if (strcmp(json_object_get_string(json_object_array_get_idx(list, i)), value) ==
		    0) {
			return true;
		}
	}
	return false;
}

static struct json_object *record(struct sim_call *c, struct json_object *v, int64_t expires) {
	struct json_object *e = json_object_new_object();
	char when[24];
	tc_format_api_time(expires, TC_BEIJING_OFFSET, when, sizeof when);
	json_object_object_add(e, "InstanceId", json_object_new_string(sim_str(v, "id", "")));
	json_object_object_add(e, "ProductCode",
			       json_object_new_string(sim_str(v, "product_code", "p_cvm")));
	json_object_object_add(e, "SubProductCode",
			       json_object_new_string(sim_str(v, "sub_product_code", "sp_cvm_s5")));
	json_object_object_add(e, "RegionCode",
			       json_object_new_string(sim_str(v, "region", "ap-guangzhou")));
	json_object_object_add(e, "Status", json_object_new_string(sim_str(v, "status", "NORMAL")));
	json_object_object_add(
	    e, "RenewFlag", json_object_new_string(sim_str(v, "flag", "NOTIFY_AND_MANUAL_RENEW")));
	json_object_object_add(e, "ExpireTime", json_object_new_string(when));
	json_object_object_add(e, "InstanceName", json_object_new_string(sim_str(v, "name", "")));
	json_object_object_add(
	    e, "ProductName",
	    json_object_new_string(sim_str(v, "product", "Cloud Virtual Machine")));
	json_object_object_add(e, "ProjectName",
			       json_object_new_string(sim_str(v, "project", "Default Project")));
	json_object_object_add(e, "RenewPeriod", json_object_new_int64(sim_int(v, "period", 1)));
	json_object_object_add(e, "RenewPeriodUnit",
			       json_object_new_string(sim_str(v, "period_unit", "m")));
	(void)c;
	sim_apply_overrides(v, "fields", e);
	return e;
}

int sim_describe_renew_instances(struct sim_call *c, struct json_object *r) {
	int64_t max, start = 0, end = 0, skip = 0; /* ExpireTimeStart/End, Beijing time */
	const char *token = NULL;
	struct json_object *flags = NULL, *ids = NULL, *reverse = NULL;
	if (sim_param_int(c, "MaxResults", true, 0, &max) ||
	    sim_param_string(c, "NextToken", false, &token) ||
	    string_list(c, "RenewFlagList", 3, &flags) ||
	    string_list(c, "InstanceIdList", RENEW_MAX_IDS, &ids) ||
	    sim_param_time(c, "ExpireTimeStart", false, INT64_MIN, &start) ||
	    sim_param_time(c, "ExpireTimeEnd", false, INT64_MAX, &end)) {
		return -1;
	}
	if (max < 1 || max > RENEW_MAX_RESULTS) {
		return sim_fail(c, "InvalidParameterValue", "MaxResults must be 1-100.");
	}
	if (json_object_object_get_ex(c->params, "Reverse", &reverse) && reverse &&
	    !json_object_is_type(reverse, json_type_boolean)) {
		return sim_fail(c, "InvalidParameter",
				"The parameter `Reverse` must be a boolean.");
	}
	if (token) {
		char *rest = NULL;
		if (strncmp(token, TOKEN_PREFIX, strlen(TOKEN_PREFIX)) != 0 ||
		    (skip = strtoll(token + strlen(TOKEN_PREFIX), &rest, 10)) <= 0 || *rest) {
			return sim_fail(c, "InvalidParameterValue", "NextToken is not valid.");
		}
	}
	struct json_object *list = sim_list(c->account, "renewals");
	size_t len = list ? json_object_array_length(list) : 0;
	struct json_object *out = json_object_new_array();
	int64_t matched = 0;
	bool more = false;
	for (size_t k = 0; k < len; k++) {
		size_t i = reverse && json_object_get_boolean(reverse) ? len - 1 - k : k;
		struct json_object *v = json_object_array_get_idx(list, i);
		int64_t day = tc_day_start(c->now + sim_int(v, "expires_in_days", 30) * 86400,
					   TC_BEIJING_OFFSET);
		int64_t expires = day + 86399;
		if (!holds(flags, sim_str(v, "flag", "NOTIFY_AND_MANUAL_RENEW")) ||
		    !holds(ids, sim_str(v, "id", "")) || expires < start || expires > end) {
			continue;
		}
		matched++;
		if (matched <= skip) {
			continue;
		}
		if (matched > skip + max) {
			more = true;
			break;
		}
		json_object_array_add(out, record(c, v, expires));
	}
	json_object_object_add(r, "InstanceList", out);
	if (more) {
		char next[48];
		snprintf(next, sizeof next, TOKEN_PREFIX "%lld", (long long)(skip + max));
		json_object_object_add(r, "NextToken", json_object_new_string(next));
	} else {
		json_object_object_add(r, "NextToken", NULL);
	}
	sim_apply_overrides(c->account, "renewal_fields", r);
	json_object_put(list);
	return 0;
}

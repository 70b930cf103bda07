/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/renewals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jsonx.h"
#include "tencentcloud/paging.h"
#include "result.h"
#include "timeutil.h"

static enum tc_renew_flag flag_of(const char *text) {
	if (strcmp(text, "NOTIFY_AND_MANUAL_RENEW") == 0) {
		return TC_RENEW_MANUAL;
	}
	if (strcmp(text, "NOTIFY_AND_AUTO_RENEW") == 0) {
		return TC_RENEW_AUTO;
	}
	if (strcmp(text, "DISABLE_NOTIFY_AND_MANUAL_RENEW") == 0) {
		return TC_RENEW_NEVER;
	}
	return TC_RENEW_FLAG_UNKNOWN;
}

static enum tc_instance_status status_of(const char *text) {
	if (strcmp(text, "NORMAL") == 0) {
		return TC_INSTANCE_NORMAL;
	}
	if (strcmp(text, "ISOLATED") == 0) {
		return TC_INSTANCE_ISOLATED;
	}
	return TC_INSTANCE_STATUS_UNKNOWN;
}

int tc_renewal_from_json(struct json_object *v, int offset, struct tc_renewal *out,
			 struct tc_error *err) {
	struct json_object *period = NULL;
	memset(out, 0, sizeof *out);
	if (!json_object_is_type(v, json_type_object)) {
		return tc_error_set(err, TC_ERR_DATA, _("an instance is not a JSON object"));
	}
	tc_json_display(v, "InstanceId", out->id, sizeof out->id);
	tc_json_display(v, "ProductCode", out->product_code, sizeof out->product_code);
	tc_json_display(v, "SubProductCode", out->sub_product_code, sizeof out->sub_product_code);
	tc_json_display(v, "RegionCode", out->region, sizeof out->region);
	tc_json_display(v, "InstanceName", out->name, sizeof out->name);
	tc_json_display(v, "ProductName", out->product, sizeof out->product);
	tc_json_display(v, "ProjectName", out->project, sizeof out->project);
	tc_json_display(v, "RenewFlag", out->flag_text, sizeof out->flag_text);
	tc_json_display(v, "Status", out->status_text, sizeof out->status_text);
	tc_json_display(v, "ExpireTime", out->expire_text, sizeof out->expire_text);
	tc_json_display(v, "RenewPeriodUnit", out->period_unit, sizeof out->period_unit);
	if (json_object_object_get_ex(v, "RenewPeriod", &period) &&
	    json_object_is_type(period, json_type_int) && json_object_get_int64(period) > 0) {
		out->period = json_object_get_int64(period);
	}
	out->flag = flag_of(out->flag_text);
	out->status = status_of(out->status_text);
	/* the verdict's date: a value that cannot be read leaves the record undated, and
	 * the check names it instead of guessing */
	struct tc_error ignored;
	out->has_expiry = out->expire_text[0] &&
			  tc_parse_api_time(out->expire_text, offset, &out->expires, &ignored) == 0;
	return 0;
}

int tc_renewals_page(struct json_object *response, int offset, struct tc_renewals *out,
		     const char **next, struct tc_error *err) {
	struct json_object *list = NULL;
	*next = NULL;
	/* optional in the model, but the verdict rests on it: an answer without the
	 * list is not read as "no instances" */
	if (tc_json_array(response, "InstanceList", TC_REQUIRED, &list, err) != 0 ||
	    tc_json_string(response, "NextToken", TC_OPTIONAL, next, err) != 0) {
		return -1;
	}
	if (*next && !**next) {
		*next = NULL;
	}
	size_t n = json_object_array_length(list);
	struct tc_renewal *grown = realloc(out->items, (out->n + n + 1) * sizeof *grown);
	if (!grown) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	out->items = grown;
	for (size_t i = 0; i < n; i++) {
		if (tc_renewal_from_json(json_object_array_get_idx(list, i), offset,
					 &out->items[out->n], err) != 0) {
			return tc_error_prefix(err, _("instance %zu"), i + 1);
		}
		out->n++;
	}
	return 0;
}

int tc_renewals_params(const struct tc_renewals_query *q, const char *token, char **out,
		       struct tc_error *err) {
	if (q->n_ids > TC_RENEW_MAX_IDS) {
		return tc_error_set(err, TC_ERR_USAGE,
				    _("at most %d instance IDs can be asked for"),
				    TC_RENEW_MAX_IDS);
	}
	struct json_object *p = json_object_new_object();
	json_object_object_add(p, "MaxResults",
			       json_object_new_int(q->page_size ? q->page_size : TC_RENEW_PAGE));
	if (token) {
		json_object_object_add(p, "NextToken", json_object_new_string(token));
	}
	if (q->n_ids) {
		struct json_object *ids = json_object_new_array();
		for (size_t i = 0; i < q->n_ids; i++) {
			json_object_array_add(ids, json_object_new_string(q->ids[i]));
		}
		json_object_object_add(p, "InstanceIdList", ids);
	}
	*out = strdup(json_object_to_json_string_ext(p, JSON_C_TO_STRING_PLAIN));
	json_object_put(p);
	return *out ? 0 : tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
}

int tc_renewals_fetch(struct tc_api *api, const struct tc_renewals_query *q, int offset,
		      struct tc_renewals *out, struct tc_error *err) {
	char *token = NULL;
	int rc = -1;
	memset(out, 0, sizeof *out);
	for (long page = 0; page < TC_MAX_PAGES; page++) {
		struct tc_api_reply reply;
		char *params = NULL;
		const char *next = NULL;
		if (tc_renewals_params(q, token, &params, err) != 0) {
			goto done;
		}
		rc = (q->call ? q->call : tc_api_call)(
		    api, "billing", "2018-07-09", "DescribeRenewInstances", params, &reply, err);
		free(params);
		if (rc != 0) {
			goto done;
		}
		out->requests++;
		rc = tc_renewals_page(reply.response, offset, out, &next, err);
		if (rc == 0 && next && token && strcmp(next, token) == 0) {
			rc = tc_error_set(err, TC_ERR_DATA,
					  _("NextToken repeats the previous page's"));
		}
		if (rc != 0) {
			tc_error_prefix(err, "DescribeRenewInstances");
			snprintf(err->request_id, sizeof err->request_id, "%s", reply.request_id);
			tc_api_reply_free(&reply);
			goto done;
		}
		free(token);
		token = next ? strdup(next) : NULL;
		tc_api_reply_free(&reply);
		if (!next) {
			goto done;
		}
		if (!token) {
			rc = tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
			goto done;
		}
	}
	rc = tc_error_set(err, TC_ERR_DATA, _("DescribeRenewInstances: more than %d pages"),
			  TC_MAX_PAGES);
done:
	free(token);
	return rc;
}

void tc_renewals_free(struct tc_renewals *r) {
	free(r->items);
	r->items = NULL;
	r->n = 0;
}

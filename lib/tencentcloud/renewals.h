/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prepaid instances and their renewal settings: DescribeRenewInstances (billing
 * 2018-07-09), paged by NextToken with at most 100 instances a page. Every field of
 * an instance is optional in the official model; ExpireTime, Status and RenewFlag
 * decide the verdict, the others are only shown. */
#ifndef TC_RENEWALS_H
#define TC_RENEWALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "tencentcloud/api.h"
#include "error.h"

#define TC_RENEW_PAGE    100 /* MaxResults: 1-100 */
#define TC_RENEW_MAX_IDS 100 /* InstanceIdList: at most 100 */

enum tc_renew_flag {
	TC_RENEW_FLAG_UNKNOWN, /* absent, null or a value the model does not list */
	TC_RENEW_MANUAL,       /* NOTIFY_AND_MANUAL_RENEW */
	TC_RENEW_AUTO,         /* NOTIFY_AND_AUTO_RENEW */
	TC_RENEW_NEVER,        /* DISABLE_NOTIFY_AND_MANUAL_RENEW: not to be renewed */
};

enum tc_instance_status {
	TC_INSTANCE_STATUS_UNKNOWN, /* absent, null or another value */
	TC_INSTANCE_NORMAL,
	TC_INSTANCE_ISOLATED,
};

struct tc_renewal {
	char id[96];
	char product_code[48];
	char sub_product_code[64];
	char region[48];
	char name[96];    /* InstanceName, "" when unset */
	char product[96]; /* ProductName */
	char project[96]; /* ProjectName */
	char flag_text[40];
	char status_text[24];
	char expire_text[24]; /* ExpireTime as the API wrote it */
	char period_unit[8];  /* RenewPeriodUnit: y or m */
	enum tc_renew_flag flag;
	enum tc_instance_status status;
	bool has_expiry; /* false: ExpireTime absent, null or unreadable */
	int64_t expires; /* UNIX time of ExpireTime */
	int64_t period;  /* RenewPeriod, 0 when absent */
};

struct tc_renewals {
	struct tc_renewal *items;
	size_t n;
	long requests;
};

/* Instances to ask for: all (n_ids 0) or the listed IDs (at most 100). */
struct tc_renewals_query {
	const char *const *ids;
	size_t n_ids;
	int page_size; /* MaxResults, 0 for TC_RENEW_PAGE */
	/* How a page is fetched; NULL means tc_api_call (tests pass recorded pages). */
	int (*call)(struct tc_api *api, const char *service, const char *version,
		    const char *action, const char *params, struct tc_api_reply *reply,
		    struct tc_error *err);
};

/* Reads one RenewInstance. Only a record that is not a JSON object fails; a bad or
 * missing ExpireTime leaves has_expiry false (the record cannot be judged by date),
 * display fields of the wrong type read as empty. */
int tc_renewal_from_json(struct json_object *v, int offset, struct tc_renewal *out,
			 struct tc_error *err);

/* Reads one page's Response: appends its instances to *out and sets *next to its
 * NextToken (NULL at the end: absent, null or ""). InstanceList must be there (an
 * empty array for none). */
int tc_renewals_page(struct json_object *response, int offset, struct tc_renewals *out,
		     const char **next, struct tc_error *err);

/* The request parameters of a page (token NULL for the first). */
int tc_renewals_params(const struct tc_renewals_query *q, const char *token, char **out,
		       struct tc_error *err);

/* Reads every page, following NextToken; a token that repeats, or more than
 * TC_MAX_PAGES pages, is an error rather than an endless loop. */
int tc_renewals_fetch(struct tc_api *api, const struct tc_renewals_query *q, int offset,
		      struct tc_renewals *out, struct tc_error *err);

void tc_renewals_free(struct tc_renewals *r);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One signed call of the Tencent Cloud API 3.0: endpoint, headers, TC3 signature,
 * the Response envelope and its Error, and the read-only allow-list. */
#ifndef TC_API_H
#define TC_API_H

#include <stdio.h>

#include <json-c/json.h>

#include "tencentcloud/cache.h"
#include "tencentcloud/cred.h"
#include "deadline.h"
#include "error.h"
#include "http.h"

enum tc_site { TC_SITE_CHINA, TC_SITE_INTL };

struct tc_api {
	struct tc_http *http;
	const struct tc_credentials *cred;
	enum tc_site site;
	const char *endpoint; /* scheme://host[:port] for every service, or NULL */
	const char *region;   /* NULL: the action's default (tc_api_region) */
	const char *language; /* NULL: no X-TC-Language */
	int verbose;
	FILE *trace;
	const struct tc_deadline *deadline; /* for retries; NULL: no retry */
	const struct tc_cache *cache;       /* NULL: no cache */
	/* what happened, for the output */
	long requests; /* HTTP requests sent */
	long retries;  /* of which were retries */
	long cache_hits;
	long cache_misses;
	int64_t request_ms;    /* time spent in requests */
	int64_t stale_seconds; /* > 0: an answer was served stale, this old */
	struct tc_error stale_cause;
	char cache_problem[300]; /* why the cache was not used, "" if it was */
	/* a first page read while cache_hold is set is kept here, not stored yet, its
	 * entry's lock still held (so other runs wait for it instead of asking too) */
	bool cache_hold;
	bool from_cache; /* the last call's answer came from the cache (fresh or stale) */
	char *held_body;
	size_t held_len;
	struct tc_cache_entry held_entry;
};

struct tc_api_reply {
	struct json_object *root;
	struct json_object *response; /* root's "Response" object */
	char request_id[80];
};

/* Calls `action` of `service` with a JSON object of parameters ("{}" for none).
 * Fills reply on success; an Error envelope becomes a TC_ERR_API error carrying the
 * code and RequestId. RequestLimitExceeded*, HTTP 5xx and broken connections are
 * retried with jittered exponential backoff while the deadline allows; nothing else
 * is. With a cache, a fresh answer is served without a request. */
int tc_api_call(struct tc_api *api, const char *service, const char *version, const char *action,
		const char *params, struct tc_api_reply *reply, struct tc_error *err);

void tc_api_reply_free(struct tc_api_reply *reply);

/* The region sent for an action when --region is not given, for the actions whose
 * documentation requires one. */
#define TC_API_DEFAULT_REGION "ap-guangzhou"

/* The X-TC-Region of a call: --region when given, else the action's default, else
 * NULL (no header, as the SDKs send none when the region is empty). */
const char *tc_api_region(const struct tc_api *api, const char *service, const char *action);

/* Whether a failure is transient (network, deadline, 5xx, rate limit, the service's
 * internal errors): only then may --cache-stale-on-error serve an older answer. */
bool tc_api_error_transient(const struct tc_error *err);

/* Stores the first page held under cache_hold, once it is known to be the whole
 * answer; drop forgets it. Both release its entry. */
void tc_api_cache_commit(struct tc_api *api);
void tc_api_cache_drop(struct tc_api *api);

/* True for the Describe/Query actions monitoring may call; anything else (paying,
 * transferring, allocating) is refused before a request is built. */
bool tc_api_action_allowed(const char *service, const char *action);

/* Checks an --endpoint value: http(s)://host[:port] with at most a trailing "/". */
int tc_api_check_endpoint(const char *endpoint, struct tc_error *err);

/* The URL a service is called at: --endpoint when given, else the official host of
 * the service on the site (billing: billing[.intl].tencentcloudapi.com; partners:
 * China only; intlpartnersmgt: intlpartnersmgt.intl.tencentcloudapi.com). */
void tc_api_url(const struct tc_api *api, const char *service, char *buf, size_t size);

/* Plain http:// is for loopback only (a simulator, a local relay) unless
 * `allow_insecure` (--allow-insecure-http): elsewhere the signed requests and the
 * answers would cross the network readable and alterable by anyone on the path. */
int tc_api_check_transport(const char *endpoint, bool allow_insecure, struct tc_error *err);

/* The largest answer `action` can legitimately give, in bytes. */
size_t tc_api_answer_cap(const char *action);

/* Turns a body into reply or error, exposed for tests. */
int tc_api_parse_envelope(const char *service, const char *action, const char *body, size_t len,
			  struct tc_api_reply *reply, struct tc_error *err);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include "tencentcloud/api.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "i18n.h"
#include "jsonx.h"
#include "result.h"
#include "tencentcloud/sign.h"

struct allowed_action {
	const char *service;
	const char *action;
};

static const struct allowed_action allow_list[] = {
    {"billing", "DescribeAccountBalance"},       {"billing", "DescribeDealsByCond"},
    {"billing", "DescribeVoucherInfo"},          {"billing", "DescribeCostExplorerSummary"},
    {"billing", "DescribeBillSummaryByProduct"}, {"billing", "DescribeOrgMemberAccountBalance"},
    {"partners", "DescribeAgentPayDealsV2"},     {"intlpartnersmgt", "QueryPartnerCredit"},
    {"intlpartnersmgt", "QueryCustomersCredit"}, {"billing", "DescribeRenewInstances"},
};

bool tc_api_action_allowed(const char *service, const char *action) {
	for (size_t i = 0; i < sizeof allow_list / sizeof allow_list[0]; i++) {
		if (strcmp(allow_list[i].service, service) == 0 &&
		    strcmp(allow_list[i].action, action) == 0) {
			return true;
		}
	}
	return false;
}

int tc_api_check_endpoint(const char *endpoint, struct tc_error *err) {
	char host[256];
	const char *rest;
	if (strncmp(endpoint, "https://", 8) != 0 && strncmp(endpoint, "http://", 7) != 0) {
		return tc_error_set(
		    err, TC_ERR_USAGE,
		    _("--endpoint must start with https:// (or http:// for a simulator)"));
	}
	if (tc_url_host(endpoint, host, sizeof host) != 0) {
		return tc_error_set(err, TC_ERR_USAGE, _("--endpoint has no valid host: %s"),
				    endpoint);
	}
	rest = strstr(endpoint, "://") + 3 + strlen(host);
	if (*rest && strcmp(rest, "/") != 0) {
		return tc_error_set(err, TC_ERR_USAGE,
				    _("--endpoint takes scheme://host[:port] only, not a path: %s"),
				    endpoint);
	}
	return 0;
}

static bool loopback_host(const char *host) {
	char name[256];
	snprintf(name, sizeof name, "%s", host);
	char *port = name[0] == '[' ? strstr(name, "]:") : strrchr(name, ':');
	if (port) {
		port[name[0] == '[' ? 1 : 0] = '\0';
	}
	return strcmp(name, "localhost") == 0 || strcmp(name, "[::1]") == 0 ||
	       (strncmp(name, "127.", 4) == 0 && name[strspn(name, "0123456789.")] == '\0');
}

int tc_api_check_transport(const char *endpoint, bool allow_insecure, struct tc_error *err) {
	char host[256];
	if (strncmp(endpoint, "http://", 7) != 0 || allow_insecure) {
		return 0;
	}
	if (tc_url_host(endpoint, host, sizeof host) != 0 || !loopback_host(host)) {
		return tc_error_set(
		    err, TC_ERR_USAGE,
		    _("--endpoint http:// is for loopback only: use https://, or "
		      "--allow-insecure-http to send the signed requests in clear"));
	}
	return 0;
}

void tc_api_url(const struct tc_api *api, const char *service, char *buf, size_t size) {
	if (api->endpoint) {
		size_t n = strlen(api->endpoint);
		bool slash = n > 0 && api->endpoint[n - 1] == '/';
		snprintf(buf, size, "%s%s", api->endpoint, slash ? "" : "/");
	} else if (strcmp(service, "intlpartnersmgt") == 0 ||
		   (api->site == TC_SITE_INTL && strcmp(service, "partners") != 0)) {
		/* as the current SDKs have them: intlpartnersmgt serves only the
		 * international site, from its .intl host whatever --site says;
		 * partners (2018-03-21) is China-only and has no .intl host */
		snprintf(buf, size, "https://%s.intl.tencentcloudapi.com/", service);
	} else {
		snprintf(buf, size, "https://%s.tencentcloudapi.com/", service);
	}
}

void tc_api_reply_free(struct tc_api_reply *reply) {
	json_object_put(reply->root);
	memset(reply, 0, sizeof *reply);
}

static bool is_permission_code(const char *code) {
	return strcmp(code, "AuthFailure.UnauthorizedOperation") == 0 ||
	       strcmp(code, "UnauthorizedOperation.CamNoAuth") == 0;
}

/* The most each action can legitimately answer: a page of its largest page size
 * with room to spare. A hostile or intercepted answer is refused at this size, and
 * its JSON at one object or array per 256 bytes of it, before json-c spends about
 * 1 KB on each: a few MB at most, where 10 MB of "{}" used to cost 2.7 GB. */
static const struct {
	const char *action;
	size_t max_body;
} answer_caps[] = {
    {"DescribeAccountBalance", 64 * 1024},
    {"QueryPartnerCredit", 64 * 1024},
    {"DescribeOrgMemberAccountBalance", 256 * 1024}, /* 10 members a page */
    {"DescribeDealsByCond", 8 << 20},                /* 1,000 orders a page */
    {"DescribeVoucherInfo", 8 << 20},                /* 1,000 vouchers a page */
};
#define DEFAULT_ANSWER_CAP (1 << 20) /* pages of 100 */

size_t tc_api_answer_cap(const char *action) {
	for (size_t i = 0; i < sizeof answer_caps / sizeof answer_caps[0]; i++) {
		if (strcmp(answer_caps[i].action, action) == 0) {
			return answer_caps[i].max_body;
		}
	}
	return DEFAULT_ANSWER_CAP;
}

int tc_api_parse_envelope(const char *service, const char *action, const char *body, size_t len,
			  struct tc_api_reply *reply, struct tc_error *err) {
	struct json_object *root = NULL, *response = NULL, *error = NULL;
	const char *rid = NULL, *code = NULL, *message = NULL;
	memset(reply, 0, sizeof *reply);
	if (tc_json_parse_capped(body, len, tc_api_answer_cap(action) / 256, &root, err) != 0) {
		return tc_error_prefix(err, _("%s response"), action);
	}
	if (!json_object_is_type(root, json_type_object) ||
	    !json_object_object_get_ex(root, "Response", &response) ||
	    !json_object_is_type(response, json_type_object)) {
		json_object_put(root);
		return tc_error_set(err, TC_ERR_PARSE, _("%s response has no Response object"),
				    action);
	}
	if (tc_json_string(response, "RequestId", TC_OPTIONAL, &rid, err) != 0) {
		json_object_put(root);
		return tc_error_prefix(err, _("%s response"), action);
	}
	if (json_object_object_get_ex(response, "Error", &error)) {
		if (tc_json_string(error, "Code", TC_REQUIRED, &code, err) != 0 ||
		    tc_json_string(error, "Message", TC_OPTIONAL, &message, err) != 0) {
			json_object_put(root);
			return tc_error_prefix(err, _("%s error envelope"), action);
		}
		/* the service's words, shown cleaned and cut on a character boundary */
		char shown_code[sizeof err->code], shown[301];
		tc_text_copy(shown_code, sizeof shown_code, code, TC_TEXT_ONE_LINE);
		tc_text_copy(shown, sizeof shown, message, TC_TEXT_ONE_LINE);
		if (is_permission_code(code)) {
			tc_error_set(err, TC_ERR_API,
				     _("%s refused: the key lacks CAM permission %s:%s (%s)"),
				     action, service, action, code);
		} else {
			tc_error_set(err, TC_ERR_API, _("%s failed: %s: %s"), action, shown_code,
				     shown);
		}
		snprintf(err->code, sizeof err->code, "%s", shown_code);
		tc_text_copy(err->request_id, sizeof err->request_id, rid, TC_TEXT_ONE_LINE);
		json_object_put(root);
		return -1;
	}
	if (!rid) {
		json_object_put(root);
		return tc_error_set(err, TC_ERR_PARSE, _("%s response has no RequestId"), action);
	}
	reply->root = root;
	reply->response = response;
	snprintf(reply->request_id, sizeof reply->request_id, "%s", rid);
	return 0;
}

const char *tc_api_region(const struct tc_api *api, const char *service, const char *action) {
	if (api->region && *api->region) {
		return api->region;
	}
	/* the doc pages (CN 555/70813, intl 555/45893) mark Region required for this
	 * action alone; billing serves every account from any region */
	if (strcmp(service, "billing") == 0 && strcmp(action, "DescribeVoucherInfo") == 0) {
		return TC_API_DEFAULT_REGION;
	}
	return NULL;
}

/* One attempt: sign, send, and check the HTTP status. */
static int send_once(struct tc_api *api, const char *url, const char *host, const char *service,
		     const char *version, const char *action, const char *params,
		     struct tc_http_response *resp, struct tc_error *err) {
	char timestamp[32], authorization[1400];
	struct tc3_signature sig;
	int64_t now = (int64_t)time(NULL);
	snprintf(timestamp, sizeof timestamp, "%lld", (long long)now);
	struct tc3_request req = {
	    .method = "POST",
	    .query = "",
	    .headers = {{"content-type", "application/json"}, {"host", host}},
	    .nheaders = 2,
	    .payload = (const unsigned char *)params,
	    .payload_len = strlen(params),
	    .service = service,
	    .timestamp = now,
	};
	if (tc3_sign(&req, api->cred->secret_key, &sig) != 0 ||
	    tc3_authorization(&sig, api->cred->secret_id, service, authorization,
			      sizeof authorization) != 0) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("cannot sign the %s request"), action);
	}
	struct tc_http_header headers[12];
	size_t n = 0;
	headers[n++] = (struct tc_http_header){"Content-Type", "application/json", false};
	headers[n++] = (struct tc_http_header){"Host", host, false};
	headers[n++] = (struct tc_http_header){"X-TC-Action", action, false};
	headers[n++] = (struct tc_http_header){"X-TC-Version", version, false};
	headers[n++] = (struct tc_http_header){"X-TC-Timestamp", timestamp, false};
	headers[n++] = (struct tc_http_header){"X-TC-RequestClient",
					       "tc-billing-plugins/" PACKAGE_VERSION, false};
	const char *region = tc_api_region(api, service, action);
	if (region) {
		headers[n++] = (struct tc_http_header){"X-TC-Region", region, false};
	}
	if (api->language && *api->language) {
		headers[n++] = (struct tc_http_header){"X-TC-Language", api->language, false};
	}
	if (api->cred->token[0]) {
		headers[n++] = (struct tc_http_header){"X-TC-Token", api->cred->token, true};
	}
	headers[n++] = (struct tc_http_header){"Authorization", authorization, true};
	OPENSSL_cleanse(&sig, sizeof sig); /* holds the derived signing keys */
	api->requests++;
	tc_http_set_body_cap(api->http, tc_api_answer_cap(action));
	int64_t started = tc_monotonic_ms();
	int rc =
	    tc_http_request(api->http, "POST", url, headers, n, params, strlen(params), resp, err);
	api->request_ms += tc_monotonic_ms() - started;
	tc_http_set_body_cap(api->http, 0);
	OPENSSL_cleanse(authorization, sizeof authorization);
	if (rc != 0) {
		return tc_error_prefix(err, "%s", action);
	}
	if (resp->status != 200) {
		long status = resp->status;
		tc_http_response_free(resp);
		tc_error_set(err, TC_ERR_HTTP, _("%s: HTTP %ld from %s"), action, status, host);
		err->retryable = status >= 500;
		return -1;
	}
	return 0;
}

/* Sends until an answer is read or an error is final; keeps the raw body of a
 * successful answer in *body for the cache. */
static int exchange(struct tc_api *api, const char *url, const char *host, const char *service,
		    const char *version, const char *action, const char *params,
		    struct tc_api_reply *reply, char **body, size_t *len, struct tc_error *err) {
	long backoff_ms = 200;
	for (;;) {
		struct tc_http_response resp;
		int rc = send_once(api, url, host, service, version, action, params, &resp, err);
		if (rc == 0) {
			rc =
			    tc_api_parse_envelope(service, action, resp.body, resp.len, reply, err);
			if (rc == 0) {
				*body = resp.body;
				*len = resp.len;
				return 0;
			}
			tc_http_response_free(&resp);
			err->retryable = strncmp(err->code, "RequestLimitExceeded", 20) == 0;
		}
		long wait_ms = backoff_ms / 2 + rand() % (backoff_ms + 1);
		if (!err->retryable || !api->deadline ||
		    tc_deadline_left_ms(api->deadline) < wait_ms + 300) {
			return -1;
		}
		if (api->verbose && api->trace) {
			fprintf(api->trace, "retrying %s in %ld ms: %s\n", action, wait_ms,
				err->message);
		}
		struct timespec ts = {wait_ms / 1000, (wait_ms % 1000) * 1000000L};
		nanosleep(&ts, NULL);
		api->retries++;
		backoff_ms *= 2;
	}
}

/* Failures that say nothing about the key or the account, after which an older
 * answer may stand in (--cache-stale-on-error): the network, the deadline, a 5xx, a
 * rate limit, the service's own errors. A refused signature, a revoked or unknown
 * key, a missing permission are never hidden behind a stale OK. */
bool tc_api_error_transient(const struct tc_error *err) {
	static const char *const codes[] = {"RequestLimitExceeded", "InternalError",
					    "ServiceUnavailable", "ResourceUnavailable",
					    "OperationDenied.ServiceBusy"};
	switch (err->kind) {
	case TC_ERR_NETWORK:
	case TC_ERR_TIMEOUT:
		return true;
	case TC_ERR_HTTP:
		return err->retryable; /* a 5xx, not an oversized answer */
	case TC_ERR_API:
		for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
			size_t n = strlen(codes[i]);
			if (strncmp(err->code, codes[i], n) == 0 &&
			    (err->code[n] == '\0' || err->code[n] == '.')) {
				return true;
			}
		}
		return false;
	default:
		return false;
	}
}

static struct tc_cache_key cache_key(const struct tc_api *api) {
	return (struct tc_cache_key){api->cred->secret_id, api->cred->secret_key, api->cred->token};
}

static void store(struct tc_api *api, struct tc_cache_entry *e, const char *body, size_t len) {
	struct tc_error ignored;
	if (tc_cache_store(e, body, len, (int64_t)time(NULL), &ignored) == 0) {
		tc_cache_tidy(api->cache, e, (int64_t)time(NULL));
	}
}

void tc_api_cache_commit(struct tc_api *api) {
	if (api->cache && api->held_body) {
		store(api, &api->held_entry, api->held_body, api->held_len);
	}
	tc_api_cache_drop(api);
}

void tc_api_cache_drop(struct tc_api *api) {
	if (api->held_body) {
		tc_cache_close(&api->held_entry);
	}
	free(api->held_body);
	api->held_body = NULL;
	api->held_len = 0;
}

int tc_api_call(struct tc_api *api, const char *service, const char *version, const char *action,
		const char *params, struct tc_api_reply *reply, struct tc_error *err) {
	char url[512], host[256];
	char *body = NULL;
	size_t len = 0;
	if (!tc_api_action_allowed(service, action)) {
		return tc_error_set(err, TC_ERR_INTERNAL,
				    _("refusing %s:%s: not on the read-only allow-list"), service,
				    action);
	}
	tc_api_url(api, service, url, sizeof url);
	if (tc_url_host(url, host, sizeof host) != 0) {
		return tc_error_set(err, TC_ERR_USAGE, _("invalid endpoint %s"), url);
	}
	struct tc_cache_entry e;
	struct tc_cache_key k = cache_key(api);
	struct tc_error why;
	api->from_cache = false;
	if (api->cache &&
	    tc_cache_open(api->cache, &k, url, action, params, api->deadline, &e, &why) != 0) {
		tc_cache_close(&e);
		if (why.kind == TC_ERR_TIMEOUT) {
			*err = why;
			return -1;
		}
		/* a cache that cannot be used is no reason not to check: the run goes on
		 * without it, and says so */
		if (!api->cache_problem[0]) {
			snprintf(api->cache_problem, sizeof api->cache_problem, "%s", why.message);
		}
		api->cache = NULL;
	}
	if (!api->cache) {
		int rc = exchange(api, url, host, service, version, action, params, reply, &body,
				  &len, err);
		free(body);
		return rc;
	}
	int64_t now = (int64_t)time(NULL);
	if (tc_cache_fresh(api->cache, &e, now) &&
	    tc_api_parse_envelope(service, action, e.body, e.len, reply, err) == 0) {
		api->cache_hits++;
		api->from_cache = true;
		tc_cache_close(&e);
		return 0;
	}
	api->cache_misses++;
	int rc =
	    exchange(api, url, host, service, version, action, params, reply, &body, &len, err);
	if (rc == 0 && api->cache_hold) {
		/* a first page: stored only once it is known to be the whole answer */
		tc_api_cache_drop(api);
		api->held_body = body;
		api->held_len = len;
		api->held_entry = e;
		return 0;
	} else if (rc == 0) {
		store(api, &e, body, len);
	} else if (tc_api_error_transient(err) && tc_cache_servable_stale(api->cache, &e, now) &&
		   tc_api_parse_envelope(service, action, e.body, e.len, reply,
					 &api->stale_cause) == 0) {
		api->stale_cause = *err;
		api->stale_seconds = now - e.created > 0 ? now - e.created : 1;
		api->from_cache = true;
		rc = 0;
	}
	free(body);
	tc_cache_close(&e);
	return rc;
}

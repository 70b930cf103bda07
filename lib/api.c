#include <config.h>

#include "api.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jsonx.h"
#include "result.h"
#include "sign.h"

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
		    "--endpoint must start with https:// (or http:// for a simulator)");
	}
	if (tc_url_host(endpoint, host, sizeof host) != 0) {
		return tc_error_set(err, TC_ERR_USAGE, "--endpoint has no valid host: %s",
				    endpoint);
	}
	rest = strstr(endpoint, "://") + 3 + strlen(host);
	if (*rest && strcmp(rest, "/") != 0) {
		return tc_error_set(err, TC_ERR_USAGE,
				    "--endpoint takes scheme://host[:port] only, not a path: %s",
				    endpoint);
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

int tc_api_parse_envelope(const char *service, const char *action, const char *body, size_t len,
			  struct tc_api_reply *reply, struct tc_error *err) {
	struct json_object *root = NULL, *response = NULL, *error = NULL;
	const char *rid = NULL, *code = NULL, *message = NULL;
	memset(reply, 0, sizeof *reply);
	if (tc_json_parse(body, len, &root, err) != 0) {
		return tc_error_prefix(err, "%s response", action);
	}
	if (!json_object_is_type(root, json_type_object) ||
	    !json_object_object_get_ex(root, "Response", &response) ||
	    !json_object_is_type(response, json_type_object)) {
		json_object_put(root);
		return tc_error_set(err, TC_ERR_PARSE, "%s response has no Response object",
				    action);
	}
	if (tc_json_string(response, "RequestId", TC_OPTIONAL, &rid, err) != 0) {
		json_object_put(root);
		return tc_error_prefix(err, "%s response", action);
	}
	if (json_object_object_get_ex(response, "Error", &error)) {
		if (tc_json_string(error, "Code", TC_REQUIRED, &code, err) != 0 ||
		    tc_json_string(error, "Message", TC_OPTIONAL, &message, err) != 0) {
			json_object_put(root);
			return tc_error_prefix(err, "%s error envelope", action);
		}
		/* the service's words, shown cleaned and cut on a character boundary */
		char shown_code[sizeof err->code], shown[301];
		tc_text_copy(shown_code, sizeof shown_code, code, TC_TEXT_ONE_LINE);
		tc_text_copy(shown, sizeof shown, message, TC_TEXT_ONE_LINE);
		if (is_permission_code(code)) {
			tc_error_set(err, TC_ERR_API,
				     "%s refused: the key lacks CAM permission %s:%s (%s)", action,
				     service, action, code);
		} else {
			tc_error_set(err, TC_ERR_API, "%s failed: %s: %s", action, shown_code,
				     shown);
		}
		snprintf(err->code, sizeof err->code, "%s", shown_code);
		tc_text_copy(err->request_id, sizeof err->request_id, rid, TC_TEXT_ONE_LINE);
		json_object_put(root);
		return -1;
	}
	if (!rid) {
		json_object_put(root);
		return tc_error_set(err, TC_ERR_PARSE, "%s response has no RequestId", action);
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
		return tc_error_set(err, TC_ERR_INTERNAL, "cannot sign the %s request", action);
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
	api->requests++;
	int rc =
	    tc_http_request(api->http, "POST", url, headers, n, params, strlen(params), resp, err);
	memset(authorization, 0, sizeof authorization);
	if (rc != 0) {
		return tc_error_prefix(err, "%s", action);
	}
	if (resp->status != 200) {
		long status = resp->status;
		tc_http_response_free(resp);
		tc_error_set(err, TC_ERR_HTTP, "%s: HTTP %ld from %s", action, status, host);
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

int tc_api_call(struct tc_api *api, const char *service, const char *version, const char *action,
		const char *params, struct tc_api_reply *reply, struct tc_error *err) {
	char url[512], host[256];
	char *body = NULL;
	size_t len = 0;
	if (!tc_api_action_allowed(service, action)) {
		return tc_error_set(err, TC_ERR_INTERNAL,
				    "refusing %s:%s: not on the read-only allow-list", service,
				    action);
	}
	tc_api_url(api, service, url, sizeof url);
	if (tc_url_host(url, host, sizeof host) != 0) {
		return tc_error_set(err, TC_ERR_USAGE, "invalid endpoint %s", url);
	}
	if (!api->cache) {
		int rc = exchange(api, url, host, service, version, action, params, reply, &body,
				  &len, err);
		free(body);
		return rc;
	}
	struct tc_cache_entry e;
	if (tc_cache_open(api->cache, api->cred->secret_id, url, action, params, api->deadline, &e,
			  err) != 0) {
		tc_cache_close(&e);
		return -1;
	}
	int64_t now = (int64_t)time(NULL);
	if (tc_cache_fresh(api->cache, &e, now) &&
	    tc_api_parse_envelope(service, action, e.body, e.len, reply, err) == 0) {
		api->cache_hits++;
		tc_cache_close(&e);
		return 0;
	}
	int rc =
	    exchange(api, url, host, service, version, action, params, reply, &body, &len, err);
	if (rc == 0) {
		struct tc_error ignored;
		if (tc_cache_store(&e, body, len, (int64_t)time(NULL), &ignored) == 0) {
			tc_cache_tidy(api->cache, &e, (int64_t)time(NULL));
		}
	} else if (tc_cache_servable_stale(api->cache, &e, now) &&
		   tc_api_parse_envelope(service, action, e.body, e.len, reply,
					 &api->stale_cause) == 0) {
		api->stale_cause = *err;
		api->stale_seconds = now - e.created > 0 ? now - e.created : 1;
		rc = 0;
	}
	free(body);
	tc_cache_close(&e);
	return rc;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "tencentcloud/api.h"
#include "replay.h"
#include "tap.h"
#include "utf8check.h"

START_TEST(allow_list_is_read_only) {
	ck_assert(tc_api_action_allowed("billing", "DescribeAccountBalance"));
	ck_assert(tc_api_action_allowed("intlpartnersmgt", "QueryCustomersCredit"));
	ck_assert(!tc_api_action_allowed("intlpartnersmgt", "AllocateCustomerCredit"));
	ck_assert(!tc_api_action_allowed("partners", "AgentTransferMoney"));
	ck_assert(!tc_api_action_allowed("billing", "PayDeals"));
	ck_assert(!tc_api_action_allowed("cvm", "DescribeAccountBalance"));
}
END_TEST

START_TEST(refused_before_any_request) {
	struct tc_api api = {0}; /* no HTTP client: a request would crash */
	struct tc_api_reply reply;
	struct tc_error err;
	ck_assert_int_eq(
	    tc_api_call(&api, "partners", "2018-03-21", "AgentTransferMoney", "{}", &reply, &err),
	    -1);
	ck_assert_str_eq(err.message, "refusing partners:AgentTransferMoney: not on the read-only "
				      "allow-list");
}
END_TEST

/* X-TC-Region: --region when given, else ap-guangzhou for DescribeVoucherInfo, whose
 * doc pages mark Region required, else none. */
START_TEST(region_by_action) {
	struct tc_api api = {0};
	ck_assert_str_eq(tc_api_region(&api, "billing", "DescribeVoucherInfo"), "ap-guangzhou");
	ck_assert_ptr_null(tc_api_region(&api, "billing", "DescribeAccountBalance"));
	ck_assert_ptr_null(tc_api_region(&api, "partners", "DescribeAgentPayDealsV2"));
	api.region = "";
	ck_assert_str_eq(tc_api_region(&api, "billing", "DescribeVoucherInfo"), "ap-guangzhou");
	api.region = "ap-singapore";
	ck_assert_str_eq(tc_api_region(&api, "billing", "DescribeVoucherInfo"), "ap-singapore");
	ck_assert_str_eq(tc_api_region(&api, "billing", "DescribeDealsByCond"), "ap-singapore");
}
END_TEST

START_TEST(endpoints) {
	struct tc_error err;
	ck_assert_int_eq(tc_api_check_endpoint("https://billing.tencentcloudapi.com", &err), 0);
	ck_assert_int_eq(tc_api_check_endpoint("http://127.0.0.1:8080/", &err), 0);
	ck_assert_int_eq(tc_api_check_endpoint("billing.tencentcloudapi.com", &err), -1);
	ck_assert_int_eq(tc_api_check_endpoint("ftp://x", &err), -1);
	ck_assert_int_eq(tc_api_check_endpoint("https://x/path", &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
	ck_assert_int_eq(tc_api_check_endpoint("https://", &err), -1);
	ck_assert_str_eq(err.message, "--endpoint has no valid host: https://");
}
END_TEST

/* The hosts of the current SDKs: intlpartnersmgt only at its .intl host, partners
 * (China only) never at one; billing follows --site. */
START_TEST(official_hosts) {
	static const struct {
		enum tc_site site;
		const char *service, *url;
	} hosts[] = {
	    {TC_SITE_CHINA, "billing", "https://billing.tencentcloudapi.com/"},
	    {TC_SITE_CHINA, "intlpartnersmgt", "https://intlpartnersmgt.intl.tencentcloudapi.com/"},
	    {TC_SITE_CHINA, "partners", "https://partners.tencentcloudapi.com/"},
	    {TC_SITE_INTL, "billing", "https://billing.intl.tencentcloudapi.com/"},
	    {TC_SITE_INTL, "intlpartnersmgt", "https://intlpartnersmgt.intl.tencentcloudapi.com/"},
	    {TC_SITE_INTL, "partners", "https://partners.tencentcloudapi.com/"},
	};
	char url[256];
	for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		struct tc_api api = {.site = hosts[i].site};
		tc_api_url(&api, hosts[i].service, url, sizeof url);
		ck_assert_str_eq(url, hosts[i].url);
	}
	struct tc_api api = {.site = TC_SITE_INTL, .endpoint = "http://127.0.0.1:8080"};
	tc_api_url(&api, "intlpartnersmgt", url, sizeof url);
	ck_assert_str_eq(url, "http://127.0.0.1:8080/");
}
END_TEST

START_TEST(plain_http_only_to_loopback) {
	struct tc_error err;
	ck_assert_int_eq(tc_api_check_transport("https://billing.tencentcloudapi.com", false, &err),
			 0);
	ck_assert_int_eq(tc_api_check_transport("http://127.0.0.1:8080", false, &err), 0);
	ck_assert_int_eq(tc_api_check_transport("http://127.1.2.3", false, &err), 0);
	ck_assert_int_eq(tc_api_check_transport("http://localhost:80/", false, &err), 0);
	ck_assert_int_eq(tc_api_check_transport("http://[::1]:8080", false, &err), 0);
	const char *remote[] = {"http://billing.tencentcloudapi.com", "http://127.0.0.1.nip.io:80",
				"http://10.0.0.1", "http://[::2]:80", "http://localhost.example"};
	for (size_t i = 0; i < sizeof remote / sizeof remote[0]; i++) {
		ck_assert_msg(tc_api_check_transport(remote[i], false, &err) == -1, "%s",
			      remote[i]);
		ck_assert_int_eq(err.kind, TC_ERR_USAGE);
		ck_assert_int_eq(tc_api_check_transport(remote[i], true, &err), 0);
	}
	ck_assert_ptr_nonnull(strstr(err.message, "--allow-insecure-http"));
}
END_TEST

START_TEST(answers_are_capped_by_action) {
	struct tc_api_reply reply;
	struct tc_error err;
	ck_assert_uint_eq(tc_api_answer_cap("DescribeAccountBalance"), 64 * 1024);
	ck_assert_uint_eq(tc_api_answer_cap("DescribeDealsByCond"), 8 << 20);
	ck_assert_uint_eq(tc_api_answer_cap("DescribeCostExplorerSummary"), 1 << 20);
	/* a balance answer holds a handful of objects, not 300 */
	char body[2048] = "{\"Response\": {\"RequestId\": \"r\", \"Pad\": [";
	for (int i = 0; i < 300; i++) {
		strcat(body, i ? ",{}" : "{}");
	}
	strcat(body, "]}}");
	ck_assert_int_eq(tc_api_parse_envelope("billing", "DescribeAccountBalance", body,
					       strlen(body), &reply, &err),
			 -1);
	ck_assert_int_eq(err.kind, TC_ERR_PARSE);
	ck_assert_int_eq(tc_api_parse_envelope("billing", "DescribeVoucherInfo", body, strlen(body),
					       &reply, &err),
			 0);
	tc_api_reply_free(&reply);
}
END_TEST

static bool transient(enum tc_err_kind kind, const char *code, bool retryable) {
	struct tc_error err = {.kind = kind, .retryable = retryable};
	snprintf(err.code, sizeof err.code, "%s", code);
	return tc_api_error_transient(&err);
}

START_TEST(only_transient_failures_allow_stale_answers) {
	ck_assert(transient(TC_ERR_NETWORK, "", false));
	ck_assert(transient(TC_ERR_TIMEOUT, "", false));
	ck_assert(transient(TC_ERR_HTTP, "", true));   /* 5xx */
	ck_assert(!transient(TC_ERR_HTTP, "", false)); /* oversized */
	ck_assert(transient(TC_ERR_API, "RequestLimitExceeded", true));
	ck_assert(transient(TC_ERR_API, "RequestLimitExceeded.UinLimitExceeded", true));
	ck_assert(transient(TC_ERR_API, "InternalError", false));
	ck_assert(transient(TC_ERR_API, "InternalError.GatewayError", false));
	ck_assert(transient(TC_ERR_API, "ServiceUnavailable", false));
	ck_assert(!transient(TC_ERR_API, "AuthFailure.SignatureFailure", false));
	ck_assert(!transient(TC_ERR_API, "AuthFailure.SecretIdNotFound", false));
	ck_assert(!transient(TC_ERR_API, "AuthFailure.UnauthorizedOperation", false));
	ck_assert(!transient(TC_ERR_API, "UnauthorizedOperation.CamNoAuth", false));
	ck_assert(!transient(TC_ERR_API, "InternalErrorX", false));
	ck_assert(!transient(TC_ERR_TLS, "", false));
	ck_assert(!transient(TC_ERR_PARSE, "", false));
	ck_assert(!transient(TC_ERR_DATA, "", false));
}
END_TEST

static int envelope(const char *body, struct tc_api_reply *reply, struct tc_error *err) {
	return tc_api_parse_envelope("billing", "DescribeAccountBalance", body, strlen(body), reply,
				     err);
}

START_TEST(success) {
	struct tc_api_reply reply;
	struct tc_error err;
	ck_assert_int_eq(
	    envelope("{\"Response\": {\"RealBalance\": 5, \"RequestId\": \"r-1\"}}", &reply, &err),
	    0);
	ck_assert_str_eq(reply.request_id, "r-1");
	ck_assert_ptr_nonnull(reply.response);
	tc_api_reply_free(&reply);
}
END_TEST

START_TEST(error_envelope) {
	struct tc_api_reply reply;
	struct tc_error err;
	ck_assert_int_eq(envelope("{\"Response\": {\"Error\": {\"Code\": \"InternalError\", "
				  "\"Message\": \"boom\"}, \"RequestId\": \"r-2\"}}",
				  &reply, &err),
			 -1);
	ck_assert_int_eq(err.kind, TC_ERR_API);
	ck_assert_str_eq(err.code, "InternalError");
	ck_assert_str_eq(err.request_id, "r-2");
	ck_assert_str_eq(err.message, "DescribeAccountBalance failed: InternalError: boom");
}
END_TEST

START_TEST(permission_errors_name_the_permission) {
	struct tc_api_reply reply;
	struct tc_error err;
	const char *codes[] = {"AuthFailure.UnauthorizedOperation",
			       "UnauthorizedOperation.CamNoAuth"};
	for (int i = 0; i < 2; i++) {
		char body[256];
		snprintf(body, sizeof body,
			 "{\"Response\": {\"Error\": {\"Code\": \"%s\", \"Message\": \"no\"}, "
			 "\"RequestId\": \"r\"}}",
			 codes[i]);
		ck_assert_int_eq(envelope(body, &reply, &err), -1);
		char want[256];
		snprintf(want, sizeof want,
			 "DescribeAccountBalance refused: the key lacks CAM permission "
			 "billing:DescribeAccountBalance (%s)",
			 codes[i]);
		ck_assert_str_eq(err.message, want);
	}
	/* an unauthorized account (not a missing CAM policy) is the service's own words */
	ck_assert_int_eq(envelope("{\"Response\": {\"Error\": {\"Code\": "
				  "\"UnauthorizedOperation.UinNoAuth\", \"Message\": \"no\"}, "
				  "\"RequestId\": \"r\"}}",
				  &reply, &err),
			 -1);
	ck_assert_str_eq(err.message,
			 "DescribeAccountBalance failed: UnauthorizedOperation.UinNoAuth: no");
}
END_TEST

START_TEST(broken_envelopes) {
	struct tc_api_reply reply;
	struct tc_error err;
	ck_assert_int_eq(envelope("{\"RealBalance\": 5}", &reply, &err), -1);
	ck_assert_str_eq(err.message, "DescribeAccountBalance response has no Response object");
	ck_assert_int_eq(envelope("{\"Response\": []}", &reply, &err), -1);
	ck_assert_int_eq(envelope("{\"Response\": {\"RealBalance\": 5}}", &reply, &err), -1);
	ck_assert_str_eq(err.message, "DescribeAccountBalance response has no RequestId");
	ck_assert_int_eq(envelope("{\"Response\": {\"Error\": {\"Message\": \"x\"}, \"RequestId\": "
				  "\"r\"}}",
				  &reply, &err),
			 -1);
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	ck_assert_int_eq(envelope("[1, 2]", &reply, &err), -1);
	ck_assert_int_eq(envelope("{\"Response\": {\"RequestId\": 5}}", &reply, &err), -1);
	ck_assert_int_eq(envelope("{\"Response\": {\"Request", &reply, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "truncated"));
}
END_TEST

/* The service answers in Chinese on the Chinese site: a long message is cut on a
 * character boundary, and what it sends is cleaned of control characters. */
START_TEST(error_text_is_cut_on_characters) {
	struct tc_api_reply reply;
	struct tc_error err;
	for (int pad = 0; pad < 3; pad++) {
		char message[1024], body[2048];
		long_name(message, sizeof message, pad, 150);
		snprintf(body, sizeof body,
			 "{\"Response\": {\"Error\": {\"Code\": \"InternalError\", \"Message\": "
			 "\"%s\"}, \"RequestId\": \"r-1\"}}",
			 message);
		ck_assert_int_eq(envelope(body, &reply, &err), -1);
		ck_assert_msg(utf8_valid(err.message), "pad %d", pad);
		ck_assert_msg(!strstr(err.message, "\xef\xbf\xbd"), "pad %d: %s", pad, err.message);
	}
	ck_assert_int_eq(envelope("{\"Response\": {\"Error\": {\"Code\": \"Internal\\u001b[2J\", "
				  "\"Message\": \"a\\nb\"}, \"RequestId\": \"r-\\u202e1\"}}",
				  &reply, &err),
			 -1);
	ck_assert_str_eq(err.message,
			 "DescribeAccountBalance failed: Internal\xef\xbf\xbd[2J: a b");
	ck_assert_str_eq(err.code, "Internal\xef\xbf\xbd[2J");
	ck_assert_str_eq(err.request_id, "r-\xef\xbf\xbd"
					 "1");
}
END_TEST

#define BALANCE "DescribeAccountBalance"
#define RID     "8590441d-6e17-4afe-8ca4-f75cec86e290"

static int call(struct replay *r, const char *action, struct tc_error *err) {
	struct tc_api_reply reply;
	int rc = tc_api_call(&r->api, "billing", "2018-07-09", action, "{}", &reply, err);
	if (rc == 0) {
		tc_api_reply_free(&reply);
	}
	return rc;
}

/* What is signed and sent: the action, the version, the region the action needs,
 * the language asked for, the token of a temporary key (and never the key). */
START_TEST(request_headers) {
	struct replay r;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, "DescribeVoucherInfo", "empty");
	replay_fixture(&r, BALANCE, "example");
	ck_assert_int_eq(call(&r, "DescribeVoucherInfo", &err), 0);
	ck_assert_ptr_nonnull(strstr(r.headers[0], "X-TC-Region: ap-guangzhou\r\n"));
	ck_assert_ptr_nonnull(strstr(r.headers[0], "X-TC-Version: 2018-07-09\r\n"));
	ck_assert_ptr_null(strstr(r.headers[0], "X-TC-Language"));
	ck_assert_ptr_null(strstr(r.headers[0], "X-TC-Token"));
	ck_assert_ptr_nonnull(strstr(r.headers[0], "Authorization: TC3-HMAC-SHA256 "
						   "Credential=AKIDreplay/"));
	r.api.language = "en-US";
	snprintf(r.cred.token, sizeof r.cred.token, "session-token");
	ck_assert_int_eq(call(&r, BALANCE, &err), 0);
	ck_assert_ptr_null(strstr(r.headers[1], "X-TC-Region"));
	ck_assert_ptr_nonnull(strstr(r.headers[1], "X-TC-Language: en-US\r\n"));
	ck_assert_ptr_nonnull(strstr(r.headers[1], "X-TC-Token: session-token\r\n"));
	ck_assert_ptr_null(strstr(r.headers[1], "replay-key"));
	ck_assert_int_eq(r.api.requests, 2);
	replay_stop(&r);
}
END_TEST

/* An HTTP status other than 200 is an error naming it; a 5xx is worth a retry
 * while the deadline allows, anything else is final. */
START_TEST(http_status) {
	struct replay r;
	struct tc_error err;
	replay_start(&r, 10);
	replay_body(&r, 404, "not here");
	ck_assert_int_eq(call(&r, BALANCE, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_HTTP);
	char want[160];
	snprintf(want, sizeof want, BALANCE ": HTTP 404 from %s", r.endpoint + 7);
	ck_assert_str_eq(err.message, want);
	ck_assert(!err.retryable);
	ck_assert_uint_eq(replay_served(&r), 1);
	replay_stop(&r);
	/* without a deadline nothing is retried */
	replay_start(&r, 10);
	r.api.deadline = NULL;
	replay_body(&r, 503, "busy");
	replay_fixture(&r, BALANCE, "example");
	ck_assert_int_eq(call(&r, BALANCE, &err), -1);
	ck_assert(err.retryable);
	ck_assert_uint_eq(replay_served(&r), 1);
	replay_stop(&r);
}
END_TEST

START_TEST(transient_failures_are_retried) {
	struct replay r;
	struct tc_error err;
	char trace[512] = "";
	replay_start(&r, 10);
	r.api.verbose = 1;
	r.api.trace = fmemopen(trace, sizeof trace, "w");
	replay_body(&r, 502, "bad gateway");
	replay_body(
	    &r, 200,
	    "{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow "
	    "down\"},\"RequestId\":\"rl\"}}");
	replay_fixture(&r, BALANCE, "example");
	ck_assert_int_eq(call(&r, BALANCE, &err), 0);
	fclose(r.api.trace);
	ck_assert_int_eq(r.api.retries, 2);
	ck_assert_int_eq(r.api.requests, 3);
	ck_assert_uint_eq(replay_served(&r), 3);
	ck_assert_ptr_nonnull(strstr(trace, "retrying " BALANCE " in "));
	replay_stop(&r);
	/* a deadline too near for the shortest wait (100 ms) and 300 ms more: the
	 * failure is the answer */
	replay_start(&r, 10);
	r.deadline.end_ms = tc_monotonic_ms() + 350;
	replay_body(&r, 503, "busy");
	replay_body(&r, 503, "busy");
	ck_assert_int_eq(call(&r, BALANCE, &err), -1);
	ck_assert_int_eq(r.api.retries, 0);
	replay_stop(&r);
	/* an error of the key is never retried */
	replay_start(&r, 10);
	replay_body(&r, 200,
		    "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\","
		    "\"Message\":\"x\"},\"RequestId\":\"sf\"}}");
	ck_assert_int_eq(call(&r, BALANCE, &err), -1);
	ck_assert_str_eq(err.code, "AuthFailure.SignatureFailure");
	ck_assert_int_eq(r.api.retries, 0);
	replay_stop(&r);
}
END_TEST

/* Nothing listens: a network error naming the action, worth a retry. */
START_TEST(refused_connection) {
	struct replay r;
	struct tc_error err;
	replay_start(&r, 10);
	r.api.deadline = NULL;
	r.api.endpoint = "http://127.0.0.1:1";
	ck_assert_int_eq(call(&r, BALANCE, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_NETWORK);
	ck_assert_int_eq(strncmp(err.message, BALANCE ": ", strlen(BALANCE ": ")), 0);
	ck_assert(tc_api_error_transient(&err));
	/* an endpoint without a host is refused before a request */
	r.api.endpoint = "http://";
	ck_assert_int_eq(call(&r, BALANCE, &err), -1);
	ck_assert_str_eq(err.message, "invalid endpoint http://");
	ck_assert_int_eq(r.api.requests, 1);
	replay_stop(&r);
}
END_TEST

/* --cache-stale-on-error: an older answer stands in for a transient failure only;
 * a refused key is never hidden behind it. */
START_TEST(stale_answers_only_for_transient_failures) {
	char dir[] = "/tmp/tc-api-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct tc_cache cache = {.dir = dir, .ttl = 0, .stale_on_error = true};
	struct replay r;
	struct tc_error err;
	replay_start(&r, 10);
	r.api.cache = &cache;
	r.api.deadline = NULL; /* no retry: the 503 is final */
	replay_fixture(&r, BALANCE, "example");
	replay_body(&r, 503, "busy");
	replay_body(&r, 200,
		    "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SecretIdNotFound\","
		    "\"Message\":\"x\"},\"RequestId\":\"nf\"}}");
	ck_assert_int_eq(call(&r, BALANCE, &err), 0);
	ck_assert_int_eq(r.api.cache_misses, 1);
	ck_assert(!r.api.from_cache);
	/* with a TTL of 0 the stored answer is never fresh, only stale */
	ck_assert_int_eq(call(&r, BALANCE, &err), 0);
	ck_assert(r.api.from_cache);
	ck_assert_int_ge(r.api.stale_seconds, 1);
	ck_assert_int_eq(r.api.stale_cause.kind, TC_ERR_HTTP);
	ck_assert_int_eq(call(&r, BALANCE, &err), -1);
	ck_assert_str_eq(err.code, "AuthFailure.SecretIdNotFound");
	ck_assert(!r.api.from_cache);
	ck_assert_uint_eq(replay_served(&r), 3);
	replay_stop(&r);
	replay_remove_tree(dir);
}
END_TEST

/* A cache that cannot be used is no reason not to check: the call is made, and
 * the reason kept for the output. */
START_TEST(unusable_cache_is_bypassed) {
	char dir[] = "/tmp/tc-api-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char file[64];
	snprintf(file, sizeof file, "%s/file", dir);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	struct tc_cache cache = {.dir = file, .ttl = 300};
	struct replay r;
	struct tc_error err;
	replay_start(&r, 10);
	r.api.cache = &cache;
	replay_fixture(&r, BALANCE, "example");
	ck_assert_int_eq(call(&r, BALANCE, &err), 0);
	ck_assert_ptr_null(r.api.cache);
	ck_assert_str_ne(r.api.cache_problem, "");
	ck_assert_uint_eq(replay_served(&r), 1);
	replay_stop(&r);
	remove(file);
	remove(dir);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("api");
	tcase_add_test(tc, allow_list_is_read_only);
	tcase_add_test(tc, refused_before_any_request);
	tcase_add_test(tc, endpoints);
	tcase_add_test(tc, official_hosts);
	tcase_add_test(tc, region_by_action);
	tcase_add_test(tc, plain_http_only_to_loopback);
	tcase_add_test(tc, only_transient_failures_allow_stale_answers);
	tcase_add_test(tc, answers_are_capped_by_action);
	tcase_add_test(tc, success);
	tcase_add_test(tc, error_envelope);
	tcase_add_test(tc, permission_errors_name_the_permission);
	tcase_add_test(tc, broken_envelopes);
	tcase_add_test(tc, error_text_is_cut_on_characters);
	suite_add_tcase(s, tc);
	TCase *wire = tcase_create("the call on the wire, against a loopback server");
	tcase_add_test(wire, request_headers);
	tcase_add_test(wire, http_status);
	tcase_add_test(wire, transient_failures_are_retried);
	tcase_add_test(wire, refused_connection);
	suite_add_tcase(s, wire);
	TCase *cache = tcase_create("the cache around the call");
	tcase_add_test(cache, stale_answers_only_for_transient_failures);
	tcase_add_test(cache, unusable_cache_is_bypassed);
	suite_add_tcase(s, cache);
	return s;
}

TC_TEST_MAIN(suite)

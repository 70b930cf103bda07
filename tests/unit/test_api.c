/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "tencentcloud/api.h"
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
	return s;
}

TC_TEST_MAIN(suite)

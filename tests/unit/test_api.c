#include <stdio.h>
#include <string.h>

#include "api.h"
#include "tap.h"

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

static Suite *suite(void) {
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("api");
	tcase_add_test(tc, allow_list_is_read_only);
	tcase_add_test(tc, refused_before_any_request);
	tcase_add_test(tc, endpoints);
	tcase_add_test(tc, plain_http_only_to_loopback);
	tcase_add_test(tc, only_transient_failures_allow_stale_answers);
	tcase_add_test(tc, answers_are_capped_by_action);
	tcase_add_test(tc, success);
	tcase_add_test(tc, error_envelope);
	tcase_add_test(tc, permission_errors_name_the_permission);
	tcase_add_test(tc, broken_envelopes);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

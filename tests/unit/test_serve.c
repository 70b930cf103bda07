/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The simulator's HTTP handler in an in-process daemon on loopback, called by the
 * project's own signed client: answers, every authentication failure, the timestamp
 * window, rate limits, faults, counters, the CVM metadata and proxy-form targets. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tencentcloud/api.h"
#include "serve.h"
#include "tap.h"

static const char scenario_text[] =
    "{\"accounts\":[{\"name\":\"ok\",\"uin\":100000000001,\"balance\":{\"cash\":1234567},"
    "\"keys\":[{\"secret_id\":\"AKIDserveOK\",\"secret_key\":\"serve-secret\"}]},"
    "{\"name\":\"limited\",\"keys\":[{\"secret_id\":\"AKIDserveLIM\",\"secret_key\":\"k\"}],"
    "\"rate_limits\":{\"DescribeAccountBalance\":0}},"
    "{\"name\":\"flaky\",\"keys\":[{\"secret_id\":\"AKIDserveFLAKY\",\"secret_key\":\"k\"}],"
    "\"faults\":{\"DescribeAccountBalance\":{\"after\":1,\"times\":1,\"error\":{\"code\":"
    "\"ResourceUnavailable\",\"message\":\"try later\"}}}},"
    "{\"name\":\"busy\",\"uin\":7,\"balance\":{\"cash\":1},\"balance_fields\":{\"Extra\":"
    "{\"a\":[1,2]}},\"keys\":[{\"secret_id\":\"AKIDserveBUSY\",\"secret_key\":\"k\"}],"
    "\"rate_limits\":{\"DescribeAccountBalance\":1000000}}],"
    "\"cvm_role\":{\"account\":\"ok\",\"name\":\"monitor\",\"secret_id\":\"AKIDserveROLE\","
    "\"secret_key\":\"role-secret\",\"token\":\"role-token\"}}";

static struct sim_scenario scenario;
static struct sim_server server;
static struct MHD_Daemon *daemon_;
static char endpoint[64];
static struct tc_deadline deadline;

static void start(void) {
	char path[] = "/tmp/tc-serve-XXXXXX";
	struct tc_error err;
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, scenario_text, strlen(scenario_text)),
			 (ssize_t)strlen(scenario_text));
	close(fd);
	ck_assert_msg(sim_scenario_load(path, &scenario, &err) == 0, "%s", err.message);
	unlink(path);
	memset(&server, 0, sizeof server);
	server.scenario = &scenario;
	pthread_mutex_init(&server.lock, NULL);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
	inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
	daemon_ =
	    MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0,
			     NULL, NULL, sim_handle, &server, MHD_OPTION_SOCK_ADDR, &sa,
			     MHD_OPTION_NOTIFY_COMPLETED, sim_completed, NULL, MHD_OPTION_END);
	ck_assert_ptr_nonnull(daemon_);
	snprintf(endpoint, sizeof endpoint, "http://127.0.0.1:%u",
		 MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT)->port);
	tc_deadline_start(&deadline, 10);
}

static void stop(void) {
	MHD_stop_daemon(daemon_);
	pthread_mutex_destroy(&server.lock);
	sim_scenario_free(&scenario);
}

/* Calls `action` as the key id/secret(/token); returns tc_api_call's result. */
static int call(const char *id, const char *secret, const char *token, const char *version,
		struct tc_api_reply *reply, struct tc_error *err) {
	struct tc_credentials cred;
	memset(&cred, 0, sizeof cred);
	snprintf(cred.secret_id, sizeof cred.secret_id, "%s", id);
	snprintf(cred.secret_key, sizeof cred.secret_key, "%s", secret);
	snprintf(cred.token, sizeof cred.token, "%s", token ? token : "");
	struct tc_http_opts ho = {.deadline = &deadline};
	struct tc_http *http = tc_http_new(&ho, err);
	ck_assert_ptr_nonnull(http);
	struct tc_api api = {.http = http, .cred = &cred, .endpoint = endpoint};
	int rc = tc_api_call(&api, "billing", version, "DescribeAccountBalance", "{}", reply, err);
	tc_http_free(http);
	return rc;
}

/* The error code of a call that must fail. */
static const char *fails_with(const char *id, const char *secret, const char *token,
			      const char *version) {
	static struct tc_error err;
	struct tc_api_reply reply;
	ck_assert_int_eq(call(id, secret, token, version, &reply, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_API);
	ck_assert_msg(err.request_id[0] != '\0', "no RequestId: %s", err.message);
	return err.code;
}

static char body[4096]; /* of the last plain request */

/* GET or POST `url` without a signature, through `proxy` when set; returns the
 * HTTP status and leaves the body in `body`. */
static long plain_request(const char *method, const char *url, const char *proxy) {
	struct tc_error err;
	struct tc_http_opts ho = {.deadline = &deadline, .proxy = proxy};
	struct tc_http *http = tc_http_new(&ho, &err);
	struct tc_http_response resp;
	ck_assert_ptr_nonnull(http);
	int rc = tc_http_request(http, method, url, NULL, 0,
				 strcmp(method, "POST") == 0 ? "" : NULL, 0, &resp, &err);
	ck_assert_msg(rc == 0, "%s", err.message);
	tc_http_free(http);
	long status = resp.status;
	snprintf(body, sizeof body, "%s", resp.body);
	tc_http_response_free(&resp);
	return status;
}

/* plain_request for a path of the simulator. */
static long fetch(const char *method, const char *path) {
	char url[192];
	snprintf(url, sizeof url, "%s%s", endpoint, path);
	return plain_request(method, url, NULL);
}

START_TEST(answers_a_signed_request) {
	struct tc_api_reply reply;
	struct tc_error err;
	start();
	ck_assert_msg(call("AKIDserveOK", "serve-secret", NULL, "2018-07-09", &reply, &err) == 0,
		      "%s", err.message);
	ck_assert_int_eq(
	    json_object_get_int64(json_object_object_get(reply.response, "RealBalance")), 1234567);
	ck_assert_int_eq(strlen(reply.request_id), 36);
	tc_api_reply_free(&reply);
	/* a temporary key with its token */
	ck_assert_msg(
	    call("AKIDserveROLE", "role-secret", "role-token", "2018-07-09", &reply, &err) == 0,
	    "%s", err.message);
	tc_api_reply_free(&reply);
	stop();
}
END_TEST

START_TEST(authentication_failures) {
	start();
	ck_assert_str_eq(fails_with("AKIDserveOK", "wrong", NULL, "2018-07-09"),
			 "AuthFailure.SignatureFailure");
	ck_assert_str_eq(fails_with("AKIDnobody", "serve-secret", NULL, "2018-07-09"),
			 "AuthFailure.SecretIdNotFound");
	ck_assert_str_eq(fails_with("AKIDserveROLE", "role-secret", NULL, "2018-07-09"),
			 "AuthFailure.TokenFailure");
	ck_assert_str_eq(fails_with("AKIDserveROLE", "role-secret", "old-token", "2018-07-09"),
			 "AuthFailure.TokenFailure");
	ck_assert_str_eq(fails_with("AKIDserveOK", "serve-secret", NULL, "2020-01-01"),
			 "NoSuchVersion");
	stop();
}
END_TEST

START_TEST(timestamp_window) {
	start();
	/* the simulator's clock 6 minutes ahead: outside the 5-minute window */
	server.clock_offset = 360;
	ck_assert_str_eq(fails_with("AKIDserveOK", "serve-secret", NULL, "2018-07-09"),
			 "AuthFailure.SignatureExpire");
	server.clock_offset = -360;
	ck_assert_str_eq(fails_with("AKIDserveOK", "serve-secret", NULL, "2018-07-09"),
			 "AuthFailure.SignatureExpire");
	/* 4 minutes is inside */
	struct tc_api_reply reply;
	struct tc_error err;
	server.clock_offset = 240;
	ck_assert_msg(call("AKIDserveOK", "serve-secret", NULL, "2018-07-09", &reply, &err) == 0,
		      "%s", err.message);
	tc_api_reply_free(&reply);
	stop();
}
END_TEST

START_TEST(rate_limit_and_faults) {
	struct tc_api_reply reply;
	struct tc_error err;
	start();
	ck_assert_str_eq(fails_with("AKIDserveLIM", "k", NULL, "2018-07-09"),
			 "RequestLimitExceeded");
	/* "after": 1, "times": 1: the first passes, the second fails, the third passes */
	ck_assert_int_eq(call("AKIDserveFLAKY", "k", NULL, "2018-07-09", &reply, &err), 0);
	tc_api_reply_free(&reply);
	ck_assert_str_eq(fails_with("AKIDserveFLAKY", "k", NULL, "2018-07-09"),
			 "ResourceUnavailable");
	ck_assert_int_eq(call("AKIDserveFLAKY", "k", NULL, "2018-07-09", &reply, &err), 0);
	tc_api_reply_free(&reply);
	stop();
}
END_TEST

START_TEST(counters_and_reset) {
	struct tc_api_reply reply;
	struct tc_error err;
	start();
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(
		    call("AKIDserveOK", "serve-secret", NULL, "2018-07-09", &reply, &err), 0);
		tc_api_reply_free(&reply);
	}
	(void)fails_with("AKIDserveOK", "wrong", NULL, "2018-07-09");
	ck_assert_int_eq(fetch("GET", "/__sim/requests"), 200);
	struct json_object *o = json_tokener_parse(body);
	ck_assert_int_eq(json_object_get_int64(json_object_object_get(o, "total")), 3);
	ck_assert_int_eq(json_object_get_int64(
			     json_object_object_get(o, "account_action:ok/DescribeAccountBalance")),
			 2); /* the refused signature is not the account's */
	ck_assert_int_eq(
	    json_object_get_int64(json_object_object_get(o, "action:DescribeAccountBalance")), 3);
	json_object_put(o);
	ck_assert_int_eq(fetch("POST", "/__sim/reset"), 200);
	ck_assert_int_eq(fetch("GET", "/__sim/requests"), 200);
	ck_assert_str_eq(body, "{\"total\":0}");
	stop();
}
END_TEST

START_TEST(unsigned_and_unknown_requests) {
	start();
	/* no X-TC-Action: an envelope, as the service answers, with HTTP 200 */
	ck_assert_int_eq(fetch("POST", "/"), 200);
	ck_assert_ptr_nonnull(strstr(body, "\"Code\":\"MissingParameter\""));
	ck_assert_ptr_nonnull(strstr(body, "\"RequestId\":"));
	ck_assert_int_eq(fetch("GET", "/"), 200);
	ck_assert_ptr_nonnull(strstr(body, "\"Code\":\"UnsupportedProtocol\""));
	ck_assert_int_eq(fetch("GET", "/elsewhere"), 404);
	stop();
}
END_TEST

START_TEST(cvm_role_metadata) {
	start();
	ck_assert_int_eq(fetch("GET", "/latest/meta-data/cam/security-credentials/"), 200);
	ck_assert_str_eq(body, "monitor");
	ck_assert_int_eq(fetch("GET", "/latest/meta-data/cam/security-credentials/monitor"), 200);
	struct json_object *o = json_tokener_parse(body);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(o, "TmpSecretId")),
			 "AKIDserveROLE");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(o, "Token")), "role-token");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(o, "Code")), "Success");
	ck_assert_int_gt(json_object_get_int64(json_object_object_get(o, "ExpiredTime")),
			 (int64_t)time(NULL));
	json_object_put(o);
	ck_assert_int_eq(fetch("GET", "/latest/meta-data/cam/security-credentials/other"), 404);
	stop();
}
END_TEST

START_TEST(proxy_form_targets) {
	start();
	/* a client that uses the simulator as its HTTP proxy sends absolute-form targets */
	ck_assert_int_eq(
	    plain_request("GET", "http://billing.tencentcloudapi.com/__sim/requests", endpoint),
	    200);
	ck_assert_str_eq(body, "{\"total\":0}");
	stop();
}
END_TEST

/* Eight threads of 100 calls each for one account: every answer right, no crash (the
 * serving threads share the scenario; see sim_copy). */
static void *hammer(void *arg) {
	int *ok = arg;
	for (int i = 0; i < 100; i++) {
		struct tc_api_reply reply;
		struct tc_error err;
		if (call("AKIDserveBUSY", "k", NULL, "2018-07-09", &reply, &err) == 0) {
			struct json_object *v = json_object_object_get(reply.response, "Uin");
			*ok += json_object_get_int64(v) == 7;
			tc_api_reply_free(&reply);
		}
	}
	return NULL;
}

START_TEST(concurrent_requests) {
	pthread_t threads[8];
	int ok[8] = {0};
	struct tc_api_reply reply;
	struct tc_error err;
	start();
	/* libcurl is loaded and initialised once, before the threads */
	ck_assert_int_eq(call("AKIDserveBUSY", "k", NULL, "2018-07-09", &reply, &err), 0);
	tc_api_reply_free(&reply);
	for (int i = 0; i < 8; i++) {
		ck_assert_int_eq(pthread_create(&threads[i], NULL, hammer, &ok[i]), 0);
	}
	int total = 0;
	for (int i = 0; i < 8; i++) {
		pthread_join(threads[i], NULL);
		total += ok[i];
	}
	ck_assert_int_eq(total, 800);
	stop();
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("serve");
	TCase *t = tcase_create("serve");
	tcase_add_test(t, answers_a_signed_request);
	tcase_add_test(t, authentication_failures);
	tcase_add_test(t, timestamp_window);
	tcase_add_test(t, rate_limit_and_faults);
	tcase_add_test(t, counters_and_reset);
	tcase_add_test(t, unsigned_and_unknown_requests);
	tcase_add_test(t, cvm_role_metadata);
	tcase_add_test(t, proxy_form_targets);
	tcase_add_test(t, concurrent_requests);
	tcase_set_timeout(t, 60);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* the test names CURLOPT_PROTOCOLS, which libcurl 7.85 deprecated */
#define CURL_DISABLE_DEPRECATION 1

#include <stdarg.h>
#include <string.h>

#include "curl_lazy.h"
#include "http.h"
#include "tap.h"

/* libcurl's curl_easy_setopt with one option refused, as an old or oddly built
 * libcurl would; records whether CURLOPT_PROTOCOLS was set. */
static CURLcode (*real_setopt)(CURL *, CURLoption, ...);
static CURLoption refused;
static CURLcode refused_rc;
static bool protocols_mask_set;

static CURLcode fake_setopt(CURL *c, CURLoption opt, ...) {
	va_list ap;
	CURLcode rc;
	va_start(ap, opt);
	if (opt == refused) {
		rc = refused_rc;
	} else if (opt < CURLOPTTYPE_OBJECTPOINT) {
		protocols_mask_set |= opt == CURLOPT_PROTOCOLS;
		rc = real_setopt(c, opt, va_arg(ap, long));
	} else if (opt < CURLOPTTYPE_OFF_T) {
		rc = real_setopt(c, opt, va_arg(ap, void *));
	} else {
		rc = real_setopt(c, opt, va_arg(ap, curl_off_t));
	}
	va_end(ap);
	return rc;
}

/* A request to a closed port with `opt` refused with `rc`. */
static int request_refusing(CURLoption opt, CURLcode rc, const char *url, struct tc_error *err) {
	struct tc_deadline d;
	struct tc_http_response resp;
	tc_deadline_start(&d, 5);
	struct tc_http_opts o = {.deadline = &d};
	struct tc_curl *table = (struct tc_curl *)tc_curl_load(err);
	ck_assert_ptr_nonnull(table);
	real_setopt = table->easy_setopt;
	table->easy_setopt = fake_setopt;
	refused = opt;
	refused_rc = rc;
	protocols_mask_set = false;
	struct tc_http *h = tc_http_new(&o, err);
	int result = tc_http_request(h, "GET", url, NULL, 0, NULL, 0, &resp, err);
	tc_http_free(h);
	table->easy_setopt = real_setopt;
	return result;
}

START_TEST(a_refused_option_fails_the_request) {
	struct tc_error err;
	ck_assert_int_eq(request_refusing(CURLOPT_SSL_VERIFYHOST, CURLE_NOT_BUILT_IN,
					  "http://127.0.0.1:1/", &err),
			 -1);
	ck_assert_int_eq(err.kind, TC_ERR_INTERNAL);
	ck_assert_ptr_nonnull(strstr(err.message, "libcurl refused option 81: "));
}
END_TEST

START_TEST(protocols_are_named) {
	struct tc_error err;
	/* the allowed protocols are set by name, and a libcurl refusing that is no
	 * reason to send the request without the restriction */
	ck_assert_int_eq(request_refusing(CURLOPT_PROTOCOLS_STR, CURLE_UNKNOWN_OPTION,
					  "http://127.0.0.1:1/", &err),
			 -1);
	ck_assert_int_eq(err.kind, TC_ERR_INTERNAL);
	ck_assert(!protocols_mask_set);
}
END_TEST

START_TEST(proxy_passwords_are_refused) {
	struct tc_error err;
	ck_assert_int_eq(tc_http_check_proxy("http://proxy.example:3128", &err), 0);
	ck_assert_int_eq(tc_http_check_proxy("proxy.example:3128", &err), 0);
	ck_assert_int_eq(tc_http_check_proxy("http://u:s3cr3t@proxy.example:3128", &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
	ck_assert_ptr_null(strstr(err.message, "s3cr3t"));
	ck_assert_ptr_nonnull(strstr(err.message, "https_proxy"));
	ck_assert_int_eq(tc_http_check_proxy("u:s3cr3t@proxy.example:3128", &err), -1);
	ck_assert_int_eq(tc_http_check_proxy("socks5h://u@proxy.example", &err), -1);
}
END_TEST

START_TEST(host_of_urls) {
	char h[64];
	ck_assert_int_eq(tc_url_host("https://billing.tencentcloudapi.com/", h, sizeof h), 0);
	ck_assert_str_eq(h, "billing.tencentcloudapi.com");
	ck_assert_int_eq(tc_url_host("http://127.0.0.1:8080", h, sizeof h), 0);
	ck_assert_str_eq(h, "127.0.0.1:8080");
	ck_assert_int_eq(tc_url_host("http://[::1]:80/x?y", h, sizeof h), 0);
	ck_assert_str_eq(h, "[::1]:80");
	ck_assert_int_eq(tc_url_host("billing.tencentcloudapi.com", h, sizeof h), -1);
	ck_assert_int_eq(tc_url_host("https:///", h, sizeof h), -1);
	ck_assert_int_eq(tc_url_host("https://user:pw@host/", h, sizeof h), -1);
	ck_assert_int_eq(
	    tc_url_host(
		"https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/", h,
		sizeof h),
	    -1);
}
END_TEST

START_TEST(refused_connection_is_a_network_error) {
	struct tc_deadline d;
	struct tc_error err;
	struct tc_http_response resp;
	tc_deadline_start(&d, 5);
	struct tc_http_opts o = {.deadline = &d};
	struct tc_http *h = tc_http_new(&o, &err);
	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(
	    tc_http_request(h, "GET", "http://127.0.0.1:1/", NULL, 0, NULL, 0, &resp, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_NETWORK);
	ck_assert_ptr_nonnull(strstr(err.message, "cannot connect to 127.0.0.1:1"));
	tc_http_free(h);
}
END_TEST

START_TEST(spent_deadline_is_a_timeout) {
	struct tc_deadline d = {.end_ms = tc_monotonic_ms() - 1, .seconds = 3};
	struct tc_error err;
	struct tc_http_response resp;
	struct tc_http_opts o = {.deadline = &d};
	struct tc_http *h = tc_http_new(&o, &err);
	ck_assert_int_eq(
	    tc_http_request(h, "GET", "http://127.0.0.1:1/", NULL, 0, NULL, 0, &resp, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_TIMEOUT);
	ck_assert_str_eq(err.message, "timed out after 3 s");
	tc_http_free(h);
}
END_TEST

START_TEST(only_http_and_https) {
	struct tc_deadline d;
	struct tc_error err;
	struct tc_http_response resp;
	tc_deadline_start(&d, 5);
	struct tc_http_opts o = {.deadline = &d};
	struct tc_http *h = tc_http_new(&o, &err);
	ck_assert_int_eq(
	    tc_http_request(h, "GET", "file:///etc/passwd", NULL, 0, NULL, 0, &resp, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_NETWORK);
	tc_http_free(h);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("http");
	TCase *tc = tcase_create("http");
	tcase_add_test(tc, host_of_urls);
	tcase_add_test(tc, refused_connection_is_a_network_error);
	tcase_add_test(tc, spent_deadline_is_a_timeout);
	tcase_add_test(tc, only_http_and_https);
	tcase_add_test(tc, a_refused_option_fails_the_request);
	tcase_add_test(tc, protocols_are_named);
	tcase_add_test(tc, proxy_passwords_are_refused);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

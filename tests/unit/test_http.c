#include <string.h>

#include "http.h"
#include "tap.h"

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
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

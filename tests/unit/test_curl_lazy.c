/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "curl_lazy.h"
#include "tap.h"

START_TEST(loads_once_and_unloads) {
	struct tc_error err;
	const struct tc_curl *a = tc_curl_load(&err);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(a->easy_init);
	ck_assert_ptr_nonnull(a->easy_setopt);
	ck_assert_ptr_eq(tc_curl_load(&err), a);
	CURL *c = a->easy_init();
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(a->easy_strerror(CURLE_OK), "No error");
	a->easy_cleanup(c);
	tc_curl_unload();
	tc_curl_unload(); /* harmless twice */
	ck_assert_ptr_nonnull(tc_curl_load(&err));
	tc_curl_unload();
}
END_TEST

/* GnuTLS, which Debian's libcurl brings in through librtmp, is not initialised */
START_TEST(gnutls_left_alone) {
	struct tc_error err;
	unsetenv("GNUTLS_NO_IMPLICIT_INIT");
	ck_assert_ptr_nonnull(tc_curl_load(&err));
	ck_assert_str_eq(getenv("GNUTLS_NO_IMPLICIT_INIT"), "1");
	tc_curl_unload();
}
END_TEST

START_TEST(a_users_gnutls_setting_is_kept) {
	struct tc_error err;
	setenv("GNUTLS_NO_IMPLICIT_INIT", "0", 1);
	ck_assert_ptr_nonnull(tc_curl_load(&err));
	ck_assert_str_eq(getenv("GNUTLS_NO_IMPLICIT_INIT"), "0");
	tc_curl_unload();
}
END_TEST

/* the run-time floor: older libraries are refused with one line naming both */
START_TEST(version_floor) {
	struct tc_error err;
	tc_error_clear(&err);
	ck_assert(tc_curl_version_ok(0x075500, "7.85.0", &err));
	ck_assert(tc_curl_version_ok(0x075801, "7.88.1", &err));
	ck_assert_int_eq(err.kind, TC_ERR_NONE);
	ck_assert(!tc_curl_version_ok(0x074a00, "7.74.0", &err));
	ck_assert_int_eq(err.kind, TC_ERR_INTERNAL);
	ck_assert_str_eq(err.message, "libcurl 7.74.0 is too old: 7.85.0 or newer is needed");
	ck_assert(!tc_curl_version_ok(0x075400, NULL, &err));
	ck_assert_str_eq(err.message,
			 "libcurl (unknown version) is too old: 7.85.0 or newer is needed");
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("curl_lazy");
	TCase *tc = tcase_create("curl_lazy");
	tcase_add_test(tc, loads_once_and_unloads);
	tcase_add_test(tc, gnutls_left_alone);
	tcase_add_test(tc, a_users_gnutls_setting_is_kept);
	tcase_add_test(tc, version_floor);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

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

static Suite *suite(void) {
	Suite *s = suite_create("curl_lazy");
	TCase *tc = tcase_create("curl_lazy");
	tcase_add_test(tc, loads_once_and_unloads);
	tcase_add_test(tc, gnutls_left_alone);
	tcase_add_test(tc, a_users_gnutls_setting_is_kept);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

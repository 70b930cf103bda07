/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tap.h"

/* Each test runs in its own process (check forks), so the locale set by one
 * does not reach the next. */

START_TEST(numbers_stay_c_in_a_utf8_locale) {
	char *argv[] = {"prog", NULL};
	setenv("LC_ALL", "C.UTF-8", 1);
	tc_i18n_init(1, argv);
	ck_assert_str_eq(setlocale(LC_CTYPE, NULL), "C.UTF-8");
	ck_assert_str_eq(setlocale(LC_NUMERIC, NULL), "C");
	ck_assert_str_eq(localeconv()->decimal_point, ".");
	char buf[32];
	snprintf(buf, sizeof buf, "%.2f", 1234.5);
	ck_assert_str_eq(buf, "1234.50");
	ck_assert(strtod("0.25", NULL) == 0.25);
}
END_TEST

START_TEST(language_option_needs_no_locale_in_the_environment) {
	char *argv[] = {"prog", "-w", "1:", "--language", "zh-CN", NULL};
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANGUAGE");
	setenv("LANG", "C", 1);
	tc_i18n_init(5, argv);
	ck_assert_str_eq(getenv("LANGUAGE"), "zh_CN");
	/* gettext would ignore LANGUAGE in the C locale */
	ck_assert_str_ne(setlocale(LC_MESSAGES, NULL), "C");
	ck_assert_str_eq(setlocale(LC_NUMERIC, NULL), "C");
}
END_TEST

START_TEST(language_option_with_equals_and_last_one_wins) {
	char *argv[] = {"prog", "--language=zh-CN", "--language=en-US", NULL};
	setenv("LANG", "C", 1);
	tc_i18n_init(3, argv);
	ck_assert_str_eq(getenv("LANGUAGE"), "en_US");
}
END_TEST

START_TEST(known_languages) {
	ck_assert(tc_i18n_known("zh-CN"));
	ck_assert(tc_i18n_known("en-US"));
	ck_assert(!tc_i18n_known("zh_CN"));
	ck_assert(!tc_i18n_known("fr"));
	ck_assert(!tc_i18n_known(""));
	ck_assert(!tc_i18n_known(NULL));
}
END_TEST

START_TEST(after_double_dash_and_unknown_values_are_ignored) {
	char *argv[] = {"prog", "--language=fr-FR", "--", "--language=zh-CN", NULL};
	unsetenv("LANGUAGE");
	setenv("LANG", "C", 1);
	tc_i18n_init(4, argv);
	ck_assert_ptr_null(getenv("LANGUAGE"));
	tc_i18n_language(NULL);
	ck_assert_ptr_null(getenv("LANGUAGE"));
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("i18n");
	TCase *tc = tcase_create("i18n");
	tcase_add_test(tc, numbers_stay_c_in_a_utf8_locale);
	tcase_add_test(tc, language_option_needs_no_locale_in_the_environment);
	tcase_add_test(tc, language_option_with_equals_and_last_one_wins);
	tcase_add_test(tc, after_double_dash_and_unknown_values_are_ignored);
	tcase_add_test(tc, known_languages);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

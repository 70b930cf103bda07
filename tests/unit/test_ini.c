/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ini.h"
#include "tap.h"

static struct tc_ini parse(const char *text) {
	struct tc_ini ini;
	struct tc_error err;
	ck_assert_msg(tc_ini_parse(text, strlen(text), &ini, &err) == 0, "%s", err.message);
	return ini;
}

START_TEST(sections_keys_comments) {
	struct tc_ini ini =
	    parse("; comment\n# also\n[default]\nsecret_id = AKID1 \n"
		  "secret_key=abc=def\n\n  [check_tc_balance]\nwarning=3000:\nverbose\n"
		  "warning=5000:\r\n");
	ck_assert_str_eq(tc_ini_get(&ini, "default", "secret_id"), "AKID1");
	ck_assert_str_eq(tc_ini_get(&ini, "default", "secret_key"), "abc=def");
	ck_assert_str_eq(tc_ini_get(&ini, "check_tc_balance", "warning"), "5000:");
	ck_assert_ptr_null(tc_ini_get(&ini, "check_tc_balance", "verbose"));
	ck_assert_ptr_null(tc_ini_get(&ini, "default", "warning"));
	ck_assert(tc_ini_has_section(&ini, "check_tc_balance"));
	ck_assert(!tc_ini_has_section(&ini, "other"));
	/* each entry knows its line, for messages that name FILE:LINE */
	ck_assert_int_eq(ini.entries[0].line, 3);
	ck_assert_str_eq(ini.entries[1].key, "secret_id");
	ck_assert_int_eq(ini.entries[1].line, 4);
	ck_assert_str_eq(ini.entries[ini.n - 1].key, "warning");
	ck_assert_int_eq(ini.entries[ini.n - 1].line, 10);
	tc_ini_free(&ini);
}
END_TEST

START_TEST(empty_section_exists) {
	struct tc_ini ini = parse("[empty]\n");
	ck_assert(tc_ini_has_section(&ini, "empty"));
	tc_ini_free(&ini);
}
END_TEST

START_TEST(errors_name_the_line) {
	struct tc_ini ini;
	struct tc_error err;
	const char *bad1 = "[ok]\n[broken\n";
	ck_assert_int_eq(tc_ini_parse(bad1, strlen(bad1), &ini, &err), -1);
	ck_assert_str_eq(err.message, "line 2: bad section header");
	const char *bad2 = "[s]\n= value\n";
	ck_assert_int_eq(tc_ini_parse(bad2, strlen(bad2), &ini, &err), -1);
	ck_assert_str_eq(err.message, "line 2: expected key=value");
	const char *bad3 = "[]\n";
	ck_assert_int_eq(tc_ini_parse(bad3, strlen(bad3), &ini, &err), -1);
	const char nul[] = "[s]\nk=a\0b\n";
	ck_assert_int_eq(tc_ini_parse(nul, sizeof nul - 1, &ini, &err), -1);
}
END_TEST

START_TEST(files) {
	char path[] = "/tmp/tc-ini-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "[a]\nb=c\n", 8), 8);
	close(fd);
	struct tc_ini ini;
	struct tc_error err;
	char want[128];
	ck_assert_int_eq(tc_ini_load(path, &ini, &err), 0);
	ck_assert_str_eq(tc_ini_get(&ini, "a", "b"), "c");
	tc_ini_free(&ini);
	/* a file's errors say FILE:LINE and never quote the line, which may hold a secret */
	FILE *f = fopen(path, "w");
	fputs("[a]\n\n[oops secret_key=s3cr3t\n", f);
	fclose(f);
	ck_assert_int_eq(tc_ini_load(path, &ini, &err), -1);
	snprintf(want, sizeof want, "%s:3: bad section header", path);
	ck_assert_str_eq(err.message, want);
	unlink(path);
	ck_assert_int_eq(tc_ini_load(path, &ini, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.message, "cannot open"));
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("ini");
	TCase *tc = tcase_create("ini");
	tcase_add_test(tc, sections_keys_comments);
	tcase_add_test(tc, empty_section_exists);
	tcase_add_test(tc, errors_name_the_line);
	tcase_add_test(tc, files);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

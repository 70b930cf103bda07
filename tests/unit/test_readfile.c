/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readfile.h"
#include "tap.h"

/* A new file holding len bytes of text; path is a "/tmp/...XXXXXX" template. */
static void temp_file(char *path, const char *text, size_t len) {
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
	close(fd);
}

START_TEST(reads_a_whole_file) {
	char path[] = "/tmp/tc-readfile-XXXXXX";
	/* binary-safe: the length counts past a NUL byte, and the text ends in one */
	temp_file(path, "ab\0cd", 5);
	struct tc_error err;
	size_t len = 0;
	char *text = tc_read_file(path, 5, &len, &err);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(len, 5);
	ck_assert_mem_eq(text, "ab\0cd", 6);
	free(text);
	unlink(path);
}
END_TEST

START_TEST(too_large_is_an_error) {
	char path[] = "/tmp/tc-readfile-XXXXXX";
	temp_file(path, "123456", 6);
	struct tc_error err;
	size_t len = 0;
	char want[128];
	ck_assert_ptr_null(tc_read_file(path, 5, &len, &err));
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	snprintf(want, sizeof want, "%s is larger than 5 bytes", path);
	ck_assert_str_eq(err.message, want);
	unlink(path);
	ck_assert_ptr_null(tc_read_file(path, 5, &len, &err));
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.message, "cannot open"));
}
END_TEST

START_TEST(never_blocks_on_a_fifo) {
	char path[64] = "/tmp/tc-readfile-fifo-XXXXXX";
	struct tc_error err;
	size_t len = 0;
	ck_assert_ptr_nonnull(mkdtemp(path));
	strcat(path, "/fifo");
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	alarm(5); /* a read that blocks fails the test instead of hanging it */
	ck_assert_ptr_null(tc_read_file(path, 1024, &len, &err));
	alarm(0);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.message, "is not a regular file"));
	ck_assert_ptr_null(tc_read_file("/dev/zero", 1024, &len, &err));
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("readfile");
	TCase *tc = tcase_create("readfile");
	tcase_add_test(tc, reads_a_whole_file);
	tcase_add_test(tc, too_large_is_an_error);
	tcase_add_test(tc, never_blocks_on_a_fifo);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readfile.h"
#include "tap.h"
#include "textfile.h"

START_TEST(atomic_write_and_read_back) {
	char dir[] = "/tmp/tc-textfile-XXXXXX";
	char path[128];
	struct tc_error err;
	struct stat st;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/balance.prom", dir);
	const char *text =
	    "tencentcloud_up{account=\"a\",check=\"balance\"} 1\n"
	    "tencentcloud_last_success_timestamp_seconds{account=\"a\",check=\"balance\"} "
	    "1795332737\n";
	ck_assert_int_eq(tc_textfile_write(path, text, strlen(text), &err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	ck_assert_int_eq(tc_textfile_last_success(path), 1795332737);
	/* no temporary file is left behind */
	DIR *d = opendir(dir);
	int files = 0;
	for (struct dirent *e = readdir(d); e; e = readdir(d)) {
		files += e->d_name[0] != '.' || strlen(e->d_name) > 2;
	}
	closedir(d);
	ck_assert_int_eq(files, 1);
	unlink(path);
	rmdir(dir);
	ck_assert_int_eq(tc_textfile_last_success(path), 0);
	ck_assert_int_eq(tc_textfile_write("/nonexistent-dir/x.prom", "x", 1, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
}
END_TEST

/* node_exporter reads the old file until a new one is whole: a write the disk
 * refuses (the file size limit here) leaves it, and no temporary beside it. */
START_TEST(a_failed_write_keeps_the_old_file) {
	char dir[] = "/tmp/tc-textfile-XXXXXX";
	char path[128], text[8192];
	struct tc_error err;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/balance.prom", dir);
	ck_assert_int_eq(tc_textfile_write(path, "old\n", 4, &err), 0);
	memset(text, '#', sizeof text);
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit lim = {4096, 4096};
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	ck_assert_int_eq(tc_textfile_write(path, text, sizeof text, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.message, "cannot write"));
	ck_assert_ptr_nonnull(strstr(err.message, "File too large"));
	size_t len = 0;
	char *kept = tc_read_file(path, 1024, &len, &err);
	ck_assert_str_eq(kept, "old\n");
	free(kept);
	unlink(path);
	ck_assert_int_eq(rmdir(dir), 0); /* nothing else was left in it */
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("textfile");
	TCase *tc = tcase_create("textfile");
	tcase_add_test(tc, atomic_write_and_read_back);
	tcase_add_test(tc, a_failed_write_keeps_the_old_file);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

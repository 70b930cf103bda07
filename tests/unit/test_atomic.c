/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whole or not at all: the file written, or on every failure (a directory where no
 * file can be made, a write past what the disk takes, a rename that cannot be done)
 * an error, the old file untouched and no temporary left behind. */
#include <dirent.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomic.h"
#include "tap.h"

static char dir[64];

static void setup(void) {
	strcpy(dir, "/tmp/tc-atomic-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void) {
	char cmd[128];
	snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* The names in `d` but . and .., joined by spaces. */
static const char *listing(const char *d) {
	static char names[1024];
	names[0] = '\0';
	DIR *h = opendir(d);
	ck_assert_ptr_nonnull(h);
	for (struct dirent *e = readdir(h); e; e = readdir(h)) {
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			strcat(names, names[0] ? " " : "");
			strncat(names, e->d_name, sizeof names - strlen(names) - 2);
		}
	}
	closedir(h);
	return names;
}

static char *slurp(const char *path) {
	static char text[4096];
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static int write_text(const char *path, const char *a, const char *b, mode_t mode,
		      struct tc_error *err) {
	struct iovec parts[] = {{(void *)a, strlen(a)}, {(void *)b, strlen(b)}};
	return tc_atomic_write(path, parts, 2, mode, err);
}

/* dir/out.prom holding "old"; its path */
static const char *old_file(void) {
	static char path[128];
	struct tc_error err;
	snprintf(path, sizeof path, "%s/out.prom", dir);
	ck_assert_int_eq(write_text(path, "old", "", 0644, &err), 0);
	return path;
}

/* after a failure: the old file as it was, and nothing beside it */
static void only_the_old_file(const char *path) {
	ck_assert_str_eq(slurp(path), "old");
	ck_assert_str_eq(listing(dir), "out.prom");
}

START_TEST(writes_the_parts_with_the_mode) {
	char path[128];
	struct tc_error err;
	struct stat st;
	snprintf(path, sizeof path, "%s/out.prom", dir);
	ck_assert_int_eq(write_text(path, "head\n", "body\n", 0644, &err), 0);
	ck_assert_str_eq(slurp(path), "head\nbody\n");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	ck_assert_int_eq(write_text(path, "new", "", 0600, &err), 0);
	ck_assert_str_eq(slurp(path), "new");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_str_eq(listing(dir), "out.prom");
}
END_TEST

START_TEST(a_relative_path_writes_beside_it) {
	struct tc_error err;
	ck_assert_int_eq(chdir(dir), 0);
	ck_assert_int_eq(write_text("here.txt", "x", "y", 0600, &err), 0);
	ck_assert_str_eq(slurp("here.txt"), "xy");
	ck_assert_str_eq(listing("."), "here.txt");
}
END_TEST

START_TEST(no_directory_no_file) {
	char path[128];
	struct tc_error err;
	snprintf(path, sizeof path, "%s/missing/out.prom", dir);
	ck_assert_int_eq(write_text(path, "a", "b", 0644, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.message, "cannot create a file beside"));
	ck_assert_ptr_nonnull(strstr(err.message, "No such file or directory"));
	/* a file where the directory should be */
	snprintf(path, sizeof path, "%s/plain", dir);
	ck_assert_int_eq(write_text(path, "a", "", 0644, &err), 0);
	snprintf(path, sizeof path, "%s/plain/out.prom", dir);
	ck_assert_int_eq(write_text(path, "a", "b", 0644, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "Not a directory"));
	ck_assert_str_eq(listing(dir), "plain");
}
END_TEST

/* A directory this process may not write: made so by its mode, and for root (whom
 * modes do not stop) by writing as nobody, in a child so the fixture stays root. */
START_TEST(a_read_only_directory) {
	const char *path = old_file();
	struct tc_error err;
	ck_assert_int_eq(chmod(dir, 0555), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct passwd *nobody = getpwnam("nobody");
		if (geteuid() == 0 &&
		    (!nobody || setgid(nobody->pw_gid) != 0 || setuid(nobody->pw_uid) != 0)) {
			_exit(2);
		}
		int rc = write_text(path, "new", "", 0644, &err);
		_exit(rc == -1 && err.kind == TC_ERR_CONFIG &&
			      strstr(err.message, "cannot create a file beside") &&
			      strstr(err.message, "Permission denied")
			  ? 0
			  : 1);
	}
	int status = -1;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	only_the_old_file(path);
}
END_TEST

/* A full disk: the file size limit makes write() fail part-way (EFBIG), as ENOSPC
 * would; the partly written temporary goes, the old file stays. */
START_TEST(a_write_the_disk_refuses) {
	const char *path = old_file();
	char big[8192];
	struct tc_error err;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit lim = {4096, 4096};
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	ck_assert_int_eq(write_text(path, "head\n", big, 0644, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.message, "cannot write"));
	ck_assert_ptr_nonnull(strstr(err.message, "File too large"));
	only_the_old_file(path);
}
END_TEST

/* A rename over a directory fails after the temporary is written: it goes too. A
 * "directory" that is a symlink to /dev/full cannot hold a temporary at all. */
START_TEST(a_rename_that_cannot_be_done) {
	char path[128];
	struct tc_error err;
	snprintf(path, sizeof path, "%s/sub", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	ck_assert_int_eq(write_text(path, "a", "b", 0644, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "cannot replace"));
	ck_assert_ptr_nonnull(strstr(err.message, "Is a directory"));
	ck_assert_str_eq(listing(dir), "sub");
	/* a directory symlinked to /dev/full is no directory */
	snprintf(path, sizeof path, "%s/full", dir);
	ck_assert_int_eq(symlink("/dev/full", path), 0);
	snprintf(path, sizeof path, "%s/full/out.prom", dir);
	ck_assert_int_eq(write_text(path, "a", "b", 0644, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "cannot create a file beside"));
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("atomic");
	TCase *tc = tcase_create("written");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, writes_the_parts_with_the_mode);
	tcase_add_test(tc, a_relative_path_writes_beside_it);
	suite_add_tcase(s, tc);
	TCase *fails = tcase_create("failures");
	tcase_add_checked_fixture(fails, setup, teardown);
	tcase_add_test(fails, no_directory_no_file);
	tcase_add_test(fails, a_read_only_directory);
	tcase_add_test(fails, a_write_the_disk_refuses);
	tcase_add_test(fails, a_rename_that_cannot_be_done);
	suite_add_tcase(s, fails);
	return s;
}

TC_TEST_MAIN(suite)

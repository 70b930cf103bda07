/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tencentcloud/cache.h"
#include "tap.h"

static char dir[64];
static const struct tc_cache_key key_one = {"AKIDone", "secret-of-one", ""};
static const struct tc_cache_key key_two = {"AKIDtwo", "secret-of-two", ""};

static void setup(void) {
	strcpy(dir, "/tmp/tc-cache-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void) {
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(store_and_reuse) {
	struct tc_cache c = {.dir = dir, .ttl = 60};
	struct tc_cache_entry e;
	struct tc_error err;
	struct tc_deadline d;
	tc_deadline_start(&d, 5);
	ck_assert_int_eq(
	    tc_cache_open(&c, &key_one, "https://h/", "DescribeAccountBalance", "{}", &d, &e, &err),
	    0);
	ck_assert_ptr_null(e.body);
	ck_assert_int_eq(tc_cache_store(&e, "{\"Response\":{}}", 15, 1000, &err), 0);
	struct stat st;
	ck_assert_int_eq(stat(e.path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	tc_cache_close(&e);

	ck_assert_int_eq(
	    tc_cache_open(&c, &key_one, "https://h/", "DescribeAccountBalance", "{}", &d, &e, &err),
	    0);
	ck_assert_str_eq(e.body, "{\"Response\":{}}");
	ck_assert(tc_cache_fresh(&c, &e, 1059));
	ck_assert(!tc_cache_fresh(&c, &e, 1060));
	ck_assert(!tc_cache_fresh(&c, &e, 999)); /* from the future: not trusted */
	/* stale answers only when asked for, and at most a day past the TTL */
	ck_assert(!tc_cache_servable_stale(&c, &e, 1060));
	c.stale_on_error = true;
	ck_assert(tc_cache_servable_stale(&c, &e, 1060));
	ck_assert(tc_cache_servable_stale(&c, &e, 1000 + 60 + TC_CACHE_KEEP_SECONDS));
	ck_assert(!tc_cache_servable_stale(&c, &e, 1000 + 60 + TC_CACHE_KEEP_SECONDS + 1));
	ck_assert(!tc_cache_servable_stale(&c, &e, 999));
	c.stale_on_error = false;
	tc_cache_close(&e);

	/* other parameters, another key: other entries */
	ck_assert_int_eq(
	    tc_cache_open(&c, &key_two, "https://h/", "DescribeAccountBalance", "{}", &d, &e, &err),
	    0);
	ck_assert_ptr_null(e.body);
	tc_cache_close(&e);
}
END_TEST

START_TEST(foreign_and_corrupt_entries_are_ignored) {
	struct tc_cache c = {.dir = dir, .ttl = 60};
	struct tc_cache_entry e;
	struct tc_error err;
	ck_assert_int_eq(tc_cache_open(&c, &key_one, "u", "A", "{}", NULL, &e, &err), 0);
	char path[1024];
	strcpy(path, e.path);
	tc_cache_close(&e);
	const char *bad[] = {"garbage", "tc-billing-cache 2 1000 0123456789abcdef\n{}",
			     "tc-billing-cache 1 1000 ffffffffffffffff\n{}",
			     "tc-billing-cache 1 x y\n{}"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		FILE *f = fopen(path, "w");
		fputs(bad[i], f);
		fclose(f);
		ck_assert_int_eq(tc_cache_open(&c, &key_one, "u", "A", "{}", NULL, &e, &err), 0);
		ck_assert_msg(e.body == NULL, "accepted %s", bad[i]);
		tc_cache_close(&e);
	}
}
END_TEST

START_TEST(a_held_lock_times_out) {
	struct tc_cache c = {.dir = dir, .ttl = 60};
	struct tc_cache_entry held, e;
	struct tc_error err;
	struct tc_deadline d;
	ck_assert_int_eq(tc_cache_open(&c, &key_one, "u", "A", "{}", NULL, &held, &err), 0);
	pid_t pid = fork();
	if (pid == 0) {
		tc_deadline_start(&d, 1);
		int rc = tc_cache_open(&c, &key_one, "u", "A", "{}", &d, &e, &err);
		_exit(rc == -1 && err.kind == TC_ERR_TIMEOUT ? 0 : 1);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	tc_cache_close(&held);
}
END_TEST

START_TEST(private_directory) {
	struct tc_cache c = {.dir = dir, .ttl = 60};
	struct tc_cache_entry e;
	struct tc_error err;
	char sub[128];
	snprintf(sub, sizeof sub, "%s/tc-billing-%u", dir, (unsigned)getuid());
	mkdir(sub, 0755);
	chmod(sub, 0755);
	ck_assert_int_eq(tc_cache_open(&c, &key_one, "u", "A", "{}", NULL, &e, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "is not a private directory"));
	tc_cache_close(&e);
}
END_TEST

/* Stores an answer for `action` and closes the entry; *e keeps its paths. */
static void store(const struct tc_cache *c, const char *action, struct tc_cache_entry *e) {
	struct tc_error err;
	ck_assert_int_eq(tc_cache_open(c, &key_one, "https://h/", action, "{}", NULL, e, &err), 0);
	ck_assert_int_eq(tc_cache_store(e, "{}", 2, (int64_t)time(NULL), &err), 0);
	tc_cache_close(e);
}

static void age(const char *path, int64_t seconds) {
	struct timespec t[2] = {{.tv_sec = time(NULL) - seconds}, {.tv_sec = time(NULL) - seconds}};
	ck_assert_int_eq(utimensat(AT_FDCWD, path, t, 0), 0);
}

static bool exists(const char *path) {
	struct stat st;
	return lstat(path, &st) == 0;
}

/* The lock file of an entry. */
static const char *lock_of(const struct tc_cache_entry *e) {
	static char path[1100];
	snprintf(path, sizeof path, "%.*s.lock", (int)(strlen(e->path) - 6), e->path);
	return path;
}

START_TEST(old_entries_are_pruned) {
	struct tc_cache c = {.dir = dir, .ttl = 60};
	struct tc_cache_entry old, recent, held;
	struct tc_error err;
	char tmp[1200], lockonly[1200];
	int64_t keep = 60 + TC_CACHE_KEEP_SECONDS;
	store(&c, "DescribeCostExplorerSummary", &old);
	store(&c, "DescribeAccountBalance", &recent);
	store(&c, "DescribeVoucherInfo", &held);
	age(old.path, keep + 10);
	age(recent.path, keep - 100); /* a day past its TTL, almost: kept */
	age(held.path, keep + 10);
	/* a temporary a crashed run left, and a lock whose request never answered */
	snprintf(tmp, sizeof tmp, "%s.Xy12ab", old.path);
	snprintf(lockonly, sizeof lockonly, "%s/tc-billing-%u/abc.lock", dir, (unsigned)getuid());
	fclose(fopen(tmp, "w"));
	fclose(fopen(lockonly, "w"));
	age(tmp, keep + 10);
	age(lockonly, keep + 10);
	/* another run is using this one */
	ck_assert_int_eq(tc_cache_open(&c, &key_one, "https://h/", "DescribeVoucherInfo", "{}",
				       NULL, &held, &err),
			 0);

	ck_assert_int_eq(tc_cache_prune(&c, (int64_t)time(NULL)), 4);
	ck_assert(!exists(old.path));
	ck_assert(!exists(lock_of(&old)));
	ck_assert(!exists(tmp));
	ck_assert(!exists(lockonly));
	ck_assert(exists(recent.path));
	ck_assert(exists(lock_of(&recent)));
	ck_assert(exists(held.path));
	tc_cache_close(&held);
	/* once free, it goes too */
	ck_assert_int_eq(tc_cache_prune(&c, (int64_t)time(NULL)), 2);
	ck_assert(!exists(held.path));
	/* a longer TTL keeps entries longer */
	struct tc_cache week = {.dir = dir, .ttl = 7 * 86400};
	age(recent.path, keep + 10);
	ck_assert_int_eq(tc_cache_prune(&week, (int64_t)time(NULL)), 0);
	ck_assert_int_eq(tc_cache_prune(&c, (int64_t)time(NULL)), 2);
}
END_TEST

START_TEST(tidy_prunes_at_most_hourly) {
	struct tc_cache c = {.dir = dir, .ttl = 60};
	struct tc_cache_entry e;
	char stamp[1100];
	int64_t now = (int64_t)time(NULL);
	store(&c, "DescribeAccountBalance", &e);
	age(e.path, 60 + TC_CACHE_KEEP_SECONDS + 10);
	snprintf(stamp, sizeof stamp, "%s/tc-billing-%u/pruned", dir, (unsigned)getuid());
	/* the first call only dates the stamp */
	tc_cache_tidy(&c, &e, now);
	ck_assert(exists(stamp));
	ck_assert(exists(e.path));
	tc_cache_tidy(&c, &e, now + 3599);
	ck_assert(exists(e.path));
	/* an hour later it prunes, and dates the stamp anew */
	age(stamp, 3600);
	tc_cache_tidy(&c, &e, now);
	ck_assert(!exists(e.path));
	struct stat st;
	ck_assert_int_eq(stat(stamp, &st), 0);
	ck_assert_int_ge((int64_t)st.st_mtime, now);
}
END_TEST

/* Whether an entry of `k` holds an answer, after one was stored for key_one. */
static bool served_to(const struct tc_cache *c, const struct tc_cache_key *k) {
	struct tc_cache_entry e;
	struct tc_error err;
	ck_assert_int_eq(tc_cache_open(c, k, "u", "A", "{}", NULL, &e, &err), 0);
	bool served = e.body != NULL;
	tc_cache_close(&e);
	return served;
}

START_TEST(entries_belong_to_the_whole_key) {
	struct tc_cache c = {.dir = dir, .ttl = 60};
	struct tc_cache_entry e;
	struct tc_error err;
	ck_assert_int_eq(tc_cache_open(&c, &key_one, "u", "A", "{}", NULL, &e, &err), 0);
	ck_assert_int_eq(tc_cache_store(&e, "{\"x\":1}", 7, time(NULL), &err), 0);
	tc_cache_close(&e);
	ck_assert(served_to(&c, &key_one));
	const struct tc_cache_key wrong_secret = {"AKIDone", "a-wrong-secret", ""};
	const struct tc_cache_key with_token = {"AKIDone", "secret-of-one", "token"};
	ck_assert(!served_to(&c, &wrong_secret));
	ck_assert(!served_to(&c, &with_token));
	/* neither the SecretId nor the SecretKey is in the file */
	char cmd[256];
	snprintf(cmd, sizeof cmd, "grep -rq -e AKIDone -e secret-of-one %s", dir);
	ck_assert_int_ne(system(cmd), 0);
}
END_TEST

START_TEST(directories_others_control_are_refused) {
	struct tc_cache_entry e;
	struct tc_error err;
	char base[128];
	struct tc_cache c = {.dir = base, .ttl = 60};
	snprintf(base, sizeof base, "%s/open", dir);
	ck_assert_int_eq(mkdir(base, 0777), 0);
	ck_assert_int_eq(chmod(base, 0777), 0);
	ck_assert_int_eq(tc_cache_open(&c, &key_one, "u", "A", "{}", NULL, &e, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.message, "can be written by others"));
	tc_cache_close(&e);
	ck_assert_int_eq(chmod(base, 01777), 0); /* sticky, as /tmp */
	ck_assert_int_eq(tc_cache_open(&c, &key_one, "u", "A", "{}", NULL, &e, &err), 0);
	tc_cache_close(&e);
	/* the test suite runs as root, which can hand a directory to another user */
	snprintf(base, sizeof base, "%s/theirs", dir);
	ck_assert_int_eq(mkdir(base, 0755), 0);
	ck_assert_int_eq(chown(base, 65534, 65534), 0);
	ck_assert_int_eq(tc_cache_open(&c, &key_one, "u", "A", "{}", NULL, &e, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "belongs to another user"));
	tc_cache_close(&e);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("cache");
	TCase *tc = tcase_create("cache");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, store_and_reuse);
	tcase_add_test(tc, foreign_and_corrupt_entries_are_ignored);
	tcase_add_test(tc, a_held_lock_times_out);
	tcase_add_test(tc, private_directory);
	tcase_add_test(tc, old_entries_are_pruned);
	tcase_add_test(tc, tidy_prunes_at_most_hourly);
	tcase_add_test(tc, entries_belong_to_the_whole_key);
	tcase_add_test(tc, directories_others_control_are_refused);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cache.h"
#include "tap.h"

static char dir[64];

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
	ck_assert_int_eq(tc_cache_open(&c, "AKIDone", "https://h/", "DescribeAccountBalance", "{}",
				       &d, &e, &err),
			 0);
	ck_assert_ptr_null(e.body);
	ck_assert_int_eq(tc_cache_store(&e, "{\"Response\":{}}", 15, 1000, &err), 0);
	struct stat st;
	ck_assert_int_eq(stat(e.path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	tc_cache_close(&e);

	ck_assert_int_eq(tc_cache_open(&c, "AKIDone", "https://h/", "DescribeAccountBalance", "{}",
				       &d, &e, &err),
			 0);
	ck_assert_str_eq(e.body, "{\"Response\":{}}");
	ck_assert(tc_cache_fresh(&c, &e, 1059));
	ck_assert(!tc_cache_fresh(&c, &e, 1060));
	ck_assert(!tc_cache_fresh(&c, &e, 999)); /* from the future: not trusted */
	tc_cache_close(&e);

	/* other parameters, another key: other entries */
	ck_assert_int_eq(tc_cache_open(&c, "AKIDtwo", "https://h/", "DescribeAccountBalance", "{}",
				       &d, &e, &err),
			 0);
	ck_assert_ptr_null(e.body);
	tc_cache_close(&e);
}
END_TEST

START_TEST(foreign_and_corrupt_entries_are_ignored) {
	struct tc_cache c = {.dir = dir, .ttl = 60};
	struct tc_cache_entry e;
	struct tc_error err;
	ck_assert_int_eq(tc_cache_open(&c, "AKIDone", "u", "A", "{}", NULL, &e, &err), 0);
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
		ck_assert_int_eq(tc_cache_open(&c, "AKIDone", "u", "A", "{}", NULL, &e, &err), 0);
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
	ck_assert_int_eq(tc_cache_open(&c, "AKIDone", "u", "A", "{}", NULL, &held, &err), 0);
	pid_t pid = fork();
	if (pid == 0) {
		tc_deadline_start(&d, 1);
		int rc = tc_cache_open(&c, "AKIDone", "u", "A", "{}", &d, &e, &err);
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
	ck_assert_int_eq(tc_cache_open(&c, "AKIDone", "u", "A", "{}", NULL, &e, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "is not a private directory"));
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
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The glue of the kit's runner and Tencent Cloud: the cloud options reach the check,
 * the API client is ready with the credentials, and the notes on how the data was
 * got are added to the result. No request is made: the checks here call no API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture.h"
#include "tap.h"
#include "tencentcloud/check.h"

static int site_check(struct tc_run *run, struct tc_cloud *cloud, struct tc_result *res,
		      struct tc_error *err) {
	(void)err;
	ck_assert_ptr_eq(cloud->api.cred, &cloud->cred);
	ck_assert_ptr_nonnull(cloud->api.http);
	ck_assert_ptr_eq(cloud->api.deadline, &run->deadline);
	tc_result_summary(res, "%s %s %s, currency %s, site %d", cloud->cred.secret_id,
			  cloud->cred.source, run->opts.account, cloud->opts.currency,
			  (int)cloud->api.site);
	return 0;
}

static const struct tc_program program = {
    .name = "check_tc_test",
    .prefix = "TC TEST",
    .purpose = "A test.",
    .threshold_help = "on things",
    .default_warning = "5",
    .default_critical = "10",
};

struct main_args {
	int argc;
	char **argv;
};

static int call_main(void *ctx) {
	struct main_args *m = ctx;
	return tc_check_main(&program, m->argc, m->argv, site_check);
}

/* Runs tc_check_main and returns what it printed; *status gets its status. */
static char *run_main(int *status, int argc, char **argv) {
	struct main_args m = {argc, argv};
	return capture_stdout(call_main, &m, status);
}

START_TEST(cloud_options_and_credentials_reach_the_check) {
	int status;
	setenv("TENCENTCLOUD_SECRET_ID", "AKIDtest", 1);
	setenv("TENCENTCLOUD_SECRET_KEY", "secret", 1);
	char *argv[] = {"check_tc_test", "--site=intl", "--profile", "prod", NULL};
	char *out = run_main(&status, 4, argv);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(out, "TC TEST OK - AKIDtest environment prod, currency USD, site 1\n");
	unsetenv("TENCENTCLOUD_SECRET_ID");
	unsetenv("TENCENTCLOUD_SECRET_KEY");
}
END_TEST

/* A credentials file others can read is said in the result, and -v says what the run
 * cost. */
START_TEST(notes_after_the_check) {
	char path[] = "/tmp/tc-check-cred-XXXXXX";
	int fd = mkstemp(path);
	const char text[] = "[default]\nsecret_id = AKIDfile\nsecret_key = s3cr3t\n";
	ck_assert_int_eq(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	ck_assert_int_eq(chmod(path, 0644), 0);
	char arg[64], want[160];
	snprintf(arg, sizeof arg, "--credentials-file=%s", path);
	int status;
	char *argv[] = {"check_tc_test", arg, "-v", NULL};
	char *out = run_main(&status, 3, argv);
	ck_assert_int_eq(status, 0);
	snprintf(want, sizeof want, "TC TEST OK - AKIDfile %s default, currency CNY, site 0\n",
		 path);
	ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "\napi: requests 0, retries 0, 0 ms; cache: off; run: "));
	snprintf(want, sizeof want, "\nwarning: %s can be read by group or others; chmod 600 it\n",
		 path);
	ck_assert_ptr_nonnull(strstr(out, want));
	ck_assert_ptr_null(strstr(out, "s3cr3t"));
	unlink(path);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("check");
	tcase_add_test(tc, cloud_options_and_credentials_reach_the_check);
	tcase_add_test(tc, notes_after_the_check);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

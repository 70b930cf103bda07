/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tencentcloud/cred.h"
#include "tap.h"

static char home[64];

static void write_file(const char *path, const char *text, mode_t mode) {
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	chmod(path, mode);
}

static void setup(void) {
	char dir[256];
	strcpy(home, "/tmp/tc-cred-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(home));
	snprintf(dir, sizeof dir, "%s/.tccli", home);
	mkdir(dir, 0700);
	snprintf(dir, sizeof dir, "%s/.tencentcloud", home);
	mkdir(dir, 0700);
	unsetenv("TENCENTCLOUD_SECRET_ID");
	unsetenv("TENCENTCLOUD_SECRET_KEY");
	unsetenv("TENCENTCLOUD_SESSION_TOKEN");
	unsetenv("TENCENTCLOUD_TOKEN");
}

static void teardown(void) {
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
	ck_assert_int_eq(system(cmd), 0);
}

static struct tc_http *http(struct tc_deadline *d) {
	struct tc_error err;
	struct tc_http_opts o = {.deadline = d};
	tc_deadline_start(d, 5);
	return tc_http_new(&o, &err);
}

/* The metadata service of these tests is a closed port: no CVM role. */
static int load(const char *file, const char *profile, struct tc_credentials *c,
		struct tc_error *err) {
	struct tc_deadline d;
	struct tc_http *h = http(&d);
	struct tc_cred_opts o = {.credentials_file = file,
				 .profile = profile,
				 .home = home,
				 .metadata_url = "http://127.0.0.1:1",
				 .http = h};
	int rc = tc_credentials_load(&o, c, err);
	tc_http_free(h);
	return rc;
}

START_TEST(ini_file) {
	char path[256];
	struct tc_credentials c;
	struct tc_error err;
	snprintf(path, sizeof path, "%s/creds.ini", home);
	write_file(path, "[default]\nsecret_id = AKIDfile\nsecret_key = keyfile\ntoken = tok\n",
		   0600);
	ck_assert_int_eq(tc_credentials_from_ini(path, &c, &err), 0);
	ck_assert_str_eq(c.secret_id, "AKIDfile");
	ck_assert_str_eq(c.secret_key, "keyfile");
	ck_assert_str_eq(c.token, "tok");
	ck_assert_str_eq(c.source, path);
	write_file(path, "[other]\nsecret_id = x\n", 0600);
	ck_assert_int_eq(tc_credentials_from_ini(path, &c, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CREDENTIALS);
	ck_assert_ptr_nonnull(strstr(err.message, "has no secret_id"));
}
END_TEST

START_TEST(tccli_file) {
	char path[256];
	struct tc_credentials c;
	struct tc_error err;
	snprintf(path, sizeof path, "%s/.tccli/prod.credential", home);
	write_file(path, "{\"secretId\": \"AKIDcli\", \"secretKey\": \"keycli\"}", 0600);
	ck_assert_int_eq(tc_credentials_from_tccli(path, &c, &err), 0);
	ck_assert_str_eq(c.secret_id, "AKIDcli");
	ck_assert_str_eq(c.token, "");
	write_file(path, "{\"secretId\": 5}", 0600);
	ck_assert_int_eq(tc_credentials_from_tccli(path, &c, &err), -1);
	write_file(path, "{not json", 0600);
	ck_assert_int_eq(tc_credentials_from_tccli(path, &c, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CREDENTIALS);
}
END_TEST

START_TEST(role_json) {
	struct tc_credentials c;
	struct tc_error err;
	const char *ok =
	    "{\"TmpSecretId\": \"AKIDtmp\", \"TmpSecretKey\": \"k\", \"Token\": \"t\", "
	    "\"ExpiredTime\": 1, \"Code\": \"Success\"}";
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(tc_credentials_from_role_json(ok, strlen(ok), &c, &err), 0);
	ck_assert_str_eq(c.secret_id, "AKIDtmp");
	ck_assert_str_eq(c.token, "t");
	const char *failed = "{\"Code\": \"Failure\"}";
	ck_assert_int_eq(tc_credentials_from_role_json(failed, strlen(failed), &c, &err), -1);
	ck_assert_str_eq(err.message, "CVM role credentials: Code is Failure");
}
END_TEST

START_TEST(explicit_file_wins_over_env) {
	char path[256];
	struct tc_credentials c;
	struct tc_error err;
	snprintf(path, sizeof path, "%s/creds.ini", home);
	write_file(path, "[default]\nsecret_id = AKIDfile\nsecret_key = keyfile\n", 0600);
	setenv("TENCENTCLOUD_SECRET_ID", "AKIDenv", 1);
	setenv("TENCENTCLOUD_SECRET_KEY", "keyenv", 1);
	ck_assert_int_eq(load(path, NULL, &c, &err), 0);
	ck_assert_str_eq(c.secret_id, "AKIDfile");
	/* a named file that is missing is an error, not a reason to use the env */
	snprintf(path, sizeof path, "%s/absent.ini", home);
	ck_assert_int_eq(load(path, NULL, &c, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CREDENTIALS);
}
END_TEST

START_TEST(env_with_tokens) {
	struct tc_credentials c;
	struct tc_error err;
	setenv("TENCENTCLOUD_SECRET_ID", "AKIDenv", 1);
	setenv("TENCENTCLOUD_SECRET_KEY", "keyenv", 1);
	setenv("TENCENTCLOUD_TOKEN", "tccli-token", 1);
	ck_assert_int_eq(load(NULL, "prod", &c, &err), 0);
	ck_assert_str_eq(c.secret_id, "AKIDenv");
	ck_assert_str_eq(c.token, "tccli-token");
	ck_assert_str_eq(c.source, "environment");
	setenv("TENCENTCLOUD_SESSION_TOKEN", "sdk-token", 1);
	ck_assert_int_eq(load(NULL, NULL, &c, &err), 0);
	ck_assert_str_eq(c.token, "sdk-token");
}
END_TEST

START_TEST(half_set_env_is_an_error) {
	struct tc_credentials c;
	struct tc_error err;
	setenv("TENCENTCLOUD_SECRET_ID", "AKIDenv", 1);
	ck_assert_int_eq(load(NULL, NULL, &c, &err), -1);
	ck_assert_str_eq(err.message,
			 "TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not");
}
END_TEST

START_TEST(profile_then_shared_file) {
	char path[256];
	struct tc_credentials c;
	struct tc_error err;
	snprintf(path, sizeof path, "%s/.tccli/prod.credential", home);
	write_file(path, "{\"secretId\": \"AKIDcli\", \"secretKey\": \"keycli\", \"token\": \"t\"}",
		   0600);
	snprintf(path, sizeof path, "%s/.tencentcloud/credentials", home);
	write_file(path, "[default]\nsecret_id = AKIDshared\nsecret_key = keyshared\n", 0600);
	ck_assert_int_eq(load(NULL, "prod", &c, &err), 0);
	ck_assert_str_eq(c.secret_id, "AKIDcli");
	ck_assert_str_eq(c.token, "t");
	ck_assert_int_eq(load(NULL, NULL, &c, &err), 0);
	ck_assert_str_eq(c.secret_id, "AKIDshared");
	ck_assert_int_eq(load(NULL, "missing", &c, &err), -1);
	ck_assert_int_eq(load(NULL, "../x", &c, &err), -1);
}
END_TEST

START_TEST(nothing_found_names_every_place) {
	struct tc_credentials c;
	struct tc_error err;
	ck_assert_int_eq(load(NULL, NULL, &c, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CREDENTIALS);
	ck_assert_ptr_nonnull(strstr(err.message, "--credentials-file not given"));
	ck_assert_ptr_nonnull(
	    strstr(err.message, "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY not set"));
	ck_assert_ptr_nonnull(strstr(err.message, "--profile not given"));
	ck_assert_ptr_nonnull(strstr(err.message, "/.tencentcloud/credentials not found"));
	ck_assert_ptr_nonnull(strstr(err.message, "CVM role: "));
}
END_TEST

START_TEST(open_permissions_are_noticed) {
	char path[256];
	snprintf(path, sizeof path, "%s/creds.ini", home);
	write_file(path, "[default]\n", 0644);
	ck_assert(tc_credentials_file_too_open(path));
	chmod(path, 0600);
	ck_assert(!tc_credentials_file_too_open(path));
}
END_TEST

START_TEST(wipe) {
	struct tc_credentials c;
	strcpy(c.secret_key, "secret");
	tc_credentials_wipe(&c);
	ck_assert_str_eq(c.secret_key, "");
}
END_TEST

START_TEST(no_core_dump_holds_the_key) {
	struct rlimit core;
	tc_credentials_protect_process();
	ck_assert_int_eq(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
	ck_assert_int_eq(getrlimit(RLIMIT_CORE, &core), 0);
	ck_assert_uint_eq(core.rlim_cur, 0);
	ck_assert_uint_eq(core.rlim_max, 0);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("cred");
	TCase *tc = tcase_create("cred");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, ini_file);
	tcase_add_test(tc, no_core_dump_holds_the_key);
	tcase_add_test(tc, tccli_file);
	tcase_add_test(tc, role_json);
	tcase_add_test(tc, explicit_file_wins_over_env);
	tcase_add_test(tc, env_with_tokens);
	tcase_add_test(tc, half_set_env_is_an_error);
	tcase_add_test(tc, profile_then_shared_file);
	tcase_add_test(tc, nothing_found_names_every_place);
	tcase_add_test(tc, open_permissions_are_noticed);
	tcase_add_test(tc, wipe);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

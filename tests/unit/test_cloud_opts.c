/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Tencent Cloud options as a check's main() sees them: a layer of the common
 * options (test_opts covers those and the --extra-opts machinery), from the command
 * line and from --extra-opts files alike. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "tencentcloud/cloud_opts.h"

static const struct tc_program program = {
    .name = "check_tc_balance",
    .prefix = "TC TEST",
    .purpose = "A test program.",
    .threshold_help = "ranges on nothing",
    .default_warning = "3000:",
    .default_critical = "1000:",
};

static struct tc_cloud_opts o; /* the cloud options of the last parse */
static struct tc_common c;
static struct tc_error err;

/* Parses argv after the program's name; returns tc_cloud_opts_parse's value. */
static int parse(int argc, ...) {
	char *argv[16];
	bool done;
	va_list ap;
	va_start(ap, argc);
	argv[0] = "check_tc_balance";
	for (int i = 1; i < argc; i++) {
		argv[i] = va_arg(ap, char *);
	}
	va_end(ap);
	argv[argc] = NULL;
	tc_common_free(&c);
	FILE *out = fopen("/dev/null", "w");
	int rc = tc_cloud_opts_parse(&program, argc, argv, &c, &o, &done, out, &err);
	fclose(out);
	return rc;
}

static void teardown(void) {
	tc_common_free(&c);
}

START_TEST(defaults) {
	ck_assert_int_eq(parse(1), 0);
	ck_assert_str_eq(o.currency, "CNY");
	ck_assert_int_eq(o.site, TC_SITE_CHINA);
	ck_assert_int_eq(o.api_offset, 8 * 3600);
	ck_assert_int_eq(o.cache.ttl, 60);
	ck_assert_ptr_null(o.cache.dir);
	ck_assert_str_eq(c.account, "default");
}
END_TEST

START_TEST(values) {
	ck_assert_int_eq(parse(8, "--site", "intl", "--endpoint=http://127.0.0.1:9", "--region",
			       "ap-hongkong", "--cache-ttl=30", "--api-timezone=+00:00"),
			 0);
	ck_assert_int_eq(o.site, TC_SITE_INTL);
	ck_assert_str_eq(o.currency, "USD"); /* by site */
	ck_assert(!o.currency_given);
	ck_assert_str_eq(o.endpoint, "http://127.0.0.1:9");
	ck_assert_str_eq(o.region, "ap-hongkong");
	ck_assert_int_eq(o.cache.ttl, 30);
	ck_assert_int_eq(o.api_offset, 0);
	ck_assert_int_eq(parse(3, "--site=intl", "--currency=EUR"), 0);
	ck_assert_str_eq(o.currency, "EUR");
	ck_assert(o.currency_given);
}
END_TEST

static void usage_error(const char *want, const char *arg) {
	ck_assert_int_eq(parse(2, arg), -1);
	ck_assert_msg(strstr(err.message, want), "'%s' lacks '%s'", err.message, want);
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
}

START_TEST(bad_values) {
	usage_error("invalid --site 'mars'", "--site=mars");
	usage_error("invalid --currency 'yuan'", "--currency=yuan");
	usage_error("not a path", "--endpoint=https://x/v3");
	usage_error("invalid --cache-ttl '0': expected 1-86400", "--cache-ttl=0");
	usage_error("secrets are not accepted on the command line", "--secret-key=abc");
	usage_error("--credentials-file", "--secret-id=AKID");
	usage_error("TENCENTCLOUD_SECRET_ID", "--token=x");
	/* plain http only to loopback, unless allowed */
	usage_error("http://", "--endpoint=http://example.com");
	ck_assert_int_eq(parse(3, "--endpoint=http://example.com", "--allow-insecure-http"), 0);
}
END_TEST

/* The cloud options are shared keys of an account section; a bad value in a file is
 * named where it stands and never quoted. */
START_TEST(in_an_account_section) {
	char path[] = "/tmp/tc-cloud-opts-XXXXXX", spec[128], want[256];
	int fd = mkstemp(path);
	const char *text =
	    "[main]\ncredentials-file=/etc/tc/main\nsite=intl\ncache-stale-on-error\n"
	    "[bad]\nsite=s3cr3t\n";
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	snprintf(spec, sizeof spec, "--extra-opts=main@%s", path);
	ck_assert_msg(parse(2, spec) == 0, "%s", err.message);
	ck_assert_str_eq(o.credentials_file, "/etc/tc/main");
	ck_assert_int_eq(o.site, TC_SITE_INTL);
	ck_assert(o.cache.stale_on_error);
	ck_assert_str_eq(c.account, "main");
	snprintf(spec, sizeof spec, "--extra-opts=bad@%s", path);
	ck_assert_int_eq(parse(2, spec), -1);
	snprintf(want, sizeof want, "%s:6 [bad]: invalid --site '***': use china or intl", path);
	ck_assert_str_eq(err.message, want);
	unlink(path);
}
END_TEST

/* --profile names the account when neither --account nor a section does. */
START_TEST(profile_names_the_account) {
	ck_assert_int_eq(parse(3, "--profile", "prod"), 0);
	ck_assert_str_eq(o.profile, "prod");
	ck_assert_str_eq(c.account, "prod");
	ck_assert_int_eq(parse(4, "--profile=prod", "--account", "acme"), 0);
	ck_assert_str_eq(c.account, "acme");
}
END_TEST

/* --help: the common options, then the cloud ones and where credentials come from. */
START_TEST(help_lists_the_cloud_options_after_the_common_ones) {
	char *text = NULL;
	size_t len = 0;
	bool done;
	FILE *out = open_memstream(&text, &len);
	char *argv[] = {"check_tc_balance", "--help", NULL};
	ck_assert_int_eq(tc_cloud_opts_parse(&program, 2, argv, &c, &o, &done, out, &err), 0);
	fclose(out);
	ck_assert(done);
	const char *account = strstr(text, "  --account=NAME");
	const char *site = strstr(text, "  --site=china|intl");
	const char *creds = strstr(text, "\nCredentials, first found wins: --credentials-file;");
	ck_assert_ptr_nonnull(account);
	ck_assert_ptr_nonnull(site);
	ck_assert_ptr_nonnull(creds);
	ck_assert(account < site && site < creds);
	free(text);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("cloud_opts");
	TCase *tc = tcase_create("cloud_opts");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, values);
	tcase_add_test(tc, bad_values);
	tcase_add_test(tc, in_an_account_section);
	tcase_add_test(tc, profile_names_the_account);
	tcase_add_test(tc, help_lists_the_cloud_options_after_the_common_ones);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

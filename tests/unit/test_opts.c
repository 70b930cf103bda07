#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opts.h"
#include "tap.h"

static int own_seen;

static int handle(int key, const char *arg, void *ctx, struct tc_error *err) {
	(void)ctx;
	(void)err;
	if (key == 2000 && strcmp(arg, "7") == 0) {
		own_seen = 1;
	}
	return 0;
}

static const struct option own[] = {{"days", required_argument, NULL, 2000}, {NULL, 0, NULL, 0}};

static const struct tc_program program = {
    .name = "check_tc_test",
    .prefix = "TC TEST",
    .purpose = "A test program.",
    .threshold_help = "ranges on nothing",
    .default_warning = "3000:",
    .default_critical = "1000:",
    .options = own,
    .handle = handle,
};

static int parse(struct tc_common *c, bool *done, struct tc_error *err, int argc, ...) {
	char *argv[32];
	va_list ap;
	va_start(ap, argc);
	argv[0] = "check_tc_test";
	for (int i = 1; i < argc; i++) {
		argv[i] = va_arg(ap, char *);
	}
	va_end(ap);
	argv[argc] = NULL;
	FILE *out = fopen("/dev/null", "w");
	int rc = tc_opts_parse(&program, argc, argv, c, done, out, err);
	fclose(out);
	return rc;
}

START_TEST(defaults) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	ck_assert_int_eq(parse(&c, &done, &err, 1), 0);
	ck_assert(!done);
	ck_assert_str_eq(c.warning, "3000:");
	ck_assert_str_eq(c.critical, "1000:");
	ck_assert_int_eq(c.timeout, 10);
	ck_assert_int_eq(c.timeout_state, TC_UNKNOWN);
	ck_assert_str_eq(c.currency, "CNY");
	ck_assert_int_eq(c.site, TC_SITE_CHINA);
	tc_common_free(&c);
}
END_TEST

START_TEST(common_values) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	own_seen = 0;
	ck_assert_int_eq(parse(&c, &done, &err, 13, "-w", "500:", "--critical=100:", "-t",
			       "5:CRITICAL", "-vvv", "--site", "intl",
			       "--endpoint=http://127.0.0.1:9", "--days", "7", "--language=en-US"),
			 0);
	ck_assert_str_eq(c.warning, "500:");
	ck_assert_str_eq(c.critical, "100:");
	ck_assert_int_eq(c.timeout, 5);
	ck_assert_int_eq(c.timeout_state, TC_CRITICAL);
	ck_assert_int_eq(c.verbose, 3);
	ck_assert_int_eq(c.site, TC_SITE_INTL);
	ck_assert_str_eq(c.currency, "USD");
	ck_assert_str_eq(c.endpoint, "http://127.0.0.1:9");
	ck_assert_str_eq(c.language, "en-US");
	ck_assert_int_eq(own_seen, 1);
	tc_common_free(&c);
	ck_assert_int_eq(parse(&c, &done, &err, 4, "--site=intl", "--currency", "EUR"), 0);
	ck_assert_str_eq(c.currency, "EUR");
	tc_common_free(&c);
}
END_TEST

static void usage_error(const char *want, int argc, ...) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	char *argv[8];
	va_list ap;
	va_start(ap, argc);
	argv[0] = "check_tc_test";
	for (int i = 1; i < argc; i++) {
		argv[i] = va_arg(ap, char *);
	}
	va_end(ap);
	argv[argc] = NULL;
	ck_assert_int_eq(tc_opts_parse(&program, argc, argv, &c, &done, stdout, &err), -1);
	ck_assert_msg(strstr(err.message, want), "'%s' lacks '%s'", err.message, want);
	tc_common_free(&c);
}

START_TEST(bad_values) {
	usage_error("unknown option '--bogus'", 2, "--bogus");
	usage_error("unknown option", 2, "-x");
	usage_error("needs a value", 2, "-w");
	usage_error("invalid --timeout '0'", 3, "-t", "0");
	usage_error("invalid --timeout '5x'", 3, "-t", "5x");
	usage_error("invalid --timeout state 'MAYBE'", 3, "-t", "5:MAYBE");
	usage_error("invalid --site 'mars'", 2, "--site=mars");
	usage_error("invalid --currency 'yuan'", 2, "--currency=yuan");
	usage_error("invalid --language 'de'", 2, "--language=de");
	usage_error("not a path", 2, "--endpoint=https://x/v3");
	usage_error("unexpected argument 'extra'", 2, "extra");
}
END_TEST

START_TEST(secrets_refused_on_command_line) {
	usage_error("secrets are not accepted on the command line", 2, "--secret-key=abc");
	usage_error("--credentials-file", 3, "--secret-id", "AKID");
	usage_error("TENCENTCLOUD_SECRET_ID", 2, "--token=x");
}
END_TEST

START_TEST(help_and_version) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	/* help wins even over a broken option */
	ck_assert_int_eq(parse(&c, &done, &err, 3, "--bogus", "--help"), 0);
	ck_assert(done);
	ck_assert_int_eq(parse(&c, &done, &err, 2, "-V"), 0);
	ck_assert(done);
	tc_common_free(&c);
}
END_TEST

static char ini_path[64];

static void write_ini(const char *text) {
	strcpy(ini_path, "/tmp/tc-opts-XXXXXX");
	int fd = mkstemp(ini_path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

START_TEST(extra_opts) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	char spec[128], spec2[128];
	write_ini("[check_tc_test]\nwarning=200:\ncritical=50:\nverbose\n"
		  "credentials-file=/etc/tc/creds\n[acct2]\nwarning=900:\n");
	snprintf(spec, sizeof spec, "--extra-opts=@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec), 0);
	ck_assert_str_eq(c.warning, "200:");
	ck_assert_str_eq(c.critical, "50:");
	ck_assert_int_eq(c.verbose, 1);
	ck_assert_str_eq(c.credentials_file, "/etc/tc/creds");
	tc_common_free(&c);
	/* the command line wins over the file, wherever it stands */
	ck_assert_msg(parse(&c, &done, &err, 5, "-w", "7:", "--extra-opts", spec + 13) == 0, "%s",
		      err.message);
	ck_assert_str_eq(c.warning, "7:");
	tc_common_free(&c);
	snprintf(spec2, sizeof spec2, "--extra-opts=acct2@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec2), 0);
	ck_assert_str_eq(c.warning, "900:");
	ck_assert_str_eq(c.critical, "1000:");
	tc_common_free(&c);
	snprintf(spec2, sizeof spec2, "--extra-opts=nosuch@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec2), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "no section [nosuch]"));
	tc_common_free(&c);
	unlink(ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec), -1);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	tc_common_free(&c);
}
END_TEST

START_TEST(extra_opts_default_file_from_env) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	write_ini("[check_tc_test]\ntimeout=4\n");
	setenv("MP_CONFIG_FILE", ini_path, 1);
	ck_assert_int_eq(parse(&c, &done, &err, 2, "--extra-opts"), 0);
	ck_assert_int_eq(c.timeout, 4);
	tc_common_free(&c);
	unsetenv("MP_CONFIG_FILE");
	unlink(ini_path);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("opts");
	TCase *tc = tcase_create("opts");
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, common_values);
	tcase_add_test(tc, bad_values);
	tcase_add_test(tc, secrets_refused_on_command_line);
	tcase_add_test(tc, help_and_version);
	tcase_add_test(tc, extra_opts);
	tcase_add_test(tc, extra_opts_default_file_from_env);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

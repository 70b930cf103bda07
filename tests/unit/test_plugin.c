/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The common main flow: what it prints and returns for help, bad options, an error
 * from the check, and a result. Each test runs forked; stdout goes to a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "plugin.h"
#include "tap.h"

/* what the glue saw of a run */
static struct {
	int prepared, annotated, released;
	bool fail_prepare;
} seen;

static int prepare(void *ctx, struct tc_run *run, struct tc_error *err) {
	(void)ctx;
	seen.prepared++;
	/* the thresholds and the deadline are ready before the glue runs */
	ck_assert_int_eq(run->deadline.seconds, run->opts.timeout);
	if (seen.fail_prepare) {
		return tc_error_set(err, TC_ERR_CREDENTIALS, "no credentials");
	}
	return 0;
}

static void annotate(void *ctx, struct tc_run *run, struct tc_result *res,
		     struct tc_render_meta *meta) {
	(void)ctx;
	(void)run;
	seen.annotated++;
	tc_result_line(res, "annotated");
	meta->data_age = 42;
}

static void release(void *ctx) {
	(void)ctx;
	seen.released++;
}

static int ok_check(void *ctx, struct tc_run *run, struct tc_result *res, struct tc_error *err) {
	(void)ctx;
	(void)err;
	tc_result_raise(res, TC_WARNING);
	tc_result_summary(res, "checked with -w %s", run->opts.warning);
	struct tc_thresholds limits = {run->warning, run->critical};
	tc_result_add_figure(res, &(struct tc_figure){.name = "things",
						      .measure = TC_MEASURE_COUNT,
						      .value = 7,
						      .limits = &limits,
						      .min_zero = true});
	return 0;
}

static int failing_check(void *ctx, struct tc_run *run, struct tc_result *res,
			 struct tc_error *err) {
	(void)ctx;
	(void)run;
	(void)res;
	tc_error_set(err, TC_ERR_API, "DescribeAccountBalance failed: InternalError: boom");
	strcpy(err->request_id, "r-9");
	return -1;
}

static const struct tc_program program = {
    .name = "check_tc_test",
    .prefix = "TC TEST",
    .purpose = "A test.",
    .threshold_help = "on things",
    .default_warning = "5",
    .default_critical = "10",
};

static const struct tc_metric_help helps[] = {{"things", "Things counted."}, {NULL, NULL}};

struct main_args {
	const struct tc_plugin_glue *glue;
	int argc;
	char **argv;
};

static int call_main(void *ctx) {
	struct main_args *m = ctx;
	return tc_plugin_main(&program, m->glue, m->argc, m->argv);
}

/* Runs tc_plugin_main with the test glue and returns what it printed; *status gets
 * its return value. */
static char *run_main(int (*check)(void *, struct tc_run *, struct tc_result *, struct tc_error *),
		      int *status, int argc, char **argv) {
	const struct tc_plugin_glue glue = {
	    .metric_help = helps,
	    .prepare = prepare,
	    .check = check,
	    .annotate = annotate,
	    .release = release,
	};
	struct main_args m = {&glue, argc, argv};
	memset(&seen, 0, sizeof seen);
	return capture_stdout(call_main, &m, status);
}

START_TEST(result_and_exit_status) {
	int status;
	char *argv[] = {"check_tc_test", "-w", "6", NULL};
	char *out = run_main(ok_check, &status, 3, argv);
	ck_assert_int_eq(status, 1);
	ck_assert_str_eq(out,
			 "TC TEST WARNING - checked with -w 6 | 'things'=7;6;10;0;\nannotated\n");
	ck_assert_int_eq(seen.prepared, 1);
	ck_assert_int_eq(seen.annotated, 1);
	ck_assert_int_eq(seen.released, 1);
}
END_TEST

START_TEST(an_error_is_one_unknown_line) {
	int status;
	char *argv[] = {"check_tc_test", NULL};
	char *out = run_main(failing_check, &status, 1, argv);
	ck_assert_int_eq(status, 3);
	ck_assert_str_eq(out,
			 "TC TEST UNKNOWN - DescribeAccountBalance failed: InternalError: boom "
			 "(RequestId r-9)\n");
	ck_assert_int_eq(seen.annotated, 0); /* nothing is added to a failure */
	ck_assert_int_eq(seen.released, 1);
}
END_TEST

/* The glue's error (no credentials, say) is UNKNOWN in the same one place, and the
 * check never runs. */
static int never_called(void *ctx, struct tc_run *run, struct tc_result *res,
			struct tc_error *err) {
	(void)ctx;
	(void)run;
	(void)res;
	(void)err;
	ck_abort_msg("the check ran after the glue failed");
	return 0;
}

START_TEST(a_glue_error_is_one_unknown_line) {
	int status;
	char *argv[] = {"check_tc_test", "-t", "7:CRITICAL", NULL};
	const struct tc_plugin_glue glue = {.prepare = prepare, .check = never_called};
	struct main_args m = {&glue, 3, argv};
	memset(&seen, 0, sizeof seen);
	seen.fail_prepare = true;
	char *out = capture_stdout(call_main, &m, &status);
	ck_assert_int_eq(status, 3); /* -t N:STATE is the state of a timeout alone */
	ck_assert_str_eq(out, "TC TEST UNKNOWN - no credentials\n");
}
END_TEST

START_TEST(json_format) {
	int status;
	char *argv[] = {"check_tc_test", "--format", "json", "--account", "main", NULL};
	char *out = run_main(ok_check, &status, 5, argv);
	ck_assert_int_eq(status, 1);
	ck_assert_ptr_nonnull(
	    strstr(out, "{\"program\":\"check_tc_test\",\"check\":\"test\","
			"\"account\":\"main\",\"state\":\"WARNING\",\"state_code\":1,"));
}
END_TEST

START_TEST(usage_errors_and_help) {
	int status;
	char *bad[] = {"check_tc_test", "-w", "x", NULL};
	char *out = run_main(ok_check, &status, 3, bad);
	ck_assert_int_eq(status, 3);
	ck_assert_str_eq(out, "TC TEST UNKNOWN - -w: invalid threshold range 'x'\n");
	char *help[] = {"check_tc_test", "--help", NULL};
	out = run_main(ok_check, &status, 2, help);
	ck_assert_int_eq(status, 3);
	ck_assert_ptr_nonnull(strstr(out, "Usage: check_tc_test"));
}
END_TEST

/* A configuration error is blindness like an API error: in the requested format,
 * and as up 0 in the textfile. */
START_TEST(config_error_in_the_requested_format) {
	int status;
	char *json[] = {"check_tc_test", "--format", "json", "--extra-opts=main@/nonexistent.ini",
			NULL};
	char *out = run_main(ok_check, &status, 4, json);
	ck_assert_int_eq(status, 3);
	const char *want = "{\"program\":\"check_tc_test\",\"check\":\"test\","
			   "\"account\":\"main\",\"state\":\"UNKNOWN\",\"state_code\":3,";
	ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "%s", out);
	char prom[] = "/tmp/tc-plugin-prom-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(prom));
	char textfile[64], arg[80];
	snprintf(textfile, sizeof textfile, "%s/t.prom", prom);
	snprintf(arg, sizeof arg, "--textfile=%s", textfile);
	char *tf[] = {"check_tc_test", arg, "--extra-opts=main@/nonexistent.ini", NULL};
	out = run_main(ok_check, &status, 3, tf);
	ck_assert_int_eq(status, 3);
	ck_assert_str_eq(out, "TC TEST UNKNOWN - --extra-opts: cannot open /nonexistent.ini: No "
			      "such file or directory\n");
	FILE *f = fopen(textfile, "r");
	ck_assert_ptr_nonnull(f);
	char text[2048];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	ck_assert_ptr_nonnull(strstr(text, "tencentcloud_up{account=\"main\",check=\"test\"} 0\n"));
	ck_assert_ptr_nonnull(
	    strstr(text, "tencentcloud_check_state{account=\"main\",check=\"test\"} 3\n"));
	/* a good run: the figures' HELP from the glue's table, the age from its notes */
	char *good[] = {"check_tc_test", arg, NULL};
	out = run_main(ok_check, &status, 2, good);
	ck_assert_int_eq(status, 1);
	f = fopen(textfile, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	ck_assert_ptr_nonnull(strstr(text, "# HELP tencentcloud_things Things counted.\n"));
	ck_assert_ptr_nonnull(
	    strstr(text, "tencentcloud_data_age_seconds{account=\"default\",check=\"test\"} 42\n"));
	unlink(textfile);
	rmdir(prom);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("plugin");
	TCase *tc = tcase_create("plugin");
	tcase_add_test(tc, result_and_exit_status);
	tcase_add_test(tc, an_error_is_one_unknown_line);
	tcase_add_test(tc, a_glue_error_is_one_unknown_line);
	tcase_add_test(tc, json_format);
	tcase_add_test(tc, usage_errors_and_help);
	tcase_add_test(tc, config_error_in_the_requested_format);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

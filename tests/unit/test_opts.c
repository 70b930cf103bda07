/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opts.h"
#include "tap.h"

static int own_seen;

/* A layer of two options, as a service adds its own (lib/tencentcloud/cloud_opts.c):
 * --colour=NAME and --shiny. */
struct colours {
	const char *colour;
	bool colour_from_file;
	bool shiny;
	bool finished;
};

static struct colours layer_seen;

static void colour_init(void *ctx) {
	struct colours *k = ctx;
	*k = (struct colours){.colour = "none"};
}

static int colour_handle(void *ctx, int key, const char *arg, bool from_file,
			 struct tc_error *err) {
	struct colours *k = ctx;
	if (key == 1100) {
		if (strcmp(arg, "red") != 0 && strcmp(arg, "blue") != 0) {
			return tc_error_set(err, TC_ERR_USAGE, "invalid --colour '%s'", arg);
		}
		k->colour = arg;
		k->colour_from_file = from_file;
	} else {
		k->shiny = true;
	}
	return 0;
}

/* a shiny run is named after its colour, unless something else names it */
static int colour_finish(void *ctx, struct tc_common *c, struct tc_error *err) {
	struct colours *k = ctx;
	(void)err;
	k->finished = true;
	if (k->shiny && !c->account && !c->section) {
		c->account = k->colour;
	}
	return 0;
}

static const struct option colour_options[] = {{"colour", required_argument, NULL, 1100},
					       {"shiny", no_argument, NULL, 1101},
					       {NULL, 0, NULL, 0}};

static const struct tc_opts_layer layer = {
    .options = colour_options,
    .help = "      --colour=NAME      red or blue\n",
    .init = colour_init,
    .handle = colour_handle,
    .finish = colour_finish,
    .ctx = &layer_seen,
};

static int handle(int key, const char *arg, void *ctx, struct tc_error *err) {
	(void)ctx;
	(void)err;
	if (key == 2000 && strcmp(arg, "7") == 0) {
		own_seen = 1;
	}
	return 0;
}

/* check_tc_pending's options, as lib/opts.c lists them */
static const struct option own[] = {{"days", required_argument, NULL, 2000},
				    {"partner", no_argument, NULL, 2001},
				    {"warning-count", required_argument, NULL, 2002},
				    {"critical-count", required_argument, NULL, 2003},
				    {"warning-amount", required_argument, NULL, 2004},
				    {"critical-amount", required_argument, NULL, 2005},
				    {NULL, 0, NULL, 0}};

/* named like a real check, so that pending.KEY lines are its own */
static const struct tc_program program = {
    .name = "check_tc_pending",
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
	argv[0] = "check_tc_pending";
	for (int i = 1; i < argc; i++) {
		argv[i] = va_arg(ap, char *);
	}
	va_end(ap);
	argv[argc] = NULL;
	FILE *out = fopen("/dev/null", "w");
	int rc = tc_opts_parse(&program, &layer, argc, argv, c, done, out, err);
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
	ck_assert_str_eq(c.account, "default");
	ck_assert_str_eq(layer_seen.colour, "none"); /* the layer's defaults */
	ck_assert(layer_seen.finished);
	tc_common_free(&c);
	/* no layer at all */
	char *argv[] = {"check_tc_pending", "-v", NULL};
	FILE *out = fopen("/dev/null", "w");
	ck_assert_int_eq(tc_opts_parse(&program, NULL, 2, argv, &c, &done, out, &err), 0);
	fclose(out);
	ck_assert_int_eq(c.verbose, 1);
	tc_common_free(&c);
}
END_TEST

START_TEST(common_values) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	own_seen = 0;
	ck_assert_int_eq(parse(&c, &done, &err, 13, "-w", "500:", "--critical=100:", "-t",
			       "5:CRITICAL", "-vvv", "--colour", "red", "--shiny", "--days", "7",
			       "--language=en-US"),
			 0);
	ck_assert_str_eq(c.warning, "500:");
	ck_assert_str_eq(c.critical, "100:");
	ck_assert_int_eq(c.timeout, 5);
	ck_assert_int_eq(c.timeout_state, TC_CRITICAL);
	ck_assert_int_eq(c.verbose, 3);
	ck_assert_str_eq(layer_seen.colour, "red");
	ck_assert(!layer_seen.colour_from_file);
	ck_assert(layer_seen.shiny);
	ck_assert_str_eq(c.account, "red"); /* the layer's finish named the account */
	ck_assert_str_eq(c.language, "en-US");
	ck_assert_int_eq(own_seen, 1);
	tc_common_free(&c);
	ck_assert_int_eq(parse(&c, &done, &err, 4, "--shiny", "--account", "acme"), 0);
	ck_assert_str_eq(c.account, "acme");
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
	argv[0] = "check_tc_pending";
	for (int i = 1; i < argc; i++) {
		argv[i] = va_arg(ap, char *);
	}
	va_end(ap);
	argv[argc] = NULL;
	ck_assert_int_eq(tc_opts_parse(&program, &layer, argc, argv, &c, &done, stdout, &err), -1);
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
	usage_error("invalid --colour 'green'", 2, "--colour=green");
	usage_error("option '--colour' needs a value", 2, "--colour");
	usage_error("invalid --language 'de'", 2, "--language=de");
	usage_error("invalid --format 'xml'", 2, "--format=xml");
	usage_error("--textfile must name a .prom file", 2, "--textfile=/tmp/x.txt");
	usage_error("unexpected argument 'extra'", 2, "extra");
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
	/* the layer's options are listed after the common ones */
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	char *argv[] = {"check_tc_pending", "--help", NULL};
	ck_assert_int_eq(tc_opts_parse(&program, &layer, 2, argv, &c, &done, out, &err), 0);
	fclose(out);
	const char *account = strstr(text, "  --account=NAME");
	const char *colour = strstr(text, "      --colour=NAME      red or blue\n");
	ck_assert_ptr_nonnull(account);
	ck_assert_ptr_nonnull(colour);
	ck_assert(account < colour);
	free(text);
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
	write_ini("[check_tc_pending]\nwarning=200:\ncritical=50:\nverbose\ndays=7\n"
		  "colour=red\n[acct2]\ncolour=blue\n");
	snprintf(spec, sizeof spec, "--extra-opts=@%s", ini_path);
	own_seen = 0;
	ck_assert_msg(parse(&c, &done, &err, 2, spec) == 0, "%s", err.message);
	ck_assert_str_eq(c.warning, "200:");
	ck_assert_str_eq(c.critical, "50:");
	ck_assert_int_eq(c.verbose, 1);
	ck_assert_int_eq(own_seen, 1);
	ck_assert_str_eq(layer_seen.colour, "red");
	ck_assert(layer_seen.colour_from_file);
	ck_assert_str_eq(c.account, "default"); /* the program's section names no account */
	tc_common_free(&c);
	/* the command line wins over the file, wherever it stands */
	ck_assert_msg(parse(&c, &done, &err, 5, "-w", "7:", "--extra-opts", spec + 13) == 0, "%s",
		      err.message);
	ck_assert_str_eq(c.warning, "7:");
	tc_common_free(&c);
	snprintf(spec2, sizeof spec2, "--extra-opts=acct2@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec2), 0);
	ck_assert_str_eq(layer_seen.colour, "blue");
	ck_assert_str_eq(c.critical, "1000:");
	ck_assert_str_eq(c.account, "acct2"); /* the section names the account */
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

/* One section feeds every check: shared keys for all, CHECK.KEY for one program. */
START_TEST(account_section) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	char spec[128];
	write_ini("[main]\ncolour=blue\naccount=Main\nshiny\n"
		  "checks=balance,pending,vouchers,runway\nbalance.warning=3000:\n"
		  "balance.critical=1000:\nrunway.budget=40000\npending.warning=2\n"
		  "pending.days=7\nvouchers.min-value=5\nlanguage=zh-CN\n"
		  "allocation.source=organization\n");
	snprintf(spec, sizeof spec, "--extra-opts=main@%s", ini_path);
	own_seen = 0;
	ck_assert_msg(parse(&c, &done, &err, 2, spec) == 0, "%s", err.message);
	ck_assert_str_eq(layer_seen.colour, "blue"); /* the layer's keys are shared keys */
	ck_assert(layer_seen.shiny);
	ck_assert_str_eq(c.account, "Main");
	ck_assert_str_eq(c.language, "zh-CN");
	ck_assert_str_eq(c.warning, "2");      /* pending.warning */
	ck_assert_str_eq(c.critical, "1000:"); /* the program's default, not balance's */
	ck_assert_int_eq(own_seen, 1);         /* pending.days=7 */
	tc_common_free(&c);
}
END_TEST

/* command line > CHECK.KEY > shared key, whatever the order of the lines */
START_TEST(precedence) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	char spec[128];
	write_ini("[a]\npending.timeout=6\ntimeout=4\nbalance.timeout=9\n[b]\ntimeout=4\n");
	snprintf(spec, sizeof spec, "--extra-opts=a@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec), 0);
	ck_assert_int_eq(c.timeout, 6);
	tc_common_free(&c);
	ck_assert_int_eq(parse(&c, &done, &err, 4, "-t", "8", spec), 0);
	ck_assert_int_eq(c.timeout, 8);
	tc_common_free(&c);
	snprintf(spec, sizeof spec, "--extra-opts=b@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec), 0);
	ck_assert_int_eq(c.timeout, 4);
	tc_common_free(&c);
	unlink(ini_path);
}
END_TEST

/* Parses [s] of an ini holding `body` and expects the error "FILE:LINE [s]: want". */
static void file_error(const char *body, int line, const char *want) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	char spec[128], full[600];
	char text[512];
	snprintf(text, sizeof text, "[s]\n%s", body);
	write_ini(text);
	snprintf(spec, sizeof spec, "--extra-opts=s@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec), -1);
	snprintf(full, sizeof full, "%s:%d [s]: %s", ini_path, line, want);
	ck_assert_str_eq(err.message, full);
	ck_assert_int_eq(err.kind, TC_ERR_CONFIG);
	ck_assert_ptr_null(strstr(err.message, "s3cr3t"));
	tc_common_free(&c);
	unlink(ini_path);
}

START_TEST(account_section_errors) {
	file_error("account=x\nwarning=3000:\n", 3,
		   "'warning' is not shared by every check; write balance.warning= (or "
		   "pending., vouchers., allocation., runway., renewals.)");
	file_error("budget=40000\n", 2,
		   "'budget' is not shared by every check; write runway.budget=");
	file_error("textfile=/x.prom\n", 2,
		   "'textfile' is not shared by every check; write balance.textfile= (or "
		   "pending., vouchers., allocation., runway., renewals.)");
	file_error("flavour=s3cr3t\n", 2, "unknown key 'flavour'");
	file_error("warning critical=s3cr3t\n", 2, "unknown key 'warning critical'");
	file_error("secret_key=s3cr3t\n", 2,
		   "'secret_key' is a secret and is refused here: keep secrets in the file that "
		   "credentials-file= names (mode 0600)");
	file_error("balance.secret-id=s3cr3t\n", 2,
		   "'balance.secret-id' is a secret and is refused here: keep secrets in the "
		   "file that credentials-file= names (mode 0600)");
	file_error("billing.warning=s3cr3t\n", 2,
		   "'billing.warning' names no check (use balance., pending., vouchers., "
		   "allocation., runway. or renewals.)");
	/* another check's key is checked too, though this program skips it */
	file_error("vouchers.days=s3cr3t\n", 2, "check_tc_vouchers has no option 'days'");
	file_error("checks=balance,s3cr3t\n", 2,
		   "'checks' names a check that does not exist (use balance, pending, vouchers, "
		   "allocation, runway, renewals)");
	/* a bad value is reported where it stands */
	file_error("\n\ntimeout=0\n", 4,
		   "invalid --timeout '***': expected 1-3600 seconds[:STATE]");
	file_error("colour=s3cr3t\n", 2, "invalid --colour '***'");
	file_error("pending.warning=s3cr3t\n", 2, "-w: invalid threshold range '***'");
	file_error("pending.colour=s3cr3t\n", 2, "invalid --colour '***'");
}
END_TEST

/* [check_tc_pending]: the classic section, every key the program's own option. */
START_TEST(classic_section_errors) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	char spec[128], want[256];
	write_ini("[check_tc_pending]\nsecret_key=s3cr3t\n");
	snprintf(spec, sizeof spec, "--extra-opts=@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec), -1);
	ck_assert_ptr_null(strstr(err.message, "s3cr3t"));
	ck_assert_ptr_nonnull(strstr(err.message, "is a secret"));
	tc_common_free(&c);
	write_ini("[check_tc_pending]\nverbose\nbudget=s3cr3t\n");
	snprintf(spec, sizeof spec, "--extra-opts=@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec), -1);
	snprintf(want, sizeof want,
		 "%s:3 [check_tc_pending]: check_tc_pending has no option 'budget'", ini_path);
	ck_assert_str_eq(err.message, want);
	tc_common_free(&c);
	write_ini("[check_tc_pending]\nshiny=s3cr3t\n");
	snprintf(spec, sizeof spec, "--extra-opts=@%s", ini_path);
	ck_assert_int_eq(parse(&c, &done, &err, 2, spec), -1);
	ck_assert_ptr_null(strstr(err.message, "s3cr3t"));
	ck_assert_ptr_nonnull(
	    strstr(err.message, ":2 [check_tc_pending]: unknown option '--shiny'"));
	tc_common_free(&c);
	unlink(ini_path);
}
END_TEST

/* A check whose options differ from lib/opts.c's list of them fails every run. */
START_TEST(option_tables_agree) {
	static const struct option wrong[] = {{"days", required_argument, NULL, 2000},
					      {NULL, 0, NULL, 0}};
	struct tc_program vouchers = program;
	struct tc_common c;
	struct tc_error err;
	bool done;
	char *argv[] = {"check_tc_vouchers", NULL};
	vouchers.name = "check_tc_vouchers";
	vouchers.options = wrong;
	ck_assert_int_eq(tc_opts_parse(&vouchers, &layer, 1, argv, &c, &done, stdout, &err), -1);
	ck_assert_str_eq(err.message,
			 "check_tc_vouchers: its options and lib/opts.c's list of them disagree");
	tc_common_free(&c);
	vouchers.options = NULL; /* min-value missing */
	ck_assert_int_eq(tc_opts_parse(&vouchers, &layer, 1, argv, &c, &done, stdout, &err), -1);
	tc_common_free(&c);
	static const struct option right[] = {{"min-value", required_argument, NULL, 2000},
					      {NULL, 0, NULL, 0}};
	vouchers.options = right;
	ck_assert_int_eq(tc_opts_parse(&vouchers, &layer, 1, argv, &c, &done, stdout, &err), 0);
	tc_common_free(&c);
}
END_TEST

/* A failed parse still knows the format, textfile and account the command line
 * asked for, so that the error comes out there. */
START_TEST(error_keeps_format_and_textfile) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	ck_assert_int_eq(parse(&c, &done, &err, 6, "--format", "json", "--textfile=/tmp/x.prom",
			       "--extra-opts=main@/nonexistent/accounts.ini", "--bogus=s3cr3t"),
			 -1);
	ck_assert_int_eq(c.format, TC_FORMAT_JSON);
	ck_assert_str_eq(c.textfile, "/tmp/x.prom");
	ck_assert_str_eq(c.account, "main");
	tc_common_free(&c);
	ck_assert_int_eq(
	    parse(&c, &done, &err, 5, "--format=prometheus", "--account", "acme", "--bogus=s3cr3t"),
	    -1);
	ck_assert_int_eq(c.format, TC_FORMAT_PROMETHEUS);
	ck_assert_ptr_null(c.textfile);
	ck_assert_str_eq(c.account, "acme");
	ck_assert_str_eq(err.message, "unknown option '--bogus' (see --help)");
	tc_common_free(&c);
	ck_assert_int_eq(parse(&c, &done, &err, 3, "--textfile", "/tmp/x.txt"), -1);
	ck_assert_ptr_null(c.textfile);
	ck_assert_int_eq(c.format, TC_FORMAT_NAGIOS);
	ck_assert_str_eq(c.account, "default");
	tc_common_free(&c);
}
END_TEST

START_TEST(extra_opts_default_file_from_env) {
	struct tc_common c;
	struct tc_error err;
	bool done;
	write_ini("[check_tc_pending]\ntimeout=4\n");
	setenv("MP_CONFIG_FILE", ini_path, 1);
	ck_assert_int_eq(parse(&c, &done, &err, 2, "--extra-opts"), 0);
	ck_assert_int_eq(c.timeout, 4);
	tc_common_free(&c);
	unsetenv("MP_CONFIG_FILE");
	unlink(ini_path);
}
END_TEST

/* The getopt pass every program's parser uses. */
static int record(void *ctx, int key, int row, const char *arg, struct tc_error *err) {
	char *seen = ctx;
	if (key == 'n') {
		long n = 0;
		if (tc_opts_long("--number", arg, 1, 9, &n, err) != 0) {
			return -1;
		}
	}
	size_t len = strlen(seen);
	snprintf(seen + len, 128 - len, "%c%d=%s;", key, row, arg ? arg : "-");
	return 0;
}

static int getopt_run(char *seen, struct tc_getopt *g, struct tc_error *err, int argc, ...) {
	char *argv[16];
	va_list ap;
	va_start(ap, argc);
	argv[0] = "prog";
	for (int i = 1; i < argc; i++) {
		argv[i] = va_arg(ap, char *);
	}
	va_end(ap);
	argv[argc] = NULL;
	seen[0] = '\0';
	return tc_opts_getopt(g, argc, argv, err);
}

START_TEST(one_getopt_pass_for_every_program) {
	static const struct option table[] = {{"number", required_argument, NULL, 'n'},
					      {"flag", no_argument, NULL, 'f'},
					      {NULL, 0, NULL, 0}};
	char seen[128];
	struct tc_error err;
	struct tc_getopt g = {.shorts = "n:v", .table = table, .handle = record, .ctx = seen};
	ck_assert_int_eq(getopt_run(seen, &g, &err, 5, "-v", "--number=3", "--flag", "-n4"), 0);
	ck_assert_str_eq(seen, "v-1=-;n0=3;f1=-;n-1=4;");
	ck_assert_int_eq(g.failed_at, -1);
	/* errors name the option, never its value, and say where it stood */
	ck_assert_int_eq(getopt_run(seen, &g, &err, 3, "--flag", "--bogus=s3cr3t"), -1);
	ck_assert_str_eq(err.message, "unknown option '--bogus' (see --help)");
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
	ck_assert_int_eq(g.failed_at, 2);
	ck_assert_int_eq(getopt_run(seen, &g, &err, 2, "--number"), -1);
	ck_assert_str_eq(err.message, "option '--number' needs a value");
	ck_assert_int_eq(getopt_run(seen, &g, &err, 3, "-v", "--number=12"), -1);
	ck_assert_str_eq(err.message, "invalid --number '12': expected 1-9");
	ck_assert_int_eq(g.failed_at, 2);
	ck_assert_int_eq(getopt_run(seen, &g, &err, 3, "--flag", "now"), -1);
	ck_assert_str_eq(err.message, "unexpected argument 'now' (see --help)");
	ck_assert_int_eq(g.failed_at, -1);
	ck_assert_int_eq(getopt_run(seen, &g, &err, 2, "--flag=x"), -1);
	ck_assert_str_eq(err.message, "unknown option '--flag' (see --help)");
	/* the options every program has, where the program keeps them */
	int verbose = 0;
	bool help = false;
	g.verbose = &verbose;
	g.help = &help;
	g.shorts = "vh";
	ck_assert_int_eq(getopt_run(seen, &g, &err, 4, "-vv", "--flag", "-h"), 0);
	ck_assert_int_eq(verbose, 2);
	ck_assert(help);
	ck_assert_str_eq(seen, "f1=-;");
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("opts");
	TCase *tc = tcase_create("opts");
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, common_values);
	tcase_add_test(tc, bad_values);
	tcase_add_test(tc, help_and_version);
	tcase_add_test(tc, extra_opts);
	tcase_add_test(tc, account_section);
	tcase_add_test(tc, precedence);
	tcase_add_test(tc, account_section_errors);
	tcase_add_test(tc, classic_section_errors);
	tcase_add_test(tc, error_keeps_format_and_textfile);
	tcase_add_test(tc, option_tables_agree);
	tcase_add_test(tc, extra_opts_default_file_from_env);
	tcase_add_test(tc, one_getopt_pass_for_every_program);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

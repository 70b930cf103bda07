/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include "opts.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ini.h"

enum {
	OPT_EXTRA = 1000,
	OPT_LANGUAGE,
	OPT_FORMAT,
	OPT_TEXTFILE,
	OPT_ACCOUNT,
};

static const struct option common_options[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"verbose", no_argument, NULL, 'v'},
    {"timeout", required_argument, NULL, 't'},
    {"warning", required_argument, NULL, 'w'},
    {"critical", required_argument, NULL, 'c'},
    {"extra-opts", optional_argument, NULL, OPT_EXTRA},
    {"language", required_argument, NULL, OPT_LANGUAGE},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"textfile", required_argument, NULL, OPT_TEXTFILE},
    {"account", required_argument, NULL, OPT_ACCOUNT},
};

#define NCOMMON (sizeof common_options / sizeof common_options[0])

static const char *const common_help =
    N_("  -h, --help             print this help and exit (status 3)\n"
       "  -V, --version          print the version and exit (status 3)\n"
       "  -v, --verbose          more detail; -vvv traces requests (secrets redacted)\n"
       "  -t, --timeout=N[:STATE] give up after N seconds (default 10) with STATE\n"
       "                         (default UNKNOWN)\n"
       "  -w, --warning=RANGE    warning range (Nagios syntax)\n"
       "  -c, --critical=RANGE   critical range (Nagios syntax)\n"
       "      --extra-opts=[SECTION][@FILE]  read options from an ini file (section\n"
       "                         defaults to the program name); keeps settings off argv\n"
       "      --language=zh-CN|en-US  language of the output and API messages\n"
       "      --format=nagios|json|prometheus  output format (exit status as in nagios)\n"
       "      --textfile=PATH    also write Prometheus text to PATH, atomically (.prom)\n"
       "      --account=NAME     account label in JSON and Prometheus output\n"
       "                         (default: the --profile name, else \"default\")\n");

static int keep(struct tc_common *c, char *s, struct tc_error *err) {
	char **grown = realloc(c->owned, (c->nowned + 1) * sizeof *grown);
	if (!grown || !s) {
		free(s);
		if (grown) {
			c->owned = grown;
		}
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	c->owned = grown;
	c->owned[c->nowned++] = s;
	return 0;
}

void tc_common_free(struct tc_common *c) {
	for (size_t i = 0; i < c->nowned; i++) {
		free(c->owned[i]);
	}
	free(c->owned);
	c->owned = NULL;
	c->nowned = 0;
}

static const char *const default_ini_files[] = {
    "/etc/monitoring-plugins/monitoring-plugins.ini",
    "/usr/local/etc/monitoring-plugins/monitoring-plugins.ini",
    "/etc/monitoring-plugins.ini",
};

static const char *default_ini_file(void) {
	const char *env = getenv("MP_CONFIG_FILE");
	if (env && *env) {
		return env;
	}
	for (size_t i = 0; i < sizeof default_ini_files / sizeof default_ini_files[0]; i++) {
		FILE *f = fopen(default_ini_files[i], "r");
		if (f) {
			fclose(f);
			return default_ini_files[i];
		}
	}
	return default_ini_files[0];
}

/* The checks an account section's CHECK.KEY lines name, and the options of each
 * check's own program besides the common ones: a program skips the other checks'
 * lines but still refuses a key their program does not have. The tables in
 * plugins/check_tc_*.c must list the same names (table_agrees checks it). */
static const struct {
	const char *check;
	const char *keys; /* " a b c " */
} check_keys[] = {
    {"balance", " warning critical "},
    {"pending", " warning critical days partner warning-count critical-count warning-amount "
		"critical-amount "},
    {"vouchers", " warning critical min-value "},
    {"allocation", " warning critical source pool-warning pool-critical include exclude "
		   "discover "},
    {"runway", " warning critical window spend-source budget "},
    {"renewals", " warning critical product instance-region project instance exclude "
		 "include-not-renewing balance discover "},
};

#define NCHECKS (sizeof check_keys / sizeof check_keys[0])

/* Common options that are not shared keys of an account section: they differ per
 * check (thresholds, the textfile) or are no settings at all. */
static const char not_shared[] = " help version extra-opts warning critical textfile secret-id "
				 "secret-key secret token ";

static bool word_in(const char *words, const char *word) {
	size_t n = strlen(word);
	for (const char *p = strstr(words, word); p; p = strstr(p + 1, word)) {
		if (p > words && p[-1] == ' ' && p[n] == ' ') {
			return true;
		}
	}
	return false;
}

static int check_index(const char *check, size_t len) {
	for (size_t i = 0; i < NCHECKS; i++) {
		if (strlen(check_keys[i].check) == len &&
		    strncmp(check_keys[i].check, check, len) == 0) {
			return (int)i;
		}
	}
	return -1;
}

/* An option of every program: the kit's own, or the layer's. */
static bool is_common(const struct tc_opts_layer *l, const char *key) {
	for (size_t i = 0; i < NCOMMON; i++) {
		if (strcmp(common_options[i].name, key) == 0) {
			return true;
		}
	}
	for (size_t i = 0; l && l->options && l->options[i].name; i++) {
		if (strcmp(l->options[i].name, key) == 0) {
			return true;
		}
	}
	return false;
}

static bool is_shared(const struct tc_opts_layer *l, const char *key) {
	return is_common(l, key) && !word_in(not_shared, key);
}

/* A check's own option, or a common one that is a setting (a shared key may also be
 * given to one check alone: balance.timeout=). */
static bool check_has(const struct tc_opts_layer *l, int check, const char *key) {
	return word_in(check_keys[check].keys, key) ||
	       (is_common(l, key) && (!word_in(not_shared, key) || strcmp(key, "textfile") == 0));
}

static bool is_secret(const char *key) {
	char norm[64];
	snprintf(norm, sizeof norm, "%s", key);
	for (char *p = norm; *p; p++) {
		*p = *p == '_' ? '-' : *p;
	}
	return word_in(" secret-id secret-key secret token session-token secretid secretkey ",
		       norm);
}

static bool program_has(const struct tc_program *p, const struct tc_opts_layer *l,
			const char *key) {
	if (is_common(l, key)) {
		return !word_in(" help version extra-opts ", key);
	}
	for (size_t i = 0; p->options && p->options[i].name; i++) {
		if (strcmp(p->options[i].name, key) == 0) {
			return true;
		}
	}
	return false;
}

/* The table above and a check's own option table must agree, or an account section
 * would refuse or pass on the wrong keys: every run of a check verifies it. */
static int table_agrees(const struct tc_program *p, struct tc_error *err) {
	int check = strncmp(p->name, "check_tc_", 9) == 0
			? check_index(p->name + 9, strlen(p->name + 9))
			: -1;
	if (check < 0) {
		return 0;
	}
	size_t listed = 0, own = 0;
	for (const char *w = check_keys[check].keys; *w; w += strspn(w, " ")) {
		size_t len = strcspn(w, " ");
		listed += len ? 1 : 0;
		w += len;
	}
	for (; p->options && p->options[own].name; own++) {
		if (!word_in(check_keys[check].keys, p->options[own].name)) {
			listed = 0;
			break;
		}
	}
	if (listed != own + 2) { /* + warning and critical */
		return tc_error_set(err, TC_ERR_INTERNAL,
				    "%s: its options and lib/opts.c's list of them disagree",
				    p->name);
	}
	return 0;
}

/* Where a line of an options file stands, for messages that never quote its value. */
struct origin {
	const char *file;
	const char *section;
	int line;
};

static int key_error(const struct origin *o, struct tc_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int key_error(const struct origin *o, struct tc_error *err, const char *fmt, ...) {
	char what[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return tc_error_set(err, TC_ERR_CONFIG, "%s:%d [%s]: %s", o->file, o->line, o->section,
			    what);
}

/* "write balance.warning= (or pending., ...)": the checks that know the key. */
static int not_shared_error(const struct tc_opts_layer *l, const struct origin *o, const char *key,
			    struct tc_error *err) {
	char where[160] = "";
	int first = -1;
	size_t n = 0;
	for (size_t i = 0; i < NCHECKS; i++) {
		if (!check_has(l, (int)i, key)) {
			continue;
		}
		if (first < 0) {
			first = (int)i;
		} else {
			n += (size_t)snprintf(where + n, sizeof where - n, "%s%s.", n ? ", " : "",
					      check_keys[i].check);
		}
	}
	if (first < 0) {
		return key_error(o, err, _("unknown key '%s'"), key);
	}
	if (n) {
		return key_error(o, err,
				 _("'%s' is not shared by every check; write %s.%s= (or %s)"), key,
				 check_keys[first].check, key, where);
	}
	return key_error(o, err, _("'%s' is not shared by every check; write %s.%s="), key,
			 check_keys[first].check, key);
}

/* checks=balance,pending,...: each a check's name. */
static int check_list(const struct origin *o, const char *value, struct tc_error *err) {
	const char *p = value ? value : "";
	while (*p) {
		size_t len = strcspn(p, ", \t");
		if (len && check_index(p, len) < 0) {
			return key_error(
			    o, err,
			    _("'checks' names a check that does not exist (use "
			      "balance, pending, vouchers, allocation, runway, renewals)"));
		}
		p += len;
		p += strspn(p, ", \t");
	}
	return 0;
}

/* Decides what one line of an options section becomes: *use is set when it is an
 * option of this program, *opt is the option's name. */
static int judge_key(const struct tc_program *p, const struct tc_opts_layer *l, bool classic,
		     const struct origin *o, const char *key, const char *value, bool *use,
		     const char **opt, struct tc_error *err) {
	const char *dot = strchr(key, '.');
	const char *name = dot ? dot + 1 : key;
	*use = false;
	*opt = name;
	if (strpbrk(key, " \t")) {
		return key_error(o, err, _("unknown key '%s'"), key);
	}
	if (is_secret(name)) {
		return key_error(o, err,
				 _("'%s' is a secret and is refused here: keep secrets in the file "
				   "that credentials-file= names (mode 0600)"),
				 key);
	}
	if (strcmp(key, "checks") == 0) {
		return check_list(o, value, err); /* for the integrations, not the programs */
	}
	if (classic) { /* [check_tc_balance]: the program's own options, unprefixed */
		if (dot || !program_has(p, l, key)) {
			return key_error(o, err, _("%s has no option '%s'"), p->name, key);
		}
		*use = true;
		return 0;
	}
	if (dot) {
		int check = check_index(key, (size_t)(dot - key));
		if (check < 0) {
			return key_error(
			    o, err,
			    _("'%s' names no check (use balance., pending., vouchers., "
			      "allocation., runway. or renewals.)"),
			    key);
		}
		if (!check_has(l, check, name)) {
			return key_error(o, err, _("check_tc_%s has no option '%s'"),
					 check_keys[check].check, name);
		}
		*use = strncmp(p->name, "check_tc_", 9) == 0 &&
		       strcmp(p->name + 9, check_keys[check].check) == 0;
		return 0;
	}
	if (is_shared(l, key)) {
		*use = true;
		return 0;
	}
	return not_shared_error(l, o, key, err);
}

/* One option from a file, and where it came from. */
struct file_arg {
	char *arg;
	char *origin; /* "FILE:LINE [SECTION]" */
};

static int push_arg(struct tc_common *c, struct file_arg **args, int *nargs, const struct origin *o,
		    const char *opt, const char *value, struct tc_error *err) {
	char *arg = NULL, *where = NULL;
	int n = value ? asprintf(&arg, "--%s=%s", opt, value) : asprintf(&arg, "--%s", opt);
	int m = asprintf(&where, "%s:%d [%s]", o->file, o->line, o->section);
	struct file_arg *grown = realloc(*args, (size_t)(*nargs + 1) * sizeof *grown);
	if (grown) {
		*args = grown;
	}
	if (n < 0 || m < 0 || !grown || keep(c, n < 0 ? NULL : arg, err) != 0 ||
	    keep(c, m < 0 ? NULL : where, err) != 0) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	(*args)[(*nargs)++] = (struct file_arg){arg, where};
	return 0;
}

/* Appends the options of one [section][@file] spec to args: in an account section
 * the shared keys, then this program's CHECK.KEY lines, so that those win. */
static int add_spec(const struct tc_program *p, const struct tc_opts_layer *l, const char *spec,
		    struct tc_common *c, struct file_arg **args, int *nargs, struct tc_error *err) {
	char section[256];
	const char *at = strchr(spec, '@');
	const char *file = at ? at + 1 : default_ini_file();
	size_t slen = at ? (size_t)(at - spec) : strlen(spec);
	if (slen >= sizeof section) {
		return tc_error_set(err, TC_ERR_USAGE, _("--extra-opts section name too long"));
	}
	if (slen == 0) {
		snprintf(section, sizeof section, "%s", p->name);
	} else {
		memcpy(section, spec, slen);
		section[slen] = '\0';
	}
	if (!*file) {
		return tc_error_set(err, TC_ERR_USAGE, _("--extra-opts: empty file name"));
	}
	bool classic = strcmp(section, p->name) == 0;
	struct tc_ini ini;
	if (tc_ini_load(file, &ini, err) != 0) {
		err->kind = TC_ERR_CONFIG;
		return tc_error_prefix(err, "--extra-opts");
	}
	if (!tc_ini_has_section(&ini, section)) {
		tc_ini_free(&ini);
		return tc_error_set(err, TC_ERR_CONFIG, _("--extra-opts: no section [%s] in %s"),
				    section, file);
	}
	int rc = 0;
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		for (size_t i = 0; i < ini.n && rc == 0; i++) {
			const struct tc_ini_entry *e = &ini.entries[i];
			struct origin o = {file, section, e->line};
			bool use = false;
			const char *opt = NULL;
			if (strcmp(e->section, section) != 0 || !*e->key ||
			    (strchr(e->key, '.') != NULL) != (pass == 1)) {
				continue;
			}
			rc = judge_key(p, l, classic, &o, e->key, e->value, &use, &opt, err);
			if (rc == 0 && use) {
				rc = push_arg(c, args, nargs, &o, opt, e->value, err);
			}
		}
	}
	tc_ini_free(&ini);
	if (rc == 0 && !classic && !c->section) {
		char *copy = strdup(section);
		rc = keep(c, copy, err);
		c->section = copy;
	}
	return rc;
}

/* Expands --extra-opts into a new argv: the file's options first (in an account
 * section its shared keys, then the program's CHECK.KEY lines), so that the command
 * line wins over CHECK.KEY, which wins over a shared key. An account section
 * ([main]) holds shared keys (the common settings, checks=) and CHECK.KEY lines;
 * the program's own section ([check_tc_balance]) holds its options unprefixed.
 * Errors name FILE:LINE [SECTION] and the key, never a value. *new_argv and its
 * strings are recorded in c->owned; *origins says where each argument came from. */
static int expand(const struct tc_program *p, const struct tc_opts_layer *l, int argc, char **argv,
		  struct tc_common *c, int *new_argc, char ***new_argv, char ***origins,
		  struct tc_error *err) {
	struct file_arg *from_files = NULL;
	char **rest = NULL;
	int nfiles = 0, nrest = 0;
	int rc = 0;
	rest = calloc((size_t)argc + 1, sizeof *rest);
	if (!rest) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	for (int i = 1; i < argc && rc == 0; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			for (; i < argc; i++) {
				rest[nrest++] = argv[i];
			}
			break;
		}
		if (strcmp(a, "--extra-opts") == 0) {
			/* optional argument: the next word if it is not an option */
			const char *spec = "";
			if (i + 1 < argc && argv[i + 1][0] != '-') {
				spec = argv[++i];
			}
			rc = add_spec(p, l, spec, c, &from_files, &nfiles, err);
		} else if (strncmp(a, "--extra-opts=", 13) == 0) {
			rc = add_spec(p, l, a + 13, c, &from_files, &nfiles, err);
		} else {
			rest[nrest++] = argv[i];
		}
	}
	if (rc == 0) {
		char **out = calloc((size_t)(nfiles + nrest + 2), sizeof *out);
		char **where = calloc((size_t)(nfiles + nrest + 2), sizeof *where);
		if (!out || !where) {
			free(out);
			free(where);
			rc = tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
		} else {
			int n = 0;
			out[n++] = argv[0];
			for (int i = 0; i < nfiles; i++) {
				where[n] = from_files[i].origin;
				out[n++] = from_files[i].arg;
			}
			for (int i = 0; i < nrest; i++) {
				out[n++] = rest[i];
			}
			out[n] = NULL;
			*new_argc = n;
			*new_argv = out;
			*origins = where;
			rc = keep(c, (char *)out, err);
			if (keep(c, (char *)where, err) != 0) {
				rc = -1;
			}
		}
	}
	free(from_files);
	free(rest);
	return rc;
}

static void print_help(const struct tc_program *p, const struct tc_opts_layer *l, FILE *out) {
	fprintf(out, "%s (%s) %s\n%s\n\n", p->name, PACKAGE_NAME, PACKAGE_VERSION, _(p->purpose));
	fprintf(out, _("Usage: %s [-w RANGE] [-c RANGE] [-t N[:STATE]] [options]\n\n"), p->name);
	fprintf(out, _("Thresholds: %s\n"), _(p->threshold_help));
	fprintf(out, _("Defaults: -w %s -c %s\n\n"), p->default_warning, p->default_critical);
	fprintf(out, _("Options:\n%s"), _(common_help));
	if (l && l->help && *l->help) {
		fputs(_(l->help), out);
	}
	if (p->extra_help && *p->extra_help) {
		fprintf(out, _("\n%s options:\n%s"), p->name, _(p->extra_help));
	}
	fprintf(out, "%s", _("\nExit status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n"));
}

static int parse_timeout(const char *arg, struct tc_common *c, struct tc_error *err) {
	char *end = NULL;
	long n = strtol(arg, &end, 10);
	if (end == arg || n < 1 || n > 3600 || (*end && *end != ':')) {
		return tc_error_set(err, TC_ERR_USAGE,
				    _("invalid --timeout '%s': expected 1-3600 seconds[:STATE]"),
				    arg);
	}
	c->timeout = (int)n;
	if (*end == ':' && !tc_state_parse(end + 1, &c->timeout_state)) {
		return tc_error_set(err, TC_ERR_USAGE, _("invalid --timeout state '%s'"), end + 1);
	}
	return 0;
}

/* Whether an option's value was read from an --extra-opts file (then it is in one of
 * the strings kept in c->owned), not typed on the command line. */
static bool from_extra_opts(const struct tc_common *c, const char *arg) {
	for (size_t i = 0; i < c->nowned; i++) {
		if (arg >= c->owned[i] && arg <= c->owned[i] + strlen(c->owned[i])) {
			return true;
		}
	}
	return false;
}

static int common_option(int key, const char *arg, struct tc_common *c, struct tc_error *err) {
	switch (key) {
	case 't':
		return parse_timeout(arg, c, err);
	case 'w':
	case 'c': {
		/* checked here too, so that a bad range in a file is named where it stands */
		struct tc_range r;
		if (tc_opts_range(key == 'w' ? "-w" : "-c", arg, &r, err) != 0) {
			return -1;
		}
		*(key == 'w' ? &c->warning : &c->critical) = arg;
		return 0;
	}
	case OPT_LANGUAGE:
		if (!tc_i18n_known(arg)) {
			return tc_error_set(err, TC_ERR_USAGE,
					    _("invalid --language '%s': use zh-CN or en-US"), arg);
		}
		c->language = arg;
		return 0;
	case OPT_FORMAT:
		if (strcmp(arg, "nagios") == 0) {
			c->format = TC_FORMAT_NAGIOS;
		} else if (strcmp(arg, "json") == 0) {
			c->format = TC_FORMAT_JSON;
		} else if (strcmp(arg, "prometheus") == 0) {
			c->format = TC_FORMAT_PROMETHEUS;
		} else {
			return tc_error_set(
			    err, TC_ERR_USAGE,
			    _("invalid --format '%s': use nagios, json or prometheus"), arg);
		}
		return 0;
	case OPT_TEXTFILE:
		if (strlen(arg) < 6 || strcmp(arg + strlen(arg) - 5, ".prom") != 0) {
			return tc_error_set(err, TC_ERR_USAGE,
					    _("--textfile must name a .prom file (node_exporter "
					      "reads only those)"));
		}
		c->textfile = arg;
		return 0;
	case OPT_ACCOUNT:
		c->account = arg;
		return 0;
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option %d", key);
}

int tc_opts_range(const char *option, const char *arg, struct tc_range *out, struct tc_error *err) {
	if (tc_range_parse(arg, out, err) != 0) {
		return tc_error_prefix(err, "%s", option);
	}
	return 0;
}

int tc_opts_long(const char *option, const char *arg, long min, long max, long *out,
		 struct tc_error *err) {
	char *end = NULL;
	long v = strtol(arg, &end, 10);
	if (!*arg || *end || v < min || v > max) {
		return tc_error_set(err, TC_ERR_USAGE, _("invalid %s '%s': expected %ld-%ld"),
				    option, arg, min, max);
	}
	*out = v;
	return 0;
}

static size_t count_options(const struct option *options) {
	size_t n = 0;
	while (options && options[n].name) {
		n++;
	}
	return n;
}

/* The kit's options, then the layer's, then the program's: an option's index in the
 * table says whose it is. */
int tc_opts_int(const char *option, const char *arg, int min, int max, int *out,
		struct tc_error *err) {
	long v = 0;
	if (tc_opts_long(option, arg, min, max, &v, err) != 0) {
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int build_table(const struct tc_program *p, const struct tc_opts_layer *l,
		       struct option **table, size_t *nlayer) {
	size_t nextra = count_options(p->options);
	*nlayer = l ? count_options(l->options) : 0;
	*table = calloc(NCOMMON + *nlayer + nextra + 1, sizeof **table);
	if (!*table) {
		return -1;
	}
	memcpy(*table, common_options, sizeof common_options);
	if (*nlayer) {
		memcpy(*table + NCOMMON, l->options, *nlayer * sizeof **table);
	}
	if (nextra) {
		memcpy(*table + NCOMMON + *nlayer, p->options, nextra * sizeof **table);
	}
	return 0;
}

/* What a failed parse still learns from the command line alone: the format, the
 * textfile and the account, so that a configuration error comes out where and as
 * the run's output would have (JSON, Prometheus text, a textfile with up 0). */
static void salvage(const struct tc_program *p, int argc, char **argv, struct tc_common *c) {
	const char *format = NULL, *textfile = NULL, *account = NULL, *spec = NULL;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		static const char *const names[] = {"--format", "--textfile", "--account",
						    "--extra-opts"};
		const char **slots[] = {&format, &textfile, &account, &spec};
		for (size_t k = 0; k < 4; k++) {
			size_t n = strlen(names[k]);
			if (strncmp(argv[i], names[k], n) != 0) {
				continue;
			}
			if (argv[i][n] == '=') {
				*slots[k] = argv[i] + n + 1;
			} else if (argv[i][n] == '\0' && i + 1 < argc) {
				*slots[k] = argv[i + 1];
			}
		}
	}
	struct tc_error ignored;
	if (format) {
		enum tc_format kept = c->format;
		if (common_option(OPT_FORMAT, format, c, &ignored) != 0) {
			c->format = kept;
		}
	}
	if (textfile && common_option(OPT_TEXTFILE, textfile, c, &ignored) != 0) {
		c->textfile = NULL;
	}
	if (account) {
		c->account = account;
	}
	if (spec && *spec != '-' && !c->section) {
		size_t len = strcspn(spec, "@");
		char *section = len ? strndup(spec, len) : NULL;
		if (section && strcmp(section, p->name) != 0 && keep(c, section, &ignored) == 0) {
			c->section = section;
		} else if (section && strcmp(section, p->name) == 0) {
			free(section);
		}
	}
	if (!c->account) {
		c->account = c->section ? c->section : "default";
	}
}

/* Takes a file's value out of a message about it: values are never echoed (a secret
 * may stand on the wrong line). Short values only where quoted, so that "0" does
 * not take the zeros out of "1-3600". */
static void redact(struct tc_error *err, const char *arg) {
	const char *eq = strchr(arg, '=');
	char pattern[256], out[sizeof err->message];
	if (!eq || !eq[1]) {
		return;
	}
	const char *value = eq + 1;
	bool quoted = strlen(value) < 4;
	if ((size_t)snprintf(pattern, sizeof pattern, quoted ? "'%s'" : "%s", value) >=
	    sizeof pattern) {
		snprintf(err->message, sizeof err->message, "invalid value");
		return;
	}
	size_t n = 0, plen = strlen(pattern);
	for (const char *p = err->message; *p && n + 6 < sizeof out;) {
		if (strncmp(p, pattern, plen) == 0) {
			n += (size_t)snprintf(out + n, sizeof out - n, "%s",
					      quoted ? "'***'" : "***");
			p += plen;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	memcpy(err->message, out, n + 1);
}

/* The option at argv[i] for a message: its name only, never a value. */
static void option_name(const char *arg, char *buf, size_t size) {
	snprintf(buf, size, "%.*s", (int)strcspn(arg, "="), arg);
}

int tc_opts_getopt(struct tc_getopt *g, int argc, char **argv, struct tc_error *err) {
	char shorts[64], name[64];
	int rc = 0, index = -1, key;
	snprintf(shorts, sizeof shorts, ":%s", g->shorts ? g->shorts : "");
	g->failed_at = -1;
	opterr = 0;
	optind = 0; /* full re-initialisation, also of GNU extensions */
	while (rc == 0 && (key = getopt_long(argc, argv, shorts, g->table, &index)) != -1) {
		int at = optind - 1;
		int row = index;
		index = -1;
		if (key == '?') {
			option_name(argv[at], name, sizeof name);
			rc = tc_error_set(err, TC_ERR_USAGE, _("unknown option '%s' (see --help)"),
					  name);
		} else if (key == ':') {
			option_name(argv[at], name, sizeof name);
			rc = tc_error_set(err, TC_ERR_USAGE, _("option '%s' needs a value"), name);
		} else if (key == 'v' && g->verbose) {
			(*g->verbose)++;
		} else if (key == 'h' && g->help) {
			*g->help = true;
		} else if (key == 'V' && g->version) {
			*g->version = true;
		} else {
			rc = g->handle(g->ctx, key, row, optarg, err);
		}
		if (rc != 0) {
			g->failed_at = at;
		}
	}
	if (rc == 0 && optind < argc) {
		rc = tc_error_set(err, TC_ERR_USAGE, _("unexpected argument '%s' (see --help)"),
				  argv[optind]);
	}
	return rc;
}

/* What tc_opts_parse's pass over argv needs to hand each option to its owner. */
struct dispatch {
	const struct tc_program *p;
	const struct tc_opts_layer *l;
	size_t nlayer;
	struct tc_common *c;
};

/* The kit's options, then the layer's, then the program's: the row says whose. */
static int dispatch(void *ctx, int key, int row, const char *arg, struct tc_error *err) {
	struct dispatch *d = ctx;
	size_t whose = row < 0 ? 0 : (size_t)row; /* a short option is the kit's */
	if (whose < NCOMMON) {
		return key == OPT_EXTRA ? 0 : common_option(key, arg, d->c, err);
	}
	if (whose < NCOMMON + d->nlayer) {
		return d->l->handle(d->l->ctx, key, arg, arg && from_extra_opts(d->c, arg), err);
	}
	if (d->p->handle) {
		return d->p->handle(key, arg, d->p->ctx, err);
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option");
}

static int parse_args(const struct tc_program *p, const struct tc_opts_layer *l, int nargc,
		      char **nargv, char **origins, struct tc_common *c, bool *help, bool *version,
		      struct tc_error *err) {
	struct dispatch d = {.p = p, .l = l, .c = c};
	struct option *table = NULL;
	if (build_table(p, l, &table, &d.nlayer) != 0) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	struct tc_getopt g = {.shorts = "hVvt:w:c:",
			      .table = table,
			      .verbose = &c->verbose,
			      .help = help,
			      .version = version,
			      .handle = dispatch,
			      .ctx = &d};
	int rc = tc_opts_getopt(&g, nargc, nargv, err);
	free(table);
	if (rc != 0 && g.failed_at > 0) {
		/* an option from a file: say where it stands (the file's options come
		 * first and getopt moves only what follows a non-option, so they keep
		 * their places) */
		for (int i = 1; i < nargc; i++) {
			if (origins[i] && nargv[i] == nargv[g.failed_at]) {
				err->kind = TC_ERR_CONFIG;
				redact(err, nargv[i]);
				return tc_error_prefix(err, "%s", origins[i]);
			}
		}
	}
	return rc;
}

int tc_opts_parse(const struct tc_program *p, const struct tc_opts_layer *l, int argc, char **argv,
		  struct tc_common *c, bool *done, FILE *out, struct tc_error *err) {
	int nargc = 0;
	char **nargv = NULL, **origins = NULL;
	bool help = false, version = false;

	memset(c, 0, sizeof *c);
	c->timeout = TC_DEFAULT_TIMEOUT;
	c->timeout_state = TC_UNKNOWN;
	if (l && l->init) {
		l->init(l->ctx);
	}
	c->warning = p->default_warning;
	c->critical = p->default_critical;
	*done = false;

	/* --help wins over everything, even a broken --extra-opts */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_help(p, l, out);
			*done = true;
			return 0;
		}
	}
	if (table_agrees(p, err) != 0) {
		return -1;
	}
	if (expand(p, l, argc, argv, c, &nargc, &nargv, &origins, err) != 0 ||
	    parse_args(p, l, nargc, nargv, origins, c, &help, &version, err) != 0) {
		salvage(p, argc, argv, c);
		return -1;
	}
	if (help || version) {
		if (help) {
			print_help(p, l, out);
		} else {
			fprintf(out, "%s (%s) %s\n", p->name, PACKAGE_NAME, PACKAGE_VERSION);
		}
		*done = true;
		return 0;
	}
	if (l && l->finish && l->finish(l->ctx, c, err) != 0) {
		return -1;
	}
	if (!c->account) {
		c->account = c->section ? c->section : "default";
	}
	return 0;
}

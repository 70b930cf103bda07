/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The options every program shares, parsed in one place, with the monitoring-plugins
 * --extra-opts=[section][@file] convention for keeping settings (and the path of a
 * credentials file) out of the command line. */
#ifndef TC_OPTS_H
#define TC_OPTS_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "error.h"
#include "range.h"
#include "state.h"

#define TC_DEFAULT_TIMEOUT 10

enum tc_format { TC_FORMAT_NAGIOS, TC_FORMAT_JSON, TC_FORMAT_PROMETHEUS };

struct tc_common {
	int verbose;
	int timeout;                 /* seconds */
	enum tc_state timeout_state; /* -t N:STATE */
	const char *warning;
	const char *critical;
	const char *language;  /* --language: of the output, and of the service's messages */
	enum tc_format format; /* --format */
	const char *textfile;  /* --textfile: also write Prometheus text there */
	const char *account;   /* --account: the account label of JSON/Prometheus */
	const char *section;   /* the account section --extra-opts read, the default label */
	char **owned;          /* strings built from --extra-opts */
	size_t nowned;
};

/* Options that every program of a service shares beside the common ones (the Tencent
 * Cloud options: lib/tencentcloud/cloud_opts.c). They are parsed with the common
 * ones, from the command line and from --extra-opts files alike, are shared keys of
 * an account section, and are listed in --help after the common ones. */
struct tc_opts_layer {
	const struct option *options; /* { 0 }-terminated */
	const char *help;             /* for --help (an N_() text, translated when printed) */
	void (*init)(void *ctx);      /* the defaults, before any option is read */
	/* one of the layer's options; from_file: its value was read from an --extra-opts
	 * file, not typed on the command line */
	int (*handle)(void *ctx, int key, const char *arg, bool from_file, struct tc_error *err);
	/* after every option was read: checks across options, defaults that depend on
	 * others; may set c->account (else it is the section, or "default") */
	int (*finish)(void *ctx, struct tc_common *c, struct tc_error *err);
	void *ctx;
};

/* What a program adds to the common options. */
struct tc_program {
	const char *name;           /* "check_tc_balance" */
	const char *prefix;         /* "TC BALANCE" */
	const char *purpose;        /* one line for --help */
	const char *threshold_help; /* what -w/-c apply to, for --help */
	const char *default_warning;
	const char *default_critical;
	const char *extra_help;       /* the program's own options, for --help */
	const struct option *options; /* the program's own long options, { 0 }-terminated */
	/* handles one of the program's own options; returns 0 or an error */
	int (*handle)(int key, const char *arg, void *ctx, struct tc_error *err);
	void *ctx;
};

/* Parses argv (after --extra-opts expansion). Sets *done when --help or --version
 * was printed to `out` and the program should exit 3 without checking. On an error,
 * c->format, c->textfile and c->account still hold what the command line itself
 * asked for (so that the error comes out in that format), or the defaults. `l` adds
 * a layer's options (or is NULL). */
int tc_opts_parse(const struct tc_program *p, const struct tc_opts_layer *l, int argc, char **argv,
		  struct tc_common *c, bool *done, FILE *out, struct tc_error *err);

void tc_common_free(struct tc_common *c);

/* Parses a range given to a program's own option, naming the option on error. */
int tc_opts_range(const char *option, const char *arg, struct tc_range *out, struct tc_error *err);

/* Parses a whole number in [min, max] given to a program's own option:
 * "invalid OPTION 'ARG': expected MIN-MAX" otherwise. */
int tc_opts_long(const char *option, const char *arg, long min, long max, long *out,
		 struct tc_error *err);

/* tc_opts_long for an int. */
int tc_opts_int(const char *option, const char *arg, int min, int max, int *out,
		struct tc_error *err);

/* One pass of getopt_long over argv, the same for every program of the project
 * (the checks, the notifiers, the simulator): getopt prints nothing; an unknown
 * option, a missing value and a stray argument are usage errors that name the
 * option, never its value; every option goes to handle(), which returns 0 or an
 * error, and the first error ends the pass. Printing help, exiting and turning the
 * error into the program's status are left to the caller, in one place. */
struct tc_getopt {
	const char *shorts;         /* getopt's short options ("t:vhV"), or NULL */
	const struct option *table; /* { 0 }-terminated */
	/* where the options every program has go, when the program has them:
	 * -v/--verbose counts, -h/--help and -V/--version are flags */
	int *verbose;
	bool *help;
	bool *version;
	/* one option: its key, its row in table (-1 for a short option), its value */
	int (*handle)(void *ctx, int key, int row, const char *arg, struct tc_error *err);
	void *ctx;
	int failed_at; /* after an option's error: its index in argv, else -1 */
};

int tc_opts_getopt(struct tc_getopt *g, int argc, char **argv, struct tc_error *err);

#endif

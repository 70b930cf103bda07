/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The options every program shares, parsed in one place, with the monitoring-plugins
 * --extra-opts=[section][@file] convention for keeping settings (and the path of a
 * credentials file) out of the command line. */
#ifndef TC_OPTS_H
#define TC_OPTS_H

#include <getopt.h>
#include <stdbool.h>

#include "tencentcloud/api.h"
#include "tencentcloud/cache.h"
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
	const char *profile;
	const char *credentials_file;
	const char *region;
	const char *endpoint;
	enum tc_site site;
	char currency[8];
	bool currency_given; /* --currency was given */
	const char *language;
	const char *proxy;
	bool allow_insecure_http; /* --allow-insecure-http */
	const char *cacert;
	const char *capath;
	const char *metadata_url;
	int api_offset;        /* --api-timezone, seconds east of UTC */
	enum tc_format format; /* --format */
	const char *textfile;  /* --textfile: also write Prometheus text there */
	const char *account;   /* --account: the account label of JSON/Prometheus */
	const char *section;   /* the account section --extra-opts read, the default label */
	struct tc_cache cache; /* --cache-dir, --cache-ttl, --cache-stale-on-error */
	char **owned;          /* strings built from --extra-opts */
	size_t nowned;
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
 * asked for (so that the error comes out in that format), or the defaults. */
int tc_opts_parse(const struct tc_program *p, int argc, char **argv, struct tc_common *c,
		  bool *done, FILE *out, struct tc_error *err);

void tc_common_free(struct tc_common *c);

/* Parses a range given to a program's own option, naming the option on error. */
int tc_opts_range(const char *option, const char *arg, struct tc_range *out, struct tc_error *err);

/* Parses a whole number in [min, max] given to a program's own option. */
int tc_opts_long(const char *option, const char *arg, long min, long max, long *out,
		 struct tc_error *err);

#endif

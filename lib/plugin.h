/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one flow every check follows: options, thresholds, deadline and alarm, what
 * the service needs (the glue's prepare), the check itself, the output in the asked
 * format, and the single place where an error becomes UNKNOWN. */
#ifndef TC_PLUGIN_H
#define TC_PLUGIN_H

#include <stdint.h>

#include "deadline.h"
#include "opts.h"
#include "range.h"
#include "render.h"
#include "result.h"

/* What the runner knows of one run of a check. */
struct tc_run {
	const struct tc_program *program;
	struct tc_common opts;
	struct tc_range warning;
	struct tc_range critical;
	struct tc_deadline deadline;
	int64_t started_ms; /* monotonic, when the run began */
};

/* What joins the runner to a service (for Tencent Cloud: lib/tencentcloud/check.c):
 * its options, what a check needs from it, and what it adds to a result. Every
 * function but check may be NULL. */
struct tc_plugin_glue {
	const struct tc_opts_layer *options;      /* options beside the common ones */
	const struct tc_metric_help *metric_help; /* HELP texts of the figures */
	/* after the options, thresholds, deadline and alarm: connect, load credentials */
	int (*prepare)(void *ctx, struct tc_run *run, struct tc_error *err);
	/* fills the result, or returns an error that the runner turns into UNKNOWN */
	int (*check)(void *ctx, struct tc_run *run, struct tc_result *res, struct tc_error *err);
	/* after a successful check: how the data was got (stale answers, the cache, -v) */
	void (*annotate)(void *ctx, struct tc_run *run, struct tc_result *res,
			 struct tc_render_meta *meta);
	/* at the end of every run that got past the options: free, wipe secrets */
	void (*release)(void *ctx);
	void *ctx;
};

/* Runs a whole program and returns its exit status. */
int tc_plugin_main(const struct tc_program *p, const struct tc_plugin_glue *g, int argc,
		   char **argv);

#endif

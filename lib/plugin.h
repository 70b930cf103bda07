/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one flow every check follows: options, thresholds, deadline, credentials, the
 * check itself, and the single place where an error becomes UNKNOWN. */
#ifndef TC_PLUGIN_H
#define TC_PLUGIN_H

#include "tencentcloud/api.h"
#include "tencentcloud/cred.h"
#include "deadline.h"
#include "http.h"
#include "opts.h"
#include "range.h"
#include "result.h"

struct tc_run {
	const struct tc_program *program;
	struct tc_common opts;
	struct tc_range warning;
	struct tc_range critical;
	struct tc_deadline deadline;
	struct tc_http *http;
	struct tc_credentials cred;
	struct tc_api api;
};

/* Fills the result, or returns an error that main turns into UNKNOWN. */
typedef int (*tc_check_fn)(struct tc_run *run, struct tc_result *res, struct tc_error *err);

/* Runs a whole program and returns its exit status. */
int tc_plugin_main(const struct tc_program *p, int argc, char **argv, tc_check_fn check);

#endif

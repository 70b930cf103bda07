/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the plugin kit meets Tencent Cloud: a check's run with the cloud options,
 * one HTTPS connection, the credentials and the API client, ready when the check is
 * called; stale answers, the cache and the credentials file's mode said in the
 * result afterwards. The checks' main() calls tc_check_main. */
#ifndef TC_CHECK_H
#define TC_CHECK_H

#include "http.h"
#include "plugin.h"
#include "result.h"
#include "tencentcloud/api.h"
#include "tencentcloud/cloud_opts.h"
#include "tencentcloud/cred.h"

/* The Tencent Cloud side of one run. */
struct tc_cloud {
	struct tc_cloud_opts opts;
	struct tc_http *http;
	struct tc_credentials cred;
	struct tc_api api;
};

/* Fills the result, or returns an error that the runner turns into UNKNOWN. */
typedef int (*tc_check_fn)(struct tc_run *run, struct tc_cloud *cloud, struct tc_result *res,
			   struct tc_error *err);

/* Runs a whole check through tc_plugin_main and returns its exit status. */
int tc_check_main(const struct tc_program *p, int argc, char **argv, tc_check_fn check);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The other two ways a result is written: one JSON object (for Zabbix and scripts)
 * and Prometheus exposition text (for node_exporter's textfile collector). */
#ifndef TC_RENDER_H
#define TC_RENDER_H

#include <stdint.h>
#include <stdio.h>

#include "result.h"

/* The HELP text of a figure in Prometheus output, by the figure's name: the same in
 * every file node_exporter reads. A table ends with { NULL, NULL }. */
struct tc_metric_help {
	const char *name;
	const char *help;
};

struct tc_render_meta {
	const char *program;  /* "check_tc_balance" */
	const char *check;    /* "balance" */
	const char *account;  /* label for the account: --account, the profile, "default" */
	int64_t now;          /* UNIX time of this run */
	int64_t last_success; /* for Prometheus on failure: from the previous textfile, or 0 */
	int64_t data_age;     /* seconds since the data was fetched: > 0 for a stale answer */
	const struct tc_metric_help *help; /* the figures' HELP texts, or NULL */
};

/* {"program", "check", "account", "state", "state_code", "summary", "lines",
 *  "metrics": [{name, value, unit, currency, warning, critical, min, max}],
 *  "values": {name: value}, "error": {kind, code, request_id} (on failure)} */
void tc_render_json(const struct tc_result *r, const struct tc_render_meta *m, FILE *out);

/* tencentcloud_up, tencentcloud_check_state, tencentcloud_last_success_timestamp_seconds
 * (when the data was fetched: now less data_age), tencentcloud_data_age_seconds
 * and one gauge per figure (base units: seconds, ratios; money with a currency label).
 * Figures are left out when the check failed: never a made-up 0. */
void tc_render_prometheus(const struct tc_result *r, const struct tc_render_meta *m, FILE *out);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/check.h"

#include <stdio.h>
#include <string.h>

#include "deadline.h"
#include "i18n.h"
#include "tencentcloud/metrics.h"

struct glue {
	struct tc_cloud cloud;
	tc_check_fn check;
};

static int prepare(void *ctx, struct tc_run *run, struct tc_error *err) {
	struct tc_cloud *tc = &((struct glue *)ctx)->cloud;
	const struct tc_cloud_opts *o = &tc->opts;
	struct tc_http_opts ho = {
	    .cacert = o->cacert,
	    .capath = o->capath,
	    .proxy = o->proxy,
	    .deadline = &run->deadline,
	    .verbose = run->opts.verbose,
	    .trace = stderr,
	};
	if (!(tc->http = tc_http_new(&ho, err))) {
		return -1;
	}
	struct tc_cred_opts co = {
	    .credentials_file = o->credentials_file,
	    .profile = o->profile,
	    .metadata_url = o->metadata_url,
	    .http = tc->http,
	};
	tc_credentials_protect_process();
	if (tc_credentials_load(&co, &tc->cred, err) != 0) {
		return -1;
	}
	if (run->opts.verbose >= 2) {
		fprintf(stderr, "credentials from %s\n", tc->cred.source);
	}
	tc->api = (struct tc_api){
	    .http = tc->http,
	    .cred = &tc->cred,
	    .site = o->site,
	    .endpoint = o->endpoint,
	    .region = o->region,
	    .language = run->opts.language,
	    .verbose = run->opts.verbose,
	    .trace = stderr,
	    .deadline = &run->deadline,
	    .cache = o->cache.dir ? &tc->opts.cache : NULL,
	};
	return 0;
}

static int check(void *ctx, struct tc_run *run, struct tc_result *res, struct tc_error *err) {
	struct glue *g = ctx;
	return g->check(run, &g->cloud, res, err);
}

/* An answer served from an old cache entry is said so, in the summary too. */
static void note_stale(struct tc_result *res, const struct tc_api *api) {
	char summary[sizeof res->summary];
	snprintf(summary, sizeof summary, _("%s (stale data, %lld s old)"), res->summary,
		 (long long)api->stale_seconds);
	tc_result_summary(res, "%s", summary);
	tc_result_line(res,
		       _("stale: the API failed (%s); this is the cached answer from %lld s ago"),
		       api->stale_cause.message, (long long)api->stale_seconds);
}

/* -v: what the run did, for judging its cost and the cache's use. */
static void note_activity(struct tc_result *res, const struct tc_api *api, int64_t started) {
	char cache[80] = "off";
	if (api->cache || api->cache_hits || api->cache_misses) {
		snprintf(cache, sizeof cache, "hits %ld, misses %ld", api->cache_hits,
			 api->cache_misses);
	}
	tc_result_line(res, "api: requests %ld, retries %ld, %lld ms; cache: %s; run: %lld ms",
		       api->requests, api->retries, (long long)api->request_ms, cache,
		       (long long)(tc_monotonic_ms() - started));
}

static void annotate(void *ctx, struct tc_run *run, struct tc_result *res,
		     struct tc_render_meta *meta) {
	struct tc_cloud *tc = &((struct glue *)ctx)->cloud;
	if (tc->api.stale_seconds > 0) {
		note_stale(res, &tc->api);
		meta->data_age = tc->api.stale_seconds;
	}
	if (tc->api.cache_problem[0]) {
		tc_result_line(res, _("cache not used: %s"), tc->api.cache_problem);
	}
	if (run->opts.verbose >= 1) {
		note_activity(res, &tc->api, run->started_ms);
	}
	if (tc->cred.source[0] == '/' && tc_credentials_file_too_open(tc->cred.source)) {
		tc_result_line(res, _("warning: %s can be read by group or others; chmod 600 it"),
			       tc->cred.source);
	}
}

static void release(void *ctx) {
	struct tc_cloud *tc = &((struct glue *)ctx)->cloud;
	tc_credentials_wipe(&tc->cred);
	tc_http_free(tc->http);
	tc->http = NULL;
}

int tc_check_main(const struct tc_program *p, int argc, char **argv, tc_check_fn check_fn) {
	struct glue g;
	struct tc_opts_layer layer;
	memset(&g, 0, sizeof g);
	g.check = check_fn;
	tc_cloud_opts_layer(&g.cloud.opts, &layer);
	const struct tc_plugin_glue glue = {
	    .options = &layer,
	    .metric_help = tc_billing_metric_help,
	    .prepare = prepare,
	    .check = check,
	    .annotate = annotate,
	    .release = release,
	    .ctx = &g,
	};
	return tc_plugin_main(p, &glue, argc, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Tencent Cloud options every check shares: where the key comes from, which
 * site, host and region are called and how (proxy, CA), the account's currency, the
 * zone of the API's times, and the shared cache. A layer of the common options
 * (lib/opts.h): parsed with them, listed after them in --help. */
#ifndef TC_CLOUD_OPTS_H
#define TC_CLOUD_OPTS_H

#include <stdbool.h>

#include "opts.h"
#include "tencentcloud/api.h"
#include "tencentcloud/cache.h"

struct tc_cloud_opts {
	const char *profile;
	const char *credentials_file;
	const char *region;
	const char *endpoint;
	enum tc_site site;
	char currency[8];
	bool currency_given; /* --currency was given */
	const char *proxy;
	bool allow_insecure_http; /* --allow-insecure-http */
	const char *cacert;
	const char *capath;
	const char *metadata_url;
	int api_offset;        /* --api-timezone, seconds east of UTC */
	struct tc_cache cache; /* --cache-dir, --cache-ttl, --cache-stale-on-error */
};

/* The layer that fills *o, for tc_opts_parse. Its finish step refuses a plain-http
 * endpoint that is not loopback, sets the currency by site and names the account
 * after --profile when nothing else names it. */
void tc_cloud_opts_layer(struct tc_cloud_opts *o, struct tc_opts_layer *layer);

/* tc_opts_parse with the Tencent Cloud options. */
int tc_cloud_opts_parse(const struct tc_program *p, int argc, char **argv, struct tc_common *c,
			struct tc_cloud_opts *o, bool *done, FILE *out, struct tc_error *err);

#endif

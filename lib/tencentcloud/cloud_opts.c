/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/cloud_opts.h"

#include <string.h>

#include "http.h"
#include "i18n.h"
#include "timeutil.h"

enum {
	OPT_PROFILE = 1100,
	OPT_CREDENTIALS_FILE,
	OPT_REGION,
	OPT_ENDPOINT,
	OPT_SITE,
	OPT_CURRENCY,
	OPT_PROXY,
	OPT_CACERT,
	OPT_CAPATH,
	OPT_METADATA_URL,
	OPT_API_TIMEZONE,
	OPT_CACHE_DIR,
	OPT_CACHE_TTL,
	OPT_CACHE_STALE,
	OPT_ALLOW_INSECURE_HTTP,
	OPT_SECRET,
};

static const struct option cloud_options[] = {
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"credentials-file", required_argument, NULL, OPT_CREDENTIALS_FILE},
    {"region", required_argument, NULL, OPT_REGION},
    {"endpoint", required_argument, NULL, OPT_ENDPOINT},
    {"site", required_argument, NULL, OPT_SITE},
    {"currency", required_argument, NULL, OPT_CURRENCY},
    {"proxy", required_argument, NULL, OPT_PROXY},
    {"cacert", required_argument, NULL, OPT_CACERT},
    {"capath", required_argument, NULL, OPT_CAPATH},
    {"metadata-url", required_argument, NULL, OPT_METADATA_URL},
    {"api-timezone", required_argument, NULL, OPT_API_TIMEZONE},
    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR},
    {"cache-ttl", required_argument, NULL, OPT_CACHE_TTL},
    {"cache-stale-on-error", no_argument, NULL, OPT_CACHE_STALE},
    {"allow-insecure-http", no_argument, NULL, OPT_ALLOW_INSECURE_HTTP},
    {"secret-id", required_argument, NULL, OPT_SECRET},
    {"secret-key", required_argument, NULL, OPT_SECRET},
    {"secret", required_argument, NULL, OPT_SECRET},
    {"token", required_argument, NULL, OPT_SECRET},
    {NULL, 0, NULL, 0},
};

static const char *const cloud_help =
    N_("      --credentials-file=FILE  INI file with [default] secret_id, secret_key, token\n"
       "      --profile=NAME     tccli profile (~/.tccli/NAME.credential)\n"
       "      --region=REGION    X-TC-Region for every call (default: none, except\n"
       "                         ap-guangzhou for DescribeVoucherInfo, which needs one)\n"
       "      --endpoint=URL     scheme://host[:port] instead of the site's API host\n"
       "      --allow-insecure-http  allow an http:// --endpoint that is not loopback\n"
       "      --site=china|intl  China site (CNY) or international site (USD)\n"
       "      --currency=CODE    currency of the account (default: CNY or USD by site)\n"
       "      --proxy=URL        HTTP(S) proxy (default: https_proxy/no_proxy variables)\n"
       "      --cacert=FILE      CA bundle to verify the API's certificate with\n"
       "      --capath=DIR       CA directory with OpenSSL hashed names (default: the\n"
       "                         system's, e.g. /etc/ssl/certs)\n"
       "      --metadata-url=URL CVM metadata service (default http://metadata.tencentyun.com)\n"
       "      --api-timezone=+HH:MM  zone of the times the API writes (default +08:00)\n"
       "      --cache-dir=DIR    share API answers between runs and checks of an account\n"
       "      --cache-ttl=SECONDS  how long a cached answer is used (default 60)\n"
       "      --cache-stale-on-error  on an API failure use an older cached answer, and say so\n"
       "\n"
       "Credentials, first found wins: --credentials-file; TENCENTCLOUD_SECRET_ID and\n"
       "TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_SESSION_TOKEN); --profile;\n"
       "~/.tencentcloud/credentials; the CVM instance role. Secrets are never accepted\n"
       "on the command line.\n");

static void init(void *ctx) {
	struct tc_cloud_opts *o = ctx;
	memset(o, 0, sizeof *o);
	o->api_offset = TC_BEIJING_OFFSET;
	o->cache.ttl = 60;
}

static int set_site(const char *arg, struct tc_cloud_opts *o, struct tc_error *err) {
	if (strcmp(arg, "china") == 0) {
		o->site = TC_SITE_CHINA;
	} else if (strcmp(arg, "intl") == 0) {
		o->site = TC_SITE_INTL;
	} else {
		return tc_error_set(err, TC_ERR_USAGE, _("invalid --site '%s': use china or intl"),
				    arg);
	}
	return 0;
}

static int set_currency(const char *arg, struct tc_cloud_opts *o, struct tc_error *err) {
	size_t n = strlen(arg);
	if (n != 3 || arg[strspn(arg, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")] != '\0') {
		return tc_error_set(err, TC_ERR_USAGE,
				    _("invalid --currency '%s': use a three-letter code like CNY"),
				    arg);
	}
	memcpy(o->currency, arg, 4);
	o->currency_given = true;
	return 0;
}

static int handle(void *ctx, int key, const char *arg, bool from_file, struct tc_error *err) {
	struct tc_cloud_opts *o = ctx;
	switch (key) {
	case OPT_PROFILE:
		o->profile = arg;
		return 0;
	case OPT_CREDENTIALS_FILE:
		o->credentials_file = arg;
		return 0;
	case OPT_REGION:
		o->region = arg;
		return 0;
	case OPT_ENDPOINT:
		o->endpoint = arg;
		return tc_api_check_endpoint(arg, err);
	case OPT_SITE:
		return set_site(arg, o, err);
	case OPT_CURRENCY:
		return set_currency(arg, o, err);
	case OPT_PROXY:
		/* a password in a proxy URL is refused where ps shows it, not in a file */
		o->proxy = arg;
		return from_file ? 0 : tc_http_check_proxy(arg, err);
	case OPT_ALLOW_INSECURE_HTTP:
		o->allow_insecure_http = true;
		return 0;
	case OPT_CACERT:
		o->cacert = arg;
		return 0;
	case OPT_CAPATH:
		o->capath = arg;
		return 0;
	case OPT_METADATA_URL:
		o->metadata_url = arg;
		return 0;
	case OPT_API_TIMEZONE:
		return tc_parse_utc_offset(arg, &o->api_offset, err);
	case OPT_CACHE_DIR:
		o->cache.dir = arg;
		return 0;
	case OPT_CACHE_TTL: {
		long ttl = 0;
		if (tc_opts_long("--cache-ttl", arg, 1, 86400, &ttl, err) != 0) {
			return -1;
		}
		o->cache.ttl = ttl;
		return 0;
	}
	case OPT_CACHE_STALE:
		o->cache.stale_on_error = true;
		return 0;
	case OPT_SECRET:
		return tc_error_set(
		    err, TC_ERR_USAGE,
		    _("secrets are not accepted on the command line, where ps shows "
		      "them: use --credentials-file (also in --extra-opts) or "
		      "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY"));
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option %d", key);
}

static int finish(void *ctx, struct tc_common *c, struct tc_error *err) {
	struct tc_cloud_opts *o = ctx;
	if (o->endpoint && tc_api_check_transport(o->endpoint, o->allow_insecure_http, err) != 0) {
		return -1;
	}
	if (!o->currency[0]) {
		strcpy(o->currency, o->site == TC_SITE_INTL ? "USD" : "CNY");
	}
	if (!c->account && !c->section && o->profile) {
		c->account = o->profile;
	}
	return 0;
}

void tc_cloud_opts_layer(struct tc_cloud_opts *o, struct tc_opts_layer *layer) {
	*layer = (struct tc_opts_layer){
	    .options = cloud_options,
	    .help = cloud_help,
	    .init = init,
	    .handle = handle,
	    .finish = finish,
	    .ctx = o,
	};
}

int tc_cloud_opts_parse(const struct tc_program *p, int argc, char **argv, struct tc_common *c,
			struct tc_cloud_opts *o, bool *done, FILE *out, struct tc_error *err) {
	struct tc_opts_layer layer;
	tc_cloud_opts_layer(o, &layer);
	return tc_opts_parse(p, &layer, argc, argv, c, done, out, err);
}

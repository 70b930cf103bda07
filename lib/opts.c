#include <config.h>

#include "opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "timeutil.h"

enum {
	OPT_EXTRA = 1000,
	OPT_PROFILE,
	OPT_CREDENTIALS_FILE,
	OPT_REGION,
	OPT_ENDPOINT,
	OPT_SITE,
	OPT_CURRENCY,
	OPT_LANGUAGE,
	OPT_PROXY,
	OPT_CACERT,
	OPT_CAPATH,
	OPT_METADATA_URL,
	OPT_API_TIMEZONE,
	OPT_FORMAT,
	OPT_TEXTFILE,
	OPT_ACCOUNT,
	OPT_CACHE_DIR,
	OPT_CACHE_TTL,
	OPT_CACHE_STALE,
	OPT_ALLOW_INSECURE_HTTP,
	OPT_SECRET,
};

static const struct option common_options[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"verbose", no_argument, NULL, 'v'},
    {"timeout", required_argument, NULL, 't'},
    {"warning", required_argument, NULL, 'w'},
    {"critical", required_argument, NULL, 'c'},
    {"extra-opts", optional_argument, NULL, OPT_EXTRA},
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"credentials-file", required_argument, NULL, OPT_CREDENTIALS_FILE},
    {"region", required_argument, NULL, OPT_REGION},
    {"endpoint", required_argument, NULL, OPT_ENDPOINT},
    {"site", required_argument, NULL, OPT_SITE},
    {"currency", required_argument, NULL, OPT_CURRENCY},
    {"language", required_argument, NULL, OPT_LANGUAGE},
    {"proxy", required_argument, NULL, OPT_PROXY},
    {"cacert", required_argument, NULL, OPT_CACERT},
    {"capath", required_argument, NULL, OPT_CAPATH},
    {"metadata-url", required_argument, NULL, OPT_METADATA_URL},
    {"api-timezone", required_argument, NULL, OPT_API_TIMEZONE},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"textfile", required_argument, NULL, OPT_TEXTFILE},
    {"account", required_argument, NULL, OPT_ACCOUNT},
    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR},
    {"cache-ttl", required_argument, NULL, OPT_CACHE_TTL},
    {"cache-stale-on-error", no_argument, NULL, OPT_CACHE_STALE},
    {"allow-insecure-http", no_argument, NULL, OPT_ALLOW_INSECURE_HTTP},
    {"secret-id", required_argument, NULL, OPT_SECRET},
    {"secret-key", required_argument, NULL, OPT_SECRET},
    {"secret", required_argument, NULL, OPT_SECRET},
    {"token", required_argument, NULL, OPT_SECRET},
};

#define NCOMMON (sizeof common_options / sizeof common_options[0])

static const char common_help[] =
    "  -h, --help             print this help and exit (status 3)\n"
    "  -V, --version          print the version and exit (status 3)\n"
    "  -v, --verbose          more detail; -vvv traces requests (secrets redacted)\n"
    "  -t, --timeout=N[:STATE] give up after N seconds (default 10) with STATE\n"
    "                         (default UNKNOWN)\n"
    "  -w, --warning=RANGE    warning range (Nagios syntax)\n"
    "  -c, --critical=RANGE   critical range (Nagios syntax)\n"
    "      --extra-opts=[SECTION][@FILE]  read options from an ini file (section\n"
    "                         defaults to the program name); keeps settings off argv\n"
    "      --credentials-file=FILE  INI file with [default] secret_id, secret_key, token\n"
    "      --profile=NAME     tccli profile (~/.tccli/NAME.credential)\n"
    "      --region=REGION    X-TC-Region (billing APIs need none)\n"
    "      --endpoint=URL     scheme://host[:port] instead of the site's API host\n"
    "      --allow-insecure-http  allow an http:// --endpoint that is not loopback\n"
    "      --site=china|intl  China site (CNY) or international site (USD)\n"
    "      --currency=CODE    currency of the account (default: CNY or USD by site)\n"
    "      --language=zh-CN|en-US  language of API error messages\n"
    "      --proxy=URL        HTTP(S) proxy (default: https_proxy/no_proxy variables)\n"
    "      --cacert=FILE      CA bundle to verify the API's certificate with\n"
    "      --capath=DIR       CA directory with OpenSSL hashed names (default: the\n"
    "                         system's, e.g. /etc/ssl/certs)\n"
    "      --metadata-url=URL CVM metadata service (default http://metadata.tencentyun.com)\n"
    "      --api-timezone=+HH:MM  zone of the times the API writes (default +08:00)\n"
    "      --format=nagios|json|prometheus  output format (exit status as in nagios)\n"
    "      --textfile=PATH    also write Prometheus text to PATH, atomically (.prom)\n"
    "      --account=NAME     account label in JSON and Prometheus output\n"
    "                         (default: the --profile name, else \"default\")\n"
    "      --cache-dir=DIR    share API answers between runs and checks of an account\n"
    "      --cache-ttl=SECONDS  how long a cached answer is used (default 60)\n"
    "      --cache-stale-on-error  on an API failure use an older cached answer, and say so\n"
    "\n"
    "Credentials, first found wins: --credentials-file; TENCENTCLOUD_SECRET_ID and\n"
    "TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_SESSION_TOKEN); --profile;\n"
    "~/.tencentcloud/credentials; the CVM instance role. Secrets are never accepted\n"
    "on the command line.\n";

static int keep(struct tc_common *c, char *s, struct tc_error *err) {
	char **grown = realloc(c->owned, (c->nowned + 1) * sizeof *grown);
	if (!grown || !s) {
		free(s);
		if (grown) {
			c->owned = grown;
		}
		return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
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

/* Appends the options of one [section][@file] spec to args. */
static int add_spec(const char *program, const char *spec, struct tc_common *c, char ***args,
		    int *nargs, struct tc_error *err) {
	char section[256];
	const char *at = strchr(spec, '@');
	const char *file = at ? at + 1 : default_ini_file();
	size_t slen = at ? (size_t)(at - spec) : strlen(spec);
	if (slen >= sizeof section) {
		return tc_error_set(err, TC_ERR_USAGE, "--extra-opts section name too long");
	}
	if (slen == 0) {
		snprintf(section, sizeof section, "%s", program);
	} else {
		memcpy(section, spec, slen);
		section[slen] = '\0';
	}
	if (!*file) {
		return tc_error_set(err, TC_ERR_USAGE, "--extra-opts: empty file name");
	}
	struct tc_ini ini;
	if (tc_ini_load(file, &ini, err) != 0) {
		err->kind = TC_ERR_CONFIG;
		return tc_error_prefix(err, "--extra-opts");
	}
	if (!tc_ini_has_section(&ini, section)) {
		tc_ini_free(&ini);
		return tc_error_set(err, TC_ERR_CONFIG, "--extra-opts: no section [%s] in %s",
				    section, file);
	}
	for (size_t i = 0; i < ini.n; i++) {
		const struct tc_ini_entry *e = &ini.entries[i];
		if (strcmp(e->section, section) != 0 || !*e->key) {
			continue;
		}
		char *arg = NULL;
		int n = e->value ? asprintf(&arg, "--%s=%s", e->key, e->value)
				 : asprintf(&arg, "--%s", e->key);
		char **grown = realloc(*args, (size_t)(*nargs + 2) * sizeof *grown);
		if (n < 0 || !grown || keep(c, arg, err) != 0) {
			if (grown) {
				*args = grown;
			}
			tc_ini_free(&ini);
			return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
		}
		*args = grown;
		(*args)[(*nargs)++] = arg;
	}
	tc_ini_free(&ini);
	return 0;
}

int tc_extra_opts_expand(const char *program, int argc, char **argv, struct tc_common *c,
			 int *new_argc, char ***new_argv, struct tc_error *err) {
	char **from_files = NULL, **rest = NULL;
	int nfiles = 0, nrest = 0;
	int rc = 0;
	rest = calloc((size_t)argc + 1, sizeof *rest);
	if (!rest) {
		return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
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
			rc = add_spec(program, spec, c, &from_files, &nfiles, err);
		} else if (strncmp(a, "--extra-opts=", 13) == 0) {
			rc = add_spec(program, a + 13, c, &from_files, &nfiles, err);
		} else {
			rest[nrest++] = argv[i];
		}
	}
	if (rc == 0) {
		char **out = calloc((size_t)(nfiles + nrest + 2), sizeof *out);
		if (!out) {
			rc = tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
		} else {
			int n = 0;
			out[n++] = argv[0];
			for (int i = 0; i < nfiles; i++) {
				out[n++] = from_files[i];
			}
			for (int i = 0; i < nrest; i++) {
				out[n++] = rest[i];
			}
			out[n] = NULL;
			*new_argc = n;
			*new_argv = out;
			rc = keep(c, (char *)out, err);
		}
	}
	free(from_files);
	free(rest);
	return rc;
}

static void print_help(const struct tc_program *p, FILE *out) {
	fprintf(out, "%s (%s) %s\n%s\n\n", p->name, PACKAGE_NAME, PACKAGE_VERSION, p->purpose);
	fprintf(out, "Usage: %s [-w RANGE] [-c RANGE] [-t N[:STATE]] [options]\n\n", p->name);
	fprintf(out, "Thresholds: %s\n", p->threshold_help);
	fprintf(out, "Defaults: -w %s -c %s\n\n", p->default_warning, p->default_critical);
	fprintf(out, "Options:\n%s", common_help);
	if (p->extra_help && *p->extra_help) {
		fprintf(out, "\n%s options:\n%s", p->name, p->extra_help);
	}
	fprintf(out, "\nExit status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n");
}

static int parse_timeout(const char *arg, struct tc_common *c, struct tc_error *err) {
	char *end = NULL;
	long n = strtol(arg, &end, 10);
	if (end == arg || n < 1 || n > 3600 || (*end && *end != ':')) {
		return tc_error_set(err, TC_ERR_USAGE,
				    "invalid --timeout '%s': expected 1-3600 seconds[:STATE]", arg);
	}
	c->timeout = (int)n;
	if (*end == ':' && !tc_state_parse(end + 1, &c->timeout_state)) {
		return tc_error_set(err, TC_ERR_USAGE, "invalid --timeout state '%s'", end + 1);
	}
	return 0;
}

static int set_site(const char *arg, struct tc_common *c, struct tc_error *err) {
	if (strcmp(arg, "china") == 0) {
		c->site = TC_SITE_CHINA;
	} else if (strcmp(arg, "intl") == 0) {
		c->site = TC_SITE_INTL;
	} else {
		return tc_error_set(err, TC_ERR_USAGE, "invalid --site '%s': use china or intl",
				    arg);
	}
	return 0;
}

static int set_currency(const char *arg, struct tc_common *c, struct tc_error *err) {
	size_t n = strlen(arg);
	if (n != 3 || arg[strspn(arg, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")] != '\0') {
		return tc_error_set(err, TC_ERR_USAGE,
				    "invalid --currency '%s': use a three-letter code like CNY",
				    arg);
	}
	memcpy(c->currency, arg, 4);
	c->currency_given = true;
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
	case 'v':
		c->verbose++;
		return 0;
	case 't':
		return parse_timeout(arg, c, err);
	case 'w':
		c->warning = arg;
		return 0;
	case 'c':
		c->critical = arg;
		return 0;
	case OPT_PROFILE:
		c->profile = arg;
		return 0;
	case OPT_CREDENTIALS_FILE:
		c->credentials_file = arg;
		return 0;
	case OPT_REGION:
		c->region = arg;
		return 0;
	case OPT_ENDPOINT:
		c->endpoint = arg;
		return tc_api_check_endpoint(arg, err);
	case OPT_SITE:
		return set_site(arg, c, err);
	case OPT_CURRENCY:
		return set_currency(arg, c, err);
	case OPT_LANGUAGE:
		if (strcmp(arg, "zh-CN") != 0 && strcmp(arg, "en-US") != 0) {
			return tc_error_set(err, TC_ERR_USAGE,
					    "invalid --language '%s': use zh-CN or en-US", arg);
		}
		c->language = arg;
		return 0;
	case OPT_PROXY:
		c->proxy = arg;
		return from_extra_opts(c, arg) ? 0 : tc_http_check_proxy(arg, err);
	case OPT_ALLOW_INSECURE_HTTP:
		c->allow_insecure_http = true;
		return 0;
	case OPT_CACERT:
		c->cacert = arg;
		return 0;
	case OPT_CAPATH:
		c->capath = arg;
		return 0;
	case OPT_METADATA_URL:
		c->metadata_url = arg;
		return 0;
	case OPT_API_TIMEZONE:
		return tc_parse_utc_offset(arg, &c->api_offset, err);
	case OPT_FORMAT:
		if (strcmp(arg, "nagios") == 0) {
			c->format = TC_FORMAT_NAGIOS;
		} else if (strcmp(arg, "json") == 0) {
			c->format = TC_FORMAT_JSON;
		} else if (strcmp(arg, "prometheus") == 0) {
			c->format = TC_FORMAT_PROMETHEUS;
		} else {
			return tc_error_set(err, TC_ERR_USAGE,
					    "invalid --format '%s': use nagios, json or prometheus",
					    arg);
		}
		return 0;
	case OPT_TEXTFILE:
		if (strlen(arg) < 6 || strcmp(arg + strlen(arg) - 5, ".prom") != 0) {
			return tc_error_set(
			    err, TC_ERR_USAGE,
			    "--textfile must name a .prom file (node_exporter reads only those)");
		}
		c->textfile = arg;
		return 0;
	case OPT_ACCOUNT:
		c->account = arg;
		return 0;
	case OPT_CACHE_DIR:
		c->cache.dir = arg;
		return 0;
	case OPT_CACHE_TTL: {
		long ttl = 0;
		if (tc_opts_long("--cache-ttl", arg, 1, 86400, &ttl, err) != 0) {
			return -1;
		}
		c->cache.ttl = ttl;
		return 0;
	}
	case OPT_CACHE_STALE:
		c->cache.stale_on_error = true;
		return 0;
	case OPT_SECRET:
		return tc_error_set(err, TC_ERR_USAGE,
				    "secrets are not accepted on the command line, where ps shows "
				    "them: use --credentials-file (also in --extra-opts) or "
				    "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY");
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
		return tc_error_set(err, TC_ERR_USAGE, "invalid %s '%s': expected %ld-%ld", option,
				    arg, min, max);
	}
	*out = v;
	return 0;
}

static int build_table(const struct tc_program *p, struct option **table) {
	size_t nextra = 0;
	while (p->options && p->options[nextra].name) {
		nextra++;
	}
	*table = calloc(NCOMMON + nextra + 1, sizeof **table);
	if (!*table) {
		return -1;
	}
	memcpy(*table, common_options, sizeof common_options);
	if (nextra) {
		memcpy(*table + NCOMMON, p->options, nextra * sizeof **table);
	}
	return 0;
}

int tc_opts_parse(const struct tc_program *p, int argc, char **argv, struct tc_common *c,
		  bool *done, FILE *out, struct tc_error *err) {
	struct option *table = NULL;
	int nargc = 0;
	char **nargv = NULL;
	bool help = false, version = false;
	int rc = 0;

	memset(c, 0, sizeof *c);
	c->timeout = TC_DEFAULT_TIMEOUT;
	c->timeout_state = TC_UNKNOWN;
	c->api_offset = TC_BEIJING_OFFSET;
	c->cache.ttl = 60;
	c->warning = p->default_warning;
	c->critical = p->default_critical;
	*done = false;

	/* --help wins over everything, even a broken --extra-opts */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_help(p, out);
			*done = true;
			return 0;
		}
	}
	if (tc_extra_opts_expand(p->name, argc, argv, c, &nargc, &nargv, err) != 0) {
		return -1;
	}
	if (build_table(p, &table) != 0) {
		return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
	}
	opterr = 0;
	optind = 0; /* full re-initialisation, also of GNU extensions */
	int key;
	while (rc == 0 && (key = getopt_long(nargc, nargv, ":hVvt:w:c:", table, NULL)) != -1) {
		if (key == 'h') {
			help = true;
		} else if (key == 'V') {
			version = true;
		} else if (key == '?') {
			rc = tc_error_set(err, TC_ERR_USAGE, "unknown option '%s' (see --help)",
					  nargv[optind - 1]);
		} else if (key == ':') {
			rc = tc_error_set(err, TC_ERR_USAGE, "option '%s' needs a value",
					  nargv[optind - 1]);
		} else if (key < 256 && strchr("vtwc", key)) {
			rc = common_option(key, optarg, c, err);
		} else if (key >= OPT_EXTRA && key <= OPT_SECRET) {
			rc = key == OPT_EXTRA ? 0 : common_option(key, optarg, c, err);
		} else if (p->handle) {
			rc = p->handle(key, optarg, p->ctx, err);
		} else {
			rc = tc_error_set(err, TC_ERR_INTERNAL, "unhandled option");
		}
	}
	if (rc == 0 && optind < nargc) {
		rc = tc_error_set(err, TC_ERR_USAGE, "unexpected argument '%s' (see --help)",
				  nargv[optind]);
	}
	free(table);
	if (rc != 0) {
		return rc;
	}
	if (help || version) {
		if (help) {
			print_help(p, out);
		} else {
			fprintf(out, "%s (%s) %s\n", p->name, PACKAGE_NAME, PACKAGE_VERSION);
		}
		*done = true;
		return 0;
	}
	if (c->endpoint && tc_api_check_transport(c->endpoint, c->allow_insecure_http, err) != 0) {
		return -1;
	}
	if (!c->currency[0]) {
		strcpy(c->currency, c->site == TC_SITE_INTL ? "USD" : "CNY");
	}
	if (!c->account) {
		c->account = c->profile ? c->profile : "default";
	}
	return 0;
}

/* notify_tc_lark: delivers a Nagios, Icinga 2 or Zabbix notification to a Lark (Feishu)
 * group through a custom bot: signed, as an interactive card coloured by state (or
 * plain text), retried on rate limits and server errors within the deadline, held
 * back in quiet hours unless it is critical. The webhook URL and the signing secret
 * come from a file or the environment, never from the command line. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "curl_lazy.h"
#include "deadline.h"
#include "http.h"
#include "ini.h"
#include "jsonx.h"
#include "lark_logic.h"

enum { EXIT_SENT = 0, EXIT_FAILED = 1, EXIT_USAGE = 3 };

struct options {
	const char *config;
	const char *source;
	bool host_kind;
	struct lark_event event;
	bool text;
	bool quiet_set;
	struct lark_window quiet;
	const char *timezone;
	bool quiet_critical;
	int timeout;
	const char *cacert;
	const char *capath;
	const char *proxy;
	int verbose;
	char webhook[2048];
	char secret[512];
};

static void usage(FILE *out) {
	fprintf(
	    out,
	    "notify_tc_lark (%s) %s\n"
	    "Delivers a monitoring notification to a Lark group bot.\n\n"
	    "Usage: notify_tc_lark [--config FILE] [--source nagios|icinga|zabbix] [--kind "
	    "host|service]\n"
	    "         [--state S] [--host H] [--service S] [--output TEXT] [--type T] [--time T]\n"
	    "         [--text] [--quiet-hours HH:MM-HH:MM [--timezone ZONE] [--quiet-critical]]\n"
	    "         [-t SECONDS] [--cacert FILE] [--capath DIR] [--proxy URL]\n\n"
	    "  --config FILE     ini with [lark] webhook=URL and secret=SECRET (mode 0600);\n"
	    "                    else TC_LARK_WEBHOOK and TC_LARK_SECRET from the environment\n"
	    "  --source NAME     read state, host, service, output and time from that system's\n"
	    "                    environment macros (NAGIOS_*, ICINGA_*); options win over them\n"
	    "  --text            plain text instead of a card\n"
	    "  --quiet-hours W   hold back all but CRITICAL/DOWN notifications in window W, in\n"
	    "                    --timezone (IANA name, default the machine's); --quiet-critical\n"
	    "                    holds back those too\n"
	    "  -t SECONDS        give up delivering after this long (default 10)\n\n"
	    "Exit status: 0 delivered or held back in quiet hours, 1 delivery failed, 3 usage.\n",
	    PACKAGE_NAME, PACKAGE_VERSION);
}

static const char *env_or(const char *a, const char *b) {
	const char *v = getenv(a);
	if ((!v || !*v) && b) {
		v = getenv(b);
	}
	return v && *v ? v : NULL;
}

/* Fills what the options left open from the monitoring system's environment. */
static void from_environment(struct options *o) {
	struct lark_event *e = &o->event;
	const char *p = strcmp(o->source, "icinga") == 0 ? "ICINGA_" : "NAGIOS_";
	char a[64], b[64];
	if (strcmp(o->source, "nagios") != 0 && strcmp(o->source, "icinga") != 0) {
		return;
	}
#define FILL(field, service_name, host_name)                                                       \
	do {                                                                                       \
		snprintf(a, sizeof a, "%s%s", p, o->host_kind ? host_name : service_name);         \
		snprintf(b, sizeof b, "%s%s", p, host_name);                                       \
		if (!e->field) {                                                                   \
			e->field = env_or(a, o->host_kind ? NULL : b);                             \
		}                                                                                  \
	} while (0)
	FILL(state, "SERVICESTATE", "HOSTSTATE");
	FILL(output, "SERVICEOUTPUT", "HOSTOUTPUT");
	FILL(host, "HOSTNAME", "HOSTNAME");
	FILL(type, "NOTIFICATIONTYPE", "NOTIFICATIONTYPE");
	FILL(when, "LONGDATETIME", "LONGDATETIME");
	if (!o->host_kind) {
		FILL(service, "SERVICEDESC", "SERVICEDESC");
	}
#undef FILL
}

static int load_secrets(struct options *o, struct tc_error *err) {
	const char *url = NULL, *secret = NULL;
	struct tc_ini ini = {0};
	if (o->config) {
		if (tc_ini_load(o->config, &ini, err) != 0) {
			return -1;
		}
		url = tc_ini_get(&ini, "lark", "webhook");
		secret = tc_ini_get(&ini, "lark", "secret");
	}
	if (!url) {
		url = getenv("TC_LARK_WEBHOOK");
	}
	if (!secret) {
		secret = getenv("TC_LARK_SECRET");
	}
	int rc = 0;
	if (!url || !*url) {
		rc = tc_error_set(err, TC_ERR_CONFIG,
				  "no webhook: set webhook= in the [lark] section of --config, or "
				  "TC_LARK_WEBHOOK");
	} else if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0) {
		rc = tc_error_set(err, TC_ERR_CONFIG, "the webhook is not an http(s) URL");
	} else {
		snprintf(o->webhook, sizeof o->webhook, "%s", url);
		snprintf(o->secret, sizeof o->secret, "%s", secret ? secret : "");
	}
	tc_ini_free(&ini);
	return rc;
}

static int parse(int argc, char **argv, struct options *o, struct tc_error *err) {
	enum {
		O_CONFIG = 1000,
		O_SOURCE,
		O_KIND,
		O_STATE,
		O_HOST,
		O_SERVICE,
		O_OUTPUT,
		O_TYPE,
		O_TIME,
		O_TEXT,
		O_QUIET,
		O_TZ,
		O_QUIET_CRIT,
		O_CACERT,
		O_CAPATH,
		O_PROXY,
		O_SECRET
	};
	static const struct option table[] = {
	    {"config", required_argument, NULL, O_CONFIG},
	    {"source", required_argument, NULL, O_SOURCE},
	    {"kind", required_argument, NULL, O_KIND},
	    {"state", required_argument, NULL, O_STATE},
	    {"host", required_argument, NULL, O_HOST},
	    {"service", required_argument, NULL, O_SERVICE},
	    {"output", required_argument, NULL, O_OUTPUT},
	    {"type", required_argument, NULL, O_TYPE},
	    {"time", required_argument, NULL, O_TIME},
	    {"text", no_argument, NULL, O_TEXT},
	    {"quiet-hours", required_argument, NULL, O_QUIET},
	    {"timezone", required_argument, NULL, O_TZ},
	    {"quiet-critical", no_argument, NULL, O_QUIET_CRIT},
	    {"cacert", required_argument, NULL, O_CACERT},
	    {"capath", required_argument, NULL, O_CAPATH},
	    {"proxy", required_argument, NULL, O_PROXY},
	    {"webhook", required_argument, NULL, O_SECRET},
	    {"secret", required_argument, NULL, O_SECRET},
	    {"timeout", required_argument, NULL, 't'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:vhV", table, NULL)) != -1) {
		switch (c) {
		case O_CONFIG:
			o->config = optarg;
			break;
		case O_SOURCE:
			if (strcmp(optarg, "nagios") && strcmp(optarg, "icinga") &&
			    strcmp(optarg, "zabbix") && strcmp(optarg, "manual")) {
				return tc_error_set(
				    err, TC_ERR_USAGE,
				    "invalid --source '%s': nagios, icinga, zabbix or manual",
				    optarg);
			}
			o->source = optarg;
			break;
		case O_KIND:
			if (strcmp(optarg, "host") && strcmp(optarg, "service")) {
				return tc_error_set(err, TC_ERR_USAGE, "invalid --kind '%s'",
						    optarg);
			}
			o->host_kind = strcmp(optarg, "host") == 0;
			break;
		case O_STATE:
			o->event.state = optarg;
			break;
		case O_HOST:
			o->event.host = optarg;
			break;
		case O_SERVICE:
			o->event.service = optarg;
			break;
		case O_OUTPUT:
			o->event.output = optarg;
			break;
		case O_TYPE:
			o->event.type = optarg;
			break;
		case O_TIME:
			o->event.when = optarg;
			break;
		case O_TEXT:
			o->text = true;
			break;
		case O_QUIET:
			if (lark_parse_window(optarg, &o->quiet, err) != 0) {
				return -1;
			}
			o->quiet_set = true;
			break;
		case O_TZ: {
			char path[512];
			snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", optarg);
			if (strstr(optarg, "..") || access(path, R_OK) != 0) {
				return tc_error_set(err, TC_ERR_USAGE, "unknown --timezone '%s'",
						    optarg);
			}
			o->timezone = optarg;
			break;
		}
		case O_QUIET_CRIT:
			o->quiet_critical = true;
			break;
		case O_CACERT:
			o->cacert = optarg;
			break;
		case O_CAPATH:
			o->capath = optarg;
			break;
		case O_PROXY:
			o->proxy = optarg;
			break;
		case O_SECRET:
			return tc_error_set(
			    err, TC_ERR_USAGE,
			    "the webhook and its secret are not accepted on the command "
			    "line: use --config or TC_LARK_WEBHOOK/TC_LARK_SECRET");
		case 't':
			o->timeout = atoi(optarg);
			if (o->timeout < 1 || o->timeout > 300) {
				return tc_error_set(err, TC_ERR_USAGE, "invalid --timeout '%s'",
						    optarg);
			}
			break;
		case 'v':
			o->verbose++;
			break;
		case 'h':
			usage(stdout);
			exit(EXIT_USAGE);
		case 'V':
			printf("notify_tc_lark (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			exit(EXIT_USAGE);
		default:
			return tc_error_set(err, TC_ERR_USAGE, "unknown or incomplete option '%s'",
					    argv[optind - 1]);
		}
	}
	if (optind < argc) {
		return tc_error_set(err, TC_ERR_USAGE, "unexpected argument '%s'", argv[optind]);
	}
	return 0;
}

/* Lark answers HTTP 200 with a JSON code; 0 means delivered. */
static int check_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err) {
	struct json_object *o = NULL;
	int64_t code = -1;
	const char *msg = NULL;
	*retry = r->status == 429 || r->status >= 500;
	if (r->status != 200) {
		return tc_error_set(err, TC_ERR_HTTP, "HTTP %ld from the webhook", r->status);
	}
	if (tc_json_parse(r->body, r->len, &o, err) != 0) {
		return tc_error_prefix(err, "webhook answer");
	}
	if (tc_json_int(o, "code", TC_OPTIONAL, &code, NULL, err) != 0 || code == -1) {
		tc_json_int(o, "StatusCode", TC_OPTIONAL, &code, NULL, err);
	}
	tc_json_string(o, "msg", TC_OPTIONAL, &msg, err);
	if (code != 0) {
		/* 11232: bot frequency limit; 99991400: OpenAPI rate limit */
		*retry = code == 11232 || code == 99991400;
		tc_error_set(err, TC_ERR_API, "Lark refused the message: code %lld: %.200s",
			     (long long)code, msg ? msg : "");
		json_object_put(o);
		return -1;
	}
	json_object_put(o);
	return 0;
}

static int deliver(const struct options *o, struct tc_error *err) {
	struct tc_deadline d;
	tc_deadline_start(&d, o->timeout);
	struct tc_http_opts ho = {.cacert = o->cacert,
				  .capath = o->capath,
				  .proxy = o->proxy,
				  .deadline = &d,
				  .verbose = o->verbose,
				  .trace = stderr,
				  .max_body = 1024 * 1024};
	struct tc_http *http = tc_http_new(&ho, err);
	if (!http) {
		return -1;
	}
	struct tc_http_header headers[] = {{"Content-Type", "application/json", false}};
	long backoff_ms = 500;
	int rc = -1;
	for (int attempt = 1;; attempt++) {
		/* a fresh timestamp and signature for every attempt */
		char *body = lark_body(&o->event, o->text, (int64_t)time(NULL),
				       o->secret[0] ? o->secret : NULL);
		struct tc_http_response resp;
		bool retry = false;
		rc = tc_http_request(http, "POST", o->webhook, headers, 1, body, strlen(body),
				     &resp, err);
		free(body);
		if (rc == 0) {
			rc = check_answer(&resp, &retry, err);
			tc_http_response_free(&resp);
		} else {
			retry = err->kind == TC_ERR_NETWORK;
		}
		long jitter = backoff_ms / 4 > 0 ? rand() % (backoff_ms / 4) : 0;
		if (rc == 0 || !retry || tc_deadline_left_ms(&d) < backoff_ms + jitter + 200) {
			if (rc != 0 && attempt > 1) {
				tc_error_prefix(err, "after %d attempts", attempt);
			}
			break;
		}
		struct timespec ts = {(backoff_ms + jitter) / 1000,
				      ((backoff_ms + jitter) % 1000) * 1000000L};
		nanosleep(&ts, NULL);
		backoff_ms *= 2;
	}
	tc_http_free(http);
	return rc;
}

int main(int argc, char **argv) {
	struct options o = {.source = "manual", .timeout = 10};
	struct tc_error err;
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	if (parse(argc, argv, &o, &err) != 0 || load_secrets(&o, &err) != 0) {
		printf("notify_tc_lark: %s\n", err.message);
		return EXIT_USAGE;
	}
	from_environment(&o);
	if (!o.event.state || !o.event.host) {
		printf(
		    "notify_tc_lark: no state or host: give --state and --host, or --source with "
		    "its environment macros\n");
		return EXIT_USAGE;
	}
	const char *what = o.event.service && *o.event.service ? o.event.service : "";
	if (o.quiet_set && (!lark_is_critical(o.event.state) || o.quiet_critical) &&
	    lark_in_window(&o.quiet, (int64_t)time(NULL), o.timezone)) {
		printf("notify_tc_lark: quiet hours: %s notification for %s%s%s held back\n",
		       o.event.state, o.event.host, *what ? " / " : "", what);
		return EXIT_SENT;
	}
	int rc = deliver(&o, &err);
	memset(o.secret, 0, sizeof o.secret);
	tc_curl_unload();
	if (rc != 0) {
		printf("notify_tc_lark: delivery failed: %s\n", err.message);
		return EXIT_FAILED;
	}
	printf("notify_tc_lark: delivered %s notification for %s%s%s\n", o.event.state,
	       o.event.host, *what ? " / " : "", what);
	return EXIT_SENT;
}

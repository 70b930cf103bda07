/* SPDX-License-Identifier: GPL-3.0-or-later */
/* notify_tc_chat: delivers a Nagios, Icinga 2 or Zabbix notification to a team chat:
 * a Lark (Feishu) custom bot, a WeCom group robot, a DingTalk custom robot, a Slack
 * incoming webhook or a generic JSON webhook, chosen by type= in the bot's ini. Each
 * gets its platform's rich format (chat_<type>.c), signed where the platform signs,
 * retried only on what the platform calls transient and within the deadline, held
 * back in quiet hours unless it is critical or a recovery; held notifications are
 * listed by the first one delivered after the window (with --state-dir). The webhook
 * URL and the signing secret come from a file or the environment, never from the
 * command line, and never reach a trace.
 *
 * Built twice: as notify_tc_chat, and with NOTIFY_TC_LARK as notify_tc_lark, which
 * reads [lark] and TC_LARK_* and always speaks to Lark, as it always did. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "curl_lazy.h"
#include "deadline.h"
#include "i18n.h"
#include "http.h"
#include "ini.h"
#include "jsonx.h"
#include "chat.h"
#include "lark_logic.h"
#include "opts.h"
#include "retry.h"
#include "text.h"

enum { EXIT_SENT = 0, EXIT_FAILED = 1, EXIT_USAGE = 3 };

#ifdef NOTIFY_TC_LARK
#	define PROG    "notify_tc_lark"
#	define SECTION "lark"
#	define ENV     "TC_LARK_"
#else
#	define PROG    "notify_tc_chat"
#	define SECTION "chat"
#	define ENV     "TC_CHAT_"
#endif

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
	const char *state_dir;
	const char *language; /* --language */
	const struct chat_platform *platform;
	char webhook[2048];
	char secret[512];
	bool help;    /* --help: print the usage, exit 3 */
	bool version; /* --version: likewise */
};

static void usage(FILE *out) {
	fprintf(out, "%s (%s) %s\n", PROG, PACKAGE_NAME, PACKAGE_VERSION);
#ifdef NOTIFY_TC_LARK
	fputs(_("Delivers a monitoring notification to a team chat: a Lark group bot.\n\n"), out);
#else
	fputs(_("Delivers a monitoring notification to a team chat: a Lark, WeCom, DingTalk or "
		"Slack\ngroup bot, or a JSON webhook.\n\n"),
	      out);
#endif
	fprintf(
	    out,
	    _("Usage: %s [--config FILE] [--source nagios|icinga|zabbix] [--kind host|service]\n"
	      "         [--state S] [--host H] [--service S] [--output TEXT] [--type T] [--time "
	      "T]\n"
	      "         [--long-output TEXT] [--author A] [--comment C] [--text]\n"
	      "         [--quiet-hours HH:MM-HH:MM [--timezone ZONE] [--quiet-critical]\n"
	      "          [--state-dir DIR]]\n"
	      "         [-t SECONDS] [--cacert FILE] [--capath DIR] [--proxy URL]\n"
	      "         [--language zh-CN|en-US]\n\n"),
	    PROG);
#ifdef NOTIFY_TC_LARK
	fputs(
	    _("  --config FILE     ini with [lark] webhook=URL and secret=SECRET (mode 0600);\n"
	      "                    else TC_LARK_WEBHOOK and TC_LARK_SECRET from the environment\n"),
	    out);
#else
	fputs(_("  --config FILE     ini with [chat] (or [lark]) type=lark|wecom|dingtalk|slack|\n"
		"                    webhook (default lark), webhook=URL and, for Lark and\n"
		"                    DingTalk, secret=SECRET (mode 0600); else TC_CHAT_TYPE,\n"
		"                    TC_CHAT_WEBHOOK and TC_CHAT_SECRET from the environment\n"),
	      out);
#endif
	fputs(
	    _("  --source NAME     read state, host, service, output, long output, author,\n"
	      "                    comment and time from that system's environment macros\n"
	      "                    (NAGIOS_*, ICINGA_*); options win over them\n"
	      "  --long-output T   the plugin's long output (Nagios $LONGSERVICEOUTPUT$, its \\n\n"
	      "                    read as newlines); its first lines go into the card\n"
	      "  --author, --comment  who acknowledged (or sent a custom notification) and why\n"
	      "  --text            plain text instead of a card\n"
	      "  --quiet-hours W   hold back problems but CRITICAL/DOWN in window W, in "
	      "--timezone\n"
	      "                    (IANA name, default the machine's); --quiet-critical holds\n"
	      "                    back those too. Recoveries, acknowledgements and custom\n"
	      "                    notifications are always delivered\n"
	      "  --state-dir DIR   record held notifications there; the first notification\n"
	      "                    delivered after the window lists them (without it they are\n"
	      "                    dropped)\n"
	      "  --language=zh-CN|en-US  message language (else language= of --config, LANG)\n"
	      "  -vvv              trace the request, the bot's token and signature redacted\n"
	      "  -t SECONDS        give up delivering after this long (default 10)\n\n"
	      "Exit status: 0 delivered or held back in quiet hours, 1 delivery failed, 3 "
	      "usage.\n"),
	    out);
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
	FILL(long_output, "LONGSERVICEOUTPUT", "LONGHOSTOUTPUT");
	FILL(author, "NOTIFICATIONAUTHOR", "NOTIFICATIONAUTHOR");
	FILL(comment, "NOTIFICATIONCOMMENT", "NOTIFICATIONCOMMENT");
	if (!o->host_kind) {
		FILL(service, "SERVICEDESC", "SERVICEDESC");
	}
#undef FILL
}

/* The bot's section: [chat], or [lark] as notify_tc_lark writes it. */
static const char *ini_get(const struct tc_ini *ini, const char *key) {
	const char *v = tc_ini_get(ini, SECTION, key);
	return v || strcmp(SECTION, "lark") == 0 ? v : tc_ini_get(ini, "lark", key);
}

static int load_secrets(struct options *o, struct tc_error *err) {
	const char *url = NULL, *secret = NULL, *type = NULL;
	struct tc_ini ini = {0};
	if (o->config) {
		if (tc_ini_load(o->config, &ini, err) != 0) {
			return -1;
		}
		url = ini_get(&ini, "webhook");
		secret = ini_get(&ini, "secret");
		type = ini_get(&ini, "type");
		/* language= of the config, for the daemons that run us in the C locale;
		 * --language wins */
		const char *language = ini_get(&ini, "language");
		if (language && !tc_i18n_known(language)) {
			tc_error_set(err, TC_ERR_CONFIG,
				     _("invalid language= '%.20s' in %s: use zh-CN or en-US"),
				     language, o->config);
			tc_ini_free(&ini);
			return -1;
		}
		if (language && !o->language) {
			tc_i18n_language(language);
		}
	}
	if (!url) {
		url = getenv(ENV "WEBHOOK");
	}
	if (!secret) {
		secret = getenv(ENV "SECRET");
	}
#ifdef NOTIFY_TC_LARK
	type = "lark";
#else
	if (!type) {
		type = getenv(ENV "TYPE");
	}
#endif
	int rc = 0;
	o->platform = chat_platform(type && *type ? type : "lark");
	if (!o->platform) {
		rc = tc_error_set(
		    err, TC_ERR_CONFIG,
		    _("unknown type '%.40s': lark, wecom, dingtalk, slack or webhook"), type);
	} else if (!url || !*url) {
		rc = tc_error_set(
		    err, TC_ERR_CONFIG,
		    _("no webhook: set webhook= in the [%s] section of --config, or %s"), SECTION,
		    ENV "WEBHOOK");
	} else if (lark_check_webhook(url, err) != 0) {
		rc = -1;
	} else if (secret && *secret && !o->platform->signs) {
		rc = tc_error_set(
		    err, TC_ERR_CONFIG,
		    _("type=%s takes no secret (its webhook URL is the secret): remove "
		      "secret="),
		    o->platform->name);
	} else {
		snprintf(o->webhook, sizeof o->webhook, "%s", url);
		snprintf(o->secret, sizeof o->secret, "%s", secret ? secret : "");
	}
	tc_ini_free(&ini);
	return rc;
}

/* The notifier's options (the secrets only to refuse them where ps shows them). */
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
	O_SECRET,
	O_LONG_OUTPUT,
	O_AUTHOR,
	O_COMMENT,
	O_STATE_DIR,
	O_LANGUAGE
};
static const struct option options_table[] = {
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
    {"long-output", required_argument, NULL, O_LONG_OUTPUT},
    {"author", required_argument, NULL, O_AUTHOR},
    {"comment", required_argument, NULL, O_COMMENT},
    {"state-dir", required_argument, NULL, O_STATE_DIR},
    {"language", required_argument, NULL, O_LANGUAGE},
    {"timeout", required_argument, NULL, 't'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* One option; errors are values, turned into the usage status in main(). */
static int option(void *ctx, int key, int row, const char *arg, struct tc_error *err) {
	struct options *o = ctx;
	(void)row;
	switch (key) {
	case O_CONFIG:
		o->config = arg;
		return 0;
	case O_SOURCE:
		if (strcmp(arg, "nagios") && strcmp(arg, "icinga") && strcmp(arg, "zabbix") &&
		    strcmp(arg, "manual")) {
			return tc_error_set(
			    err, TC_ERR_USAGE,
			    _("invalid --source '%s': nagios, icinga, zabbix or manual"), arg);
		}
		o->source = arg;
		return 0;
	case O_KIND:
		if (strcmp(arg, "host") && strcmp(arg, "service")) {
			return tc_error_set(err, TC_ERR_USAGE, _("invalid --kind '%s'"), arg);
		}
		o->host_kind = strcmp(arg, "host") == 0;
		return 0;
	case O_STATE:
		o->event.state = arg;
		return 0;
	case O_HOST:
		o->event.host = arg;
		return 0;
	case O_SERVICE:
		o->event.service = arg;
		return 0;
	case O_OUTPUT:
		o->event.output = arg;
		return 0;
	case O_TYPE:
		o->event.type = arg;
		return 0;
	case O_TIME:
		o->event.when = arg;
		return 0;
	case O_LONG_OUTPUT:
		o->event.long_output = arg;
		return 0;
	case O_AUTHOR:
		o->event.author = arg;
		return 0;
	case O_COMMENT:
		o->event.comment = arg;
		return 0;
	case O_STATE_DIR:
		o->state_dir = arg;
		return 0;
	case O_LANGUAGE: /* taken by tc_i18n_init; checked here */
		if (!tc_i18n_known(arg)) {
			return tc_error_set(err, TC_ERR_USAGE,
					    _("invalid --language '%s': use zh-CN or en-US"), arg);
		}
		o->language = arg;
		return 0;
	case O_TEXT:
		o->text = true;
		return 0;
	case O_QUIET:
		if (lark_parse_window(arg, &o->quiet, err) != 0) {
			return -1;
		}
		o->quiet_set = true;
		return 0;
	case O_TZ: {
		char path[512];
		snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", arg);
		if (strstr(arg, "..") || access(path, R_OK) != 0) {
			return tc_error_set(err, TC_ERR_USAGE, _("unknown --timezone '%s'"), arg);
		}
		o->timezone = arg;
		return 0;
	}
	case O_QUIET_CRIT:
		o->quiet_critical = true;
		return 0;
	case O_CACERT:
		o->cacert = arg;
		return 0;
	case O_CAPATH:
		o->capath = arg;
		return 0;
	case O_PROXY:
		o->proxy = arg;
		return 0;
	case O_SECRET:
		return tc_error_set(err, TC_ERR_USAGE,
				    _("the webhook and its secret are not accepted on the command "
				      "line: use --config or %s/%s"),
				    ENV "WEBHOOK", ENV "SECRET");
	case 't':
		return tc_opts_int("--timeout", arg, 1, 300, &o->timeout, err);
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option %d", key);
}

static int parse(int argc, char **argv, struct options *o, struct tc_error *err) {
	struct tc_getopt g = {.shorts = "t:vhV",
			      .table = options_table,
			      .verbose = &o->verbose,
			      .help = &o->help,
			      .version = &o->version,
			      .handle = option,
			      .ctx = o};
	return tc_opts_getopt(&g, argc, argv, err);
}

/* -vvv: the request as sent, without the bot's token (the URL's last segment) or a
 * signature that would be valid for an hour. */
static void trace_request(const struct options *o, const char *body) {
	if (o->verbose < 3) {
		return;
	}
	char url[sizeof o->webhook];
	char *shown = lark_redact_body(body);
	lark_redact_url(o->webhook, url, sizeof url); /* the signed query goes too */
	fprintf(stderr, "> POST %s\n> %s\n", url, shown ? shown : "");
	free(shown);
}

/* The notifier's policy: 500 ms doubling plus up to a quarter more, or what the
 * platform asked (Retry-After) if longer, and 200 ms left for the attempt after it. */
static const struct tc_retry_policy chat_retry = {
    .base_ms = 500, .jitter_from = 100, .jitter_span = 25, .margin_ms = 200};

struct delivery {
	const struct options *o;
	struct tc_http *http;
	bool retry;       /* the last failure is one the platform calls transient */
	long retry_after; /* seconds the platform asked to wait, 0 when none */
};

/* One attempt, with a fresh timestamp and signature. */
static int deliver_once(void *ctx, struct tc_error *err) {
	struct delivery *dv = ctx;
	const struct options *o = dv->o;
	struct tc_http_header headers[] = {{"Content-Type", "application/json", false}};
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	int64_t now_ms = (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
	const char *secret = o->secret[0] ? o->secret : NULL;
	char *body = o->platform->body(&o->event, o->text, now_ms, secret);
	char url[sizeof o->webhook + 256];
	struct tc_http_response resp;
	int rc;
	dv->retry = false;
	dv->retry_after = 0;
	if (!body) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	trace_request(o, body);
	rc = o->platform->url(o->webhook, now_ms, secret, url, sizeof url, err);
	if (rc == 0) {
		rc = tc_http_request(dv->http, "POST", url, headers, 1, body, strlen(body), &resp,
				     err);
		memset(url, 0, sizeof url);
		if (rc == 0) {
			if (o->verbose >= 3) {
				fprintf(stderr, "< HTTP %ld, %zu bytes\n< %.*s\n", resp.status,
					resp.len, (int)(resp.len > 4096 ? 4096 : resp.len),
					resp.body);
			}
			rc = o->platform->answer(&resp, &dv->retry, err);
			dv->retry_after = resp.retry_after;
			tc_http_response_free(&resp);
		} else {
			dv->retry = err->kind == TC_ERR_NETWORK;
		}
	}
	free(body);
	return rc;
}

static bool deliver_transient(void *ctx, const struct tc_error *err, long *asked_ms) {
	const struct delivery *dv = ctx;
	(void)err;
	*asked_ms = dv->retry_after * 1000;
	return dv->retry;
}

static int deliver(const struct options *o, struct tc_error *err) {
	struct tc_deadline d;
	tc_deadline_start(&d, o->timeout);
	struct tc_http_opts ho = {.cacert = o->cacert,
				  .capath = o->capath,
				  .proxy = o->proxy,
				  .deadline = &d,
				  .max_body = 1024 * 1024}; /* traced here, redacted */
	struct delivery dv = {.o = o, .http = tc_http_new(&ho, err)};
	if (!dv.http) {
		return -1;
	}
	struct tc_retry_calls calls = {
	    .attempt = deliver_once, .transient = deliver_transient, .ctx = &dv};
	struct tc_retry_outcome out;
	int rc = tc_retry_run(&chat_retry, &d, &calls, &out, err);
	if (rc != 0 && out.end == TC_RETRY_ASKED_LATER) {
		tc_error_prefix(err, _("asked to wait %ld s, past the %d s deadline"),
				out.asked_ms / 1000, o->timeout);
	}
	if (rc != 0 && out.attempts > 1) {
		tc_error_prefix(err, _("after %d attempts"), out.attempts);
	}
	tc_http_free(dv.http);
	return rc;
}

/* The held-notification file of this bot in --state-dir: named by a hash of the
 * webhook, so two bots sharing the directory keep their own lists. */
static int held_path(const struct options *o, char *buf, size_t size) {
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	if (mkdir(o->state_dir, 0700) != 0 && errno != EEXIST) {
		return -1;
	}
	EVP_Digest(o->webhook, strlen(o->webhook), md, &len, EVP_sha256(), NULL);
	int n = snprintf(buf, size, "%s/%s-held-", o->state_dir, o->platform->name);
	for (unsigned int i = 0; i < 8 && n > 0 && (size_t)n + 3 < size; i++) {
		n += snprintf(buf + n, size - (size_t)n, "%02x", md[i]);
	}
	return n > 0 && (size_t)n + 16 < size ? 0 : -1;
}

/* Runs under the bot's lock file (notifications can run in parallel). */
static int locked(const char *path) {
	char lock[4200];
	snprintf(lock, sizeof lock, "%s.lock", path);
	int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int append(const char *path, const char *text) {
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		return -1;
	}
	size_t len = strlen(text);
	ssize_t n = write(fd, text, len);
	return close(fd) == 0 && n == (ssize_t)len ? 0 : -1;
}

/* Records a held notification; -1 when it cannot be recorded. */
static int hold(const struct options *o, int64_t now) {
	char path[4096], line[2048];
	int fd, rc = -1;
	if (held_path(o, path, sizeof path) != 0 || (fd = locked(path)) < 0) {
		return -1;
	}
	lark_held_line(&o->event, now, line, sizeof line);
	rc = append(path, line);
	close(fd);
	return rc;
}

/* Takes the held list (moved to `claim`, so a parallel notifier does not send it
 * too); NULL when there is none. */
static char *claim_held(const struct options *o, char *claim, size_t size) {
	char path[4096];
	int fd;
	claim[0] = '\0';
	if (held_path(o, path, sizeof path) != 0 || (fd = locked(path)) < 0) {
		return NULL;
	}
	snprintf(claim, size, "%s.%ld", path, (long)getpid());
	if (rename(path, claim) != 0) {
		claim[0] = '\0';
	}
	close(fd);
	char *text = NULL;
	size_t len = 0;
	FILE *f = claim[0] ? fopen(claim, "r") : NULL;
	if (f) {
		if (getdelim(&text, &len, '\0', f) < 0) {
			free(text);
			text = NULL;
		}
		fclose(f);
	}
	return text;
}

/* After delivery: the claimed list is done with, or goes back for the next one. */
static void settle_held(const struct options *o, const char *claim, const char *text,
			bool delivered) {
	char path[4096];
	int fd;
	if (!claim[0]) {
		return;
	}
	if (!delivered && text && held_path(o, path, sizeof path) == 0 &&
	    (fd = locked(path)) >= 0) {
		append(path, text);
		close(fd);
	}
	unlink(claim);
}

/* "STATE notification for host / service", from text cleaned for one line. */
static void describe(const struct lark_event *e, char *buf, size_t size) {
	char state[32], host[256], svc[256];
	bool service = e->service && *e->service;
	tc_text_copy(state, sizeof state, e->state, TC_TEXT_ONE_LINE);
	tc_text_copy(host, sizeof host, e->host, TC_TEXT_ONE_LINE);
	tc_text_copy(svc, sizeof svc, service ? e->service : "", TC_TEXT_ONE_LINE);
	/* TRANSLATORS: state, host, " / " and service (or nothing) */
	snprintf(buf, size, _("%s notification for %s%s%s"), state, host, service ? " / " : "",
		 svc);
}

/* Now, or TC_LARK_NOW (UNIX seconds) in the tests: a fake clock for quiet hours. */
static int clock_now(int64_t *now, struct tc_error *err) {
	const char *fake = getenv("TC_LARK_NOW");
	char *end = NULL;
	*now = (int64_t)time(NULL);
	if (fake && *fake) {
		long long v = strtoll(fake, &end, 10);
		if (*end || v <= 0) {
			return tc_error_set(err, TC_ERR_USAGE, _("invalid TC_LARK_NOW '%.40s'"),
					    fake);
		}
		*now = v;
	}
	return 0;
}

int main(int argc, char **argv) {
	struct options o = {.source = "manual", .timeout = 10};
	struct tc_error err;
	int64_t now = 0;
	char what[600], claim[4200] = "", note[128] = "";
	tc_i18n_init(argc, argv);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	int parsed = parse(argc, argv, &o, &err);
	if (o.help || o.version) {
		if (o.help) {
			usage(stdout);
		} else {
			printf(PROG " (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
		}
		return EXIT_USAGE;
	}
	if (parsed != 0 || load_secrets(&o, &err) != 0 || clock_now(&now, &err) != 0) {
		printf(PROG ": %s\n", err.message);
		return EXIT_USAGE;
	}
	from_environment(&o);
	o.event.source = o.source;
	if (!o.event.state || !o.event.host) {
		printf(PROG ": %s\n",
		       _("no state or host: give --state and --host, or --source with "
			 "its environment macros"));
		return EXIT_USAGE;
	}
	describe(&o.event, what, sizeof what);
	bool quiet = o.quiet_set && lark_in_window(&o.quiet, now, o.timezone);
	if (quiet && lark_quiet_holds(&o.event, o.quiet_critical)) {
		if (!o.state_dir || hold(&o, now) == 0) {
			printf(PROG ": ");
			printf(_("quiet hours: %s held back\n"), what);
			return EXIT_SENT;
		}
		/* better a message at night than one lost */
		snprintf(note, sizeof note, "%s",
			 _(" (quiet hours, but --state-dir could not record it)"));
	}
	char *held = !quiet && o.state_dir ? claim_held(&o, claim, sizeof claim) : NULL;
	char *held_text = lark_held_text(held, o.timezone);
	o.event.held = held_text;
	int rc = deliver(&o, &err);
	settle_held(&o, claim, held, rc == 0);
	free(held);
	free(held_text);
	memset(o.secret, 0, sizeof o.secret);
	tc_curl_unload();
	if (rc != 0) {
		printf(PROG ": ");
		printf(_("delivery failed: %s\n"), err.message);
		return EXIT_FAILED;
	}
	printf(PROG ": ");
	printf(_("delivered %s%s\n"), what, note);
	return EXIT_SENT;
}

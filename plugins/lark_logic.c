/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lark_logic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "http.h"
#include "i18n.h"
#include "result.h"

void lark_hmac_b64(const char *key, size_t key_len, const char *msg, size_t msg_len, char *out,
		   size_t size) {
	unsigned char mac[32];
	unsigned int len = 0;
	unsigned char b64[64];
	HMAC(EVP_sha256(), key, (int)key_len, (const unsigned char *)msg, msg_len, mac, &len);
	EVP_EncodeBlock(b64, mac, (int)len);
	snprintf(out, size, "%s", (const char *)b64);
	memset(mac, 0, sizeof mac);
}

void lark_sign(int64_t timestamp, const char *secret, char *out, size_t size) {
	char key[1200];
	int n = snprintf(key, sizeof key, "%lld\n%s", (long long)timestamp, secret);
	lark_hmac_b64(key, n > 0 && (size_t)n < sizeof key ? (size_t)n : strlen(key), "", 0, out,
		      size);
	memset(key, 0, sizeof key);
}

static const char *state_word(const char *state) {
	static const char *const numeric[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
	if (state && state[0] >= '0' && state[0] <= '3' && state[1] == '\0') {
		return numeric[state[0] - '0'];
	}
	return state && *state ? state : "UNKNOWN";
}

bool lark_is_critical(const char *state) {
	const char *s = state_word(state);
	return strcasecmp(s, "CRITICAL") == 0 || strcasecmp(s, "DOWN") == 0 ||
	       strcasecmp(s, "DISASTER") == 0 || strcasecmp(s, "HIGH") == 0;
}

const char *lark_colour(const char *state) {
	const char *s = state_word(state);
	if (lark_is_critical(s)) {
		return "red";
	}
	if (strcasecmp(s, "WARNING") == 0 || strcasecmp(s, "AVERAGE") == 0) {
		return "orange";
	}
	if (strcasecmp(s, "OK") == 0 || strcasecmp(s, "UP") == 0 ||
	    strcasecmp(s, "RESOLVED") == 0) {
		return "green";
	}
	if (strcasecmp(s, "UNREACHABLE") == 0) {
		return "purple";
	}
	return "grey";
}

/* Notification types other than problems and recoveries: their title word and colour.
 * The word is a machine field too (the JSON webhook's "word"): the title shows it
 * translated, the state names (OK, CRITICAL, ...) never are. */
static const struct kind {
	const char *type;
	const char *word;
	const char *colour;
} kinds[] = {
    {"ACKNOWLEDGEMENT", N_("ACKNOWLEDGED"), "blue"},
    {"FLAPPINGSTART", N_("FLAPPING"), "yellow"},
    {"FLAPPINGSTOP", N_("FLAPPING STOPPED"), "turquoise"},
    {"FLAPPINGEND", N_("FLAPPING STOPPED"), "turquoise"}, /* Icinga 2 */
    {"FLAPPINGDISABLED", N_("FLAPPING DISABLED"), "turquoise"},
    {"DOWNTIMESTART", N_("DOWNTIME STARTED"), "indigo"},
    {"DOWNTIMEEND", N_("DOWNTIME ENDED"), "indigo"},
    {"DOWNTIMECANCELLED", N_("DOWNTIME CANCELLED"), "indigo"},
    {"DOWNTIMEREMOVED", N_("DOWNTIME CANCELLED"), "indigo"}, /* Icinga 2 */
    {"CUSTOM", N_("CUSTOM"), "violet"},
};

static const struct kind *kind_of(const char *type) {
	for (size_t i = 0; type && i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcasecmp(type, kinds[i].type) == 0) {
			return &kinds[i];
		}
	}
	return NULL;
}

void lark_look(const struct lark_event *e, const char **word, const char **colour) {
	const struct kind *k = kind_of(e->type);
	*word = k ? k->word : state_word(e->state);
	*colour = k ? k->colour : lark_colour(e->state);
}

static bool is_type(const struct lark_event *e, const char *type) {
	return e->type && strcasecmp(e->type, type) == 0;
}

static bool is_up(const char *state) {
	const char *s = state_word(state);
	return strcasecmp(s, "OK") == 0 || strcasecmp(s, "UP") == 0;
}

/* malloc'd clean copy of at most `max` bytes of `s` (see tc_text_copy) */
static char *clean(const char *s, size_t max, unsigned flags) {
	char *out = malloc(max + 1);
	if (out) {
		tc_text_copy(out, max + 1, s ? s : "", flags);
	}
	return out;
}

/* Nagios escapes the newlines of $LONGSERVICEOUTPUT$ as "\n" (and '\' as "\\"). */
static void unescape_nagios(const char *s, char *out) {
	for (; *s; s++) {
		if (s[0] == '\\' && (s[1] == 'n' || s[1] == '\\')) {
			*out++ = s[1] == 'n' ? '\n' : '\\';
			s++;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

#define SUMMARY_MAX   1024
#define DETAILS_MAX   8192 /* the long output, before the body's own limit */
#define DETAILS_LINES 50
#define PERSON_MAX    1024
#define HELD_MAX      3072

/* The lines after the output's first and the long output: at most `max` bytes and
 * DETAILS_LINES lines, cut on a character boundary. NULL when there are none. */
static char *details(const struct lark_event *e, size_t max) {
	const char *nl = e->output ? strchr(e->output, '\n') : NULL;
	const char *rest = nl ? nl + 1 : "";
	const char *more = e->long_output ? e->long_output : "";
	char *raw = malloc(strlen(rest) + strlen(more) + 2);
	if (!raw) {
		return NULL;
	}
	strcpy(raw, rest);
	if (*rest && *more) {
		strcat(raw, "\n");
	}
	unescape_nagios(more, raw + strlen(raw));
	char *out = max > 0 ? clean(raw, max, TC_TEXT_KEEP_NEWLINES) : NULL;
	free(raw);
	if (!out) {
		return NULL;
	}
	char *p = out;
	for (int lines = 1; (p = strchr(p, '\n')) != NULL; p++) {
		if (++lines > DETAILS_LINES) {
			strcpy(p, "\n..."); /* fits: a line is cut off */
			break;
		}
	}
	size_t n = strlen(out);
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' ')) {
		out[--n] = '\0';
	}
	if (!*out) {
		free(out);
		return NULL;
	}
	return out;
}

/* "CRITICAL acknowledged by alice: comment", "Comment by bob: text", or NULL. */
static char *who(const struct lark_event *e) {
	char *author = clean(e->author, PERSON_MAX / 4, TC_TEXT_ONE_LINE);
	char *comment = clean(e->comment, PERSON_MAX, TC_TEXT_ONE_LINE);
	char *out = NULL;
	if (!author || !comment) {
		/* out of memory: no line */
	} else if (is_type(e, "ACKNOWLEDGEMENT")) {
		const char *state = state_word(e->state);
		int n = *author && *comment
			    ? asprintf(&out, _("%s acknowledged by %s: %s"), state, author, comment)
			: *author  ? asprintf(&out, _("%s acknowledged by %s"), state, author)
			: *comment ? asprintf(&out, _("%s acknowledged: %s"), state, comment)
				   : asprintf(&out, _("%s acknowledged"), state);
		if (n < 0) {
			out = NULL;
		}
	} else if (*author || *comment) {
		int n = *author ? asprintf(&out, _("Comment by %s: %s"), author, comment)
				: asprintf(&out, _("Comment: %s"), comment);
		if (n < 0) {
			out = NULL;
		}
	}
	free(author);
	free(comment);
	return out;
}

char *lark_defang(const char *s, bool brackets) {
	char *out = malloc(3 * strlen(s) + 1), *o = out;
	if (!out) {
		return NULL;
	}
	for (; *s; s++) {
		const char *wide = *s == '<'               ? "\xef\xbc\x9c"
				   : *s == '>'             ? "\xef\xbc\x9e"
				   : brackets && *s == '[' ? "\xef\xbc\xbb"
				   : brackets && *s == ']' ? "\xef\xbc\xbd"
							   : NULL;
		if (wide) {
			memcpy(o, wide, 3);
			o += 3;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

static struct json_object *plain(const char *text) {
	struct json_object *t = json_object_new_object();
	json_object_object_add(t, "tag", json_object_new_string("plain_text"));
	json_object_object_add(t, "content", json_object_new_string(text));
	return t;
}

static void add_div(struct json_object *elements, const char *text) {
	if (text && *text) {
		struct json_object *div = json_object_new_object();
		json_object_object_add(div, "tag", json_object_new_string("div"));
		json_object_object_add(div, "text", plain(text));
		json_object_array_add(elements, div);
	}
}

static void add_line(char *buf, size_t size, const char *text) {
	if (text && *text) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s", n ? "\n" : "", text);
	}
}

void lark_parts(const struct lark_event *e, size_t details_max, struct lark_parts *p) {
	bool service = e->service && *e->service;
	char host[256], svc[256], type[64], when[256];
	memset(p, 0, sizeof *p);
	lark_look(e, &p->word, &p->colour);
	tc_text_copy(host, sizeof host, e->host && *e->host ? e->host : "?", TC_TEXT_ONE_LINE);
	tc_text_copy(svc, sizeof svc, service ? e->service : "", TC_TEXT_ONE_LINE);
	tc_text_copy(type, sizeof type, e->type ? e->type : "", TC_TEXT_ONE_LINE);
	tc_text_copy(when, sizeof when, e->when ? e->when : "", TC_TEXT_ONE_LINE);
	/* a kind's word is translated, a state's is not (it has no msgid) */
	snprintf(p->title, sizeof p->title, "[%s] %s%s%s", kind_of(e->type) ? _(p->word) : p->word,
		 host, service ? " / " : "", svc);
	if (*type && *when) {
		snprintf(p->note, sizeof p->note, _("Type: %s  Time: %s"), type, when);
	} else if (*type) {
		snprintf(p->note, sizeof p->note, _("Type: %s"), type);
	} else if (*when) {
		snprintf(p->note, sizeof p->note, _("Time: %s"), when);
	}
	if (e->output) {
		size_t n = strcspn(e->output, "\n");
		char *first = strndup(e->output, n);
		p->summary = first ? clean(first, SUMMARY_MAX, TC_TEXT_ONE_LINE) : NULL;
		free(first);
		if (p->summary && !*p->summary) {
			free(p->summary);
			p->summary = NULL;
		}
	}
	p->details = details(e, details_max);
	p->person = who(e);
	p->held = e->held ? clean(e->held, HELD_MAX, TC_TEXT_KEEP_NEWLINES) : NULL;
}

void lark_parts_free(struct lark_parts *p) {
	free(p->summary);
	free(p->details);
	free(p->person);
	free(p->held);
	memset(p, 0, sizeof *p);
}

char *lark_parts_text(const struct lark_parts *p) {
	const char *const parts[] = {p->title, p->summary, p->details, p->person, p->held, p->note};
	size_t size = 16;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		size += parts[i] ? strlen(parts[i]) + 1 : 0;
	}
	char *all = calloc(1, size);
	for (size_t i = 0; all && i < sizeof parts / sizeof parts[0]; i++) {
		add_line(all, size, parts[i]);
	}
	return all;
}

char *lark_fit(const struct lark_event *e, lark_build_fn build, const void *ctx) {
	/* the long output gives way first: halved until the body fits */
	for (size_t max = DETAILS_MAX;; max /= 2) {
		bool fits = true;
		char *body = build(e, max, ctx, &fits);
		if (!body || fits || max == 0) {
			return body;
		}
		free(body);
	}
}

struct lark_ctx {
	bool text;
	int64_t timestamp;
	const char *secret;
};

static char *body_with(const struct lark_event *e, size_t details_max, const void *ctx,
		       bool *fits) {
	const struct lark_ctx *c = ctx;
	struct lark_parts p;
	lark_parts(e, details_max, &p);
	struct json_object *o = json_object_new_object();
	if (c->secret) {
		char ts[24], sign[64];
		snprintf(ts, sizeof ts, "%lld", (long long)c->timestamp);
		lark_sign(c->timestamp, c->secret, sign, sizeof sign);
		json_object_object_add(o, "timestamp", json_object_new_string(ts));
		json_object_object_add(o, "sign", json_object_new_string(sign));
	}
	if (c->text) {
		char *all = lark_parts_text(&p);
		char *safe = all ? lark_defang(all, false) : NULL;
		struct json_object *content = json_object_new_object();
		json_object_object_add(content, "text", json_object_new_string(safe ? safe : ""));
		json_object_object_add(o, "msg_type", json_object_new_string("text"));
		json_object_object_add(o, "content", content);
		free(all);
		free(safe);
	} else {
		struct json_object *card = json_object_new_object(),
				   *header = json_object_new_object();
		struct json_object *elements = json_object_new_array();
		json_object_object_add(header, "title", plain(p.title));
		json_object_object_add(header, "template", json_object_new_string(p.colour));
		add_div(elements, p.summary);
		add_div(elements, p.details);
		add_div(elements, p.person);
		add_div(elements, p.held);
		if (*p.note) {
			struct json_object *n = json_object_new_object(),
					   *list = json_object_new_array();
			json_object_array_add(list, plain(p.note));
			json_object_object_add(n, "tag", json_object_new_string("note"));
			json_object_object_add(n, "elements", list);
			json_object_array_add(elements, n);
		}
		json_object_object_add(card, "header", header);
		json_object_object_add(card, "elements", elements);
		json_object_object_add(o, "msg_type", json_object_new_string("interactive"));
		json_object_object_add(o, "card", card);
	}
	lark_parts_free(&p);
	char *body = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
								  JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	*fits = body && strlen(body) <= LARK_BODY_MAX;
	return body;
}

char *lark_body(const struct lark_event *e, bool text, int64_t timestamp, const char *secret) {
	struct lark_ctx c = {text, timestamp, secret};
	return lark_fit(e, body_with, &c);
}

int lark_check_webhook(const char *url, struct tc_error *err) {
	char host[256];
	bool https = strncmp(url, "https://", 8) == 0, http = strncmp(url, "http://", 7) == 0;
	if ((https || http) && tc_url_host(url, host, sizeof host) == 0) {
		/* the host without its port; [::1] keeps its brackets */
		char *end = host[0] == '[' ? strchr(host, ']') : strchr(host, ':');
		if (end) {
			end[host[0] == '[' ? 1 : 0] = '\0';
		}
		if (https || strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0 ||
		    strcasecmp(host, "localhost") == 0) {
			return 0;
		}
	}
	return tc_error_set(
	    err, TC_ERR_CONFIG,
	    _("the webhook must be an https:// URL (http:// only to 127.0.0.1, [::1] "
	      "or localhost)"));
}

void lark_redact_url(const char *url, char *buf, size_t size) {
	const char *p = strstr(url, "://");
	const char *path = p ? strchr(p + 3, '/') : NULL;
	size_t keep;
	if (!p) {
		snprintf(buf, size, "(redacted)");
		return;
	}
	if (!path) {
		keep = strcspn(url, "?#");
		snprintf(buf, size, "%.*s/(redacted)", (int)keep, url);
		return;
	}
	size_t end = (size_t)(path - url) + strcspn(path, "?#");
	keep = end;
	while (keep > 0 && url[keep - 1] != '/') {
		keep--;
	}
	snprintf(buf, size, "%.*s(redacted)", (int)keep, url);
}

char *lark_redact_body(const char *body) {
	struct json_object *o = json_tokener_parse(body);
	if (!o || !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return strdup("(a body that is not a JSON object)");
	}
	if (json_object_object_get_ex(o, "sign", NULL)) {
		json_object_object_add(o, "sign", json_object_new_string("(redacted)"));
	}
	char *out = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
								 JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return out;
}

static int minutes(const char *s, size_t len) {
	int h, m;
	char extra;
	char buf[8];
	if (len != 5) {
		return -1;
	}
	memcpy(buf, s, 5);
	buf[5] = '\0';
	if (sscanf(buf, "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 24 || m < 0 || m > 59 ||
	    (h == 24 && m != 0)) {
		return -1;
	}
	return h * 60 + m;
}

int lark_parse_window(const char *text, struct lark_window *w, struct tc_error *err) {
	const char *dash = strchr(text, '-');
	if (!dash || (w->start = minutes(text, (size_t)(dash - text))) < 0 ||
	    (w->end = minutes(dash + 1, strlen(dash + 1))) < 0 || w->start == w->end) {
		return tc_error_set(
		    err, TC_ERR_USAGE,
		    _("invalid --quiet-hours '%s': use HH:MM-HH:MM, e.g. 22:00-08:00"), text);
	}
	return 0;
}

/* The local time of `now` in zone `tz` (NULL: the machine's); TZ is put back. */
static void local_time(int64_t now, const char *tz, struct tm *tm) {
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	time_t t = (time_t)now;
	if (tz) {
		setenv("TZ", tz, 1);
	}
	tzset();
	localtime_r(&t, tm);
	if (tz) {
		if (old) {
			setenv("TZ", old, 1);
		} else {
			unsetenv("TZ");
		}
		tzset();
	}
	free(old);
}

bool lark_in_window(const struct lark_window *w, int64_t now, const char *tz) {
	struct tm tm;
	local_time(now, tz, &tm);
	int m = tm.tm_hour * 60 + tm.tm_min;
	if (w->start < w->end) {
		return m >= w->start && m < w->end;
	}
	return m >= w->start || m < w->end; /* across midnight */
}

bool lark_quiet_holds(const struct lark_event *e, bool quiet_critical) {
	/* RESOLVED: Zabbix' {EVENT.STATUS} of a recovery */
	if (is_type(e, "RECOVERY") || is_type(e, "RESOLVED") || is_type(e, "ACKNOWLEDGEMENT") ||
	    is_type(e, "CUSTOM")) {
		return false;
	}
	if (!e->type || !*e->type || is_type(e, "PROBLEM")) {
		if (is_up(e->state)) {
			return false; /* a recovery the system did not name */
		}
		return !lark_is_critical(e->state) || quiet_critical;
	}
	return true; /* flapping and downtime can wait */
}

#define HELD_SUMMARY 200 /* bytes of each held notification's output */
#define HELD_LISTED  20

void lark_held_line(const struct lark_event *e, int64_t now, char *buf, size_t size) {
	char state[32], host[256], svc[256], summary[HELD_SUMMARY];
	bool service = e->service && *e->service;
	char *first =
	    strndup(e->output ? e->output : "", strcspn(e->output ? e->output : "", "\n"));
	tc_text_copy(state, sizeof state, state_word(e->state), TC_TEXT_ONE_LINE);
	tc_text_copy(host, sizeof host, e->host ? e->host : "?", TC_TEXT_ONE_LINE);
	tc_text_copy(svc, sizeof svc, service ? e->service : "", TC_TEXT_ONE_LINE);
	tc_text_copy(summary, sizeof summary, first ? first : "", TC_TEXT_ONE_LINE);
	free(first);
	snprintf(buf, size, "%lld\t%s\t%s%s%s\t%s\n", (long long)now, state, host,
		 service ? " / " : "", svc, summary);
}

char *lark_held_text(const char *lines, const char *tz) {
	size_t count = 0, size = 128;
	for (const char *p = lines; p && *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != 0)) {
		count++;
	}
	if (count == 0) {
		return NULL;
	}
	size += (HELD_SUMMARY + 600) * (count < HELD_LISTED ? count : HELD_LISTED);
	char *out = malloc(size);
	if (!out) {
		return NULL;
	}
	size_t n =
	    (size_t)snprintf(out, size,
			     ngettext("%zu notification was held during quiet hours:",
				      "%zu notifications were held during quiet hours:", count),
			     count);
	size_t listed = 0;
	for (const char *p = lines; *p && listed < HELD_LISTED; listed++) {
		size_t len = strcspn(p, "\n");
		char line[HELD_SUMMARY + 600];
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		p += len + (p[len] != '\0');
		char *state = strchr(line, '\t'), *what = state ? strchr(state + 1, '\t') : NULL;
		char *summary = what ? strchr(what + 1, '\t') : NULL;
		if (!summary) {
			continue; /* not a line we wrote */
		}
		*state++ = *what++ = *summary++ = '\0';
		if (n >= size) {
			break;
		}
		struct tm tm;
		local_time(strtoll(line, NULL, 10), tz, &tm);
		n += (size_t)snprintf(out + n, size - n, "\n%02d:%02d %s %s%s%s", tm.tm_hour,
				      tm.tm_min, state, what, *summary ? ": " : "", summary);
	}
	if (count > listed) {
		snprintf(out + n, size - n, _("\n... and %zu more"), count - listed);
	}
	return out;
}

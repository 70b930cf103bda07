#include "lark_logic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#define OUTPUT_MAX 4000 /* Lark takes bodies up to 20 KB */

void lark_sign(int64_t timestamp, const char *secret, char *out, size_t size) {
	char key[1200];
	unsigned char mac[32];
	unsigned int len = 0;
	unsigned char b64[64];
	int n = snprintf(key, sizeof key, "%lld\n%s", (long long)timestamp, secret);
	HMAC(EVP_sha256(), key, n, (const unsigned char *)"", 0, mac, &len);
	EVP_EncodeBlock(b64, mac, (int)len);
	snprintf(out, size, "%s", (const char *)b64);
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

static char *cut(const char *s) {
	size_t n = strlen(s ? s : "");
	if (n <= OUTPUT_MAX) {
		return strdup(s ? s : "");
	}
	/* do not cut a UTF-8 sequence in half */
	n = OUTPUT_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80) {
		n--;
	}
	char *out = malloc(n + 4);
	memcpy(out, s, n);
	memcpy(out + n, "...", 4);
	return out;
}

char *lark_body(const struct lark_event *e, bool text, int64_t timestamp, const char *secret) {
	char title[512], details[OUTPUT_MAX + 512];
	const char *state = state_word(e->state);
	bool service = e->service && *e->service;
	char *output = cut(e->output);
	snprintf(title, sizeof title, "[%s] %s%s%s", state, e->host ? e->host : "?",
		 service ? " / " : "", service ? e->service : "");
	snprintf(details, sizeof details, "%s\n%s%s%s%s", output,
		 e->type && *e->type ? "**Type:** " : "", e->type ? e->type : "",
		 e->when && *e->when ? "  **Time:** " : "", e->when ? e->when : "");
	free(output);

	struct json_object *o = json_object_new_object();
	if (secret) {
		char ts[24], sign[64];
		snprintf(ts, sizeof ts, "%lld", (long long)timestamp);
		lark_sign(timestamp, secret, sign, sizeof sign);
		json_object_object_add(o, "timestamp", json_object_new_string(ts));
		json_object_object_add(o, "sign", json_object_new_string(sign));
	}
	if (text) {
		char line[sizeof title + sizeof details + 2];
		struct json_object *content = json_object_new_object();
		snprintf(line, sizeof line, "%s\n%s", title, details);
		json_object_object_add(content, "text", json_object_new_string(line));
		json_object_object_add(o, "msg_type", json_object_new_string("text"));
		json_object_object_add(o, "content", content);
	} else {
		struct json_object *card = json_object_new_object(),
				   *header = json_object_new_object();
		struct json_object *t = json_object_new_object(),
				   *elements = json_object_new_array();
		struct json_object *div = json_object_new_object(), *md = json_object_new_object();
		json_object_object_add(t, "tag", json_object_new_string("plain_text"));
		json_object_object_add(t, "content", json_object_new_string(title));
		json_object_object_add(header, "title", t);
		json_object_object_add(header, "template",
				       json_object_new_string(lark_colour(state)));
		json_object_object_add(md, "tag", json_object_new_string("lark_md"));
		json_object_object_add(md, "content", json_object_new_string(details));
		json_object_object_add(div, "tag", json_object_new_string("div"));
		json_object_object_add(div, "text", md);
		json_object_array_add(elements, div);
		json_object_object_add(card, "header", header);
		json_object_object_add(card, "elements", elements);
		json_object_object_add(o, "msg_type", json_object_new_string("interactive"));
		json_object_object_add(o, "card", card);
	}
	char *body = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
								  JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return body;
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
		return tc_error_set(err, TC_ERR_USAGE,
				    "invalid --quiet-hours '%s': use HH:MM-HH:MM, e.g. 22:00-08:00",
				    text);
	}
	return 0;
}

bool lark_in_window(const struct lark_window *w, int64_t now, const char *tz) {
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	struct tm tm;
	time_t t = (time_t)now;
	if (tz) {
		setenv("TZ", tz, 1);
	}
	tzset();
	localtime_r(&t, &tm);
	if (tz) {
		if (old) {
			setenv("TZ", old, 1);
		} else {
			unsetenv("TZ");
		}
		tzset();
	}
	free(old);
	int m = tm.tm_hour * 60 + tm.tm_min;
	if (w->start < w->end) {
		return m >= w->start && m < w->end;
	}
	return m >= w->start || m < w->end; /* across midnight */
}

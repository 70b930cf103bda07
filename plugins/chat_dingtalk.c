/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DingTalk custom robots: markdown (or text) with "at" naming nobody, signed in the
 * query (timestamp in milliseconds and sign) when the robot has a secret. Mentions
 * happen only through the at field, but the markdown renders [text](url) links and
 * some HTML: the monitoring system's '<', '>', '[' and ']' are shown as full-width
 * forms. Answers: {"errcode":0,"errmsg":"ok"}; 130101 and 410100 are the rate limit
 * (20 messages a minute), -1 "system busy". */
#include "chat_dingtalk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "i18n.h"

void dingtalk_sign(int64_t timestamp_ms, const char *secret, char *out, size_t size) {
	char msg[1200], b64[64];
	int n = snprintf(msg, sizeof msg, "%lld\n%s", (long long)timestamp_ms, secret);
	lark_hmac_b64(secret, strlen(secret), msg,
		      n > 0 && (size_t)n < sizeof msg ? (size_t)n : strlen(msg), b64, sizeof b64);
	memset(msg, 0, sizeof msg);
	size_t o = 0;
	for (const char *p = b64; *p && o + 4 < size; p++) {
		if (*p == '+' || *p == '/' || *p == '=') {
			o += (size_t)snprintf(out + o, size - o, "%%%02X", (unsigned char)*p);
		} else {
			out[o++] = *p;
		}
	}
	if (size > 0) {
		out[o < size ? o : size - 1] = '\0';
	}
}

int dingtalk_url(const char *webhook, int64_t now_ms, const char *secret, char *out, size_t size,
		 struct tc_error *err) {
	if (!secret || !*secret) {
		return chat_plain_url(webhook, now_ms, secret, out, size, err);
	}
	char sign[128];
	dingtalk_sign(now_ms, secret, sign, sizeof sign);
	if ((size_t)snprintf(out, size, "%s%ctimestamp=%lld&sign=%s", webhook,
			     strchr(webhook, '?') ? '&' : '?', (long long)now_ms, sign) >= size) {
		return tc_error_set(err, TC_ERR_CONFIG, _("the webhook URL is too long"));
	}
	return 0;
}

/* DingTalk's markdown colours are HTML colours. */
static const char *html_colour(const char *colour) {
	static const struct {
		const char *name, *html;
	} map[] = {{"red", "#D93026"},    {"orange", "#E8710A"},    {"green", "#188038"},
		   {"blue", "#1A73E8"},   {"yellow", "#B08000"},    {"purple", "#8430CE"},
		   {"indigo", "#3F51B5"}, {"turquoise", "#009688"}, {"violet", "#A142F4"}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (strcmp(colour, map[i].name) == 0) {
			return map[i].html;
		}
	}
	return "#5F6368";
}

char *dingtalk_markdown(const struct lark_parts *p) {
	size_t size;
	char *out = chat_md_buffer(p, &size), open[64];
	if (!out) {
		return NULL;
	}
	static const struct chat_md_markup markup = {
	    .title_end = "</font>\n\n",
	    .summary_end = "\n\n",
	    .person_open = "\n",
	    .person_end = "\n\n",
	    .note_open = "\n###### ",
	    .note_end = "\n",
	};
	snprintf(open, sizeof open, "### <font color=\"%s\">", html_colour(p->colour));
	chat_md_card(out, size, p, open, &markup);
	return out;
}

/* `ctx` points to the bool `text` */
static char *build(const struct lark_event *e, size_t details_max, const void *ctx, bool *fits) {
	bool text = *(const bool *)ctx;
	struct lark_parts p;
	lark_parts(e, details_max, &p);
	char *content = text ? lark_parts_text(&p) : dingtalk_markdown(&p);
	char *title = lark_defang(p.title, true);
	lark_parts_free(&p);
	if (!content || !title) {
		free(content);
		free(title);
		return NULL;
	}
	if (details_max == 0 && strlen(content) > DINGTALK_BODY_MAX - 2048 &&
	    !(content = chat_cut(content, DINGTALK_BODY_MAX - 2048))) {
		free(title);
		return NULL;
	}
	struct json_object *m = json_object_new_object(), *at = json_object_new_object();
	if (text) {
		json_object_object_add(m, "content", json_object_new_string(content));
	} else {
		json_object_object_add(m, "title", json_object_new_string(title));
		json_object_object_add(m, "text", json_object_new_string(content));
	}
	json_object_object_add(at, "isAtAll", json_object_new_boolean(0));
	struct json_object *o = chat_msgtype(text ? "text" : "markdown", m);
	json_object_object_add(o, "at", at);
	free(content);
	free(title);
	char *body = chat_json_text(o);
	*fits = body && strlen(body) <= DINGTALK_BODY_MAX;
	return body;
}

static char *dingtalk_body(const struct lark_event *e, bool text, int64_t now_ms,
			   const char *secret) {
	(void)now_ms;
	(void)secret;
	return lark_fit(e, build, &text);
}

/* 130101: "send too fast, exceed 20 times per minute"; 410100: the same limit as the
 * custom robot's error table names it ("sent too fast, rate limited"); -1: "system
 * busy", which DingTalk's global codes say to retry. */
static const long dingtalk_transient[] = {130101, 410100, -1, 0};

int dingtalk_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err) {
	return chat_json_answer(r, N_("DingTalk"), "errcode", NULL, "errmsg", dingtalk_transient,
				retry, err);
}

const struct chat_platform chat_dingtalk = {
    .name = "dingtalk",
    .label = "DingTalk",
    .signs = true,
    .body = dingtalk_body,
    .url = dingtalk_url,
    .answer = dingtalk_answer,
};

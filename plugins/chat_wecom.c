/* SPDX-License-Identifier: GPL-3.0-or-later */
/* WeCom (企业微信) group robots: markdown (or text), no signature (the key in the
 * URL is the secret). The markdown of WeCom renders <@userid> mentions, <font> tags
 * and [text](url) links, and documents no escape: the monitoring system's text has
 * its '<', '>', '[' and ']' shown as full-width forms. The content is at most 4096
 * bytes (text 2048). Answers: {"errcode":0,"errmsg":"ok"}; 45009 is the rate limit. */
#include "chat_wecom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "i18n.h"

/* WeCom's three font colours: info green, warning orange-red, comment grey. */
static const char *font(const char *colour) {
	if (strcmp(colour, "red") == 0 || strcmp(colour, "orange") == 0 ||
	    strcmp(colour, "yellow") == 0) {
		return "warning";
	}
	return strcmp(colour, "green") == 0 ? "info" : "comment";
}

char *wecom_content(const struct lark_parts *p, bool text) {
	size_t size = 3 * (sizeof p->title + sizeof p->note) + 512;
	const char *const parts[] = {p->summary, p->details, p->person, p->held};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		size += parts[i] ? 3 * strlen(parts[i]) + 256 : 0;
	}
	char *out = calloc(1, size);
	if (!out) {
		return NULL;
	}
	if (text) {
		char *all = lark_parts_text(p);
		chat_md_add(out, size, "", all, "");
		free(all);
		return out;
	}
	char open[64];
	snprintf(open, sizeof open, "**<font color=\"%s\">", font(p->colour));
	chat_md_add(out, size, open, p->title, "</font>**\n");
	chat_md_add(out, size, "", p->summary, "\n");
	chat_md_quote(out, size, p->details);
	chat_md_add(out, size, "", p->person, "\n");
	chat_md_quote(out, size, p->held);
	chat_md_add(out, size, "<font color=\"comment\">", p->note, "</font>\n");
	size_t n = strlen(out);
	while (n > 0 && out[n - 1] == '\n') {
		out[--n] = '\0';
	}
	return out;
}

struct ctx {
	bool text;
};

static char *build(const struct lark_event *e, size_t details_max, const void *ctx, bool *fits) {
	const struct ctx *c = ctx;
	struct lark_parts p;
	lark_parts(e, details_max, &p);
	char *content = wecom_content(&p, c->text);
	lark_parts_free(&p);
	if (!content) {
		return NULL;
	}
	size_t max = c->text ? WECOM_TEXT_MAX : WECOM_MARKDOWN_MAX;
	*fits = strlen(content) <= max;
	if (!*fits && details_max == 0 && !(content = chat_cut(content, max))) {
		return NULL;
	}
	struct json_object *o = json_object_new_object(), *m = json_object_new_object();
	const char *type = c->text ? "text" : "markdown";
	json_object_object_add(m, "content", json_object_new_string(content));
	json_object_object_add(o, "msgtype", json_object_new_string(type));
	json_object_object_add(o, type, m);
	free(content);
	return chat_json_text(o);
}

static char *wecom_body(const struct lark_event *e, bool text, int64_t now_ms, const char *secret) {
	(void)now_ms;
	(void)secret;
	struct ctx c = {text};
	return lark_fit(e, build, &c);
}

/* 45009: "api freq out of limit", 20 messages a minute per robot. */
static const long wecom_transient[] = {45009, 0};

int wecom_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err) {
	return chat_json_answer(r, N_("WeCom"), "errcode", NULL, "errmsg", wecom_transient, retry,
				err);
}

const struct chat_platform chat_wecom = {
    .name = "wecom",
    .label = "WeCom",
    .signs = false,
    .body = wecom_body,
    .url = chat_plain_url,
    .answer = wecom_answer,
};

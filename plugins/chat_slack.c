/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Slack incoming webhooks: Block Kit (a mrkdwn section for the title and summary, a
 * code block for the details, the rest, a context line) with a "text" fallback for
 * notifications; or the text alone. Every text from the monitoring system is escaped
 * (&, <, >), so it cannot mention a channel or make a link. No signature: the URL is
 * the secret. Answers: HTTP 200 "ok"; 429 with Retry-After is the rate limit; other
 * errors are plain text (invalid_payload, channel_not_found, ...). */
#include "chat_slack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "i18n.h"
#include "result.h"

char *slack_escape(const char *text, size_t max_chars) {
	char *out = malloc(5 * strlen(text) + 1);
	size_t n = 0, chars = 0;
	if (!out) {
		return NULL;
	}
	for (const char *p = text; *p && chars < max_chars; p++) {
		const char *entity = *p == '&'   ? "&amp;"
				     : *p == '<' ? "&lt;"
				     : *p == '>' ? "&gt;"
						 : NULL;
		if (entity) {
			n += (size_t)sprintf(out + n, "%s", entity);
			chars += strlen(entity);
			continue;
		}
		/* a character's continuation bytes go with it */
		out[n++] = *p;
		while ((p[1] & 0xC0) == 0x80) {
			out[n++] = *++p;
		}
		chars++;
	}
	out[n] = '\0';
	if (chars > max_chars) {
		/* the last entity went past the limit: drop it whole */
		char *amp = strrchr(out, '&');
		if (amp) {
			*amp = '\0';
		}
	}
	return out;
}

static void add_mrkdwn(struct json_object *blocks, const char *prefix, const char *text,
		       const char *suffix) {
	if (!text || !*text || json_object_array_length(blocks) >= SLACK_BLOCKS_MAX) {
		return;
	}
	size_t room = SLACK_SECTION_MAX - strlen(prefix) - strlen(suffix);
	char *safe = slack_escape(text, room);
	char *all = NULL;
	if (safe && asprintf(&all, "%s%s%s", prefix, safe, suffix) > 0) {
		struct json_object *b = json_object_new_object(), *t = json_object_new_object();
		json_object_object_add(t, "type", json_object_new_string("mrkdwn"));
		json_object_object_add(t, "text", json_object_new_string(all));
		json_object_object_add(b, "type", json_object_new_string("section"));
		json_object_object_add(b, "text", t);
		json_object_array_add(blocks, b);
	}
	free(safe);
	free(all);
}

/* The state's mark in the title: Slack blocks have no colour. */
static const char *emoji(const char *colour) {
	if (strcmp(colour, "red") == 0) {
		return ":red_circle: ";
	}
	if (strcmp(colour, "orange") == 0 || strcmp(colour, "yellow") == 0) {
		return ":large_orange_circle: ";
	}
	if (strcmp(colour, "green") == 0) {
		return ":large_green_circle: ";
	}
	return strcmp(colour, "blue") == 0 ? ":large_blue_circle: " : ":white_circle: ";
}

static char *build(const struct lark_event *e, size_t details_max, const void *ctx, bool *fits) {
	const bool *text = ctx;
	struct lark_parts p;
	lark_parts(e, details_max, &p);
	struct json_object *o = json_object_new_object();
	char *fallback = NULL, *plain = NULL;
	if (*text) {
		char *all = lark_parts_text(&p);
		plain = all ? slack_escape(all, 38000) : NULL; /* text takes 40000 */
		free(all);
	} else {
		char head[64];
		snprintf(head, sizeof head, "%s*", emoji(p.colour));
		char *line = NULL;
		if (asprintf(&line, "%s%s%s", p.title, p.summary ? ": " : "",
			     p.summary ? p.summary : "") > 0) {
			fallback = slack_escape(line, SLACK_SECTION_MAX);
		}
		free(line);
		struct json_object *blocks = json_object_new_array();
		add_mrkdwn(blocks, head, p.title, "*");
		add_mrkdwn(blocks, "", p.summary, "");
		add_mrkdwn(blocks, "```", p.details, "```");
		add_mrkdwn(blocks, "", p.person, "");
		add_mrkdwn(blocks, "", p.held, "");
		if (*p.note) {
			char *note = slack_escape(p.note, SLACK_SECTION_MAX);
			struct json_object *c = json_object_new_object(),
					   *el = json_object_new_array();
			struct json_object *t = json_object_new_object();
			json_object_object_add(t, "type", json_object_new_string("mrkdwn"));
			json_object_object_add(t, "text", json_object_new_string(note ? note : ""));
			json_object_array_add(el, t);
			json_object_object_add(c, "type", json_object_new_string("context"));
			json_object_object_add(c, "elements", el);
			json_object_array_add(blocks, c);
			free(note);
		}
		json_object_object_add(o, "blocks", blocks);
	}
	json_object_object_add(
	    o, "text",
	    json_object_new_string(*text ? (plain ? plain : "") : (fallback ? fallback : "")));
	lark_parts_free(&p);
	free(fallback);
	free(plain);
	*fits = true; /* every section was cut to its limit */
	return chat_json_text(o);
}

static char *slack_body(const struct lark_event *e, bool text, int64_t now_ms, const char *secret) {
	(void)now_ms;
	(void)secret;
	/* a section holds 3000 characters: the details start there, not at 8 KB */
	return lark_fit(e, build, &text);
}

int slack_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err) {
	if (r->status == 200 && r->len == 2 && memcmp(r->body, "ok", 2) == 0) {
		*retry = false;
		return 0;
	}
	if (r->status == 200) {
		*retry = false;
		char shown[128];
		tc_text_copy(shown, sizeof shown, r->body, TC_TEXT_ONE_LINE);
		return tc_error_set(err, TC_ERR_API,
				    _("Slack answered HTTP 200 with '%s', not 'ok'"), shown);
	}
	return chat_http_answer(r, "Slack", retry, err);
}

const struct chat_platform chat_slack = {
    .name = "slack",
    .label = "Slack",
    .signs = false,
    .body = slack_body,
    .url = chat_plain_url,
    .answer = slack_answer,
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A generic JSON webhook: one JSON object of the notification's fields, for a
 * receiver of one's own (README: "The generic webhook's JSON"). Text is cleaned
 * (valid UTF-8, no control characters) and otherwise sent as it is: JSON is the
 * only escaping a JSON receiver needs. No signature: the URL carries any token.
 * Answers: any 2xx is delivered; 408, 429 (with Retry-After) and 5xx are retried. */
#include "chat_webhook.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "i18n.h"
#include "result.h"

/* The field, cleaned, or null. */
static struct json_object *field(const char *text, size_t max, unsigned flags) {
	if (!text || !*text) {
		return NULL;
	}
	char *buf = malloc(max + 1);
	struct json_object *s = NULL;
	if (buf) {
		tc_text_copy(buf, max + 1, text, flags);
		s = json_object_new_string(buf);
	}
	free(buf);
	return s;
}

static char *build(const struct lark_event *e, size_t details_max, const void *ctx, bool *fits) {
	(void)ctx;
	struct lark_parts p;
	lark_parts(e, details_max, &p);
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "version", json_object_new_int(1));
	json_object_object_add(o, "source", field(e->source, 32, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "type", field(e->type, 64, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "state", field(e->state, 32, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "word", json_object_new_string(p.word));
	json_object_object_add(o, "colour", json_object_new_string(p.colour));
	json_object_object_add(o, "critical", json_object_new_boolean(lark_is_critical(e->state)));
	json_object_object_add(o, "title", json_object_new_string(p.title));
	json_object_object_add(o, "host", field(e->host, 255, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "service", field(e->service, 255, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "summary", field(p.summary, 1024, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "details",
			       field(p.details, details_max + 8, TC_TEXT_KEEP_NEWLINES));
	json_object_object_add(o, "author", field(e->author, 256, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "comment", field(e->comment, 1024, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "time", field(e->when, 255, TC_TEXT_ONE_LINE));
	json_object_object_add(o, "held", field(p.held, 4096, TC_TEXT_KEEP_NEWLINES));
	char *all = lark_parts_text(&p);
	json_object_object_add(o, "text", json_object_new_string(all ? all : ""));
	free(all);
	lark_parts_free(&p);
	char *body = chat_json_text(o);
	*fits = body && strlen(body) <= WEBHOOK_BODY_MAX;
	return body;
}

static char *webhook_body(const struct lark_event *e, bool text, int64_t now_ms,
			  const char *secret) {
	(void)text; /* the same object either way: it carries "text" too */
	(void)now_ms;
	(void)secret;
	return lark_fit(e, build, NULL);
}

int webhook_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err) {
	return chat_http_answer(r, N_("the webhook"), retry, err);
}

const struct chat_platform chat_webhook = {
    .name = "webhook",
    .label = N_("the webhook"),
    .signs = false,
    .body = webhook_body,
    .url = chat_plain_url,
    .answer = webhook_answer,
};

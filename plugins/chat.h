/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chat notifier's platforms behind one small interface: each builds its body in
 * the platform's own rich format (or plain text), signs the URL where the platform
 * signs in the query, and reads the platform's answer: delivered, or an error that
 * is retried only when the platform calls it transient. notify_tc_chat holds the one
 * delivery loop; lark_logic.c holds the parts every format shows and the signer. */
#ifndef TC_CHAT_H
#define TC_CHAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "http.h"
#include "lark_logic.h"

struct json_object;

struct chat_platform {
	const char *name;  /* as written in type=: lark, wecom, dingtalk, slack, webhook */
	const char *label; /* in messages: "Lark", "WeCom", ... */
	bool signs;        /* whether a secret= is used (else it is refused) */
	/* The JSON body; `text` asks for the platform's plain text message. Caller frees. */
	char *(*body)(const struct lark_event *e, bool text, int64_t now_ms, const char *secret);
	/* The URL to post to: the webhook, signed in its query where the platform wants. */
	int (*url)(const char *webhook, int64_t now_ms, const char *secret, char *out, size_t size,
		   struct tc_error *err);
	/* 0 when the answer says delivered; else -1, the error named, *retry when the
	 * platform says the failure is transient (rate limit, server error). */
	int (*answer)(const struct tc_http_response *r, bool *retry, struct tc_error *err);
};

/* The platform named by type=, or NULL. */
const struct chat_platform *chat_platform(const char *name);

/* The webhook itself, for platforms that sign nothing in the URL. */
int chat_plain_url(const char *webhook, int64_t now_ms, const char *secret, char *out, size_t size,
		   struct tc_error *err);

/* The answer of Lark, WeCom and DingTalk: HTTP 200 with a JSON object whose integer
 * `code_key` (or `alt_code_key`) is 0 when delivered; `transient` lists the codes
 * worth another try (ending with 0). Other statuses: 429 and 5xx are retried. */
int chat_json_answer(const struct tc_http_response *r, const char *label, const char *code_key,
		     const char *alt_code_key, const char *msg_key, const long *transient,
		     bool *retry, struct tc_error *err);

/* The answer of a platform that speaks HTTP: 2xx delivered; 408, 429 and 5xx
 * retried; else refused, with the start of the body (cleaned) as the reason. */
int chat_http_answer(const struct tc_http_response *r, const char *label, bool *retry,
		     struct tc_error *err);

/* For markdown formats: appends prefix, the text defanged (lark_defang with
 * brackets), suffix; nothing when the text is NULL or empty. */
void chat_md_add(char *buf, size_t size, const char *prefix, const char *text, const char *suffix);

/* A zeroed buffer for the markdown of `p`: room for every part defanged (a
 * character may grow threefold) and the markup around them; its size in *size. */
char *chat_md_buffer(const struct lark_parts *p, size_t *size);

/* What a markdown dialect puts around each part of a card. */
struct chat_md_markup {
	const char *title_end, *summary_end, *person_open, *person_end, *note_open, *note_end;
};

/* Appends the card's parts defanged, in the order every platform shows them: the
 * title after `title_open` (which sets its colour), the summary, the long output
 * quoted, who acted, the held notifications quoted, the note. */
void chat_md_card(char *buf, size_t size, const struct lark_parts *p, const char *title_open,
		  const struct chat_md_markup *m);

/* Appends the text defanged with "> " before each line, a quote block. */
void chat_md_quote(char *buf, size_t size, const char *text);

/* At most `max` bytes of s, cut on a character boundary and ending in "..."; takes
 * s. Caller frees. */
char *chat_cut(char *s, size_t max);

/* {"msgtype": type, type: m}, the message of WeCom and DingTalk robots; takes m. */
struct json_object *chat_msgtype(const char *type, struct json_object *m);

/* A JSON object as compact text (no escaped '/'); takes the object. Caller frees. */
char *chat_json_text(struct json_object *o);

extern const struct chat_platform chat_lark, chat_wecom, chat_dingtalk, chat_slack, chat_webhook;

#endif

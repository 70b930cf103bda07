/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lark (Feishu) custom bots: the card or text of lark_body, signed in the body
 * (timestamp in seconds); answers carry "code" (or "StatusCode"), 0 when delivered. */
#include "chat.h"
#include "i18n.h"

static char *lark_chat_body(const struct lark_event *e, bool text, int64_t now_ms,
			    const char *secret) {
	return lark_body(e, text, now_ms / 1000, secret);
}

/* 11232: the custom bot's frequency limit ("frequency limited", 100 a minute and 5 a
 * second per bot, more often at busy hours); 99991400: the open platform's rate limit
 * ("request trigger frequency limit", with HTTP 429, or 400 from older APIs). Not
 * 9499: the custom bot's "Bad Request", a body it cannot parse, which another try
 * would not change. */
static const long lark_transient[] = {11232, 99991400, 0};

static int chat_lark_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err) {
	return chat_json_answer(r, N_("Lark"), "code", "StatusCode", "msg", lark_transient, retry,
				err);
}

const struct chat_platform chat_lark = {
    .name = "lark",
    .label = "Lark",
    .signs = true,
    .body = lark_chat_body,
    .url = chat_plain_url,
    .answer = chat_lark_answer,
};

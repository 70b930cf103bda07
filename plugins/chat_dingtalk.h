/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DingTalk custom robots (see chat_dingtalk.c): the parts a unit test reaches. */
#ifndef TC_CHAT_DINGTALK_H
#define TC_CHAT_DINGTALK_H

#include "chat.h"

#define DINGTALK_BODY_MAX (18 * 1000) /* DingTalk takes about 20000 bytes */

/* The signature of signed mode: base64(HMAC-SHA256(key = secret, message =
 * timestamp_ms "\n" secret)), URL-encoded; out >= 64 bytes. */
void dingtalk_sign(int64_t timestamp_ms, const char *secret, char *out, size_t size);

/* The webhook with "&timestamp=MS&sign=SIGN" added when there is a secret. */
int dingtalk_url(const char *webhook, int64_t now_ms, const char *secret, char *out, size_t size,
		 struct tc_error *err);

/* The markdown text of the parts, untrusted text defanged. Caller frees. */
char *dingtalk_markdown(const struct lark_parts *p);

int dingtalk_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err);

#endif

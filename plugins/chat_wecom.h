/* SPDX-License-Identifier: GPL-3.0-or-later */
/* WeCom group robots (see chat_wecom.c): the parts a unit test reaches. */
#ifndef TC_CHAT_WECOM_H
#define TC_CHAT_WECOM_H

#include "chat.h"

#define WECOM_MARKDOWN_MAX 4096 /* bytes of markdown.content, UTF-8 */
#define WECOM_TEXT_MAX     2048 /* bytes of text.content */

/* The markdown (or text) content of the parts, untrusted text defanged. Caller frees. */
char *wecom_content(const struct lark_parts *p, bool text);

int wecom_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Slack incoming webhooks (see chat_slack.c): the parts a unit test reaches. */
#ifndef TC_CHAT_SLACK_H
#define TC_CHAT_SLACK_H

#include "chat.h"

#define SLACK_SECTION_MAX 3000 /* characters of a section block's text */
#define SLACK_BLOCKS_MAX  50

/* Text escaped as Slack asks (& as &amp;, < as &lt;, > as &gt;), which leaves
 * nothing that can be read as <!channel>, <@U123> or <url|text>; then cut to at
 * most `max_chars` characters, never inside an entity or a character. Caller frees. */
char *slack_escape(const char *text, size_t max_chars);

int slack_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A generic JSON webhook (see chat_webhook.c): the parts a unit test reaches. */
#ifndef TC_CHAT_WEBHOOK_H
#define TC_CHAT_WEBHOOK_H

#include "chat.h"

#define WEBHOOK_BODY_MAX (64 * 1024)

int webhook_answer(const struct tc_http_response *r, bool *retry, struct tc_error *err);

#endif

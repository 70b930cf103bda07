/* SPDX-License-Identifier: GPL-3.0-or-later */
/* notify_tc_lark's pure parts: the Lark custom-bot signature, the message (an
 * interactive card coloured by state and notification type, or plain text), the
 * webhook's checks and redaction, and quiet hours. */
#ifndef TC_LARK_LOGIC_H
#define TC_LARK_LOGIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* The largest request body sent: Lark's custom bots take bodies up to 20 KB (a card
 * up to 30 KB); the long output is shortened until the body fits. */
#define LARK_BODY_MAX (18 * 1024)

struct lark_event {
	const char *source; /* nagios, icinga, zabbix, manual */
	const char *type;   /* PROBLEM, RECOVERY, ACKNOWLEDGEMENT, FLAPPINGSTART, ... */
	const char *state;  /* OK WARNING CRITICAL UNKNOWN UP DOWN UNREACHABLE (or 0-3) */
	const char *host;
	const char *service;     /* NULL or "" for a host notification */
	const char *output;      /* the plugin's output; lines after the first are details */
	const char *when;        /* as the monitoring system wrote it */
	const char *long_output; /* more details: Nagios $LONGSERVICEOUTPUT$ ("\n" escaped) */
	const char *author;      /* who acknowledged or sent a custom notification */
	const char *comment;
	const char *held; /* what quiet hours held back (lark_held_text), or NULL */
};

/* base64(HMAC-SHA256(key, message)); out >= 45 bytes. The one signer of the chat
 * notifier: Lark and DingTalk differ only in what is key and what is message. */
void lark_hmac_b64(const char *key, size_t key_len, const char *msg, size_t msg_len, char *out,
		   size_t size);

/* base64(HMAC-SHA256(key = timestamp "\n" secret, message = "")); out >= 45 bytes. */
void lark_sign(int64_t timestamp, const char *secret, char *out, size_t size);

/* The parts of a message, cleaned for display (tc_text_copy), shared by every chat
 * platform's format: the title "[WORD] host / service", the word and colour of
 * lark_look, the output's first line, the details (the rest of the output and the long
 * output, at most details_max bytes and 50 lines), who acknowledged or commented, the
 * held-notification note and "Type: T  Time: W". Pointers are NULL when empty. */
struct lark_parts {
	const char *word;
	const char *colour;
	char title[600];
	char note[600];
	char *summary;
	char *details;
	char *person;
	char *held;
};
void lark_parts(const struct lark_event *e, size_t details_max, struct lark_parts *p);
void lark_parts_free(struct lark_parts *p);

/* The parts as plain text, one a line: title, summary, details, person, held, note.
 * Caller frees. */
char *lark_parts_text(const struct lark_parts *p);

/* A body built with the long output halved (from 8 KB) until `build` says it fits;
 * the last try has no long output at all. Caller frees. */
typedef char *(*lark_build_fn)(const struct lark_event *e, size_t details_max, const void *ctx,
			       bool *fits);
char *lark_fit(const struct lark_event *e, lark_build_fn build, const void *ctx);

/* '<' and '>' (and '[' and ']' too with `brackets`) as their full-width forms, so
 * text cannot open a tag (<at>, <@user>, <font>) or a markdown link. Caller frees. */
char *lark_defang(const char *s, bool brackets);

/* The card colour of a state: red, orange, grey, green, ... */
const char *lark_colour(const char *state);

/* True for the states quiet hours never hold back (CRITICAL, DOWN). */
bool lark_is_critical(const char *state);

/* The card's title word and colour for an event: its notification type's
 * (ACKNOWLEDGED blue, FLAPPING yellow, DOWNTIME indigo, CUSTOM violet, ...) or, for
 * problems and recoveries, its state's. */
void lark_look(const struct lark_event *e, const char **word, const char **colour);

/* The JSON body; timestamp/sign are added when secret is not NULL. Text from the
 * monitoring system goes only into plain_text elements (never lark_md), so it cannot
 * mention @all or make links; in a text message '<' and '>' are shown as their
 * full-width forms for the same reason. At most LARK_BODY_MAX bytes. Caller frees. */
char *lark_body(const struct lark_event *e, bool text, int64_t timestamp, const char *secret);

/* Whether the webhook may be used: https://, or http:// to 127.0.0.1, [::1] or
 * localhost only (a local test receiver). */
int lark_check_webhook(const char *url, struct tc_error *err);

/* The URL with its last path segment (the bot's token) and any query replaced by
 * "(redacted)", for traces. */
void lark_redact_url(const char *url, char *buf, size_t size);

/* The body with its "sign" replaced by "(redacted)", for traces. Caller frees. */
char *lark_redact_body(const char *body);

struct lark_window {
	int start; /* minutes after local midnight */
	int end;
};

/* "22:00-08:00" -> minutes; the window may cross midnight. */
int lark_parse_window(const char *text, struct lark_window *w, struct tc_error *err);

/* Whether `now` falls in the window in time zone `tz` (IANA name, NULL for local):
 * start inclusive, end exclusive. */
bool lark_in_window(const struct lark_window *w, int64_t now, const char *tz);

/* Whether quiet hours hold the event back: recoveries (RECOVERY, or Zabbix'
 * RESOLVED), acknowledgements and custom notifications never (the recovery of a
 * problem delivered before must arrive);
 * CRITICAL/DOWN problems only with `quiet_critical`; all else (WARNING, UNKNOWN,
 * flapping, downtime) yes. */
bool lark_quiet_holds(const struct lark_event *e, bool quiet_critical);

/* One line recording a held event: "time\tstate\thost[ / service]\tsummary\n". */
void lark_held_line(const struct lark_event *e, int64_t now, char *buf, size_t size);

/* The held lines turned into the card's note ("N notifications were held during
 * quiet hours:" then one line each, times in `tz`), or NULL when there are none.
 * Caller frees. */
char *lark_held_text(const char *lines, const char *tz);

#endif

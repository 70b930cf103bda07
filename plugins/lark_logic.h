/* notify_tc_lark's pure parts: the Lark custom-bot signature, the message (an
 * interactive card coloured by state, or plain text), and quiet hours. */
#ifndef TC_LARK_LOGIC_H
#define TC_LARK_LOGIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct lark_event {
	const char *source; /* nagios, icinga, zabbix, manual */
	const char *type;   /* PROBLEM, RECOVERY, ... */
	const char *state;  /* OK WARNING CRITICAL UNKNOWN UP DOWN UNREACHABLE (or 0-3) */
	const char *host;
	const char *service; /* NULL or "" for a host notification */
	const char *output;
	const char *when; /* as the monitoring system wrote it */
};

/* base64(HMAC-SHA256(key = timestamp "\n" secret, message = "")); out >= 45 bytes. */
void lark_sign(int64_t timestamp, const char *secret, char *out, size_t size);

/* The card colour of a state: red, orange, grey, green, ... */
const char *lark_colour(const char *state);

/* True for the states quiet hours never hold back (CRITICAL, DOWN). */
bool lark_is_critical(const char *state);

/* The JSON body; timestamp/sign are added when secret is not NULL. Caller frees. */
char *lark_body(const struct lark_event *e, bool text, int64_t timestamp, const char *secret);

struct lark_window {
	int start; /* minutes after local midnight */
	int end;
};

/* "22:00-08:00" -> minutes; the window may cross midnight. */
int lark_parse_window(const char *text, struct lark_window *w, struct tc_error *err);

/* Whether `now` falls in the window in time zone `tz` (IANA name, NULL for local):
 * start inclusive, end exclusive. */
bool lark_in_window(const struct lark_window *w, int64_t now, const char *tz);

#endif

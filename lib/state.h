/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nagios plugin states and the rule that the worst one wins. */
#ifndef TC_STATE_H
#define TC_STATE_H

#include <stdbool.h>

enum tc_state {
	TC_OK = 0,
	TC_WARNING = 1,
	TC_CRITICAL = 2,
	TC_UNKNOWN = 3,
};

const char *tc_state_name(enum tc_state s);

/* Parses "OK", "WARNING", "CRITICAL", "UNKNOWN" (any case) or 0-3. */
bool tc_state_parse(const char *text, enum tc_state *out);

/* CRITICAL > WARNING > UNKNOWN > OK, as monitoring-plugins orders partial results:
 * a known critical condition outranks not knowing something else. */
enum tc_state tc_state_worst(enum tc_state a, enum tc_state b);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "state.h"

#include <strings.h>

const char *tc_state_name(enum tc_state s) {
	switch (s) {
	case TC_OK:
		return "OK";
	case TC_WARNING:
		return "WARNING";
	case TC_CRITICAL:
		return "CRITICAL";
	case TC_UNKNOWN:
		return "UNKNOWN";
	}
	return "UNKNOWN";
}

bool tc_state_parse(const char *text, enum tc_state *out) {
	static const char *names[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
	static const char *digits[] = {"0", "1", "2", "3"};
	for (int i = 0; i < 4; i++) {
		if (strcasecmp(text, names[i]) == 0 || strcasecmp(text, digits[i]) == 0) {
			*out = (enum tc_state)i;
			return true;
		}
	}
	return false;
}

static int rank(enum tc_state s) {
	switch (s) {
	case TC_OK:
		return 0;
	case TC_UNKNOWN:
		return 1;
	case TC_WARNING:
		return 2;
	case TC_CRITICAL:
		return 3;
	}
	return 1;
}

enum tc_state tc_state_worst(enum tc_state a, enum tc_state b) {
	return rank(a) >= rank(b) ? a : b;
}

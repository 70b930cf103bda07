/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The -t budget of one run, on the monotonic clock, shared by every request. */
#ifndef TC_DEADLINE_H
#define TC_DEADLINE_H

#include <stdint.h>

struct tc_deadline {
	int64_t end_ms; /* monotonic milliseconds */
	int seconds;    /* the budget as given, for messages */
};

int64_t tc_monotonic_ms(void);
void tc_deadline_start(struct tc_deadline *d, int seconds);

/* Keeps `ms` of the budget back: the deadline comes that much sooner, leaving time
 * to report where the run was when it passed. */
void tc_deadline_reserve(struct tc_deadline *d, int64_t ms);

/* Milliseconds left, never below 0. */
int64_t tc_deadline_left_ms(const struct tc_deadline *d);

#endif

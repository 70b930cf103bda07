/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "deadline.h"

#include <time.h>

int64_t tc_monotonic_ms(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void tc_deadline_start(struct tc_deadline *d, int seconds) {
	d->seconds = seconds;
	d->end_ms = tc_monotonic_ms() + (int64_t)seconds * 1000;
}

void tc_deadline_reserve(struct tc_deadline *d, int64_t ms) {
	d->end_ms -= ms;
}

int64_t tc_deadline_left_ms(const struct tc_deadline *d) {
	int64_t left = d->end_ms - tc_monotonic_ms();
	return left > 0 ? left : 0;
}

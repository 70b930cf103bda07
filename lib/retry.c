/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "retry.h"

#include <stdlib.h>
#include <time.h>

#define LONGEST_BACKOFF_MS (24L * 3600 * 1000) /* doubling stops here without a cap */

long tc_retry_wait_ms(const struct tc_retry_policy *p, long backoff_ms, long asked_ms,
		      long random_part) {
	long wait = backoff_ms * p->jitter_from / 100 + random_part;
	return asked_ms > wait ? asked_ms : wait;
}

static long random_below(const struct tc_retry_calls *calls, long bound) {
	if (bound <= 1) {
		return 0;
	}
	long r = calls->random ? calls->random(calls->ctx, bound) : rand() % bound;
	return r < 0 ? 0 : r >= bound ? bound - 1 : r;
}

static void pause_ms(const struct tc_retry_calls *calls, long ms) {
	if (calls->sleep) {
		calls->sleep(calls->ctx, ms);
		return;
	}
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0) {
		/* a signal cut it short: sleep the rest */
	}
}

static bool transient(const struct tc_retry_calls *calls, const struct tc_error *err,
		      long *asked_ms) {
	*asked_ms = 0;
	if (calls->transient) {
		return calls->transient(calls->ctx, err, asked_ms);
	}
	return err->retryable;
}

int tc_retry_run(const struct tc_retry_policy *p, const struct tc_deadline *d,
		 const struct tc_retry_calls *calls, struct tc_retry_outcome *out,
		 struct tc_error *err) {
	struct tc_retry_outcome o = {.end = TC_RETRY_DONE};
	long backoff = p->base_ms;
	for (;;) {
		o.attempts++;
		if (calls->attempt(calls->ctx, err) == 0) {
			o.end = TC_RETRY_DONE;
			break;
		}
		if (!transient(calls, err, &o.asked_ms)) {
			o.end = TC_RETRY_FINAL;
			break;
		}
		if (p->max_attempts > 0 && o.attempts >= p->max_attempts) {
			o.end = TC_RETRY_EXHAUSTED;
			break;
		}
		long span = backoff * p->jitter_span / 100;
		long wait = tc_retry_wait_ms(p, backoff, o.asked_ms, random_below(calls, span + 1));
		long left = d ? (long)tc_deadline_left_ms(d) : 0;
		if (left < wait + p->margin_ms) {
			bool asked_later = o.asked_ms > 0 && o.asked_ms + p->margin_ms > left;
			o.end = asked_later ? TC_RETRY_ASKED_LATER : TC_RETRY_DEADLINE;
			break;
		}
		if (calls->waiting) {
			calls->waiting(calls->ctx, wait, err);
		}
		pause_ms(calls, wait);
		o.waited_ms += wait;
		if (backoff < LONGEST_BACKOFF_MS) {
			backoff *= 2;
		}
		if (p->cap_ms > 0 && backoff > p->cap_ms) {
			backoff = p->cap_ms;
		}
	}
	if (out) {
		*out = o;
	}
	return o.end == TC_RETRY_DONE ? 0 : -1;
}

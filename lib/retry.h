/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Another attempt after a failure that passes (a rate limit, a 5xx, a dropped
 * connection), after a jittered wait that doubles each time, and never a wait that
 * would end past the run's deadline: the API client and the chat notifier share
 * this loop, each with its own policy. */
#ifndef TC_RETRY_H
#define TC_RETRY_H

#include <stdbool.h>

#include "deadline.h"
#include "error.h"

struct tc_retry_policy {
	long base_ms;     /* the first backoff, doubled after every wait */
	long cap_ms;      /* the backoff grows no further; 0: no cap */
	int max_attempts; /* 0: as many as the deadline allows */
	int jitter_from;  /* a wait is backoff * jitter_from / 100 ... */
	int jitter_span;  /* ... plus a random part of at most backoff * jitter_span / 100 */
	long margin_ms;   /* what the next attempt needs: no wait unless both fit */
};

/* What the loop asks of its caller; only `attempt` is required. */
struct tc_retry_calls {
	/* One attempt: 0 when it succeeded, else -1 with `err` set. */
	int (*attempt)(void *ctx, struct tc_error *err);
	/* Whether the failure is worth another attempt, and in *asked_ms how long the
	 * other side asked to be left alone (Retry-After; 0 when it did not). NULL:
	 * err->retryable decides. */
	bool (*transient)(void *ctx, const struct tc_error *err, long *asked_ms);
	/* Told before each wait, for traces and counters; may be NULL. */
	void (*waiting)(void *ctx, long wait_ms, const struct tc_error *err);
	/* A number in [0, bound): NULL for rand(). Tests make the jitter predictable. */
	long (*random)(void *ctx, long bound);
	/* Sleeps `ms`: NULL for nanosleep. */
	void (*sleep)(void *ctx, long ms);
	void *ctx;
};

enum tc_retry_end {
	TC_RETRY_DONE,        /* an attempt succeeded */
	TC_RETRY_FINAL,       /* the failure is not transient */
	TC_RETRY_EXHAUSTED,   /* max_attempts were made */
	TC_RETRY_DEADLINE,    /* the next wait and attempt would end past the deadline */
	TC_RETRY_ASKED_LATER, /* the wait asked for alone would end past the deadline */
};

struct tc_retry_outcome {
	enum tc_retry_end end;
	int attempts;
	long waited_ms; /* the sum of the waits */
	long asked_ms;  /* the last wait asked for, 0 when none */
};

/* The wait after a failure: the jittered backoff, or what was asked if longer.
 * `random_part` is in [0, backoff * jitter_span / 100]. */
long tc_retry_wait_ms(const struct tc_retry_policy *p, long backoff_ms, long asked_ms,
		      long random_part);

/* Attempts until one succeeds, a failure is final, the attempts are spent or the
 * next wait does not fit before `d` (no deadline: no second attempt). Returns the
 * last attempt's result, its error in `err`; `out` (may be NULL) says why it ended. */
int tc_retry_run(const struct tc_retry_policy *p, const struct tc_deadline *d,
		 const struct tc_retry_calls *calls, struct tc_retry_outcome *out,
		 struct tc_error *err);

#endif

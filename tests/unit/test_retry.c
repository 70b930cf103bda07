/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The retry loop: which failures are tried again, the waits its policy gives (with a
 * predictable random source), and that no wait ends past the deadline. */
#include <string.h>
#include <time.h>

#include "retry.h"
#include "tap.h"

/* A scripted peer: fails `failures` times (transient unless `final`), then succeeds. */
struct script {
	int failures;
	bool final;
	long asked_ms;   /* what each failure asks to wait */
	long random;     /* what the random source answers (then capped to its bound) */
	long bounds[16]; /* the bounds the loop asked the random source for */
	long waits[16];  /* the waits it slept */
	int nbounds, nwaits, attempts, told;
	bool real_sleep;
};

static int attempt(void *ctx, struct tc_error *err) {
	struct script *s = ctx;
	s->attempts++;
	if (s->attempts <= s->failures) {
		tc_error_set(err, TC_ERR_HTTP, "HTTP 503 (attempt %d)", s->attempts);
		err->retryable = !s->final;
		return -1;
	}
	tc_error_clear(err);
	return 0;
}

static bool transient(void *ctx, const struct tc_error *err, long *asked_ms) {
	struct script *s = ctx;
	*asked_ms = s->asked_ms;
	return err->retryable;
}

static long random_source(void *ctx, long bound) {
	struct script *s = ctx;
	if (s->nbounds < 16) {
		s->bounds[s->nbounds++] = bound;
	}
	return s->random < bound ? s->random : bound - 1;
}

static void fake_sleep(void *ctx, long ms) {
	struct script *s = ctx;
	if (s->nwaits < 16) {
		s->waits[s->nwaits++] = ms;
	}
	if (s->real_sleep) {
		struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
		nanosleep(&ts, NULL);
	}
}

static void waiting(void *ctx, long wait_ms, const struct tc_error *err) {
	struct script *s = ctx;
	(void)wait_ms;
	(void)err;
	s->told++;
}

static struct tc_retry_calls calls_for(struct script *s) {
	return (struct tc_retry_calls){.attempt = attempt,
				       .transient = transient,
				       .waiting = waiting,
				       .random = random_source,
				       .sleep = fake_sleep,
				       .ctx = s};
}

/* Runs the loop on script `s` with `seconds` to the deadline (0: none). */
static int run(const struct tc_retry_policy *p, struct script *s, int seconds,
	       struct tc_retry_outcome *out, struct tc_error *err) {
	struct tc_retry_calls calls = calls_for(s);
	struct tc_deadline d;
	tc_deadline_start(&d, seconds);
	return tc_retry_run(p, seconds ? &d : NULL, &calls, out, err);
}

/* the API client's policy and the notifier's, as lib/api.c and notify_tc_chat.c set them */
static const struct tc_retry_policy api = {
    .base_ms = 200, .jitter_from = 50, .jitter_span = 100, .margin_ms = 300};
static const struct tc_retry_policy chat = {
    .base_ms = 500, .jitter_from = 100, .jitter_span = 25, .margin_ms = 200};

START_TEST(succeeds_after_transient_failures_with_the_policy_waits) {
	struct script s = {.failures = 3, .random = 0};
	struct tc_retry_outcome out;
	struct tc_error err;
	ck_assert_int_eq(run(&api, &s, 60, &out, &err), 0);
	ck_assert_int_eq(out.end, TC_RETRY_DONE);
	ck_assert_int_eq(out.attempts, 4);
	/* the lowest jitter: half the backoff, which doubles from 200 ms */
	ck_assert_int_eq(s.nwaits, 3);
	ck_assert_int_eq(s.waits[0], 100);
	ck_assert_int_eq(s.waits[1], 200);
	ck_assert_int_eq(s.waits[2], 400);
	ck_assert_int_eq(out.waited_ms, 700);
	ck_assert_int_eq(s.told, 3);
	/* the random part is drawn from [0, backoff] */
	ck_assert_int_eq(s.bounds[0], 201);
	ck_assert_int_eq(s.bounds[1], 401);
	ck_assert_int_eq(s.bounds[2], 801);
}
END_TEST

START_TEST(the_highest_jitter_of_each_policy) {
	struct script s = {.failures = 2, .random = 1000000};
	struct tc_error err;
	ck_assert_int_eq(run(&api, &s, 60, NULL, &err), 0);
	ck_assert_int_eq(s.waits[0], 300); /* 100 + 200 */
	ck_assert_int_eq(s.waits[1], 600);
	struct script t = {.failures = 2, .random = 1000000};
	ck_assert_int_eq(run(&chat, &t, 60, NULL, &err), 0);
	ck_assert_int_eq(t.waits[0], 625); /* 500 + a quarter */
	ck_assert_int_eq(t.waits[1], 1250);
}
END_TEST

START_TEST(a_final_failure_is_not_retried) {
	struct script s = {.failures = 5, .final = true};
	struct tc_retry_outcome out;
	struct tc_error err;
	ck_assert_int_eq(run(&api, &s, 60, &out, &err), -1);
	ck_assert_int_eq(out.end, TC_RETRY_FINAL);
	ck_assert_int_eq(out.attempts, 1);
	ck_assert_int_eq(s.nwaits, 0);
	ck_assert_str_eq(err.message, "HTTP 503 (attempt 1)");
}
END_TEST

START_TEST(without_a_transient_callback_retryable_decides) {
	struct script s = {.failures = 1};
	struct tc_retry_calls calls = calls_for(&s);
	struct tc_deadline d;
	struct tc_error err;
	calls.transient = NULL;
	tc_deadline_start(&d, 60);
	ck_assert_int_eq(tc_retry_run(&api, &d, &calls, NULL, &err), 0);
	ck_assert_int_eq(s.attempts, 2);
}
END_TEST

START_TEST(attempts_and_backoff_are_capped) {
	struct tc_retry_policy p = {
	    .base_ms = 100, .cap_ms = 250, .max_attempts = 4, .jitter_from = 100};
	struct script s = {.failures = 10};
	struct tc_retry_outcome out;
	struct tc_error err;
	ck_assert_int_eq(run(&p, &s, 60, &out, &err), -1);
	ck_assert_int_eq(out.end, TC_RETRY_EXHAUSTED);
	ck_assert_int_eq(out.attempts, 4);
	ck_assert_int_eq(s.nwaits, 3);
	ck_assert_int_eq(s.waits[0], 100);
	ck_assert_int_eq(s.waits[1], 200);
	ck_assert_int_eq(s.waits[2], 250);
	ck_assert_str_eq(err.message, "HTTP 503 (attempt 4)");
}
END_TEST

START_TEST(a_longer_wait_asked_for_wins) {
	struct script s = {.failures = 1, .asked_ms = 2000};
	struct tc_retry_outcome out;
	struct tc_error err;
	ck_assert_int_eq(run(&chat, &s, 60, &out, &err), 0);
	ck_assert_int_eq(s.waits[0], 2000);
	ck_assert_int_eq(tc_retry_wait_ms(&chat, 500, 100, 20), 520);
}
END_TEST

/* the next wait and the margin must fit in what is left: 60 s left, 500 ms of
 * margin, 20 s of base: 20 s and 40 s do not fit together, 20 s alone does */
START_TEST(no_wait_ends_past_the_deadline) {
	struct tc_retry_policy p = {.base_ms = 20000, .jitter_from = 100, .margin_ms = 500};
	struct script s = {.failures = 10};
	struct tc_retry_outcome out;
	struct tc_error err;
	ck_assert_int_eq(run(&p, &s, 60, &out, &err), -1);
	/* a fake sleep does not move the clock: 20 s fits, then 40 s, then 80 s does not */
	ck_assert_int_eq(out.end, TC_RETRY_DEADLINE);
	ck_assert_int_eq(s.nwaits, 2);
	ck_assert_int_eq(s.waits[1], 40000);
	ck_assert_int_eq(out.attempts, 3);
}
END_TEST

START_TEST(a_wait_asked_past_the_deadline_is_said) {
	struct script s = {.failures = 10, .asked_ms = 30000};
	struct tc_retry_outcome out;
	struct tc_error err;
	ck_assert_int_eq(run(&chat, &s, 10, &out, &err), -1);
	ck_assert_int_eq(out.end, TC_RETRY_ASKED_LATER);
	ck_assert_int_eq(out.asked_ms, 30000);
	ck_assert_int_eq(out.attempts, 1);
	ck_assert_int_eq(s.nwaits, 0);
}
END_TEST

/* out of time with nothing asked is the deadline, not "asked to wait 0 s" */
START_TEST(nothing_asked_is_not_said_asked) {
	struct tc_retry_policy p = {.base_ms = 100, .jitter_from = 100, .margin_ms = 1500};
	struct script s = {.failures = 10};
	struct tc_retry_outcome out;
	struct tc_error err;
	ck_assert_int_eq(run(&p, &s, 1, &out, &err), -1);
	ck_assert_int_eq(out.end, TC_RETRY_DEADLINE);
	ck_assert_int_eq(out.asked_ms, 0);
}
END_TEST

START_TEST(no_deadline_no_second_attempt) {
	struct script s = {.failures = 10};
	struct tc_retry_outcome out;
	struct tc_error err;
	ck_assert_int_eq(run(&api, &s, 0, &out, &err), -1);
	ck_assert_int_eq(out.end, TC_RETRY_DEADLINE);
	ck_assert_int_eq(out.attempts, 1);
}
END_TEST

/* With real sleeps against a 1 s deadline: the loop gives up before it, having
 * slept only what fits, on a machine of any speed. */
START_TEST(real_sleeps_end_before_the_deadline) {
	struct tc_retry_policy p = {
	    .base_ms = 50, .jitter_from = 50, .jitter_span = 100, .margin_ms = 100};
	struct script s = {.failures = 1000, .real_sleep = true, .random = 1000000};
	struct tc_retry_outcome out;
	struct tc_error err;
	int64_t started = tc_monotonic_ms();
	ck_assert_int_eq(run(&p, &s, 1, &out, &err), -1);
	int64_t took = tc_monotonic_ms() - started;
	ck_assert_int_eq(out.end, TC_RETRY_DEADLINE);
	ck_assert_int_ge(out.attempts, 2);
	ck_assert_int_le(out.waited_ms, 1000 - 100);
	/* each wait was taken only with wait + margin left: the sleeps end before the
	 * deadline; only the instant attempts run after the last */
	ck_assert_int_lt(took, 1000 + 500);
}
END_TEST

/* the default sources, rand() and nanosleep, stay inside the policy's bounds */
START_TEST(default_random_and_sleep) {
	struct script s = {.failures = 2};
	struct tc_retry_calls calls = {.attempt = attempt, .ctx = &s};
	struct tc_retry_policy p = {.base_ms = 10, .jitter_from = 50, .jitter_span = 100};
	struct tc_deadline d;
	struct tc_retry_outcome out;
	struct tc_error err;
	tc_deadline_start(&d, 5);
	ck_assert_int_eq(tc_retry_run(&p, &d, &calls, &out, &err), 0);
	ck_assert_int_ge(out.waited_ms, 5 + 10);
	ck_assert_int_le(out.waited_ms, 15 + 30);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("retry");
	TCase *policy = tcase_create("policy");
	tcase_add_test(policy, succeeds_after_transient_failures_with_the_policy_waits);
	tcase_add_test(policy, the_highest_jitter_of_each_policy);
	tcase_add_test(policy, a_final_failure_is_not_retried);
	tcase_add_test(policy, without_a_transient_callback_retryable_decides);
	tcase_add_test(policy, attempts_and_backoff_are_capped);
	tcase_add_test(policy, a_longer_wait_asked_for_wins);
	suite_add_tcase(s, policy);
	TCase *deadline = tcase_create("deadline");
	tcase_set_timeout(deadline, 10);
	tcase_add_test(deadline, no_wait_ends_past_the_deadline);
	tcase_add_test(deadline, a_wait_asked_past_the_deadline_is_said);
	tcase_add_test(deadline, nothing_asked_is_not_said_asked);
	tcase_add_test(deadline, no_deadline_no_second_attempt);
	tcase_add_test(deadline, real_sleeps_end_before_the_deadline);
	tcase_add_test(deadline, default_random_and_sleep);
	suite_add_tcase(s, deadline);
	return s;
}

TC_TEST_MAIN(suite)

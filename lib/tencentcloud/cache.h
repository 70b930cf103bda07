/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A shared cache of API answers, so that the checks of one account share their calls
 * (check_tc_balance, check_tc_runway and check_tc_allocation read the same
 * DescribeAccountBalance) and a fleet of checks stays under the API's rate limits.
 *
 * Entries are keyed by an HMAC of the SecretId and token keyed by the SecretKey
 * (never the secret itself), the endpoint, the action and its parameters, so a wrong
 * or revoked key never reads what the right one stored; files are 0600 in a directory created 0700;
 * written by temporary file and rename; a lock per entry makes concurrent runs wait for the one
 * request instead of all making it. A corrupt or foreign file is ignored and replaced. */
#ifndef TC_CACHE_H
#define TC_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deadline.h"
#include "error.h"

struct tc_cache {
	const char *dir;     /* --cache-dir */
	long ttl;            /* --cache-ttl, seconds */
	bool stale_on_error; /* --cache-stale-on-error */
};

/* Whose answers: every part of the credentials. */
struct tc_cache_key {
	const char *secret_id;
	const char *secret_key;
	const char *token; /* "" or NULL for a permanent key */
};

struct tc_cache_entry {
	char path[1024]; /* the entry's file */
	char owner[17];  /* the credentials' HMAC, written into the file */
	int lock_fd;     /* held from tc_cache_open to tc_cache_close */
	char *body;      /* the cached answer, NULL when there is none */
	size_t len;
	int64_t created; /* UNIX time it was written */
};

/* Finds the entry of a call, takes its lock (waiting at most until the deadline) and
 * reads it if it is there and sound. A --cache-dir of another user, or one others
 * can write, is refused (TC_ERR_CONFIG). */
int tc_cache_open(const struct tc_cache *c, const struct tc_cache_key *k, const char *url,
		  const char *action, const char *params, const struct tc_deadline *d,
		  struct tc_cache_entry *e, struct tc_error *err);

/* Whether the entry holds an answer younger than the TTL at `now`. */
bool tc_cache_fresh(const struct tc_cache *c, const struct tc_cache_entry *e, int64_t now);

/* Whether --cache-stale-on-error may serve the entry at `now`: it holds an answer
 * no older than the TTL + TC_CACHE_KEEP_SECONDS, even if no run pruned it. */
bool tc_cache_servable_stale(const struct tc_cache *c, const struct tc_cache_entry *e, int64_t now);

/* Replaces the entry's answer. */
int tc_cache_store(struct tc_cache_entry *e, const char *body, size_t len, int64_t now,
		   struct tc_error *err);

/* Releases the lock and the memory. */
void tc_cache_close(struct tc_cache_entry *e);

/* Entries nobody rewrote for this long past the TTL are removed: keys that carry a
 * date (the daily cost series, a month's bill) would otherwise pile up for ever. It
 * is also how old an answer --cache-stale-on-error can serve. */
#define TC_CACHE_KEEP_SECONDS 86400

/* Removes the entries older than TTL + TC_CACHE_KEEP_SECONDS at `now` whose lock is
 * free, and temporaries a crashed run left; returns how many files went, or -1. */
int tc_cache_prune(const struct tc_cache *c, int64_t now);

/* tc_cache_prune at most once an hour per directory (a stamp file says when), for
 * calling after a store into entry `e`. */
void tc_cache_tidy(const struct tc_cache *c, const struct tc_cache_entry *e, int64_t now);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A loopback HTTP server for the client's unit tests: it answers each request with
 * the next of the answers queued (an HTTP status and a body, most often a recorded
 * answer from tests/data), and keeps what each request asked for: its X-TC-Action and
 * its JSON parameters and headers. A family's fetch then runs whole through the real
 * tc_api_call (TC3 signing, libcurl, the envelope, the retries) against answers
 * Tencent published, with no simulator in between. */
#ifndef TC_TEST_REPLAY_H
#define TC_TEST_REPLAY_H

#include <arpa/inet.h>
#include <ftw.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tencentcloud/api.h"
#include "fixture.h"
#include "http.h"

#define REPLAY_MAX 24

struct replay {
	int fd;
	pthread_t thread;
	atomic_bool stop;
	char endpoint[64];
	/* the answers, in turn; after the last one every request gets HTTP 599 */
	int status[REPLAY_MAX];
	char *body[REPLAY_MAX];
	size_t queued;
	atomic_size_t served;
	/* what each request asked */
	char action[REPLAY_MAX][64];
	char params[REPLAY_MAX][1024];
	char headers[REPLAY_MAX][2048]; /* the request line and headers */
	/* a client pointed at the server, as a plugin sets one up */
	struct tc_deadline deadline;
	struct tc_http *http;
	struct tc_credentials cred;
	struct tc_api api;
};

/* Queues an answer with `body` (copied). */
static inline void replay_body(struct replay *r, int status, const char *body) {
	ck_assert_uint_lt(r->queued, REPLAY_MAX);
	r->status[r->queued] = status;
	r->body[r->queued] = strdup(body);
	r->queued++;
}

/* Queues tests/data/<action>/<name>.json as a 200 answer. */
static inline void replay_fixture(struct replay *r, const char *action, const char *name) {
	ck_assert_uint_lt(r->queued, REPLAY_MAX);
	r->status[r->queued] = 200;
	r->body[r->queued] = fixture_text(action, name, NULL);
	r->queued++;
}

/* Queues tests/data/<action>/<name>.json as a 200 answer with Response.<key> set to
 * the JSON `value` (NULL: removed): a recorded answer with one thing changed. */
static inline void replay_fixture_edited(struct replay *r, const char *action, const char *name,
					 const char *key, const char *value) {
	struct json_object *root = NULL;
	struct json_object *response = fixture_response(action, name, &root);
	if (value) {
		struct json_object *v = json_tokener_parse(value);
		ck_assert_msg(v != NULL || strcmp(value, "null") == 0, "%s is not JSON", value);
		json_object_object_add(response, key, v);
	} else {
		json_object_object_del(response, key);
	}
	replay_body(r, 200, json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN));
	json_object_put(root);
}

/* Reads one request into buf (headers and body, NUL-terminated); 0 when whole. */
static inline int replay_read(int c, char *buf, size_t size) {
	size_t n = 0;
	char *end = NULL;
	long want = -1;
	while (n + 1 < size) {
		ssize_t got = read(c, buf + n, size - 1 - n);
		if (got <= 0) {
			return -1;
		}
		n += (size_t)got;
		buf[n] = '\0';
		if (!end && (end = strstr(buf, "\r\n\r\n"))) {
			const char *cl = strcasestr(buf, "\r\nContent-Length:");
			want = (long)(end + 4 - buf) + (cl ? strtol(cl + 17, NULL, 10) : 0);
		}
		if (end && (long)n >= want) {
			return 0;
		}
	}
	return -1;
}

static inline void replay_header(const char *req, const char *name, char *out, size_t size) {
	char key[64];
	snprintf(key, sizeof key, "\r\n%s:", name);
	const char *h = strcasestr(req, key);
	out[0] = '\0';
	if (h) {
		h += strlen(key);
		h += strspn(h, " ");
		snprintf(out, size, "%.*s", (int)strcspn(h, "\r\n"), h);
	}
}

static inline void *replay_serve(void *arg) {
	struct replay *r = arg;
	static char req[65536];
	while (!atomic_load(&r->stop)) {
		struct pollfd p = {r->fd, POLLIN, 0};
		if (poll(&p, 1, 50) <= 0) {
			continue;
		}
		int c = accept(r->fd, NULL, NULL);
		if (c < 0) {
			continue;
		}
		if (replay_read(c, req, sizeof req) == 0) {
			size_t i = atomic_load(&r->served);
			const char *body = i < r->queued ? r->body[i] : "no answer queued";
			int status = i < r->queued ? r->status[i] : 599;
			if (i < REPLAY_MAX) {
				const char *payload = strstr(req, "\r\n\r\n") + 4;
				replay_header(req, "X-TC-Action", r->action[i],
					      sizeof r->action[i]);
				snprintf(r->params[i], sizeof r->params[i], "%s", payload);
				snprintf(r->headers[i], sizeof r->headers[i], "%.*s",
					 (int)(payload - req), req);
			}
			char head[256];
			int n = snprintf(head, sizeof head,
					 "HTTP/1.1 %d Answer\r\nContent-Type: application/json\r\n"
					 "Content-Length: %zu\r\nConnection: close\r\n\r\n",
					 status, strlen(body));
			atomic_store(&r->served, i + 1);
			if (write(c, head, (size_t)n) < 0 || write(c, body, strlen(body)) < 0) {
				/* the client went away: its test says so */
			}
		}
		close(c);
	}
	return NULL;
}

/* (Re)sets r->api to a fresh client of the server, its counters at 0. */
static inline void replay_client(struct replay *r) {
	r->api = (struct tc_api){
	    .http = r->http,
	    .cred = &r->cred,
	    .endpoint = r->endpoint,
	    .deadline = &r->deadline,
	};
}

/* Starts the server on a free loopback port and points r->api at it, with a test
 * key and a deadline of `seconds`. */
static inline void replay_start(struct replay *r, int seconds) {
	memset(r, 0, sizeof *r);
	setenv("NO_PROXY", "*", 1);
	r->fd = socket(AF_INET, SOCK_STREAM, 0);
	ck_assert_int_ge(r->fd, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	ck_assert_int_eq(bind(r->fd, (struct sockaddr *)&a, sizeof a), 0);
	ck_assert_int_eq(listen(r->fd, 16), 0);
	ck_assert_int_eq(getsockname(r->fd, (struct sockaddr *)&a, &len), 0);
	snprintf(r->endpoint, sizeof r->endpoint, "http://127.0.0.1:%d", ntohs(a.sin_port));
	ck_assert_int_eq(pthread_create(&r->thread, NULL, replay_serve, r), 0);
	r->deadline = (struct tc_deadline){tc_monotonic_ms() + seconds * 1000, seconds};
	struct tc_error err;
	struct tc_http_opts ho = {.deadline = &r->deadline};
	r->http = tc_http_new(&ho, &err);
	ck_assert_ptr_nonnull(r->http);
	snprintf(r->cred.secret_id, sizeof r->cred.secret_id, "AKIDreplay");
	snprintf(r->cred.secret_key, sizeof r->cred.secret_key, "replay-key");
	replay_client(r);
}

static inline void replay_stop(struct replay *r) {
	atomic_store(&r->stop, true);
	pthread_join(r->thread, NULL);
	close(r->fd);
	tc_http_free(r->http);
	for (size_t i = 0; i < r->queued; i++) {
		free(r->body[i]);
	}
}

static inline int replay_remove_entry(const char *path, const struct stat *st, int flag,
				      struct FTW *ftw) {
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes a scratch directory (a cache directory of a test) and all it holds. */
static inline void replay_remove_tree(const char *dir) {
	nftw(dir, replay_remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* How many requests were answered. */
static inline size_t replay_served(struct replay *r) {
	return atomic_load(&r->served);
}

#endif

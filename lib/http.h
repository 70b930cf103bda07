/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HTTP(S) over libcurl: certificate verification always on, timeouts from the run's
 * deadline, proxies (option or the standard *_proxy variables), a response size cap.
 * One connection is reused for every request of a run. */
#ifndef TC_HTTP_H
#define TC_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "deadline.h"
#include "error.h"

#define TC_HTTP_MAX_BODY (10 * 1024 * 1024)

struct tc_http_opts {
	const char *cacert; /* CA bundle file, NULL for the system store */
	const char *capath; /* CA directory (OpenSSL hashed names), NULL: the system's */
	const char *proxy;  /* NULL: libcurl's https_proxy/no_proxy handling */
	size_t max_body;    /* 0: TC_HTTP_MAX_BODY */
	const struct tc_deadline *deadline;
	int verbose; /* >= 3: trace requests and responses to `trace` */
	FILE *trace;
};

struct tc_http_header {
	const char *name;
	const char *value;
	bool secret; /* never shown, even with -vvv */
};

struct tc_http_response {
	long status;
	char *body; /* NUL-terminated, `len` bytes before the NUL */
	size_t len;
	long retry_after; /* seconds of a Retry-After header (429, 503), 0 when none */
};

struct tc_http;

/* A client; libcurl itself is loaded by its first request. */
struct tc_http *tc_http_new(const struct tc_http_opts *opts, struct tc_error *err);
void tc_http_free(struct tc_http *http);

/* Sends one request (body NULL for GET) and reads the whole response. Any status is
 * returned in resp->status; transport failures are errors. */
int tc_http_request(struct tc_http *http, const char *method, const char *url,
		    const struct tc_http_header *headers, size_t nheaders, const char *body,
		    size_t body_len, struct tc_http_response *resp, struct tc_error *err);

void tc_http_response_free(struct tc_http_response *resp);

/* Caps each following request at `ms` (0: only the deadline), for calls that must
 * not spend the whole budget, like the metadata service on a host that is no CVM. */
void tc_http_set_cap_ms(struct tc_http *http, long ms);

/* Caps each following answer at `bytes` (0: opts.max_body): what one action can
 * legitimately return, so a hostile answer costs little to refuse. */
void tc_http_set_body_cap(struct tc_http *http, size_t bytes);

/* Private mode, for the metadata service: the following requests never go through a
 * proxy (neither --proxy nor the *_proxy variables) and their answers are not traced
 * at -vvv, since they are keys. */
void tc_http_set_private(struct tc_http *http, bool on);

/* Refuses a proxy URL with a user name or password in it (without echoing it). */
int tc_http_check_proxy(const char *proxy, struct tc_error *err);

/* The host[:port] part of an http(s) URL, for the Host header that is signed. */
int tc_url_host(const char *url, char *buf, size_t size);

#endif

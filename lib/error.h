/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Errors as values: every failure to learn the truth is one of these, passed up to
 * the program's main and turned into a single UNKNOWN line there. */
#ifndef TC_ERROR_H
#define TC_ERROR_H

#include <stdbool.h>

enum tc_err_kind {
	TC_ERR_NONE = 0,
	TC_ERR_USAGE,       /* bad option or option value */
	TC_ERR_CONFIG,      /* unreadable or malformed configuration file */
	TC_ERR_CREDENTIALS, /* no usable credentials */
	TC_ERR_NETWORK,     /* DNS, connect, reset */
	TC_ERR_TLS,         /* certificate or handshake */
	TC_ERR_TIMEOUT,     /* the -t deadline passed */
	TC_ERR_HTTP,        /* a status other than 200, or an oversized body */
	TC_ERR_API,         /* a Response.Error envelope */
	TC_ERR_PARSE,       /* the body is not the JSON we expect */
	TC_ERR_DATA,        /* a field is missing, of the wrong type, or absurd */
	TC_ERR_INTERNAL,    /* out of memory, refused action, and the like */
};

struct tc_error {
	enum tc_err_kind kind;
	char code[96];       /* API error code, e.g. AuthFailure.SignatureFailure */
	char message[512];   /* one line, no trailing newline */
	char request_id[80]; /* RequestId of the failed call, when there is one */
	bool retryable;      /* worth another try: rate limit, 5xx, connection reset */
};

/* Sets kind and a printf-style message (newlines folded to spaces); returns -1 so
 * callers can write `return tc_error_set(...)`. */
int tc_error_set(struct tc_error *err, enum tc_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prepends "context: " to the message, for adding where an error happened. */
int tc_error_prefix(struct tc_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void tc_error_clear(struct tc_error *err);

const char *tc_error_kind_name(enum tc_err_kind kind);

/* The one-line description shown to users: message, then code and RequestId. */
void tc_error_describe(const struct tc_error *err, char *buf, unsigned long size);

#endif

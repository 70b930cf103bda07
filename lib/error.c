/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

static void fold_newlines(char *s) {
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			*s = ' ';
		}
	}
}

int tc_error_set(struct tc_error *err, enum tc_err_kind kind, const char *fmt, ...) {
	if (!err) {
		return -1;
	}
	va_list ap;
	err->kind = kind;
	err->retryable = false;
	err->code[0] = '\0';
	err->request_id[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	fold_newlines(err->message);
	return -1;
}

int tc_error_prefix(struct tc_error *err, const char *fmt, ...) {
	char prefix[256];
	char old[sizeof err->message];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	memcpy(old, err->message, sizeof old);
	/* TRANSLATORS: what failed, then why */
	snprintf(err->message, sizeof err->message, _("%s: %s"), prefix, old);
	fold_newlines(err->message);
	return -1;
}

void tc_error_clear(struct tc_error *err) {
	memset(err, 0, sizeof *err);
}

const char *tc_error_kind_name(enum tc_err_kind kind) {
	switch (kind) {
	case TC_ERR_NONE:
		return "none";
	case TC_ERR_USAGE:
		return "usage";
	case TC_ERR_CONFIG:
		return "configuration";
	case TC_ERR_CREDENTIALS:
		return "credentials";
	case TC_ERR_NETWORK:
		return "network";
	case TC_ERR_TLS:
		return "tls";
	case TC_ERR_TIMEOUT:
		return "timeout";
	case TC_ERR_HTTP:
		return "http";
	case TC_ERR_API:
		return "api";
	case TC_ERR_PARSE:
		return "parse";
	case TC_ERR_DATA:
		return "data";
	case TC_ERR_INTERNAL:
		return "internal";
	}
	return "unknown";
}

void tc_error_describe(const struct tc_error *err, char *buf, unsigned long size) {
	int n = snprintf(buf, size, "%s", err->message[0] ? err->message : _("unspecified error"));
	if (n < 0 || (unsigned long)n >= size) {
		return;
	}
	if (err->request_id[0]) {
		snprintf(buf + n, size - (unsigned long)n, _(" (RequestId %s)"), err->request_id);
	}
}

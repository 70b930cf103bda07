/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The INI files users already have: the SDKs' ~/.tencentcloud/credentials and the
 * monitoring-plugins --extra-opts files. Sections, key=value, bare keys, ; and #
 * comments. */
#ifndef TC_INI_H
#define TC_INI_H

#include <stddef.h>

#include "error.h"

struct tc_ini_entry {
	char *section;
	char *key;
	char *value; /* NULL for a bare key */
	int line;    /* where the key (or the section header) stands, from 1 */
};

struct tc_ini {
	struct tc_ini_entry *entries;
	size_t n;
};

/* Errors say "line N: what" and never quote the line (it may hold a secret). */
int tc_ini_parse(const char *text, size_t len, struct tc_ini *out, struct tc_error *err);

/* Reads and parses a file (at most 1 MiB); errors say "PATH:N: what". */
int tc_ini_load(const char *path, struct tc_ini *out, struct tc_error *err);

/* The last value of key in section, or NULL. */
const char *tc_ini_get(const struct tc_ini *ini, const char *section, const char *key);

/* True when the section exists (even empty). */
int tc_ini_has_section(const struct tc_ini *ini, const char *section);

void tc_ini_free(struct tc_ini *ini);

#endif

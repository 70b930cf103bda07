/* SPDX-License-Identifier: GPL-3.0-or-later */
/* node_exporter textfile output: written whole or not at all, and the previous
 * file read back for the time of the last success. */
#ifndef TC_TEXTFILE_H
#define TC_TEXTFILE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* Writes `len` bytes by tc_atomic_write: to a temporary file in the same directory (a name that
 * does not end in .prom), fsyncs it, makes it 0644 and renames it over `path`. */
int tc_textfile_write(const char *path, const char *text, size_t len, struct tc_error *err);

/* The tencentcloud_last_success_timestamp_seconds value in an existing textfile,
 * or 0 when there is none. */
int64_t tc_textfile_last_success(const char *path);

#endif

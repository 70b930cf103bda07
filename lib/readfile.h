/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small files read whole: credentials, options, scenarios, cache entries, the last
 * textfile. Only regular files, never blocking on a FIFO or a device. */
#ifndef TC_READFILE_H
#define TC_READFILE_H

#include <stddef.h>

#include "error.h"

/* Reads a whole file of at most `max` bytes into a NUL-terminated buffer and sets
 * *len; the caller frees it. NULL and a TC_ERR_CONFIG error naming the path otherwise. */
char *tc_read_file(const char *path, size_t max, size_t *len, struct tc_error *err);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A file replaced whole or not at all: written to a temporary file beside it,
 * flushed to the disk, then renamed over it. A reader sees the old file or the new
 * one, never half of one, and a failure leaves no temporary behind. */
#ifndef TC_ATOMIC_H
#define TC_ATOMIC_H

#include <stddef.h>
#include <sys/types.h>
#include <sys/uio.h>

#include "error.h"

/* Writes the `nparts` pieces, one after the other, to ".NAME.XXXXXX" in the
 * directory of `path` (a name no reader of NAME's pattern takes for NAME), gives it
 * `mode`, fsyncs it and renames it over `path`. On any failure the temporary file
 * is removed, `path` is left as it was and -1 returned with a TC_ERR_CONFIG error
 * that names the step and the system's reason. */
int tc_atomic_write(const char *path, const struct iovec *parts, int nparts, mode_t mode,
		    struct tc_error *err);

#endif

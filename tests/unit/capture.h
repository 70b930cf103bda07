/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a whole program run prints: fn runs with stdout going to a file. */
#ifndef TC_TEST_CAPTURE_H
#define TC_TEST_CAPTURE_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Returns what fn(ctx) printed on stdout (a static buffer, until the next call) and
 * sets *status to what it returned. */
static inline char *capture_stdout(int (*fn)(void *ctx), void *ctx, int *status) {
	static char out[8192];
	char path[] = "/tmp/tc-capture-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fflush(stdout);
	int saved = dup(1);
	dup2(fd, 1);
	*status = fn(ctx);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	FILE *f = fopen(path, "r");
	size_t n = fread(out, 1, sizeof out - 1, f);
	out[n] = '\0';
	fclose(f);
	close(fd);
	unlink(path);
	return out;
}

#endif

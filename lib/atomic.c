/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *data, size_t len) {
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			if (w == 0) {
				errno = ENOSPC;
			}
			return -1;
		}
		done += (size_t)w;
	}
	return 0;
}

/* Removes the temporary and says which step failed, with errno's reason. */
static int fail(const char *tmp, int fd, const char *step, const char *path, struct tc_error *err) {
	int e = errno;
	if (fd >= 0) {
		close(fd);
	}
	unlink(tmp);
	return tc_error_set(err, TC_ERR_CONFIG, "cannot %s %s: %s", step, path, strerror(e));
}

int tc_atomic_write(const char *path, const struct iovec *parts, int nparts, mode_t mode,
		    struct tc_error *err) {
	char tmp[4096];
	const char *slash = strrchr(path, '/');
	int n = slash ? snprintf(tmp, sizeof tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path,
				 slash + 1)
		      : snprintf(tmp, sizeof tmp, ".%s.XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		return tc_error_set(err, TC_ERR_CONFIG, "path too long: %.80s...", path);
	}
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		return tc_error_set(err, TC_ERR_CONFIG, "cannot create a file beside %s: %s", path,
				    strerror(errno));
	}
	for (int i = 0; i < nparts; i++) {
		if (write_all(fd, parts[i].iov_base, parts[i].iov_len) != 0) {
			return fail(tmp, fd, "write", path, err);
		}
	}
	if (fchmod(fd, mode) != 0 || fsync(fd) != 0) {
		return fail(tmp, fd, "flush", path, err);
	}
	if (close(fd) != 0) {
		return fail(tmp, -1, "flush", path, err);
	}
	if (rename(tmp, path) != 0) {
		return fail(tmp, -1, "replace", path, err);
	}
	return 0;
}

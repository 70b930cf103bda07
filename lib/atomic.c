/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atomic.h"

#include "i18n.h"

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

/* Removes the temporary and returns errno's value from the step that failed. */
static int discard(const char *tmp, int fd) {
	int e = errno;
	if (fd >= 0) {
		close(fd);
	}
	unlink(tmp);
	return e;
}

int tc_atomic_write(const char *path, const struct iovec *parts, int nparts, mode_t mode,
		    struct tc_error *err) {
	char tmp[4096];
	const char *slash = strrchr(path, '/');
	int n = slash ? snprintf(tmp, sizeof tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path,
				 slash + 1)
		      : snprintf(tmp, sizeof tmp, ".%s.XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		return tc_error_set(err, TC_ERR_CONFIG, _("path too long: %.80s..."), path);
	}
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot create a file beside %s: %s"),
				    path, strerror(errno));
	}
	for (int i = 0; i < nparts; i++) {
		if (write_all(fd, parts[i].iov_base, parts[i].iov_len) != 0) {
			int e = discard(tmp, fd);
			return tc_error_set(err, TC_ERR_CONFIG, _("cannot write %s: %s"), path,
					    strerror(e));
		}
	}
	if (fchmod(fd, mode) != 0 || fsync(fd) != 0) {
		int e = discard(tmp, fd);
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot flush %s: %s"), path,
				    strerror(e));
	}
	if (close(fd) != 0) {
		int e = discard(tmp, -1);
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot flush %s: %s"), path,
				    strerror(e));
	}
	if (rename(tmp, path) != 0) {
		int e = discard(tmp, -1);
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot replace %s: %s"), path,
				    strerror(e));
	}
	return 0;
}

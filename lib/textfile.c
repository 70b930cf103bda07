/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "textfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decimal.h"
#include "i18n.h"
#include "readfile.h"

int tc_textfile_write(const char *path, const char *text, size_t len, struct tc_error *err) {
	char tmp[4096];
	const char *slash = strrchr(path, '/');
	int n = slash ? snprintf(tmp, sizeof tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path,
				 slash + 1)
		      : snprintf(tmp, sizeof tmp, ".%s.XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		return tc_error_set(err, TC_ERR_USAGE, _("--textfile path too long"));
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot create a file beside %s: %s"),
				    path, strerror(errno));
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			int e = errno;
			close(fd);
			unlink(tmp);
			return tc_error_set(err, TC_ERR_CONFIG, _("cannot write %s: %s"), tmp,
					    strerror(e));
		}
		done += (size_t)w;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0 || close(fd) != 0) {
		int e = errno;
		unlink(tmp);
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot finish %s: %s"), tmp,
				    strerror(e));
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot rename to %s: %s"), path,
				    strerror(e));
	}
	return 0;
}

int64_t tc_textfile_last_success(const char *path) {
	static const char key[] = "tencentcloud_last_success_timestamp_seconds{";
	size_t len = 0;
	struct tc_error err;
	char *text = tc_read_file(path, 1024 * 1024, &len, &err);
	int64_t found = 0;
	if (!text) {
		return 0;
	}
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *space = strrchr(line, ' ');
		if (strncmp(line, key, sizeof key - 1) == 0 && space &&
		    tc_decimal_parse_str(space + 1, 0, TC_EXACT, &found, &err) != 0) {
			found = 0;
		}
	}
	free(text);
	return found;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "readfile.h"

#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *tc_read_file(const char *path, size_t max, size_t *len, struct tc_error *err) {
	/* never block on a FIFO or a device put where a file was expected */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		tc_error_set(err, TC_ERR_CONFIG, _("cannot open %s: %s"), path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		tc_error_set(err, TC_ERR_CONFIG, _("%s is not a regular file"), path);
		return NULL;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		tc_error_set(err, TC_ERR_CONFIG, _("cannot open %s: %s"), path, strerror(errno));
		return NULL;
	}
	char *buf = malloc(max + 1);
	size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
	int failed = ferror(f);
	fclose(f);
	if (!buf || failed) {
		free(buf);
		tc_error_set(err, TC_ERR_CONFIG, _("cannot read %s"), path);
		return NULL;
	}
	if (n > max) {
		free(buf);
		tc_error_set(err, TC_ERR_CONFIG, _("%s is larger than %zu bytes"), path, max);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

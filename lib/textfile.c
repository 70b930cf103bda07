/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "textfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "decimal.h"
#include "i18n.h"
#include "readfile.h"

int tc_textfile_write(const char *path, const char *text, size_t len, struct tc_error *err) {
	struct iovec part = {(void *)text, len};
	return tc_atomic_write(path, &part, 1, 0644, err);
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

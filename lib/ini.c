/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ini.h"

#include "i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readfile.h"

#define INI_MAX_BYTES (1024 * 1024)

static char *dup_trimmed(const char *start, const char *end) {
	while (start < end && isspace((unsigned char)*start)) {
		start++;
	}
	while (end > start && isspace((unsigned char)end[-1])) {
		end--;
	}
	size_t n = (size_t)(end - start);
	char *s = malloc(n + 1);
	if (s) {
		memcpy(s, start, n);
		s[n] = '\0';
	}
	return s;
}

static int add(struct tc_ini *ini, const char *section, char *key, char *value, int line,
	       struct tc_error *err) {
	struct tc_ini_entry *grown = realloc(ini->entries, (ini->n + 1) * sizeof *grown);
	char *sec = strdup(section);
	if (!grown || !sec || !key) {
		if (grown) {
			ini->entries = grown;
		}
		free(sec);
		free(key);
		free(value);
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	ini->entries = grown;
	ini->entries[ini->n++] = (struct tc_ini_entry){sec, key, value, line};
	return 0;
}

/* "NAME:N: what" for a file, "line N: what" for text without a name. */
static int line_error(struct tc_ini *out, const char *name, int lineno, const char *what,
		      struct tc_error *err) {
	tc_ini_free(out);
	if (name) {
		return tc_error_set(err, TC_ERR_CONFIG, "%s:%d: %s", name, lineno, what);
	}
	return tc_error_set(err, TC_ERR_CONFIG, _("line %d: %s"), lineno, what);
}

static int parse_named(const char *text, size_t len, const char *name, struct tc_ini *out,
		       struct tc_error *err) {
	char section[128] = "";
	const char *p = text;
	const char *end = text + len;
	int lineno = 0;
	memset(out, 0, sizeof *out);
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = eol ? eol : end;
		const char *s = p;
		lineno++;
		p = eol ? eol + 1 : end;
		while (s < line_end && isspace((unsigned char)*s)) {
			s++;
		}
		if (s == line_end || *s == ';' || *s == '#') {
			continue;
		}
		if (memchr(s, '\0', (size_t)(line_end - s))) {
			return line_error(out, name, lineno, "NUL byte", err);
		}
		if (*s == '[') {
			const char *close = memchr(s, ']', (size_t)(line_end - s));
			char *head = close ? dup_trimmed(s + 1, close) : NULL;
			if (!head || strlen(head) >= sizeof section || !*head) {
				free(head);
				return line_error(out, name, lineno, "bad section header", err);
			}
			strcpy(section, head);
			free(head);
			/* an empty section still exists */
			if (add(out, section, strdup(""), NULL, lineno, err) != 0) {
				tc_ini_free(out);
				return -1;
			}
			continue;
		}
		const char *eq = memchr(s, '=', (size_t)(line_end - s));
		char *key = dup_trimmed(s, eq ? eq : line_end);
		char *value = eq ? dup_trimmed(eq + 1, line_end) : NULL;
		if (!key || !*key || (eq && !value)) {
			free(key);
			free(value);
			return line_error(out, name, lineno, "expected key=value", err);
		}
		if (add(out, section, key, value, lineno, err) != 0) {
			tc_ini_free(out);
			return -1;
		}
	}
	return 0;
}

int tc_ini_parse(const char *text, size_t len, struct tc_ini *out, struct tc_error *err) {
	return parse_named(text, len, NULL, out, err);
}

int tc_ini_load(const char *path, struct tc_ini *out, struct tc_error *err) {
	size_t len = 0;
	char *text = tc_read_file(path, INI_MAX_BYTES, &len, err);
	if (!text) {
		return -1;
	}
	int rc = parse_named(text, len, path, out, err);
	explicit_bzero(text, len); /* a credentials file's text */
	free(text);
	return rc;
}

const char *tc_ini_get(const struct tc_ini *ini, const char *section, const char *key) {
	const char *found = NULL;
	for (size_t i = 0; i < ini->n; i++) {
		if (strcmp(ini->entries[i].section, section) == 0 &&
		    strcmp(ini->entries[i].key, key) == 0) {
			found = ini->entries[i].value;
		}
	}
	return found;
}

int tc_ini_has_section(const struct tc_ini *ini, const char *section) {
	for (size_t i = 0; i < ini->n; i++) {
		if (strcmp(ini->entries[i].section, section) == 0) {
			return 1;
		}
	}
	return 0;
}

void tc_ini_free(struct tc_ini *ini) {
	for (size_t i = 0; i < ini->n; i++) {
		free(ini->entries[i].section);
		free(ini->entries[i].key);
		free(ini->entries[i].value);
	}
	free(ini->entries);
	ini->entries = NULL;
	ini->n = 0;
}

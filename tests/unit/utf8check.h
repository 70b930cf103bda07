/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UTF-8 for the tests: a strict checker (Unicode Table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF), independent of the code it checks, and long
 * CJK names to cut. */
#ifndef TC_TEST_UTF8CHECK_H
#define TC_TEST_UTF8CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

static inline bool utf8_valid(const char *text) {
	const unsigned char *s = (const unsigned char *)text;
	while (*s) {
		unsigned char c = *s;
		size_t n;
		unsigned char lo = 0x80, hi = 0xbf;
		if (c < 0x80) {
			s++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			lo = c == 0xe0 ? 0xa0 : 0x80;
			hi = c == 0xed ? 0x9f : 0xbf;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			lo = c == 0xf0 ? 0x90 : 0x80;
			hi = c == 0xf4 ? 0x8f : 0xbf;
		} else {
			return false;
		}
		s++;
		for (size_t i = 0; i < n; i++, s++) {
			unsigned char min = i == 0 ? lo : 0x80, max = i == 0 ? hi : 0xbf;
			if (*s < min || *s > max) {
				return false;
			}
		}
	}
	return true;
}

/* No C0 control but newline, no DEL, no C1 control, no bidirectional override. */
static inline bool no_controls(const char *text) {
	static const char *const banned[] = {
	    "\xc2\x80",     "\xc2\x85",     "\xc2\x9b",     "\xc2\x9f",     "\xe2\x80\xaa",
	    "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae", "\xe2\x81\xa6",
	    "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"};
	for (const char *p = text; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c < 0x20 && c != '\n') || c == 0x7f) {
			return false;
		}
	}
	for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++) {
		if (strstr(text, banned[i])) {
			return false;
		}
	}
	return true;
}

/* "x" * pad then n times U+817E (3 bytes): a name long enough to be cut at any byte */
static inline void long_name(char *buf, size_t size, int pad, int n) {
	snprintf(buf, size, "%.*s", pad, "xx");
	for (int i = 0; i < n; i++) {
		strncat(buf, "\xe8\x85\xbe", size - strlen(buf) - 1);
	}
}

/* 腾讯云计算（北京）有限责任公司: 3-byte characters, so a byte cut can fall inside one */
#define CJK                                                                                        \
	"\xe8\x85\xbe\xe8\xae\xaf\xe4\xba\x91\xe8\xae\xa1\xe7\xae\x97\xef\xbc\x88\xe5\x8c\x97"     \
	"\xe4\xba\xac\xef\xbc\x89\xe6\x9c\x89\xe9\x99\x90\xe8\xb4\xa3\xe4\xbb\xbb\xe5\x85\xac"     \
	"\xe5\x8f\xb8"

/* Whether `out` is `in` cut after whole characters, then "..." (or all of `in`). */
static inline bool character_prefix(const char *out, const char *in) {
	size_t n = strlen(out);
	if (strcmp(out, in) == 0) {
		return true;
	}
	if (n < 3 || strcmp(out + n - 3, "...") != 0 || strncmp(out, in, n - 3) != 0) {
		return false;
	}
	return ((unsigned char)in[n - 3] & 0xc0) != 0x80; /* the next one starts a character */
}

#endif

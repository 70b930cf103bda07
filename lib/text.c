/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text.h"

#include <stdint.h>
#include <string.h>

/* The length of the valid UTF-8 sequence at `s` and its code point, or 0 and the
 * length of the invalid part to replace by one U+FFFD (the maximal subpart). */
static size_t decode(const unsigned char *s, uint32_t *cp, size_t *bad) {
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t n;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		lo = c == 0xe0 ? 0xa0 : 0x80; /* no overlong forms */
		hi = c == 0xed ? 0x9f : 0xbf; /* no surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		lo = c == 0xf0 ? 0x90 : 0x80;
		hi = c == 0xf4 ? 0x8f : 0xbf; /* nothing above U+10FFFF */
	} else {
		*bad = 1;
		return 0;
	}
	uint32_t v = c & (0xff >> (n + 1));
	for (size_t i = 1; i < n; i++) {
		unsigned char min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xbf;
		if (s[i] < min || s[i] > max) {
			*bad = i;
			return 0;
		}
		v = v << 6 | (s[i] & 0x3f);
	}
	*cp = v;
	return n;
}

/* What a code point is shown as: NULL to keep it, else its replacement. */
static const char *replacement(uint32_t cp, unsigned flags) {
	if (cp == '\n' && (flags & TC_TEXT_KEEP_NEWLINES)) {
		return NULL;
	}
	if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
		return " ";
	}
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069)) {
		return "\xef\xbf\xbd";
	}
	return NULL;
}

bool tc_text_copy(char *dst, size_t size, const char *src, unsigned flags) {
	const unsigned char *s = (const unsigned char *)(src ? src : "");
	size_t used = 0, room = size ? size - 1 : 0;
	if (size == 0) {
		return *s != '\0';
	}
	while (*s) {
		uint32_t cp = 0;
		size_t bad = 0, n = decode(s, &cp, &bad);
		const char *out = n ? replacement(cp, flags) : "\xef\xbf\xbd";
		size_t len = out ? strlen(out) : n;
		if (used + len > room) {
			size_t dots = room >= 3 ? 3 : 0;
			while (used > 0 && used + dots > room) {
				used--; /* back to a character boundary with room for "..." */
				while (used > 0 && ((unsigned char)dst[used] & 0xc0) == 0x80) {
					used--;
				}
			}
			memcpy(dst + used, "...", dots);
			dst[used + dots] = '\0';
			return true;
		}
		memcpy(dst + used, out ? out : (const char *)s, len);
		used += len;
		s += n ? n : bad;
	}
	dst[used] = '\0';
	return false;
}

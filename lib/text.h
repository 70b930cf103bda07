/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text from outside made safe to show, for every output: the plugin's lines, JSON
 * documents, chat messages. */
#ifndef TC_TEXT_H
#define TC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Text from outside (API names and messages, plugin output) made safe to show:
 * valid UTF-8 (each invalid byte sequence becomes U+FFFD), control characters (C0,
 * DEL, C1) and bidirectional overrides (U+202A-U+202E, U+2066-U+2069) replaced (tab,
 * CR, newline and U+2028/U+2029 by a space, the others by U+FFFD), and cut on a
 * character boundary to fit `size` bytes with its NUL, ending in "..." when cut.
 * TC_TEXT_KEEP_NEWLINES keeps '\n' (for multi-line text). Returns true when cut. */
enum { TC_TEXT_ONE_LINE = 0, TC_TEXT_KEEP_NEWLINES = 1 };
bool tc_text_copy(char *dst, size_t size, const char *src, unsigned flags);

#endif

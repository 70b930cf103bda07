/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact conversion between decimal text and int64 fixed-point numbers. Money,
 * thresholds and perfdata all go through here, so no float ever holds a value. */
#ifndef TC_DECIMAL_H
#define TC_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

enum tc_rounding {
	TC_EXACT,      /* digits beyond the scale are an error unless they are zeros */
	TC_ROUND_HALF, /* round half away from zero */
	TC_ROUND_UP,   /* any dropped digit rounds away from zero (a debt stays a debt) */
};

/* Parses `len` bytes of text ("-12", "1234.0", "25941.65000000", "1.5e3") into
 * value * 10^scale. Rejects anything else, and overflow, with an error value. */
int tc_decimal_parse(const char *text, size_t len, int scale, enum tc_rounding rounding,
		     int64_t *out, struct tc_error *err);

/* Same for a NUL-terminated string. */
int tc_decimal_parse_str(const char *text, int scale, enum tc_rounding rounding, int64_t *out,
			 struct tc_error *err);

struct tc_decimal_style {
	bool group; /* thousands separators (",") for people */
	bool trim;  /* drop trailing fractional zeros and a bare "." */
};

/* Writes value / 10^scale with '.' as decimal point, whatever the locale. */
void tc_decimal_format(int64_t value, int scale, struct tc_decimal_style style, char *buf,
		       size_t size);

#endif

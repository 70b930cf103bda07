/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "decimal.h"

#include "i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define MAX_EXPONENT 400

static bool is_digit(char c) {
	return c >= '0' && c <= '9';
}

struct parsed {
	bool negative;
	const char *digits[2]; /* integer part, fraction part */
	size_t ndigits[2];
	long exponent;
};

static int scan(const char *p, const char *end, struct parsed *out, struct tc_error *err) {
	memset(out, 0, sizeof *out);
	if (p < end && (*p == '-' || *p == '+')) {
		out->negative = *p == '-';
		p++;
	}
	out->digits[0] = p;
	while (p < end && is_digit(*p)) {
		p++;
	}
	out->ndigits[0] = (size_t)(p - out->digits[0]);
	if (p < end && *p == '.') {
		p++;
		out->digits[1] = p;
		while (p < end && is_digit(*p)) {
			p++;
		}
		out->ndigits[1] = (size_t)(p - out->digits[1]);
	}
	if (out->ndigits[0] + out->ndigits[1] == 0) {
		return tc_error_set(err, TC_ERR_PARSE, _("not a number"));
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		bool eneg = false;
		long e = 0;
		p++;
		if (p < end && (*p == '-' || *p == '+')) {
			eneg = *p == '-';
			p++;
		}
		if (p == end || !is_digit(*p)) {
			return tc_error_set(err, TC_ERR_PARSE, _("not a number"));
		}
		for (; p < end && is_digit(*p); p++) {
			if (e < MAX_EXPONENT * 10) {
				e = e * 10 + (*p - '0');
			}
		}
		if (e > MAX_EXPONENT) {
			return tc_error_set(err, TC_ERR_PARSE, _("exponent out of range"));
		}
		out->exponent = eneg ? -e : e;
	}
	if (p != end) {
		return tc_error_set(err, TC_ERR_PARSE, _("not a number"));
	}
	return 0;
}

/* The i-th digit of the mantissa (integer digits then fraction digits). */
static int digit_at(const struct parsed *d, size_t i) {
	if (i < d->ndigits[0]) {
		return d->digits[0][i] - '0';
	}
	return d->digits[1][i - d->ndigits[0]] - '0';
}

static bool push_digit(uint64_t *acc, int digit) {
	if (*acc > ((uint64_t)INT64_MAX - (uint64_t)digit) / 10) {
		return false;
	}
	*acc = *acc * 10 + (uint64_t)digit;
	return true;
}

int tc_decimal_parse(const char *text, size_t len, int scale, enum tc_rounding rounding,
		     int64_t *out, struct tc_error *err) {
	struct parsed d;
	if (!text || scan(text, text + len, &d, err) != 0) {
		return -1;
	}
	size_t total = d.ndigits[0] + d.ndigits[1];
	/* value = mantissa * 10^shift, where the mantissa is all digits as an integer */
	long shift = (long)scale + d.exponent - (long)d.ndigits[1];
	long keep = (long)total + (shift < 0 ? shift : 0);
	uint64_t acc = 0;
	for (long i = 0; i < keep && i < (long)total; i++) {
		if (!push_digit(&acc, digit_at(&d, (size_t)i))) {
			return tc_error_set(err, TC_ERR_PARSE, _("number too large"));
		}
	}
	for (long i = 0; shift > 0 && i < shift; i++) {
		if (acc != 0 && !push_digit(&acc, 0)) {
			return tc_error_set(err, TC_ERR_PARSE, _("number too large"));
		}
	}
	if (shift < 0) {
		size_t first_dropped = keep > 0 ? (size_t)keep : 0;
		bool round_up = false;
		bool lost = false;
		for (size_t i = first_dropped; i < total; i++) {
			int dig = digit_at(&d, i);
			if (dig != 0) {
				lost = true;
			}
			/* only the digit right after the kept ones decides; when keep < 0
			 * the first dropped position lies before the mantissa, i.e. a 0 */
			if (i == first_dropped && keep >= 0 && dig >= 5) {
				round_up = true;
			}
		}
		round_up = round_up || (lost && rounding == TC_ROUND_UP);
		if (lost && rounding == TC_EXACT) {
			return tc_error_set(err, TC_ERR_PARSE, _("more than %d decimal places"),
					    scale);
		}
		if (round_up) {
			if (acc >= (uint64_t)INT64_MAX) {
				return tc_error_set(err, TC_ERR_PARSE, _("number too large"));
			}
			acc++;
		}
	}
	*out = d.negative ? -(int64_t)acc : (int64_t)acc;
	return 0;
}

int tc_decimal_parse_str(const char *text, int scale, enum tc_rounding rounding, int64_t *out,
			 struct tc_error *err) {
	if (!text) {
		return tc_error_set(err, TC_ERR_PARSE, _("not a number"));
	}
	return tc_decimal_parse(text, strlen(text), scale, rounding, out, err);
}

void tc_decimal_format(int64_t value, int scale, struct tc_decimal_style style, char *buf,
		       size_t size) {
	char digits[32];
	char tmp[64];
	size_t n = 0;
	uint64_t mag = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
	snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
	size_t nd = strlen(digits);
	/* pad so there is at least one integer digit */
	char padded[64];
	size_t pad = nd <= (size_t)scale ? (size_t)scale + 1 - nd : 0;
	memset(padded, '0', pad);
	memcpy(padded + pad, digits, nd + 1);
	nd += pad;
	size_t nint = nd - (size_t)scale;

	if (value < 0) {
		tmp[n++] = '-';
	}
	for (size_t i = 0; i < nint; i++) {
		if (style.group && i > 0 && (nint - i) % 3 == 0) {
			tmp[n++] = ',';
		}
		tmp[n++] = padded[i];
	}
	if (scale > 0) {
		size_t last = nd;
		if (style.trim) {
			while (last > nint && padded[last - 1] == '0') {
				last--;
			}
		}
		if (last > nint) {
			tmp[n++] = '.';
			for (size_t i = nint; i < last; i++) {
				tmp[n++] = padded[i];
			}
		}
	}
	tmp[n] = '\0';
	if (strcmp(tmp, "-0") == 0) {
		strcpy(tmp, "0");
	}
	snprintf(buf, size, "%s", tmp);
}

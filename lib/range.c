/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "range.h"

#include <stdio.h>
#include <string.h>

#include "decimal.h"
#include "i18n.h"

static int parse_bound(const char *p, size_t len, int64_t *out, struct tc_error *err) {
	if (tc_decimal_parse(p, len, TC_RANGE_SCALE, TC_EXACT, out, err) != 0) {
		return -1;
	}
	return 0;
}

int tc_range_parse(const char *text, struct tc_range *out, struct tc_error *err) {
	struct tc_range r = {.set = true};
	const char *p = text;
	if (!text || !*text) {
		return tc_error_set(err, TC_ERR_USAGE, _("empty threshold range"));
	}
	if (*p == '@') {
		r.inside = true;
		p++;
	}
	const char *colon = strchr(p, ':');
	if (!colon) {
		r.start = 0;
		r.end_infinite = false;
		if (parse_bound(p, strlen(p), &r.end, err) != 0) {
			return tc_error_set(err, TC_ERR_USAGE, _("invalid threshold range '%s'"),
					    text);
		}
	} else {
		size_t slen = (size_t)(colon - p);
		const char *e = colon + 1;
		if (slen == 1 && *p == '~') {
			r.start_infinite = true;
		} else if (slen == 0) {
			r.start = 0;
		} else if (parse_bound(p, slen, &r.start, err) != 0) {
			return tc_error_set(err, TC_ERR_USAGE, _("invalid threshold range '%s'"),
					    text);
		}
		if (*e == '\0') {
			r.end_infinite = true;
		} else if (parse_bound(e, strlen(e), &r.end, err) != 0) {
			return tc_error_set(err, TC_ERR_USAGE, _("invalid threshold range '%s'"),
					    text);
		}
	}
	if (!r.start_infinite && !r.end_infinite && r.start > r.end) {
		return tc_error_set(err, TC_ERR_USAGE,
				    _("invalid threshold range '%s': start is greater than end"),
				    text);
	}
	*out = r;
	return 0;
}

static __int128 ten_to(int n) {
	__int128 p = 1;
	while (n-- > 0) {
		p *= 10;
	}
	return p;
}

static int clamp_scale(int scale) {
	return scale < 0 ? 0 : scale > TC_RANGE_MAX_SCALE ? TC_RANGE_MAX_SCALE : scale;
}

/* -1, 0 or 1 as value (at `scale`) is below, at or above bound (at TC_RANGE_SCALE):
 * both brought to the finer scale in 128 bits, where neither can overflow. */
static int compare(int64_t value, int scale, int64_t bound) {
	__int128 v = value, b = bound;
	if (scale > TC_RANGE_SCALE) {
		b *= ten_to(scale - TC_RANGE_SCALE);
	} else {
		v *= ten_to(TC_RANGE_SCALE - scale);
	}
	return v < b ? -1 : v > b;
}

bool tc_range_alerts(const struct tc_range *r, int64_t value, int scale) {
	if (!r->set) {
		return false;
	}
	scale = clamp_scale(scale);
	bool above_start = r->start_infinite || compare(value, scale, r->start) >= 0;
	bool below_end = r->end_infinite || compare(value, scale, r->end) <= 0;
	bool within = above_start && below_end;
	return r->inside ? within : !within;
}

/* `bound` (at TC_RANGE_SCALE) at `scale`, cut toward zero; false when that loses
 * digits or leaves int64 (then the nearest int64 is given). */
static bool bound_at(int64_t bound, int scale, int64_t *out) {
	__int128 v = bound;
	bool exact = true;
	if (scale >= TC_RANGE_SCALE) {
		v *= ten_to(scale - TC_RANGE_SCALE);
	} else {
		__int128 d = ten_to(TC_RANGE_SCALE - scale);
		exact = v % d == 0;
		v /= d;
	}
	if (v > INT64_MAX || v < -INT64_MAX) {
		v = v > 0 ? INT64_MAX : -INT64_MAX;
		exact = false;
	}
	*out = (int64_t)v;
	return exact;
}

bool tc_range_floor(const struct tc_range *r, int scale, int64_t *floor) {
	if (!r->set || r->inside || r->start_infinite) {
		return false;
	}
	return bound_at(r->start, clamp_scale(scale), floor);
}

int tc_range_parse_left(const char *text, struct tc_range *out, struct tc_error *err) {
	char buf[64];
	size_t len = text ? strlen(text) : 0;
	if (len > 0 && len < sizeof buf - 1 && strspn(text, "0123456789.") == len) {
		snprintf(buf, sizeof buf, "%s:", text);
		text = buf;
	}
	return tc_range_parse(text, out, err);
}

static void bound_text(int64_t v, char *buf, size_t size) {
	struct tc_decimal_style style = {.group = false, .trim = true};
	tc_decimal_format(v, TC_RANGE_SCALE, style, buf, size);
}

void tc_range_format(const struct tc_range *r, char *buf, size_t size) {
	char s[40] = "", e[40] = "";
	if (!r->set) {
		snprintf(buf, size, "%s", "");
		return;
	}
	if (r->start_infinite) {
		strcpy(s, "~");
	} else {
		bound_text(r->start, s, sizeof s);
	}
	if (!r->end_infinite) {
		bound_text(r->end, e, sizeof e);
	}
	if (!r->inside && !r->start_infinite && r->start == 0 && !r->end_infinite) {
		snprintf(buf, size, "%s", e);
	} else {
		snprintf(buf, size, "%s%s:%s", r->inside ? "@" : "", s, e);
	}
}

void tc_range_describe(const struct tc_range *r, int64_t value, int scale, tc_range_value_fmt fmt,
		       const void *ctx, char *buf, size_t size) {
	char s[64], e[64];
	int64_t start, end;
	if (!r->set) {
		snprintf(buf, size, "%s", _("no threshold"));
		return;
	}
	scale = clamp_scale(scale);
	bound_at(r->start, scale, &start);
	bound_at(r->end, scale, &end);
	fmt(start, scale, s, sizeof s, ctx);
	fmt(end, scale, e, sizeof e, ctx);
	if (r->inside) {
		if (r->start_infinite && r->end_infinite) {
			snprintf(buf, size, "%s", _("any value"));
		} else if (r->start_infinite) {
			snprintf(buf, size, _("at most %s"), e);
		} else if (r->end_infinite) {
			snprintf(buf, size, _("at least %s"), s);
		} else {
			snprintf(buf, size, _("between %s and %s"), s, e);
		}
	} else if (!r->start_infinite && compare(value, scale, r->start) < 0) {
		snprintf(buf, size, _("below %s"), s);
	} else if (!r->end_infinite && compare(value, scale, r->end) > 0) {
		snprintf(buf, size, _("above %s"), e);
	} else {
		snprintf(buf, size, _("within %s to %s"), s, e);
	}
}

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

bool tc_range_alerts(const struct tc_range *r, int64_t value) {
	if (!r->set) {
		return false;
	}
	bool above_start = r->start_infinite || value >= r->start;
	bool below_end = r->end_infinite || value <= r->end;
	bool within = above_start && below_end;
	return r->inside ? within : !within;
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

void tc_range_describe(const struct tc_range *r, int64_t value, tc_range_value_fmt fmt,
		       const void *ctx, char *buf, size_t size) {
	char s[64], e[64];
	if (!r->set) {
		snprintf(buf, size, "%s", _("no threshold"));
		return;
	}
	fmt(r->start, s, sizeof s, ctx);
	fmt(r->end, e, sizeof e, ctx);
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
	} else if (!r->start_infinite && value < r->start) {
		snprintf(buf, size, _("below %s"), s);
	} else if (!r->end_infinite && value > r->end) {
		snprintf(buf, size, _("above %s"), e);
	} else {
		snprintf(buf, size, _("within %s to %s"), s, e);
	}
}

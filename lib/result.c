/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "result.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "i18n.h"
#include "money.h"

void tc_result_init(struct tc_result *r, const char *prefix) {
	memset(r, 0, sizeof *r);
	snprintf(r->prefix, sizeof r->prefix, "%s", prefix);
	r->state = TC_OK;
}

void tc_result_free(struct tc_result *r) {
	for (size_t i = 0; i < r->nlines; i++) {
		free(r->lines[i]);
	}
	free(r->lines);
	free(r->perf);
	free(r->raw);
	r->raw = NULL;
	r->lines = NULL;
	r->perf = NULL;
	r->nlines = r->nperf = 0;
}

void tc_result_raise(struct tc_result *r, enum tc_state s) {
	r->state = tc_state_worst(r->state, s);
}

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

/* A '|' would start perfdata; the rest is tc_text_copy's. */
static void no_pipes(char *s) {
	for (; *s; s++) {
		if (*s == '|') {
			*s = '/';
		}
	}
}

void tc_result_summary(struct tc_result *r, const char *fmt, ...) {
	va_list ap;
	char *text = NULL;
	va_start(ap, fmt);
	int n = vasprintf(&text, fmt, ap);
	va_end(ap);
	tc_text_copy(r->summary, sizeof r->summary, n < 0 ? _("out of memory") : text,
		     TC_TEXT_ONE_LINE);
	free(text);
	no_pipes(r->summary);
}

void tc_result_line(struct tc_result *r, const char *fmt, ...) {
	va_list ap;
	char *line = NULL;
	va_start(ap, fmt);
	int n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n < 0) {
		return;
	}
	/* a replacement takes at most 3 bytes per byte replaced */
	size_t size = 3 * (size_t)n + 1;
	char *clean = malloc(size);
	char **grown = clean ? realloc(r->lines, (r->nlines + 1) * sizeof *grown) : NULL;
	if (grown) {
		tc_text_copy(clean, size, line, TC_TEXT_ONE_LINE);
		no_pipes(clean);
		r->lines = grown;
		r->lines[r->nlines++] = clean;
	} else {
		free(clean);
	}
	free(line);
}

static void add_perf(struct tc_result *r, const struct tc_perf *p) {
	struct tc_perf *grown = realloc(r->perf, (r->nperf + 1) * sizeof *grown);
	if (!grown) {
		return;
	}
	r->perf = grown;
	r->perf[r->nperf++] = *p;
}

void tc_result_add_figure(struct tc_result *r, const struct tc_figure *f) {
	static const char *const suffix[] = {"", "", "_minutes", "_days", ""};
	const char *currency = f->currency ? f->currency : "";
	struct tc_perf p = {.measure = f->measure,
			    .value = f->value,
			    .scale = f->scale,
			    .has_min = f->min_zero,
			    .uom = f->measure == TC_MEASURE_PERCENT ? "%" : ""};
	snprintf(p.name, sizeof p.name, "%s", f->name);
	if (f->measure == TC_MEASURE_MONEY) {
		char cur[8];
		tc_currency_label(currency, cur, sizeof cur);
		snprintf(p.currency, sizeof p.currency, "%s", currency);
		snprintf(p.label, sizeof p.label, "%s_%s", f->name, cur);
	} else {
		snprintf(p.label, sizeof p.label, "%s%s", f->name, suffix[f->measure]);
	}
	if (f->limits) {
		p.warn = f->limits->warning;
		p.crit = f->limits->critical;
	}
	add_perf(r, &p);
}

void tc_result_fail(struct tc_result *r, const struct tc_error *err, enum tc_state timeout_state) {
	char text[sizeof r->summary];
	tc_error_describe(err, text, sizeof text);
	tc_result_free(r);
	r->failed = true;
	r->error = *err;
	r->state = err->kind == TC_ERR_TIMEOUT ? timeout_state : TC_UNKNOWN;
	tc_result_summary(r, "%s", text);
}

static void number(int64_t v, int scale, char *buf, size_t size) {
	struct tc_decimal_style style = {.group = false, .trim = true};
	tc_decimal_format(v, scale, style, buf, size);
}

void tc_perf_format(const struct tc_perf *p, char *buf, size_t size) {
	char label[sizeof p->label];
	char value[40], warn[48], crit[48], min[40] = "", max[40] = "";
	size_t i;
	for (i = 0; p->label[i] && i + 1 < sizeof label; i++) {
		char c = p->label[i];
		label[i] = (c == '\'' || c == '=' || c == '|') ? '_' : c;
	}
	label[i] = '\0';
	number(p->value, p->scale, value, sizeof value);
	tc_range_format(&p->warn, warn, sizeof warn);
	tc_range_format(&p->crit, crit, sizeof crit);
	if (p->has_min) {
		number(p->min, p->scale, min, sizeof min);
	}
	if (p->has_max) {
		number(p->max, p->scale, max, sizeof max);
	}
	snprintf(buf, size, "'%s'=%s%s;%s;%s;%s;%s", label, value, p->uom ? p->uom : "", warn, crit,
		 min, max);
}

void tc_result_render_nagios(const struct tc_result *r, FILE *out) {
	if (r->raw) {
		fprintf(out, "%s\n", r->raw);
		return;
	}
	fprintf(out, "%s %s - %s", r->prefix, tc_state_name(r->state), r->summary);
	for (size_t i = 0; i < r->nperf; i++) {
		char buf[256];
		tc_perf_format(&r->perf[i], buf, sizeof buf);
		fprintf(out, "%s%s", i == 0 ? " | " : " ", buf);
	}
	fputc('\n', out);
	for (size_t i = 0; i < r->nlines; i++) {
		fprintf(out, "%s\n", r->lines[i]);
	}
}

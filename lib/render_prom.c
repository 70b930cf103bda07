/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "render.h"

#include <string.h>

#include "decimal.h"

#define PREFIX "tencentcloud_"

/* The figure's HELP text from the program's table, or a general one. */
static const char *help_of(const struct tc_metric_help *helps, const char *name) {
	for (size_t i = 0; helps && helps[i].name; i++) {
		if (strcmp(helps[i].name, name) == 0) {
			return helps[i].help;
		}
	}
	return "A figure of a tc-billing-plugins check.";
}

static void label_value(FILE *out, const char *v) {
	for (; *v; v++) {
		if (*v == '\\' || *v == '"') {
			fputc('\\', out);
			fputc(*v, out);
		} else if (*v == '\n') {
			fputs("\\n", out);
		} else {
			fputc(*v, out);
		}
	}
}

static void labels(FILE *out, const struct tc_render_meta *m, const char *currency) {
	fputs("{account=\"", out);
	label_value(out, m->account);
	fputs("\",check=\"", out);
	label_value(out, m->check);
	if (currency && *currency) {
		fputs("\",currency=\"", out);
		label_value(out, currency);
	}
	fputs("\"}", out);
}

static void family(FILE *out, const char *name, const char *help) {
	fprintf(out, "# HELP " PREFIX "%s %s\n# TYPE " PREFIX "%s gauge\n", name, help, name);
}

/* Name suffix and value in base units: seconds, ratios. */
static void base_unit(const struct tc_perf *p, char *name, size_t nsize, char *value,
		      size_t vsize) {
	struct tc_decimal_style style = {.group = false, .trim = true};
	int64_t v = p->value;
	int scale = p->scale;
	const char *suffix = "";
	switch (p->measure) {
	case TC_MEASURE_MINUTES:
		v *= 60;
		suffix = "_seconds";
		break;
	case TC_MEASURE_DAYS:
		v *= 86400;
		suffix = "_seconds";
		break;
	case TC_MEASURE_PERCENT:
		scale += 2;
		suffix = "_ratio";
		break;
	case TC_MEASURE_MONEY:
	case TC_MEASURE_COUNT:
		break;
	}
	snprintf(name, nsize, "%s%s", p->name, suffix);
	tc_decimal_format(v, scale, style, value, vsize);
}

void tc_render_prometheus(const struct tc_result *r, const struct tc_render_meta *m, FILE *out) {
	family(out, "up", "Whether the check read the account's data (1) or failed (0).");
	fputs(PREFIX "up", out);
	labels(out, m, NULL);
	fprintf(out, " %d\n", r->failed ? 0 : 1);
	family(out, "check_state", "State of the check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.");
	fputs(PREFIX "check_state", out);
	labels(out, m, NULL);
	fprintf(out, " %d\n", (int)r->state);
	/* the data's own time: a stale answer from the cache is as old as it is */
	int64_t last = r->failed ? m->last_success : m->now - m->data_age;
	if (last > 0) {
		family(out, "last_success_timestamp_seconds",
		       "UNIX time of the last run that read the account's data.");
		fputs(PREFIX "last_success_timestamp_seconds", out);
		labels(out, m, NULL);
		fprintf(out, " %lld\n", (long long)last);
	}
	if (r->failed) {
		return;
	}
	family(out, "data_age_seconds",
	       "How old the data is: 0 when read now, more when a cached answer was served "
	       "because the API failed.");
	fputs(PREFIX "data_age_seconds", out);
	labels(out, m, NULL);
	fprintf(out, " %lld\n", (long long)m->data_age);
	for (size_t i = 0; i < r->nperf; i++) {
		char name[64], value[48];
		base_unit(&r->perf[i], name, sizeof name, value, sizeof value);
		family(out, name, help_of(m->help, r->perf[i].name));
		fprintf(out, PREFIX "%s", name);
		labels(out, m, r->perf[i].measure == TC_MEASURE_MONEY ? r->perf[i].currency : NULL);
		fprintf(out, " %s\n", value);
	}
}

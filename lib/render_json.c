/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "decimal.h"

/* A JSON string of text from outside (the API, the command line): valid UTF-8
 * without control characters, as the summary and lines already are. */
static struct json_object *text(const char *s) {
	char clean[1024];
	tc_text_copy(clean, sizeof clean, s, TC_TEXT_ONE_LINE);
	return json_object_new_string(clean);
}

/* A JSON number written with exactly our decimal text: no float rounding. */
static struct json_object *number(int64_t value, int scale) {
	char text[48];
	struct tc_decimal_style style = {.group = false, .trim = true};
	tc_decimal_format(value, scale, style, text, sizeof text);
	if (!strchr(text, '.')) {
		int64_t whole = value;
		for (int i = 0; i < scale; i++) {
			whole /= 10;
		}
		return json_object_new_int64(whole);
	}
	/* the double is only what json-c keeps beside the text; the text is written */
	return json_object_new_double_s(strtod(text, NULL), text);
}

static struct json_object *range(const struct tc_range *r) {
	char text[64];
	if (!r->set) {
		return NULL;
	}
	tc_range_format(r, text, sizeof text);
	return json_object_new_string(text);
}

static const char *unit(const struct tc_perf *p) {
	switch (p->measure) {
	case TC_MEASURE_MONEY:
		return p->currency;
	case TC_MEASURE_MINUTES:
		return "min";
	case TC_MEASURE_DAYS:
		return "d";
	case TC_MEASURE_PERCENT:
		return "%";
	case TC_MEASURE_COUNT:
		break;
	}
	return "";
}

void tc_render_json(const struct tc_result *r, const struct tc_render_meta *m, FILE *out) {
	struct json_object *o = json_object_new_object();
	struct json_object *lines = json_object_new_array();
	struct json_object *metrics = json_object_new_array();
	struct json_object *values = json_object_new_object();
	json_object_object_add(o, "program", json_object_new_string(m->program));
	json_object_object_add(o, "check", json_object_new_string(m->check));
	json_object_object_add(o, "account", text(m->account));
	json_object_object_add(o, "state", json_object_new_string(tc_state_name(r->state)));
	json_object_object_add(o, "state_code", json_object_new_int(r->state));
	json_object_object_add(o, "summary", json_object_new_string(r->summary));
	for (size_t i = 0; i < r->nlines; i++) {
		json_object_array_add(lines, json_object_new_string(r->lines[i]));
	}
	json_object_object_add(o, "lines", lines);
	for (size_t i = 0; i < r->nperf; i++) {
		const struct tc_perf *p = &r->perf[i];
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "name", json_object_new_string(p->label));
		json_object_object_add(e, "value", number(p->value, p->scale));
		json_object_object_add(e, "unit", json_object_new_string(unit(p)));
		json_object_object_add(e, "warning", range(&p->warn));
		json_object_object_add(e, "critical", range(&p->crit));
		json_object_object_add(e, "min", p->has_min ? number(p->min, p->scale) : NULL);
		json_object_object_add(e, "max", p->has_max ? number(p->max, p->scale) : NULL);
		json_object_array_add(metrics, e);
		json_object_object_add(values, p->label, number(p->value, p->scale));
	}
	json_object_object_add(o, "metrics", metrics);
	json_object_object_add(o, "values", values);
	if (r->failed) {
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "kind",
				       json_object_new_string(tc_error_kind_name(r->error.kind)));
		json_object_object_add(e, "code", text(r->error.code));
		json_object_object_add(e, "request_id", text(r->error.request_id));
		json_object_object_add(o, "error", e);
	}
	fprintf(out, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
}

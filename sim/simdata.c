/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "timeutil.h"

int sim_fail(struct sim_call *c, const char *code, const char *fmt, ...) {
	va_list ap;
	c->code = code;
	va_start(ap, fmt);
	vsnprintf(c->message, sizeof c->message, fmt, ap);
	va_end(ap);
	return -1;
}

static struct json_object *param(struct sim_call *c, const char *name) {
	struct json_object *v = NULL;
	if (!json_object_object_get_ex(c->params, name, &v) ||
	    json_object_is_type(v, json_type_null)) {
		return NULL;
	}
	return v;
}

int sim_param_int(struct sim_call *c, const char *name, bool required, int64_t fallback,
		  int64_t *out) {
	struct json_object *v = param(c, name);
	if (!v) {
		if (required) {
			return sim_fail(c, "MissingParameter",
					"The request is missing a required parameter `%s`.", name);
		}
		*out = fallback;
		return 0;
	}
	if (!json_object_is_type(v, json_type_int)) {
		return sim_fail(c, "InvalidParameter", "The parameter `%s` must be an integer.",
				name);
	}
	*out = json_object_get_int64(v);
	return 0;
}

int sim_param_string(struct sim_call *c, const char *name, bool required, const char **out) {
	struct json_object *v = param(c, name);
	*out = NULL;
	if (!v) {
		return required
			   ? sim_fail(c, "MissingParameter",
				      "The request is missing a required parameter `%s`.", name)
			   : 0;
	}
	if (!json_object_is_type(v, json_type_string)) {
		return sim_fail(c, "InvalidParameter", "The parameter `%s` must be a string.",
				name);
	}
	*out = json_object_get_string(v);
	return 0;
}

int sim_param_time(struct sim_call *c, const char *name, bool required, int64_t fallback,
		   int64_t *out) {
	const char *text = NULL;
	struct tc_error err;
	if (sim_param_string(c, name, required, &text) != 0) {
		return -1;
	}
	if (!text) {
		*out = fallback;
		return 0;
	}
	if (tc_parse_api_time(text, TC_BEIJING_OFFSET, out, &err) != 0) {
		return sim_fail(c, "InvalidParameterValue",
				"The value of `%s` is not a time: %.40s", name, text);
	}
	return 0;
}

int sim_param_enum(struct sim_call *c, const char *name, bool required, const char *const *allowed,
		   const char **out) {
	if (sim_param_string(c, name, required, out) != 0) {
		return -1;
	}
	for (const char *const *a = allowed; *out && *a; a++) {
		if (strcmp(*out, *a) == 0) {
			return 0;
		}
	}
	return *out ? sim_fail(c, "InvalidParameterValue",
			       "The value `%.64s` of `%s` is not one of its documented values.",
			       *out, name)
		    : 0;
}

int64_t sim_int(struct json_object *o, const char *key, int64_t fallback) {
	struct json_object *v = NULL;
	return json_object_object_get_ex(o, key, &v) ? json_object_get_int64(v) : fallback;
}

const char *sim_str(struct json_object *o, const char *key, const char *fallback) {
	struct json_object *v = NULL;
	return json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
		   ? json_object_get_string(v)
		   : fallback;
}

struct json_object *sim_copy(struct json_object *value) {
	struct json_object *copy = NULL;
	if (value && json_object_deep_copy(value, &copy, NULL) != 0) {
		return NULL;
	}
	return copy;
}

struct json_object *sim_decimal(const char *text) {
	return json_object_new_double_s(strtod(text, NULL), text);
}

/* A copy of `item` numbered i: "-NNNN" after id and name, UINs counted up. */
static struct json_object *numbered(struct json_object *item, int64_t i) {
	struct json_object *copy = NULL;
	char buf[160];
	json_object_deep_copy(item, &copy, NULL);
	json_object_object_del(copy, "repeat");
	const char *id = sim_str(item, "id", NULL);
	const char *name = sim_str(item, "name", NULL);
	if (id) {
		snprintf(buf, sizeof buf, "%s-%04lld", id, (long long)i + 1);
		json_object_object_add(copy, "id", json_object_new_string(buf));
	}
	if (name) {
		snprintf(buf, sizeof buf, "%s-%lld", name, (long long)i + 1);
		json_object_object_add(copy, "name", json_object_new_string(buf));
	}
	struct json_object *uin = NULL;
	if (json_object_object_get_ex(item, "uin", &uin)) {
		int64_t base = json_object_is_type(uin, json_type_string)
				   ? strtoll(json_object_get_string(uin), NULL, 10)
				   : json_object_get_int64(uin);
		json_object_object_add(copy, "uin", json_object_new_int64(base + i));
	}
	return copy;
}

struct json_object *sim_list(struct json_object *account, const char *key) {
	struct json_object *list = NULL;
	if (!json_object_object_get_ex(account, key, &list) ||
	    !json_object_is_type(list, json_type_array)) {
		return NULL;
	}
	struct json_object *out = json_object_new_array();
	for (size_t i = 0; i < json_object_array_length(list); i++) {
		struct json_object *item = json_object_array_get_idx(list, i);
		int64_t repeat = sim_int(item, "repeat", 0);
		if (repeat <= 0) {
			json_object_array_add(out, sim_copy(item));
			continue;
		}
		for (int64_t k = 0; k < repeat; k++) {
			json_object_array_add(out, numbered(item, k));
		}
	}
	return out;
}

void sim_apply_overrides(struct json_object *account, const char *key,
			 struct json_object *response) {
	struct json_object *fields = NULL, *remove = NULL;
	char rkey[64];
	if (json_object_object_get_ex(account, key, &fields) &&
	    json_object_is_type(fields, json_type_object)) {
		json_object_object_foreach(fields, k, v) {
			json_object_object_add(response, k, sim_copy(v));
		}
	}
	/* "<key>_remove": [names] drops fields, for "missing field" replies */
	snprintf(rkey, sizeof rkey, "%s_remove", key);
	if (json_object_object_get_ex(account, rkey, &remove) &&
	    json_object_is_type(remove, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(remove); i++) {
			json_object_object_del(
			    response, json_object_get_string(json_object_array_get_idx(remove, i)));
		}
	}
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "jsonx.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "i18n.h"
#include "result.h"

/* What a first pass over the text learns before json-c allocates anything: how many
 * objects and arrays there are (json-c spends about 1 KB on each, so ten megabytes of
 * "{}" would cost gigabytes), how deep they nest, and how many keys each object
 * has, in the order the objects open. */
struct scan {
	size_t max_containers;
	size_t containers;
	uint32_t *keys; /* keys of object i, objects numbered as they open */
	size_t nobjects, cap;
};

static int count_object(struct scan *sc, struct tc_error *err) {
	if (sc->nobjects == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 64;
		uint32_t *grown = realloc(sc->keys, cap * sizeof *grown);
		if (!grown) {
			return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
		}
		sc->keys = grown;
		sc->cap = cap;
	}
	sc->keys[sc->nobjects++] = 0;
	return 0;
}

static int prescan(const char *text, size_t len, struct scan *sc, struct tc_error *err) {
	size_t stack[TC_JSON_MAX_DEPTH]; /* object number, or SIZE_MAX for an array */
	int depth = 0;
	bool in_string = false, escaped = false, expect_key = false;
	for (size_t i = 0; i < len; i++) {
		char ch = text[i];
		if (in_string) {
			if (escaped) {
				escaped = false;
			} else if (ch == '\\') {
				escaped = true;
			} else if (ch == '"') {
				in_string = false;
			}
			continue;
		}
		if (ch == '"') {
			in_string = true;
			if (expect_key && depth > 0 && stack[depth - 1] != SIZE_MAX) {
				sc->keys[stack[depth - 1]]++;
			}
			expect_key = false;
		} else if (ch == '{' || ch == '[') {
			if (depth == TC_JSON_MAX_DEPTH) {
				return tc_error_set(err, TC_ERR_PARSE,
						    _("JSON nested deeper than %d levels"),
						    TC_JSON_MAX_DEPTH);
			}
			if (sc->max_containers && ++sc->containers > sc->max_containers) {
				return tc_error_set(err, TC_ERR_PARSE,
						    _("more than %zu JSON objects and arrays, more "
						      "than this answer can hold"),
						    sc->max_containers);
			}
			if (ch == '{' && count_object(sc, err) != 0) {
				return -1;
			}
			stack[depth++] = ch == '{' ? sc->nobjects - 1 : SIZE_MAX;
			expect_key = ch == '{';
		} else if (ch == '}' || ch == ']') {
			depth -= depth > 0;
			expect_key = false;
		} else if (ch == ',') {
			expect_key = depth > 0 && stack[depth - 1] != SIZE_MAX;
		}
	}
	return 0;
}

/* json-c keeps the last of two equal keys: an object with fewer keys than its text
 * has repeats one (however it is escaped). Objects are met in the order they open. */
static bool repeats_a_key(struct json_object *o, const struct scan *sc, size_t *next) {
	if (json_object_is_type(o, json_type_object)) {
		size_t mine = (*next)++;
		if (mine >= sc->nobjects ||
		    (size_t)json_object_object_length(o) != sc->keys[mine]) {
			return true;
		}
		json_object_object_foreach(o, key, value) {
			(void)key;
			if (repeats_a_key(value, sc, next)) {
				return true;
			}
		}
	} else if (json_object_is_type(o, json_type_array)) {
		size_t n = json_object_array_length(o);
		for (size_t i = 0; i < n; i++) {
			if (repeats_a_key(json_object_array_get_idx(o, i), sc, next)) {
				return true;
			}
		}
	}
	return false;
}

static bool only_space(const char *text, size_t len) {
	for (size_t i = 0; i < len; i++) {
		if (!strchr(" \t\r\n", text[i])) {
			return false;
		}
	}
	return true;
}

int tc_json_parse_capped(const char *text, size_t len, size_t max_containers,
			 struct json_object **out, struct tc_error *err) {
	struct scan sc = {.max_containers = max_containers};
	if (len == 0) {
		return tc_error_set(err, TC_ERR_PARSE, _("empty body"));
	}
	if (prescan(text, len, &sc, err) != 0) {
		free(sc.keys);
		return -1;
	}
	struct json_tokener *tok = json_tokener_new_ex(TC_JSON_MAX_DEPTH + 1);
	if (!tok) {
		free(sc.keys);
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	struct json_object *obj = json_tokener_parse_ex(tok, text, (int)len);
	enum json_tokener_error jerr = json_tokener_get_error(tok);
	size_t used = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	int rc = 0;
	size_t next = 0;
	if (jerr == json_tokener_continue) {
		rc = tc_error_set(err, TC_ERR_PARSE, _("truncated JSON (ends after %zu bytes)"),
				  len);
	} else if (!obj || jerr != json_tokener_success) {
		rc = tc_error_set(err, TC_ERR_PARSE, _("malformed JSON at byte %zu: %s"), used,
				  json_tokener_error_desc(jerr));
	} else if (!only_space(text + used, len - used)) {
		rc =
		    tc_error_set(err, TC_ERR_PARSE, _("malformed JSON: data after byte %zu"), used);
	} else if (repeats_a_key(obj, &sc, &next)) {
		rc = tc_error_set(err, TC_ERR_PARSE,
				  _("ambiguous JSON: an object has the same key twice"));
	}
	free(sc.keys);
	if (rc != 0) {
		json_object_put(obj);
		return rc;
	}
	*out = obj;
	return 0;
}

int tc_json_parse(const char *text, size_t len, struct json_object **out, struct tc_error *err) {
	return tc_json_parse_capped(text, len, 0, out, err);
}

static struct json_object *field(struct json_object *obj, const char *key) {
	struct json_object *v = NULL;
	if (!obj || !json_object_is_type(obj, json_type_object) ||
	    !json_object_object_get_ex(obj, key, &v) || json_object_is_type(v, json_type_null)) {
		return NULL;
	}
	return v;
}

static int missing(const char *key, enum tc_field need, bool *present, struct tc_error *err) {
	if (present) {
		*present = false;
	}
	if (need == TC_REQUIRED) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s is missing"), key);
	}
	return 0;
}

static int money_field(struct json_object *obj, const char *key, enum tc_money_unit unit,
		       enum tc_field need, bool owed, int64_t *out, bool *present,
		       struct tc_error *err) {
	struct json_object *v = field(obj, key);
	if (!v) {
		return missing(key, need, present, err);
	}
	if ((owed ? tc_money_from_json_up : tc_money_from_json)(v, unit, out, err) != 0) {
		return tc_error_prefix(err, _("field %s"), key);
	}
	if (*out > TC_MONEY_ABSURD || *out < -TC_MONEY_ABSURD) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s has an absurd amount"), key);
	}
	if (present) {
		*present = true;
	}
	return 0;
}

int tc_json_money(struct json_object *obj, const char *key, enum tc_money_unit unit,
		  enum tc_field need, int64_t *out, bool *present, struct tc_error *err) {
	return money_field(obj, key, unit, need, false, out, present, err);
}

int tc_json_money_owed(struct json_object *obj, const char *key, enum tc_money_unit unit,
		       enum tc_field need, int64_t *out, bool *present, struct tc_error *err) {
	return money_field(obj, key, unit, need, true, out, present, err);
}

int tc_json_int(struct json_object *obj, const char *key, enum tc_field need, int64_t *out,
		bool *present, struct tc_error *err) {
	struct json_object *v = field(obj, key);
	if (!v) {
		return missing(key, need, present, err);
	}
	if (!json_object_is_type(v, json_type_int) ||
	    tc_decimal_parse_str(json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN), 0,
				 TC_EXACT, out, err) != 0) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s is not an integer"), key);
	}
	if (present) {
		*present = true;
	}
	return 0;
}

int tc_json_string(struct json_object *obj, const char *key, enum tc_field need, const char **out,
		   struct tc_error *err) {
	struct json_object *v = field(obj, key);
	*out = NULL;
	if (!v) {
		return missing(key, need, NULL, err);
	}
	if (!json_object_is_type(v, json_type_string)) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s is not a string"), key);
	}
	*out = json_object_get_string(v);
	return 0;
}

int tc_json_bool(struct json_object *obj, const char *key, enum tc_field need, bool *out,
		 bool *present, struct tc_error *err) {
	struct json_object *v = field(obj, key);
	if (!v) {
		return missing(key, need, present, err);
	}
	if (!json_object_is_type(v, json_type_boolean)) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s is not a boolean"), key);
	}
	*out = json_object_get_boolean(v);
	if (present) {
		*present = true;
	}
	return 0;
}

int tc_json_array(struct json_object *obj, const char *key, enum tc_field need,
		  struct json_object **out, struct tc_error *err) {
	struct json_object *v = field(obj, key);
	*out = NULL;
	if (!v) {
		return missing(key, need, NULL, err);
	}
	if (!json_object_is_type(v, json_type_array)) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s is not an array"), key);
	}
	*out = v;
	return 0;
}

bool tc_json_display(struct json_object *obj, const char *key, char *dst, size_t size) {
	struct json_object *v = field(obj, key);
	const char *text = NULL;
	if (v && json_object_is_type(v, json_type_string)) {
		text = json_object_get_string(v);
	} else if (v && (json_object_is_type(v, json_type_int) ||
			 json_object_is_type(v, json_type_double))) {
		text = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN);
	}
	tc_text_copy(dst, size, text ? text : "", TC_TEXT_ONE_LINE);
	return text && *text;
}

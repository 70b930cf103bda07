#include "jsonx.h"

#include <stdio.h>
#include <string.h>

#include "decimal.h"
#include "result.h"

int tc_json_parse(const char *text, size_t len, struct json_object **out, struct tc_error *err) {
	struct json_tokener *tok = json_tokener_new();
	if (!tok) {
		return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
	}
	if (len == 0) {
		json_tokener_free(tok);
		return tc_error_set(err, TC_ERR_PARSE, "empty body");
	}
	struct json_object *obj = json_tokener_parse_ex(tok, text, (int)len);
	enum json_tokener_error jerr = json_tokener_get_error(tok);
	size_t used = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (jerr == json_tokener_continue) {
		return tc_error_set(err, TC_ERR_PARSE, "truncated JSON (ends after %zu bytes)",
				    len);
	}
	if (!obj || jerr != json_tokener_success) {
		json_object_put(obj);
		return tc_error_set(err, TC_ERR_PARSE, "malformed JSON at byte %zu: %s", used,
				    json_tokener_error_desc(jerr));
	}
	for (size_t i = used; i < len; i++) {
		if (!strchr(" \t\r\n", text[i])) {
			json_object_put(obj);
			return tc_error_set(err, TC_ERR_PARSE,
					    "malformed JSON: data after byte %zu", used);
		}
	}
	*out = obj;
	return 0;
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
		return tc_error_set(err, TC_ERR_DATA, "field %s is missing", key);
	}
	return 0;
}

int tc_json_money(struct json_object *obj, const char *key, enum tc_money_unit unit,
		  enum tc_field need, int64_t *out, bool *present, struct tc_error *err) {
	struct json_object *v = field(obj, key);
	if (!v) {
		return missing(key, need, present, err);
	}
	if (tc_money_from_json(v, unit, out, err) != 0) {
		return tc_error_prefix(err, "field %s", key);
	}
	if (*out > TC_MONEY_ABSURD || *out < -TC_MONEY_ABSURD) {
		return tc_error_set(err, TC_ERR_DATA, "field %s has an absurd amount", key);
	}
	if (present) {
		*present = true;
	}
	return 0;
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
		return tc_error_set(err, TC_ERR_DATA, "field %s is not an integer", key);
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
		return tc_error_set(err, TC_ERR_DATA, "field %s is not a string", key);
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
		return tc_error_set(err, TC_ERR_DATA, "field %s is not a boolean", key);
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
		return tc_error_set(err, TC_ERR_DATA, "field %s is not an array", key);
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "discovery.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

char *tc_discovery_json(const char *const *macros, size_t nmacros, const void *items, size_t n,
			tc_discovery_row row) {
	struct json_object *root = json_object_new_object();
	struct json_object *data = json_object_new_array();
	if (nmacros > TC_DISCOVERY_MAX_MACROS) {
		nmacros = TC_DISCOVERY_MAX_MACROS;
	}
	for (size_t i = 0; i < n; i++) {
		const char *values[TC_DISCOVERY_MAX_MACROS] = {0};
		struct json_object *e = json_object_new_object();
		row(items, i, values);
		for (size_t k = 0; k < nmacros; k++) {
			json_object_object_add(e, macros[k],
					       json_object_new_string(values[k] ? values[k] : ""));
		}
		json_object_array_add(data, e);
	}
	json_object_object_add(root, "data", data);
	char *out = strdup(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN));
	json_object_put(root);
	return out;
}

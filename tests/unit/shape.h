/* Compares the shape of a simulator answer with a recorded official answer
 * (tests/data): the same members with the same JSON types, recursively. */
#ifndef TC_TEST_SHAPE_H
#define TC_TEST_SHAPE_H

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "fixture.h"

static inline const char *shape_type(struct json_object *o) {
	enum json_type t = json_object_get_type(o);
	return t == json_type_int || t == json_type_double ? "number" : json_type_to_name(t);
}

/* Asserts that every member of `want` is in `got` with the same type (a null in
 * `want` matches anything; numbers match numbers), and, when `exact`, that `got`
 * has no member `want` lacks. Arrays are compared by their first elements. */
static inline void shape_assert(struct json_object *want, struct json_object *got, const char *path,
				bool exact) {
	char sub[256];
	if (json_object_is_type(want, json_type_null)) {
		return;
	}
	ck_assert_msg(strcmp(shape_type(want), shape_type(got)) == 0, "%s: %s, official %s", path,
		      shape_type(got), shape_type(want));
	if (json_object_is_type(want, json_type_object)) {
		json_object_object_foreach(want, key, value) {
			struct json_object *g = NULL;
			if (strcmp(key, "RequestId") == 0) {
				continue; /* added by serve.c, not by the handler */
			}
			snprintf(sub, sizeof sub, "%s.%s", path, key);
			ck_assert_msg(json_object_object_get_ex(got, key, &g), "%s is missing",
				      sub);
			shape_assert(value, g, sub, exact);
		}
		if (exact) {
			json_object_object_foreach(got, gkey, gvalue) {
				(void)gvalue;
				ck_assert_msg(json_object_object_get_ex(want, gkey, NULL),
					      "%s.%s is not in the official answer", path, gkey);
			}
		}
	} else if (json_object_is_type(want, json_type_array) &&
		   json_object_array_length(want) > 0 && json_object_array_length(got) > 0) {
		snprintf(sub, sizeof sub, "%s[0]", path);
		shape_assert(json_object_array_get_idx(want, 0), json_object_array_get_idx(got, 0),
			     sub, exact);
	}
}

/* The Response object of a recorded answer; the caller puts the returned root. */
static inline struct json_object *shape_fixture(const char *action, const char *name,
						struct json_object **response) {
	size_t len = 0;
	char *text = fixture_text(action, name, &len);
	struct json_object *root = json_tokener_parse(text);
	free(text);
	ck_assert_msg(root && json_object_object_get_ex(root, "Response", response),
		      "%s/%s has no Response", action, name);
	return root;
}

#endif

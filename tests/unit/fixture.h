/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recorded API answers for the unit tests: tests/data/<Action>/<name>.json holds the
 * whole HTTP body ({"Response": {...}}) of an official example answer or of a variant
 * the official models allow. The client's readers and the simulator's tests read the
 * same files, so both are judged against what Tencent publishes, not against each
 * other. */
#ifndef TC_TEST_FIXTURE_H
#define TC_TEST_FIXTURE_H

#include <check.h>
#include <stdbool.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TEST_DATA_DIR
#	error "TEST_DATA_DIR names tests/data (set by Makefile.am, UNIT_CPPFLAGS)"
#endif

/* The text of tests/data/<action>/<name>.json; the caller frees it. *len gets its
 * length. Fails the test when the file cannot be read. */
static inline char *fixture_text(const char *action, const char *name, size_t *len) {
	char path[1024];
	snprintf(path, sizeof path, "%s/%s/%s.json", TEST_DATA_DIR, action, name);
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "fixture %s cannot be opened", path);
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);
	ck_assert_ptr_nonnull(buf);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
			ck_assert_ptr_nonnull(buf);
		}
	}
	ck_assert_msg(!ferror(f), "fixture %s cannot be read", path);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* The Response object of a fixture; *root holds the parsed body, for the caller
 * to put. */
static inline struct json_object *fixture_response(const char *action, const char *name,
						   struct json_object **root) {
	size_t len = 0;
	char *text = fixture_text(action, name, &len);
	*root = json_tokener_parse(text);
	free(text);
	ck_assert_msg(*root != NULL, "fixture %s/%s is not JSON", action, name);
	struct json_object *response = NULL;
	ck_assert_msg(json_object_object_get_ex(*root, "Response", &response),
		      "fixture %s/%s has no Response", action, name);
	return response;
}

/* "number" for integers and doubles alike (the service writes Float fields as
 * integers when they are whole), else json-c's type name. */
static inline const char *fixture_kind(struct json_object *v) {
	json_type t = json_object_get_type(v);
	return t == json_type_int || t == json_type_double ? "number" : json_type_to_name(t);
}

/* Asserts that `answer` has every member of `model` (RequestId aside, which serve.c
 * adds) with the same kind, recursing into objects and into the first element of
 * arrays both have; a null in `model` (a field the model lets be null) matches
 * anything. With `exact`, `answer` may also hold no member `model` lacks. */
static inline void fixture_assert_shape(struct json_object *model, struct json_object *answer,
					const char *where, bool exact) {
	char path[256];
	if (json_object_is_type(model, json_type_null)) {
		return;
	}
	ck_assert_msg(strcmp(fixture_kind(model), fixture_kind(answer)) == 0,
		      "%s is %s, the recorded answer has %s", where, fixture_kind(answer),
		      fixture_kind(model));
	if (json_object_is_type(model, json_type_object)) {
		json_object_object_foreach(model, key, want) {
			struct json_object *got = NULL;
			if (strcmp(key, "RequestId") == 0) {
				continue;
			}
			snprintf(path, sizeof path, "%s.%s", where, key);
			ck_assert_msg(json_object_object_get_ex(answer, key, &got), "%s is missing",
				      path);
			fixture_assert_shape(want, got, path, exact);
		}
		if (exact) {
			json_object_object_foreach(answer, gkey, gvalue) {
				(void)gvalue;
				ck_assert_msg(json_object_object_get_ex(model, gkey, NULL),
					      "%s.%s is not in the recorded answer", where, gkey);
			}
		}
	} else if (json_object_is_type(model, json_type_array) &&
		   json_object_array_length(model) > 0 && json_object_array_length(answer) > 0) {
		snprintf(path, sizeof path, "%s[0]", where);
		fixture_assert_shape(json_object_array_get_idx(model, 0),
				     json_object_array_get_idx(answer, 0), path, exact);
	}
}

/* The simulator's Response has the shape of the recorded answer `name`. */
static inline void fixture_assert_same_shape(const char *action, const char *name,
					     struct json_object *answer) {
	struct json_object *root = NULL;
	fixture_assert_shape(fixture_response(action, name, &root), answer, action, false);
	json_object_put(root);
}

#endif

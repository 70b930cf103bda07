/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Typed reads of JSON fields that turn every surprise (missing, null, wrong type,
 * absurd) into an error value naming the field. */
#ifndef TC_JSONX_H
#define TC_JSONX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "error.h"
#include "money.h"

/* Parses a whole body; says whether it was malformed or cut short. Nesting deeper
 * than TC_JSON_MAX_DEPTH and an object that repeats a key (which value is meant is
 * anybody's guess) are errors too. */
int tc_json_parse(const char *text, size_t len, struct json_object **out, struct tc_error *err);

/* tc_json_parse, and more than `max_containers` objects and arrays (0: no limit) is
 * an error found before json-c allocates them. */
int tc_json_parse_capped(const char *text, size_t len, size_t max_containers,
			 struct json_object **out, struct tc_error *err);

#define TC_JSON_MAX_DEPTH 32

enum tc_field { TC_OPTIONAL, TC_REQUIRED };

/* Each returns 0 and sets *present (when not NULL); a missing optional field is
 * not an error. A JSON null counts as missing. */
int tc_json_money(struct json_object *obj, const char *key, enum tc_money_unit unit,
		  enum tc_field need, int64_t *out, bool *present, struct tc_error *err);
/* tc_json_money for an amount owed: a fraction of a cent rounds up, never to 0. */
int tc_json_money_owed(struct json_object *obj, const char *key, enum tc_money_unit unit,
		       enum tc_field need, int64_t *out, bool *present, struct tc_error *err);
int tc_json_int(struct json_object *obj, const char *key, enum tc_field need, int64_t *out,
		bool *present, struct tc_error *err);
int tc_json_string(struct json_object *obj, const char *key, enum tc_field need, const char **out,
		   struct tc_error *err);
int tc_json_bool(struct json_object *obj, const char *key, enum tc_field need, bool *out,
		 bool *present, struct tc_error *err);
/* An array field; a missing optional array reads as NULL. */
int tc_json_array(struct json_object *obj, const char *key, enum tc_field need,
		  struct json_object **out, struct tc_error *err);

/* A display-only field (a UIN, a name): a string, or a number written as its JSON
 * text, copied into dst; anything else (absent, null, an object) leaves dst empty and
 * returns false. Never an error: such a field must never fail a check. */
bool tc_json_display(struct json_object *obj, const char *key, char *dst, size_t size);

#endif

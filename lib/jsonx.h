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

/* Parses a whole body; says whether it was malformed or cut short. */
int tc_json_parse(const char *text, size_t len, struct json_object **out, struct tc_error *err);

/* Amounts beyond this many minor units (1e15: ten trillion yuan) are not believed. */
#define TC_MONEY_ABSURD 1000000000000000LL

enum tc_field { TC_OPTIONAL, TC_REQUIRED };

/* Each returns 0 and sets *present (when not NULL); a missing optional field is
 * not an error. A JSON null counts as missing. */
int tc_json_money(struct json_object *obj, const char *key, enum tc_money_unit unit,
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

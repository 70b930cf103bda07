/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Money is an int64 count of minor units (fen / cents) from the JSON to the output.
 * The API uses three units; each converts exactly here. */
#ifndef TC_MONEY_H
#define TC_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "error.h"

#define TC_MONEY_SCALE 2 /* minor units per major unit, as a power of ten */

enum tc_money_unit {
	TC_UNIT_CENTS, /* JSON number in cents (分), possibly written as 1234.0 */
	TC_UNIT_MICRO, /* JSON integer in 1e-8 of the currency unit (vouchers) */
	TC_UNIT_MAJOR, /* decimal in currency units: "25941.65000000" or 1000.1 */
};

/* Converts one JSON value of the given unit to cents, exactly from the JSON text
 * (never through a double); fractions of a cent round half away from zero.
 * Strings are accepted only for TC_UNIT_MAJOR, where the API sends them. */
int tc_money_from_json(struct json_object *value, enum tc_money_unit unit, int64_t *cents,
		       struct tc_error *err);

/* tc_money_from_json, rounding any fraction of a cent away from zero: for amounts
 * owed, where 0.4 of a cent is still arrears. */
int tc_money_from_json_up(struct json_object *value, enum tc_money_unit unit, int64_t *cents,
			  struct tc_error *err);

/* Amounts beyond this many minor units (1e15: ten trillion yuan) are not believed. */
#define TC_MONEY_ABSURD 1000000000000000LL

/* *sum += amount, unless the sum would leave +-TC_MONEY_ABSURD (or int64): then an
 * error "<what> add up to an absurd amount" and *sum unchanged. Sums of amounts each
 * believable can be absurd, and an int64 overflow is undefined behaviour. */
int tc_money_add(int64_t *sum, int64_t amount, const char *what, struct tc_error *err);

/* Parses an amount in currency units as typed by a user ("3000", "12.5"). */
int tc_money_parse(const char *text, int64_t *cents, struct tc_error *err);

/* "¥12,345.67", "$1,234.00", "-¥5.00", "1,234.00 EUR": for people. */
void tc_money_format(int64_t cents, const char *currency, char *buf, size_t size);

/* Lower-case currency code for metric labels: "CNY" -> "cny". */
void tc_currency_label(const char *currency, char *buf, size_t size);

#endif

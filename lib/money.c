/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "money.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "decimal.h"
#include "i18n.h"

/* Scale of each unit relative to one currency unit: cents are 10^-2, micro 10^-8. */
static int unit_shift(enum tc_money_unit unit) {
	switch (unit) {
	case TC_UNIT_CENTS:
		return 0;
	case TC_UNIT_MICRO:
		return TC_MONEY_SCALE - 8;
	case TC_UNIT_MAJOR:
		return TC_MONEY_SCALE;
	}
	return 0;
}

static int from_json(struct json_object *value, enum tc_money_unit unit, enum tc_rounding rounding,
		     int64_t *cents, struct tc_error *err) {
	const char *text;
	enum json_type type = json_object_get_type(value);
	if (type == json_type_int || type == json_type_double) {
		/* json-c keeps the source text of parsed numbers: parse that, exactly */
		text = json_object_to_json_string_ext(value, JSON_C_TO_STRING_PLAIN);
	} else if (type == json_type_string && unit == TC_UNIT_MAJOR) {
		text = json_object_get_string(value);
	} else {
		return tc_error_set(err, TC_ERR_DATA, _("expected a number, got %s"),
				    type == json_type_null ? "null" : json_type_to_name(type));
	}
	struct tc_error why;
	if (tc_decimal_parse_str(text, unit_shift(unit), rounding, cents, &why) != 0) {
		return tc_error_set(err, TC_ERR_DATA, _("not a valid amount: %.40s (%s)"), text,
				    why.message);
	}
	return 0;
}

int tc_money_from_json(struct json_object *value, enum tc_money_unit unit, int64_t *cents,
		       struct tc_error *err) {
	return from_json(value, unit, TC_ROUND_HALF, cents, err);
}

int tc_money_from_json_up(struct json_object *value, enum tc_money_unit unit, int64_t *cents,
			  struct tc_error *err) {
	return from_json(value, unit, TC_ROUND_UP, cents, err);
}

int tc_money_add(int64_t *sum, int64_t amount, const char *what, struct tc_error *err) {
	int64_t result;
	if (__builtin_add_overflow(*sum, amount, &result) || result > TC_MONEY_ABSURD ||
	    result < -TC_MONEY_ABSURD) {
		return tc_error_set(err, TC_ERR_DATA, _("%s add up to an absurd amount"), what);
	}
	*sum = result;
	return 0;
}

int tc_money_parse(const char *text, int64_t *cents, struct tc_error *err) {
	struct tc_error why;
	if (tc_decimal_parse_str(text, TC_MONEY_SCALE, TC_EXACT, cents, &why) != 0) {
		return tc_error_set(err, TC_ERR_USAGE, _("not an amount: '%.40s' (%s)"), text,
				    why.message);
	}
	return 0;
}

static const char *currency_symbol(const char *currency) {
	if (strcmp(currency, "CNY") == 0) {
		return "\xc2\xa5"; /* ¥ */
	}
	if (strcmp(currency, "USD") == 0) {
		return "$";
	}
	return NULL;
}

void tc_money_format(int64_t cents, const char *currency, char *buf, size_t size) {
	char num[48];
	struct tc_decimal_style style = {.group = true, .trim = false};
	const char *symbol = currency_symbol(currency);
	tc_decimal_format(cents < 0 ? -cents : cents, TC_MONEY_SCALE, style, num, sizeof num);
	if (cents == INT64_MIN) {
		snprintf(buf, size, "(out of range)");
	} else if (symbol) {
		snprintf(buf, size, "%s%s%s", cents < 0 ? "-" : "", symbol, num);
	} else {
		snprintf(buf, size, "%s%s %s", cents < 0 ? "-" : "", num, currency);
	}
}

void tc_money_format_plain(int64_t cents, char *buf, size_t size) {
	struct tc_decimal_style style = {.group = false, .trim = true};
	tc_decimal_format(cents, TC_MONEY_SCALE, style, buf, size);
}

void tc_currency_label(const char *currency, char *buf, size_t size) {
	size_t i = 0;
	for (; currency[i] && i + 1 < size; i++) {
		buf[i] = (char)tolower((unsigned char)currency[i]);
	}
	buf[i] = '\0';
}

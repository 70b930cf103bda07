/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "discovery.h"
#include "tap.h"

struct pair {
	const char *a, *b;
};

static void pair_row(const void *items, size_t i, const char **values) {
	const struct pair *p = items;
	values[0] = p[i].a;
	values[1] = p[i].b;
}

static const char *const macros[] = {"{#A}", "{#B}"};

START_TEST(rows_in_order) {
	struct pair p[] = {{"1", "x \"q\""}, {"2", NULL}};
	char *out = tc_discovery_json(macros, 2, p, 2, pair_row);
	ck_assert_str_eq(out,
			 "{\"data\":[{\"{#A}\":\"1\",\"{#B}\":\"x \\\"q\\\"\"},{\"{#A}\":\"2\","
			 "\"{#B}\":\"\"}]}");
	free(out);
}
END_TEST

START_TEST(nothing_found) {
	char *out = tc_discovery_json(macros, 2, NULL, 0, pair_row);
	ck_assert_str_eq(out, "{\"data\":[]}");
	free(out);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("discovery");
	TCase *tc = tcase_create("discovery");
	tcase_add_test(tc, rows_in_order);
	tcase_add_test(tc, nothing_found);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

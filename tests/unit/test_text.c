/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text from outside made safe to show: valid UTF-8, no controls or bidirectional
 * overrides, cut on a character boundary. */
#include <string.h>

#include "tap.h"
#include "text.h"
#include "utf8check.h"

START_TEST(text_copy_at_every_size) {
	const char *in = "a" CJK "\xf0\x9f\x92\xb0" /* U+1F4B0, 4 bytes */ "b";
	for (size_t size = 1; size <= strlen(in) + 2; size++) {
		char out[128];
		memset(out, 'Z', sizeof out);
		bool cut = tc_text_copy(out, size, in, TC_TEXT_ONE_LINE);
		ck_assert_msg(strlen(out) < size, "size %zu", size);
		ck_assert_msg(utf8_valid(out), "size %zu: invalid UTF-8", size);
		ck_assert_int_eq(cut, size <= strlen(in));
		if (size >= 4) {
			ck_assert_msg(character_prefix(out, in), "size %zu: %s", size, out);
		}
		ck_assert_int_eq(out[size], 'Z'); /* nothing written past `size` */
	}
}
END_TEST

START_TEST(invalid_bytes_become_replacement_characters) {
	char out[128];
	/* a stray continuation byte, 0xff, an overlong '/', a surrogate, a cut sequence */
	ck_assert(!tc_text_copy(out, sizeof out, "a\x80 b\xff c\xc0\xaf d\xed\xa0\x80 e\xe4\xb8",
				TC_TEXT_ONE_LINE));
	ck_assert_str_eq(out, "a\xef\xbf\xbd b\xef\xbf\xbd c\xef\xbf\xbd\xef\xbf\xbd "
			      "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd e\xef\xbf\xbd");
}
END_TEST

START_TEST(controls_newlines_and_bidi_overrides) {
	char out[128];
	tc_text_copy(out, sizeof out, "a\nb\r\nc\x01 rlo\xe2\x80\xae ls\xe2\x80\xa8.",
		     TC_TEXT_ONE_LINE);
	ck_assert_str_eq(out, "a b  c\xef\xbf\xbd rlo\xef\xbf\xbd ls .");
	tc_text_copy(out, sizeof out, "a\nb\r\nc\x01", TC_TEXT_KEEP_NEWLINES);
	ck_assert_str_eq(out, "a\nb \nc\xef\xbf\xbd");
	tc_text_copy(out, sizeof out, NULL, TC_TEXT_ONE_LINE);
	ck_assert_str_eq(out, "");
	ck_assert(tc_text_copy(out, 0, "x", TC_TEXT_ONE_LINE)); /* no room: cut */
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");
	tcase_add_test(tc, text_copy_at_every_size);
	tcase_add_test(tc, invalid_bytes_become_replacement_characters);
	tcase_add_test(tc, controls_newlines_and_bidi_overrides);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "result.h"
#include "rendered.h"
#include "tap.h"
#include "utf8check.h"

START_TEST(ok_with_perfdata_and_lines) {
	struct tc_result r;
	tc_result_init(&r, "TC BALANCE");
	tc_result_summary(&r, "%s available", "12,345.67");
	tc_result_line(&r, "cash: %d", 5);
	struct tc_thresholds limits = {range("3000:"), range("1000:")};
	tc_result_add_figure(&r, &(struct tc_figure){.name = "balance",
						     .measure = TC_MEASURE_MONEY,
						     .currency = "CNY",
						     .value = 1234567,
						     .scale = 2,
						     .limits = &limits});
	tc_result_add_figure(&r, &(struct tc_figure){.name = "owed",
						     .measure = TC_MEASURE_MONEY,
						     .currency = "CNY",
						     .scale = 2,
						     .min_zero = true});
	char *out = render(&r);
	ck_assert_str_eq(
	    out, "TC BALANCE OK - 12,345.67 available | 'balance_cny'=12345.67;3000:;1000:;; "
		 "'owed_cny'=0;;;0;\ncash: 5\n");
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(worst_state_wins) {
	struct tc_result r;
	tc_result_init(&r, "X");
	ck_assert_int_eq(r.state, TC_OK);
	tc_result_raise(&r, TC_WARNING);
	tc_result_raise(&r, TC_OK);
	ck_assert_int_eq(r.state, TC_WARNING);
	tc_result_raise(&r, TC_UNKNOWN);
	ck_assert_int_eq(r.state, TC_WARNING);
	tc_result_raise(&r, TC_CRITICAL);
	tc_result_raise(&r, TC_WARNING);
	ck_assert_int_eq(r.state, TC_CRITICAL);
	tc_result_free(&r);
}
END_TEST

START_TEST(pipes_and_newlines_are_sanitized) {
	struct tc_result r;
	tc_result_init(&r, "X");
	tc_result_summary(&r, "a|b\nc");
	tc_result_line(&r, "d|e");
	char *out = render(&r);
	ck_assert_str_eq(out, "X OK - a/b c\nd/e\n");
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(labels_are_quoted_safely) {
	char buf[128];
	struct tc_perf p = {.label = "it's a=b",
			    .value = -150,
			    .scale = 2,
			    .uom = "s",
			    .has_max = true,
			    .max = 1000};
	tc_perf_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "'it_s a_b'=-1.5s;;;;10");
	struct tc_perf days = {.label = "days", .value = 93, .scale = 1, .uom = ""};
	tc_perf_format(&days, buf, sizeof buf);
	ck_assert_str_eq(buf, "'days'=9.3;;;;");
}
END_TEST

START_TEST(failure_drops_perfdata) {
	struct tc_result r;
	struct tc_error err;
	tc_result_init(&r, "TC BALANCE");
	tc_result_add_figure(&r, &(struct tc_figure){.name = "balance",
						     .measure = TC_MEASURE_MONEY,
						     .currency = "CNY",
						     .value = 1,
						     .scale = 2});
	tc_result_line(&r, "stale");
	tc_error_set(&err, TC_ERR_API, "DescribeAccountBalance failed: InternalError: oops");
	strcpy(err.request_id, "abc-123");
	tc_result_fail(&r, &err, TC_CRITICAL);
	char *out = render(&r);
	ck_assert_str_eq(out, "TC BALANCE UNKNOWN - DescribeAccountBalance failed: InternalError: "
			      "oops (RequestId abc-123)\n");
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(timeout_uses_its_state) {
	struct tc_result r;
	struct tc_error err;
	tc_result_init(&r, "TC BALANCE");
	tc_error_set(&err, TC_ERR_TIMEOUT, "timed out after 2 s");
	tc_result_fail(&r, &err, TC_CRITICAL);
	ck_assert_int_eq(r.state, TC_CRITICAL);
	tc_result_fail(&r, &err, TC_UNKNOWN);
	ck_assert_int_eq(r.state, TC_UNKNOWN);
	tc_result_free(&r);
}
END_TEST

/* 腾讯云计算（北京）有限责任公司: 3-byte characters, so a byte cut can fall inside one */
#define CJK                                                                                        \
	"\xe8\x85\xbe\xe8\xae\xaf\xe4\xba\x91\xe8\xae\xa1\xe7\xae\x97\xef\xbc\x88\xe5\x8c\x97"     \
	"\xe4\xba\xac\xef\xbc\x89\xe6\x9c\x89\xe9\x99\x90\xe8\xb4\xa3\xe4\xbb\xbb\xe5\x85\xac"     \
	"\xe5\x8f\xb8"

/* Whether `out` is `in` cut after whole characters, then "..." (or all of `in`). */
static bool character_prefix(const char *out, const char *in) {
	size_t n = strlen(out);
	if (strcmp(out, in) == 0) {
		return true;
	}
	if (n < 3 || strcmp(out + n - 3, "...") != 0 || strncmp(out, in, n - 3) != 0) {
		return false;
	}
	return ((unsigned char)in[n - 3] & 0xc0) != 0x80; /* the next one starts a character */
}

START_TEST(long_cjk_summary_is_cut_on_characters) {
	char name[4096] = "";
	/* every offset of the cut within a character, every length around the buffer's */
	for (int pad = 0; pad < 3; pad++) {
		for (size_t n = 0; n < 40; n++) {
			name[0] = '\0';
			for (size_t i = 0; i < n; i++) {
				strcat(name, CJK);
			}
			struct tc_result r;
			tc_result_init(&r, "TC PENDING");
			tc_result_summary(&r, "%.*sorder for %s", pad, "xx", name);
			tc_result_line(&r, "%s", name);
			char *out = render(&r);
			ck_assert_msg(utf8_valid(out), "pad %d, %zu names: invalid UTF-8", pad, n);
			ck_assert(strlen(r.summary) < sizeof r.summary);
			char in[sizeof name + 16];
			snprintf(in, sizeof in, "%.*sorder for %s", pad, "xx", name);
			ck_assert_msg(character_prefix(r.summary, in), "pad %d, %zu names", pad, n);
			free(out);
			tc_result_free(&r);
		}
	}
}
END_TEST

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
	struct tc_result r;
	tc_result_init(&r, "X");
	/* a stray continuation byte, 0xff, an overlong '/', a surrogate, a cut sequence */
	tc_result_summary(&r, "%s", "a\x80 b\xff c\xc0\xaf d\xed\xa0\x80 e\xe4\xb8");
	char *out = render(&r);
	ck_assert_str_eq(out, "X OK - a\xef\xbf\xbd b\xef\xbf\xbd c\xef\xbf\xbd\xef\xbf\xbd "
			      "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd e\xef\xbf\xbd\n");
	free(out);
	tc_result_free(&r);
}
END_TEST

START_TEST(controls_and_bidi_overrides_are_replaced) {
	struct tc_result r;
	tc_result_init(&r, "TC PENDING");
	/* a name from the API that tries to fake a second output line and perfdata */
	const char *name = "CVM\nTC PENDING OK - fine | 'pending'=0\r\n";
	tc_result_summary(&r, "1 pending order: %s", name);
	tc_result_line(&r, "order 1: %s", name);
	tc_result_line(&r, "esc \x1b[31mred\x7f tab\there nel\xc2\x85 rlo\xe2\x80\xae"
			   "txt.exe lri\xe2\x81\xa6 ls\xe2\x80\xa8|");
	char *out = render(&r);
	ck_assert_str_eq(out, "TC PENDING OK - 1 pending order: CVM TC PENDING OK - fine / "
			      "'pending'=0  \n"
			      "order 1: CVM TC PENDING OK - fine / 'pending'=0  \n"
			      "esc \xef\xbf\xbd[31mred\xef\xbf\xbd tab here nel\xef\xbf\xbd "
			      "rlo\xef\xbf\xbdtxt.exe lri\xef\xbf\xbd ls /\n");
	ck_assert(no_controls(out));
	free(out);
	/* kept where a text has lines of its own */
	char multi[64];
	tc_text_copy(multi, sizeof multi, "a\nb\r\nc\x01", TC_TEXT_KEEP_NEWLINES);
	ck_assert_str_eq(multi, "a\nb \nc\xef\xbf\xbd");
	tc_result_free(&r);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("result");
	TCase *tc = tcase_create("result");
	tcase_add_test(tc, ok_with_perfdata_and_lines);
	tcase_add_test(tc, worst_state_wins);
	tcase_add_test(tc, pipes_and_newlines_are_sanitized);
	tcase_add_test(tc, labels_are_quoted_safely);
	tcase_add_test(tc, failure_drops_perfdata);
	tcase_add_test(tc, timeout_uses_its_state);
	tcase_add_test(tc, long_cjk_summary_is_cut_on_characters);
	tcase_add_test(tc, text_copy_at_every_size);
	tcase_add_test(tc, invalid_bytes_become_replacement_characters);
	tcase_add_test(tc, controls_and_bidi_overrides_are_replaced);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)

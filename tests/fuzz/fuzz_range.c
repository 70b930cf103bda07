/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: Nagios ranges, amounts typed by users, and decimal text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "money.h"
#include "range.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	char *text = malloc(size + 1);
	struct tc_range r;
	struct tc_error err;
	int64_t v;
	char buf[64];
	if (!text) {
		return 0;
	}
	memcpy(text, data, size);
	text[size] = '\0';
	if (tc_range_parse(text, &r, &err) == 0) {
		tc_range_format(&r, buf, sizeof buf);
		(void)tc_range_alerts(&r, 0, 0);
	}
	if (tc_money_parse(text, &v, &err) == 0) {
		tc_money_format(v, "CNY", buf, sizeof buf);
	}
	for (int scale = -8; scale <= 8; scale += 4) {
		if (tc_decimal_parse(text, size, scale, TC_ROUND_HALF, &v, &err) == 0) {
			struct tc_decimal_style style = {.group = true, .trim = true};
			tc_decimal_format(v, scale < 0 ? 0 : scale, style, buf, sizeof buf);
		}
	}
	free(text);
	return 0;
}

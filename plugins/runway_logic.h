/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What check_tc_runway concludes: days until the available funds run out at the
 * recent daily spend, and month-to-date spend against a budget. */
#ifndef TC_RUNWAY_LOGIC_H
#define TC_RUNWAY_LOGIC_H

#include <stdbool.h>
#include <stdint.h>

#include "result.h"
#include "thresholds.h"

struct runway_config {
	struct tc_thresholds limits; /* runway days */
	bool has_budget;
	int64_t budget; /* cents per month */
	const char *currency;
};

struct runway_input {
	int64_t available; /* cents */
	bool arrears;
	int64_t owed;            /* cents */
	int64_t spend;           /* cents spent over `spend_seconds` */
	int64_t spend_seconds;   /* the period the spend is from (window or month so far) */
	const char *spend_words; /* "the last 7 days", "this month so far" */
	int64_t month_to_date;   /* cents */
	int64_t month_elapsed;   /* seconds since the month began */
	int64_t month_length;    /* seconds in the month */
};

void runway_evaluate(const struct runway_input *in, const struct runway_config *cfg,
		     struct tc_result *r);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What check_tc_pending concludes from the unpaid and paying orders it found. */
#ifndef TC_PENDING_LOGIC_H
#define TC_PENDING_LOGIC_H

#include <stdbool.h>

#include "tencentcloud/orders.h"
#include "range.h"
#include "result.h"
#include "thresholds.h"

struct pending_config {
	struct tc_thresholds age;    /* minutes, on the oldest pending order */
	struct tc_thresholds count;  /* unset unless given */
	struct tc_thresholds amount; /* currency units */
	const char *currency;
	int days;   /* the look-back window, for the words */
	int offset; /* UTC offset of the API's times, for the listing */
};

/* Orders may come in any order; the oldest decides the age thresholds. */
void pending_evaluate(const struct tc_order *orders, size_t n, int64_t now,
		      const struct pending_config *cfg, struct tc_result *r);

/* Refuses an age range that alerts at age 0, i.e. when there is no pending order:
 * "-w 30:" read as "days left" would do that. A bare N (older than N minutes) and
 * ranges such as @60:120 pass. */
int pending_age_range_check(const struct tc_range *r, struct tc_error *err);

#endif

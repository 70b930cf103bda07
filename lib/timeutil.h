/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times as the billing API writes them: "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD" without
 * a zone, in Beijing time (UTC+8) unless the user says otherwise. */
#ifndef TC_TIMEUTIL_H
#define TC_TIMEUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define TC_BEIJING_OFFSET (8 * 3600)

/* "+08:00", "-05:30", "+8", "UTC", "Z" -> seconds east of UTC. */
int tc_parse_utc_offset(const char *text, int *seconds, struct tc_error *err);

/* Parses a datetime or a date (midnight) at the given UTC offset into UNIX time. */
int tc_parse_api_time(const char *text, int offset, int64_t *epoch, struct tc_error *err);

/* "YYYY-MM-DD HH:MM:SS" of a UNIX time at the offset. */
void tc_format_api_time(int64_t epoch, int offset, char *buf, size_t size);

/* "YYYY-MM-DD" and "YYYY-MM" of a UNIX time at the offset. */
void tc_format_api_date(int64_t epoch, int offset, char *buf, size_t size);
void tc_format_api_month(int64_t epoch, int offset, char *buf, size_t size);

/* Whole days from the calendar date of `from` to that of `to`, both at the offset. */
int64_t tc_calendar_days_between(int64_t from, int64_t to, int offset);

/* UNIX time of local midnight (at the offset) of the day containing `epoch`, and of
 * the first day of its month; the month's length in days. */
int64_t tc_day_start(int64_t epoch, int offset);
int64_t tc_month_start(int64_t epoch, int offset);
int tc_days_in_month(int64_t epoch, int offset);

/* "45 min", "3h 10m", "2d 4h" for an age in minutes. */
void tc_format_age(int64_t minutes, char *buf, size_t size);

#endif

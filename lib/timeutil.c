/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "timeutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

int tc_parse_utc_offset(const char *text, int *seconds, struct tc_error *err) {
	int h = 0, m = 0;
	char sign = 0, extra = 0;
	if (strcmp(text, "UTC") == 0 || strcmp(text, "Z") == 0) {
		*seconds = 0;
		return 0;
	}
	if (text[0] == 'U' && strncmp(text, "UTC", 3) == 0) {
		text += 3;
	}
	int n = sscanf(text, "%c%2d:%2d%c", &sign, &h, &m, &extra);
	if ((n != 2 && n != 3) || (sign != '+' && sign != '-') || h > 14 || m > 59 || m < 0 ||
	    h < 0) {
		return tc_error_set(err, TC_ERR_USAGE,
				    _("invalid time zone offset '%s': use +HH:MM, -HH:MM or UTC"),
				    text);
	}
	*seconds = (sign == '-' ? -1 : 1) * (h * 3600 + m * 60);
	return 0;
}

int tc_parse_api_time(const char *text, int offset, int64_t *epoch, struct tc_error *err) {
	struct tm tm;
	char rest = 0;
	memset(&tm, 0, sizeof tm);
	int n = sscanf(text, "%4d-%2d-%2d %2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		       &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &rest);
	size_t len = strlen(text);
	if (!((n == 6 && len == 19) || (n == 3 && len == 10)) || tm.tm_mon < 1 || tm.tm_mon > 12 ||
	    tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60 || tm.tm_year < 1970) {
		return tc_error_set(err, TC_ERR_DATA, _("not a date or time: '%.40s'"), text);
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*epoch = (int64_t)timegm(&tm) - offset;
	return 0;
}

static struct tm at_offset(int64_t epoch, int offset) {
	time_t t = (time_t)(epoch + offset);
	struct tm tm;
	gmtime_r(&t, &tm);
	return tm;
}

void tc_format_api_time(int64_t epoch, int offset, char *buf, size_t size) {
	struct tm tm = at_offset(epoch, offset);
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void tc_format_api_date(int64_t epoch, int offset, char *buf, size_t size) {
	struct tm tm = at_offset(epoch, offset);
	snprintf(buf, size, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void tc_format_api_month(int64_t epoch, int offset, char *buf, size_t size) {
	struct tm tm = at_offset(epoch, offset);
	snprintf(buf, size, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
}

static int64_t floor_div(int64_t a, int64_t b) {
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t tc_calendar_days_between(int64_t from, int64_t to, int offset) {
	return floor_div(to + offset, 86400) - floor_div(from + offset, 86400);
}

int64_t tc_day_start(int64_t epoch, int offset) {
	return floor_div(epoch + offset, 86400) * 86400 - offset;
}

int64_t tc_month_start(int64_t epoch, int offset) {
	struct tm tm = at_offset(epoch, offset);
	tm.tm_mday = 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	return (int64_t)timegm(&tm) - offset;
}

int tc_days_in_month(int64_t epoch, int offset) {
	struct tm tm = at_offset(epoch, offset);
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = tm.tm_year + 1900;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return tm.tm_mon == 1 && leap ? 29 : days[tm.tm_mon];
}

void tc_format_age(int64_t minutes, char *buf, size_t size) {
	if (minutes < 60) {
		snprintf(buf, size, _("%lld min"), (long long)minutes);
	} else if (minutes < 1440) {
		snprintf(buf, size, _("%lldh %lldm"), (long long)(minutes / 60),
			 (long long)(minutes % 60));
	} else {
		snprintf(buf, size, _("%lldd %lldh"), (long long)(minutes / 1440),
			 (long long)(minutes % 1440 / 60));
	}
}

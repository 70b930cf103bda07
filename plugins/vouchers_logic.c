/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "vouchers_logic.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "money.h"
#include "timeutil.h"

/* "within 30 days" for the usual "30:" warning range, else the range's words. */
static void window_words(const struct tc_range *w, char *buf, size_t size) {
	int64_t days;
	if (w->end_infinite && tc_range_floor(w, 0, &days)) {
		snprintf(buf, size, _("within %lld days"), (long long)days);
	} else {
		snprintf(buf, size, "%s", _("within the warning range"));
	}
}

void vouchers_evaluate(const struct tc_voucher *v, size_t n, int64_t now,
		       const struct vouchers_config *cfg, struct tc_result *r) {
	struct tc_error absurd;
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (tc_money_add(&sum, v[i].balance, "vouchers", &absurd) != 0) {
			tc_result_fail(r, &absurd, TC_UNKNOWN);
			return;
		}
	}
	int64_t total = 0, expiring = 0, expired_value = 0, live_value = 0, undated_value = 0;
	size_t expiring_n = 0, expired_n = 0, live_n = 0, undated_n = 0;
	int64_t earliest = 0;
	const struct tc_voucher *first = NULL;
	char window[64], m1[64], m2[64], date[16];
	window_words(&cfg->days.warning, window, sizeof window);

	for (size_t i = 0; i < n; i++) {
		total += v[i].balance;
		if (v[i].balance < cfg->min_value || v[i].balance == 0) {
			continue;
		}
		tc_money_format(v[i].balance, cfg->currency, m1, sizeof m1);
		if (v[i].undated) {
			/* named, counted and never taken for "not expiring" */
			undated_n++;
			undated_value += v[i].balance;
			tc_result_line(r,
				       _("%s: %s left, expiry '%s' is not a date: not judged, "
					 "products: %s"),
				       v[i].id[0] ? v[i].id : _("(no VoucherId)"), m1,
				       v[i].end_text[0] ? v[i].end_text : _("(none)"),
				       v[i].products[0] ? v[i].products : "-");
			continue;
		}
		int64_t days = tc_calendar_days_between(now, v[i].expires, cfg->offset);
		tc_format_api_date(v[i].expires, cfg->offset, date, sizeof date);
		if (days < 0) {
			expired_n++;
			expired_value += v[i].balance;
			tc_result_line(r, _("%s: %s left, EXPIRED on %s, products: %s"),
				       v[i].id[0] ? v[i].id : _("(no VoucherId)"), m1, date,
				       v[i].products[0] ? v[i].products : "-");
			continue;
		}
		live_n++;
		live_value += v[i].balance;
		if (!first || days < earliest) {
			first = &v[i];
			earliest = days;
		}
		if (tc_range_alerts(&cfg->days.warning, days, 0)) {
			/* only what needs attention is listed: Nagios keeps 8 KB of output */
			expiring_n++;
			expiring += v[i].balance;
			tc_result_line(r, _("%s: %s left, expires %s (in %lld days), products: %s"),
				       v[i].id[0] ? v[i].id : _("(no VoucherId)"), m1, date,
				       (long long)days, v[i].products[0] ? v[i].products : "-");
		}
	}

	char expired_note[256] = "";
	if (expired_n) {
		tc_money_format(expired_value, cfg->currency, m2, sizeof m2);
		snprintf(expired_note, sizeof expired_note,
			 ngettext("; %zu expired voucher still shows %s",
				  "; %zu expired vouchers still show %s", expired_n),
			 expired_n, m2);
		tc_result_raise(r, TC_WARNING);
	}
	if (undated_n) {
		/* value whose expiry cannot be read may lapse any day: never OK */
		size_t used = strlen(expired_note);
		tc_money_format(undated_value, cfg->currency, m2, sizeof m2);
		snprintf(expired_note + used, sizeof expired_note - used,
			 ngettext("; %s in %zu voucher with an unreadable expiry date, not judged",
				  "; %s in %zu vouchers with an unreadable expiry date, not judged",
				  undated_n),
			 m2, undated_n);
		tc_result_raise(r, TC_WARNING);
	}
	if (!first) {
		tc_result_summary(r,
				  undated_n ? _("no unused vouchers with value left and a readable "
						"expiry date%s")
					    : _("no unused vouchers with value left%s"),
				  expired_note);
	} else {
		tc_format_api_date(first->expires, cfg->offset, date, sizeof date);
		tc_result_raise(r, tc_thresholds_judge(&cfg->days, earliest, 0).state);
		if (expiring_n) {
			tc_money_format(expiring, cfg->currency, m1, sizeof m1);
			tc_result_summary(
			    r,
			    ngettext("%s in %zu voucher expires %s, earliest %s (in %lld days)%s",
				     "%s in %zu vouchers expires %s, earliest %s (in %lld days)%s",
				     expiring_n),
			    m1, expiring_n, window, date, (long long)earliest, expired_note);
		} else {
			tc_money_format(live_value, cfg->currency, m1, sizeof m1);
			tc_result_summary(
			    r,
			    ngettext("%s in %zu voucher, none expires %s; earliest %s%s",
				     "%s in %zu vouchers, none expires %s; earliest %s%s", live_n),
			    m1, live_n, window, date, expired_note);
		}
	}
	tc_result_add_figure(r, &(struct tc_figure){.name = "voucher_balance",
						    TC_FIGURE_MONEY(cfg->currency, total),
						    .min_zero = true});
	tc_result_add_figure(r, &(struct tc_figure){.name = "voucher_expiring",
						    TC_FIGURE_MONEY(cfg->currency, expiring),
						    .min_zero = true});
	if (first) {
		tc_result_add_figure(r, &(struct tc_figure){.name = "voucher_expires_in",
							    .measure = TC_MEASURE_DAYS,
							    .value = earliest,
							    .limits = &cfg->days});
	}
}

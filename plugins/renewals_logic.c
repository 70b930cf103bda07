/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "renewals_logic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "discovery.h"
#include "i18n.h"
#include "money.h"
#include "timeutil.h"

/* Whether the comma-separated `list` holds `value` exactly. */
static bool list_holds(const char *list, const char *value) {
	size_t len = strlen(value);
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		if (n == len && strncmp(p, value, n) == 0) {
			return true;
		}
		p += n + (p[n] == ',');
	}
	return false;
}

bool renewals_selected(const struct tc_renewal *x, const struct renewals_config *cfg) {
	return (!cfg->products || list_holds(cfg->products, x->product_code)) &&
	       (!cfg->regions || list_holds(cfg->regions, x->region)) &&
	       (!cfg->projects || list_holds(cfg->projects, x->project)) &&
	       !(cfg->exclude && x->id[0] && list_holds(cfg->exclude, x->id));
}

/* "CVM web-1 (ins-1) in ap-guangzhou": product, instance and region as known. */
static void who(const struct tc_renewal *x, char *buf, size_t size) {
	const char *product = x->product[0]        ? x->product
			      : x->product_code[0] ? x->product_code
						   : _("(product unknown)");
	const char *id = x->id[0] ? x->id : _("(no InstanceId)");
	const char *region = x->region[0] ? x->region : _("(region unknown)");
	if (x->name[0]) {
		/* TRANSLATORS: product, instance name, instance ID, region */
		snprintf(buf, size, _("%s %s (%s) in %s"), product, x->name, id, region);
	} else {
		/* TRANSLATORS: product, instance ID, region */
		snprintf(buf, size, _("%s %s in %s"), product, id, region);
	}
}

/* "2026-11-25 (in 3 days)", "2026-11-20 (2 days ago)", "today" */
static void when(const struct tc_renewal *x, int64_t days, int offset, char *buf, size_t size) {
	char date[16];
	tc_format_api_date(x->expires, offset, date, sizeof date);
	if (days >= 0) {
		snprintf(buf, size,
			 ngettext("%s (in %lld day)", "%s (in %lld days)", (unsigned long)days),
			 date, (long long)days);
	} else {
		snprintf(buf, size,
			 ngettext("%s (%lld day ago)", "%s (%lld days ago)", (unsigned long)-days),
			 date, (long long)-days);
	}
}

/* "within 30 days" for the usual "30:" range, else the range's words. */
static void window(const struct tc_range *w, char *buf, size_t size) {
	int64_t days;
	if (w->end_infinite && tc_range_floor(w, 0, &days)) {
		snprintf(buf, size, _("within %lld days"), (long long)days);
	} else {
		snprintf(buf, size, "%s", _("in the warning range"));
	}
}

static bool never_renewed(const struct tc_renewal *x, const struct renewals_config *cfg) {
	return x->flag == TC_RENEW_NEVER && !cfg->include_not_renewing;
}

size_t renewals_auto_due(const struct tc_renewal *x, size_t n, int64_t now,
			 const struct renewals_config *cfg) {
	size_t due = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t days =
		    x[i].has_expiry ? tc_calendar_days_between(now, x[i].expires, cfg->offset) : -1;
		if (x[i].flag == TC_RENEW_AUTO && x[i].status != TC_INSTANCE_ISOLATED &&
		    days >= 0 && tc_range_alerts(&cfg->days.warning, days, 0)) {
			due++;
		}
	}
	return due;
}

struct tally {
	size_t isolated, due, autos, never, undated, manual;
	const struct tc_renewal *soonest; /* manual renewal, not isolated */
	int64_t soonest_days;
};

static void judge(const struct tc_renewal *x, int64_t now, const struct renewals_config *cfg,
		  struct tally *t, struct tc_result *r) {
	char w[400], t1[48];
	int64_t days = x->has_expiry ? tc_calendar_days_between(now, x->expires, cfg->offset) : 0;
	bool soon = x->has_expiry && tc_range_alerts(&cfg->days.warning, days, 0);
	who(x, w, sizeof w);
	if (x->has_expiry) {
		when(x, days, cfg->offset, t1, sizeof t1);
	}
	if (never_renewed(x, cfg)) {
		/* the owner chose to let it go: shown, not alerted */
		if (x->status == TC_INSTANCE_ISOLATED || soon) {
			t->never++;
			/* not isolated, it is listed only when soon, hence dated */
			if (x->status != TC_INSTANCE_ISOLATED) {
				tc_result_line(r, _("%s: set not to renew, expires %s"), w, t1);
			} else if (x->has_expiry) {
				tc_result_line(r, _("%s: set not to renew, ISOLATED, expired %s"),
					       w, t1);
			} else {
				tc_result_line(
				    r,
				    _("%s: set not to renew, ISOLATED, expired on an unknown date"),
				    w);
			}
		}
		return;
	}
	if (x->status == TC_INSTANCE_ISOLATED) {
		t->isolated++;
		tc_result_raise(r, TC_CRITICAL);
		if (x->has_expiry) {
			tc_result_line(
			    r, _("%s: ISOLATED (out of service until renewed), expired %s"), w, t1);
		} else {
			tc_result_line(r,
				       _("%s: ISOLATED (out of service until renewed), expired on "
					 "an unknown date"),
				       w);
		}
		return;
	}
	if (!x->has_expiry) {
		t->undated++;
		tc_result_line(r,
			       x->expire_text[0] ? _("%s: not judged: ExpireTime cannot be read")
						 : _("%s: not judged: no ExpireTime in the answer"),
			       w);
		return;
	}
	/* past its expiry, an automatic renewal did not happen: judged as manual */
	if (x->flag == TC_RENEW_AUTO && days >= 0) {
		if (soon) {
			t->autos++;
			tc_result_line(r, _("%s: renews automatically %s"), w, t1);
		}
		return;
	}
	t->manual++;
	if (!t->soonest || days < t->soonest_days) {
		t->soonest = x;
		t->soonest_days = days;
	}
	if (soon) {
		t->due++;
		/* in the warning range: WARNING at least, CRITICAL in the critical one */
		tc_result_raise(r, TC_WARNING);
		tc_result_raise(r, tc_thresholds_judge(&cfg->days, days, 0).state);
		const char *how = x->flag == TC_RENEW_MANUAL ? _("manual renewal")
				  : x->flag == TC_RENEW_AUTO
				      ? _("automatic renewal did not happen")
				      : _("renewal setting unknown, judged as manual");
		/* TRANSLATORS: instance, how it renews, date */
		tc_result_line(r, days < 0 ? _("%s: %s, EXPIRED on %s") : _("%s: %s, expires %s"),
			       w, how, t1);
	}
}

/* The balance's part: only an account that could pay nothing is flagged, since the
 * answer carries no renewal price. */
static void judge_balance(const struct tally *t, const struct renewals_balance *b,
			  const struct renewals_config *cfg, char *note, size_t size,
			  struct tc_result *r) {
	char avail[64], owed[64];
	note[0] = '\0';
	if (!b || t->autos == 0) {
		return;
	}
	if (!b->known) {
		tc_result_line(r, "%s", _("balance: not read"));
		return;
	}
	tc_money_format(b->available, cfg->currency, avail, sizeof avail);
	tc_money_format(b->owed, cfg->currency, owed, sizeof owed);
	if (b->available <= 0 || b->owed > 0) {
		tc_result_raise(r, TC_WARNING);
		if (b->owed > 0) {
			snprintf(note, size,
				 _(" that the account cannot pay (available %s, owing %s)"), avail,
				 owed);
		} else {
			snprintf(note, size, _(" that the account cannot pay (available %s)"),
				 avail);
		}
		tc_result_line(r,
			       _("balance: available %s, owed %s: no automatic renewal can be paid "
				 "until the account is topped up"),
			       avail, owed);
	} else {
		tc_result_line(
		    r,
		    ngettext("balance: available %s; whether it covers the %zu automatic "
			     "renewal is not known (DescribeRenewInstances gives no prices)",
			     "balance: available %s; whether it covers the %zu automatic "
			     "renewals is not known (DescribeRenewInstances gives no "
			     "prices)",
			     t->autos),
		    avail, t->autos);
	}
}

void renewals_evaluate(const struct tc_renewal *x, size_t n, int64_t now,
		       const struct renewals_config *cfg, const struct renewals_balance *balance,
		       struct tc_result *r) {
	struct tally t = {0};
	char win[48], w[400], t1[48], head[640] = "", tail[384] = "", note[192];
	window(&cfg->days.warning, win, sizeof win);
	for (size_t i = 0; i < n; i++) {
		judge(&x[i], now, cfg, &t, r);
	}
	if (t.isolated) {
		snprintf(head, sizeof head,
			 ngettext("%zu instance ISOLATED", "%zu instances ISOLATED", t.isolated),
			 t.isolated);
	}
	size_t used = strlen(head);
	/* TRANSLATORS: between "N instances ISOLATED" and what follows */
	const char *sep = used ? _(", ") : "";
	if (t.due) {
		who(t.soonest, w, sizeof w);
		when(t.soonest, t.soonest_days, cfg->offset, t1, sizeof t1);
		snprintf(head + used, sizeof head - used, "%s", sep);
		used = strlen(head);
		/* TRANSLATORS: count, "within 30 days", the soonest instance, its date */
		snprintf(head + used, sizeof head - used,
			 ngettext("%zu manual renewal due %s, soonest %s on %s",
				  "%zu manual renewals due %s, soonest %s on %s", t.due),
			 t.due, win, w, t1);
	} else if (t.soonest) {
		when(t.soonest, t.soonest_days, cfg->offset, t1, sizeof t1);
		snprintf(head + used, sizeof head - used, "%s", sep);
		used = strlen(head);
		snprintf(head + used, sizeof head - used,
			 ngettext("no manual renewal due %s (%zu instance, soonest %s)",
				  "no manual renewal due %s (%zu instances, soonest %s)", n),
			 win, n, t1);
	} else if (!t.isolated) {
		snprintf(head + used, sizeof head - used, "%s", sep);
		used = strlen(head);
		snprintf(head + used, sizeof head - used,
			 ngettext("no manual renewal due %s (%zu instance)",
				  "no manual renewal due %s (%zu instances)", n),
			 win, n);
	}
	judge_balance(&t, balance, cfg, note, sizeof note, r);
	used = 0;
	if (t.autos) {
		used +=
		    (size_t)snprintf(tail + used, sizeof tail - used,
				     /* TRANSLATORS: count, "within 30 days", what the
					balance says (or nothing) */
				     _("; %zu renewing automatically %s%s"), t.autos, win, note);
	}
	if (t.never && used < sizeof tail) {
		used += (size_t)snprintf(tail + used, sizeof tail - used,
					 _("; %zu set not to renew expiring or isolated"), t.never);
	}
	if (t.undated && used < sizeof tail) {
		snprintf(tail + used, sizeof tail - used, _("; %zu without a readable expiry date"),
			 t.undated);
	}
	tc_result_summary(r, "%s%s", head, tail);
	struct {
		const char *name;
		size_t count;
	} counts[] = {{"renewal_instances", n},          {"renewal_due", t.due},
		      {"renewal_isolated", t.isolated},  {"renewal_auto_due", t.autos},
		      {"renewal_not_renewing", t.never}, {"renewal_undated", t.undated}};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		tc_result_add_figure(r, &(struct tc_figure){.name = counts[i].name,
							    TC_FIGURE_COUNT(counts[i].count),
							    .min_zero = true});
	}
	if (t.soonest) {
		tc_result_add_figure(r, &(struct tc_figure){.name = "renewal_expires_in",
							    .measure = TC_MEASURE_DAYS,
							    .value = t.soonest_days,
							    .limits = &cfg->days});
	}
	if (balance && balance->known && t.autos) {
		tc_result_add_figure(
		    r, &(struct tc_figure){.name = "available_balance",
					   TC_FIGURE_MONEY(cfg->currency, balance->available)});
	}
}

static void instance_row(const void *items, size_t i, const char **values) {
	const struct tc_renewal *x = items;
	values[0] = x[i].id;
	values[1] = x[i].name;
	values[2] = x[i].product_code;
	values[3] = x[i].region;
	values[4] = x[i].project;
	values[5] = x[i].flag_text;
}

char *renewals_discovery(const struct tc_renewal *x, size_t n) {
	static const char *const macros[] = {"{#INSTANCE}", "{#NAME}",    "{#PRODUCT}",
					     "{#REGION}",   "{#PROJECT}", "{#RENEWFLAG}"};
	return tc_discovery_json(macros, 6, x, n, instance_row);
}

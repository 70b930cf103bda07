/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "balance_logic.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "money.h"

static void money(int64_t cents, const char *currency, char *buf, size_t size) {
	tc_money_format(cents, currency, buf, size);
}

static void add_amount(struct tc_result *r, const char *currency, const char *name, int64_t cents,
		       bool min_zero, const struct tc_thresholds *limits) {
	tc_result_add_figure(r, &(struct tc_figure){.name = name,
						    TC_FIGURE_MONEY(currency, cents),
						    .limits = limits,
						    .min_zero = min_zero});
}

static void line(struct tc_result *r, const char *name, const struct tc_amount *a,
		 const char *currency) {
	char m[64];
	if (a->present) {
		money(a->cents, currency, m, sizeof m);
		/* TRANSLATORS: a figure of the long output, "cash: ¥500.00" */
		tc_result_line(r, _("%s: %s"), name, m);
	}
}

/* On the international site cash, income and gift are documented as "not
 * applied": a zero there is no information and is not shown as if it were money. */
static struct tc_amount shown(const struct tc_amount *a, const struct balance_config *cfg) {
	struct tc_amount none = {0};
	return cfg->intl && a->cents == 0 ? none : *a;
}

void balance_evaluate(const struct tc_balance *b, const struct balance_config *cfg,
		      struct tc_result *r) {
	const char *cur = cfg->currency;
	bool credit = false;
	int64_t available = tc_balance_available(b, &credit);
	bool arrears = tc_balance_in_arrears(b);
	struct tc_verdict verdict = tc_thresholds_judge(&cfg->limits, available, TC_MONEY_SCALE);

	char avail[64], owed[64], limit[64], why[96];
	money(available, cur, avail, sizeof avail);
	money(b->owe.cents, cur, owed, sizeof owed);
	money(credit ? b->credit_amount.cents : 0, cur, limit, sizeof limit);

	char what[160];
	if (credit) {
		snprintf(what, sizeof what, _("%s available credit of %s limit"), avail, limit);
	} else {
		snprintf(what, sizeof what, _("%s available"), avail);
	}
	tc_verdict_why(&verdict, tc_bound_money, cur, why, sizeof why);

	if (arrears && credit && b->owe.cents <= b->credit_amount.cents) {
		tc_result_raise(r, TC_CRITICAL);
		tc_result_summary(r, _("credit exhausted: %s owed, %s"), owed, what);
	} else if (arrears) {
		tc_result_raise(r, TC_CRITICAL);
		tc_result_summary(r, _("in arrears: %s owed, %s"), owed, what);
	} else if (verdict.state == TC_CRITICAL) {
		tc_result_raise(r, TC_CRITICAL);
		tc_result_summary(r, _("%s (critical: %s)"), what, why);
	} else if (verdict.state == TC_WARNING) {
		tc_result_raise(r, TC_WARNING);
		tc_result_summary(r, _("%s (warning: %s)"), what, why);
	} else {
		tc_result_summary(r, "%s", what);
	}

	struct tc_amount cash = shown(&b->cash, cfg), gift = shown(&b->present, cfg),
			 income = shown(&b->income, cfg);
	line(r, _("available balance"), &b->real_balance, cur);
	line(r, _("cash"), &cash, cur);
	line(r, _("gift"), &gift, cur);
	line(r, _("income"), &income, cur);
	line(r, _("frozen"), &b->freeze, cur);
	line(r, _("owed"), &b->owe, cur);
	if (credit) {
		char m[64];
		line(r, _("credit limit"), &b->credit_amount, cur);
		money(available, cur, m, sizeof m);
		tc_result_line(r, _("available credit: %s"), m);
	}
	if (credit || (b->temp_credit.present && b->temp_credit.cents != 0)) {
		line(r, _("temporary credit"), &b->temp_credit, cur);
	}
	if (b->uin[0]) {
		tc_result_line(r, _("account UIN: %s"), b->uin);
	}

	add_amount(r, cur, "balance", b->real_balance.cents, false, credit ? NULL : &cfg->limits);
	if (cash.present) {
		add_amount(r, cur, "cash", cash.cents, false, NULL);
	}
	if (gift.present) {
		add_amount(r, cur, "gift", gift.cents, true, NULL);
	}
	if (income.present) {
		add_amount(r, cur, "income", income.cents, false, NULL);
	}
	if (b->freeze.present) {
		add_amount(r, cur, "frozen", b->freeze.cents, true, NULL);
	}
	add_amount(r, cur, "owed", b->owe.cents, true, NULL);
	if (credit) {
		add_amount(r, cur, "credit_limit", b->credit_amount.cents, true, NULL);
		add_amount(r, cur, "credit_available", available, false, &cfg->limits);
	}
}

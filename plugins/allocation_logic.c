/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "allocation_logic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "discovery.h"
#include "i18n.h"
#include "money.h"

static bool entry_is(const char *entry, size_t n, const char *word) {
	return word[0] && strlen(word) == n && strncmp(entry, word, n) == 0;
}

static bool listed(const char *list, const char *uin, const char *name) {
	const char *p = list;
	while (p && *p) {
		size_t n = strcspn(p, ",");
		if (entry_is(p, n, uin) || entry_is(p, n, name)) {
			return true;
		}
		p += n;
		if (*p == ',') {
			p++;
		}
	}
	return false;
}

bool allocation_unmatched(const char *list, const struct tc_fund_account *a, size_t n, char *entry,
			  size_t size) {
	const char *p = list;
	while (p && *p) {
		size_t len = strcspn(p, ",");
		bool found = len == 0; /* "a,,b": an empty entry names nothing */
		for (size_t i = 0; i < n && !found; i++) {
			found = entry_is(p, len, a[i].uin) || entry_is(p, len, a[i].name);
		}
		if (!found) {
			snprintf(entry, size, "%.*s", (int)len, p);
			return true;
		}
		p += len;
		if (*p == ',') {
			p++;
		}
	}
	return false;
}

bool allocation_selected(const struct tc_fund_account *a, const char *include,
			 const char *exclude) {
	if (include && *include && !listed(include, a->uin, a->name)) {
		return false;
	}
	return !(exclude && *exclude && listed(exclude, a->uin, a->name));
}

/* The level a low account should be brought back to: the warning bound, else the
 * critical one, when that is a plain "N:" lower bound. */
static bool target(const struct allocation_config *cfg, int64_t *level) {
	return tc_range_floor(&cfg->limits.warning, TC_MONEY_SCALE, level) ||
	       tc_range_floor(&cfg->limits.critical, TC_MONEY_SCALE, level);
}

void allocation_evaluate(int64_t pool, const struct tc_fund_account *a, size_t n,
			 const struct allocation_config *cfg, struct tc_result *r) {
	struct tc_error absurd;
	int64_t sum = 0, gaps = 0, need = 0;
	bool has_level = target(cfg, &need);
	for (size_t i = 0; i < n; i++) {
		/* what is summed below: every account, and the gap of each low one */
		if (tc_money_add(&sum, a[i].available, "the accounts", &absurd) != 0 ||
		    (has_level && a[i].available < need &&
		     tc_money_add(&gaps, need - a[i].available, "the accounts", &absurd) != 0)) {
			tc_result_fail(r, &absurd, TC_UNKNOWN);
			return;
		}
	}
	int64_t shortfall = 0, level = 0;
	size_t low = 0;
	bool has_target = target(cfg, &level);
	char m1[64], m2[64], m3[64], pool_text[64];
	tc_money_format(pool, cfg->currency, pool_text, sizeof pool_text);

	for (size_t i = 0; i < n; i++) {
		enum tc_state s =
		    a[i].arrears
			? TC_CRITICAL
			: tc_thresholds_judge(&cfg->limits, a[i].available, TC_MONEY_SCALE).state;
		if (s == TC_OK) {
			continue;
		}
		low++;
		tc_result_raise(r, s);
		if (has_target && level > a[i].available) {
			shortfall += level - a[i].available;
		}
		tc_money_format(a[i].available, cfg->currency, m1, sizeof m1);
		tc_money_format(a[i].owed, cfg->currency, m2, sizeof m2);
		tc_result_line(r, _("%s %s: available %s, owed %s (%s)"),
			       a[i].uin[0] ? a[i].uin : _("(no UIN)"),
			       a[i].name[0] ? a[i].name : "-", m1, m2, tc_state_name(s));
	}

	tc_money_format(shortfall, cfg->currency, m1, sizeof m1);
	if (low == 0) {
		tc_result_summary(r,
				  ngettext("%zu account funded; %s unallocated in the pool",
					   "%zu accounts funded; %s unallocated in the pool", n),
				  n, pool_text);
	} else if (shortfall <= pool) {
		tc_result_summary(r, _("%zu of %zu accounts low: allocate %s from the %s pool"),
				  low, n, m1, pool_text);
	} else {
		tc_money_format(shortfall - (pool > 0 ? pool : 0), cfg->currency, m3, sizeof m3);
		tc_result_raise(r, TC_CRITICAL);
		tc_result_summary(
		    r,
		    _("%zu of %zu accounts low, short %s: the %s pool cannot cover it, top up %s"),
		    low, n, m1, pool_text, m3);
	}
	tc_result_line(r, _("pool: %s %s"), cfg->pool_name, pool_text);
	enum tc_state pool_state = tc_thresholds_judge(&cfg->pool, pool, TC_MONEY_SCALE).state;
	tc_result_raise(r, pool_state);
	if (pool_state == TC_CRITICAL) {
		tc_result_line(r, "%s", _("critical: the pool is outside --pool-critical"));
	} else if (pool_state == TC_WARNING) {
		tc_result_line(r, "%s", _("warning: the pool is outside --pool-warning"));
	}
	int64_t available_sum = 0;
	for (size_t i = 0; i < n; i++) {
		available_sum += a[i].available;
	}
	tc_result_add_figure(r, &(struct tc_figure){.name = "pool",
						    TC_FIGURE_MONEY(cfg->currency, pool),
						    .limits = &cfg->pool});
	tc_result_add_figure(r, &(struct tc_figure){.name = "accounts_available",
						    TC_FIGURE_MONEY(cfg->currency, available_sum)});
	tc_result_add_figure(
	    r,
	    &(struct tc_figure){.name = "accounts_checked", TC_FIGURE_COUNT(n), .min_zero = true});
	tc_result_add_figure(
	    r, &(struct tc_figure){.name = "accounts_low", TC_FIGURE_COUNT(low), .min_zero = true});
	tc_result_add_figure(r, &(struct tc_figure){.name = "shortfall",
						    TC_FIGURE_MONEY(cfg->currency, shortfall),
						    .min_zero = true});
}

static void account_row(const void *items, size_t i, const char **values) {
	const struct tc_fund_account *a = items;
	values[0] = a[i].uin;
	values[1] = a[i].name;
}

char *allocation_discovery(const struct tc_fund_account *a, size_t n) {
	static const char *const macros[] = {"{#UIN}", "{#NAME}"};
	return tc_discovery_json(macros, 2, a, n, account_row);
}

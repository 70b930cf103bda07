/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_tc_allocation: organization members or partner customers running low while
 * the pool (the admin's balance, the partner's unallocated credit) holds funds. */
#include <string.h>

#include "allocation_logic.h"
#include "tencentcloud/balance.h"
#include "tencentcloud/funds.h"
#include "i18n.h"
#include "tencentcloud/check.h"

enum {
	OPT_SOURCE = 2000,
	OPT_POOL_WARNING,
	OPT_POOL_CRITICAL,
	OPT_INCLUDE,
	OPT_EXCLUDE,
	OPT_DISCOVER
};

struct allocation_options {
	bool partner;
	bool discover;
	const char *include;
	const char *exclude;
	struct allocation_config cfg;
};

static int handle(int key, const char *arg, void *ctx, struct tc_error *err) {
	struct allocation_options *o = ctx;
	switch (key) {
	case OPT_SOURCE:
		if (strcmp(arg, "organization") != 0 && strcmp(arg, "partner") != 0) {
			return tc_error_set(err, TC_ERR_USAGE,
					    _("invalid --source '%s': use organization or partner"),
					    arg);
		}
		o->partner = strcmp(arg, "partner") == 0;
		return 0;
	case OPT_POOL_WARNING:
		return tc_opts_range("--pool-warning", arg, &o->cfg.pool.warning, err);
	case OPT_POOL_CRITICAL:
		return tc_opts_range("--pool-critical", arg, &o->cfg.pool.critical, err);
	case OPT_INCLUDE:
		o->include = arg;
		return 0;
	case OPT_EXCLUDE:
		o->exclude = arg;
		return 0;
	case OPT_DISCOVER:
		o->discover = true;
		return 0;
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option");
}

/* The pool: the admin account's available funds, or the partner's unallocated credit. */
static int fetch_pool(struct tc_cloud *cloud, bool partner, int64_t *pool, struct tc_error *err) {
	if (partner) {
		return tc_partner_credit_fetch(&cloud->api, pool, err);
	}
	struct tc_balance b;
	bool credit = false;
	if (tc_balance_fetch(&cloud->api, &b, err) != 0) {
		return -1;
	}
	*pool = tc_balance_available(&b, &credit);
	return 0;
}

static int check(struct tc_run *run, struct tc_cloud *cloud, struct tc_result *res,
		 struct tc_error *err) {
	struct allocation_options *o = run->program->ctx;
	struct tc_fund_accounts all;
	int64_t pool = 0;
	int rc = o->partner ? tc_customers_fetch(&cloud->api, &all, err)
			    : tc_members_fetch(&cloud->api, &all, err);
	if (rc == 0 && !o->discover) {
		rc = fetch_pool(cloud, o->partner, &pool, err);
	}
	if (rc != 0) {
		tc_fund_accounts_free(&all);
		return -1;
	}
	char entry[64];
	const char *lists[] = {o->include, o->exclude}, *words[] = {"--include", "--exclude"};
	for (int l = 0; l < 2; l++) {
		if (allocation_unmatched(lists[l], all.items, all.n, entry, sizeof entry)) {
			tc_error_set(err, TC_ERR_USAGE,
				     o->partner
					 ? _("%s entry '%s' matches none of the %zu customers")
					 : _("%s entry '%s' matches none of the %zu members"),
				     words[l], entry, all.n);
			tc_fund_accounts_free(&all);
			return -1;
		}
	}
	size_t kept = 0;
	for (size_t i = 0; i < all.n; i++) {
		if (allocation_selected(&all.items[i], o->include, o->exclude)) {
			all.items[kept++] = all.items[i];
		}
	}
	if (o->discover) {
		res->raw = allocation_discovery(all.items, kept);
	} else {
		o->cfg.limits = (struct tc_thresholds){run->warning, run->critical};
		/* partner credit is in USD whatever the site */
		o->cfg.currency =
		    o->partner && !cloud->opts.currency_given ? "USD" : cloud->opts.currency;
		o->cfg.pool_name = o->partner ? _("partner's unallocated credit")
					      : _("admin account's available balance");
		allocation_evaluate(pool, all.items, kept, &o->cfg, res);
		tc_result_line(res, _("%s: %zu accounts read in %ld requests"),
			       o->partner ? "QueryCustomersCredit"
					  : "DescribeOrgMemberAccountBalance",
			       all.n, all.requests);
	}
	tc_fund_accounts_free(&all);
	return 0;
}

static const struct option own_options[] = {
    {"source", required_argument, NULL, OPT_SOURCE},
    {"pool-warning", required_argument, NULL, OPT_POOL_WARNING},
    {"pool-critical", required_argument, NULL, OPT_POOL_CRITICAL},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"discover", no_argument, NULL, OPT_DISCOVER},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv) {
	struct allocation_options options = {0};
	const struct tc_program program = {
	    .name = "check_tc_allocation",
	    .prefix = "TC ALLOCATION",
	    .purpose =
		N_("Checks organization members (DescribeOrgMemberAccountBalance) or partner\n"
		   "customers (QueryCustomersCredit) for funds running low while the pool holds\n"
		   "unallocated money: WARNING to allocate, CRITICAL to top up."),
	    .threshold_help = N_("ranges on each account's available funds in currency units;\n"
				 "accounts in arrears are CRITICAL."),
	    .default_warning = "1000:",
	    .default_critical = "100:",
	    .extra_help = N_(
		"      --source=organization|partner  members of the organization (default)\n"
		"                         or customers of an international partner (USD)\n"
		"      --pool-warning=RANGE, --pool-critical=RANGE  on the pool itself\n"
		"      --include=LIST, --exclude=LIST  UINs or names, comma-separated\n"
		"      --discover         print Zabbix low-level discovery JSON of the accounts\n"),
	    .options = own_options,
	    .handle = handle,
	    .ctx = &options,
	};
	return tc_check_main(&program, argc, argv, check);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_tc_renewals: prepaid instances on manual renewal that expire soon, and
 * instances isolated for want of renewal (DescribeRenewInstances). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "tencentcloud/balance.h"
#include "range.h"
#include "tencentcloud/check.h"
#include "tencentcloud/renewals.h"
#include "renewals_logic.h"

enum {
	OPT_PRODUCT = 2000,
	OPT_INSTANCE_REGION,
	OPT_PROJECT,
	OPT_INSTANCE,
	OPT_EXCLUDE,
	OPT_INCLUDE_NOT_RENEWING,
	OPT_BALANCE,
	OPT_DISCOVER
};

struct renewals_options {
	struct renewals_config cfg;
	bool balance;
	bool discover;
	char *ids_text; /* --instance, split in place */
	const char *ids[TC_RENEW_MAX_IDS];
	size_t n_ids;
};

static int split_ids(struct renewals_options *o, const char *arg, struct tc_error *err) {
	free(o->ids_text);
	o->n_ids = 0;
	if (!(o->ids_text = strdup(arg))) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	for (char *save = NULL, *id = strtok_r(o->ids_text, ",", &save); id;
	     id = strtok_r(NULL, ",", &save)) {
		if (o->n_ids == TC_RENEW_MAX_IDS) {
			return tc_error_set(err, TC_ERR_USAGE,
					    _("--instance: at most %d instance IDs"),
					    TC_RENEW_MAX_IDS);
		}
		o->ids[o->n_ids++] = id;
	}
	if (o->n_ids == 0) {
		return tc_error_set(err, TC_ERR_USAGE, _("--instance: no instance ID given"));
	}
	return 0;
}

static int handle(int key, const char *arg, void *ctx, struct tc_error *err) {
	struct renewals_options *o = ctx;
	switch (key) {
	case OPT_PRODUCT:
		o->cfg.products = arg;
		return 0;
	case OPT_INSTANCE_REGION:
		o->cfg.regions = arg;
		return 0;
	case OPT_PROJECT:
		o->cfg.projects = arg;
		return 0;
	case OPT_INSTANCE:
		return split_ids(o, arg, err);
	case OPT_EXCLUDE:
		o->cfg.exclude = arg;
		return 0;
	case OPT_INCLUDE_NOT_RENEWING:
		o->cfg.include_not_renewing = true;
		return 0;
	case OPT_BALANCE:
		o->balance = true;
		return 0;
	case OPT_DISCOVER:
		o->discover = true;
		return 0;
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option");
}

static int judge(struct tc_run *run, struct tc_cloud *cloud, struct renewals_options *o,
		 struct tc_renewal *x, size_t n, struct tc_result *res, struct tc_error *err) {
	int64_t now = (int64_t)time(NULL);
	struct renewals_balance rb = {0};
	/* -w/-c on days left, a bare N is "N:", as check_tc_vouchers reads them */
	if (tc_range_parse_left(run->opts.warning, &o->cfg.days.warning, err) != 0) {
		return tc_error_prefix(err, "-w");
	}
	if (tc_range_parse_left(run->opts.critical, &o->cfg.days.critical, err) != 0) {
		return tc_error_prefix(err, "-c");
	}
	o->cfg.currency = cloud->opts.currency;
	o->cfg.offset = cloud->opts.api_offset;
	/* the balance is read only when an automatic renewal falls due */
	if (o->balance && renewals_auto_due(x, n, now, &o->cfg) > 0) {
		struct tc_balance b;
		bool credit = false;
		if (tc_balance_fetch(&cloud->api, &b, err) != 0) {
			return -1;
		}
		rb.known = true;
		rb.available = tc_balance_available(&b, &credit);
		rb.owed = b.owe.cents;
	}
	renewals_evaluate(x, n, now, &o->cfg, o->balance ? &rb : NULL, res);
	return 0;
}

static int check(struct tc_run *run, struct tc_cloud *cloud, struct tc_result *res,
		 struct tc_error *err) {
	struct renewals_options *o = run->program->ctx;
	struct tc_renewals all;
	struct tc_renewals_query q = {.ids = o->ids, .n_ids = o->n_ids};
	if (tc_renewals_fetch(&cloud->api, &q, cloud->opts.api_offset, &all, err) != 0) {
		tc_renewals_free(&all);
		return -1;
	}
	size_t kept = 0;
	for (size_t i = 0; i < all.n; i++) {
		if (renewals_selected(&all.items[i], &o->cfg)) {
			all.items[kept++] = all.items[i];
		}
	}
	int rc = 0;
	if (o->discover) {
		res->raw = renewals_discovery(all.items, kept);
	} else if ((rc = judge(run, cloud, o, all.items, kept, res, err)) == 0) {
		tc_result_line(res, _("%zu instances read in %ld requests, %zu selected"), all.n,
			       all.requests, kept);
	}
	tc_renewals_free(&all);
	return rc;
}

static const struct option own_options[] = {
    {"product", required_argument, NULL, OPT_PRODUCT},
    {"instance-region", required_argument, NULL, OPT_INSTANCE_REGION},
    {"project", required_argument, NULL, OPT_PROJECT},
    {"instance", required_argument, NULL, OPT_INSTANCE},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"include-not-renewing", no_argument, NULL, OPT_INCLUDE_NOT_RENEWING},
    {"balance", no_argument, NULL, OPT_BALANCE},
    {"discover", no_argument, NULL, OPT_DISCOVER},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv) {
	struct renewals_options options = {0};
	const struct tc_program program = {
	    .name = "check_tc_renewals",
	    .prefix = "TC RENEWALS",
	    .purpose =
		N_("Checks prepaid instances (DescribeRenewInstances) for manual renewals falling\n"
		   "due and for instances ISOLATED (out of service) for want of renewal."),
	    .threshold_help =
		N_("days left before a manual-renewal instance expires; a bare N means fewer\n"
		   "than N days left, as certificate checks read it (check_http -C 30,7), so\n"
		   "-w 30 -c 7 warns under 30 days left and is critical under 7; other Nagios\n"
		   "ranges (@, ~, N:M) are taken as written.\n"
		   "ISOLATED instances are CRITICAL."),
	    .default_warning = "30:",
	    .default_critical = "7:",
	    .extra_help = N_(
		"      --product=LIST     only these ProductCodes (p_cvm,p_cdb), comma-separated\n"
		"      --instance-region=LIST  only instances in these RegionCodes\n"
		"      --project=LIST     only instances in these ProjectNames\n"
		"      --instance=LIST    only these instance IDs (at most 100, asked of the API)\n"
		"      --exclude=LIST     leave these instance IDs out (known, accepted cases)\n"
		"      --include-not-renewing  alert on instances set not to renew\n"
		"                         (DISABLE_NOTIFY_AND_MANUAL_RENEW) like manual ones;\n"
		"                         by default they are listed, never alerted\n"
		"      --balance          when automatic renewals fall due, read the balance\n"
		"                         (DescribeAccountBalance) and warn when the account\n"
		"                         could pay none of them (nothing available or owing)\n"
		"      --discover         print Zabbix low-level discovery JSON of the "
		"instances\n"),
	    .options = own_options,
	    .handle = handle,
	    .ctx = &options,
	};
	int status = tc_check_main(&program, argc, argv, check);
	free(options.ids_text);
	return status;
}

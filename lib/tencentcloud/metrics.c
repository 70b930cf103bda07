/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/metrics.h"

#include <stddef.h>

const struct tc_metric_help tc_billing_metric_help[] = {
    {"balance", "Available balance of the account (RealBalance)."},
    {"cash", "Cash account balance."},
    {"gift", "Gift (present) account balance."},
    {"income", "Income-transfer account balance."},
    {"frozen", "Frozen amount."},
    {"owed", "Amount in arrears (OweAmount)."},
    {"credit_limit", "Credit limit of a credit account."},
    {"credit_available", "Credit still available to a credit account."},
    {"pending_orders", "Unpaid (status 1) and paying (status 12) orders."},
    {"pending_amount", "Total amount of the pending orders."},
    {"oldest_pending", "Age of the oldest pending order."},
    {"pool", "Funds not yet allocated to member or customer accounts."},
    {"accounts_available", "Funds available to the member or customer accounts together."},
    {"accounts_checked", "Member or customer accounts checked."},
    {"accounts_low", "Member or customer accounts below the thresholds or in arrears."},
    {"shortfall", "Funds needed to bring every low account back to the warning bound."},
    {"voucher_balance", "Value left on unused vouchers."},
    {"voucher_expiring", "Value left on vouchers that expire within the warning window."},
    {"voucher_expires_in", "Time until the earliest voucher with value left expires."},
    {"renewal_instances", "Prepaid instances checked for renewal."},
    {"renewal_due", "Instances on manual renewal that expire within the warning window."},
    {"renewal_isolated", "Instances isolated (out of service) until renewed."},
    {"renewal_auto_due", "Instances on automatic renewal that renew within the warning window."},
    {"renewal_not_renewing", "Instances set not to renew that expire soon or are isolated."},
    {"renewal_undated", "Instances whose expiry time the API did not give or could not be read."},
    {"renewal_expires_in", "Time until the soonest instance on manual renewal expires."},
    {"available_balance", "Available balance, read to judge automatic renewals."},
    {"runway", "Time until the available funds run out at the recent daily spend."},
    {"daily_spend", "Mean daily spend."},
    {"mtd_spend", "Spend of the month so far."},
    {"budget_used", "Month-to-date spend as a ratio of the monthly budget."},
    {NULL, NULL},
};

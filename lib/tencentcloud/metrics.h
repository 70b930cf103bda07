/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What each figure of the billing checks means, as the HELP line of its Prometheus
 * metric (tencentcloud_NAME): one text per figure name, whichever check writes it. */
#ifndef TC_METRICS_H
#define TC_METRICS_H

#include "render.h"

extern const struct tc_metric_help tc_billing_metric_help[];

#endif

#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_tc_runway against the simulator: runway from the daily cost series, no
# spend, arrears, the bill source and its Ready flag, budgets, errors.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
RID='\(RequestId ????????-????-4???-????-????????????\)'
R=check_tc_runway

expect "30 days of runway" 0 \
	"TC RUNWAY OK - runway 30.0 days at ${Y}100.00/day | 'runway_days'=30;14:;7:;0; 'daily_spend_cny'=100;;;0; 'mtd_spend_cny'=*;;;0;" \
	check_as run-ok $R "${C[@]}"
expect "10 days" 1 "TC RUNWAY WARNING - runway 10.0 days at ${Y}100.00/day | 'runway_days'=10;14:;7:;0; *" \
	check_as run-warn $R "${C[@]}"
expect_line "why" "warning: runway below 14.0 days"
expect "5 days" 2 "TC RUNWAY CRITICAL - runway 5.0 days at ${Y}100.00/day | 'runway_days'=5;14:;7:;0; *" \
	check_as run-crit $R "${C[@]}"
expect "exactly 10.0 days with -w 10: is OK" 0 "TC RUNWAY OK - runway 10.0 days *" \
	check_as run-warn $R "${C[@]}" -w 10: -c 5:
expect "no spend: unlimited" 0 \
	"TC RUNWAY OK - no spend in the last 7 days: runway unlimited (${Y}3,000.00 available) | 'daily_spend_cny'=0;;;0; 'mtd_spend_cny'=0;;;0;" \
	check_as run-none $R "${C[@]}"
expect "arrears" 2 "TC RUNWAY CRITICAL - in arrears: ${Y}100.00 owed; runway 0 days at ${Y}100.00/day | 'runway_days'=0;14:;7:;0; *" \
	check_as run-arrears $R "${C[@]}"
expect "--window 3 over uneven days: (250 + 0 + 30.50) / 3" 1 \
	"TC RUNWAY WARNING - runway 10.0 days at ${Y}93.50/day | 'runway_days'=10;14:;7:;0; 'daily_spend_cny'=93.5;;;0; *" \
	check_as run-uneven $R "${C[@]}" --window 3
expect "bill not ready yet" 3 \
	"TC RUNWAY UNKNOWN - DescribeBillSummaryByProduct: this month's bill is not ready yet (Ready=0); the service says to retry in about 10 minutes" \
	check_as run-notready $R "${C[@]}" --spend-source bill
expect "bill source, nothing spent this month" 0 \
	"TC RUNWAY OK - no spend in this month so far: runway unlimited (${Y}3,000.00 available) | *" \
	check_as run-billzero $R "${C[@]}" --spend-source bill
expect "cost data not ready" 3 \
	"TC RUNWAY UNKNOWN - DescribeCostExplorerSummary failed: FailedOperation.SummaryDataNotReady: Summary data is not ready. $RID" \
	check_as run-error $R "${C[@]}"
expect "a budget far away" 0 \
	"TC RUNWAY OK - runway 30.0 days at ${Y}100.00/day; budget 0.0% used, forecast ${Y}*of ${Y}1,000,000,000.00 | *'budget_used'=0%;;;;" \
	check_as run-ok $R "${C[@]}" --budget 1000000000
expect "month to date over the budget" 2 "TC RUNWAY CRITICAL - runway 30.0 days at ${Y}100.00/day; budget *% used, forecast *" \
	check_as run-ok $R "${C[@]}" --budget 0.01
expect_line "why" "critical: month-to-date spend ${Y}* is over the budget ${Y}0.01"
expect "bad --window" 3 "TC RUNWAY UNKNOWN - invalid --window '0': expected 1-90" check_as run-ok $R "${C[@]}" --window 0
expect "bad --budget" 3 "TC RUNWAY UNKNOWN - invalid --budget '-5': a positive amount" \
	check_as run-ok $R "${C[@]}" --budget -5

# What DescribeCostExplorerSummary sends (Dimensions "default"): the total series is
# TotalDetail.TimeDetail; without a series the runway is UNKNOWN, never unlimited.
expect "series only in TotalDetail, no Detail" 0 "TC RUNWAY OK - runway 30.0 days at ${Y}100.00/day | *" \
	check_as run-total-only $R "${C[@]}"
expect "no TotalDetail: the series from a Detail row" 0 "TC RUNWAY OK - runway 30.0 days at ${Y}100.00/day | *" \
	check_as run-detail-row $R "${C[@]}"
expect "no series at all" 3 \
	"TC RUNWAY UNKNOWN - DescribeCostExplorerSummary: no cost series: neither TotalDetail nor Detail rows $RID" \
	check_as run-no-series $R "${C[@]}" --budget 1000
expect "an empty series" 3 \
	"TC RUNWAY UNKNOWN - DescribeCostExplorerSummary: the cost series has no days and the answer does not say the spend is zero" \
	check_as run-empty-series $R "${C[@]}" --budget 1000
expect "a total without TimeDetail" 3 \
	"TC RUNWAY UNKNOWN - DescribeCostExplorerSummary: TotalDetail: no TimeDetail (the daily series) but a non-zero Total $RID" \
	check_as run-no-timedetail $R "${C[@]}"
expect "a ready bill without SummaryTotal" 3 \
	"TC RUNWAY UNKNOWN - DescribeBillSummaryByProduct: SummaryTotal is null though Ready=1: no month-to-date total $RID" \
	check_as run-bill-null $R "${C[@]}" --spend-source bill --budget 1000

finish

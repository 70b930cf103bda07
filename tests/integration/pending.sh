#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_tc_pending against the simulator: every state, the look-back window and its
# 3-month chunks, more than 1000 orders under both readings of DescribeDealsByCond's
# Offset (record offset, page index), answers without their optional fields,
# partner orders and their 15-day start, and API errors.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
start_sim ahead tls --clock-offset 240
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
RID='\(RequestId ????????-????-4???-????-????????????\)'
P=check_tc_pending

expect "no pending orders (a delivered one is not pending)" 0 \
	"TC PENDING OK - no unpaid or paying orders in the last 30 days | 'pending_orders'=0;;;0; 'pending_amount_cny'=0;;;0; 'oldest_pending_minutes'=0;30;1440;0;" \
	check_as pend-none $P "${C[@]}"
expect_line "two requests: status 1 and status 12" "DescribeDealsByCond over the last 30 days: 2 requests"
expect "a window of one day" 0 "TC PENDING OK - *" check_as pend-none $P "${C[@]}" --days 1
expect_line "one day, in the singular" "DescribeDealsByCond over the last 1 day: 2 requests"
expect "unpaid order older than 30 minutes" 1 \
	"TC PENDING WARNING - 2 pending orders (${Y}1,700.00); oldest 45 min: 20261122000101 CVM ${Y}1,200.00 unpaid | 'pending_orders'=2;;;0; 'pending_amount_cny'=1700;;;0; 'oldest_pending_minutes'=45;30;1440;0;" \
	check_as pend-warn $P "${C[@]}"
expect_line "the threshold crossed is named" "warning: oldest order age above 30 min"
expect_line "each pending order is listed" \
	"20261122000102: TencentDB for MySQL, ${Y}500.00, paying (status 12), created 20??-??-?? ??:??:??, age 10 min"
has_line "20261122000103*" && not_ok "a delivered order is not listed" || ok "a delivered order is not listed"
expect "a slow answer (1.2 s per request)" 1 "TC PENDING WARNING - 2 pending orders *; oldest 45 min: *" \
	check_as pend-slow $P "${C[@]}"
expect_line "ages count from when the orders were read, not from the request" \
	"20261122000102: TencentDB for MySQL, ${Y}500.00, paying (status 12), created *, age 10 min"
expect "paying for two days" 2 \
	"TC PENDING CRITICAL - 1 pending order (${Y}99.00); oldest 2d 0h: 20261120000201 COS ${Y}99.00 paying | 'pending_orders'=1;;;0; 'pending_amount_cny'=99;;;0; 'oldest_pending_minutes'=2880;30;1440;0;" \
	check_as pend-crit $P "${C[@]}"
expect "age exactly on the bound does not alert (-w 45)" 0 "TC PENDING OK - 2 pending orders *" \
	check_as pend-warn $P "${C[@]}" -w 45
expect "an order older than the window is not seen" 0 "TC PENDING OK - no unpaid or paying orders in the last 30 days | *" \
	check_as pend-old $P "${C[@]}"
expect "--days 120 finds it, in 3-month chunks" 2 \
	"TC PENDING CRITICAL - 1 pending order (${Y}300.00); oldest 40d 0h: 20261013000301 CLB ${Y}300.00 unpaid | *" \
	check_as pend-old $P "${C[@]}" --days 120
expect_line "two chunks, two statuses: 4 requests" "DescribeDealsByCond over the last 120 days: 4 requests"
for acct in pend-many pend-many-page; do
	expect "1500 orders, --warning-count 1000 ($acct)" 1 \
		"TC PENDING WARNING - 1500 pending orders (${Y}1,500.00); oldest 30 min: BULK-C-0001 CVM ${Y}1.00 unpaid | 'pending_orders'=1500;1000;;0; 'pending_amount_cny'=1500;;;0; 'oldest_pending_minutes'=30;30;1440;0;" \
		check_as $acct $P "${C[@]}" --warning-count 1000 -t 30
	expect_line "the window is split between the orders' times, never paged ($acct)" \
		"DescribeDealsByCond over the last 30 days: 4 requests"
	expect_line "the listing is capped ($acct)" "... and 1470 more"
done
expect "--critical-amount 1000 on the total" 2 "TC PENDING CRITICAL - 1500 pending orders *'pending_amount_cny'=1500;;1000;0;*" \
	check_as pend-many $P "${C[@]}" --critical-amount 1000 -t 30
expect "more than 1000 orders in one second cannot be read" 3 \
	"TC PENDING UNKNOWN - DescribeDealsByCond: more than 1000 orders created within one second (20??-??-?? ??:??:??) $RID" \
	check_as pend-one-second $P "${C[@]}" --days 1 -t 30
expect "no TotalCount, no order ids or names, 1101 orders (page-index Offset)" 1 \
	"TC PENDING WARNING - 1101 pending orders (${Y}1,211.00); oldest 45 min: (no order id) - ${Y}1,200.00 unpaid | *" \
	check_as pend-sparse $P "${C[@]}" -t 30
expect_line "an order without id is listed all the same" \
	"(no order id): -, ${Y}1,200.00, unpaid (status 1), created *, age 45 min"
expect "ids and UINs as numbers, names null" 1 \
	"TC PENDING WARNING - 1 pending order (${Y}1,200.00); oldest 45 min: 20261122000902 - ${Y}1,200.00 unpaid | *" \
	check_as pend-display $P "${C[@]}"
expect "partner orders (string-typed fields)" 1 \
	"TC PENDING WARNING - 1 pending order (${Y}888.00); oldest 1h 30m: 20261122000401 CVM ${Y}888.00 unpaid | *" \
	check_as pend-partner $P "${C[@]}" --partner
expect_line "the customer is named" "20261122000401: CVM, ${Y}888.00, unpaid (status 1), customer 200000000777, created *"
expect_line "partner orders: 15 days at most" "DescribeAgentPayDealsV2 over the last 15 days: 2 requests"
expect "partner orders without TotalCount and display fields" 1 \
	"TC PENDING WARNING - 1 pending order (${Y}888.00); oldest 1h 30m: (no order id) - ${Y}888.00 unpaid | *" \
	check_as pend-partner-sparse $P "${C[@]}" --partner
expect "160 partner orders (pages of 100): the window is split" 1 \
	"TC PENDING WARNING - 160 pending orders (${Y}160.00); oldest 3h 20m: AG-B-0001 CVM ${Y}1.00 unpaid | *" \
	check_as pend-partner-many $P "${C[@]}" --partner
expect "the partner start lies within 15 days on a service clock 4 minutes ahead" 1 \
	"TC PENDING WARNING - 1 pending order *" check_as pend-partner $P \
	--endpoint "https://127.0.0.1:$PORT_ahead" --cacert "$WORK/cert.pem" --partner
expect "--partner --site intl: the partners API is China-only" 3 \
	"TC PENDING UNKNOWN - --partner reads partners 2018-03-21 (DescribeAgentPayDealsV2), which serves the China site only: drop --site intl" \
	check_as pend-partner $P "${C[@]}" --partner --site intl
expect "-w 30: on an age is refused (it would alert with no order)" 3 \
	"TC PENDING UNKNOWN - -w: '30:' alerts with no pending order (age 0); the age of the oldest order takes N for older than N minutes (-w 30 -c 1440)" \
	check_as pend-none $P "${C[@]}" -w 30:
expect "-w 30 -c 1440 as users write it: 45 minutes warns" 1 "TC PENDING WARNING - 2 pending orders *" \
	check_as pend-warn $P "${C[@]}" -w 30 -c 1440
expect "-w 30 -c 1440: two days is critical" 2 "TC PENDING CRITICAL - 1 pending order *" \
	check_as pend-crit $P "${C[@]}" -w 30 -c 1440
expect "-w 30 -c 1440: no order is OK" 0 "TC PENDING OK - no unpaid or paying orders *" \
	check_as pend-none $P "${C[@]}" -w 30 -c 1440
expect "not a partner" 3 \
	"TC PENDING UNKNOWN - DescribeAgentPayDealsV2 failed: UnauthorizedOperation: The account is not a partner. $RID" \
	check_as pend-warn $P "${C[@]}" --partner
expect "the action's own error" 3 \
	"TC PENDING UNKNOWN - DescribeDealsByCond failed: InvalidParameterValue: Invalid parameter value. $RID" \
	check_as pend-error $P "${C[@]}"
expect "--days out of range" 3 "TC PENDING UNKNOWN - invalid --days '0': expected 1-3650" \
	check_as pend-none $P "${C[@]}" --days 0
expect "--api-timezone: times read as UTC+9 are an hour older" 1 "TC PENDING WARNING - 2 pending orders *oldest 1h 45m*" \
	check_as pend-warn $P "${C[@]}" --api-timezone +09:00
expect "bad --api-timezone" 3 "TC PENDING UNKNOWN - invalid time zone offset 'Mars': use +HH:MM, -HH:MM or UTC" \
	check_as pend-none $P "${C[@]}" --api-timezone Mars

expect "--cache-dir: orders are read anew each run" 1 "TC PENDING WARNING - 2 pending orders *" \
	check_as pend-warn $P "${C[@]}" --cache-dir "$WORK/pending-cache"
n=$(find "$WORK/pending-cache" -name '*.cache' | wc -l)
[ "$n" = 0 ] && ok "no cache entries for a window that ends now" || not_ok "no cache entries" "$n files"

finish

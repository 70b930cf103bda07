#!/bin/bash
# check_tc_pending against the simulator: every state, the look-back window and its
# 3-month chunks, paging past 1000 orders, partner orders, and API errors.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
RID='\(RequestId ????????-????-4???-????-????????????\)'
P=check_tc_pending

expect "no pending orders (a delivered one is not pending)" 0 \
	"TC PENDING OK - no unpaid or paying orders in the last 30 days | 'pending_orders'=0;;;0; 'pending_amount_cny'=0;;;0; 'oldest_pending_minutes'=0;30;1440;0;" \
	check_as pend-none $P "${C[@]}"
expect_line "two requests: status 1 and status 12" "DescribeDealsByCond over the last 30 days: 2 requests"
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
expect "1500 orders over two pages, --warning-count 1000" 1 \
	"TC PENDING WARNING - 1500 pending orders (${Y}1,500.00); oldest 10 min: BULK-0001 CVM ${Y}1.00 unpaid | 'pending_orders'=1500;1000;;0; 'pending_amount_cny'=1500;;;0; 'oldest_pending_minutes'=10;30;1440;0;" \
	check_as pend-many $P "${C[@]}" --warning-count 1000
expect_line "3 requests for 1500 orders" "DescribeDealsByCond over the last 30 days: 3 requests"
expect_line "the listing is capped" "... and 1470 more"
expect "--critical-amount 1000 on the total" 2 "TC PENDING CRITICAL - 1500 pending orders *'pending_amount_cny'=1500;;1000;0;*" \
	check_as pend-many $P "${C[@]}" --critical-amount 1000
expect "partner orders (string-typed fields)" 1 \
	"TC PENDING WARNING - 1 pending order (${Y}888.00); oldest 1h 30m: 20261122000401 CVM ${Y}888.00 unpaid | *" \
	check_as pend-partner $P "${C[@]}" --partner
expect_line "the customer is named" "20261122000401: CVM, ${Y}888.00, unpaid (status 1), customer 200000000777, created *"
expect_line "partner orders: 15 days at most" "DescribeAgentPayDealsV2 over the last 15 days: 2 requests"
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

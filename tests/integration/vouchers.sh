#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_tc_vouchers against the simulator: every state, micro units, 1-based pages,
# expired vouchers that still show value, --min-value, the official example's
# "0002-11-30" expiry, answers without their optional fields, the X-TC-Region the
# action requires, and -w/-c written as days left.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
D='20[0-9][0-9]-[01][0-9]-[0-3][0-9]'
V=check_tc_vouchers

expect "no vouchers" 0 \
	"TC VOUCHERS OK - no unused vouchers with value left | 'voucher_balance_cny'=0;;;0; 'voucher_expiring_cny'=0;;;0;" \
	check_as vouch-none $V "${C[@]}"
expect "a voucher 90 days from expiry (1200000000 micro = 12.00)" 0 \
	"TC VOUCHERS OK - ${Y}12.00 in 1 voucher, none expires within 30 days; earliest $D | 'voucher_balance_cny'=12;;;0; 'voucher_expiring_cny'=0;;;0; 'voucher_expires_in_days'=90;30:;7:;;" \
	check_as vouch-ok $V "${C[@]}"
expect "a voucher 20 days from expiry; used vouchers are not asked for" 1 \
	"TC VOUCHERS WARNING - ${Y}12.00 in 1 voucher expires within 30 days, earliest $D (in 20 days) | 'voucher_balance_cny'=112;;;0; 'voucher_expiring_cny'=12;;;0; 'voucher_expires_in_days'=20;30:;7:;;" \
	check_as vouch-warn $V "${C[@]}"
expect_line "the expiring voucher is listed" "vch-w-1: ${Y}12.00 left, expires $D (in 20 days), products: CVM,CBS"
expect "5 days left on 2,656,450.02" 2 \
	"TC VOUCHERS CRITICAL - ${Y}2,656,450.02 in 1 voucher expires within 30 days, earliest $D (in 5 days) | 'voucher_balance_cny'=2656450.02;;;0; 'voucher_expiring_cny'=2656450.02;;;0; 'voucher_expires_in_days'=5;30:;7:;;" \
	check_as vouch-crit $V "${C[@]}"
expect "exactly on the bound (-c 5:) is not critical" 1 "TC VOUCHERS WARNING - *(in 5 days)*" \
	check_as vouch-crit $V "${C[@]}" -c 5:
expect "an expired voucher that still shows value" 1 \
	"TC VOUCHERS WARNING - ${Y}12.00 in 1 voucher, none expires within 30 days; earliest $D; 1 expired voucher still shows ${Y}50.00 | *" \
	check_as vouch-expired $V "${C[@]}"
expect_line "the expired voucher is listed" "vch-x-1: ${Y}50.00 left, EXPIRED on $D, products: CVM"
expect "1.00 left in 3 days" 2 "TC VOUCHERS CRITICAL - ${Y}1.00 in 1 voucher expires within 30 days, earliest $D (in 3 days) | *" \
	check_as vouch-small $V "${C[@]}"
expect "--min-value 5 ignores it" 0 "TC VOUCHERS OK - no unused vouchers with value left | 'voucher_balance_cny'=1;;;0; 'voucher_expiring_cny'=0;;;0;" \
	check_as vouch-small $V "${C[@]}" --min-value 5
expect "1200 vouchers over two pages" 0 "TC VOUCHERS OK - ${Y}1,200.00 in 1200 vouchers, none expires within 30 days; earliest $D | *" \
	check_as vouch-many $V "${C[@]}"
expect_line "two requests for 1200 vouchers" "1200 unused vouchers read in 2 requests"
expect "120 vouchers" 0 "TC VOUCHERS OK - ${Y}120.00 in 120 vouchers, *" check_as vouch-120 $V "${C[@]}"
expect_line "one request for 120 vouchers" "120 unused vouchers read in 1 request"
expect "bad --min-value" 3 "TC VOUCHERS UNKNOWN - --min-value: not an amount: 'x' (not a number)" \
	check_as vouch-ok $V "${C[@]}" --min-value x

# the official example's EndTime "0002-11-30": that voucher is named, the rest judged
expect "a sentinel expiry does not hide a voucher expiring in 5 days" 2 \
	"TC VOUCHERS CRITICAL - ${Y}5.00 in 1 voucher expires within 30 days, earliest $D (in 5 days); ${Y}12.00 in 1 voucher with an unreadable expiry date, not judged | 'voucher_balance_cny'=20;;;0; 'voucher_expiring_cny'=5;;;0; 'voucher_expires_in_days'=5;30:;7:;;" \
	check_as vouch-sentinel $V "${C[@]}"
expect_line "the voucher that cannot be judged is named" \
	"PPVIA653S3T7L07A4P: ${Y}12.00 left, expiry '0002-11-30' is not a date: not judged, products: CVM"
expect_line "the others are judged" "vch-sn-2: ${Y}5.00 left, expires $D (in 5 days), products: COS"
expect "a sentinel expiry alone is a WARNING, never OK" 1 \
	"TC VOUCHERS WARNING - ${Y}3.00 in 1 voucher, none expires within 30 days; earliest $D; ${Y}12.00 in 1 voucher with an unreadable expiry date, not judged | *" \
	check_as vouch-sentinel-only $V "${C[@]}"
expect "no TotalCount, TotalBalance, Unit, VoucherId or products; 1101 vouchers" 1 \
	"TC VOUCHERS WARNING - ${Y}12.00 in 1 voucher expires within 30 days, earliest $D (in 20 days) | 'voucher_balance_cny'=1112;;;0; *" \
	check_as vouch-sparse $V "${C[@]}"
expect_line "without a total, the short page ends the list" "1101 unused vouchers read in 2 requests"
expect_line "a voucher without an id is listed all the same" \
	"(no VoucherId): ${Y}12.00 left, expires $D (in 20 days), products: -"
expect "display fields as numbers or null" 1 "TC VOUCHERS WARNING - ${Y}12.00 in 1 voucher expires within 30 days, *" \
	check_as vouch-display $V "${C[@]}"
expect "--region is sent instead of the default" 0 "TC VOUCHERS OK - ${Y}12.00 in 1 voucher, *" \
	check_as vouch-ok $V "${C[@]}" --region ap-singapore

# thresholds as monitoring users write them (check_http -C 30,7): days left
expect "-w 30 -c 7: 5 days left is CRITICAL" 2 \
	"TC VOUCHERS CRITICAL - ${Y}2,656,450.02 in 1 voucher expires within 30 days, earliest $D (in 5 days) | *'voucher_expires_in_days'=5;30:;7:;;" \
	check_as vouch-crit $V "${C[@]}" -w 30 -c 7
expect "-w 30 -c 7: 20 days left is WARNING" 1 \
	"TC VOUCHERS WARNING - ${Y}12.00 in 1 voucher expires within 30 days, earliest $D (in 20 days) | *" \
	check_as vouch-warn $V "${C[@]}" -w 30 -c 7
expect "-w 30 -c 7: 90 days left is OK" 0 \
	"TC VOUCHERS OK - ${Y}12.00 in 1 voucher, none expires within 30 days; earliest $D | *'voucher_expires_in_days'=90;30:;7:;;" \
	check_as vouch-ok $V "${C[@]}" -w 30 -c 7
expect "-w 60 -c 10: 20 days left is WARNING within 60 days" 1 \
	"TC VOUCHERS WARNING - ${Y}12.00 in 1 voucher expires within 60 days, *" \
	check_as vouch-warn $V "${C[@]}" -w 60 -c 10
expect "ranges are taken as written (-c @0:10)" 2 "TC VOUCHERS CRITICAL - *" \
	check_as vouch-crit $V "${C[@]}" -c @0:10
expect "a bad -c" 3 "TC VOUCHERS UNKNOWN - -c: invalid threshold range '7x'" \
	check_as vouch-crit $V "${C[@]}" -c 7x

finish

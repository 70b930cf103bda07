#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_tc_allocation against the simulator: organization members over pages of 10,
# allocate or top up, arrears, filters, discovery, and an international partner's
# customers in USD floats.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
RID='\(RequestId ????????-????-4???-????-????????????\)'
A=check_tc_allocation

expect "25 funded members" 0 \
	"TC ALLOCATION OK - 25 accounts funded; ${Y}10,000.00 unallocated in the pool | 'pool_cny'=10000;;;; 'accounts_available_cny'=125000;;;; 'accounts_checked'=25;;;0; 'accounts_low'=0;;;0; 'shortfall_cny'=0;;;0;" \
	check_as org-ok $A "${C[@]}"
expect_line "25 members in 3 pages of 10" "DescribeOrgMemberAccountBalance: 25 accounts read in 3 requests"
expect "two members low: allocate from the pool" 1 \
	"TC ALLOCATION WARNING - 2 of 5 accounts low: allocate ${Y}1,000.00 from the ${Y}10,000.00 pool | 'pool_cny'=10000;;;; 'accounts_available_cny'=16000;;;; 'accounts_checked'=5;;;0; 'accounts_low'=2;;;0; 'shortfall_cny'=1000;;;0;" \
	check_as org-warn $A "${C[@]}"
expect_line "each low member is listed" "300000000401 data-lab: available ${Y}500.00, owed ${Y}0.00 (WARNING)"
expect "a member in arrears is CRITICAL" 2 \
	"TC ALLOCATION CRITICAL - 3 of 25 accounts low: allocate ${Y}2,200.00 from the ${Y}10,000.00 pool | *'shortfall_cny'=2200;;;0;" \
	check_as org-allocate $A "${C[@]}"
expect_line "the member in arrears" "300000000203 web-shop: available -${Y}200.00, owed ${Y}200.00 (CRITICAL)"
expect "the pool cannot cover the shortfall: top up" 2 \
	"TC ALLOCATION CRITICAL - 2 of 2 accounts low, short ${Y}1,800.00: the ${Y}500.00 pool cannot cover it, top up ${Y}1,300.00 | *" \
	check_as org-topup $A "${C[@]}"
expect "--pool-warning on the pool" 1 "TC ALLOCATION WARNING - 5 accounts funded; ${Y}10,000.00 unallocated in the pool | 'pool_cny'=10000;20000:;;;*" \
	check_as org-warn $A "${C[@]}" -w 100: --pool-warning 20000:
expect "--exclude by name and UIN" 1 \
	"TC ALLOCATION WARNING - 1 of 23 accounts low: allocate ${Y}500.00 from the ${Y}10,000.00 pool | *" \
	check_as org-allocate $A "${C[@]}" --exclude web-shop,300000000201
expect "--include one member" 0 "TC ALLOCATION OK - 1 account funded; *" \
	check_as org-allocate $A "${C[@]}" --include team-7
run check_as org-warn $A "${C[@]}" --discover
if [ "$RC" -eq 0 ] && [ "$OUT" = '{"data":[{"{#UIN}":"300000000301","{#NAME}":"team-1"},{"{#UIN}":"300000000302","{#NAME}":"team-2"},{"{#UIN}":"300000000303","{#NAME}":"team-3"},{"{#UIN}":"300000000401","{#NAME}":"data-lab"},{"{#UIN}":"300000000402","{#NAME}":"qa"}]}' ]; then
	ok "--discover prints Zabbix LLD JSON"
else
	not_ok "--discover prints Zabbix LLD JSON" "exit $RC" "$OUT"
fi
expect "not an organization admin" 3 \
	"TC ALLOCATION UNKNOWN - DescribeOrgMemberAccountBalance failed: UnsupportedOperation: The account is not the admin of an organization. $RID" \
	check_as org-notadmin $A "${C[@]}"
expect "partner customers in USD" 2 \
	"TC ALLOCATION CRITICAL - 1 of 2 accounts low: allocate \$979.50 from the \$1,000.10 pool | 'pool_usd'=1000.1;;;; 'accounts_available_usd'=5020.5;;;; 'accounts_checked'=2;;;0; 'accounts_low'=1;;;0; 'shortfall_usd'=979.5;;;0;" \
	check_as partner-low $A "${C[@]}" --source partner
expect_line "the pool is the partner's unallocated credit" "pool: partner's unallocated credit \$1,000.10"
expect "not a partner" 3 \
	"TC ALLOCATION UNKNOWN - QueryCustomersCredit failed: UnauthorizedOperation.UinNoAuth: The account is not a partner. $RID" \
	check_as org-ok $A "${C[@]}" --source partner
expect "bad --source" 3 "TC ALLOCATION UNKNOWN - invalid --source 'x': use organization or partner" \
	check_as org-ok $A "${C[@]}" --source x

# Credit members: the line's normal use shows as OweAmount; judged on the credit
# left, in arrears only past the line, under both readings of RealBalance.
expect "a credit member using its line is funded" 0 \
	"TC ALLOCATION OK - 2 accounts funded; ${Y}10,000.00 unallocated in the pool | 'pool_cny'=10000;;;; 'accounts_available_cny'=100000;;;; *" \
	check_as org-credit $A "${C[@]}"
expect "the same when RealBalance holds the credit left" 0 \
	"TC ALLOCATION OK - 2 accounts funded; ${Y}10,000.00 unallocated in the pool | 'pool_cny'=10000;;;; 'accounts_available_cny'=100000;;;; *" \
	check_as org-credit-real $A "${C[@]}"
expect "a credit member owing more than its line" 2 "TC ALLOCATION CRITICAL - 1 of 1 accounts low: *" \
	check_as org-credit-over $A "${C[@]}"
expect_line "its credit left is negative" "310000000201 credit-team: available -${Y}5,000.00, owed ${Y}105,000.00 (CRITICAL)"
expect "every optional field left out, no TotalCount" 0 "TC ALLOCATION OK - 21 accounts funded; *" \
	check_as org-optional $A "${C[@]}"
expect_line "pages read until a short one" "DescribeOrgMemberAccountBalance: 21 accounts read in 3 requests"
expect "customers without display fields" 0 "TC ALLOCATION OK - 1 account funded; *" \
	check_as partner-optional $A "${C[@]}" --source partner
# a filter that names nothing is never a silent OK
expect "--include that matches nothing" 3 \
	"TC ALLOCATION UNKNOWN - --include entry '999' matches none of the 25 members" \
	check_as org-ok $A "${C[@]}" --include 999
expect "--exclude with a typo" 3 \
	"TC ALLOCATION UNKNOWN - --exclude entry 'web-shpo' matches none of the 25 members" \
	check_as org-allocate $A "${C[@]}" --exclude web-shop,web-shpo

finish

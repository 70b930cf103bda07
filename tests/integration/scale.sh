#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_tc_allocation at scale, at the documented rate limits the simulator enforces
# (20 requests/s per billing action, 5/s per intlpartnersmgt action): an organization
# of 300 members (30 pages of 10, the model's maximum) and an international partner
# with 500 customers (5 pages of 100) both finish within the default -t 10.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
A=check_tc_allocation

expect "300 members" 0 "TC ALLOCATION OK - 300 accounts funded; ${Y}1,000,000.00 unallocated in the pool | *" \
	check_as org-300 $A "${C[@]}"
expect_line "in 30 pages of 10" "DescribeOrgMemberAccountBalance: 300 accounts read in 30 requests"
[ "$ELAPSED" -lt 10000 ] && ok "300 members within -t 10 (${ELAPSED} ms)" ||
	not_ok "300 members within -t 10" "${ELAPSED} ms"
echo "# 300 members: ${ELAPSED} ms"
expect "500 customers" 0 "TC ALLOCATION OK - 500 accounts funded; \$10,000.00 unallocated in the pool | *" \
	check_as partner-500 $A "${C[@]}" --source partner
expect_line "in 5 pages of 100" "QueryCustomersCredit: 500 accounts read in 5 requests"
[ "$ELAPSED" -lt 10000 ] && ok "500 customers within -t 10 (${ELAPSED} ms)" ||
	not_ok "500 customers within -t 10" "${ELAPSED} ms"
echo "# 500 customers: ${ELAPSED} ms"
# twice in the same second: the second run meets the rate limit and still finishes
expect "300 members again at once" 0 "TC ALLOCATION OK - 300 accounts funded; *" \
	check_as org-300 $A "${C[@]}"
[ "$ELAPSED" -lt 10000 ] && ok "again within -t 10 (${ELAPSED} ms)" || not_ok "again within -t 10" "${ELAPSED} ms"

finish

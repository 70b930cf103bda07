#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_tc_renewals against the simulator: every state, NextToken paging, ISOLATED
# instances, instances set not to renew, automatic renewals and the balance, the
# filters, records with absent or null fields, the formats and discovery.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
D='20[0-9][0-9]-[01][0-9]-[0-3][0-9]'
Y=$'\xc2\xa5'
R=check_tc_renewals
PERF0="'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0;"

expect "no instances" 0 \
	"TC RENEWALS OK - no manual renewal due within 30 days (0 instances) | 'renewal_instances'=0;;;0; 'renewal_due'=0;;;0; $PERF0 'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0;" \
	check_as renew-none $R "${C[@]}"
expect "a manual renewal 90 days away, an automatic one in 60" 0 \
	"TC RENEWALS OK - no manual renewal due within 30 days (2 instances, soonest $D (in 90 days)) | * 'renewal_expires_in_days'=90;30:;7:;;" \
	check_as renew-ok $R "${C[@]}"
expect "a manual renewal in 20 days; the one set not to renew does not alert" 1 \
	"TC RENEWALS WARNING - 1 manual renewal due within 30 days, soonest Cloud Virtual Machine web-1 (ins-w-1) in ap-guangzhou on $D (in 20 days); 1 set not to renew expiring or isolated | 'renewal_instances'=3;;;0; 'renewal_due'=1;;;0; $PERF0 'renewal_not_renewing'=1;;;0; 'renewal_undated'=0;;;0; 'renewal_expires_in_days'=20;30:;7:;;" \
	check_as renew-warn $R "${C[@]}"
expect_line "the due instance is named with product, name, ID, region and expiry" \
	"Cloud Virtual Machine web-1 (ins-w-1) in ap-guangzhou: manual renewal, expires $D (in 20 days)"
expect_line "the instance set not to renew is listed" \
	"Cloud Virtual Machine old-batch (ins-w-2) in ap-guangzhou: set not to renew, expires $D (in 5 days)"
expect "--include-not-renewing alerts on it" 2 \
	"TC RENEWALS CRITICAL - 2 manual renewals due within 30 days, soonest * old-batch (ins-w-2) * (in 5 days) | *" \
	check_as renew-warn $R "${C[@]}" --include-not-renewing
expect "3 days left is critical" 2 \
	"TC RENEWALS CRITICAL - 1 manual renewal due within 30 days, soonest Cloud Virtual Machine api-1 (ins-c-1) in ap-guangzhou on $D (in 3 days) | *" \
	check_as renew-crit $R "${C[@]}"
expect "-w 30 -c 3 read as days left, like check_http -C: 3 days is not under 3" 1 \
	"TC RENEWALS WARNING - * (in 3 days) | * 'renewal_expires_in_days'=3;30:;3:;;" \
	check_as renew-crit $R "${C[@]}" -w 30 -c 3
expect "-w 2 -c 1: 3 days left is fine" 0 "TC RENEWALS OK - no manual renewal due within 2 days *" \
	check_as renew-crit $R "${C[@]}" -w 2 -c 1
expect "an ISOLATED instance is critical even on automatic renewal" 2 \
	"TC RENEWALS CRITICAL - 1 instance ISOLATED, no manual renewal due within 30 days (2 instances, soonest $D (in 200 days)) | 'renewal_instances'=2;;;0; 'renewal_due'=0;;;0; 'renewal_isolated'=1;;;0; * 'renewal_expires_in_days'=200;30:;7:;;" \
	check_as renew-isolated $R "${C[@]}"
expect_line "the isolated instance is named" \
	"TencentDB for MySQL orders-db (cdb-i-1) in ap-shanghai: ISOLATED (out of service until renewed), expired $D (2 days ago)"
expect "--exclude leaves it out" 0 "TC RENEWALS OK - *" \
	check_as renew-isolated $R "${C[@]}" --exclude cdb-i-1

expect "an automatic renewal due is counted, not alerted" 0 \
	"TC RENEWALS OK - no manual renewal due within 30 days (1 instance); 1 renewing automatically within 30 days | *'renewal_auto_due'=1;;;0;*" \
	check_as renew-auto-owing $R "${C[@]}"
expect "--balance: an owing account cannot pay it" 1 \
	"TC RENEWALS WARNING - no manual renewal due within 30 days (1 instance); 1 renewing automatically within 30 days that the account cannot pay (available -${Y}50.00, owing ${Y}50.00) | * 'available_balance_cny'=-50;;;;" \
	check_as renew-auto-owing $R "${C[@]}" --balance
expect_line "what is not known is said" "balance: available -${Y}50.00, owed ${Y}50.00: no automatic renewal can be paid until the account is topped up"
expect "--balance with money: OK, the price being unknown" 0 \
	"TC RENEWALS OK - no manual renewal due within 30 days (1 instance); 1 renewing automatically within 30 days | *'available_balance_cny'=10000;;;;" \
	check_as renew-auto-funded $R "${C[@]}" --balance
expect_line "the price is not in the answer" \
	"balance: available ${Y}10,000.00; whether it covers the 1 automatic renewal is not known (DescribeRenewInstances gives no prices)"
# renew-warn and renew-auto-nobalance answer DescribeAccountBalance without
# RealBalance, which the balance reader refuses: reading it would be UNKNOWN
expect "--balance is not read without an automatic renewal due" 1 "TC RENEWALS WARNING - *" \
	check_as renew-warn $R "${C[@]}" --balance
expect "--balance: a balance that cannot be read is UNKNOWN, not OK" 3 \
	"TC RENEWALS UNKNOWN - *RealBalance*" check_as renew-auto-nobalance $R "${C[@]}" --balance
expect "without --balance the balance is not asked for" 0 "TC RENEWALS OK - *" \
	check_as renew-auto-nobalance $R "${C[@]}"

expect "an automatic renewal past its expiry did not happen: critical" 2 \
	"TC RENEWALS CRITICAL - 1 manual renewal due within 30 days, soonest * batch (ins-am-1) * (1 day ago) | *'renewal_auto_due'=0;;;0;*" \
	check_as renew-auto-missed $R "${C[@]}"
expect_line "it is named" "Cloud Virtual Machine batch (ins-am-1) in ap-guangzhou: automatic renewal did not happen, EXPIRED on $D (1 day ago)"

expect "250 instances over three NextToken pages" 0 \
	"TC RENEWALS OK - no manual renewal due within 30 days (250 instances, soonest $D (in 90 days)) | *" \
	check_as renew-many $R "${C[@]}"
expect_line "three requests" "250 instances read in 3 requests, 250 selected"

expect "absent and null fields: the dated record is judged, the others named" 2 \
	"TC RENEWALS CRITICAL - 1 manual renewal due within 30 days, soonest p_cvm ins-s-3 in (region unknown) on $D (in 3 days); 2 without a readable expiry date | *'renewal_undated'=2;;;0;*" \
	check_as renew-sparse $R "${C[@]}"
expect_line "a record with every optional field absent is named" \
	"(product unknown) (no InstanceId) in (region unknown): not judged: no ExpireTime in the answer"
expect_line "a record with null fields is named" \
	"p_cvm ins-s-2 in (region unknown): not judged: no ExpireTime in the answer"
expect_line "an unknown renewal setting is judged as manual" \
	"p_cvm ins-s-3 in (region unknown): renewal setting unknown, judged as manual, expires $D (in 3 days)"

expect "all of a mixed account" 2 "TC RENEWALS CRITICAL - 1 instance ISOLATED, 2 manual renewals due within 30 days, *" \
	check_as renew-mixed $R "${C[@]}"
expect "--product p_cdb" 2 "TC RENEWALS CRITICAL - 1 instance ISOLATED, 1 manual renewal due within 30 days, soonest TencentDB for MySQL orders-db (cdb-x-2) in ap-shanghai on $D (in 20 days) | *" \
	check_as renew-mixed $R "${C[@]}" --product p_cdb
expect "--instance-region ap-guangzhou" 2 "TC RENEWALS CRITICAL - 1 manual renewal due within 30 days, soonest * web-1 (ins-x-1) * (in 3 days) | 'renewal_instances'=1;;;0; *" \
	check_as renew-mixed $R "${C[@]}" --instance-region ap-guangzhou
expect "--project shop --exclude cdb-x-3" 1 "TC RENEWALS WARNING - 1 manual renewal due within 30 days, soonest * orders-db (cdb-x-2) * | 'renewal_instances'=1;;;0; *" \
	check_as renew-mixed $R "${C[@]}" --project shop --exclude cdb-x-3
expect "--instance asks the API for those IDs" 1 "TC RENEWALS WARNING - * orders-db (cdb-x-2) * | 'renewal_instances'=1;;;0; *" \
	check_as renew-mixed $R "${C[@]}" --instance cdb-x-2
expect_line "one instance read" "1 instance read in 1 request, 1 selected"
expect "--region stays the API region" 2 "TC RENEWALS CRITICAL - 1 instance ISOLATED, 2 manual *" \
	check_as renew-mixed $R "${C[@]}" --region ap-shanghai

# an account section of the accounts file: renewals.KEY lines, checks= naming it
printf '[default]\nsecret_id = %s\nsecret_key = %s\n' "$(key_id renew-mixed)" "$(key_secret renew-mixed)" >"$WORK/fleet.cred"
chmod 600 "$WORK/fleet.cred"
printf '[fleet]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\nchecks=balance,renewals\nrenewals.product=p_cdb\nrenewals.warning=10\nrenewals.balance\nvouchers.min-value=5\n' \
	"$WORK/fleet.cred" "$PORT_api" "$WORK/cert.pem" >"$WORK/accounts.ini"
expect "renewals.KEY lines of an account section" 2 \
	"TC RENEWALS CRITICAL - 1 instance ISOLATED, no manual renewal due within 10 days (2 instances, soonest $D (in 20 days)) | * 'renewal_expires_in_days'=20;10:;7:;;" \
	"$PLUGINS/$R" --extra-opts="fleet@$WORK/accounts.ini"
printf '[bad]\nrenewals.colour=blue\n' >"$WORK/bad.ini"
expect "a key check_tc_renewals does not have" 3 "TC RENEWALS UNKNOWN - *check_tc_renewals has no option 'colour'*" \
	"$PLUGINS/$R" --extra-opts="bad@$WORK/bad.ini"

ids=$(seq -f 'ins-%g' 1 101 | paste -sd,)
expect "101 instance IDs are refused before any request" 3 \
	"TC RENEWALS UNKNOWN - --instance: at most 100 instance IDs" \
	check_as renew-mixed $R "${C[@]}" --instance "$ids"
expect "a bad -w" 3 "TC RENEWALS UNKNOWN - -w: *" check_as renew-ok $R "${C[@]}" -w thirty
expect "an instance list that is not a list" 3 "TC RENEWALS UNKNOWN - *InstanceList*" \
	check_as renew-broken $R "${C[@]}"
expect "a NextToken that never ends" 3 "TC RENEWALS UNKNOWN - DescribeRenewInstances: *NextToken*" \
	check_as renew-loop $R "${C[@]}"

run check_as renew-mixed $R "${C[@]}" --discover
if [ "$RC" -eq 0 ] && python3 -c '
import json, sys
d = json.loads(sys.argv[1])["data"]
assert [e["{#INSTANCE}"] for e in d] == ["ins-x-1", "cdb-x-2", "cdb-x-3"], d
assert d[1]["{#PROJECT}"] == "shop" and d[1]["{#REGION}"] == "ap-shanghai", d
' "$OUT"; then ok "--discover: Zabbix LLD JSON"; else not_ok "--discover: Zabbix LLD JSON" "exit $RC" "$OUT"; fi

run check_as renew-crit $R "${C[@]}" --format json
if [ "$RC" -eq 2 ] && python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["state"] == "CRITICAL", d
' "$OUT"; then ok "--format json"; else not_ok "--format json" "exit $RC" "$OUT"; fi
run check_as renew-crit $R "${C[@]}" --format prometheus
if [ "$RC" -eq 2 ] && grep -q '^tencentcloud_renewal_expires_in_seconds{.*} 259200$' <<<"$OUT" &&
	grep -q '^tencentcloud_renewal_due{.*} 1$' <<<"$OUT"; then
	ok "--format prometheus"
else
	not_ok "--format prometheus" "exit $RC" "$OUT"
fi
run check_as renew-isolated $R "${C[@]}" --textfile "$WORK/renewals.prom"
if [ "$RC" -eq 2 ] && grep -q '^tencentcloud_renewal_isolated{.*} 1$' "$WORK/renewals.prom"; then
	ok "--textfile"
else
	not_ok "--textfile" "exit $RC" "$(cat "$WORK/renewals.prom" 2>&1)"
fi

# the ways an answer can fail to arrive: UNKNOWN in one line, never OK, within -t + 1 s
python3 - "$WORK/renew-faults.json" <<'PY'
import json, sys
faults = {"http-500": {"http_status": 500}, "stall": {"body": "stall"},
          "malformed": {"body": "malformed"}, "truncated": {"body": "truncated"},
          "bare": {"body": "bare"}, "nulls": {"body": "nulls"}, "strings": {"body": "strings"},
          "arrays": {"body": "arrays"},
          "denied": {"error": {"code": "UnauthorizedOperation.CamNoAuth", "message": "no"}}}
accounts = []
for i, (name, fault) in enumerate(faults.items()):
    n = "rf-" + name
    accounts.append({"name": n, "uin": 219000000000 + i,
        "keys": [{"secret_id": "AKIDsim" + n.upper().replace("-", "") + "0" * (26 - len(n)),
                  "secret_key": "simSecret-%s-do-not-use" % n}],
        "balance": {"cash": 1}, "renewals": [{"id": "ins-1", "expires_in_days": 90}],
        "faults": {"DescribeRenewInstances": fault}})
json.dump({"accounts": accounts}, open(sys.argv[1], "w"))
PY
SCENARIO="$WORK/renew-faults.json" start_sim faults tls
F=(--endpoint "https://127.0.0.1:$PORT_faults" --cacert "$WORK/cert.pem" -t 2)
for f in "http-500|HTTP 500" "stall|timed out after 2 s" "malformed|malformed JSON" \
	"truncated|truncated JSON" "bare|field InstanceList is missing" \
	"nulls|field InstanceList is missing" "strings|field InstanceList is not an array" \
	"arrays|field NextToken is not a string" "denied|lacks CAM permission billing:DescribeRenewInstances"; do
	expect "${f%%|*}: UNKNOWN" 3 "TC RENEWALS UNKNOWN - *${f#*|}*" check_as "rf-${f%%|*}" $R "${F[@]}"
	if [ "$ELAPSED" -le 3000 ] && [[ $OUT != *$'\n'* ]]; then
		ok "${f%%|*}: one line within -t + 1 s ($ELAPSED ms)"
	else
		not_ok "${f%%|*}: one line within -t + 1 s" "$ELAPSED ms" "$OUT"
	fi
done

finish

#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Prometheus as shipped, end to end: `make install DESTDIR`, the installed unit read
# as systemd 252 reads it (systemd-analyze verify, then its ExecStart lines parsed
# by systemd's rules) and run for several accounts of one accounts file against the
# simulator, node_exporter serving the textfiles and a real Prometheus server
# evaluating the installed rules: exactly the expected alerts, with the values the
# checks print by hand.
. "$top_srcdir/tests/integration/lib.sh"

need() { command -v "$1" >/dev/null || { echo "Bail out! $1 missing (Debian package $2)"; exit 1; }; }
need prometheus prometheus
need prometheus-node-exporter prometheus-node-exporter
need systemd-analyze systemd
PARSE="$top_srcdir/tests/integration/systemd_exec.py"
DEADLINE=120 # seconds for every wait below: generous, never a pace

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# ---- the parser reads units as systemd 252 does
cat >"$WORK/parser@.service" <<'UNIT'
[Service]
Environment="A=x y" B=z
Environment=PLUGINS=/usr/lib/nagios/plugins
# the unit shipped before: systemd drops the quoted $PLUGINS word
ExecStart=-/bin/sh -c '$PLUGINS/check_tc_balance --extra-opts=%i@$INI >/dev/null'
ExecStart=/bin/echo $A ${B}w '$$q' "a b" \x41 \
  %i%%
ExecStart=@/bin/true argv0 x ; /bin/false
UNIT
got=$(python3 "$PARSE" "$WORK/parser@.service" acct | python3 -c '
import json, sys
for c in json.load(sys.stdin)["exec"]:
    print(("-" if c["ignore_failure"] else "") + c["path"] + " " + json.dumps(c["argv"]))')
want='-/bin/sh ["/bin/sh", "-c"]
/bin/echo ["/bin/echo", "x", "y", "zw", "$q", "a b", "A", "acct%"]
/bin/true ["argv0", "x"]
/bin/false ["/bin/false"]'
[ "$got" = "$want" ] && ok "parser: systemd's quoting, specifiers, variables; a quoted \$WORD is dropped" ||
	not_ok "parser" "got:" "$got" "wanted:" "$want"

# ---- make install, default prefix, into a scratch root
ROOT="$WORK/root"
make -C "$top_builddir" install DESTDIR="$ROOT" >"$WORK/install.log" 2>&1 ||
	{ echo "Bail out! make install failed"; tail -20 "$WORK/install.log"; exit 1; }
UNIT=$(find "$ROOT" -name 'tc-billing-textfile@.service')
TIMER=$(find "$ROOT" -name 'tc-billing-textfile@.timer')
RULES=$(find "$ROOT" -name 'tencentcloud-billing.rules.yml')
CRON=$(find "$ROOT" -name 'tc-billing-textfiles.cron')
[ -f "$UNIT" ] && [ -f "$TIMER" ] && [ -f "$RULES" ] && [ -f "$CRON" ] &&
	ok "make install: unit, timer, cron line and rules" || not_ok "installed files" "$UNIT $TIMER $RULES $CRON"

# systemd-analyze verify in the scratch root, with the system's own units beside ours
mkdir -p "$ROOT/etc/systemd/system" "$ROOT/usr/lib/systemd"
cp -a /usr/lib/systemd/system "$ROOT/usr/lib/systemd/"
cp "$UNIT" "$TIMER" "$ROOT/etc/systemd/system/"
run systemd-analyze verify --root="$ROOT" tc-billing-textfile@main.service tc-billing-textfile@main.timer
[ "$RC" -eq 0 ] && [ -z "$OUT$ERR" ] && ok "systemd-analyze verify: unit and timer" ||
	not_ok "systemd-analyze verify" "exit $RC" "$OUT" "$ERR"
run systemd-analyze security --offline=yes --no-pager --root="$ROOT" tc-billing-textfile@main.service
exposure=$(printf '%s\n' "$OUT" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\) .*/\1/p')
if [ -n "$exposure" ] && awk -v e="$exposure" 'BEGIN { exit !(e < 2.0) }'; then
	ok "hardened: systemd-analyze security exposure $exposure (below 2.0)"
else
	not_ok "hardening" "exposure '$exposure'" "$OUT" "$ERR"
fi
unset_keys=""
for key in NoNewPrivileges=yes ProtectSystem=strict ReadWritePaths=/var/lib/prometheus/node-exporter \
	PrivateTmp=yes ProtectHome=yes CapabilityBoundingSet= User=prometheus; do
	grep -qx "$key" "$UNIT" || unset_keys="$unset_keys $key"
done
[ -z "$unset_keys" ] && ok "unit sets NoNewPrivileges, ProtectSystem=strict, ReadWritePaths, PrivateTmp, ..." ||
	not_ok "unit lacks$unset_keys"

# commands_of INSTANCE: the unit's commands for that instance, one per line as a
# JSON array (the same JSON the checks below run)
commands_of() {
	python3 "$PARSE" "$ROOT/etc/systemd/system/tc-billing-textfile@.service" "$1" | python3 -c '
import json, sys
for c in json.load(sys.stdin)["exec"]:
    print(json.dumps({"argv": c["argv"], "path": c["path"], "ignore": c["ignore_failure"]}))'
}
cmds=$(commands_of main)
python3 - "$cmds" "$ROOT" <<'PY' && ok "ExecStart: one command, failures not ignored, no \$WORD, the installed runner" || not_ok "ExecStart" "$cmds"
import json, os, sys
lines = [json.loads(l) for l in sys.argv[1].splitlines()]
c = lines[0]
assert len(lines) == 1 and not c["ignore"], lines
assert not any("$" in w for w in c["argv"]), c
assert c["argv"][-1] == "main", c
assert os.access(sys.argv[2] + c["path"], os.X_OK), c
PY
read_arg() { python3 -c 'import json,sys; a=json.loads(sys.argv[1])["argv"]; print(a[a.index(sys.argv[2]) + 1])' "$cmds" "$1"; }
INI="$ROOT$(read_arg -f)"
TF="$ROOT$(read_arg -d)"
RUNNER="$ROOT$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["path"])' "$cmds")"
PLUGINDIR=$(sed -n 's/^PLUGINS=\${TC_PLUGIN_DIR:-\(.*\)}$/\1/p' "$RUNNER")
[ -x "$ROOT$PLUGINDIR/check_tc_balance" ] && [ -x "$ROOT$PLUGINDIR/check_tc_allocation" ] &&
	ok "the runner looks for the checks where make install put them ($PLUGINDIR)" ||
	not_ok "the checks are where the runner looks" "$PLUGINDIR"
CHECKS="$ROOT$PLUGINDIR"
CRON_CMD=$(sed -n 's/^[^#]* prometheus \(.*\)$/\1/p' "$CRON")
[ -x "$ROOT${CRON_CMD%% *}" ] && [[ $CRON_CMD != *'$'* ]] && ok "the cron line runs the installed runner" ||
	not_ok "cron line" "$CRON_CMD"

# run_unit INSTANCE: runs the unit's commands as systemd would (paths in the scratch
# root, which stands for /); sets RC, OUT, ERR of the last
run_unit() {
	local line argv
	while IFS= read -r line; do
		mapfile -d '' argv < <(python3 -c '
import json, sys
c = json.loads(sys.argv[1])
for w in c["argv"]:
    sys.stdout.write((sys.argv[2] + w if w.startswith("/") else w) + "\0")' "$line" "$ROOT")
		run env TC_PLUGIN_DIR="$CHECKS" "${argv[@]}"
	done < <(commands_of "$1")
}

# ---- the accounts file: several accounts, each with its own key
start_sim api tls
mkdir -p "$(dirname "$INI")" "$TF"
for a in ok credit arrears org-notadmin org-allocate flaky renew-warn; do
	printf '[default]\nsecret_id = %s\nsecret_key = %s\n' "$(key_id "$a")" "$(key_secret "$a")" >"$WORK/$a.cred"
	chmod 600 "$WORK/$a.cred"
done
api="endpoint=https://127.0.0.1:$PORT_api
cacert=$WORK/cert.pem"
cat >"$INI" <<INI
[main]
credentials-file=$WORK/ok.cred
$api
balance.warning=3000:
balance.critical=1000:
runway.budget=40000

; a credit line with 5,000 of 100,000 in use: no arrears
[credit]
credentials-file=$WORK/credit.cred
$api
checks=balance

[arrears]
credentials-file=$WORK/arrears.cred
$api
checks=balance,runway

; a member account: no allocation (not an organization's admin)
[member]
credentials-file=$WORK/org-notadmin.cred
$api
balance.warning=0:
balance.critical=0:

[group-admin]
credentials-file=$WORK/org-allocate.cred
$api
checks=balance,pending,vouchers,runway,allocation
allocation.source=organization

; opted in to renewals (its key may call billing:DescribeRenewInstances): web-1,
; renewed by hand, expires in 20 days, old-batch (not renewing) in 5
[renew]
credentials-file=$WORK/renew-warn.cred
$api
checks=renewals

; the old form: a threshold for every check
[broken]
credentials-file=$WORK/ok.cred
$api
warning=3000:

[stale]
credentials-file=$WORK/flaky.cred
$api
checks=balance
cache-dir=$WORK/cache
cache-ttl=1
cache-stale-on-error

; in the file, but its timer was never enabled
[never]
credentials-file=$WORK/ok.cred
$api
checks=balance
INI

for a in main credit arrears member group-admin renew; do
	run_unit "$a"
	[ "$RC" -eq 0 ] && ok "unit for $a: exit 0" || not_ok "unit for $a" "exit $RC" "$OUT" "$ERR"
done
[ -f "$TF/tencentcloud_group-admin_allocation.prom" ] && [ ! -e "$TF/tencentcloud_member_allocation.prom" ] &&
	[ ! -e "$TF/tencentcloud_main_allocation.prom" ] &&
	ok "allocation runs only where checks= asks for it" || not_ok "allocation opt-in" "$(ls "$TF")"
[ -f "$TF/tencentcloud_renew_renewals.prom" ] && [ "$(ls "$TF" | grep -c '^tencentcloud_renew_')" = 1 ] &&
	[ "$(ls "$TF" | grep -c '_renewals[.]prom$')" = 1 ] &&
	ok "renewals runs only where checks= asks for it, and only it for checks=renewals" ||
	not_ok "renewals opt-in" "$(ls "$TF")"
run_unit broken
[ "$RC" -eq 1 ] && [[ $ERR == *"broken balance could not read the account: TC BALANCE UNKNOWN - $INI:"*" [broken]: 'warning' is not shared by every check; write balance.warning= (or pending., vouchers., allocation., runway., renewals.)"* ]] &&
	ok "unit for a broken section fails, and says why on stderr (the journal)" || not_ok "broken section" "exit $RC" "$OUT" "$ERR"
grep -qx 'tencentcloud_up{account="broken",check="vouchers"} 0' "$TF/tencentcloud_broken_vouchers.prom" &&
	ok "a broken section still writes up 0" || not_ok "broken: up 0" "$(cat "$TF/tencentcloud_broken_vouchers.prom")"

# stale: the first answer is cached, the API then fails; aged two hours
run_unit stale
entry=$(grep -l '"RealBalance"' "$WORK"/cache/tc-billing-*/*.cache)
fetched=$(($(date +%s) - 7200))
sed -i "1s/^tc-billing-cache 1 [0-9]* /tc-billing-cache 1 $fetched /" "$entry"
run_unit stale
OUT=$(cat "$TF/tencentcloud_stale_balance.prom")
age=$(sed -n 's/^tencentcloud_data_age_seconds{account="stale",check="balance"} //p' <<<"$OUT")
last=$(sed -n 's/^tencentcloud_last_success_timestamp_seconds{account="stale",check="balance"} //p' <<<"$OUT")
[ "$RC" -eq 0 ] && [ "${age:-0}" -ge 7200 ] && [ "$last" = "$fetched" ] &&
	ok "stale data: data age ${age} s, last success = when it was fetched" ||
	not_ok "stale data" "exit $RC age '$age' last '$last' fetched $fetched" "$OUT"

# a missing program: the runner writes its up 0 itself and fails
mkdir -p "$WORK/partial" "$WORK/partial-tf"
for p in "$CHECKS"/check_tc_*; do [ "${p##*/}" = check_tc_vouchers ] || ln -s "$p" "$WORK/partial/"; done
run env TC_PLUGIN_DIR="$WORK/partial" "$RUNNER" -f "$INI" -d "$WORK/partial-tf" main
[ "$RC" -eq 1 ] && [[ $ERR == *"main vouchers: $WORK/partial/check_tc_vouchers is missing"* ]] &&
	grep -qx 'tencentcloud_up{account="main",check="vouchers"} 0' "$WORK/partial-tf/tencentcloud_main_vouchers.prom" &&
	grep -qx 'tencentcloud_up{account="main",check="balance"} 1' "$WORK/partial-tf/tencentcloud_main_balance.prom" &&
	ok "a missing program: up 0 written by the runner, the others run, exit 1" ||
	not_ok "missing program" "exit $RC" "$ERR" "$(ls "$WORK/partial-tf")"

# an accounts file that cannot be read: up 0 for the default checks, exit 1
mkdir -p "$WORK/noini-tf"
run env TC_PLUGIN_DIR="$CHECKS" "$RUNNER" -f "$WORK/nonexistent.ini" -d "$WORK/noini-tf" main
[ "$RC" -eq 1 ] && [[ $ERR == *"cannot read the accounts file $WORK/nonexistent.ini"* ]] &&
	[ "$(cat "$WORK"/noini-tf/tencentcloud_main_*.prom | grep -c '^tencentcloud_up{account="main",check="[a-z]*"} 0$')" = 4 ] &&
	ok "an unreadable accounts file: up 0 for each default check, exit 1" || not_ok "unreadable accounts file" "exit $RC" "$ERR"
run env TC_PLUGIN_DIR="$CHECKS" "$RUNNER" -f "$INI" -d "$WORK/nonexistent-dir" main
[ "$RC" -eq 1 ] && [[ $ERR == *"$WORK/nonexistent-dir does not exist or is not writable"* ]] &&
	ok "a textfile directory that does not exist: said, exit 1" || not_ok "missing textfile dir" "exit $RC" "$ERR"

# ---- node_exporter and Prometheus with the installed rules
NE_PORT=$(free_port)
prometheus-node-exporter --web.listen-address="127.0.0.1:$NE_PORT" --collector.disable-defaults \
	--collector.textfile --collector.textfile.directory="$TF" >"$WORK/node_exporter.log" 2>&1 &
SIM_PIDS="$SIM_PIDS $!"
PROM_PORT=$(free_port)
cat >"$WORK/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $RULES
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['127.0.0.1:$NE_PORT']
YML
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
	--web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 &
SIM_PIDS="$SIM_PIDS $!"
P="http://127.0.0.1:$PROM_PORT"
end=$((SECONDS + DEADLINE))
until curl -fsS "$P/-/ready" >/dev/null 2>&1; do
	[ $SECONDS -lt $end ] || { echo "Bail out! Prometheus not ready in $DEADLINE s"; cat "$WORK/prometheus.log"; exit 1; }
	sleep 0.2
done
ok "Prometheus ready, rules loaded from the installed file"

# active alerts: "NAME ACCOUNT CHECK STATE", sorted
alerts() {
	curl -fsS "$P/api/v1/alerts" | python3 -c '
import json, sys
for a in json.load(sys.stdin)["data"]["alerts"]:
    l = a["labels"]
    print(l["alertname"], l.get("account", "-"), l.get("check", "-"), a["state"])' | sort
}
# the alerts with a "for:" are pending: their condition holds, as they would
# fire after it; those without fire at once
want="TencentCloudAllocationGap group-admin allocation pending
TencentCloudArrears arrears balance pending
TencentCloudCheckFailing broken balance pending
TencentCloudCheckFailing broken pending pending
TencentCloudCheckFailing broken runway pending
TencentCloudCheckFailing broken vouchers pending
TencentCloudDataStale stale balance firing
TencentCloudRenewalDue renew renewals firing
TencentCloudRunwayShort arrears runway pending
TencentCloudTextfileMissing never balance pending"
end=$((SECONDS + DEADLINE))
got=""
until [ "$got" = "$want" ]; do
	[ $SECONDS -lt $end ] && sleep 0.5 || break
	got=$(alerts)
done
[ "$got" = "$want" ] && ok "exactly the expected alerts" || not_ok "alerts" "got:" "$got" "wanted:" "$want"
# and still exactly those after later evaluations
evals=$(curl -fsS "$P/api/v1/rules" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["groups"][0]["lastEvaluation"])')
end=$((SECONDS + DEADLINE))
for _ in 1 2 3; do
	while now=$(curl -fsS "$P/api/v1/rules" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["groups"][0]["lastEvaluation"])') &&
		[ "$now" = "$evals" ] && [ $SECONDS -lt $end ]; do sleep 0.2; done
	evals=$now
done
got=$(alerts)
[ "$got" = "$want" ] && ok "still exactly those three evaluations later" || not_ok "alerts later" "$got"

# query EXPR: the value of the one series EXPR returns
query() {
	curl -fsS "$P/api/v1/query" --data-urlencode "query=$1" | python3 -c '
import json, sys
r = json.load(sys.stdin)["data"]["result"]
print(r[0]["value"][1] if len(r) == 1 else "%d series" % len(r))'
}
# perf NAME LABEL ARGS...: a perfdata value the check prints by hand
perf() {
	local label=$1
	shift
	"$@" | sed -n "s/.*'$label'=\([-0-9.]*\).*/\1/p"
}
same() {
	local desc=$1 prom=$2 hand=$3
	if [ -n "$hand" ] && python3 -c 'import sys; from decimal import Decimal as D; sys.exit(D(sys.argv[1]) != D(sys.argv[2]))' "$prom" "$hand"; then
		ok "$desc: Prometheus $prom = the check by hand $hand"
	else
		not_ok "$desc" "Prometheus '$prom', by hand '$hand'"
	fi
}
same "arrears owed" "$(query 'tencentcloud:arrears_owed{account="arrears"}')" \
	"$(perf owed_cny "$CHECKS/check_tc_balance" --extra-opts="arrears@$INI")"
same "credit account: credit available" "$(query 'tencentcloud_credit_available{account="credit"}')" \
	"$(perf credit_available_cny "$CHECKS/check_tc_balance" --extra-opts="credit@$INI")"
same "credit account: owed (credit in use)" "$(query 'tencentcloud_owed{account="credit"}')" \
	"$(perf owed_cny "$CHECKS/check_tc_balance" --extra-opts="credit@$INI")"
same "main: balance" "$(query 'tencentcloud_balance{account="main"}')" \
	"$(perf balance_cny "$CHECKS/check_tc_balance" --extra-opts="main@$INI")"
same "group-admin: pool" "$(query 'tencentcloud_pool{account="group-admin"}')" \
	"$(perf pool_cny "$CHECKS/check_tc_allocation" --extra-opts="group-admin@$INI")"
run "$CHECKS/check_tc_balance" --extra-opts="credit@$INI"
[ "$RC" -eq 0 ] && [ "$(query 'tencentcloud_check_state{account="credit",check="balance"}')" = 0 ] &&
	ok "credit account: the check says OK, and no arrears alert" || not_ok "credit account" "$FIRST"
run "$CHECKS/check_tc_pending" --extra-opts="main@$INI"
[ "$RC" -eq 0 ] && [ "$(query 'tencentcloud_check_state{account="main",check="pending"}')" = 0 ] &&
	ok "main: balance.warning= does not make the pending orders CRITICAL" || not_ok "main pending" "$FIRST"
run "$CHECKS/check_tc_renewals" --extra-opts="renew@$INI"
[ "$RC" -eq 1 ] && [ "$(query 'tencentcloud_check_state{account="renew",check="renewals"}')" = 1 ] &&
	[ "$(query 'ALERTS{alertname="TencentCloudRenewalDue",account="renew",severity="warning",alertstate="firing"}')" = 1 ] &&
	ok "renew: the check says WARNING by hand, state 1 served, TencentCloudRenewalDue firing as a warning" ||
	not_ok "renew: renewals WARNING alert" "exit $RC" "$FIRST" "$(alerts)"
[ "$(query 'tencentcloud_data_age_seconds{account="stale"}')" = "$age" ] &&
	ok "stale: tencentcloud_data_age_seconds $age served" || not_ok "stale age served"


# Secrets: nothing node_exporter, Prometheus or the programs wrote here (textfiles,
# cache, logs, the TSDB, and every series Prometheus holds, asked through its API as
# the WAL may be compressed) holds a credentials file's key. Only the credentials
# files and the simulator's scenario hold them by design.
curl -fsS "$P/api/v1/series" --data-urlencode 'match[]={__name__=~".+"}' >"$WORK/prometheus-series.json"
grep -q '"tencentcloud_balance"' "$WORK/prometheus-series.json" && ok "Prometheus's series listed (and searched)" ||
	not_ok "Prometheus's series listed" "$(head -c 500 "$WORK/prometheus-series.json")"
planted_secrets "$WORK"/*.cred >"$WORK/planted"
no_secrets_in "no planted secret in anything the daemons or the programs wrote" "$WORK" "$WORK/planted" \
	"$WORK/*.cred" "$SCENARIO"

finish

#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Prometheus: promtool lints the output of every check; a real node_exporter serves
# the textfiles the checks write; the shipped alerting rules pass their unit tests.
. "$top_srcdir/tests/integration/lib.sh"

need_tool PROMTOOL prometheus promtool
need_tool NODE_EXPORTER prometheus-node-exporter prometheus-node-exporter

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")

# promtool check metrics reads stdin; exit 0 and nothing on stderr means no lint finding
lint() {
	local desc=$1
	shift
	"$@" --format prometheus >"$WORK/out.prom"
	if "$PROMTOOL" check metrics <"$WORK/out.prom" 2>"$WORK/lint" && [ ! -s "$WORK/lint" ] &&
		[ -s "$WORK/out.prom" ]; then
		ok "promtool: $desc"
	else
		not_ok "promtool: $desc" "$(cat "$WORK/lint")"
	fi
}
lint "check_tc_balance" check_as ok check_tc_balance "${C[@]}"
lint "check_tc_balance, credit account" check_as credit check_tc_balance "${C[@]}"
lint "check_tc_balance, failed" check_as denied check_tc_balance "${C[@]}"
lint "check_tc_pending" check_as pend-warn check_tc_pending "${C[@]}"
lint "check_tc_vouchers" check_as vouch-warn check_tc_vouchers "${C[@]}"
lint "check_tc_allocation" check_as org-allocate check_tc_allocation "${C[@]}"
lint "check_tc_allocation, partner" check_as partner-low check_tc_allocation "${C[@]}" --source partner
lint "check_tc_runway with a budget" check_as run-ok check_tc_runway "${C[@]}" --budget 5000

# the checks write textfiles; node_exporter's textfile collector serves them
TF="$WORK/textfiles"
mkdir -p "$TF"
check_as ok check_tc_balance "${C[@]}" --account main --textfile "$TF/tencentcloud_main_balance.prom" >/dev/null
check_as pend-warn check_tc_pending "${C[@]}" --account main --textfile "$TF/tencentcloud_main_pending.prom" >/dev/null
check_as run-warn check_tc_runway "${C[@]}" --account main --textfile "$TF/tencentcloud_main_runway.prom" >/dev/null
run check_as denied check_tc_balance "${C[@]}" --account blind --textfile "$TF/tencentcloud_blind_balance.prom"
[ "$RC" -eq 3 ] && ok "a failed check still exits 3 with --textfile" || not_ok "failed check exit" "$RC"
mode=$(stat -c %a "$TF/tencentcloud_main_balance.prom")
[ "$mode" = 644 ] && ok "textfile mode 0644" || not_ok "textfile mode 0644" "$mode"
[ "$(find "$TF" -name '.*' -type f | wc -l)" -eq 0 ] && ok "no temporary file left" || not_ok "no temporary file left"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$NODE_EXPORTER" --web.listen-address="127.0.0.1:$port" --collector.disable-defaults \
	--collector.textfile --collector.textfile.directory="$TF" --web.disable-exporter-metrics \
	>"$WORK/node_exporter.log" 2>&1 &
NE=$!
SIM_PIDS="$SIM_PIDS $NE"
scrape=""
for _ in $(seq 1 100); do
	scrape=$(curl -fsS "http://127.0.0.1:$port/metrics" 2>/dev/null) && break
	sleep 0.05
done
OUT=$scrape
expect_line "node_exporter read every file" "node_textfile_scrape_error 0"
expect_line "balance served" 'tencentcloud_balance{account="main",check="balance",currency="CNY"} 12845.67'
expect_line "oldest pending order in seconds" 'tencentcloud_oldest_pending_seconds{account="main",check="pending"} 2700'
expect_line "runway in seconds" 'tencentcloud_runway_seconds{account="main",check="runway"} 864000'
expect_line "up for a good check" 'tencentcloud_up{account="main",check="balance"} 1'
expect_line "up 0 for a failed check" 'tencentcloud_up{account="blind",check="balance"} 0'
expect_line "state 3 for a failed check" 'tencentcloud_check_state{account="blind",check="balance"} 3'
has_line 'tencentcloud_balance{account="blind"*' && not_ok "no balance for a failed check" ||
	ok "no balance is made up for a failed check"
expect_line "mtime for staleness alerts" "node_textfile_mtime_seconds{file=\"$TF/tencentcloud_main_balance.prom\"} *"
printf '%s\n' "$scrape" | "$PROMTOOL" check metrics 2>"$WORK/lint" && [ ! -s "$WORK/lint" ] &&
	ok "promtool: the whole scrape" || not_ok "promtool: the whole scrape" "$(cat "$WORK/lint")"

# a later failure keeps the time of the last success from the previous file
last=$(sed -n 's/^tencentcloud_last_success_timestamp_seconds{account="main",check="balance"} //p' \
	"$TF/tencentcloud_main_balance.prom")
TENCENTCLOUD_SECRET_ID=$(key_id ok) TENCENTCLOUD_SECRET_KEY=wrong "$PLUGINS/check_tc_balance" "${C[@]}" \
	--account main --textfile "$TF/tencentcloud_main_balance.prom" >/dev/null
OUT=$(cat "$TF/tencentcloud_main_balance.prom")
expect_line "failure: up 0" 'tencentcloud_up{account="main",check="balance"} 0'
expect_line "failure: last success carried over" \
	"tencentcloud_last_success_timestamp_seconds{account=\"main\",check=\"balance\"} $last"

expect "--textfile must end in .prom" 3 \
	"TC BALANCE UNKNOWN - --textfile must name a .prom file (node_exporter reads only those)" \
	check_as ok check_tc_balance "${C[@]}" --textfile "$TF/x.txt"

# a mistake in the accounts file is blindness like an API failure: in the requested
# format, and up 0 in the textfile; no value of the file is ever echoed
printf '[leaky]\ncredentials-file=%s\nsecret_key=s3cr3t-value\n' "$WORK/none.cred" >"$WORK/accounts.ini"
lint "check_tc_balance, mistake in the accounts file" "$PLUGINS/check_tc_balance" "--extra-opts=leaky@$WORK/accounts.ini"
OUT=$(cat "$WORK/out.prom")
expect_line "accounts file mistake: --format prometheus says up 0" 'tencentcloud_up{account="leaky",check="balance"} 0'
OUT=$("$PLUGINS/check_tc_balance" --format json "--extra-opts=leaky@$WORK/accounts.ini")
[[ $OUT == '{"program":"check_tc_balance","check":"balance","account":"leaky","state":"UNKNOWN","state_code":3,"summary":"'*'accounts.ini:3 [leaky]: '"'secret_key'"' is a secret and is refused here: keep secrets in the file that credentials-file= names (mode 0600)",'* ]] &&
	ok "accounts file mistake: --format json is JSON naming FILE:LINE [SECTION]" || not_ok "json config error" "$OUT"
run "$PLUGINS/check_tc_balance" "--extra-opts=leaky@$WORK/accounts.ini" --textfile "$TF/tencentcloud_leaky_balance.prom"
[ "$RC" -eq 3 ] && grep -qx 'tencentcloud_up{account="leaky",check="balance"} 0' "$TF/tencentcloud_leaky_balance.prom" &&
	ok "accounts file mistake: the textfile is written with up 0" || not_ok "textfile on config error" "$OUT"
leaks=$(grep -l s3cr3t-value "$WORK/out.prom" "$TF"/*.prom; printf '%s' "$OUT" | grep -c s3cr3t-value)
[ "$leaks" = 0 ] && ok "the secret in the accounts file is never echoed" || not_ok "secret echoed" "$leaks"
rm -f "$TF/tencentcloud_leaky_balance.prom"

R="$top_srcdir/prometheus"
"$PROMTOOL" check rules "$R/tencentcloud-billing.rules.yml" >"$WORK/rules.log" 2>&1 &&
	ok "promtool check rules" || not_ok "promtool check rules" "$(cat "$WORK/rules.log")"
cp "$R/tencentcloud-billing.rules.yml" "$R/tencentcloud-billing.rules_test.yml" "$WORK/"
"$PROMTOOL" test rules "$WORK/tencentcloud-billing.rules_test.yml" >"$WORK/rules.log" 2>&1 &&
	ok "promtool test rules: every alert" || not_ok "promtool test rules" "$(cat "$WORK/rules.log")"

finish

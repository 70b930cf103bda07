#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Options, help, proxies, tracing without secrets, and numbers under a German locale.
. "$top_srcdir/tests/integration/lib.sh"

B=$PLUGINS/check_tc_balance
start_sim api tls
start_sim plain http
E=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")

expect "--help exits 3" 3 "check_tc_balance (tc-billing-plugins) *" "$B" --help
case $OUT in *"Usage: check_tc_balance"*"Defaults: -w 3000: -c 1000:"*"--extra-opts"*) ok "--help describes usage, options and defaults" ;;
*) not_ok "--help describes usage, options and defaults" "$OUT" ;; esac
expect "--version exits 3" 3 "check_tc_balance (tc-billing-plugins) [0-9]*.[0-9]*" "$B" -V
expect "unknown option" 3 "TC BALANCE UNKNOWN - unknown option '--bogus' (see --help)" "$B" --bogus
expect "invalid warning range" 3 "TC BALANCE UNKNOWN - -w: invalid threshold range 'abc'" "$B" -w abc
expect "range with start above end" 3 \
	"TC BALANCE UNKNOWN - -c: invalid threshold range '20:10': start is greater than end" "$B" -c 20:10
expect "invalid timeout" 3 \
	"TC BALANCE UNKNOWN - invalid --timeout '0': expected 1-3600 seconds\\[:STATE\\]" "$B" -t 0
expect "endpoint with a path" 3 \
	"TC BALANCE UNKNOWN - --endpoint takes scheme://host\\[:port\\] only, not a path: https://x/v3" \
	"$B" --endpoint https://x/v3
expect "stray argument" 3 "TC BALANCE UNKNOWN - unexpected argument 'now' (see --help)" "$B" now
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ] && ok "an error is one line" || not_ok "an error is one line" "$OUT"

# the notifier and the simulator parse with the same helper: a number is all number,
# an error names the option, and help is printed in one place
N=$PLUGINS/notify_tc_chat
expect "notifier: a timeout with trailing letters" 3 \
	"notify_tc_chat: invalid --timeout '5x': expected 1-300" "$N" --timeout 5x --state OK --host h
expect "notifier: unknown option" 3 "notify_tc_chat: unknown option '--bogus' (see --help)" \
	"$N" --bogus=s3cr3t
expect "notifier: --help exits 3" 3 "notify_tc_chat (tc-billing-plugins) *" "$N" --state OK --help
run timeout 5 "$SIM" --scenario "$top_srcdir/sim/scenarios/tests.json" --port 80x
if [ "$RC" -eq 2 ] && [ "${ERR%%$'\n'*}" = "tc_billing_sim: invalid --port '80x': expected 0-65535" ]; then
	ok "simulator: a port with trailing letters"
else
	not_ok "simulator: a port with trailing letters" "exit $RC" "$ERR"
fi

# The plain-HTTP simulator also serves absolute-form requests, as an HTTP proxy would
# receive them: the plugin keeps the real host name, signs it, and the simulator
# verifies the Host header it received.
expect "--proxy with the real host name" 0 "TC BALANCE OK - *" \
	balance_as ok --proxy "http://127.0.0.1:$PORT_plain" --allow-insecure-http --endpoint http://billing.tencentcloudapi.com
expect "http_proxy from the environment" 0 "TC BALANCE OK - *" \
	with_env http_proxy="http://127.0.0.1:$PORT_plain" balance_as ok --allow-insecure-http --endpoint http://billing.tencentcloudapi.com
expect "no_proxy bypasses the proxy" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: cannot resolve billing.invalid: *" \
	with_env http_proxy="http://127.0.0.1:$PORT_plain" no_proxy=billing.invalid balance_as ok \
	--allow-insecure-http --endpoint http://billing.invalid -t 5

# -vvv traces the request on stderr with the secrets redacted
SECRET=$(key_secret session)
run with_env TENCENTCLOUD_SESSION_TOKEN=simToken-session-do-not-use balance_as session "${E[@]}" -vvv
if [ "$RC" -eq 0 ] && [[ $ERR == *"Authorization: (redacted)"* ]] && [[ $ERR == *"X-TC-Token: (redacted)"* ]] \
	&& [[ $ERR == *"X-TC-Action: DescribeAccountBalance"* ]] && [[ $ERR == *"RealBalance"* ]]; then
	ok "-vvv shows request and response"
else
	not_ok "-vvv shows request and response" "$ERR"
fi
case "$OUT$ERR" in *"$SECRET"* | *simToken-session* | *"Signature="*) not_ok "-vvv leaks no secret" ;;
*) ok "-vvv leaks no secret, token or signature" ;; esac
run balance_as ok "${E[@]}"
[ -z "$ERR" ] && ok "nothing on stderr in a normal run" || not_ok "nothing on stderr in a normal run" "$ERR"

# numbers keep '.' decimals whatever the locale says
mkdir -p "$WORK/locale"
if localedef -i de_DE -f UTF-8 "$WORK/locale/de_DE.utf8" >/dev/null 2>&1 &&
	LOCPATH="$WORK/locale" LC_ALL=de_DE.UTF-8 bash -c 'printf "%s" "$(locale decimal_point)"' 2>/dev/null | grep -q ,; then
	ok "German locale built (decimal point ',')"
else
	not_ok "German locale built (decimal point ',')" "localedef failed: install the locales package"
fi
expect "German locale: perfdata with '.' decimals" 0 \
	"TC BALANCE OK - "$'\xc2\xa5'"12,845.67 available | 'balance_cny'=12845.67;3000:;1000:;; *" \
	env LOCPATH="$WORK/locale" LC_ALL=de_DE.UTF-8 TENCENTCLOUD_SECRET_ID="$(key_id ok)" \
	TENCENTCLOUD_SECRET_KEY="$(key_secret ok)" "$B" "${E[@]}"

finish

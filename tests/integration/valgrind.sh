#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every program once under valgrind memcheck, on a good and a failing path: no
# invalid access, no use of uninitialised memory, no definite or indirect leak.
. "$top_srcdir/tests/integration/lib.sh"

need_tool VALGRIND valgrind valgrind
start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem" -t 60)
VG=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect
	--errors-for-leak-kinds=definite,indirect --error-exitcode=99)

# memcheck DESCRIPTION EXIT [VAR=value...] PROGRAM ARGS...: the program's own exit
# status must be EXIT and valgrind must have nothing to say.
memcheck() {
	local desc=$1 want=$2
	shift 2
	local vars=()
	while [[ $1 == *=* ]]; do
		vars+=("$1")
		shift
	done
	env "${vars[@]}" "${VG[@]}" --log-file="$WORK/vg.log" "$@" >/dev/null 2>&1
	local rc=$?
	if [ $rc -eq "$want" ] && [ ! -s "$WORK/vg.log" ]; then
		ok "memcheck: $desc"
	else
		not_ok "memcheck: $desc" "exit $rc, wanted $want" "$(head -30 "$WORK/vg.log")"
	fi
}
as() { echo "TENCENTCLOUD_SECRET_ID=$(key_id "$1")" "TENCENTCLOUD_SECRET_KEY=$(key_secret "$1")"; }
P=$PLUGINS
memcheck "check_tc_balance" 0 $(as ok) "$P/check_tc_balance" "${C[@]}"
memcheck "check_tc_balance, JSON, cache, textfile" 0 $(as ok) "$P/check_tc_balance" "${C[@]}" --format json \
	--cache-dir "$WORK/cache" --textfile "$WORK/b.prom"
memcheck "check_tc_balance from the cache" 0 $(as ok) "$P/check_tc_balance" "${C[@]}" --cache-dir "$WORK/cache"
memcheck "check_tc_balance, API error" 3 $(as denied) "$P/check_tc_balance" "${C[@]}"
memcheck "check_tc_balance, malformed JSON" 3 $(as malformed) "$P/check_tc_balance" "${C[@]}"
memcheck "check_tc_balance, bad option" 3 "$P/check_tc_balance" --bogus
memcheck "check_tc_pending (1500 orders)" 0 $(as pend-many) "$P/check_tc_pending" "${C[@]}"
memcheck "check_tc_vouchers (1200 vouchers)" 0 $(as vouch-many) "$P/check_tc_vouchers" "${C[@]}"
memcheck "check_tc_allocation" 2 $(as org-allocate) "$P/check_tc_allocation" "${C[@]}" --format prometheus
memcheck "check_tc_allocation --discover" 0 $(as org-ok) "$P/check_tc_allocation" "${C[@]}" --discover
memcheck "check_tc_runway" 2 $(as run-warn) "$P/check_tc_runway" "${C[@]}" --budget 100
python3 "$top_srcdir/tests/integration/lark_receiver.py" "$WORK/hook.port" "$WORK/hook.log" s ok 2>/dev/null &
SIM_PIDS="$SIM_PIDS $!"
for _ in $(seq 1 100); do [ -s "$WORK/hook.port" ] && break; sleep 0.05; done
memcheck "notify_tc_lark" 0 TC_LARK_WEBHOOK="http://127.0.0.1:$(cat "$WORK/hook.port")/h" TC_LARK_SECRET=s \
	"$P/notify_tc_lark" --state CRITICAL --host h --service s --output o
# notify_tc_chat for each platform, rate limited once (the retry path), then refused
for t in wecom dingtalk slack webhook; do
	python3 "$top_srcdir/tests/integration/chat_receiver.py" $t "$WORK/$t.port" "$WORK/$t.log" s \
		limited,ok,refused 2>/dev/null &
	SIM_PIDS="$SIM_PIDS $!"
	for _ in $(seq 1 100); do [ -s "$WORK/$t.port" ] && break; sleep 0.05; done
	secret=""
	[ $t = dingtalk ] && secret=s
	for want in 0 1; do
		memcheck "notify_tc_chat, $t, exit $want" $want TC_CHAT_TYPE=$t TC_CHAT_SECRET=$secret \
			TC_CHAT_WEBHOOK="http://127.0.0.1:$(cat "$WORK/$t.port")/h?k=v" \
			"$P/notify_tc_chat" --state CRITICAL --host h --service s --output $'o <x>\n[l](u)' \
			--long-output 'a\nb' --type ACKNOWLEDGEMENT --author a --comment c
	done
done
memcheck "tc_billing_sim --help" 0 "$top_builddir/sim/tc_billing_sim" --help

# the simulator itself, serving TLS requests (good, refused, faulty) until SIGTERM
"${VG[@]}" --log-file="$WORK/vg-sim.log" "$top_builddir/sim/tc_billing_sim" --scenario "$SCENARIO" \
	--tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem" --port-file "$WORK/vg.port" >/dev/null 2>&1 &
VSIM=$!
for _ in $(seq 1 200); do [ -s "$WORK/vg.port" ] && break; sleep 0.05; done
VC=(--endpoint "https://127.0.0.1:$(cat "$WORK/vg.port")" --cacert "$WORK/cert.pem" -t 30)
check_as ok check_tc_balance "${VC[@]}" | grep -q '^TC BALANCE OK - ' &&
	ok "the simulator under valgrind answers" || not_ok "the simulator under valgrind answers"
check_as pend-many check_tc_pending "${VC[@]}" >/dev/null
check_as truncated check_tc_balance "${VC[@]}" >/dev/null
TENCENTCLOUD_SECRET_ID=$(key_id ok) TENCENTCLOUD_SECRET_KEY=wrong "$P/check_tc_balance" "${VC[@]}" >/dev/null
kill -TERM $VSIM
wait $VSIM
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$WORK/vg-sim.log" ]; then
	ok "memcheck: tc_billing_sim serving requests"
else
	not_ok "memcheck: tc_billing_sim serving requests" "exit $rc" "$(head -30 "$WORK/vg-sim.log")"
fi

finish

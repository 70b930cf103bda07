#!/bin/bash
# notify_tc_lark against a local webhook that checks Lark's signature: cards and
# text, Nagios and Icinga macros, Lark's error codes, retries on rate limits and 5xx
# within -t, quiet hours in a zone other than the machine's, secrets kept off argv.
. "$top_srcdir/tests/integration/lib.sh"

need_tool PYTHON3 python3 python3
L=$PLUGINS/notify_tc_lark
SECRET=lark-test-secret-do-not-use

# start_hook NAME PLAN: a receiver; sets HOOK_<NAME> (URL) and LOG_<NAME>
start_hook() {
	local name=$1 plan=$2
	python3 "$top_srcdir/tests/integration/lark_receiver.py" "$WORK/$name.port" "$WORK/$name.log" \
		"$SECRET" "$plan" 2>"$WORK/$name.err" &
	SIM_PIDS="$SIM_PIDS $!"
	for _ in $(seq 1 100); do
		[ -s "$WORK/$name.port" ] && break
		sleep 0.05
	done
	[ -s "$WORK/$name.port" ] || { echo "Bail out! the webhook receiver did not start"; exit 1; }
	eval "HOOK_$name=http://127.0.0.1:$(cat "$WORK/$name.port")/open-apis/bot/v2/hook/test-token"
	eval "LOG_$name=$WORK/$name.log"
	touch "$WORK/$name.log"
}

# conf NAME URL [SECRET]: a 0600 config file
conf() {
	printf '[lark]\nwebhook = %s\nsecret = %s\n' "$2" "${3:-$SECRET}" >"$WORK/$1.ini"
	chmod 600 "$WORK/$1.ini"
}

requests() { wc -l <"$1" | tr -d ' '; }
last_body() { tail -n 1 "$1"; }

start_hook ok ok
conf ok "$HOOK_ok"
expect "a CRITICAL service notification is delivered" 0 \
	"notify_tc_lark: delivered CRITICAL notification for tencentcloud-main / Tencent Cloud balance" \
	"$L" --config "$WORK/ok.ini" --state CRITICAL --host tencentcloud-main \
	--service "Tencent Cloud balance" --output "TC BALANCE CRITICAL - "$'\xc2\xa5'"500.00 available" \
	--type PROBLEM --time "2026-11-22 10:00"
OUT=$(last_body "$LOG_ok")
case $OUT in *'"sign_ok": true'*'"msg_type": "interactive"'*'"template": "red"'*'TC BALANCE CRITICAL - '*) ok "signed card, coloured red" ;;
*) not_ok "signed card, coloured red" "$OUT" ;; esac

expect "Nagios environment macros" 0 \
	"notify_tc_lark: delivered WARNING notification for tc-host / Tencent Cloud runway" \
	env NAGIOS_HOSTNAME=tc-host NAGIOS_SERVICEDESC="Tencent Cloud runway" NAGIOS_SERVICESTATE=WARNING \
	NAGIOS_SERVICEOUTPUT="TC RUNWAY WARNING - runway 9.3 days" NAGIOS_NOTIFICATIONTYPE=PROBLEM \
	"$L" --config "$WORK/ok.ini" --source nagios
case $(last_body "$LOG_ok") in *'"template": "orange"'*'TC RUNWAY WARNING - runway 9.3 days'*) ok "the macros made the card" ;;
*) not_ok "the macros made the card" "$(last_body "$LOG_ok")" ;; esac
expect "Icinga host notification from its environment" 0 \
	"notify_tc_lark: delivered DOWN notification for tc-host" \
	env ICINGA_HOSTNAME=tc-host ICINGA_HOSTSTATE=DOWN ICINGA_HOSTOUTPUT="unreachable" \
	"$L" --config "$WORK/ok.ini" --source icinga --kind host
expect "text instead of a card; secrets from the environment" 0 \
	"notify_tc_lark: delivered OK notification for h / s" \
	env TC_LARK_WEBHOOK="$HOOK_ok" TC_LARK_SECRET="$SECRET" "$L" --text --state OK --host h --service s --output fine
case $(last_body "$LOG_ok") in *'"sign_ok": true'*'"msg_type": "text"'*'[OK] h / s'*) ok "a signed text message" ;;
*) not_ok "a signed text message" "$(last_body "$LOG_ok")" ;; esac

conf wrong "$HOOK_ok" not-the-secret
expect "a wrong secret: Lark's code 19021, exit 1" 1 \
	"notify_tc_lark: delivery failed: Lark refused the message: code 19021: sign match fail or timestamp is not within one hour from current time" \
	"$L" --config "$WORK/wrong.ini" --state CRITICAL --host h

start_hook limited 429,code11232,ok
conf limited "$HOOK_limited"
expect "rate limited twice (HTTP 429, code 11232), then delivered" 0 \
	"notify_tc_lark: delivered CRITICAL notification for h" "$L" --config "$WORK/limited.ini" --state CRITICAL --host h
[ "$(requests "$LOG_limited")" -eq 3 ] && ok "three attempts" || not_ok "three attempts" "$(requests "$LOG_limited")"

start_hook broken 500
conf broken "$HOOK_broken"
expect "5xx until the deadline: retried, then exit 1 within -t" 1 \
	"notify_tc_lark: delivery failed: after * attempts: HTTP 500 from the webhook" \
	"$L" --config "$WORK/broken.ini" --state CRITICAL --host h -t 3
[ "$ELAPSED" -lt 4000 ] && ok "gave up in ${ELAPSED} ms (within -t 3 + 1 s)" || not_ok "gave up in ${ELAPSED} ms"
[ "$(requests "$LOG_broken")" -ge 2 ] && ok "retried $(requests "$LOG_broken") times" || not_ok "retried"

expect "a refused connection" 1 "notify_tc_lark: delivery failed: *cannot connect to 127.0.0.1:1*" \
	env TC_LARK_WEBHOOK=http://127.0.0.1:1/hook "$L" --state CRITICAL --host h -t 2
expect "no webhook configured" 3 \
	"notify_tc_lark: no webhook: set webhook= in the [[]lark] section of --config, or TC_LARK_WEBHOOK" \
	"$L" --state CRITICAL --host h
expect "the webhook is refused on the command line" 3 \
	"notify_tc_lark: the webhook and its secret are not accepted on the command line: use --config or TC_LARK_WEBHOOK/TC_LARK_SECRET" \
	"$L" --webhook "$HOOK_ok" --state CRITICAL --host h
expect "no state" 3 "notify_tc_lark: no state or host: *" "$L" --config "$WORK/ok.ini"

# quiet hours in Asia/Tokyo, whatever the machine's zone: a window around now
TZ_NAME=Asia/Tokyo
now=$(TZ=$TZ_NAME date +%s)
from=$(TZ=$TZ_NAME date -d "@$((now - 600))" +%H:%M)
to=$(TZ=$TZ_NAME date -d "@$((now + 600))" +%H:%M)
later_from=$(TZ=$TZ_NAME date -d "@$((now + 3600))" +%H:%M)
later_to=$(TZ=$TZ_NAME date -d "@$((now + 7200))" +%H:%M)
before=$(requests "$LOG_ok")
expect "quiet hours hold back a WARNING" 0 \
	"notify_tc_lark: quiet hours: WARNING notification for h / s held back" \
	"$L" --config "$WORK/ok.ini" --state WARNING --host h --service s --quiet-hours "$from-$to" --timezone $TZ_NAME
[ "$(requests "$LOG_ok")" -eq "$before" ] && ok "nothing was sent" || not_ok "nothing was sent"
expect "CRITICAL goes through quiet hours" 0 "notify_tc_lark: delivered CRITICAL notification for h / s" \
	"$L" --config "$WORK/ok.ini" --state CRITICAL --host h --service s --quiet-hours "$from-$to" --timezone $TZ_NAME
expect "--quiet-critical holds CRITICAL back too" 0 \
	"notify_tc_lark: quiet hours: CRITICAL notification for h / s held back" \
	"$L" --config "$WORK/ok.ini" --state CRITICAL --host h --service s --quiet-hours "$from-$to" \
	--timezone $TZ_NAME --quiet-critical
expect "outside the window a WARNING is sent" 0 "notify_tc_lark: delivered WARNING notification for h / s" \
	"$L" --config "$WORK/ok.ini" --state WARNING --host h --service s --quiet-hours "$later_from-$later_to" \
	--timezone $TZ_NAME
expect "an unknown time zone" 3 "notify_tc_lark: unknown --timezone 'Mars/Base'" \
	"$L" --config "$WORK/ok.ini" --state WARNING --host h --quiet-hours 22:00-08:00 --timezone Mars/Base

grep -q "$SECRET" "$WORK"/*.log "$WORK"/*.err && not_ok "the secret never reaches the webhook in clear" ||
	ok "the secret never reaches the webhook in clear"

finish

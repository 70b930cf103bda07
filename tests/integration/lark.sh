#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# notify_tc_lark against a local webhook that checks Lark's signature: cards and
# text, Nagios and Icinga macros, Lark's error codes, retries on rate limits and 5xx
# within -t, quiet hours in a zone other than the machine's, secrets kept off argv.
. "$top_srcdir/tests/integration/lib.sh"

need_tool PYTHON3 python3 python3
L=$PLUGINS/notify_tc_lark
SECRET=lark-test-secret-do-not-use

# lark_hook NAME PLAN: a lark_receiver.py (its plans: 429, 500, code11232, ok); sets
# HOOK_<NAME> (URL) and LOG_<NAME>
lark_hook() {
	local name=$1
	python3 "$top_srcdir/tests/integration/lark_receiver.py" "$WORK/$name.port" "$WORK/$name.log" \
		"$SECRET" "$2" 2>"$WORK/$name.err" &
	await_port "$name" "the webhook receiver" 100
	printf -v "HOOK_$name" %s "http://127.0.0.1:$(cat "$WORK/$name.port")$(hook_path lark)"
	printf -v "LOG_$name" %s "$WORK/$name.log"
	touch "$WORK/$name.log"
}

# conf NAME URL [SECRET]: a 0600 config file
conf() {
	printf '[lark]\nwebhook = %s\nsecret = %s\n' "$2" "${3:-$SECRET}" >"$WORK/$1.ini"
	chmod 600 "$WORK/$1.ini"
}

last_body() { tail -n 1 "$1"; }

lark_hook ok ok
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

lark_hook limited 429,code11232,ok
conf limited "$HOOK_limited"
expect "rate limited twice (HTTP 429, code 11232), then delivered" 0 \
	"notify_tc_lark: delivered CRITICAL notification for h" "$L" --config "$WORK/limited.ini" --state CRITICAL --host h
[ "$(requests "$LOG_limited")" -eq 3 ] && ok "three attempts" || not_ok "three attempts" "$(requests "$LOG_limited")"

lark_hook broken 500
conf broken "$HOOK_broken"
expect "5xx until the deadline: retried, then exit 1 within -t" 1 \
	"notify_tc_lark: delivery failed: after * attempts: Lark refused the message: HTTP 500, code 500: internal" \
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

# body_check PYTHON-EXPR: evaluates EXPR on the last body (as `b`, the card as `card`,
# the plain_text contents joined as `plain`); prints False or the error when it fails
body_check() {
	python3 -c '
import json, sys
b = json.loads(open(sys.argv[1]).read().splitlines()[-1])["body"]
card = b.get("card", {})
def texts(o, tag):
    if isinstance(o, dict):
        if o.get("tag") == tag and "content" in o:
            yield o["content"]
        for v in o.values():
            yield from texts(v, tag)
    elif isinstance(o, list):
        for v in o:
            yield from texts(v, tag)
plain = "\n".join(texts(b, "plain_text"))
lark_md = list(texts(b, "lark_md"))
print(eval(sys.argv[2]))' "$1" "$2" 2>&1
}

# text from the monitoring system cannot ping @all or make links in the group
EVIL='TC PENDING CRITICAL - <at id=all></at> [pay here](https://evil.example/) **now**'
expect "a card with markup in the output" 0 "notify_tc_lark: delivered CRITICAL notification for h / *" \
	"$L" --config "$WORK/ok.ini" --state CRITICAL --host h --service "<at id=all></at>" --output "$EVIL"
R=$(body_check "$LOG_ok" 'not lark_md and "<at id=all></at> [pay here](https://evil.example/)" in plain')
[ "$R" = True ] && ok "untrusted text is plain_text only, never lark_md" || not_ok "untrusted text is plain_text only" "$R" "$(last_body "$LOG_ok")"
expect "a text message with markup in the output" 0 "notify_tc_lark: delivered CRITICAL notification for h" \
	"$L" --config "$WORK/ok.ini" --text --state CRITICAL --host h --output "$EVIL"
R=$(body_check "$LOG_ok" '"<" not in b["content"]["text"] and "\uff1cat id=all\uff1e" in b["content"]["text"]')
[ "$R" = True ] && ok "no <at> tag in a text message" || not_ok "no <at> tag in a text message" "$R" "$(last_body "$LOG_ok")"

# -vvv traces the request without the bot's token or a usable signature
run "$L" --config "$WORK/ok.ini" --state OK --host h -vvv
SIGN=$(body_check "$LOG_ok" 'b["sign"]')
if [ "$RC" -eq 0 ] && [[ $ERR == *"> POST http://127.0.0.1:"*"/open-apis/bot/v2/hook/(redacted)"* ]] &&
	[[ $ERR == *'"sign":"(redacted)"'* ]] && [[ $ERR != *test-token* ]] && [[ $ERR != *"$SIGN"* ]]; then
	ok "-vvv redacts the webhook token and the signature"
else
	not_ok "-vvv redacts the webhook token and the signature" "exit $RC" "$ERR"
fi

# only https, or http to this machine
conf plain "http://hooks.example.com/open-apis/bot/v2/hook/test-token"
expect "an http:// webhook elsewhere is refused" 3 \
	"notify_tc_lark: the webhook must be an https:// URL (http:// only to 127.0.0.1, [[]::1] or localhost)" \
	"$L" --config "$WORK/plain.ini" --state CRITICAL --host h
expect "so is one that only starts like localhost" 3 "notify_tc_lark: the webhook must be an https:// URL *" \
	env TC_LARK_WEBHOOK=http://localhost.example.com/hook "$L" --state CRITICAL --host h
expect "and one that is no URL" 3 "notify_tc_lark: the webhook must be an https:// URL *" \
	env TC_LARK_WEBHOOK=ftp://127.0.0.1/hook "$L" --state CRITICAL --host h

# notification types have their own title and colour, with the author and comment
expect "an acknowledgement" 0 "notify_tc_lark: delivered CRITICAL notification for h / s" \
	env NAGIOS_HOSTNAME=h NAGIOS_SERVICEDESC=s NAGIOS_SERVICESTATE=CRITICAL \
	NAGIOS_SERVICEOUTPUT="TC BALANCE CRITICAL - low" NAGIOS_NOTIFICATIONTYPE=ACKNOWLEDGEMENT \
	NAGIOS_NOTIFICATIONAUTHOR=alice NAGIOS_NOTIFICATIONCOMMENT="topping up now" \
	"$L" --config "$WORK/ok.ini" --source nagios
R=$(body_check "$LOG_ok" 'card["header"]["template"] == "blue" and card["header"]["title"]["content"] == "[ACKNOWLEDGED] h / s" and "CRITICAL acknowledged by alice: topping up now" in plain')
[ "$R" = True ] && ok "a blue ACKNOWLEDGED card with author and comment" || not_ok "a blue ACKNOWLEDGED card" "$R" "$(last_body "$LOG_ok")"
for t in FLAPPINGSTART:yellow:FLAPPING DOWNTIMESTART:indigo:DOWNTIME\ STARTED CUSTOM:violet:CUSTOM; do
	IFS=: read -r type colour word <<<"$t"
	run "$L" --config "$WORK/ok.ini" --state WARNING --host h --type "$type" --author bob --comment c
	R=$(body_check "$LOG_ok" "card['header']['template'] == '$colour' and card['header']['title']['content'] == '[$word] h'")
	[ "$RC" -eq 0 ] && [ "$R" = True ] && ok "$type: a $colour card" || not_ok "$type: a $colour card" "$R" "$OUT"
done

# the long output reaches the card: Nagios' $LONGSERVICEOUTPUT$ (newlines escaped as
# \n) and Icinga's full output
expect "Nagios long output" 0 "notify_tc_lark: delivered CRITICAL notification for h / s" \
	"$L" --config "$WORK/ok.ini" --state CRITICAL --host h --service s \
	--output "TC PENDING CRITICAL - 2 pending orders" \
	--long-output 'order 1: CVM, unpaid for 3 days\norder 2: CBS, unpaid for 1 day'
R=$(body_check "$LOG_ok" '"TC PENDING CRITICAL - 2 pending orders" in plain and "order 1: CVM, unpaid for 3 days\norder 2: CBS, unpaid for 1 day" in plain')
[ "$R" = True ] && ok "the card shows the summary and the long output" || not_ok "the card shows the long output" "$R" "$(last_body "$LOG_ok")"
expect "Icinga output with its long part" 0 "notify_tc_lark: delivered WARNING notification for h / s" \
	env ICINGA_HOSTNAME=h ICINGA_SERVICEDESC=s ICINGA_SERVICESTATE=WARNING \
	ICINGA_SERVICEOUTPUT=$'TC VOUCHERS WARNING - 1 voucher expires soon\nv-1: 50.00 left, expires 2026-11-27' \
	"$L" --config "$WORK/ok.ini" --source icinga
R=$(body_check "$LOG_ok" '"v-1: 50.00 left, expires 2026-11-27" in plain')
[ "$R" = True ] && ok "Icinga's long output is in the card" || not_ok "Icinga's long output is in the card" "$R" "$(last_body "$LOG_ok")"

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
before=$(requests "$LOG_ok")
expect "a RECOVERY goes through quiet hours" 0 "notify_tc_lark: delivered OK notification for h / s" \
	"$L" --config "$WORK/ok.ini" --state OK --type RECOVERY --host h --service s --quiet-hours "$from-$to" \
	--timezone $TZ_NAME --quiet-critical
[ "$(requests "$LOG_ok")" -eq $((before + 1)) ] && ok "the recovery was sent" || not_ok "the recovery was sent"

# held notifications are listed by the first one delivered after the window; the
# clock is faked with TC_LARK_NOW (tests only): 2026-11-22 in Asia/Shanghai
SH=1795276800
mkdir -p "$WORK/state"
quiet() { # quiet HH:MM STATE [options]: one notification at that Shanghai time
	local hm=$1 state=$2
	shift 2
	TC_LARK_NOW=$((SH + 10#${hm%:*} * 3600 + 10#${hm#*:} * 60)) "$L" --config "$WORK/ok.ini" \
		--host tc-host --state "$state" --quiet-hours 22:00-08:00 --timezone Asia/Shanghai \
		--state-dir "$WORK/state" "$@"
}
before=$(requests "$LOG_ok")
expect "02:50 WARNING held" 0 "notify_tc_lark: quiet hours: WARNING notification for tc-host / runway held back" \
	quiet 02:50 WARNING --service runway --output "TC RUNWAY WARNING - runway 9 days"
expect "02:55 UNKNOWN held" 0 "notify_tc_lark: quiet hours: UNKNOWN notification for tc-host / balance held back" \
	quiet 02:55 UNKNOWN --service balance --output "TC BALANCE UNKNOWN - timed out after 10 s"
[ "$(requests "$LOG_ok")" -eq "$before" ] && ok "neither was sent" || not_ok "neither was sent"
expect "03:00 CRITICAL delivered" 0 "notify_tc_lark: delivered CRITICAL notification for tc-host / pending" \
	quiet 03:00 CRITICAL --service pending --output "TC PENDING CRITICAL - 1 order"
R=$(body_check "$LOG_ok" '"held during quiet hours" not in plain')
[ "$R" = True ] && ok "inside the window the held ones wait" || not_ok "inside the window the held ones wait" "$R"
expect "03:10 RECOVERY delivered" 0 "notify_tc_lark: delivered OK notification for tc-host / pending" \
	quiet 03:10 OK --service pending --type RECOVERY --output "TC PENDING OK"
expect "08:05 WARNING delivered" 0 "notify_tc_lark: delivered WARNING notification for tc-host / vouchers" \
	quiet 08:05 WARNING --service vouchers --output "TC VOUCHERS WARNING - 1 expires"
R=$(body_check "$LOG_ok" '"2 notifications were held during quiet hours:\n02:50 WARNING tc-host / runway: TC RUNWAY WARNING - runway 9 days\n02:55 UNKNOWN tc-host / balance: TC BALANCE UNKNOWN - timed out after 10 s" in plain')
[ "$R" = True ] && ok "the first card after the window lists what was held" || not_ok "the first card after the window lists what was held" "$R" "$(last_body "$LOG_ok")"
expect "08:10 WARNING delivered" 0 "notify_tc_lark: delivered WARNING notification for tc-host / vouchers" \
	quiet 08:10 WARNING --service vouchers --output "TC VOUCHERS WARNING - 1 expires"
R=$(body_check "$LOG_ok" '"held during quiet hours" not in plain')
[ "$R" = True ] && ok "and only that one" || not_ok "and only that one" "$R"
expect "an unwritable state directory: delivered rather than lost" 0 \
	"notify_tc_lark: delivered WARNING notification for tc-host / runway*" \
	env TC_LARK_NOW=$((SH + 3 * 3600)) "$L" --config "$WORK/ok.ini" --host tc-host --service runway \
	--state WARNING --quiet-hours 22:00-08:00 --timezone Asia/Shanghai --state-dir "$WORK/missing/dir"
expect "an unknown time zone" 3 "notify_tc_lark: unknown --timezone 'Mars/Base'" \
	"$L" --config "$WORK/ok.ini" --state WARNING --host h --quiet-hours 22:00-08:00 --timezone Mars/Base

grep -q "$SECRET" "$WORK"/*.log "$WORK"/*.err && not_ok "the secret never reaches the webhook in clear" ||
	ok "the secret never reaches the webhook in clear"

finish

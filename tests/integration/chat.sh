#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# notify_tc_chat against local receivers that check each platform's documented
# request (URL, Content-Type, body shape, signature recomputed): Lark, WeCom,
# DingTalk, Slack and the generic JSON webhook, for a PROBLEM, a RECOVERY and an
# ACKNOWLEDGEMENT; each platform's rate-limit answer retried within -t, its permanent
# errors named in one line; text that would mention or link shown as text.
. "$top_srcdir/tests/integration/lib.sh"

C=$PLUGINS/notify_tc_chat
SECRET=$CHAT_SECRET
TYPES="lark wecom dingtalk slack webhook"

# the three notifications of a problem's life
problem() {
	"$C" --config "$1" --source nagios --kind service --type PROBLEM --state CRITICAL \
		--host tc-main --service "Tencent Cloud balance" \
		--output "TC BALANCE CRITICAL - 500.00 available" --long-output 'account 1: 500.00\naccount 2: 0.00' \
		--time "2026-11-22 10:00" "${@:2}"
}
recovery() {
	"$C" --config "$1" --type RECOVERY --state OK --host tc-main --service "Tencent Cloud balance" \
		--output "TC BALANCE OK - 9000.00 available" "${@:2}"
}
acknowledgement() {
	"$C" --config "$1" --type ACKNOWLEDGEMENT --state CRITICAL --host tc-main \
		--service "Tencent Cloud balance" --output "TC BALANCE CRITICAL - 500.00 available" \
		--author alice --comment "topping up" "${@:2}"
}
SENT="notification for tc-main / Tencent Cloud balance"

# What each platform shows for the three notifications: P(roblem), R(ecovery),
# A(cknowledgement); the request itself is checked by CHAT_FORM (lib.sh).
declare -A P R A
P[lark]='b["card"]["header"]["template"] == "red" and b["card"]["header"]["title"]["content"] == "[CRITICAL] tc-main / Tencent Cloud balance" and "account 1: 500.00\naccount 2: 0.00" in c'
R[lark]='b["card"]["header"]["template"] == "green" and "[OK] tc-main" in c'
A[lark]='b["card"]["header"]["template"] == "blue" and "CRITICAL acknowledged by alice: topping up" in c'
P[wecom]='c.startswith("**<font color=\"warning\">\uff3bCRITICAL\uff3d tc-main / Tencent Cloud balance</font>**\nTC BALANCE CRITICAL - 500.00 available\n> account 1: 500.00\n> account 2: 0.00\n")'
R[wecom]='c.startswith("**<font color=\"info\">\uff3bOK\uff3d tc-main")'
A[wecom]='c.startswith("**<font color=\"comment\">\uff3bACKNOWLEDGED\uff3d") and "CRITICAL acknowledged by alice: topping up" in c'
P[dingtalk]='b["markdown"]["title"] == "\uff3bCRITICAL\uff3d tc-main / Tencent Cloud balance" and c.startswith("### <font color=\"#D93026\">") and "> account 1: 500.00\n> account 2: 0.00" in c'
R[dingtalk]='c.startswith("### <font color=\"#188038\">\uff3bOK\uff3d")'
A[dingtalk]='c.startswith("### <font color=\"#1A73E8\">\uff3bACKNOWLEDGED\uff3d") and "acknowledged by alice: topping up" in c'
P[slack]='b["blocks"][0]["text"] == {"type": "mrkdwn", "text": ":red_circle: *[CRITICAL] tc-main / Tencent Cloud balance*"} and b["text"] == "[CRITICAL] tc-main / Tencent Cloud balance: TC BALANCE CRITICAL - 500.00 available" and "```account 1: 500.00\\naccount 2: 0.00```" in c'
R[slack]='b["blocks"][0]["text"]["text"] == ":large_green_circle: *[OK] tc-main / Tencent Cloud balance*"'
A[slack]='b["blocks"][0]["text"]["text"] == ":large_blue_circle: *[ACKNOWLEDGED] tc-main / Tencent Cloud balance*" and "CRITICAL acknowledged by alice: topping up" in c'
P[webhook]='b["host"] == "tc-main" and b["service"] == "Tencent Cloud balance" and b["type"] == "PROBLEM" and b["state"] == "CRITICAL" and b["critical"] is True and b["colour"] == "red" and b["source"] == "nagios" and b["summary"] == "TC BALANCE CRITICAL - 500.00 available" and b["details"] == "account 1: 500.00\naccount 2: 0.00" and b["time"] == "2026-11-22 10:00" and b["held"] is None'
R[webhook]='b["host"] == "tc-main" and b["type"] == "RECOVERY" and b["state"] == "OK" and b["word"] == "OK" and b["colour"] == "green" and b["details"] is None'
A[webhook]='b["host"] == "tc-main" and b["type"] == "ACKNOWLEDGEMENT" and b["word"] == "ACKNOWLEDGED" and b["author"] == "alice" and b["comment"] == "topping up"'

for t in $TYPES; do
	start_hook "$t" "$t-ok" ok
	expect "$t: a PROBLEM is delivered" 0 "notify_tc_chat: delivered CRITICAL $SENT" problem "$WORK/$t-ok.ini"
	check_req "$t: the PROBLEM as $t documents it" "(${CHAT_FORM[$t]}) and (${P[$t]})"
	expect "$t: a RECOVERY is delivered" 0 "notify_tc_chat: delivered OK $SENT" recovery "$WORK/$t-ok.ini"
	check_req "$t: the RECOVERY as $t documents it" "(${CHAT_FORM[$t]}) and (${R[$t]})"
	expect "$t: an ACKNOWLEDGEMENT is delivered" 0 "notify_tc_chat: delivered CRITICAL $SENT" \
		acknowledgement "$WORK/$t-ok.ini"
	check_req "$t: the ACKNOWLEDGEMENT as $t documents it" "(${CHAT_FORM[$t]}) and (${A[$t]})"
done

# rate limited once, then delivered: retried within -t (Slack and the webhook say
# Retry-After: 1, which is waited)
declare -A LIMITED REFUSED
LIMITED[lark]="Lark refused the message: code 11232: frequency limited"
LIMITED[wecom]="WeCom refused the message: errcode 45009: api freq out of limit"
LIMITED[dingtalk]="DingTalk refused the message: errcode 130101: send too fast, exceed 20 times per minute"
LIMITED[slack]="Slack refused the message: HTTP 429: rate_limited"
LIMITED[webhook]='the webhook refused the message: HTTP 429: {"error": "slow down"}'
REFUSED[lark]="Lark refused the message: code 19024: Key Words Not Found"
REFUSED[wecom]="WeCom refused the message: errcode 93000: invalid webhook url"
REFUSED[dingtalk]="DingTalk refused the message: errcode 300001: token is not exist"
REFUSED[slack]="Slack refused the message: HTTP 404: channel_not_found"
REFUSED[webhook]='the webhook refused the message: HTTP 400: {"error": "unknown receiver"}'
for t in $TYPES; do
	start_hook "$t" "$t-limited" limited,ok
	expect "$t: rate limited, then delivered" 0 "notify_tc_chat: delivered CRITICAL $SENT" \
		problem "$WORK/$t-limited.ini"
	n=$(requests "$LOG")
	[ "$n" -eq 2 ] && ok "$t: two attempts" || not_ok "$t: two attempts" "$n"
	case $t in slack | webhook)
		[ "$ELAPSED" -ge 1000 ] && ok "$t: Retry-After: 1 was waited (${ELAPSED} ms)" ||
			not_ok "$t: Retry-After: 1 was waited" "${ELAPSED} ms"
		;;
	esac

	start_hook "$t" "$t-always" limited
	expect "$t: rate limited until -t: exit 1" 1 \
		"notify_tc_chat: delivery failed: after * attempts: *${LIMITED[$t]//[/[[]}" \
		problem "$WORK/$t-always.ini" -t 3
	[ "$ELAPSED" -lt 4000 ] && ok "$t: gave up in ${ELAPSED} ms (within -t 3 + 1 s)" ||
		not_ok "$t: gave up within -t 3 + 1 s" "${ELAPSED} ms"

	start_hook "$t" "$t-refused" refused
	expect "$t: a permanent error, named in one line" 1 \
		"notify_tc_chat: delivery failed: ${REFUSED[$t]//[/[[]}" problem "$WORK/$t-refused.ini"
	[ "$(requests "$LOG")" -eq 1 ] && ok "$t: not retried" || not_ok "$t: not retried" "$(requests "$LOG")"
	[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ] && ok "$t: one line" || not_ok "$t: one line" "$OUT"
done

# the other rate-limit answers each platform documents: Lark's open platform limit as
# HTTP 400 with 99991400, DingTalk's 410100 and its "system busy" -1; and Lark's 9499
# "Bad Request", which another try would not change
for tp in lark:limited2 dingtalk:limited2 dingtalk:busy; do
	t=${tp%%:*} step=${tp#*:}
	start_hook "$t" "$t-$step" "$step,ok"
	expect "$t: $step, then delivered" 0 "notify_tc_chat: delivered CRITICAL $SENT" problem "$WORK/$t-$step.ini"
	[ "$(requests "$LOG")" -eq 2 ] && ok "$t: $step retried once" || not_ok "$t: $step retried once" "$(requests "$LOG") requests"
done
start_hook lark lark-badrequest badrequest,ok
expect "lark: 9499 Bad Request is permanent" 1 \
	"notify_tc_chat: delivery failed: Lark refused the message: code 9499: Bad Request" problem "$WORK/lark-badrequest.ini"
[ "$(requests "$LOG")" -eq 1 ] && ok "lark: 9499 not retried" || not_ok "lark: 9499 not retried" "$(requests "$LOG") requests"

# a Retry-After longer than -t: given up at once, saying why
start_hook slack slack-slow slow
expect "slack: Retry-After: 60 with -t 5" 1 \
	"notify_tc_chat: delivery failed: asked to wait 60 s, past the 5 s deadline: Slack refused the message: HTTP 429: rate_limited" \
	problem "$WORK/slack-slow.ini" -t 5
[ "$ELAPSED" -lt 2000 ] && [ "$(requests "$LOG")" -eq 1 ] && ok "slack: one request, no waiting (${ELAPSED} ms)" ||
	not_ok "slack: one request, no waiting" "${ELAPSED} ms, $(requests "$LOG") requests"

# DingTalk checks the signature: a wrong secret is its error 310000
start_hook dingtalk ding-wrong ok
sed -i "s/^secret = .*/secret = not-the-secret/" "$WORK/ding-wrong.ini"
expect "dingtalk: a wrong secret is refused" 1 \
	"notify_tc_chat: delivery failed: DingTalk refused the message: errcode 310000: sign not match" \
	problem "$WORK/ding-wrong.ini"

# text from the monitoring system cannot mention anyone or make a link
EVIL='TC PENDING CRITICAL - <@all> <!channel> <at id=all></at> [pay here](https://evil.example/) <https://evil.example|pay> @13800000000'
declare -A SAFE
SAFE[lark]='"<@all> <!channel> <at id=all></at> [pay here](https://evil.example/)" in c and "lark_md" not in c'
SAFE[wecom]='"<@" not in c and "](" not in c and "<at" not in c and "\uff1c@all\uff1e" in c and "\uff3bpay here\uff3d(https://evil.example/)" in c'
SAFE[dingtalk]='"](" not in c and "<at" not in c and "<https" not in c and b["at"] == {"isAtAll": False} and "@13800000000" in c'
SAFE[slack]='"<!channel>" not in json.dumps(b) and "<https://" not in json.dumps(b) and "<@all>" not in json.dumps(b) and "&lt;!channel&gt;" in c and "&lt;https://evil.example|pay&gt;" in c'
SAFE[webhook]='b["summary"] == "TC PENDING CRITICAL - <@all> <!channel> <at id=all></at> [pay here](https://evil.example/) <https://evil.example|pay> @13800000000"'
for t in $TYPES; do
	LOG=$WORK/$t-ok.log
	expect "$t: markup in the output and names" 0 "notify_tc_chat: delivered CRITICAL notification for *" \
		"$C" --config "$WORK/$t-ok.ini" --state CRITICAL --host "<!here>" --service "<@all>" --output "$EVIL"
	check_req "$t: no mention and no link from the monitoring system" "${SAFE[$t]}"
done

# -vvv shows the request without the key, the token or the signature
for t in wecom dingtalk slack; do
	run problem "$WORK/$t-ok.ini" -vvv
	if [ "$RC" -eq 0 ] && [[ $ERR == *"(redacted)"* ]] && [[ $ERR != *test-key* ]] &&
		[[ $ERR != *test-token* ]] && [[ $ERR != *"sign="* ]]; then
		ok "$t: -vvv redacts the webhook's secret parts"
	else
		not_ok "$t: -vvv redacts the webhook's secret parts" "$ERR"
	fi
done

# the configuration
printf '[chat]\ntype = teams\nwebhook = https://example.com/x\n' >"$WORK/teams.ini"
expect "an unknown type" 3 \
	"notify_tc_chat: unknown type 'teams': lark, wecom, dingtalk, slack or webhook" \
	"$C" --config "$WORK/teams.ini" --state CRITICAL --host h
printf '[chat]\ntype = wecom\nwebhook = https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\nsecret = s\n' >"$WORK/wecom-secret.ini"
expect "a secret for a platform that signs nothing" 3 \
	"notify_tc_chat: type=wecom takes no secret (its webhook URL is the secret): remove secret=" \
	"$C" --config "$WORK/wecom-secret.ini" --state CRITICAL --host h
printf '[chat]\ntype = slack\nwebhook = http://hooks.slack.example/services/T/B/x\n' >"$WORK/slack-http.ini"
expect "an http:// webhook elsewhere is refused" 3 "notify_tc_chat: the webhook must be an https:// URL *" \
	"$C" --config "$WORK/slack-http.ini" --state CRITICAL --host h
expect "no webhook configured" 3 \
	"notify_tc_chat: no webhook: set webhook= in the [[]chat] section of --config, or TC_CHAT_WEBHOOK" \
	"$C" --state CRITICAL --host h
expect "the environment: TC_CHAT_TYPE and TC_CHAT_WEBHOOK" 0 "notify_tc_chat: delivered OK notification for h" \
	env TC_CHAT_TYPE=slack TC_CHAT_WEBHOOK="http://127.0.0.1:$(cat "$WORK/slack-ok.port")/services/T000/B000/test-token" \
	"$C" --state OK --host h
# notify_tc_lark's ini works as it is: [lark], Lark by default
sed -e 's/^\[chat\]/[lark]/' -e '/^type/d' "$WORK/lark-ok.ini" >"$WORK/lark-section.ini"
chmod 600 "$WORK/lark-section.ini"
LOG=$WORK/lark-ok.log
expect "notify_tc_lark's [lark] section" 0 "notify_tc_chat: delivered OK $SENT" recovery "$WORK/lark-section.ini"
check_req "read as Lark" '(r["sign_ok"] is True) and b["msg_type"] == "interactive"'

# Zabbix (a script media type): --state from the severity (or OK), --type from
# {EVENT.STATUS}; a RESOLVED goes through quiet hours like a RECOVERY
LOG=$WORK/slack-ok.log
before=$(requests "$LOG")
for st in "High:PROBLEM:delivered High" "Average:PROBLEM:quiet hours: Average" "OK:RESOLVED:delivered OK"; do
	IFS=: read -r sev status want <<<"$st"
	expect "zabbix: $status $sev at 03:00 in quiet hours" 0 "notify_tc_chat: $want notification for zbx-host / Balance low*" \
		env TC_LARK_NOW=$((1795276800 + 3 * 3600)) "$C" --config "$WORK/slack-ok.ini" --source zabbix \
		--state "$sev" --type "$status" --host zbx-host --service "Balance low" --output "balance 500" \
		--quiet-hours 22:00-08:00 --timezone Asia/Shanghai
done
[ "$(requests "$LOG")" -eq $((before + 2)) ] && ok "zabbix: High and RESOLVED sent, Average held" ||
	not_ok "zabbix: High and RESOLVED sent, Average held" "$(requests "$LOG") requests, $before before"
check_req "zabbix: RESOLVED reads as OK, green" 'b["blocks"][0]["text"]["text"] == ":large_green_circle: *[OK] zbx-host / Balance low*"'

grep -q "$SECRET" "$WORK"/*.log "$WORK"/*.err && not_ok "the secret never reaches a receiver in clear" ||
	ok "the secret never reaches a receiver in clear"

finish

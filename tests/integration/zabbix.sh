#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Zabbix: the external-script wrapper, the template checked against real JSON output of
# every check, the Lark webhook media type run by Debian's zabbix_js, and the chat
# alert script (tc_chat.sh) as the script media type calls it.
. "$top_srcdir/tests/integration/lib.sh"

need_tool ZJS zabbix-proxy-sqlite3 zabbix_js
python3 -c 'import yaml' 2>/dev/null || skip_all "python3-yaml missing: apt-get install python3-yaml"
Z="$top_builddir/zabbix"
export TC_PLUGIN_DIR=$PLUGINS

start_sim api tls
INI="$WORK/tc-billing.ini"
: >"$INI"
for a in ok credit arrears denied pend-warn org-allocate vouch-warn vouch-none run-ok run-none renew-warn renew-none; do
	printf '[default]\nsecret_id = %s\nsecret_key = %s\n' "$(key_id "$a")" "$(key_secret "$a")" >"$WORK/$a.cred"
	chmod 600 "$WORK/$a.cred"
	printf '[%s]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\n' \
		"$a" "$WORK/$a.cred" "$PORT_api" "$WORK/cert.pem" >>"$INI"
	[ "$a" = org-allocate ] && printf 'checks = balance, allocation\n' >>"$INI"
	case $a in renew-*) printf 'checks=balance,renewals\n' >>"$INI" ;; esac
done
printf '[run-budget]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\nrunway.budget=100000\n' \
	"$WORK/run-ok.cred" "$PORT_api" "$WORK/cert.pem" >>"$INI"

run "$Z/tc_billing.sh" balance "--extra-opts=ok@$INI"
[ "$RC" -eq 0 ] && [[ $OUT == '{"program":"check_tc_balance","check":"balance","account":"ok","state":"OK",'* ]] &&
	[ -z "$ERR" ] && ok "wrapper: JSON of an OK check, exit 0" || not_ok "wrapper OK" "$OUT" "$ERR"
run "$Z/tc_billing.sh" balance "--extra-opts=denied@$INI"
[ "$RC" -eq 0 ] && [[ $OUT == *'"state":"UNKNOWN","state_code":3,'*'"error":{"kind":"api","code":"AuthFailure.UnauthorizedOperation"'* ]] &&
	ok "wrapper: an UNKNOWN check still exits 0 with its JSON" || not_ok "wrapper UNKNOWN" "$OUT"
run "$Z/tc_billing.sh" "nosuch;rm"
[ "$RC" -eq 0 ] && [[ $OUT == *'"state":"UNKNOWN","state_code":3,"summary":"tc_billing.sh: unknown check nosuchrm"'* ]] &&
	ok "wrapper: an unknown check is UNKNOWN JSON" || not_ok "wrapper unknown check" "$OUT"

# whatever goes wrong, the wrapper prints one line of UNKNOWN JSON (never Nagios
# text, which leaves every item unsupported and raises nothing)
is_unknown_json() {
	[ "$RC" -eq 0 ] && [ -z "$ERR" ] && [ "$OUT" = "$FIRST" ] &&
		python3 -c 'import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d["state_code"] == 3 and d["state"] == "UNKNOWN" and sys.argv[2] in d["summary"] else 1)' "$OUT" "$1"
}
run "$Z/tc_billing.sh" balance "--extra-opts=nosuch@$INI"
is_unknown_json "nosuch" && ok "wrapper: a section missing from the accounts file is UNKNOWN JSON naming it" || not_ok "wrapper: missing section" "$OUT"
run "$Z/tc_billing.sh" balance "--extra-opts=ok@$WORK/none.ini"
is_unknown_json "none.ini" && ok "wrapper: a missing accounts file is UNKNOWN JSON naming it" || not_ok "wrapper: missing file" "$OUT"
run with_env TC_PLUGIN_DIR="$WORK/noplugins" "$Z/tc_billing.sh" balance "--extra-opts=ok@$INI"
is_unknown_json "check_tc_balance not found in $WORK/noplugins" && ok "wrapper: a missing program is UNKNOWN JSON" || not_ok "wrapper: missing program" "$OUT"
mkdir -p "$WORK/fake"
printf '#!/bin/sh\necho "half a line" >&2\nkill -SEGV $$\n' >"$WORK/fake/check_tc_balance"
printf '#!/bin/sh\necho "TC PENDING UNKNOWN - bad \\"option\\""\nexit 3\n' >"$WORK/fake/check_tc_pending"
printf '#!/bin/sh\nexit 0\n' >"$WORK/fake/check_tc_runway"
chmod +x "$WORK/fake"/*
run with_env TC_PLUGIN_DIR="$WORK/fake" "$Z/tc_billing.sh" balance
is_unknown_json "check_tc_balance crashed (signal 11): half a line" && ok "wrapper: a crash is UNKNOWN JSON" || not_ok "wrapper: crash" "$OUT"
run with_env TC_PLUGIN_DIR="$WORK/fake" "$Z/tc_billing.sh" pending
is_unknown_json 'did not print JSON: TC PENDING UNKNOWN - bad "option"' && ok "wrapper: Nagios text is UNKNOWN JSON quoting it" || not_ok "wrapper: text" "$OUT"
run with_env TC_PLUGIN_DIR="$WORK/fake" "$Z/tc_billing.sh" runway
is_unknown_json "check_tc_runway printed nothing" && ok "wrapper: no output is UNKNOWN JSON" || not_ok "wrapper: no output" "$OUT"
# discovery: allocation only for the accounts that list it
run "$Z/tc_billing.sh" checks "--extra-opts=ok@$INI"
[ "$OUT" = '[{"{#CHECK}":"balance"},{"{#CHECK}":"pending"},{"{#CHECK}":"runway"},{"{#CHECK}":"vouchers"}]' ] &&
	ok "wrapper: an account without checks= runs the four default checks, not allocation" || not_ok "wrapper checks default" "$OUT"
run "$Z/tc_billing.sh" checks "--extra-opts=org-allocate@$INI"
[ "$OUT" = '[{"{#CHECK}":"allocation"},{"{#CHECK}":"balance"}]' ] &&
	ok "wrapper: checks= of the account is its discovery" || not_ok "wrapper checks=" "$OUT"
run "$Z/tc_billing.sh" checks "--extra-opts=renew-warn@$INI"
[ "$OUT" = '[{"{#CHECK}":"balance"},{"{#CHECK}":"renewals"}]' ] &&
	ok "wrapper: renewals is a known check of checks=" || not_ok "wrapper checks=renewals" "$OUT"
run "$Z/tc_billing.sh" checks "--extra-opts=renew-warn@$INI" --only=renewals
[ "$OUT" = '[{"{#RENEWALS}":"renewals"}]' ] && ok "wrapper: checks --only=renewals lists only it, as {#RENEWALS}" || not_ok "wrapper --only" "$OUT"
run "$Z/tc_billing.sh" checks "--extra-opts=ok@$INI" --only=renewals
[ "$OUT" = '[]' ] && ok "wrapper: checks --only=renewals is empty for an account that did not opt in" || not_ok "wrapper --only off" "$OUT"
run "$Z/tc_billing.sh" renewals "--extra-opts=renew-warn@$INI"
[ "$RC" -eq 0 ] && [[ $OUT == '{"program":"check_tc_renewals","check":"renewals","account":"renew-warn","state":"WARNING",'* ]] &&
	ok "wrapper: JSON of the renewals check" || not_ok "wrapper renewals" "$OUT" "$ERR"
run "$Z/tc_billing.sh" members "--extra-opts=ok@$INI"
[ "$RC" -eq 0 ] && [ "$OUT" = '{"data":[]}' ] && ok "wrapper: no member discovery for an account without allocation" || not_ok "wrapper members off" "$OUT"

python3 "$top_srcdir/tests/integration/zabbix_template.py" "$Z/template_tc_billing.yaml" "$Z/tc_billing.sh" "$INI" \
	"balance=ok,credit;pending=pend-warn;allocation=org-allocate;vouchers=vouch-warn,vouch-none;runway=run-budget,run-none;renewals=renew-warn,renew-none" \
	arrears,credit,ok >"$WORK/template.tap"
template_rc=$?
# renumber the script's TAP lines into this file's
while IFS= read -r line; do
	case $line in
	"ok "*) ok "${line#ok * - }" ;;
	"not ok "*) not_ok "${line#not ok * - }" ;;
	"#"*) echo "$line" ;;
	esac
done <"$WORK/template.tap"
[ $template_rc -eq 0 ] || not_ok "template checks exited $template_rc"

# the media type's script is lark_webhook.js, and zabbix_js runs it against a webhook
python3 - "$top_srcdir/zabbix/media_lark.yaml" "$top_srcdir/zabbix/lark_webhook.js" <<'PY' && ok "media type embeds lark_webhook.js verbatim" || not_ok "media type script"
import sys, yaml
m = yaml.safe_load(open(sys.argv[1]))["zabbix_export"]["media_types"][0]
sys.exit(0 if m["script"] == open(sys.argv[2]).read() and m["type"] == "WEBHOOK" else 1)
PY
python3 "$top_srcdir/tests/integration/lark_receiver.py" "$WORK/hook.port" "$WORK/hook.log" s3cr3t ok 2>/dev/null &
SIM_PIDS="$SIM_PIDS $!"
for _ in $(seq 1 100); do [ -s "$WORK/hook.port" ] && break; sleep 0.05; done
URL="http://127.0.0.1:$(cat "$WORK/hook.port")/open-apis/bot/v2/hook/t"
ALLOW="http://127.0.0.1:$(cat "$WORK/hook.port")/"
# params SECRET [MESSAGE [URL [ALLOWED]]]
params() {
	python3 -c 'import json,sys; print(json.dumps({"URL": sys.argv[3], "Secret": sys.argv[1], "Subject": "[High] tencentcloud: TC balance below 1000",
		"Message": sys.argv[2], "Severity": "High", "Status": "PROBLEM", "HTTPProxy": "", "AllowedURLPrefix": sys.argv[4]}))' \
		"$1" "${2:-balance 500.00}" "${3:-$URL}" "${4-$ALLOW}"
}
run "$ZJS" -s "$top_srcdir/zabbix/lark_webhook.js" -p "$(params s3cr3t)"
[ "$RC" -eq 0 ] && [ "${OUT##*$'\n'}" = OK ] && ok "zabbix_js: delivered" || not_ok "zabbix_js delivered" "$OUT"
case $(tail -n 1 "$WORK/hook.log") in *'"sign_ok": true'*'[High] tencentcloud: TC balance below 1000'*'"template": "red"'*) ok "zabbix_js: signed like notify_tc_lark, red card" ;;
*) not_ok "zabbix_js signature" "$(tail -n 1 "$WORK/hook.log")" ;; esac
run "$ZJS" -s "$top_srcdir/zabbix/lark_webhook.js" -p "$(params wrong)"
[ "$RC" -ne 0 ] && [[ $OUT == *"Lark notification failed: Lark refused the message: code 19021"* ]] &&
	ok "zabbix_js: a wrong secret fails with Lark's code" || not_ok "zabbix_js wrong secret" "$OUT"
[[ $OUT != *"sign match fail"* ]] && ok "zabbix_js: the answer's text stays out of the error" || not_ok "zabbix_js reflects the answer" "$OUT"

# the message is text: markup from plugin output or API names is escaped for lark_md
run "$ZJS" -s "$top_srcdir/zabbix/lark_webhook.js" -p "$(params s3cr3t 'team <at id=all></at> low: [pay](https://evil.example/) **now** a_b ~x~ `c` \\ &amp;')"
md=$(tail -n 1 "$WORK/hook.log" | python3 -c 'import json,sys; print(json.load(sys.stdin)["body"]["card"]["elements"][0]["text"]["content"])')
[ "$RC" -eq 0 ] && [ "$md" = 'team &#60;at id=all&#62;&#60;/at&#62; low: &#91;pay&#93;&#40;https://evil.example/&#41; &#42;&#42;now&#42;&#42; a&#95;b &#126;x&#126; &#96;c&#96; &#92;&#92; &#38;amp;' ] &&
	ok "zabbix_js: <at>, links and emphasis in the message reach Lark escaped" || not_ok "zabbix_js escaping" "$md"
# only Lark and Feishu webhooks, or what AllowedURLPrefix allows
n_before=$(wc -l <"$WORK/hook.log")
run "$ZJS" -s "$top_srcdir/zabbix/lark_webhook.js" -p "$(params s3cr3t x "$URL" '')"
[ "$RC" -ne 0 ] && [[ $OUT == *"not a Lark or Feishu bot webhook"* ]] && [ "$(wc -l <"$WORK/hook.log")" -eq "$n_before" ] &&
	ok "zabbix_js: another URL is refused before any request" || not_ok "zabbix_js URL allow" "$OUT"
for bad in "http://open.feishu.cn/open-apis/bot/v2/hook/t" "https://open.feishu.cn.evil.example/open-apis/bot/v2/hook/t" \
	"https://evil.example/open-apis/bot/v2/hook/t?x=open.feishu.cn" "https://user@open.feishu.cn@evil.example/open-apis/bot/v2/hook/t"; do
	run "$ZJS" -s "$top_srcdir/zabbix/lark_webhook.js" -p "$(params s3cr3t x "$bad" '')"
	[ "$RC" -ne 0 ] && [[ $OUT == *"not a Lark or Feishu bot webhook"* ]] && ok "zabbix_js: refuses $bad" || not_ok "zabbix_js: $bad" "$OUT"
done
run "$ZJS" -s "$top_srcdir/zabbix/lark_webhook.js" -p "$(params s3cr3t x "${ALLOW%/}.evil.example/x" "${ALLOW%/}")"
[ "$RC" -ne 0 ] && [[ $OUT == *"not a Lark or Feishu bot webhook"* ]] &&
	ok "zabbix_js: an AllowedURLPrefix without a path allows nothing" || not_ok "zabbix_js prefix without path" "$OUT"

# tc_chat.sh: the message templates of media_tc_chat.yaml, filled as Zabbix fills them
# (CR LF), read into notify_tc_chat's options; the bot's ini named, nothing else
mkdir -p "$WORK/bots"
start_hook webhook zbx-webhook ok "$WORK/bots/ops.ini"
zmsg() { # STATUS UPDATE ACTION SUMMARY
	printf 'Status: %s\r\nSeverity: Average\r\nHost: tc-main\r\nProblem: TC balance: low\r\nTime: 2026.11.26 10:00:00\r\nUpdate: %s\r\nAction: %s\r\nUser: Alice Ops (alice)\r\nNote: Problem started at 10:00:00\r\nSummary: %s' "$@"
}
TCC() { with_env TC_CHAT_CONFIG_DIR="$WORK/bots" "$Z/tc_chat.sh" "$@"; }
expect "tc_chat.sh: a PROBLEM" 0 "notify_tc_chat: delivered Average notification for tc-main / TC balance: low" \
	TCC ops "[Average] tc-main: TC balance: low" "$(zmsg PROBLEM 0 '{EVENT.UPDATE.ACTION}' $'4,000.00 available\nsecond line')"
check_req "tc_chat.sh: the PROBLEM's fields" '(b["type"], b["state"], b["colour"], b["source"], b["host"], b["service"], b["summary"], b["details"], b["time"], b["author"]) == ("PROBLEM", "Average", "orange", "zabbix", "tc-main", "TC balance: low", "4,000.00 available", "Problem started at 10:00:00\nsecond line", "2026.11.26 10:00:00", None)'
expect "tc_chat.sh: an acknowledgement" 0 "notify_tc_chat: delivered Average notification for *" \
	TCC ops.ini "on it" "$(zmsg PROBLEM 1 'acknowledged and commented' '4,000.00 available')"
check_req "tc_chat.sh: ACKNOWLEDGEMENT by the user, the comment from the subject" '(b["type"], b["author"], b["comment"]) == ("ACKNOWLEDGEMENT", "Alice Ops (alice)", "on it")'
expect "tc_chat.sh: an unacknowledgement is no acknowledgement" 0 "notify_tc_chat: delivered *" \
	TCC ops "" "$(zmsg PROBLEM 1 unacknowledged '4,000.00 available')"
check_req "tc_chat.sh: a CUSTOM notification" 'b["type"] == "CUSTOM"'
expect "tc_chat.sh: a RESOLVED is OK" 0 "notify_tc_chat: delivered OK notification for *" \
	TCC ops "" "$(zmsg RESOLVED 0 '{EVENT.UPDATE.ACTION}' '9,000.00 available')"
check_req "tc_chat.sh: RESOLVED, green" '(b["type"], b["state"], b["colour"]) == ("RESOLVED", "OK", "green")'
for bad in ../bots/ops /etc/passwd .hidden 'a b' ''; do
	expect "tc_chat.sh: Send to '$bad' is refused" 3 "tc_chat.sh: the media's Send to must name a bot's ini in *" \
		TCC "$bad" "" "$(zmsg PROBLEM 0 x y)"
done
expect "tc_chat.sh: the media type's three parameters" 3 "tc_chat.sh: expected 3 parameters *, got 2" TCC ops x
expect "tc_chat.sh: a message not in the template's form" 3 \
	"tc_chat.sh: line 2 of the message is not 'Severity: ...': use media_tc_chat.yaml's message templates" \
	TCC ops "" $'Status: PROBLEM\nHost: h'
expect "tc_chat.sh: a bot without an ini" 3 "notify_tc_chat: *" TCC nosuch "" "$(zmsg PROBLEM 0 x y)"
[ "$(requests "$LOG")" -eq 4 ] && ok "tc_chat.sh: four messages, none for the refused calls" ||
	not_ok "tc_chat.sh: four messages" "$(requests "$LOG")"

finish

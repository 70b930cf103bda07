#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Secrets stay secret in the notifiers: notify_tc_chat (every type) and notify_tc_lark,
# at every -v level, delivering, holding in quiet hours (with --state-dir), refused and
# unreachable, with a distinctive webhook token and signing secret in the bot's ini.
# Neither may show in stdout, stderr or the state directory; nor may any signature
# the programs computed (taken from what the local receivers got).
. "$top_srcdir/tests/integration/lib.sh"

CHAT_TOKEN=NOTIFYCANARYTOKEN7d41c9e0
CHAT_SECRET=NOTIFY-CANARY-SECRET-a83e52f1
TYPES="lark wecom dingtalk slack webhook"
WRITTEN=$WORK/written
STATE=$WRITTEN/state
OUTPUT=$WRITTEN/output
mkdir -p "$STATE"
: >"$OUTPUT"

# notify PROGRAM INI ARGS...: one notification, everything it prints kept
notify() {
	local prog=$1 ini=$2
	shift 2
	"$PLUGINS/$prog" --config "$ini" --state-dir "$STATE" --host tc-main \
		--service "Tencent Cloud balance" "$@" >>"$OUTPUT" 2>&1
	runs=$((runs + 1))
}

NIGHT=$((1795276800 + 3 * 3600)) # 03:00 in Asia/Shanghai
DAY=$((1795276800 + 12 * 3600))
QUIET=(--quiet-hours 22:00-08:00 --timezone Asia/Shanghai)
runs=0
for t in $TYPES lark-ini; do
	type=${t%-ini} prog=notify_tc_chat section=chat
	[ "$t" = lark-ini ] && prog=notify_tc_lark section=lark
	start_hook "$type" "$t-ok" ok "$WORK/$t-ok.ini" $section
	start_hook "$type" "$t-refused" refused "$WORK/$t-refused.ini" $section
	bot_ini "$type" 1 "$WORK/$t-down.ini" $section
	for v in "" -v -vv -vvv; do
		# a PROBLEM, a RECOVERY and an ACKNOWLEDGEMENT delivered
		notify $prog "$WORK/$t-ok.ini" ${v:+"$v"} --type PROBLEM --state CRITICAL \
			--output "TC BALANCE CRITICAL - 500.00 available" --long-output 'account 1: 500.00'
		notify $prog "$WORK/$t-ok.ini" ${v:+"$v"} --type RECOVERY --state OK --output "TC BALANCE OK"
		notify $prog "$WORK/$t-ok.ini" ${v:+"$v"} --type ACKNOWLEDGEMENT --state CRITICAL \
			--output "TC BALANCE CRITICAL" --author alice --comment "topping up"
		# held at night (recorded in --state-dir), then listed by the next one delivered
		TC_LARK_NOW=$NIGHT notify $prog "$WORK/$t-ok.ini" ${v:+"$v"} "${QUIET[@]}" --type PROBLEM \
			--state WARNING --output "TC BALANCE WARNING - 900.00 available"
		TC_LARK_NOW=$DAY notify $prog "$WORK/$t-ok.ini" ${v:+"$v"} "${QUIET[@]}" --type PROBLEM \
			--state CRITICAL --output "TC BALANCE CRITICAL - 100.00 available"
		# refused by the platform, and nobody listening
		notify $prog "$WORK/$t-refused.ini" ${v:+"$v"} --type PROBLEM --state CRITICAL --output x
		notify $prog "$WORK/$t-down.ini" ${v:+"$v"} --type PROBLEM --state CRITICAL --output x -t 2
	done
done
echo "# $runs runs: 5 types and notify_tc_lark x 4 -v levels x 7 notifications"

# the runs did their work: delivered, traced, held and listed, failed in one line
grep -q "delivered CRITICAL notification for tc-main" "$OUTPUT" && grep -q "^> POST http://127.0.0.1:" "$OUTPUT" &&
	grep -q "quiet hours: WARNING" "$OUTPUT" && grep -q "delivery failed: .*refused the message" "$OUTPUT" &&
	ok "the notifications were delivered, traced at -vvv, held and refused" ||
	not_ok "the notifications were delivered, traced at -vvv, held and refused" "$(head -c 1500 "$OUTPUT")"
grep -q "1 notification was held during quiet hours" "$WORK"/*-ok.log &&
	ok "the held notification was listed from --state-dir" ||
	not_ok "the held notification was listed from --state-dir" "$(ls -la "$STATE")"
[ -n "$(find "$STATE" -type f)" ] && ok "--state-dir was written (and is searched)" ||
	not_ok "--state-dir was written"
n=$(cat "$WORK"/*-ok.log | grep -c "$CHAT_TOKEN")
[ "$n" -eq $((6 * 4 * 4)) ] && ok "the receivers got the token in the webhook URL ($n requests)" ||
	not_ok "the receivers got the token in the webhook URL" "$n requests"

# every signature computed: Lark's in the body, DingTalk's in the query (as sent too,
# URL-encoded); with the token and the secret, in no output and no state file
signatures_of "$WORK"/*-ok.log "$WORK"/*-refused.log >"$WORK/signs"
# (Lark's depends on the second alone, so runs within one second share it)
signed=0
for t in lark lark-ini dingtalk; do [ -n "$(signatures_of "$WORK/$t-ok.log")" ] && signed=$((signed + 1)); done
[ $signed -eq 3 ] && ok "$(wc -l <"$WORK/signs") signatures from Lark and DingTalk (and are searched)" ||
	not_ok "the Lark and DingTalk requests were signed" "$signed of 3 receivers got signatures"
for what in "$CHAT_TOKEN" "$CHAT_SECRET"; do
	grep -rqF -- "$what" "$WRITTEN" && not_ok "'$what' appears nowhere" "$(grep -rlF -- "$what" "$WRITTEN")" ||
		ok "'$what' appears in no output or state file"
done
{ echo "$CHAT_TOKEN"; echo "$CHAT_SECRET"; cat "$WORK/signs"; } >"$WORK/secrets"
no_secrets_in "no token, secret or signature in stdout, stderr or --state-dir" "$WRITTEN" "$WORK/secrets"

finish

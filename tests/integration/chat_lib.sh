#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Loopback chat receivers for the notifier tests (chat.sh, zh.sh): start_hook starts
# one (tests/integration/chat_receiver.py) and writes the bot's ini; req_check and
# check look at the last request it received. Needs lib.sh and SECRET.
: "${SECRET:=chat-test-secret-do-not-use}"

# the webhook path each platform documents (tokens are fake)
hook_path() {
	case $1 in
	lark) echo "/open-apis/bot/v2/hook/test-token" ;;
	wecom) echo "/cgi-bin/webhook/send?key=test-key" ;;
	dingtalk) echo "/robot/send?access_token=test-token" ;;
	slack) echo "/services/T000/B000/test-token" ;;
	webhook) echo "/hooks/tc-billing?token=test-token" ;;
	esac
}

# start_hook TYPE NAME PLAN: a receiver; writes $WORK/NAME.ini (type=, webhook=,
# secret= where the platform signs) and sets LOG to its request log
start_hook() {
	local type=$1 name=$2 plan=$3
	python3 "$top_srcdir/tests/integration/chat_receiver.py" "$type" "$WORK/$name.port" \
		"$WORK/$name.log" "$SECRET" "$plan" 2>"$WORK/$name.err" &
	SIM_PIDS="$SIM_PIDS $!"
	for _ in $(seq 1 100); do
		[ -s "$WORK/$name.port" ] && break
		sleep 0.05
	done
	[ -s "$WORK/$name.port" ] || { echo "Bail out! the $type receiver did not start"; exit 1; }
	touch "$WORK/$name.log"
	{
		printf '[chat]\ntype = %s\nwebhook = http://127.0.0.1:%s%s\n' "$type" \
			"$(cat "$WORK/$name.port")" "$(hook_path "$type")"
		case $type in lark | dingtalk) printf 'secret = %s\n' "$SECRET" ;; esac
	} >"$WORK/$name.ini"
	chmod 600 "$WORK/$name.ini"
	LOG=$WORK/$name.log
}

requests() { wc -l <"$1" | tr -d ' '; }

# req_check LOG EXPR: EXPR on the last request (r: the record, b: its body, q: its
# query, c: the text a person reads, whatever the platform); prints True or why not
req_check() {
	python3 -c '
import json, sys
r = json.loads(open(sys.argv[1]).read().splitlines()[-1])
b, q = r["body"], r["query"]
def contents(o):
    if isinstance(o, dict):
        if "content" in o and isinstance(o["content"], str):
            yield o["content"]
        for v in o.values():
            yield from contents(v)
    elif isinstance(o, list):
        for v in o:
            yield from contents(v)
def text_of(b):
    if "card" in b:
        return "\n".join(contents(b["card"]))
    if "markdown" in b:
        return b["markdown"].get("content", b["markdown"].get("text"))
    if "blocks" in b:
        return "\n".join(json.dumps(x, ensure_ascii=False) for x in b["blocks"])
    return json.dumps(b, ensure_ascii=False)
c = text_of(b)
print(eval(sys.argv[2]))' "$1" "$2" 2>&1
}

# check DESCRIPTION EXPR: req_check on $LOG as a test
check() {
	local r
	r=$(req_check "$LOG" "$2")
	[ "$r" = True ] && ok "$1" || not_ok "$1" "$r" "$(tail -n 1 "$LOG")"
}

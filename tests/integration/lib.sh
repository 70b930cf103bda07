# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the integration tests: a TAP writer, the simulator's life cycle, and
# assertions on a program's exit status and exact output. Sourced, not run.
set -u

: "${top_srcdir:?run through make check}" "${top_builddir:?run through make check}"
OPENSSL=${OPENSSL:-openssl}
PLUGINS=$top_builddir/plugins
SIM=$top_builddir/sim/tc_billing_sim
SCENARIO=$top_srcdir/sim/scenarios/tests.json
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tc-it.XXXXXX")
SIM_PIDS=""
TESTS_RUN=0
TESTS_FAILED=0

cleanup() {
	for pid in $SIM_PIDS; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

# A clean environment: no credentials, proxies or locale from the caller.
unset TENCENTCLOUD_SECRET_ID TENCENTCLOUD_SECRET_KEY TENCENTCLOUD_SESSION_TOKEN \
	TENCENTCLOUD_TOKEN http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY \
	no_proxy NO_PROXY MP_CONFIG_FILE LC_ALL LANG LC_NUMERIC LC_MESSAGES LANGUAGE
export HOME="$WORK/home"
mkdir -p "$HOME"

ok() {
	TESTS_RUN=$((TESTS_RUN + 1))
	echo "ok $TESTS_RUN - $1"
}

not_ok() {
	TESTS_RUN=$((TESTS_RUN + 1))
	TESTS_FAILED=$((TESTS_FAILED + 1))
	echo "not ok $TESTS_RUN - $1"
	shift
	local arg line
	for arg in "$@"; do
		while IFS= read -r line; do
			printf '# %s\n' "$line"
		done <<<"$arg"
	done
}

finish() {
	echo "1..$TESTS_RUN"
	[ "$TESTS_FAILED" -eq 0 ]
}

# skip_all REASON: skips the whole script (TAP "1..0 # SKIP REASON"), before its
# first test. make check reports it as SKIP; scripts/test counts it as a failure.
skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

# need_tool VAR PACKAGE NAME-OR-PATH...: sets VAR to the first of the names found
# on PATH (or of the paths that are executable), or skips the whole script saying
# which Debian package to install.
need_tool() {
	local var=$1 package=$2 try found
	shift 2
	for try in "$@"; do
		if [[ $try == /* ]]; then
			[ -x "$try" ] && found=$try && break
		else
			found=$(command -v "$try") && break
		fi
	done
	[ -n "${found:-}" ] || skip_all "$1 missing: apt-get install $package (scripts/setup-debian --test installs every test tool)"
	printf -v "$var" '%s' "$found"
}

# key_id NAME, key_secret NAME: the fake keys of a scenario account
. "$top_srcdir/sim/scenarios/keys.sh"

make_cert() {
	[ -f "$WORK/cert.pem" ] && return 0
	"$OPENSSL" req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" \
		-days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1
}

# start_sim NAME [tls|http] [extra simulator options]: sets PORT_<NAME>.
start_sim() {
	local name=$1 mode=$2
	shift 2
	local portfile="$WORK/$name.port" tls=""
	if [ "$mode" = tls ]; then
		make_cert || { echo "Bail out! openssl cannot make a certificate"; exit 1; }
		tls="--tls-cert $WORK/cert.pem --tls-key $WORK/key.pem"
	fi
	# shellcheck disable=SC2086
	"$SIM" --scenario "$SCENARIO" --port-file "$portfile" $tls "$@" >/dev/null 2>"$WORK/$name.log" &
	await_port "$name" "simulator $name" 100
}

# await_port NAME WHAT TRIES: after starting a server in the background, waits for
# its $WORK/NAME.port file (TRIES x 50 ms) and sets PORT_<NAME> (other characters than
# letters, digits and _ as _).
await_port() {
	local name=$1 portfile="$WORK/$1.port"
	SIM_PIDS="$SIM_PIDS $!"
	for _ in $(seq 1 "$3"); do
		[ -s "$portfile" ] && break
		sleep 0.05
	done
	[ -s "$portfile" ] || { echo "Bail out! $2 did not start"; cat "$WORK/$name.log"; exit 1; }
	printf -v "PORT_${name//[^A-Za-z0-9_]/_}" %s "$(cat "$portfile")"
}

# start_hostile NAME MODE [ARGS]: one of tests/integration/hostile.py's misbehaving
# loopback servers (proxy LOGFILE, bomb BYTES, dupkeys); sets PORT_<NAME>.
start_hostile() {
	local name=$1 portfile="$WORK/$1.port"
	shift
	python3 "$top_srcdir/tests/integration/hostile.py" "$1" "$portfile" "${@:2}" 2>"$WORK/$name.log" &
	await_port "$name" "$name" 200
}

# run CMD...: runs it, setting OUT (stdout), ERR (stderr), RC and ELAPSED (ms).
run() {
	local start end
	start=$(date +%s%N)
	OUT=$("$@" 2>"$WORK/stderr")
	RC=$?
	end=$(date +%s%N)
	ELAPSED=$(((end - start) / 1000000))
	ERR=$(cat "$WORK/stderr")
	FIRST=${OUT%%$'\n'*}
}

# expect DESCRIPTION RC FIRST-LINE-PATTERN CMD...: exit status exact, first line
# matched as a shell pattern (exact unless it contains * ? [), stderr empty.
expect() {
	local desc=$1 want_rc=$2 pattern=$3
	shift 3
	run "$@"
	# shellcheck disable=SC2053
	if [ "$RC" -eq "$want_rc" ] && [[ $FIRST == $pattern ]] && [ -z "$ERR" ]; then
		ok "$desc"
	else
		not_ok "$desc" "exit $RC, wanted $want_rc" "got:    $FIRST" "wanted: $pattern" \
			"stderr: $ERR"
	fi
}

# check_as ACCOUNT PROGRAM ARGS...: a plugin with that account's key in the env.
check_as() {
	local account=$1 program=$2
	shift 2
	TENCENTCLOUD_SECRET_ID=$(key_id "$account") TENCENTCLOUD_SECRET_KEY=$(key_secret "$account") \
		"$PLUGINS/$program" "$@"
}

balance_as() {
	local account=$1
	shift
	check_as "$account" check_tc_balance "$@"
}

# has_line PATTERN: whether OUT has a line matching the shell pattern.
has_line() {
	local line
	while IFS= read -r line; do
		# shellcheck disable=SC2053
		[[ $line == $1 ]] && return 0
	done <<<"$OUT"
	return 1
}

# expect_line DESCRIPTION PATTERN: asserts has_line on the last run's output.
expect_line() {
	if has_line "$2"; then ok "$1"; else not_ok "$1" "no line matches: $2" "$OUT"; fi
}

# with_env VAR=value... CMD...: runs CMD (a program or a function of this file) with
# those variables exported, in a subshell.
with_env() (
	while [[ $1 == *=* ]]; do
		export "${1?}"
		shift
	done
	"$@"
)

# planted_secrets FILE...: the secret values in credentials files and bot inis
# (secret_key=, token=, secret=, and webhook= whole, as its path or query holds the
# bot's token), one a line, for no_secrets_in
planted_secrets() {
	sed -n 's/^[[:space:]]*\(secret_key\|token\|secret\|webhook\)[[:space:]]*=[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*$/\2/p' \
		"$@" | sort -u
}

# signatures_of LOG...: every signature a local chat receiver (lark_receiver.py,
# chat_receiver.py) got, in the body or the query, as sent and URL-encoded
signatures_of() {
	python3 -c '
import json, sys, urllib.parse
for name in sys.argv[1:]:
    for line in open(name):
        r = json.loads(line)
        b = r.get("body")
        s = (b.get("sign") if isinstance(b, dict) else None) or r.get("query", {}).get("sign")
        if s:
            print(s)
            print(urllib.parse.quote(s, safe=""))
' "$@" | sort -u
}

# no_secrets_in DESCRIPTION DIR LIST [EXCLUDE...]: no file under DIR holds any line of
# the file LIST (but LIST itself and the EXCLUDE paths, shell patterns, that hold them
# by design); a failure names the files, never the secrets
no_secrets_in() {
	local desc=$1 dir=$2 list=$3 f x n=0 hits files=()
	shift 3
	sed -i '/^$/d' "$list"
	if [ ! -s "$list" ]; then
		not_ok "$desc" "no secrets to look for"
		return
	fi
	while IFS= read -r -d '' f; do
		for x in "$list" "$@"; do
			# shellcheck disable=SC2053
			[[ $f == $x ]] && continue 2
		done
		files+=("$f")
	done < <(find "$dir" -type f -print0)
	n=${#files[@]}
	hits=$(printf '%s\0' "${files[@]}" | xargs -0 grep -laF -f "$list" -- 2>/dev/null)
	if [ -z "$hits" ]; then
		ok "$desc ($n files, $(grep -c '' "$list") values)"
	else
		not_ok "$desc" "a secret is in:" "$hits"
	fi
}

###### chat receivers (chat.sh, zh.sh, secrets_notify.sh, nagios.sh, zabbix.sh,
###### zabbix_server.sh); a test may set CHAT_SECRET and CHAT_TOKEN after sourcing
CHAT_SECRET=chat-test-secret-do-not-use

# hook_path TYPE [TOKEN]: the webhook path each platform documents, with TOKEN (by
# default fake ones: test-key for WeCom, test-token for the others)
hook_path() {
	case $1 in
	lark) echo "/open-apis/bot/v2/hook/${2:-test-token}" ;;
	wecom) echo "/cgi-bin/webhook/send?key=${2:-test-key}" ;;
	dingtalk) echo "/robot/send?access_token=${2:-test-token}" ;;
	slack) echo "/services/T000/B000/${2:-test-token}" ;;
	webhook) echo "/hooks/tc-billing?token=${2:-test-token}" ;;
	esac
}

# start_receiver TYPE NAME PLAN SECRET: tests/integration/chat_receiver.py for TYPE,
# answering by PLAN, checking signatures with SECRET; its port in $WORK/NAME.port,
# its requests in $WORK/NAME.log
start_receiver() {
	python3 "$top_srcdir/tests/integration/chat_receiver.py" "$1" "$WORK/$2.port" \
		"$WORK/$2.log" "$4" "$3" 2>"$WORK/$2.err" &
	await_port "$2" "the $1 receiver" 100
	touch "$WORK/$2.log"
}

# bot_ini TYPE PORT INI [SECTION]: a 0600 bot ini for a receiver on PORT: [SECTION]
# (default chat, which gets type=), webhook= (hook_path with $CHAT_TOKEN if set),
# secret=$CHAT_SECRET where the platform signs
bot_ini() {
	local section=${4:-chat}
	{
		printf '[%s]\n' "$section"
		[ "$section" = chat ] && printf 'type = %s\n' "$1"
		printf 'webhook = http://127.0.0.1:%s%s\n' "$2" "$(hook_path "$1" "${CHAT_TOKEN:-}")"
		case $1 in lark | dingtalk) printf 'secret = %s\n' "$CHAT_SECRET" ;; esac
	} >"$3"
	chmod 600 "$3"
}

# start_hook TYPE NAME PLAN [INI [SECTION]]: a receiver (start_receiver, $CHAT_SECRET);
# writes its bot_ini to INI (default $WORK/NAME.ini) and sets LOG to its request log,
# $WORK/NAME.log
start_hook() {
	local type=$1 name=$2
	start_receiver "$type" "$name" "$3" "$CHAT_SECRET"
	bot_ini "$type" "$(cat "$WORK/$name.port")" "${4:-$WORK/$name.ini}" "${5:-chat}"
	LOG=$WORK/$name.log
}

requests() { wc -l <"$1" | tr -d ' '; }

# req_check LOG EXPR [N]: EXPR on the Nth request (default the last) (r: the record, b: its body, q: its
# query, c: the text a person reads, whatever the platform); prints True or why not
req_check() {
	python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
n = int(sys.argv[3]) if len(sys.argv) > 3 else len(lines)
if not 1 <= n <= len(lines):
    sys.exit("no request %d: %d in the log" % (n, len(lines)))
r = json.loads(lines[n - 1])
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
print(eval(sys.argv[2]))' "$@" 2>&1
}

# check_req DESCRIPTION EXPR [N]: req_check on $LOG as a test
check_req() {
	local r
	r=$(req_check "$LOG" "$2" "${@:3}")
	[ "$r" = True ] && ok "$1" || not_ok "$1" "$r" "$(sed -n "${3:-\$}p" "$LOG")"
}

# CHAT_FORM[TYPE]: the request as the platform documents it (URL, query, Content-Type,
# signature recomputed by the receiver, the body's shape), whatever the notification
# says; for req_check and check_req
declare -A CHAT_FORM
CHAT_FORM[lark]='r["path"] == "/open-apis/bot/v2/hook/test-token" and r["content_type"] == "application/json" and r["sign_ok"] is True and b["msg_type"] == "interactive" and set(b) == {"timestamp", "sign", "msg_type", "card"}'
CHAT_FORM[wecom]='r["path"] == "/cgi-bin/webhook/send" and q == {"key": "test-key"} and r["content_type"] == "application/json" and r["sign_ok"] is None and set(b) == {"msgtype", "markdown"} and b["msgtype"] == "markdown" and set(b["markdown"]) == {"content"} and len(c.encode()) <= 4096'
CHAT_FORM[dingtalk]='r["path"] == "/robot/send" and set(q) == {"access_token", "timestamp", "sign"} and q["access_token"] == "test-token" and r["sign_ok"] is True and r["content_type"] == "application/json" and set(b) == {"msgtype", "markdown", "at"} and b["msgtype"] == "markdown" and b["at"] == {"isAtAll": False} and set(b["markdown"]) == {"title", "text"}'
CHAT_FORM[slack]='r["path"] == "/services/T000/B000/test-token" and q == {} and r["content_type"] == "application/json" and set(b) == {"blocks", "text"} and len(b["blocks"]) <= 50 and all(x["type"] in ("section", "context") for x in b["blocks"]) and all(len(x["text"]["text"]) <= 3000 for x in b["blocks"] if "text" in x)'
CHAT_FORM[webhook]='r["path"] == "/hooks/tc-billing" and q == {"token": "test-token"} and r["content_type"] == "application/json" and b["version"] == 1 and set(b) == {"version", "source", "type", "state", "word", "colour", "critical", "title", "host", "service", "summary", "details", "author", "comment", "time", "held", "text"}'

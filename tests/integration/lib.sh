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
# its $WORK/NAME.port file (TRIES x 50 ms) and sets PORT_<NAME>.
await_port() {
	local name=$1 portfile="$WORK/$1.port"
	SIM_PIDS="$SIM_PIDS $!"
	for _ in $(seq 1 "$3"); do
		[ -s "$portfile" ] && break
		sleep 0.05
	done
	[ -s "$portfile" ] || { echo "Bail out! $2 did not start"; cat "$WORK/$name.log"; exit 1; }
	eval "PORT_$name=$(cat "$portfile")"
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

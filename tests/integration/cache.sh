#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Retries, the shared cache, and a fleet of checks against the simulator's rate limits.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
OK_LINE="TC BALANCE OK - ${Y}12,345.67 available | *"
OK_MAIN="TC BALANCE OK - ${Y}12,845.67 available | *"
CACHE="$WORK/cache"

# counter NAME: a request counter of the simulator ("account_action:ok/DescribeAccountBalance")
counter() {
	curl -fsS --cacert "$WORK/cert.pem" "https://127.0.0.1:$PORT_api/__sim/requests" |
		python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1], 0))' "$1"
}
reset() { curl -fsS --cacert "$WORK/cert.pem" -X POST "https://127.0.0.1:$PORT_api/__sim/reset" >/dev/null; }

# ---- retries
expect "RequestLimitExceeded twice, then an answer" 0 "$OK_LINE" check_as retry-limit check_tc_balance "${C[@]}"
[ "$(counter account_action:retry-limit/DescribeAccountBalance)" = 3 ] && ok "three requests" ||
	not_ok "three requests" "$(counter account_action:retry-limit/DescribeAccountBalance)"
expect "HTTP 503 once, then an answer" 0 "$OK_LINE" check_as retry-503 check_tc_balance "${C[@]}"
expect "InternalError is not retried" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance failed: InternalError: *" \
	check_as retry-internal check_tc_balance "${C[@]}"
[ "$(counter account_action:retry-internal/DescribeAccountBalance)" = 1 ] && ok "one request" || not_ok "one request"
expect "rate limited for good: retries stop within -t" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: RequestLimitExceeded: *" \
	check_as limited check_tc_balance "${C[@]}" -t 3
[ "$ELAPSED" -lt 4000 ] && ok "gave up after ${ELAPSED} ms (within -t 3 + 1 s)" || not_ok "gave up after ${ELAPSED} ms"

# ---- the cache
reset
expect "balance fills the cache" 0 "$OK_MAIN" check_as ok check_tc_balance "${C[@]}" --cache-dir "$CACHE"
expect "runway reads the balance from it" 0 "TC RUNWAY OK - no spend in the last 7 days: *" \
	check_as ok check_tc_runway "${C[@]}" --cache-dir "$CACHE"
[ "$(counter account_action:ok/DescribeAccountBalance)" = 1 ] && ok "one DescribeAccountBalance for both checks" ||
	not_ok "one DescribeAccountBalance for both" "$(counter account_action:ok/DescribeAccountBalance)"
dir=$(find "$CACHE" -mindepth 1 -maxdepth 1 -type d)
[ "$(stat -c %a "$dir")" = 700 ] && ok "cache directory 0700" || not_ok "cache directory 0700" "$(stat -c %a "$dir")"
modes=$(find "$dir" -type f -name '*.cache' -printf '%m\n' | sort -u)
[ "$modes" = 600 ] && ok "cache files 0600" || not_ok "cache files 0600" "$modes"
grep -rq "$(key_secret ok)" "$CACHE" && not_ok "no secret in the cache" || ok "no secret in the cache"
grep -rq "$(key_id ok)" "$CACHE" && not_ok "no SecretId in the cache" || ok "no SecretId in the cache (only its hash)"
expect "another key does not get this key's answers" 1 "TC BALANCE WARNING - *" \
	check_as warning check_tc_balance "${C[@]}" --cache-dir "$CACHE"
sleep 1.1
expect "an entry past its TTL is not used" 0 "$OK_MAIN" check_as ok check_tc_balance "${C[@]}" --cache-dir "$CACHE" --cache-ttl 1
[ "$(counter account_action:ok/DescribeAccountBalance)" = 2 ] && ok "a new request after the TTL" || not_ok "new request after TTL"
for f in "$dir"/*.cache; do printf 'garbage' >"$f"; done
expect "a corrupt entry is ignored and replaced" 0 "$OK_MAIN" check_as ok check_tc_balance "${C[@]}" --cache-dir "$CACHE"
[ "$(grep -l '"RealBalance":1284567' "$dir"/*.cache | xargs head -qc 16)" = "tc-billing-cache" ] &&
	ok "replaced by a sound entry" || not_ok "replaced by a sound entry"

# stale on error: "flaky" answers once, then fails
expect "flaky: first answer cached" 0 "$OK_LINE" check_as flaky check_tc_balance "${C[@]}" --cache-dir "$CACHE" --cache-ttl 1
sleep 1.1
expect "past the TTL and failing: UNKNOWN without --cache-stale-on-error" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: InternalError: *" \
	check_as flaky check_tc_balance "${C[@]}" --cache-dir "$CACHE" --cache-ttl 1
expect "--cache-stale-on-error serves it and says how old" 0 \
	"TC BALANCE OK - ${Y}12,345.67 available (stale data, [0-9]* s old) | *" \
	check_as flaky check_tc_balance "${C[@]}" --cache-dir "$CACHE" --cache-ttl 1 --cache-stale-on-error
expect_line "the failure is named" "stale: the API failed (DescribeAccountBalance failed: InternalError: *"
f=$(grep -l '"RealBalance":1234567' "$dir"/*.cache)
sed -i "1s/^tc-billing-cache 1 [0-9]* /tc-billing-cache 1 $(($(date +%s) - 2 * 86400)) /" "$f"
expect "an answer more than a day past its TTL is not served stale" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: InternalError: *" \
	check_as flaky check_tc_balance "${C[@]}" --cache-dir "$CACHE" --cache-ttl 1 --cache-stale-on-error

# ---- 200 checks for 4 accounts at once, with the documented rate limit of 20/s
fleet() {
	local cache_args=$1
	: >"$WORK/fleet.out"
	for i in $(seq 1 50); do
		for a in 1 2 3 4; do
			c=balance
			[ $((i % 3)) = 1 ] && c=runway
			[ $((i % 3)) = 2 ] && c=allocation
			echo "$a $c"
		done
	done | xargs -P 40 -n 2 sh -c '
		TENCENTCLOUD_SECRET_ID=$(. "$top_srcdir/sim/scenarios/keys.sh"; key_id fleet-$0) \
		TENCENTCLOUD_SECRET_KEY=$(. "$top_srcdir/sim/scenarios/keys.sh"; key_secret fleet-$0) \
		"$PLUGINS/check_tc_$1" --endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem" \
			-w 1: -c 0: '"$cache_args"' | head -n 1' >>"$WORK/fleet.out"
}
export PLUGINS PORT_api WORK top_srcdir
reset
fleet "--cache-dir $WORK/fleet-cache --cache-ttl 300"
total=$(wc -l <"$WORK/fleet.out")
unknown=$(grep -c ' UNKNOWN - ' "$WORK/fleet.out")
[ "$total" = 200 ] && [ "$unknown" = 0 ] && ok "with the cache: 200 checks, every one with its real state" ||
	not_ok "with the cache: states" "total $total, unknown $unknown" "$(grep UNKNOWN "$WORK/fleet.out" | head -3)"
max=0
for a in 1 2 3 4; do
	for act in DescribeAccountBalance DescribeCostExplorerSummary DescribeOrgMemberAccountBalance; do
		n=$(counter "account_action:fleet-$a/$act")
		[ "$n" -gt "$max" ] && max=$n
	done
done
echo "# with the cache: $(counter total) requests for 200 checks, at most $max per account and action"
[ "$max" -le 1 ] && ok "with the cache: at most one request per account and action" ||
	not_ok "with the cache: at most one request per account and action" "max $max"
reset
fleet ""
unknown=$(grep -c ' UNKNOWN - ' "$WORK/fleet.out")
limited=$(counter total)
echo "# without the cache: $limited requests for 200 checks (rate-limited ones retried), $unknown UNKNOWN"
[ "$unknown" = 0 ] && ok "without the cache: retries absorb the rate limit, no UNKNOWN" ||
	{ grep -q ' UNKNOWN - .*RequestLimitExceeded' "$WORK/fleet.out" && [ "$(grep ' UNKNOWN - ' "$WORK/fleet.out" | grep -vc RequestLimitExceeded)" = 0 ] &&
		ok "without the cache: the $unknown UNKNOWN say RequestLimitExceeded" ||
		not_ok "without the cache" "$(grep UNKNOWN "$WORK/fleet.out" | head -3)"; }

# ---- what the cache must not do
# a wrong (or revoked) SecretKey with the same SecretId gets no cached answer
C2=(--cache-dir "$WORK/keyed")
expect "the right key fills the cache" 0 "$OK_MAIN" check_as ok check_tc_balance "${C[@]}" "${C2[@]}"
expect "the same SecretId with a wrong SecretKey: UNKNOWN, not the cached OK" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: AuthFailure.SignatureFailure: *" \
	env TENCENTCLOUD_SECRET_ID="$(key_id ok)" TENCENTCLOUD_SECRET_KEY=wrong-secret-key \
	"$PLUGINS/check_tc_balance" "${C[@]}" "${C2[@]}"
expect "nor with a session token added" 0 "$OK_MAIN" \
	env TENCENTCLOUD_SECRET_ID="$(key_id ok)" TENCENTCLOUD_SECRET_KEY="$(key_secret ok)" \
	TENCENTCLOUD_SESSION_TOKEN=another-token "$PLUGINS/check_tc_balance" "${C[@]}" "${C2[@]}"
[ "$(find "$WORK/keyed" -name '*.cache' | wc -l)" = 2 ] && ok "one entry per key and token" ||
	not_ok "one entry per key and token" "$(find "$WORK/keyed" -name '*.cache')"

# accounts of this test's own: answer once, then an auth or permission error; and
# one with 25 members (three pages of DescribeOrgMemberAccountBalance)
python3 - "$WORK/own.json" <<'PY'
import json, sys
def acct(name, uin, **kw):
    a = {"name": name, "uin": uin, "balance": {"cash": 1234567},
         "keys": [{"secret_id": "AKIDsimCACHE" + name.upper().replace("-", "") + "0" * 10,
                   "secret_key": "simSecret-%s-do-not-use" % name}]}
    a.update(kw)
    return a
def once_then(code):
    return {"DescribeAccountBalance": {"error": {"code": code, "message": "no"}, "after": 1}}
json.dump({"accounts": [
    acct("revoked", 180000000001, faults=once_then("AuthFailure.SecretIdNotFound")),
    acct("camnoauth", 180000000002, faults=once_then("UnauthorizedOperation.CamNoAuth")),
    acct("limited", 180000000003, faults=once_then("RequestLimitExceeded")),
    acct("members", 180000000004, members=[{"uin": 300000000001, "name": "m", "real": 500000, "repeat": 25}]),
    acct("fewmembers", 180000000005, members=[{"uin": 300000000101, "name": "m", "real": 500000, "repeat": 5}]),
]}, open(sys.argv[1], "w"))
PY
SCENARIO="$WORK/own.json" start_sim own tls
own() {
	local name=$1
	shift
	TENCENTCLOUD_SECRET_ID="AKIDsimCACHE$(echo "$name" | tr a-z- A-Z_ | tr -d _)0000000000" \
		TENCENTCLOUD_SECRET_KEY="simSecret-$name-do-not-use" "$@"
}
O=(--endpoint "https://127.0.0.1:$PORT_own" --cacert "$WORK/cert.pem" --cache-dir "$WORK/own" --cache-ttl 1 --cache-stale-on-error)
for a in revoked camnoauth limited; do
	expect "$a: first answer cached" 0 "$OK_LINE" own $a "$PLUGINS/check_tc_balance" "${O[@]}"
done
sleep 1.1
expect "a revoked key is not served stale" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: AuthFailure.SecretIdNotFound: *" \
	own revoked "$PLUGINS/check_tc_balance" "${O[@]}"
expect "a permission error is not served stale" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance refused: the key lacks CAM permission *" \
	own camnoauth "$PLUGINS/check_tc_balance" "${O[@]}"
expect "a rate limit is served stale" 0 "TC BALANCE OK - ${Y}12,345.67 available (stale data, [0-9]* s old) | *" \
	own limited "$PLUGINS/check_tc_balance" "${O[@]}" -t 2

# a read of several pages is all from one moment: its pages are not cached one by one
M=(--endpoint "https://127.0.0.1:$PORT_own" --cacert "$WORK/cert.pem" --cache-dir "$WORK/pages" -w 1: -c 0:)
expect "25 members, three pages" 0 "TC ALLOCATION OK - *" own members "$PLUGINS/check_tc_allocation" "${M[@]}"
n=$(find "$WORK/pages" -name '*.cache' | wc -l)
[ "$n" = 1 ] && ok "only the balance is cached, not the pages one by one" ||
	not_ok "only the balance is cached, not the pages one by one" "$n entries"
expect "members of one page are cached" 0 "TC ALLOCATION OK - *" own fewmembers "$PLUGINS/check_tc_allocation" "${M[@]}"
n=$(find "$WORK/pages" -name '*.cache' | wc -l)
[ "$n" = 3 ] && ok "a read of one page is cached" || not_ok "a read of one page is cached" "$n entries"

# a cache directory another user made (or can write) is not used, and the check
# still runs, saying so
mkdir -p "$WORK/theirs" "$WORK/open" "$WORK/sub"
chown nobody "$WORK/theirs"
chmod 777 "$WORK/open"
mkdir -p "$WORK/sub/tc-billing-$(id -u)"
chown nobody "$WORK/sub/tc-billing-$(id -u)"
for d in theirs open sub; do
	expect "cache in a directory of another user ($d): the check runs without it" 0 "$OK_MAIN" \
		check_as ok check_tc_balance "${C[@]}" --cache-dir "$WORK/$d"
	expect_line "and says why ($d)" "cache not used: *"
done
expect "a read of several pages without a usable cache" 0 "TC ALLOCATION OK - *" \
	own members "$PLUGINS/check_tc_allocation" "${M[@]}" --cache-dir "$WORK/theirs"
expect_line "says the cache was not used" "cache not used: *"
[ -z "$(find "$WORK/theirs" "$WORK/open" -name '*.cache')" ] && ok "nothing was written there" ||
	not_ok "nothing was written there"

# -v adds what the run did to the long output: requests, retries, time, cache use
V=(--cache-dir "$WORK/verbose")
run check_as ok check_tc_balance "${C[@]}" "${V[@]}" -v
expect_line "-v: a request, a cache miss" "api: requests 1, retries 0, [0-9]* ms; cache: hits 0, misses 1; run: [0-9]* ms"
run check_as ok check_tc_balance "${C[@]}" "${V[@]}" -v
expect_line "-v: no request, a cache hit" "api: requests 0, retries 0, 0 ms; cache: hits 1, misses 0; run: [0-9]* ms"
run check_as retry-503 check_tc_balance "${C[@]}" -v
expect_line "-v: a retry, no cache" "api: requests 2, retries 1, [0-9]* ms; cache: off; run: [0-9]* ms"
run check_as ok check_tc_balance "${C[@]}"
has_line "api: *" && not_ok "without -v, no such line" "$OUT" || ok "without -v, no such line"

finish

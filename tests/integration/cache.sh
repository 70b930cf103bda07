#!/bin/bash
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

finish

#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The fault matrix: every check against every way the truth can fail to arrive.
# Each case must end UNKNOWN (exit 3), in one line naming the cause (with the
# RequestId when the API gave one), within -t + 1 s. Prints the matrix as a table:
#   top_srcdir=. top_builddir=_build bash tests/integration/faults.sh | grep '^#'
. "$top_srcdir/tests/integration/lib.sh"

T=2 # -t for every case
CHECKS=(balance pending vouchers allocation runway)

# name | simulator fault (JSON, for every action of the account) | expected words
# One row per path the checks take (gcov of lib/ and plugins/ over a run of the five
# checks tells them apart): one 5xx, as every status from 500 retries the same way
# until -t; one RequestLimitExceeded, the sub-code one, as every code with that prefix
# is retried; the two codes named as a missing CAM permission; and InternalError for
# every other error code, which all end in the same "<Action> failed: <Code>: <text>"
# line (the unit tests of lib/api.c hold the list of transient and permission codes).
FAULTS=$(
	cat <<'LIST'
http-500|{"http_status":500}|HTTP 500
slow|{"delay_ms":10000}|timed out after 2 s
stall|{"body":"stall"}|timed out after 2 s
malformed|{"body":"malformed"}|malformed JSON
truncated|{"body":"truncated"}|truncated JSON
empty|{"body":"empty"}|empty body
not-json|{"body":"not_json"}|malformed JSON
oversized|{"body":"oversized"}|larger than
missing-fields|{"body":"bare"}|is missing
wrong-types|{"body":"strings"}|field
nulls|{"body":"nulls"}|is missing
arrays|{"body":"arrays"}|field
absurd|{"body":"absurd"}|field
negative|{"body":"negative"}|negative
AuthFailure.UnauthorizedOperation|{"error":{"code":"AuthFailure.UnauthorizedOperation","message":"no"}}|lacks CAM permission
UnauthorizedOperation.CamNoAuth|{"error":{"code":"UnauthorizedOperation.CamNoAuth","message":"no"}}|lacks CAM permission
RequestLimitExceeded.UinLimitExceeded|{"error":{"code":"RequestLimitExceeded.UinLimitExceeded","message":"too many"}}|RequestLimitExceeded.UinLimitExceeded
InternalError|{"error":{"code":"InternalError","message":"internal"}}|failed: InternalError: internal
LIST
)

# one account per fault, with data for every check, and the fault on every action
python3 - "$WORK/faults.json" "$FAULTS" <<'PY'
import json, sys
accounts = []
for line in sys.argv[2].splitlines():
    name, fault, _ = line.split("|")
    n = "fault-%03d" % (len(accounts) + 1)
    accounts.append({"name": n, "uin": 190000000000 + len(accounts),
        "keys": [{"secret_id": "AKIDsim" + n.upper().replace("-", "") + "0" * (26 - len(n)),
                  "secret_key": "simSecret-%s-do-not-use" % n}],
        "balance": {"cash": 1234567}, "deals": [{"id": "1", "status": 1, "age_minutes": 5, "amount": 1}],
        "vouchers": [{"id": "v", "balance": 100000000, "expires_in_days": 60}],
        "members": [{"uin": 300000000001, "name": "m", "real": 500000}], "spend": {"daily": "1.00"},
        "rate_limits": {"*": 1000000}, "faults": {"*": json.loads(fault)}})
accounts.append({"name": "f-ok", "uin": 199999999999,
    "keys": [{"secret_id": "AKIDsimFOK00000000000000000000", "secret_key": "simSecret-f-ok-do-not-use"}],
    "balance": {"cash": 1234567}, "deals": [], "vouchers": [], "members": [{"uin": 300000000001, "name": "m", "real": 500000}],
    "spend": {"daily": "1.00"}})
json.dump({"accounts": accounts}, open(sys.argv[1], "w"))
PY
SCENARIO="$WORK/faults.json"
start_sim api tls
start_sim skewed tls --clock-offset 600
E="https://127.0.0.1:$PORT_api"

TABLE="$WORK/table"
printf '%-40s' "fault \\ check" >"$TABLE"
for c in "${CHECKS[@]}"; do printf ' %-15s' "$c" >>"$TABLE"; done
echo >>"$TABLE"

# case NAME WORDS RID ARGS...: every check with ARGS; RID=1 when a RequestId is due
case_all() {
	local name=$1 words=$2 rid=$3 t=$T
	# 10 MB from an ASan simulator on a busy machine: the cap must be reached, not -t
	[ "$name" = oversized ] && t=6
	shift 3
	printf '%-40s' "$name" >>"$TABLE"
	local pids=""
	for c in "${CHECKS[@]}"; do
		(
			run "$@" "$PLUGINS/check_tc_$c" -t $t
			lines=$(printf '%s\n' "$OUT" | wc -l)
			good=1
			[ "$RC" -eq 3 ] && [ "$lines" -eq 1 ] && [[ $OUT == *" UNKNOWN - "*"$words"* ]] &&
				[ "$ELAPSED" -le $(((t + 1) * 1000)) ] && [ -z "$ERR" ] || good=0
			if [ "$rid" = 1 ] && [[ $OUT != *"(RequestId "*")" ]]; then good=0; fi
			printf '%s %s %d %s\n' "$good" "$RC" "$ELAPSED" "$OUT" >"$WORK/case.$c"
		) &
		pids="$pids $!"
	done
	# shellcheck disable=SC2086
	wait $pids
	for c in "${CHECKS[@]}"; do
		read -r good rc ms out <"$WORK/case.$c"
		state=$([ "$rc" = 3 ] && echo UNKNOWN || echo "EXIT-$rc")
		printf ' %-15s' "$state $(printf '%d.%01d' $((ms / 1000)) $((ms % 1000 / 100)))s" >>"$TABLE"
		if [ "$good" = 1 ]; then
			ok "$c / $name"
		else
			not_ok "$c / $name" "exit $rc after $ms ms: $out" "wanted: UNKNOWN naming '$words'"
		fi
	done
	echo >>"$TABLE"
}

# as_fault N: the environment of fault account N
i=0
while IFS='|' read -r name fault words; do
	i=$((i + 1))
	n=fault-$(printf %03d $i)
	rid=0
	[[ $fault == '{"error"'* || $fault == '{"body":"bare"}' || $fault == '{"body":"strings"}' ||
		$fault == '{"body":"nulls"}' || $fault == '{"body":"arrays"}' || $fault == '{"body":"absurd"}' ||
		$fault == '{"body":"negative"}' ]] && rid=1
	case_all "$name" "$words" "$rid" env TENCENTCLOUD_SECRET_ID="$(key_id "$n")" TENCENTCLOUD_SECRET_KEY="$(key_secret "$n")" \
		ARGS="--endpoint $E --cacert $WORK/cert.pem" sh -c 'exec "$0" $ARGS "$@"'
done <<<"$FAULTS"

OKENV=(env TENCENTCLOUD_SECRET_ID=AKIDsimFOK00000000000000000000 TENCENTCLOUD_SECRET_KEY=simSecret-f-ok-do-not-use)
case_all "connection refused" "cannot connect to 127.0.0.1:1" 0 "${OKENV[@]}" \
	ARGS="--endpoint https://127.0.0.1:1" sh -c 'exec "$0" $ARGS "$@"'
case_all "DNS failure" "cannot resolve" 0 "${OKENV[@]}" \
	ARGS="--endpoint https://tencentcloud-billing.invalid" sh -c 'exec "$0" $ARGS "$@"'
case_all "untrusted certificate" "TLS failure" 0 "${OKENV[@]}" \
	ARGS="--endpoint $E" sh -c 'exec "$0" $ARGS "$@"'
case_all "wrong secret" "AuthFailure.SignatureFailure" 1 env TENCENTCLOUD_SECRET_ID=AKIDsimFOK00000000000000000000 \
	TENCENTCLOUD_SECRET_KEY=wrong ARGS="--endpoint $E --cacert $WORK/cert.pem" sh -c 'exec "$0" $ARGS "$@"'
case_all "clock skew (SignatureExpire)" "AuthFailure.SignatureExpire" 1 "${OKENV[@]}" \
	ARGS="--endpoint https://127.0.0.1:$PORT_skewed --cacert $WORK/cert.pem" sh -c 'exec "$0" $ARGS "$@"'
case_all "no credentials" "no credentials found" 0 env -u TENCENTCLOUD_SECRET_ID -u TENCENTCLOUD_SECRET_KEY \
	ARGS="--endpoint $E --cacert $WORK/cert.pem --metadata-url http://127.0.0.1:1" sh -c 'exec "$0" $ARGS "$@"'

# A JSON bomb: 10 MB of {} (json-c spends about 1 KB on each), then one small
# enough to pass the size cap of DescribeAccountBalance; each costs a few MB at most.
rss_of() { "$top_builddir/bench/measure" 1 "$@" | awk '{print $4}'; }
for bytes in 10000000 60000; do
	start_hostile "bomb$bytes" bomb "$bytes"
	port=$(eval echo "\$PORT_bomb$bytes")
	want="TC BALANCE UNKNOWN - DescribeAccountBalance: response from 127.0.0.1:$port larger than 65536 bytes"
	[ "$bytes" -lt 65536 ] && want="TC BALANCE UNKNOWN - DescribeAccountBalance response: more than 256 JSON objects and arrays, more than this answer can hold"
	expect "a $bytes-byte {}-bomb is UNKNOWN" 3 "$want" \
		"${OKENV[@]}" "$PLUGINS/check_tc_balance" --endpoint "http://127.0.0.1:$port" -t 10
	kib=$(rss_of "${OKENV[@]}" "$PLUGINS/check_tc_balance" --endpoint "http://127.0.0.1:$port" -t 10)
	echo "# {}-bomb of $bytes bytes: peak RSS $kib KiB"
	[ "$kib" -lt 65536 ] && ok "the $bytes-byte bomb costs under 64 MB ($kib KiB)" ||
		not_ok "the $bytes-byte bomb costs under 64 MB" "$kib KiB"
done
start_hostile dup dupkeys
expect "an answer with a key twice is UNKNOWN" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance response: ambiguous JSON: an object has the same key twice" \
	"${OKENV[@]}" "$PLUGINS/check_tc_balance" --endpoint "http://127.0.0.1:$PORT_dup"

# a FIFO where the old textfile is: nothing is read before the deadline is armed, and
# nothing but a regular file is read at all
mkfifo "$WORK/fifo.prom"
run timeout 20 "${OKENV[@]}" "$PLUGINS/check_tc_balance" --endpoint "$E" --cacert "$WORK/cert.pem" -t $T \
	--textfile "$WORK/fifo.prom"
[ "$RC" -ne 124 ] && [ "$ELAPSED" -le $(((T + 1) * 1000)) ] &&
	ok "a FIFO at --textfile: done in $ELAPSED ms, exit $RC" ||
	not_ok "a FIFO at --textfile: bounded by -t" "exit $RC after $ELAPSED ms" "$OUT"
[ "$RC" = 0 ] && [ -f "$WORK/fifo.prom" ] && ok "the textfile replaced the FIFO" ||
	not_ok "the textfile replaced the FIFO" "exit $RC" "$OUT"

echo "# fault matrix: state and seconds of each check (-t $T)"
sed 's/^/# /' "$TABLE"
finish

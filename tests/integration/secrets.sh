#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Secrets stay secret: every program, in every format and at -vvv, with a
# recognisable fake SecretKey and session token; then every file the programs wrote
# (cache, textfiles) is searched for them too.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
SECRET=CANARY-SECRET-KEY-3f9a7c1e
TOKEN=CANARY-SESSION-TOKEN-b62d04
export TENCENTCLOUD_SECRET_ID=AKIDsimCANARY0000000000000 TENCENTCLOUD_SECRET_KEY=$SECRET TENCENTCLOUD_SESSION_TOKEN=$TOKEN
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem" --cache-dir "$WORK/cache")
ALL="$WORK/all-output"
: >"$ALL"
mkdir -p "$WORK/tf"
for p in balance pending vouchers allocation runway; do
	for f in nagios json prometheus; do
		"$PLUGINS/check_tc_$p" "${C[@]}" --format $f -vvv --textfile "$WORK/tf/$p.prom" >>"$ALL" 2>&1
	done
	# and failing: a wrong key id is refused by the service
	TENCENTCLOUD_SECRET_ID=AKIDnobody "$PLUGINS/check_tc_$p" "${C[@]}" -vvv >>"$ALL" 2>&1
done 2>/dev/null
mkdir -p "$WORK/tf"
"$PLUGINS/check_tc_balance" "${C[@]}" --textfile "$WORK/tf/balance.prom" >/dev/null
grep -q "DescribeAccountBalance" "$ALL" && ok "the -vvv trace was captured" || not_ok "the -vvv trace was captured"
grep -q "Authorization: (redacted)" "$ALL" && ok "Authorization shown as (redacted)" || not_ok "Authorization redacted"
for what in "$SECRET" "$TOKEN" "Signature="; do
	if grep -rqF -- "$what" "$ALL" "$WORK/cache" "$WORK/tf"; then
		not_ok "'$what' appears nowhere" "$(grep -rlF -- "$what" "$ALL" "$WORK/cache" "$WORK/tf")"
	else
		ok "'$what' appears in no output, cache file or textfile"
	fi
done
[ -n "$(find "$WORK/cache" -name '*.cache')" ] && ok "the cache was written (and searched)" || not_ok "the cache was written"

# a credentials file others can read gets a warning line
printf '[default]\nsecret_id = %s\nsecret_key = %s\ntoken = %s\n' AKIDsimCANARY0000000000000 "$SECRET" "$TOKEN" >"$WORK/open.ini"
chmod 644 "$WORK/open.ini"
run env -u TENCENTCLOUD_SECRET_ID "$PLUGINS/check_tc_balance" --endpoint "https://127.0.0.1:$PORT_api" \
	--cacert "$WORK/cert.pem" --credentials-file "$WORK/open.ini"
expect_line "a 0644 credentials file is warned about" \
	"warning: $WORK/open.ini can be read by group or others; chmod 600 it"
chmod 600 "$WORK/open.ini"
run env -u TENCENTCLOUD_SECRET_ID "$PLUGINS/check_tc_balance" --endpoint "https://127.0.0.1:$PORT_api" \
	--cacert "$WORK/cert.pem" --credentials-file "$WORK/open.ini"
has_line "warning: *chmod 600*" && not_ok "no warning for 0600" || ok "no warning for a 0600 file"
expect "a secret on the command line is refused" 3 "TC BALANCE UNKNOWN - secrets are not accepted on the command line*" \
	"$PLUGINS/check_tc_balance" --secret-key "$SECRET"
[[ $OUT == *"$SECRET"* ]] && not_ok "the refused secret is not echoed" || ok "the refused secret is not echoed"

# Every program at every -v level and in every format, with the cache and a textfile,
# with distinctive secrets planted: a session key and token from the environment; the
# CVM role's key and token from a metadata server; a proxy password in https_proxy
# (for a logging proxy the requests go through). None may show in stdout, stderr,
# the cache or a textfile; nor may the proxy password, base64-encoded as curl sends it.
start_sim meta http
start_hostile logproxy proxy "$WORK/proxy.log"
PROXY_PASS=CANARY-PROXY-PASSWORD-5e0b7a
S_ID=$(key_id session) S_KEY=$(key_secret session) S_TOKEN=simToken-session-do-not-use
R_KEY=simSecret-role-do-not-use R_TOKEN=simToken-role-do-not-use
PROXY_B64=$(printf 'monitor:%s' "$PROXY_PASS" | base64)
EVERY="$WORK/every-output"
: >"$EVERY"
mkdir -p "$WORK/tf-every"
runs=0
for source in env role; do
	for p in balance pending vouchers allocation runway; do
		for v in "" -v -vv -vvv; do
			for f in nagios json prometheus; do
				args=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem"
					--cache-dir "$WORK/cache-every" --format "$f"
					--textfile "$WORK/tf-every/$source-$p-$f${v}.prom" ${v:+"$v"})
				if [ $source = env ]; then
					env TENCENTCLOUD_SECRET_ID="$S_ID" TENCENTCLOUD_SECRET_KEY="$S_KEY" \
						TENCENTCLOUD_SESSION_TOKEN="$S_TOKEN" \
						https_proxy="http://monitor:$PROXY_PASS@127.0.0.1:$PORT_logproxy" \
						"$PLUGINS/check_tc_$p" "${args[@]}" >>"$EVERY" 2>&1
				else
					env -u TENCENTCLOUD_SECRET_ID -u TENCENTCLOUD_SECRET_KEY -u TENCENTCLOUD_SESSION_TOKEN \
						https_proxy="http://monitor:$PROXY_PASS@127.0.0.1:$PORT_logproxy" \
						"$PLUGINS/check_tc_$p" "${args[@]}" --metadata-url "http://127.0.0.1:$PORT_meta" \
						>>"$EVERY" 2>&1
				fi
				runs=$((runs + 1))
			done
		done
	done
done
# and the refused forms: the password on the command line, and a wrong key
"$PLUGINS/check_tc_balance" --proxy "http://monitor:$PROXY_PASS@127.0.0.1:1" -vvv >>"$EVERY" 2>&1
env TENCENTCLOUD_SECRET_ID="$S_ID" TENCENTCLOUD_SECRET_KEY="$S_KEY-wrong" TENCENTCLOUD_SESSION_TOKEN="$S_TOKEN" \
	"$PLUGINS/check_tc_balance" --endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem" \
	--cache-dir "$WORK/cache-every" -vvv --cache-stale-on-error >>"$EVERY" 2>&1
echo "# $runs runs: 5 programs x 4 -v levels x 3 formats x 2 credential sources"
grep -q "CONNECT 127.0.0.1:$PORT_api" "$WORK/proxy.log" && ok "the requests went through the logging proxy" ||
	not_ok "the requests went through the logging proxy"
grep -q "TC BALANCE OK" "$EVERY" && grep -q "^> POST https://127.0.0.1:$PORT_api/" "$EVERY" &&
	grep -q "^api: requests" "$EVERY" && grep -q "credentials from CVM role" "$EVERY" &&
	ok "the runs answered, traced and said where the key came from" ||
	not_ok "the runs answered, traced and said where the key came from" "$(head -c 800 "$EVERY")"
[ -n "$(find "$WORK/cache-every" -name '*.cache')" ] && [ -n "$(find "$WORK/tf-every" -name '*.prom')" ] &&
	ok "the cache and the textfiles were written (and are searched)" || not_ok "the cache and the textfiles were written"
for what in "$S_KEY" "$S_TOKEN" "$R_KEY" "$R_TOKEN" "$PROXY_PASS" "$PROXY_B64" "Signature="; do
	if grep -rqF -- "$what" "$EVERY" "$WORK/cache-every" "$WORK/tf-every"; then
		not_ok "'$what' appears nowhere" "$(grep -rlF -- "$what" "$EVERY" "$WORK/cache-every" "$WORK/tf-every" | head -5)"
	else
		ok "'$what' appears in no output, cache file or textfile"
	fi
done

finish

#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every credential source of check_tc_balance, in the order of the chain, against the
# simulator; and what happens when none is there.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
start_sim meta http
E=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
NO_META=(--metadata-url http://127.0.0.1:1)
B=$PLUGINS/check_tc_balance
OK_LINE="TC BALANCE OK - "$'\xc2\xa5'"12,845.67 available | *"

printf '[default]\nsecret_id = %s\nsecret_key = %s\n' "$(key_id ok)" "$(key_secret ok)" >"$WORK/ok.ini"
printf '[default]\nsecret_id = %s\nsecret_key = %s\n' "$(key_id warning)" "$(key_secret warning)" >"$WORK/warning.ini"
chmod 600 "$WORK/ok.ini" "$WORK/warning.ini"

expect "--credentials-file" 0 "$OK_LINE" "$B" "${E[@]}" --credentials-file "$WORK/ok.ini"
expect "--credentials-file wins over the environment" 0 "$OK_LINE" \
	env TENCENTCLOUD_SECRET_ID="$(key_id warning)" TENCENTCLOUD_SECRET_KEY="$(key_secret warning)" \
	"$B" "${E[@]}" --credentials-file "$WORK/ok.ini"
expect "a named credentials file that is missing is UNKNOWN, not a fallback" 3 \
	"TC BALANCE UNKNOWN - cannot open $WORK/nope.ini: No such file or directory" \
	env TENCENTCLOUD_SECRET_ID="$(key_id ok)" TENCENTCLOUD_SECRET_KEY="$(key_secret ok)" \
	"$B" "${E[@]}" --credentials-file "$WORK/nope.ini"
expect "environment" 0 "$OK_LINE" balance_as ok "${E[@]}"
expect "session token from TENCENTCLOUD_SESSION_TOKEN" 0 "TC BALANCE OK - "$'\xc2\xa5'"7,777.00 available | *" \
	with_env TENCENTCLOUD_SESSION_TOKEN=simToken-session-do-not-use balance_as session "${E[@]}"
expect "session token from tccli's TENCENTCLOUD_TOKEN" 0 "TC BALANCE OK - *" \
	with_env TENCENTCLOUD_TOKEN=simToken-session-do-not-use balance_as session "${E[@]}"
expect "temporary key without its token" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: AuthFailure.TokenFailure: *" \
	balance_as session "${E[@]}"
expect "only half of the environment pair" 3 \
	"TC BALANCE UNKNOWN - TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not" \
	env TENCENTCLOUD_SECRET_ID=AKIDx "$B" "${E[@]}"

mkdir -p "$HOME/.tccli"
printf '{"secretId": "%s", "secretKey": "%s"}\n' "$(key_id critical)" "$(key_secret critical)" \
	>"$HOME/.tccli/prod.credential"
expect "--profile (tccli)" 2 "TC BALANCE CRITICAL - *" "$B" "${E[@]}" --profile prod
expect "--profile that does not exist" 3 \
	"TC BALANCE UNKNOWN - cannot open $HOME/.tccli/staging.credential: No such file or directory" \
	"$B" "${E[@]}" --profile staging

expect "no credentials anywhere names every place looked" 3 \
	"TC BALANCE UNKNOWN - no credentials found: --credentials-file not given; TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY not set; --profile not given; $HOME/.tencentcloud/credentials not found; CVM role: cannot connect to 127.0.0.1:1: *" \
	"$B" "${E[@]}" "${NO_META[@]}"

expect "CVM role from the metadata service" 0 "$OK_LINE" \
	"$B" "${E[@]}" --metadata-url "http://127.0.0.1:$PORT_meta"

# The metadata service is plain HTTP and its answer is a key: it never goes through
# a proxy (a logging proxy would keep TmpSecretKey and Token), nor into -vvv.
start_hostile logproxy proxy "$WORK/proxy.log"
ROLE_SECRET=simSecret-role-do-not-use ROLE_TOKEN=simToken-role-do-not-use
expect "CVM role with http_proxy set" 0 "$OK_LINE" \
	with_env http_proxy="http://127.0.0.1:$PORT_logproxy" "$B" "${E[@]}" --metadata-url "http://127.0.0.1:$PORT_meta"
expect "CVM role with --proxy" 0 "$OK_LINE" \
	"$B" "${E[@]}" --metadata-url "http://127.0.0.1:$PORT_meta" --proxy "http://127.0.0.1:$PORT_logproxy"
touch "$WORK/proxy.log"
if grep -qF -e "$ROLE_SECRET" -e "$ROLE_TOKEN" -e "security-credentials" "$WORK/proxy.log"; then
	not_ok "the proxy saw no metadata request" "$(head -c 600 "$WORK/proxy.log")"
else
	ok "the proxy saw no metadata request"
fi
# the proxy does work: a request for the API through it is logged
with_env http_proxy="http://127.0.0.1:$PORT_logproxy" balance_as ok --endpoint "http://127.0.0.1:$PORT_meta" >/dev/null
grep -q "DescribeAccountBalance" "$WORK/proxy.log" && ok "the logging proxy logs what it relays" ||
	not_ok "the logging proxy logs what it relays"
run "$B" "${E[@]}" --metadata-url "http://127.0.0.1:$PORT_meta" -vvv
if [[ $ERR == *"$ROLE_SECRET"* || $ERR == *"$ROLE_TOKEN"* || $OUT == *"$ROLE_SECRET"* ]]; then
	not_ok "-vvv shows no role key or token" "$ERR"
else
	ok "-vvv shows no role key or token"
fi
grep -q '^< HTTP 200, [0-9]* bytes (not shown: credentials)$' "$WORK/stderr" &&
	ok "-vvv says the metadata answer is not shown" || not_ok "-vvv says the metadata answer is not shown" "$ERR"

# a password in --proxy is refused, and not echoed
PROXY_PASS=CANARY-PROXY-PASSWORD-91c2
expect "--proxy with a password is refused" 3 \
	"TC BALANCE UNKNOWN - --proxy must not carry a user name or password*https_proxy*" \
	"$B" "${E[@]}" --proxy "http://monitor:$PROXY_PASS@127.0.0.1:1"
[[ $OUT$ERR == *"$PROXY_PASS"* ]] && not_ok "the proxy password is not echoed" || ok "the proxy password is not echoed"

mkdir -p "$HOME/.tencentcloud"
cp "$WORK/warning.ini" "$HOME/.tencentcloud/credentials"
expect "~/.tencentcloud/credentials" 1 "TC BALANCE WARNING - *" "$B" "${E[@]}" "${NO_META[@]}"
expect "the environment wins over ~/.tencentcloud/credentials" 0 "$OK_LINE" balance_as ok "${E[@]}"

printf '[check_tc_balance]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\n[acct-b]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\n' \
	"$WORK/ok.ini" "$PORT_api" "$WORK/cert.pem" "$WORK/warning.ini" "$PORT_api" "$WORK/cert.pem" >"$WORK/plugins.ini"
expect "--extra-opts with the program's section" 0 "$OK_LINE" "$B" --extra-opts "@$WORK/plugins.ini"
expect "--extra-opts=SECTION@FILE, one section per account" 1 "TC BALANCE WARNING - *" \
	"$B" "--extra-opts=acct-b@$WORK/plugins.ini"
expect "a secret on the command line is refused" 3 \
	"TC BALANCE UNKNOWN - secrets are not accepted on the command line, where ps shows them: use --credentials-file (also in --extra-opts) or TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY" \
	"$B" "${E[@]}" --secret-key=abc

finish

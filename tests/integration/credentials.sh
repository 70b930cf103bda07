#!/bin/bash
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

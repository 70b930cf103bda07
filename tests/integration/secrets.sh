#!/bin/bash
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

finish

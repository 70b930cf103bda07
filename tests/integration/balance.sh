#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_tc_balance against the simulator over HTTPS: every state, and every way the
# truth can fail to arrive, each with its exit status and exact first line.
. "$top_srcdir/tests/integration/lib.sh"

start_sim api tls
E="https://127.0.0.1:$PORT_api"
C=(--endpoint "$E" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
RID='\(RequestId ????????-????-4???-????-????????????\)'

expect "OK account" 0 \
	"TC BALANCE OK - ${Y}12,845.67 available | 'balance_cny'=12845.67;3000:;1000:;; 'cash_cny'=12345.67;;;; 'gift_cny'=500;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=0;;;0;" \
	balance_as ok "${C[@]}"
if [ "$OUT" = "TC BALANCE OK - ${Y}12,845.67 available | 'balance_cny'=12845.67;3000:;1000:;; 'cash_cny'=12345.67;;;; 'gift_cny'=500;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=0;;;0;
available balance: ${Y}12,845.67
cash: ${Y}12,345.67
gift: ${Y}500.00
income: ${Y}0.00
frozen: ${Y}0.00
owed: ${Y}0.00
account UIN: 100000000001" ]; then ok "OK account long output"; else not_ok "OK account long output" "$OUT"; fi

expect "WARNING account" 1 \
	"TC BALANCE WARNING - ${Y}2,500.00 available (warning: below ${Y}3,000.00) | 'balance_cny'=2500;3000:;1000:;; 'cash_cny'=2500;;;; 'gift_cny'=0;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=0;;;0;" \
	balance_as warning "${C[@]}"
expect "CRITICAL account" 2 \
	"TC BALANCE CRITICAL - ${Y}500.00 available (critical: below ${Y}1,000.00) | 'balance_cny'=500;3000:;1000:;; 'cash_cny'=500;;;; 'gift_cny'=0;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=0;;;0;" \
	balance_as critical "${C[@]}"
expect "balance exactly on the warning bound is OK" 0 \
	"TC BALANCE OK - ${Y}3,000.00 available | *" balance_as edge "${C[@]}"
expect "one cent more than -w 3000.01: warns" 1 \
	"TC BALANCE WARNING - ${Y}3,000.00 available (warning: below ${Y}3,000.01) | 'balance_cny'=3000;3000.01:;1000:;; *" \
	balance_as edge "${C[@]}" -w 3000.01:
expect "custom thresholds" 0 "TC BALANCE OK - ${Y}500.00 available | 'balance_cny'=500;400:;100:;; *" \
	balance_as critical "${C[@]}" -w 400: -c 100:
expect "arrears is CRITICAL whatever the thresholds" 2 \
	"TC BALANCE CRITICAL - in arrears: ${Y}1,234.56 owed, -${Y}1,234.56 available | 'balance_cny'=-1234.56;~:;~:;; 'cash_cny'=0;;;; 'gift_cny'=0;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=1234.56;;;0;" \
	balance_as arrears "${C[@]}" -w '~:' -c '~:'
expect "credit account judged on available credit" 0 \
	"TC BALANCE OK - ${Y}95,000.00 available credit of ${Y}100,000.00 limit | 'balance_cny'=-5000;;;; 'cash_cny'=0;;;; 'gift_cny'=0;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=5000;;;0; 'credit_limit_cny'=100000;;;0; 'credit_available_cny'=95000;3000:;1000:;;" \
	balance_as credit "${C[@]}"
case $OUT in *"credit limit: ${Y}100,000.00"*"available credit: ${Y}95,000.00"*) ok "credit breakdown in long output" ;;
*) not_ok "credit breakdown in long output" "$OUT" ;; esac
expect "frozen funds are not available" 0 \
	"TC BALANCE OK - ${Y}6,000.00 available | 'balance_cny'=6000;3000:;1000:;; 'cash_cny'=8000;;;; 'gift_cny'=0;;;0; 'income_cny'=0;;;; 'frozen_cny'=2000;;;0; 'owed_cny'=0;;;0;" \
	balance_as frozen "${C[@]}"
expect "cents written as JSON floats (1234567.0)" 0 \
	"TC BALANCE OK - ${Y}12,345.67 available | 'balance_cny'=12345.67;*" balance_as floatcents "${C[@]}"
expect "international site: USD" 0 \
	"TC BALANCE OK - \$12,845.67 available | 'balance_usd'=12845.67;3000:;1000:;; *" \
	balance_as ok "${C[@]}" --site intl
expect "--currency overrides the site's" 0 \
	"TC BALANCE OK - 12,845.67 EUR available | 'balance_eur'=12845.67;*" \
	balance_as ok "${C[@]}" --currency EUR

# ---- the truth does not arrive: UNKNOWN, one line, never OK
expect "missing permission (AuthFailure.UnauthorizedOperation)" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance refused: the key lacks CAM permission billing:DescribeAccountBalance (AuthFailure.UnauthorizedOperation) $RID" \
	balance_as denied "${C[@]}"
expect "missing permission (UnauthorizedOperation.CamNoAuth)" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance refused: the key lacks CAM permission billing:DescribeAccountBalance (UnauthorizedOperation.CamNoAuth) $RID" \
	balance_as camnoauth "${C[@]}"
expect "wrong secret key" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: AuthFailure.SignatureFailure: The provided credentials could not be validated. Please check your signature is correct. $RID" \
	env TENCENTCLOUD_SECRET_ID="$(key_id ok)" TENCENTCLOUD_SECRET_KEY=not-the-secret \
	"$PLUGINS/check_tc_balance" "${C[@]}"
expect "unknown secret id" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: AuthFailure.SecretIdNotFound: *$RID" \
	env TENCENTCLOUD_SECRET_ID=AKIDnobody TENCENTCLOUD_SECRET_KEY=x "$PLUGINS/check_tc_balance" "${C[@]}"
expect "rate limited" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: RequestLimitExceeded: *$RID" \
	balance_as limited "${C[@]}"
expect "internal error of the service" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: InternalError: An internal error has occurred. Retry your request. $RID" \
	balance_as internal "${C[@]}"
expect "malformed JSON" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance response: malformed JSON at byte 50: quoted object property name expected" \
	balance_as malformed "${C[@]}"
expect "truncated JSON" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance response: truncated JSON (ends after * bytes)" \
	balance_as truncated "${C[@]}"
expect "empty body" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance response: empty body" \
	balance_as empty "${C[@]}"
expect "HTTP 502" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: HTTP 502 from 127.0.0.1:$PORT_api" \
	balance_as http502 "${C[@]}"
expect "oversized body" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance: response from 127.0.0.1:$PORT_api larger than 65536 bytes" \
	balance_as oversized "${C[@]}"
expect "wrong type" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance: field RealBalance: expected a number, got string $RID" \
	balance_as wrongtype "${C[@]}"
expect "missing field" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: field RealBalance is missing $RID" \
	balance_as missing "${C[@]}"
expect "null field" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: field OweAmount is missing $RID" \
	balance_as nullfield "${C[@]}"
expect "absurd amount" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance: field RealBalance: not a valid amount: 1e+30 (number too large) $RID" \
	balance_as absurd "${C[@]}"
expect "negative owed amount" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: field OweAmount is negative $RID" \
	balance_as negowe "${C[@]}"
expect "untrusted certificate (no --cacert)" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance: TLS failure with 127.0.0.1:$PORT_api: *certificate*" \
	balance_as ok --endpoint "$E"
expect "connection refused" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: cannot connect to 127.0.0.1:1: *" \
	balance_as ok --endpoint https://127.0.0.1:1
expect "DNS failure" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: cannot resolve no-such-host.invalid: *" \
	balance_as ok --endpoint https://no-such-host.invalid -t 5

expect "timeout honoured: -t 2 against a 10 s delay" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance: timed out after 2 s waiting for 127.0.0.1:$PORT_api" \
	balance_as slow "${C[@]}" -t 2
if [ "$ELAPSED" -ge 1500 ] && [ "$ELAPSED" -lt 3000 ]; then ok "timeout ended after ${ELAPSED} ms (1.5 s to -t + 1 s)"
else not_ok "timeout ended after ${ELAPSED} ms, not about 2 s"; fi
expect "-t 2:CRITICAL chooses the timeout state" 2 \
	"TC BALANCE CRITICAL - DescribeAccountBalance: timed out after 2 s waiting for 127.0.0.1:$PORT_api" \
	balance_as slow "${C[@]}" -t 2:CRITICAL

start_sim skewed tls --clock-offset 600
expect "clock skew: SignatureExpire" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance failed: AuthFailure.SignatureExpire: *$RID" \
	balance_as ok --endpoint "https://127.0.0.1:$PORT_skewed" --cacert "$WORK/cert.pem"

# What Tencent sends: the Uin as a string (official example 2021-2025) or not at all is
# display only; temporary credit shown (asked for with TempCredit: true); on the
# international site cash, income and gift ("not applied") are not shown as zeros.
expect "Uin as a string" 0 "TC BALANCE OK - ${Y}5,000.00 available | *" balance_as bal-uin-string "${C[@]}"
expect_line "the string Uin is shown" "account UIN: 90961"
expect "no Uin at all" 0 "TC BALANCE OK - ${Y}5,000.00 available | *" balance_as bal-no-uin "${C[@]}"
expect "temporary credit" 0 "TC BALANCE OK - ${Y}5,000.00 available | *" balance_as bal-temp-credit "${C[@]}"
expect_line "temporary credit is shown" "temporary credit: ${Y}2,000.00"
expect "international site: no zero cash, income, gift" 0 \
	"TC BALANCE OK - \$12,500.00 available | 'balance_usd'=12500;3000:;1000:;; 'frozen_usd'=0;;;0; 'owed_usd'=0;;;0;" \
	balance_as bal-intl "${C[@]}" --site intl
if has_line "cash: *" || has_line "gift: *" || has_line "income: *"; then
	not_ok "no not-applied lines" "$OUT"
else
	ok "no not-applied lines"
fi

finish

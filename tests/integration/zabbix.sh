#!/bin/bash
# Zabbix: the external-script wrapper, the template checked against real JSON output of
# every check, and the Lark webhook media type run by Debian's zabbix_js.
. "$top_srcdir/tests/integration/lib.sh"

need_tool ZJS zabbix-proxy-sqlite3 zabbix_js
python3 -c 'import yaml' 2>/dev/null || skip_all "python3-yaml missing: apt-get install python3-yaml"
Z="$top_builddir/zabbix"
export TC_PLUGIN_DIR=$PLUGINS

start_sim api tls
INI="$WORK/tc-billing.ini"
: >"$INI"
for a in ok credit denied pend-warn org-allocate vouch-warn vouch-none run-ok run-none; do
	printf '[default]\nsecret_id = %s\nsecret_key = %s\n' "$(key_id "$a")" "$(key_secret "$a")" >"$WORK/$a.cred"
	printf '[%s]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\n' \
		"$a" "$WORK/$a.cred" "$PORT_api" "$WORK/cert.pem" >>"$INI"
done
printf '[run-budget]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\nbudget=100000\n' \
	"$WORK/run-ok.cred" "$PORT_api" "$WORK/cert.pem" >>"$INI"

run "$Z/tc_billing.sh" balance "--extra-opts=ok@$INI"
[ "$RC" -eq 0 ] && [[ $OUT == '{"program":"check_tc_balance","check":"balance","account":"default","state":"OK",'* ]] &&
	[ -z "$ERR" ] && ok "wrapper: JSON of an OK check, exit 0" || not_ok "wrapper OK" "$OUT" "$ERR"
run "$Z/tc_billing.sh" balance "--extra-opts=denied@$INI"
[ "$RC" -eq 0 ] && [[ $OUT == *'"state":"UNKNOWN","state_code":3,'*'"error":{"kind":"api","code":"AuthFailure.UnauthorizedOperation"'* ]] &&
	ok "wrapper: an UNKNOWN check still exits 0 with its JSON" || not_ok "wrapper UNKNOWN" "$OUT"
run "$Z/tc_billing.sh" "nosuch;rm"
[ "$RC" -eq 0 ] && [ "$OUT" = '{"state":"UNKNOWN","state_code":3,"summary":"tc_billing.sh: unknown check nosuchrm","metrics":[],"values":{}}' ] &&
	ok "wrapper: an unknown check is UNKNOWN JSON" || not_ok "wrapper unknown check" "$OUT"

python3 "$top_srcdir/tests/integration/zabbix_template.py" "$Z/template_tc_billing.yaml" "$Z/tc_billing.sh" "$INI" \
	"balance=ok,credit;pending=pend-warn;allocation=org-allocate;vouchers=vouch-warn,vouch-none;runway=run-budget,run-none" \
	>"$WORK/template.tap"
template_rc=$?
# renumber the script's TAP lines into this file's
while IFS= read -r line; do
	case $line in
	"ok "*) ok "${line#ok * - }" ;;
	"not ok "*) not_ok "${line#not ok * - }" ;;
	"#"*) echo "$line" ;;
	esac
done <"$WORK/template.tap"
[ $template_rc -eq 0 ] || not_ok "template checks exited $template_rc"

# the media type's script is lark_webhook.js, and zabbix_js runs it against a webhook
python3 - "$top_srcdir/zabbix/media_lark.yaml" "$top_srcdir/zabbix/lark_webhook.js" <<'PY' && ok "media type embeds lark_webhook.js verbatim" || not_ok "media type script"
import sys, yaml
m = yaml.safe_load(open(sys.argv[1]))["zabbix_export"]["media_types"][0]
sys.exit(0 if m["script"] == open(sys.argv[2]).read() and m["type"] == "WEBHOOK" else 1)
PY
python3 "$top_srcdir/tests/integration/lark_receiver.py" "$WORK/hook.port" "$WORK/hook.log" s3cr3t ok 2>/dev/null &
SIM_PIDS="$SIM_PIDS $!"
for _ in $(seq 1 100); do [ -s "$WORK/hook.port" ] && break; sleep 0.05; done
URL="http://127.0.0.1:$(cat "$WORK/hook.port")/open-apis/bot/v2/hook/t"
params() { printf '{"URL":"%s","Secret":"%s","Subject":"[High] tencentcloud: TC balance below 1000","Message":"balance 500.00","Severity":"High","Status":"PROBLEM","HTTPProxy":""}' "$URL" "$1"; }
run "$ZJS" -s "$top_srcdir/zabbix/lark_webhook.js" -p "$(params s3cr3t)"
[ "$RC" -eq 0 ] && [ "${OUT##*$'\n'}" = OK ] && ok "zabbix_js: delivered" || not_ok "zabbix_js delivered" "$OUT"
case $(tail -n 1 "$WORK/hook.log") in *'"sign_ok": true'*'[High] tencentcloud: TC balance below 1000'*'"template": "red"'*) ok "zabbix_js: signed like notify_tc_lark, red card" ;;
*) not_ok "zabbix_js signature" "$(tail -n 1 "$WORK/hook.log")" ;; esac
run "$ZJS" -s "$top_srcdir/zabbix/lark_webhook.js" -p "$(params wrong)"
[ "$RC" -ne 0 ] && [[ $OUT == *"Lark notification failed: Lark refused the message: code 19021"* ]] &&
	ok "zabbix_js: a wrong secret fails with Lark's code" || not_ok "zabbix_js wrong secret" "$OUT"

finish

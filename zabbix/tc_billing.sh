#!/bin/sh
# Zabbix external script for tc-billing-plugins: runs one check with --format json and
# prints only that JSON on stdout, always exiting 0 (Zabbix ignores exit codes and
# would add stderr to the value). Install into Zabbix's ExternalScripts directory
# (Debian: /etc/zabbix/externalscripts; Zabbix packages: /usr/lib/zabbix/externalscripts).
#
# usage: tc_billing.sh CHECK [OPTIONS...]   e.g. tc_billing.sh balance --extra-opts=main@/etc/zabbix/tc-billing.ini
# CHECK is balance, pending, allocation, vouchers or runway. Keep credentials in the
# ini file (credentials-file=...), never in the item key.
PLUGINS=${TC_PLUGIN_DIR:-/usr/lib/nagios/plugins}
check=$1
case "$check" in
balance | pending | allocation | vouchers | runway) ;;
*)
	printf '{"state":"UNKNOWN","state_code":3,"summary":"tc_billing.sh: unknown check %s","metrics":[],"values":{}}\n' \
		"$(printf '%s' "$check" | tr -cd 'a-z_')"
	exit 0
	;;
esac
shift
out=$("$PLUGINS/check_tc_$check" --format json "$@" 2>/dev/null)
if [ -z "$out" ]; then
	printf '{"state":"UNKNOWN","state_code":3,"summary":"check_tc_%s printed nothing","metrics":[],"values":{}}\n' "$check"
else
	printf '%s\n' "$out"
fi
exit 0

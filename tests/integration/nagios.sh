#!/bin/bash
# Nagios 4 and Icinga 2 with the shipped files: nagios4 -v accepts them, a real
# Nagios daemon runs check_tc_balance against the simulator and records its state and
# perfdata, and icinga2 daemon -C accepts the CheckCommands and apply rules.
. "$top_srcdir/tests/integration/lib.sh"

need_tool NAGIOS nagios4-core nagios4 /usr/sbin/nagios4
need_tool ICINGA icinga2-bin icinga2 /usr/sbin/icinga2

start_sim api tls
N="$WORK/nagios"
mkdir -p "$N/objects" "$N/checkresults"
printf '[default]\nsecret_id = %s\nsecret_key = %s\n' "$(key_id warning)" "$(key_secret warning)" \
	>"$N/main.credentials"
chmod 600 "$N/main.credentials"
cat >"$N/accounts.ini" <<INI
[main]
credentials-file=$N/main.credentials
endpoint=https://127.0.0.1:$PORT_api
cacert=$WORK/cert.pem
INI
cat >"$N/resource.cfg" <<CFG
\$USER1\$=$PLUGINS
\$USER10\$=$N/accounts.ini
\$USER11\$=$N/lark.ini
CFG
cat >"$N/nagios.cfg" <<CFG
log_file=$N/nagios.log
resource_file=$N/resource.cfg
cfg_file=$top_builddir/nagios/tc-billing-commands.cfg
cfg_file=$top_srcdir/nagios/tc-billing-templates.cfg
cfg_file=$top_srcdir/nagios/tc-billing-example.cfg
object_cache_file=$N/objects.cache
precached_object_file=$N/objects.precache
status_file=$N/status.dat
state_retention_file=$N/retention.dat
retain_state_information=0
check_result_path=$N/checkresults
command_file=$N/nagios.cmd
query_socket=$N/nagios.qh
lock_file=$N/nagios.pid
temp_file=$N/nagios.tmp
temp_path=$N
nagios_user=$(id -un)
nagios_group=$(id -gn)
use_syslog=0
log_rotation_method=n
enable_notifications=0
check_workers=1
status_update_interval=1
service_inter_check_delay_method=n
host_inter_check_delay_method=n
illegal_macro_output_chars=\`~\$&|'"<>
CFG

run "$NAGIOS" -v "$N/nagios.cfg"
if [ "$RC" -eq 0 ] && [[ $OUT == *"Total Errors:   0"* ]]; then
	ok "nagios4 -v accepts the shipped commands, templates and example"
else
	not_ok "nagios4 -v" "$OUT"
fi
[[ $OUT == *"Checked 5 services."* ]] && ok "five services, one per check" || not_ok "five services" "$OUT"

"$NAGIOS" "$N/nagios.cfg" >"$N/daemon.out" 2>&1 &
NP=$!
# the servicestatus block of the balance service
balance_block() {
	awk '/service_description=Tencent Cloud balance/{b=1} b&&/^\t}/{exit} b' "$1" 2>/dev/null
}
for _ in $(seq 1 300); do
	if [ -f "$N/status.dat" ] && cp "$N/status.dat" "$N/snapshot" 2>/dev/null &&
		balance_block "$N/snapshot" | grep -q $'^\thas_been_checked=1'; then
		break
	fi
	sleep 0.1
done
kill "$NP" 2>/dev/null
wait "$NP" 2>/dev/null
OUT=$(balance_block "$N/snapshot")
expect_line "Nagios ran check_tc_balance: WARNING" $'\tcurrent_state=1'
expect_line "Nagios recorded the summary" $'\tplugin_output=TC BALANCE WARNING - \xc2\xa52,500.00 available (warning: below \xc2\xa53,000.00)'
expect_line "Nagios recorded the perfdata" \
	$'\tperformance_data=\'balance_cny\'=2500;3000:;1000:;; \'cash_cny\'=2500;;;; *'
expect_line "Nagios recorded the long output" $'\tlong_plugin_output=available balance: *'

# Icinga 2: the CheckCommands and the apply rules, for two accounts
I="$WORK/icinga"
mkdir -p "$I/run" "$I/cache" "$I/data" "$I/log" "$I/spool"
cat >"$I/icinga2.conf" <<CONF
const PluginContribDir = "$PLUGINS"
include "$top_builddir/nagios/icinga2/tc-billing-commands.conf"
include "$top_builddir/nagios/icinga2/tc-billing-services.conf"
object CheckCommand "dummy" { command = [ "/bin/true" ] }
object Host "tencentcloud" {
	check_command = "dummy"
	vars.tc_accounts["main"] = {
		tc_credentials_file = "$N/main.credentials"
		tc_endpoint = "https://127.0.0.1:$PORT_api"
		tc_balance_warning = "5000:"
	}
	vars.tc_accounts["group"] = {
		tc_extra_opts = "main@$N/accounts.ini"
		tc_checks = [ "balance", "allocation" ]
	}
}
CONF
D=(-DRunAsUser="$(id -un)" -DRunAsGroup="$(id -gn)" -DCacheDir="$I/cache" -DDataDir="$I/data"
	-DInitRunDir="$I/run" -DLogDir="$I/log" -DSpoolDir="$I/spool")
run "$ICINGA" daemon -C -c "$I/icinga2.conf" "${D[@]}"
if [ "$RC" -eq 0 ] && [[ $OUT == *"Finished validating the configuration file(s)."* ]]; then
	ok "icinga2 daemon -C accepts the CheckCommands and apply rules"
else
	not_ok "icinga2 daemon -C" "$OUT"
fi
[[ $OUT == *"6 Services."* ]] && ok "apply rules: 4 services for main, 2 for group" ||
	not_ok "apply rules made 6 services" "$OUT"
[[ $OUT == *"Instantiated 6 CheckCommands."* ]] && ok "five CheckCommands (and the test's dummy)" ||
	not_ok "the CheckCommands" "$OUT"
[[ $OUT == *"Instantiated 1 NotificationCommand."* ]] && ok "the Lark NotificationCommand" ||
	not_ok "the Lark NotificationCommand" "$OUT"

finish

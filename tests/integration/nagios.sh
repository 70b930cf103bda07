#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Nagios 4 and Icinga 2 deployed as shipped: `make install` with the default prefix,
# the files copied as the README says, real daemons running every shipped service
# against the simulator for several accounts (normal, credit line, non-admin,
# organization admin with allocation, one opted in to renewals, a broken section),
# each recorded result equal to the plugin run by hand, and CRITICAL, ACKNOWLEDGEMENT
# and RECOVERY notifications delivered through the shipped commands to a Lark receiver
# (notify_tc_lark) and, through notify_tc_chat (Nagios notify_tc_chat_service and
# _host, Icinga 2 tc-chat), to DingTalk (signed), Slack and JSON webhook receivers
# (and a host's to a WeCom bot), each request checked as chat.sh checks it, with API
# text full of shell metacharacters delivered intact and run by nobody.
. "$top_srcdir/tests/integration/lib.sh"

need_tool NAGIOS nagios4-core nagios4 /usr/sbin/nagios4
need_tool ICINGA icinga2-bin icinga2 /usr/sbin/icinga2

# make install into a scratch root; the directories are the build's (scripts/build:
# the default prefix, /usr/local)
ROOT=$WORK/root
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$top_builddir" install DESTDIR="$ROOT" \
	>"$WORK/install.log" 2>&1 || { echo "Bail out! make install failed"; cat "$WORK/install.log"; exit 1; }
IFS='|' read -r PLUGDIR ETCDIR SHAREDIR < <(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	make -s -C "$top_builddir" -f Makefile -f - tc-dirs <<'MK'
tc-dirs:
	@echo '$(plugindir)|$(sysconfdir)/$(PACKAGE)|$(pkgdatadir)'
MK
)
SHARE=$ROOT$SHAREDIR
ETC=$ROOT$ETCDIR
PLUG=$ROOT$PLUGDIR
[ -x "$PLUG/check_tc_balance" ] && [ -f "$SHARE/nagios/tc-billing-commands.cfg" ] ||
	{ echo "Bail out! make install did not put the plugins ($PLUG) or the Nagios files ($SHARE) where expected"; exit 1; }
# install_copy SRC DEST: cp as the README says; the one adaptation is that the
# directories the files name are under the scratch root
install_copy() { sed -e "s|$PLUGDIR/|$PLUG/|g" -e "s|$ETCDIR/|$ETC/|g" -e "s|$SHAREDIR/|$SHARE/|g" "$1" >"$2"; }

# Accounts in a scenario of the test's own: the API's text (a product name, an error
# message) carries shell metacharacters that must never run
P=$WORK/p
python3 - "$WORK/scenario.json" "$P" <<'PY'
import json, sys
out, p = sys.argv[1], sys.argv[2]
evil = 'X"$(touch %s1)"`touch %s2`\'q\'&&\\' % (p, p)  # 80 bytes at most
def acct(name, uin, **kw):
    key = "AKIDsim" + name.upper().replace("-", "") + "0" * 20
    d = {"name": name, "uin": uin, "keys": [{"secret_id": key[:32], "secret_key": "simSecret-%s-do-not-use" % name}]}
    d.update(kw)
    return d
json.dump({"accounts": [
    acct("main", 190000000001, balance={"cash": 400000},
         deals=[{"id": "20261120000301", "status": 1, "age_minutes": 50, "product": "CVM", "amount": 12000}],
         vouchers=[{"id": "v-1", "balance": 50000, "expires_in_days": 20, "products": "CVM"}],
         spend={"daily": "100.00", "today": "40.00"},
         renewals=[{"id": "ins-main-1", "name": "web-1", "expires_in_days": 20},
                   {"id": "ins-main-2", "flag": "NOTIFY_AND_AUTO_RENEW", "expires_in_days": 3}]),
    acct("credit", 190000000002, balance={"cash": 0, "owe": 500000, "credit": 10000000},
         spend={"daily": "1000.00", "today": "10.00"}),
    acct("plain", 190000000003, balance={"cash": 1000000}, spend={"daily": "10.00", "today": "1.00"}),
    acct("group-admin", 190000000004, balance={"cash": 1000000},
         members=[{"uin": 390000000001, "name": "team-a", "real": 500000},
                  {"uin": 390000000002, "name": "team-b", "real": 5000}],
         spend={"daily": "100.00", "today": "40.00"}),
    acct("notify", 190000000005, balance={"cash": 900000},
         deals=[{"id": "20261120000401", "status": 1, "age_minutes": 2880, "product": evil, "amount": 9900}],
         spend={"daily": "10.00", "today": "1.00"}),
]}, open(out, "w"))
PY
SCENARIO=$WORK/scenario.json
start_sim api tls
# key_id/key_secret of this scenario (the sim's rule, cut to 32 characters)
sid() { local k="AKIDsim$(echo "$1" | tr a-z A-Z | tr -d -)00000000000000000000"; echo "${k:0:32}"; }

# The accounts file, one section per account, as ACCOUNTS.md specifies
mkdir -p "$ETC"
for a in main credit plain group-admin notify; do
	printf '[default]\nsecret_id = %s\nsecret_key = simSecret-%s-do-not-use\n' "$(sid $a)" "$a" >"$ETC/$a.credentials"
	chmod 600 "$ETC/$a.credentials"
done
common() { printf 'credentials-file=%s/%s.credentials\nendpoint=https://127.0.0.1:%s\ncacert=%s\n' \
	"$ETC" "$1" "$PORT_api" "$WORK/cert.pem"; }
write_accounts() {
	{
		echo "[main]"; common main
		printf 'checks=balance,pending,vouchers,runway,renewals\nbalance.warning=5000:\nbalance.critical=1000:\n'
		printf 'pending.days=30\nrunway.window=7\nrunway.budget=40000\n'
		echo "[credit]"; common credit
		echo "[plain]"; common plain
		echo "[group-admin]"; common group-admin
		printf 'checks=balance,pending,vouchers,runway,allocation\nallocation.source=organization\n'
		printf 'allocation.warning=1000:\nallocation.critical=100:\n'
		echo "[broken]"; common main
		printf 'warning=3000:\n'
		echo "[notify]"; common notify
		printf '%s' "${NOTIFY_EXTRA:-}"
	} >"$ETC/accounts.ini.tmp"
	mv "$ETC/accounts.ini.tmp" "$ETC/accounts.ini"
}
write_accounts

# The Lark bot
SECRET=lark-test-secret-do-not-use
python3 "$top_srcdir/tests/integration/lark_receiver.py" "$WORK/hook.port" "$WORK/hook.log" "$SECRET" ok \
	2>"$WORK/hook.err" &
SIM_PIDS="$SIM_PIDS $!"
for _ in $(seq 1 100); do [ -s "$WORK/hook.port" ] && break; sleep 0.05; done
[ -s "$WORK/hook.port" ] || { echo "Bail out! the webhook receiver did not start"; exit 1; }
printf '[lark]\nwebhook = http://127.0.0.1:%s/open-apis/bot/v2/hook/t\nsecret = %s\n' \
	"$(cat "$WORK/hook.port")" "$SECRET" >"$ETC/lark.ini"
chmod 600 "$ETC/lark.ini"
touch "$WORK/hook.log"
# The WeCom bot of notify_tc_chat (its key= in the URL is its secret)
python3 "$top_srcdir/tests/integration/chat_receiver.py" wecom "$WORK/wecom.port" "$WORK/wecom.log" unused ok \
	2>"$WORK/wecom.err" &
SIM_PIDS="$SIM_PIDS $!"
for _ in $(seq 1 100); do [ -s "$WORK/wecom.port" ] && break; sleep 0.05; done
[ -s "$WORK/wecom.port" ] || { echo "Bail out! the WeCom receiver did not start"; exit 1; }
printf '[chat]\ntype = wecom\nwebhook = http://127.0.0.1:%s/cgi-bin/webhook/send?key=test-key\n' \
	"$(cat "$WORK/wecom.port")" >"$ETC/wecom.ini"
chmod 600 "$ETC/wecom.ini"
touch "$WORK/wecom.log"
# The DingTalk (signed), Slack and JSON webhook bots (lib.sh's receivers, as chat.sh
# starts them), their inis where the contacts and Notifications name them
BOTS="dingtalk slack webhook"
for t in $BOTS; do start_hook "$t" "bot-$t" ok "$ETC/$t.ini"; done
bots_have() {
	local t
	for t in $BOTS; do [ "$(requests "$WORK/bot-$t.log")" -ge "$1" ] || return 1; done
}
# wait_bots N: until every bot has N requests, 20 s at most
wait_bots() {
	local _
	for _ in $(seq 1 40); do bots_have "$1" && return 0; sleep 0.5; done
	return 1
}
# What a person reads on each platform, from the environment: the title's word W
# (CRITICAL, ACKNOWLEDGED, OK) for H / SV, and the text T exactly as the platform
# escapes it (DingTalk: < > [ ] full-width; Slack: & < > as entities); the JSON
# webhook's type K and source SRC
declare -A SHOWS
SHOWS[dingtalk]='b["markdown"]["title"] == "\uff3b%s\uff3d %s / %s" % (E["W"], E["H"], E["SV"]) and E["T"].translate({60: "\uff1c", 62: "\uff1e", 91: "\uff3b", 93: "\uff3d"}) in c'
SHOWS[slack]='b["blocks"][0]["text"]["text"] == ":%s: *[%s] %s / %s*" % ({"CRITICAL": "red_circle", "OK": "large_green_circle", "ACKNOWLEDGED": "large_blue_circle"}[E["W"]], E["W"], E["H"], E["SV"]) and E["T"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in "\n".join(x["text"]["text"] for x in b["blocks"] if "text" in x)'
SHOWS[webhook]='(b["word"], b["type"], b["host"], b["service"], b["source"]) == (E["W"], E["K"], E["H"], E["SV"], E["SRC"]) and E["T"] in b["text"]'
# bots_got N W K H SV T WHAT: the Nth request of every bot, as its platform documents
# it (CHAT_FORM) and showing that notification
bots_got() {
	local t
	export SRC W=$2 K=$3 H=$4 SV=$5 T=$6
	for t in $BOTS; do
		LOG=$WORK/bot-$t.log
		check_req "$SRC delivered $7 to the $t bot (notify_tc_chat)" \
			"(${CHAT_FORM[$t]}) and (lambda E: ${SHOWS[$t]})(__import__(\"os\").environ)" "$1"
	done
}
# wecom_delivered N STATE TEXT: the Nth message the WeCom bot got is WeCom markdown
# for STATE and carries TEXT intact
wecom_delivered() {
	python3 - "$WORK/wecom.log" "$@" <<'PY2'
import json, sys
log, n, state, text = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
lines = open(log).read().splitlines()
if len(lines) < n:
    sys.exit("only %d messages" % len(lines))
r = json.loads(lines[n - 1])
b = r["body"]
problems = []
if r["path"] != "/cgi-bin/webhook/send" or r["query"] != {"key": "test-key"}: problems.append("not the bot's URL")
if not isinstance(b, dict) or b.get("msgtype") != "markdown": problems.append("not WeCom markdown")
c = b.get("markdown", {}).get("content", "") if isinstance(b, dict) else ""
if state not in c: problems.append("no state " + state)
if text not in c: problems.append("text not intact: " + text)
if problems: sys.exit("; ".join(problems) + "\n" + lines[n - 1])
PY2
}
# deliveries: how many reached the bot (those matching HOOK_FILTER, a regex)
HOOK_FILTER=
deliveries() { grep -c -- "$HOOK_FILTER" "$WORK/hook.log"; }

# delivered N STATE TYPE TEXT: the Nth delivery is signed, for STATE, and carries TEXT
# exactly as one of the card's (or message's) strings' parts
delivered() {
	HOOK_FILTER=$HOOK_FILTER python3 - "$WORK/hook.log" "$@" <<'PY'
import json, os, re, sys
log, n, state, kind, text = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
lines = [l for l in open(log).read().splitlines() if re.search(os.environ["HOOK_FILTER"], l)]
if len(lines) < n:
    sys.exit("only %d deliveries" % len(lines))
d = json.loads(lines[n - 1])
strings = []
def walk(x):
    if isinstance(x, dict): [walk(v) for v in x.values()]
    elif isinstance(x, list): [walk(v) for v in x]
    elif isinstance(x, str): strings.append(x)
walk(d["body"])
blob = "\n".join(strings)
problems = []
if d["sign_ok"] is not True: problems.append("not signed")
if state not in blob: problems.append("no state " + state)
if kind not in blob: problems.append("no type " + kind)
if text not in blob: problems.append("text not intact: " + text)
if problems: sys.exit("; ".join(problems) + "\n" + lines[n - 1])
PY
}
# wait_deliveries N COMMAND...: runs COMMAND (forcing a check) until N deliveries, 20 s at most
wait_deliveries() {
	local want=$1 i
	shift
	for i in $(seq 1 40); do
		[ "$(deliveries)" -ge "$want" ] && return 0
		[ $((i % 2)) -eq 1 ] && "$@"
		sleep 0.5
	done
	[ "$(deliveries)" -ge "$want" ]
}
# ack_and_recover DAEMON CMD FORCE HOST BALANCE PENDING EVIL: after the pending
# CRITICAL (EVIL, its output as the daemon passes it) and the balance's CRITICAL, an
# acknowledgement with a comment through the command pipe (CMD), the balance's
# RECOVERY, then the pending's (FORCE forces a service's check): Lark deliveries 3 to
# 5, and all five at each bot, each checked
ack_and_recover() {
	local daemon=$1 cmd=$2 force=$3 host=$4 balance=$5 pending=$6 evil=$7
	wait_bots 2
	"$cmd" "ACKNOWLEDGE_SVC_PROBLEM;$host;$balance;1;1;0;alice;topping up"
	wait_deliveries 3 true
	if OUT=$(delivered 3 CRITICAL ACKNOWLEDGEMENT "CRITICAL acknowledged by alice: topping up" 2>&1); then
		ok "$daemon delivered the acknowledgement, its author and comment"
	else
		not_ok "$daemon delivered the acknowledgement" "$OUT"
	fi
	wait_bots 3
	wait_deliveries 4 "$force" "$balance"
	if OUT=$(delivered 4 OK RECOVERY "TC BALANCE OK" 2>&1); then ok "$daemon delivered the balance's RECOVERY"; else
		not_ok "$daemon delivered the balance's RECOVERY" "$OUT"; fi
	wait_bots 4
	NOTIFY_EXTRA=$RECOVER write_accounts
	wait_deliveries 5 "$force" "$pending"
	if OUT=$(delivered 5 OK RECOVERY "TC PENDING OK" 2>&1); then ok "$daemon delivered the pending CRITICAL's RECOVERY"; else
		not_ok "$daemon delivered the pending RECOVERY" "$OUT"; fi
	wait_bots 5
	bots_got 1 CRITICAL PROBLEM "$host" "$pending" "$evil" "the pending CRITICAL, the API's text intact,"
	bots_got 2 CRITICAL PROBLEM "$host" "$balance" "$TAIL_OUT" "an output ending in a backslash intact"
	bots_got 3 ACKNOWLEDGED ACKNOWLEDGEMENT "$host" "$balance" "CRITICAL acknowledged by alice: topping up" "the acknowledgement"
	bots_got 4 OK RECOVERY "$host" "$balance" "TC BALANCE OK" "the balance's RECOVERY"
	bots_got 5 OK RECOVERY "$host" "$pending" "TC PENDING OK" "the pending RECOVERY"
}
no_pwned() { ! ls "$P"[0-9]* >/dev/null 2>&1; }
# compare MODE RESULTS: every service as recorded = the plugin by hand
compare() {
	local line status what why
	while IFS= read -r line; do
		status=${line%%$'\t'*}
		what=${line#*$'\t'}
		case $status in
		ok) ok "$1 recorded what the plugin prints by hand: $what" ;;
		count) [ "$what" = "$3" ] && ok "$1 ran $3 services" || not_ok "$1 ran $3 services" "it ran $what" ;;
		*) why=${what#*$'\t'}; not_ok "$1: ${what%%$'\t'*}" "$why" ;;
		esac
	done < <(python3 "$top_srcdir/tests/integration/monitor_results.py" "$1" "$2" "$PLUG" "$ETC/accounts.ini" "${@:4}")
}
# the pending CRITICAL as the plugin prints it by hand (Nagios turns ; into :), and a
# passive result that ends in a backslash
by_hand() { python3 "$top_srcdir/tests/integration/monitor_results.py" first - "$PLUG" "$ETC/accounts.ini" "$@"; }
EVIL_OUT=$(by_hand pending notify)
[[ $EVIL_OUT == *'"$(touch '"$P"'1)"`touch '"$P"'2`'"'q'&&"'\'* ]] && ok "the API's product name reaches the output" ||
	not_ok "the API's product name reaches the output" "$EVIL_OUT"
TAIL_OUT="TC BALANCE CRITICAL - \"\$(touch ${P}4)\" \`touch ${P}5\` 'q' && touch ${P}6 > ${P}7 \\"
RECOVER="pending.warning=100000
pending.critical=100000
"

###### Nagios 4 ######
# README: copy the shared files once and the example once per account
N=$WORK/nagios
CONF=$N/conf.d
mkdir -p "$CONF" "$N/checkresults"
for f in tc-billing-commands.cfg tc-billing-templates.cfg tc-billing-services.cfg; do
	install_copy "$SHARE/nagios/$f" "$CONF/$f"
done
# main opts in to renewals as the example says: its commented hostgroups line
install_copy "$SHARE/nagios/tc-billing-example.cfg" "$WORK/example.cfg"
sed -e 's/^#\(\thostgroups\t+tc-billing-renewals\)$/\1/' "$WORK/example.cfg" >"$CONF/tencentcloud-main.cfg"
grep -q $'^\thostgroups\t+tc-billing-renewals$' "$CONF/tencentcloud-main.cfg" ||
	{ echo "Bail out! the example has no hostgroups +tc-billing-renewals line to uncomment"; exit 1; }
install_copy "$SHARE/nagios/tc-billing-example-admin.cfg" "$CONF/tencentcloud-group-admin.cfg"
for a in credit plain broken notify; do
	install_copy "$SHARE/nagios/tc-billing-example.cfg" "$WORK/example.cfg"
	sed -e "s/tencentcloud-main/tencentcloud-$a/" -e "s/_TC_ACCOUNT\tmain/_TC_ACCOUNT\t$a/" \
		"$WORK/example.cfg" >"$CONF/tencentcloud-$a.cfg"
done
# notify's DOWN/UP go to the WeCom bot too: the example's commented contacts line
sed -i -e 's/^#\(\tcontacts\t+tc-billing-wecom\)$/\1/' "$CONF/tencentcloud-notify.cfg"
grep -q $'^\tcontacts\t+tc-billing-wecom$' "$CONF/tencentcloud-notify.cfg" ||
	{ echo "Bail out! the example has no contacts +tc-billing-wecom line to uncomment"; exit 1; }
# a contact per bot, copied from tc-billing-wecom as the README says, and every
# service notifying them too: tc-billing-service lists them
for t in $BOTS; do
	awk '/^define contact \{/ {b = 1} b {print} b && /^\}/ {exit}' "$CONF/tc-billing-commands.cfg" |
		sed -e "s/tc-billing-wecom/tc-billing-$t/" -e "s|/wecom\.ini$|/$t.ini|"
done >"$CONF/tc-billing-bots.cfg"
[ "$(grep -c "_TC_CHAT_CONFIG.*/\(dingtalk\|slack\|webhook\).ini$" "$CONF/tc-billing-bots.cfg")" -eq 3 ] ||
	{ echo "Bail out! no tc-billing-wecom contact with a _TC_CHAT_CONFIG to copy"; exit 1; }
sed -i "/^\tname[[:space:]]*tc-billing-service$/,/^}/ s/^\(\tcontacts[[:space:]]*\)tc-billing-lark$/\1tc-billing-lark,tc-billing-dingtalk,tc-billing-slack,tc-billing-webhook/" \
	"$CONF/tc-billing-templates.cfg"
grep -q "tc-billing-lark,tc-billing-dingtalk" "$CONF/tc-billing-templates.cfg" ||
	{ echo "Bail out! tc-billing-service has no contacts tc-billing-lark line"; exit 1; }
cat >"$N/nagios.cfg" <<CFG
log_file=$N/nagios.log
cfg_dir=$CONF
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
check_workers=1
status_update_interval=1
service_inter_check_delay_method=n
host_inter_check_delay_method=n
allow_empty_hostgroup_assignment=0
enable_notifications=1
enable_environment_macros=1
CFG
# no illegal_macro_output_chars: Nagios's compiled-in default, nothing stripped

run "$NAGIOS" -v "$N/nagios.cfg"
if [ "$RC" -eq 0 ] && [[ $OUT == *"Total Errors:   0"* ]]; then
	ok "nagios4 -v accepts the installed files and six accounts"
else
	not_ok "nagios4 -v" "$OUT"
fi
# 6 accounts x 4 checks, allocation for the one admin, renewals for main
[[ $OUT == *"Checked 26 services."* ]] && ok "26 services: four per account, allocation only for the admin, renewals for main" ||
	not_ok "26 services" "$OUT"

"$NAGIOS" "$N/nagios.cfg" >"$N/daemon.out" 2>&1 &
NP=$!
SIM_PIDS="$NP $SIM_PIDS"
# all_checked: every service block has has_been_checked=1 in a snapshot of status.dat
all_checked() {
	cp "$N/status.dat" "$N/snapshot" 2>/dev/null || return 1
	[ "$(grep -c $'^\thas_been_checked=1' <(awk '/^servicestatus/{b=1} b' "$N/snapshot"))" -eq 26 ]
}
for _ in $(seq 1 600); do all_checked && break; sleep 0.1; done
compare nagios "$N/snapshot" 26
OUT=$(cat "$N/snapshot")
has_line $'\thost_name=tencentcloud-plain' && ! grep -A1 $'^\thost_name=tencentcloud-plain' "$N/snapshot" |
	grep -q "allocation" && ok "no allocation service for an ordinary account" ||
	not_ok "no allocation service for an ordinary account"
svc_state() { awk -v h="$1" -v s="$2" '/^servicestatus/{b=1;hh="";ss=""} b&&$0=="\thost_name="h{hh=1} b&&$0=="\tservice_description="s{ss=1} b&&/^\tcurrent_state=/{if(hh&&ss){sub(/.*=/,"");print}} /^\t}/{b=0}' "$N/snapshot"; }
[ "$(svc_state tencentcloud-main "Tencent Cloud balance")" = 1 ] &&
	ok "main's balance.warning=5000: from the accounts file, not the default 3000:, made 4,000 a WARNING" ||
	not_ok "main's balance WARNING from balance.warning" "state $(svc_state tencentcloud-main "Tencent Cloud balance")"
[ "$(svc_state tencentcloud-group-admin "Tencent Cloud allocation")" = 2 ] &&
	ok "the admin's allocation: team-b is below 100 (CRITICAL)" ||
	not_ok "the admin's allocation CRITICAL" "state $(svc_state tencentcloud-group-admin "Tencent Cloud allocation")"
[ "$(svc_state tencentcloud-main "Tencent Cloud renewals")" = 1 ] &&
	ok "main's renewals: web-1, renewed by hand, expires in 20 days (WARNING)" ||
	not_ok "main's renewals WARNING" "state $(svc_state tencentcloud-main "Tencent Cloud renewals")"
[ -z "$(svc_state tencentcloud-plain "Tencent Cloud renewals")" ] && ok "no renewals service for an account that did not opt in" ||
	not_ok "no renewals service for plain"
[ "$(svc_state tencentcloud-broken "Tencent Cloud balance")" = 3 ] && ok "a broken section is UNKNOWN" ||
	not_ok "a broken section is UNKNOWN" "state $(svc_state tencentcloud-broken "Tencent Cloud balance")"

nagios_cmd() {
	timeout 5 sh -c 'printf "%s\n" "$1" >"$2"' sh "[$(date +%s)] $1" "$N/nagios.cmd"
}
force_nagios() { nagios_cmd "SCHEDULE_FORCED_SVC_CHECK;tencentcloud-notify;$1;$(date +%s)"; }
wait_deliveries 1 force_nagios "Tencent Cloud unpaid orders"
if OUT=$(delivered 1 CRITICAL PROBLEM "${EVIL_OUT//;/:}" 2>&1); then
	ok "Nagios delivered the CRITICAL with the API's product name intact"
else
	not_ok "Nagios delivered the CRITICAL intact" "$OUT"
fi
SRC=nagios
wait_bots 1
for _ in 1 2 3; do
	nagios_cmd "PROCESS_SERVICE_CHECK_RESULT;tencentcloud-notify;Tencent Cloud balance;2;$TAIL_OUT"
	sleep 0.3
done
wait_deliveries 2 true
if OUT=$(delivered 2 CRITICAL PROBLEM "$TAIL_OUT" 2>&1); then
	ok "Nagios delivered an output ending in a backslash, quotes, \$(...) and backticks intact"
else
	not_ok "Nagios delivered an output ending in a backslash intact" "$OUT"
fi
ack_and_recover Nagios nagios_cmd force_nagios tencentcloud-notify "Tencent Cloud balance" \
	"Tencent Cloud unpaid orders" "${EVIL_OUT//;/:}"
# the host notification command: an account's host reported DOWN, then UP
HOST_OUT="account gone \"\$(touch ${P}8)\" \`touch ${P}9\` \\"
nagios_cmd "PROCESS_HOST_CHECK_RESULT;tencentcloud-notify;1;$HOST_OUT"
wait_deliveries 6 true
if OUT=$(delivered 6 DOWN PROBLEM "$HOST_OUT" 2>&1); then ok "Nagios delivered a host DOWN intact"; else
	not_ok "Nagios delivered a host DOWN intact" "$OUT"; fi
for _ in $(seq 1 40); do [ "$(wc -l <"$WORK/wecom.log")" -ge 1 ] && break; sleep 0.5; done
if OUT=$(wecom_delivered 1 DOWN "$HOST_OUT" 2>&1); then
	ok "notify_tc_chat_host delivered the host DOWN to the WeCom bot intact"
else
	not_ok "notify_tc_chat_host delivered the host DOWN to WeCom intact" "$OUT"
fi
nagios_cmd "PROCESS_HOST_CHECK_RESULT;tencentcloud-notify;0;account back"
wait_deliveries 7 true
if OUT=$(delivered 7 UP RECOVERY tencentcloud-notify 2>&1); then ok "Nagios delivered the host's RECOVERY"; else
	not_ok "Nagios delivered the host's RECOVERY" "$OUT"; fi
for _ in $(seq 1 40); do [ "$(wc -l <"$WORK/wecom.log")" -ge 2 ] && break; sleep 0.5; done
if OUT=$(wecom_delivered 2 UP tencentcloud-notify 2>&1); then ok "and the host's RECOVERY to the WeCom bot"; else
	not_ok "the host's RECOVERY to the WeCom bot" "$OUT"; fi
no_pwned && ok "no notification ran the API's text" || not_ok "the API's text ran" "$(ls "$P"[0-9]*)"
kill "$NP" 2>/dev/null
wait "$NP" 2>/dev/null
[ "$(deliveries)" -eq 7 ] && ok "seven notifications from Nagios, no more" || not_ok "seven notifications" "$(cat "$WORK/hook.log")"
for t in $BOTS; do
	[ "$(requests "$WORK/bot-$t.log")" -eq 5 ] && ok "five to the $t bot (the services' notifications), no more" ||
		not_ok "five to the $t bot" "$(cat "$WORK/bot-$t.log")"
done
[ "$(wc -l <"$WORK/wecom.log")" -eq 2 ] && ok "two to the WeCom bot (notify's host), no more" ||
	not_ok "two to the WeCom bot" "$(cat "$WORK/wecom.log")"

###### Nagios 4: -v on the example plus a second-account copy, in the stock layout ######
V=$WORK/validate
mkdir -p "$V/conf.d" "$V/checkresults"
for f in tc-billing-commands.cfg tc-billing-templates.cfg tc-billing-services.cfg; do
	install_copy "$SHARE/nagios/$f" "$V/conf.d/$f"
done
install_copy "$SHARE/nagios/tc-billing-example.cfg" "$V/conf.d/tencentcloud-main.cfg"
sed -e 's/tencentcloud-main/tencentcloud-second/' -e 's/_TC_ACCOUNT\tmain/_TC_ACCOUNT\tsecond/' \
	"$V/conf.d/tencentcloud-main.cfg" >"$V/conf.d/tencentcloud-second.cfg"
sed -e "s|$N/|$V/|g" -e "s|^cfg_dir=.*|cfg_dir=$V/conf.d|" "$N/nagios.cfg" >"$V/nagios.cfg"
run "$NAGIOS" -v "$V/nagios.cfg"
if [ "$RC" -eq 0 ] && [[ $OUT == *"Total Errors:   0"* ]] && [[ $OUT == *"Checked 8 services."* ]]; then
	ok "nagios4 -v: the example and a copy for a second account, 8 services, no allocation"
else
	not_ok "nagios4 -v on the example and a second-account copy" "$OUT"
fi
install_copy "$SHARE/nagios/tc-billing-example-admin.cfg" "$V/conf.d/tencentcloud-group-admin.cfg"
run "$NAGIOS" -v "$V/nagios.cfg"
if [ "$RC" -eq 0 ] && [[ $OUT == *"Total Errors:   0"* ]] && [[ $OUT == *"Checked 13 services."* ]]; then
	ok "nagios4 -v: plus the admin example, 13 services"
else
	not_ok "nagios4 -v with the admin example" "$OUT"
fi

###### Icinga 2 ######
I=$WORK/icinga
mkdir -p "$I/conf.d" "$I/run" "$I/cache" "$I/data" "$I/log" "$I/spool" "$I/perf"
# README: cp the two files into conf.d
for f in tc-billing-commands.conf tc-billing-services.conf; do
	install_copy "$SHARE/nagios/icinga2/$f" "$I/conf.d/$f"
done
cat >"$I/conf.d/hosts.conf" <<CONF
object Host "tencentcloud" {
	check_command = "dummy"
	vars.tc_accounts["main"] = { tc_checks = [ "balance", "pending", "vouchers", "runway", "renewals" ] }
	vars.tc_accounts["credit"] = { tc_balance_warning = "200000:" }
	vars.tc_accounts["plain"] = {}
	vars.tc_accounts["group-admin"] = {
		tc_checks = [ "balance", "pending", "vouchers", "runway", "allocation" ]
		tc_secret_key = "$(key_secret canary)"
	}
	vars.tc_accounts["broken"] = {}
	vars.tc_accounts["notify"] = {}
}
CONF
# a Notification per bot, the example in tc-billing-services.conf's comment, for the
# notify account's services (on a slow machine another account's may notify too)
for t in $BOTS; do
	awk '/^ \* apply Notification "tc-wecom"/ {b = 1} b {sub(/^ \* ?/, ""); print} b && /^\}/ {exit}' \
		"$I/conf.d/tc-billing-services.conf" |
		sed -e "s/tc-wecom/tc-$t/" -e "s|\"[^\"]*/wecom\.ini\"|\"$ETC/$t.ini\"|" \
			-e 's/assign where service.vars.tc_section$/assign where service.vars.tc_section == "notify"/'
done >"$I/conf.d/bots.conf"
[ "$(grep -c "^assign where service.vars.tc_section == \"notify\"\|^ *assign where service.vars.tc_section == \"notify\"" "$I/conf.d/bots.conf")" -eq 3 ] ||
	{ echo "Bail out! no apply Notification \"tc-wecom\" example in tc-billing-services.conf"; cat "$I/conf.d/bots.conf"; exit 1; }
# the stock icinga2.conf's features: checker, notification, command pipe; and the ITL
cat >"$I/icinga2.conf" <<CONF
include <itl>
object CheckerComponent "checker" { }
object NotificationComponent "notification" { }
object ExternalCommandListener "command" { command_path = "$I/icinga2.cmd" }
object PerfdataWriter "perfdata" {
	service_perfdata_path = "$I/perf/service-perfdata"
	service_temp_path = "$I/perf/service-perfdata.tmp"
	host_perfdata_path = "$I/perf/host-perfdata"
	host_temp_path = "$I/perf/host-perfdata.tmp"
	rotation_interval = 1s
	service_format_template = "\$service.name\$"
}
include_recursive "$I/conf.d"
CONF
# every option a check lists in --help is an argument of its CheckCommand (but the
# ones that change what it prints or does: --format, --textfile, --discover)
for c in balance pending allocation vouchers runway renewals; do
	have=$(awk -v c="tc_$c" '/^template CheckCommand "tc-billing-common"/ || $0 ~ "^object CheckCommand \"" c "\"" {b=1}
		b && /^}/ {b=0} b' "$I/conf.d/tc-billing-commands.conf" | grep -o '"--[a-z-]*" = {' | tr -d '"={ ' | sort -u)
	missing=$(comm -23 <("$PLUG/check_tc_$c" --help | grep -o -- '--[a-z][a-z-]*[a-z*]' | grep -v '\*$' | sort -u |
		grep -vx -e --help -e --version -e --format -e --textfile -e --discover) <(echo "$have"))
	[ -z "$missing" ] && ok "tc_$c has an argument for every option of check_tc_$c" ||
		not_ok "tc_$c has an argument for every option" "missing: $missing"
done
D=(-DRunAsUser="$(id -un)" -DRunAsGroup="$(id -gn)" -DCacheDir="$I/cache" -DDataDir="$I/data"
	-DInitRunDir="$I/run" -DLogDir="$I/log" -DSpoolDir="$I/spool")
run "$ICINGA" daemon -C -c "$I/icinga2.conf" "${D[@]}"
if [ "$RC" -eq 0 ] && [[ $OUT == *"Finished validating the configuration file(s)."* ]]; then
	ok "icinga2 daemon -C accepts the installed files"
else
	not_ok "icinga2 daemon -C" "$OUT"
fi
[[ $OUT == *"Instantiated 26 Services."* ]] && ok "Icinga: 26 services, allocation and renewals only where tc_checks has them" ||
	not_ok "Icinga: 26 services" "$OUT"
[[ $OUT == *"Instantiated 2 NotificationCommands."* ]] && ok "the tc-lark and tc-chat NotificationCommands" ||
	not_ok "two NotificationCommands" "$OUT"
[[ $OUT == *"Instantiated 38 Notifications."* ]] && [[ $OUT == *"Instantiated 1 User."* ]] &&
	ok "a Lark user, a notification per service and one per bot for notify's four" || not_ok "Icinga notifications" "$OUT"
# the secret is in the host's dictionary once, and on no service
if [ "$(grep -o "$(key_secret canary)" "$I/cache/icinga2.debug" | wc -l)" -eq 1 ]; then
	ok "nothing secret-looking is copied onto services"
else
	not_ok "a secret from the account dictionary was copied onto a service"
fi

NOTIFY_EXTRA="" write_accounts
"$ICINGA" daemon -c "$I/icinga2.conf" "${D[@]}" >"$I/daemon.out" 2>&1 &
IP=$!
SIM_PIDS="$IP $SIM_PIDS"
for _ in $(seq 1 100); do [ -p "$I/icinga2.cmd" ] && break; sleep 0.1; done
icinga_cmd() { timeout 5 sh -c 'printf "%s\n" "$1" >"$2"' sh "[$(date +%s)] $1" "$I/icinga2.cmd"; }
SERVICES="tc-allocation-group-admin tc-renewals-main"
for a in main credit plain group-admin broken notify; do
	SERVICES="$SERVICES tc-balance-$a tc-pending-$a tc-vouchers-$a tc-runway-$a"
done
for s in $SERVICES; do icinga_cmd "SCHEDULE_FORCED_SVC_CHECK;tencentcloud;$s;$(date +%s)"; done
seen() { cat "$I"/perf/service-perfdata.[0-9]* 2>/dev/null | sort -u | grep -c '^tc-'; }
for _ in $(seq 1 300); do [ "$(seen)" -ge 26 ] && break; sleep 0.1; done
[ "$(seen)" -ge 26 ] && ok "Icinga checked all 26 services" || not_ok "Icinga checked all 26" "$(seen) seen"

# Icinga runs checks of its own besides the forced ones (each service's initial
# check), so on a slow machine another account's service may reach a hard state and
# notify as well: count only the notify account's notifications, from here on
: >"$WORK/hook.log"
for t in $BOTS; do : >"$WORK/bot-$t.log"; done
HOOK_FILTER='tc-[a-z]*-notify"'
SRC=icinga
force_icinga() { icinga_cmd "SCHEDULE_FORCED_SVC_CHECK;tencentcloud;$1;$(date +%s)"; }
wait_deliveries 1 force_icinga tc-pending-notify
if OUT=$(delivered 1 CRITICAL PROBLEM "$EVIL_OUT" 2>&1); then
	ok "Icinga delivered the CRITICAL with the API's product name intact"
else
	not_ok "Icinga delivered the CRITICAL intact" "$OUT"
fi
wait_bots 1
# no scheduled check between the passive results; forced checks still run
icinga_cmd "DISABLE_SVC_CHECK;tencentcloud;tc-balance-notify"
for _ in 1 2 3; do
	icinga_cmd "PROCESS_SERVICE_CHECK_RESULT;tencentcloud;tc-balance-notify;2;$TAIL_OUT"
	sleep 0.3
done
wait_deliveries 2 true
if OUT=$(delivered 2 CRITICAL PROBLEM "$TAIL_OUT" 2>&1); then
	ok "Icinga delivered an output ending in a backslash, quotes, \$(...) and backticks intact"
else
	not_ok "Icinga delivered an output ending in a backslash intact" "$OUT"
fi
ack_and_recover Icinga icinga_cmd force_icinga tencentcloud tc-balance-notify tc-pending-notify "$EVIL_OUT"
no_pwned && ok "no notification ran the API's text" || not_ok "the API's text ran" "$(ls "$P"[0-9]*)"
kill "$IP" 2>/dev/null
wait "$IP" 2>/dev/null
[ "$(deliveries)" -eq 5 ] && ok "five notifications from Icinga, no more" || not_ok "five from Icinga" "$(cat "$WORK/hook.log")"
for t in $BOTS; do
	[ "$(requests "$WORK/bot-$t.log")" -eq 5 ] && ok "five from Icinga to the $t bot, no more" ||
		not_ok "five from Icinga to the $t bot" "$(cat "$WORK/bot-$t.log")"
done
compare icinga "$I/data/icinga2.state" 26 "credit/balance=--warning 200000:"
grep -q 'TC BALANCE WARNING - [^"]*(warning: below [^"]*200,000.00)' "$I/data/icinga2.state" &&
	ok "Icinga: tc_balance_warning in the account's dictionary wins over the accounts file" ||
	not_ok "Icinga: the dictionary's tc_balance_warning"


# Secrets: nothing Nagios, Icinga 2 or the programs wrote here (logs, status.dat and
# retention, Icinga's state, object dump and logs, perfdata, the programs' cache)
# holds a credentials file's key, the Lark bot's secret or webhook, or a signature it
# got. Only the credentials files, the bot's ini, the receiver's log and the
# simulator's scenario hold them by design; the canary key in the Icinga host's dictionary is in hosts.conf and, once,
# in the object dump (the host's), nowhere else.
planted_secrets "$ETC"/*.credentials "$ETC"/*.ini >"$WORK/planted"
signatures_of "$WORK/hook.log" "$WORK"/bot-*.log >>"$WORK/planted"
no_secrets_in "no planted secret in anything the daemons or the programs wrote" "$WORK" "$WORK/planted" \
	"$ETC/*.credentials" "$ETC/*.ini" "$WORK/hook.log" "$WORK/bot-*.log" "$SCENARIO"
key_secret canary >"$WORK/canary"
no_secrets_in "the Icinga dictionary's key only in hosts.conf and the object dump" "$WORK" "$WORK/canary" \
	"$I/conf.d/hosts.conf" "$I/cache/icinga2.debug"
[ "$(grep -o "$(key_secret canary)" "$I/cache/icinga2.debug" | wc -l)" -le 1 ] &&
	ok "the dictionary's key once at most in the object dump" || not_ok "the dictionary's key copied in the object dump"

finish

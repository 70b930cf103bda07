#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Zabbix 6.0 end to end: Debian's zabbix_server and frontend (unpacked from the .debs
# scripts/setup-debian keeps in the cache, because zabbix-server-pgsql cannot be
# installed next to zabbix-proxy-sqlite3) on a private PostgreSQL 15 cluster, the
# frontend under php -S, tc_billing.sh from make install in the ExternalScripts
# directory the README names, polled against the simulator; tc_chat.sh in the
# AlertScriptsPath, the chat media type delivering a problem's PROBLEM, acknowledgement
# and RECOVERY to Lark, WeCom, DingTalk (both signed), Slack and JSON webhook
# receivers, each request checked as chat.sh checks it, and none of the bots' secrets
# in the database. The checks are in
# zabbix_server.py, through the API, and below.
. "$top_srcdir/tests/integration/lib.sh"

T0=$(date +%s%N)
took() { echo "# $((($(date +%s%N) - T0) / 1000000)) ms: $1"; }
CACHE=${TC_TEST_CACHE:-/var/cache/tc-billing-tests}
PGBIN=/usr/lib/postgresql/15/bin
DEB_SERVER=$(ls "$CACHE"/zabbix-server-pgsql_*.deb 2>/dev/null | tail -n 1)
DEB_FRONTEND=$(ls "$CACHE"/zabbix-frontend-php_*.deb 2>/dev/null | tail -n 1)
[ -n "$DEB_SERVER" ] && [ -n "$DEB_FRONTEND" ] ||
	{ echo "Bail out! no zabbix-server-pgsql/zabbix-frontend-php .deb in $CACHE: run scripts/setup-debian"; exit 1; }
[ -x "$PGBIN/postgres" ] || { echo "Bail out! PostgreSQL 15 missing (Debian package postgresql-15)"; exit 1; }
for m in pgsql bcmath mbstring gd xml; do
	php -m 2>/dev/null | grep -qix "$m" || { echo "Bail out! php-cli or php-$m missing"; exit 1; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "Bail out! python3-yaml missing"; exit 1; }

# free_port: a free loopback port in 10000-32767 (zabbix_server's ListenPort range)
free_port() {
	python3 -c '
import random, socket
while True:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", random.randint(10000, 32767)))
        print(s.getsockname()[1])
        break
    except OSError:
        s.close()'
}
# wait_for SECONDS COMMAND...: until the command succeeds, or give up
wait_for() {
	local end=$(($(date +%s) + $1))
	shift
	until "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.2
	done
}

ZBX_PID="" PHP_PID="" PG_PID=""
stop_all() {
	for pid in $ZBX_PID $PHP_PID; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	if [ -n "$PG_PID" ]; then
		kill -INT "$PG_PID" 2>/dev/null # fast shutdown
		wait "$PG_PID" 2>/dev/null
	fi
	cleanup
}
trap stop_all EXIT

# PostgreSQL refuses root: run it as nobody then
AS=()
if [ "$(id -u)" -eq 0 ]; then
	AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
	chmod 711 "$WORK"
fi

# 1. install as a user does, with the default prefix, into a staging root
make -s -C "$top_builddir" install DESTDIR="$WORK/dest" >"$WORK/install.log" 2>&1 ||
	{ echo "Bail out! make install failed"; cat "$WORK/install.log"; exit 1; }
prefix=$(sed -n 's/^prefix = //p' "$top_builddir/Makefile")
WRAPPER=$(find "$WORK/dest" -name tc_billing.sh -path '*/zabbix/*' | head -n 1)
TEMPLATE=$(dirname "$WRAPPER")/template_tc_billing.yaml
MEDIA=$(dirname "$WRAPPER")/media_lark.yaml
CHAT_MEDIA=$(dirname "$WRAPPER")/media_tc_chat.yaml
plugindir=$(sed -n 's/^PLUGINS=\${TC_PLUGIN_DIR:-\(.*\)}$/\1/p' "$WRAPPER")
if [ -x "$WORK/dest$plugindir/check_tc_balance" ] && [[ $plugindir == "$prefix"/* ]]; then
	ok "the installed tc_billing.sh names $plugindir, where make install put the checks"
else
	not_ok "wrapper plugin dir" "PLUGINS in $WRAPPER: '$plugindir'" "$(ls "$WORK/dest$prefix" 2>&1)"
fi
ini_default=$(python3 -c 'import sys,yaml;print({m["macro"]:m["value"] for m in yaml.safe_load(open(sys.argv[1]))["zabbix_export"]["templates"][0]["macros"]}["{$TC.INI}"])' "$TEMPLATE")
[ "$ini_default" = "$prefix/etc/tc-billing-plugins/accounts.ini" ] &&
	ok "the installed template's {\$TC.INI} is $ini_default" || not_ok "template {\$TC.INI}" "$ini_default"
# the README: install -m 0755 .../zabbix/tc_billing.sh /etc/zabbix/externalscripts/
EXT=$WORK/etc/zabbix/externalscripts
install -d "$EXT" && install -m 0755 "$WRAPPER" "$EXT/"
# and: install -m 0755 .../zabbix/tc_chat.sh /etc/zabbix/alertscripts/
ALERT=$WORK/etc/zabbix/alertscripts
install -d "$ALERT" && install -m 0755 "$(dirname "$WRAPPER")/tc_chat.sh" "$ALERT/"
chat_confdir=$(sed -n 's/^CONFDIR=\${TC_CHAT_CONFIG_DIR:-\(.*\)}$/\1/p' "$ALERT/tc_chat.sh")
chat_plugdir=$(sed -n 's/^PLUGINS=\${TC_PLUGIN_DIR:-\(.*\)}$/\1/p' "$ALERT/tc_chat.sh")
[ "$chat_confdir" = "$prefix/etc/tc-billing-plugins" ] && [ "$chat_plugdir" = "$plugindir" ] &&
	ok "the installed tc_chat.sh reads the bots' inis from $chat_confdir and runs notify_tc_chat from $chat_plugdir" ||
	not_ok "tc_chat.sh directories" "CONFDIR '$chat_confdir', PLUGINS '$chat_plugdir'"
took "installed"

# 2. the simulator, the accounts file, the Lark stand-in
start_sim api tls
ETC=$WORK/etc/tc-billing-plugins
INI=$ETC/accounts.ini
mkdir -p "$ETC"
for a in ok credit org-notadmin org-allocate arrears vouch-crit renew-crit; do
	printf '[default]\nsecret_id = %s\nsecret_key = %s\n' "$(key_id "$a")" "$(key_secret "$a")" >"$ETC/$a.credentials"
	chmod 600 "$ETC/$a.credentials"
	printf '[%s]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\n' \
		"$a" "$ETC/$a.credentials" "$PORT_api" "$WORK/cert.pem" >>"$INI"
	[ "$a" = org-allocate ] && printf 'checks=balance,pending,vouchers,runway,allocation\n' >>"$INI"
	# opted in to renewals: a manual renewal in 3 days (CRITICAL); its 0.01 balance is no problem here
	[ "$a" = renew-crit ] && printf 'checks=balance,pending,vouchers,runway,renewals\nbalance.warning=0:\nbalance.critical=0:\n' >>"$INI"
done
# the chat bots' account: critically low until zabbix_server.py lowers balance.critical=
printf '[chat]\ncredentials-file=%s\nendpoint=https://127.0.0.1:%s\ncacert=%s\nbalance.warning=0:\nbalance.critical=999999999:\n' \
	"$ETC/ok.credentials" "$PORT_api" "$WORK/cert.pem" >>"$INI"
# the chat bots (their inis named by the media's Send to, in the configuration directory)
CHAT_BOTS="lark wecom dingtalk slack webhook"
CHAT_LOGS=""
for t in $CHAT_BOTS; do
	start_hook "$t" "chat-$t" ok "$ETC/$t.ini"
	CHAT_LOGS="$CHAT_LOGS $t=$LOG"
done
python3 "$top_srcdir/tests/integration/lark_receiver.py" "$WORK/hook.port" "$WORK/hook.log" s3cr3t ok 2>/dev/null &
SIM_PIDS="$SIM_PIDS $!"
wait_for 10 test -s "$WORK/hook.port" || { echo "Bail out! the Lark stand-in did not start"; exit 1; }
HOOK_URL="http://127.0.0.1:$(cat "$WORK/hook.port")/open-apis/bot/v2/hook/t"

# 3. Zabbix from the .debs, unpacked into a scratch root
ROOT=$WORK/root
dpkg -x "$DEB_SERVER" "$ROOT" && dpkg -x "$DEB_FRONTEND" "$ROOT" || { echo "Bail out! dpkg -x failed"; exit 1; }
version=$(dpkg-deb -f "$DEB_SERVER" Version | tr -c 'A-Za-z0-9.\n' _)
took "unpacked Zabbix $version"

# 4. the database: loading the schema and data takes a minute, so the loaded cluster
# is kept in the cache (made once per package version) and copied for each run
SNAP=$CACHE/zabbix-server-pgsql_$version.pgdata.tar
PG=$WORK/pg
mkdir -p "$PG/sock"
[ ${#AS[@]} -eq 0 ] || chown -R nobody:nogroup "$PG"
PG_PORT=$(free_port)
start_pg() {
	"${AS[@]}" "$PGBIN/postgres" -D "$PG/data" -c listen_addresses=127.0.0.1 -p "$PG_PORT" \
		-c unix_socket_directories="$PG/sock" -c fsync=off -c synchronous_commit=off \
		-c full_page_writes=off >"$PG/log" 2>&1 &
	PG_PID=$!
	wait_for 60 "$PGBIN/pg_isready" -q -h "$PG/sock" -p "$PG_PORT" || { echo "Bail out! PostgreSQL did not start"; cat "$PG/log"; exit 1; }
}
if [ ! -s "$SNAP" ]; then
	"${AS[@]}" "$PGBIN/initdb" -D "$PG/data" -U zabbix --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG/initdb.log" 2>&1 ||
		{ echo "Bail out! initdb failed"; cat "$PG/initdb.log"; exit 1; }
	start_pg
	"$PGBIN/createdb" -h "$PG/sock" -p "$PG_PORT" -U zabbix zabbix || { echo "Bail out! createdb failed"; exit 1; }
	for f in schema images data; do
		zcat "$ROOT/usr/share/zabbix-server-pgsql/$f.sql.gz" |
			psql -q -v ON_ERROR_STOP=1 -h "$PG/sock" -p "$PG_PORT" -U zabbix zabbix >"$PG/load.log" 2>&1 ||
			{ echo "Bail out! loading $f.sql failed"; tail "$PG/load.log"; exit 1; }
	done
	kill -INT "$PG_PID" && wait "$PG_PID"
	PG_PID=""
	if mkdir -p "$CACHE" && tar -C "$PG" -cf "$SNAP.$$" data && mv "$SNAP.$$" "$SNAP"; then
		took "database loaded and cached in $SNAP"
	else
		rm -f "$SNAP.$$"
		took "database loaded (not cached: $CACHE is not writable)"
	fi
	start_pg
else
	tar -C "$PG" -xf "$SNAP" || { echo "Bail out! cannot unpack $SNAP"; exit 1; }
	[ ${#AS[@]} -eq 0 ] || chown -R nobody:nogroup "$PG/data"
	chmod 700 "$PG/data"
	start_pg
	took "database copied from $SNAP"
fi

# 5. the server, with the ExternalScripts directory of the README; the staging root
# stands in for / through TC_PLUGIN_DIR
ZBX_PORT=$(free_port)
mkdir -p "$WORK/zabbix"
cat >"$WORK/zabbix/zabbix_server.conf" <<EOF
LogFile=$WORK/zabbix/server.log
PidFile=$WORK/zabbix/server.pid
SocketDir=$WORK/zabbix
DBHost=127.0.0.1
DBPort=$PG_PORT
DBName=zabbix
DBUser=zabbix
ListenIP=127.0.0.1
ListenPort=$ZBX_PORT
ExternalScripts=$EXT
AlertScriptsPath=$ALERT
AllowRoot=1
Timeout=30
CacheUpdateFrequency=1
HousekeepingFrequency=0
StartPollers=4
StartPingers=0
StartDiscoverers=0
StartHTTPPollers=0
StartLLDProcessors=1
StartAlerters=1
StartEscalators=1
StartTimers=1
StartDBSyncers=1
StartPreprocessors=2
EOF
TC_PLUGIN_DIR="$WORK/dest$plugindir" TC_CHAT_CONFIG_DIR="$ETC" TMPDIR="$WORK" "$ROOT/usr/sbin/zabbix_server" -f \
	-c "$WORK/zabbix/zabbix_server.conf" >"$WORK/zabbix/stdout" 2>&1 &
ZBX_PID=$!

# 6. the frontend, its configuration path pointed at a scratch zabbix.conf.php
UI=$ROOT/usr/share/zabbix
sed -i "s|'/etc/zabbix/zabbix.conf.php'|'$WORK/zabbix/zabbix.conf.php'|" "$UI/include/classes/core/CConfigFile.php"
cat >"$WORK/zabbix/zabbix.conf.php" <<EOF
<?php
\$DB['TYPE'] = 'POSTGRESQL';
\$DB['SERVER'] = '127.0.0.1';
\$DB['PORT'] = '$PG_PORT';
\$DB['DATABASE'] = 'zabbix';
\$DB['USER'] = 'zabbix';
\$DB['PASSWORD'] = '';
\$DB['SCHEMA'] = '';
\$DB['ENCRYPTION'] = false;
\$DB['KEY_FILE'] = '';
\$DB['CERT_FILE'] = '';
\$DB['CA_FILE'] = '';
\$DB['VERIFY_HOST'] = false;
\$DB['CIPHER_LIST'] = '';
\$DB['VAULT_URL'] = '';
\$DB['VAULT_DB_PATH'] = '';
\$DB['VAULT_TOKEN'] = '';
\$DB['DOUBLE_IEEE754'] = true;
\$ZBX_SERVER = '127.0.0.1';
\$ZBX_SERVER_PORT = '$ZBX_PORT';
\$ZBX_SERVER_NAME = 'tc-billing-plugins test';
\$IMAGE_FORMAT_DEFAULT = IMAGE_FORMAT_PNG;
EOF
PHP_PORT=$(free_port)
php -S "127.0.0.1:$PHP_PORT" -t "$UI" >"$WORK/zabbix/php.log" 2>&1 &
PHP_PID=$!
took "server and frontend started"

# 7. through the API
python3 "$top_srcdir/tests/integration/zabbix_server.py" "http://127.0.0.1:$PHP_PORT/api_jsonrpc.php" \
	"$TEMPLATE" "$MEDIA" "$INI" "$WORK/dest$plugindir" "$HOOK_URL" "$WORK/hook.log" "$CHAT_MEDIA" "$CHAT_LOGS" \
	>"$WORK/api.tap" 2>&1
api_rc=$?
while IFS= read -r line; do
	case $line in
	"ok "*) ok "${line#ok * - }" ;;
	"not ok "*) not_ok "${line#not ok * - }" ;;
	"Bail out!"* | "#"*) echo "$line" ;;
	*) echo "# $line" ;;
	esac
done <"$WORK/api.tap"
if [ $api_rc -ne 0 ]; then
	not_ok "API checks exited $api_rc" "$(grep -i 'error\|tc_billing' "$WORK/zabbix/server.log" | tail -n 20)" \
		"$(tail -n 5 "$WORK/zabbix/stdout" "$WORK/zabbix/php.log")"
fi

# what the bots got, request by request, as chat.sh checks it: the platform's documented
# request (signed for DingTalk), then the PROBLEM (red, the check's summary first), the
# acknowledgement (by the Zabbix user, its message, markup shown as text) and the
# RECOVERY (green, OK)
declare -A ZP ZA ZR
ZP[wecom]='c.startswith("**<font color=\"warning\">\uff3bHigh\uff3d tc-chat / TC balance: critically low</font>**\n\u00a5") and " available (critical: below \u00a5999,999,999.00)\n> Problem started at " in c'
ZA[wecom]='c.startswith("**<font color=\"comment\">\uff3bACKNOWLEDGED\uff3d tc-chat / TC balance: critically low</font>**") and "High acknowledged by Zabbix Administrator (Admin): topping up \uff1cat id=all\uff1e\uff1c/at\uff1e" in c'
ZR[wecom]='c.startswith("**<font color=\"info\">\uff3bOK\uff3d tc-chat / TC balance: critically low</font>**") and "> Resolved in " in c and "Type: RESOLVED" in c'
ZP[dingtalk]='b["markdown"]["title"] == "\uff3bHigh\uff3d tc-chat / TC balance: critically low" and c.startswith("### <font color=\"#D93026\">") and " available (critical: below " in c and "> Problem started at " in c'
ZA[dingtalk]='c.startswith("### <font color=\"#1A73E8\">\uff3bACKNOWLEDGED\uff3d") and "High acknowledged by Zabbix Administrator (Admin): topping up" in c and "<at" not in c'
ZR[dingtalk]='c.startswith("### <font color=\"#188038\">\uff3bOK\uff3d tc-chat")'
ZP[slack]='b["blocks"][0]["text"]["text"] == ":red_circle: *[High] tc-chat / TC balance: critically low*" and b["text"].startswith("[High] tc-chat / TC balance: critically low: \u00a5") and "Type: PROBLEM" in c'
ZA[slack]='b["blocks"][0]["text"]["text"] == ":large_blue_circle: *[ACKNOWLEDGED] tc-chat / TC balance: critically low*" and "High acknowledged by Zabbix Administrator (Admin): topping up &lt;at id=all&gt;&lt;/at&gt;" in c'
ZR[slack]='b["blocks"][0]["text"]["text"] == ":large_green_circle: *[OK] tc-chat / TC balance: critically low*"'
ZP[lark]='b["card"]["header"] == {"title": {"tag": "plain_text", "content": "[High] tc-chat / TC balance: critically low"}, "template": "red"} and " available (critical: below " in c'
ZA[lark]='b["card"]["header"]["template"] == "blue" and "High acknowledged by Zabbix Administrator (Admin): topping up <at id=all></at>" in c'
ZR[lark]='b["card"]["header"] == {"title": {"tag": "plain_text", "content": "[OK] tc-chat / TC balance: critically low"}, "template": "green"}'
ZP[webhook]='(b["source"], b["type"], b["state"], b["colour"], b["critical"], b["host"], b["service"]) == ("zabbix", "PROBLEM", "High", "red", True, "tc-chat", "TC balance: critically low") and b["summary"].endswith(" available (critical: below \u00a5999,999,999.00)") and b["details"].startswith("Problem started at ")'
ZA[webhook]='(b["type"], b["word"], b["author"], b["comment"]) == ("ACKNOWLEDGEMENT", "ACKNOWLEDGED", "Zabbix Administrator (Admin)", "topping up <at id=all></at>")'
ZR[webhook]='(b["type"], b["state"], b["colour"], b["author"], b["comment"]) == ("RESOLVED", "OK", "green", None, None) and b["details"].startswith("Resolved in ")'
for t in $CHAT_BOTS; do
	LOG=$WORK/chat-$t.log
	check_req "$t: Zabbix's PROBLEM through tc_chat.sh, as $t documents it" "(${CHAT_FORM[$t]}) and (${ZP[$t]})" 1
	check_req "$t: the acknowledgement" "(${CHAT_FORM[$t]}) and (${ZA[$t]})" 2
	check_req "$t: the RECOVERY" "(${CHAT_FORM[$t]}) and (${ZR[$t]})" 3
done
kill -0 "$ZBX_PID" 2>/dev/null && ok "zabbix_server still runs" || not_ok "zabbix_server died" "$(tail "$WORK/zabbix/server.log")"
took "done"

# Secrets: nothing the Zabbix server, the frontend, PostgreSQL or the programs wrote
# here (server.log, the frontend's log, the programs' cache, and the database's data
# as pg_dump gives it: item values, events, alerts, the audit log) holds a credentials
# file's key, the Lark bot's secret or a signature the bot got; the webhook only
# where Zabbix keeps it as the user's media (the database). Only the credentials
# files, the receiver's log, the secret macro the test sets (its table is left out of
# the dump) and PostgreSQL's own files hold them by design. Zabbix also keeps every
# webhook call's parameters, the Lark media type's Secret resolved from the secret
# macro included, in alerts.parameters: that column is dumped apart, and holds the
# bot's secret as Secret and nothing else planted.
"${AS[@]}" "$PGBIN/pg_dump" -h "$PG/sock" -p "$PG_PORT" -U zabbix --data-only --exclude-table-data=globalmacro \
	--exclude-table-data=alerts zabbix >"$WORK/zabbix/db.sql" 2>"$WORK/zabbix/db.err"
zsql() { "${AS[@]}" "$PGBIN/psql" -XAtq -h "$PG/sock" -p "$PG_PORT" -U zabbix zabbix -c "$1"; }
zsql "SELECT to_jsonb(a) - 'parameters' FROM alerts a" >>"$WORK/zabbix/db.sql" 2>>"$WORK/zabbix/db.err"
zsql "SELECT a.parameters FROM alerts a JOIN media_type m USING (mediatypeid) WHERE m.type = 4 AND a.parameters <> '{}'" \
	>"$WORK/alert-parameters" 2>>"$WORK/zabbix/db.err"
python3 -c '
import json, sys
ps = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
sys.exit(not ps or any(p.get("Secret") != "s3cr3t" for p in ps))' "$WORK/alert-parameters" &&
	ok "Zabbix keeps the Lark secret in alerts.parameters, as Secret (searched apart)" ||
	not_ok "alerts.parameters as expected" "$(wc -l <"$WORK/alert-parameters") rows" "$(cat "$WORK/zabbix/db.err")"
sed 's/"Secret": *"s3cr3t"//g' "$WORK/alert-parameters" >"$WORK/zabbix/alert-parameters-but-secret"
rm "$WORK/alert-parameters"
grep -q "check_tc_balance" "$WORK/zabbix/db.sql" && ok "the database dumped (and searched)" ||
	not_ok "the database dumped" "$(head -c 500 "$WORK/zabbix/db.err")"
# the chat bots' webhooks (their tokens), DingTalk's secret and every signature sent:
# not in the whole database either, alerts.parameters included (the script media
# type's parameters name the bot's ini, nothing more)
{ planted_secrets "$ETC"/*.ini; signatures_of "$WORK"/chat-*.log; printf 'test-key\ntest-token\n'; } >"$WORK/chat-planted"
"${AS[@]}" "$PGBIN/pg_dump" -h "$PG/sock" -p "$PG_PORT" -U zabbix zabbix >"$WORK/zabbix/full.sql" 2>>"$WORK/zabbix/db.err"
hits=$(grep -c -F -f "$WORK/chat-planted" "$WORK/zabbix/full.sql")
[ "$(grep -c 'tc_chat.sh' "$WORK/zabbix/full.sql")" -gt 0 ] && [ "$hits" -eq 0 ] &&
	ok "the whole database (pg_dump, $(grep -c '' "$WORK/zabbix/full.sql") lines) holds none of the chat bots' $(grep -c '' "$WORK/chat-planted") secrets: 0 hits" ||
	not_ok "the chat bots' secrets in the database" "$hits lines hold one"
rm -f "$WORK/zabbix/full.sql"
{ planted_secrets "$ETC"/*.credentials; echo s3cr3t; signatures_of "$WORK/hook.log"; cat "$WORK/chat-planted"; } >"$WORK/planted"
no_secrets_in "no planted secret in anything the daemons or the programs wrote" "$WORK" "$WORK/planted" \
	"$ETC/*.credentials" "$WORK/hook.log" "$PG/data/*" "$ETC/*.ini" "$WORK/chat-*" "$WORK/chat-planted"
echo "$HOOK_URL" >"$WORK/webhook"
no_secrets_in "the webhook only in Zabbix's database" "$WORK" "$WORK/webhook" "$WORK/hook.log" "$PG/data/*" \
	"$WORK/zabbix/db.sql" "$WORK/zabbix/alert-parameters-but-secret"
took "secrets searched"
finish

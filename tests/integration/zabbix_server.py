# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives a real Zabbix 6.0 server through its frontend's JSON-RPC API: imports the
template and the Lark media type as installed, creates one host per account, lets the
server run tc_billing.sh against the simulator and checks item values against the
plugins run by hand, the exact problems raised, and the card the media type delivers.
Prints TAP lines (numbered by the caller); exits 1 on any failure.

usage: zabbix_server.py API_URL TEMPLATE MEDIA INI PLUGINDIR HOOK_URL HOOK_LOG CHAT_MEDIA CHAT_LOGS

CHAT_MEDIA is the script media type (tc_chat.sh), CHAT_LOGS "NAME=LOG ..." the chat
receivers, each NAME also the bot's ini name (its media's Send to). Their requests are
checked by the caller; here, that a PROBLEM, an ACKNOWLEDGEMENT and a RECOVERY of the
tc-chat host reach each of them.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

url, template_file, media_file, ini, plugindir, hook_url, hook_log, chat_media_file, chat_logs = sys.argv[1:10]
CHAT = dict(x.split("=", 1) for x in chat_logs.split())
n = failed = 0
START = time.time()


def check(ok, desc, detail=""):
    global n, failed
    n += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, desc))
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print("# " + line)
    sys.stdout.flush()


def note(what):
    print("# %5.1f s %s" % (time.time() - START, what))
    sys.stdout.flush()


AUTH = None


def call(method, params):
    body = {"jsonrpc": "2.0", "method": method, "params": params, "id": 1}
    if AUTH and method not in ("apiinfo.version", "user.login"):
        body["auth"] = AUTH
    req = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json-rpc"})
    with urllib.request.urlopen(req, timeout=60) as r:
        answer = json.load(r)
    if "error" in answer:
        raise RuntimeError("%s: %s" % (method, answer["error"]))
    return answer["result"]


def until(deadline_s, what, probe, interval=1.0):
    """probe() until it returns something true, at most deadline_s seconds."""
    end = time.time() + deadline_s
    while True:
        got = probe()
        if got or time.time() > end:
            return got
        time.sleep(interval)


def bail(msg):
    print("Bail out! " + msg)
    sys.exit(1)


def _try(f):
    try:
        return f()
    except Exception:
        return None


# the API comes up with the frontend
version = until(30, "the API", lambda: _try(lambda: call("apiinfo.version", {})))
if not version:
    bail("the Zabbix API did not answer within 30 s")
check(version.startswith("6.0."), "the frontend's API is Zabbix %s" % version)
AUTH = call("user.login", {"username": "Admin", "password": "zabbix"})

RULES = {k: {"createMissing": True, "updateExisting": True}
         for k in ("groups", "templates", "items", "triggers", "discoveryRules", "valueMaps")}
try:
    check(call("configuration.import", {"format": "yaml", "source": open(template_file).read(), "rules": RULES}) is True,
          "the installed template imports")
    check(call("configuration.import", {"format": "yaml", "source": open(media_file).read(),
                                        "rules": {"mediaTypes": {"createMissing": True, "updateExisting": True}}}) is True,
          "the installed Lark media type imports")
    check(call("configuration.import", {"format": "yaml", "source": open(chat_media_file).read(),
                                        "rules": {"mediaTypes": {"createMissing": True, "updateExisting": True}}}) is True,
          "the installed chat (script) media type imports")
except RuntimeError as e:
    check(False, "import", e)
    bail("cannot go on without the template")
note("imported")

TEMPLATE = call("template.get", {"filter": {"host": "Tencent Cloud billing by External check"}})[0]["templateid"]
for h in call("host.get", {"filter": {"host": "Zabbix server"}}):
    call("host.update", {"hostid": h["hostid"], "status": 1})  # its agent items are not ours
group = call("hostgroup.create", {"name": "Tencent Cloud accounts"})["groupids"][0]

# alerts: the media type delivers to the loopback receiver (allowed explicitly)
mt = call("mediatype.get", {"filter": {"name": "Lark (tc-billing-plugins)"}, "output": ["mediatypeid", "parameters"]})[0]
params = [p if p["name"] != "AllowedURLPrefix" else {"name": p["name"], "value": hook_url.split("/open-apis")[0] + "/"}
          for p in mt["parameters"]]
call("mediatype.update", {"mediatypeid": mt["mediatypeid"], "parameters": params})
call("usermacro.createglobal", {"macro": "{$LARK.SECRET}", "value": "s3cr3t", "type": 1})
chat_mt = call("mediatype.get", {"filter": {"name": "Chat (tc-billing-plugins)"},
                                 "output": ["mediatypeid", "type", "exec_path", "exec_params"]})[0]
check(chat_mt["type"] == "1" and chat_mt["exec_path"] == "tc_chat.sh" and
      chat_mt["exec_params"] == "{ALERT.SENDTO}\n{ALERT.SUBJECT}\n{ALERT.MESSAGE}\n",
      "the chat media type runs tc_chat.sh with {ALERT.SENDTO}, {ALERT.SUBJECT} and {ALERT.MESSAGE}", json.dumps(chat_mt))
call("user.update", {"userid": "1", "medias": [{"mediatypeid": mt["mediatypeid"], "sendto": hook_url, "active": 0,
                                                "severity": 63, "period": "1-7,00:00-24:00"}]})
# the on-call user has one media per bot: Send to is the name of the bot's ini, nothing
# secret (Admin acknowledges below, and Zabbix does not tell a user of their own update)
call("user.create", {"username": "oncall", "passwd": "On-call-2026!", "roleid": "3", "usrgrps": [{"usrgrpid": "7"}],
                     "medias": [{"mediatypeid": chat_mt["mediatypeid"], "sendto": name, "active": 0, "severity": 63,
                                 "period": "1-7,00:00-24:00"} for name in sorted(CHAT)]})
ONCALL = call("user.get", {"filter": {"username": "oncall"}, "output": ["userid"]})[0]["userid"]

# one host per account; the arrears account's visible name carries markup that must
# reach Lark as text
INJECT = "Acme <at id=all></at> [pay here](https://evil.example/)"
HOSTS = {
    "tc-ok": ("ok", None),
    "tc-credit": ("credit", None),
    "tc-member": ("org-notadmin", None),
    "tc-admin": ("org-allocate", None),
    "tc-broken": ("nosuch", None),
    "tc-arrears": ("arrears", INJECT),
    "tc-vouchers": ("vouch-crit", None),
    "tc-renew": ("renew-crit", None),
    "tc-chat": ("chat", None),
}
EXPECTED = {
    "tc-ok": set(),
    "tc-credit": set(),
    "tc-member": {("TC balance: critically low", "4")},
    "tc-admin": {("TC allocation: accounts run low (critical)", "4")},
    "tc-broken": {("TC balance: UNKNOWN, the account cannot be read", "4")},
    "tc-arrears": {("TC account in arrears", "5")},
    "tc-vouchers": {("TC balance: critically low", "4"), ("TC vouchers: value expires very soon", "4")},
    "tc-renew": {("TC renewals: instances expire within days or are isolated", "4")},
    "tc-chat": {("TC balance: critically low", "4")},
}
new_hosts = []
for host, (section, visible) in HOSTS.items():
    macros = [{"macro": "{$TC.ACCOUNT}", "value": section}, {"macro": "{$TC.INI}", "value": ini},
              {"macro": "{$TC.BALANCE.INTERVAL}", "value": "5s"},
              {"macro": "{$TC.ALLOCATION.INTERVAL}", "value": "5s"},
              {"macro": "{$TC.RENEWALS.INTERVAL}", "value": "5s"},
              {"macro": "{$TC.DISCOVERY.INTERVAL}", "value": "5s"}]
    # the other checks run when told to (below), after the balance: dependencies
    # only hold back a problem whose master problem is already raised
    for c in ("PENDING", "VOUCHERS", "RUNWAY"):
        macros.append({"macro": "{$TC.%s.INTERVAL}" % c, "value": "1d"})
    new_hosts.append({
        "host": host, "name": visible or host, "groups": [{"groupid": group}], "templates": [{"templateid": TEMPLATE}],
        "interfaces": [{"type": 1, "main": 1, "useip": 1, "ip": "127.0.0.1", "dns": "", "port": "10050"}],
        "macros": macros})
hostid = dict(zip(HOSTS, call("host.create", new_hosts)["hostids"]))
call("action.create", {
    "name": "Tencent Cloud to Lark", "eventsource": 0, "status": 0, "esc_period": "1h",
    "filter": {"evaltype": 0, "conditions": [{"conditiontype": 1, "operator": 0, "value": hostid["tc-arrears"]}]},
    "operations": [{"operationtype": 0, "opmessage": {"default_msg": 1, "mediatypeid": mt["mediatypeid"]},
                    "opmessage_usr": [{"userid": "1"}]}]})
# the chat bots: a problem's life on tc-chat (its balance below balance.critical=)
msg_op = {"operationtype": 0, "opmessage": {"default_msg": 1, "mediatypeid": chat_mt["mediatypeid"]},
          "opmessage_usr": [{"userid": ONCALL}]}
call("action.create", {
    "name": "Tencent Cloud to the chat bots", "eventsource": 0, "status": 0, "esc_period": "1h",
    "filter": {"evaltype": 0, "conditions": [{"conditiontype": 1, "operator": 0, "value": hostid["tc-chat"]}]},
    "operations": [msg_op], "recovery_operations": [msg_op], "update_operations": [msg_op]})
check(True, "%d hosts with an agent interface, the template linked" % len(hostid))
note("hosts created")


def items(host, keys):
    got = call("item.get", {"hostids": hostid[host], "filter": {"key_": keys},
                            "output": ["key_", "lastvalue", "lastclock", "state", "error", "itemid"]})
    return {i["key_"]: i for i in got}


def have_values(host, keys):
    got = items(host, keys)
    return len(got) == len(keys) and all(i["lastclock"] != "0" for i in got.values())


# phase 1: the balance of every account
ok = until(90, "balances", lambda: all(have_values(h, ["tc.balance.state"]) for h in HOSTS), 1)
check(ok, "the server ran tc_billing.sh balance for every host")


def problems(host):
    return {(p["name"], p["severity"]) for p in call("problem.get", {"hostids": hostid[host], "output": ["name", "severity"]})}


ok = until(30, "balance problems", lambda: all(
    {p for p in problems(h) if p[0].startswith("TC balance") or p[0].startswith("TC account")} ==
    {p for p in EXPECTED[h] if p[0].startswith("TC balance") or p[0].startswith("TC account")} for h in HOSTS), 1)
note("balances in")

# phase 2: check now for the other masters
# "check now" takes the item's key as stored, macros and all
masters = [i["itemid"] for i in call("item.get", {"hostids": list(hostid.values()), "output": ["itemid", "key_"],
                                                  "search": {"key_": "tc_billing.sh["}})
           if any(('"%s"' % c) in i["key_"] for c in ("pending", "vouchers", "runway"))]
call("task.create", [{"type": 6, "request": {"itemid": i}} for i in masters])
STATES = ["tc.pending.state", "tc.vouchers.state", "tc.runway.state"]
ok = until(90, "other checks", lambda: all(have_values(h, STATES) for h in HOSTS), 1)
check(ok, "check now ran pending, vouchers and runway for every host (%d items)" % len(masters))
ok = until(60, "allocation", lambda: have_values("tc-admin", ["tc.allocation.state[allocation]"]), 1)
check(ok, "the admin account's allocation check was discovered from checks= and ran")
ok = until(60, "renewals", lambda: have_values("tc-renew", ["tc.renewals.state[renewals]"]), 1)
check(ok, "tc-renew's renewals check was discovered from checks= and ran")
note("all checks in")

# the problems settle: exactly the expected ones, one per cause
got = {}


def settled():
    global got
    got = {h: problems(h) for h in HOSTS}
    return got == EXPECTED


until(30, "problems", settled, 1)
for h in HOSTS:
    check(got[h] == EXPECTED[h], "%s (%s): exactly the expected problems %s" % (h, HOSTS[h][0], sorted(EXPECTED[h])),
          "got %s" % sorted(got[h]))
note("problems checked")


# item values equal the plugins run by hand
def by_hand(check_name, section):
    p = subprocess.run(["%s/check_tc_%s" % (plugindir, check_name), "--format", "json",
                        "--extra-opts=%s@%s" % (section, ini)], capture_output=True, text=True, timeout=30)
    return json.loads(p.stdout)


for h in ("tc-ok", "tc-credit", "tc-arrears"):
    want = by_hand("balance", HOSTS[h][0])
    keys = ["tc.balance.state", "tc.balance.summary"] + ["tc.balance[%s]" % k[:-4] for k in want["values"]]
    have = items(h, keys)
    bad = []
    for k in keys:
        i = have.get(k)
        if k == "tc.balance.state":
            w = str(want["state_code"])
        elif k == "tc.balance.summary":
            w = want["summary"]
        else:
            w = want["values"][k[len("tc.balance["):-1] + "_cny"]
        v = i and i["lastvalue"]
        same = i is not None and (float(v) == float(w) if isinstance(w, (int, float)) else v == w)
        if not same:
            bad.append("%s: zabbix %r, plugin %r" % (k, v, w))
    check(not bad, "%s: %d balance items equal check_tc_balance run by hand" % (h, len(keys)), "\n".join(bad))
want = by_hand("allocation", "org-allocate")
have = items("tc-admin", ["tc.allocation.state[allocation]", "tc.allocation[shortfall,allocation]"])
check(have["tc.allocation.state[allocation]"]["lastvalue"] == str(want["state_code"]) and
      float(have["tc.allocation[shortfall,allocation]"]["lastvalue"]) == want["values"]["shortfall_cny"],
      "tc-admin: allocation state and shortfall equal check_tc_allocation by hand", json.dumps(have))
want = by_hand("renewals", "renew-crit")
have = items("tc-renew", ["tc.renewals.state[renewals]", "tc.renewals.summary[renewals]", "tc.renewals[due,renewals]",
                          "tc.renewals[isolated,renewals]", "tc.renewals[expires_in_days,renewals]"])
got_r = {k: (v["lastvalue"], v["state"]) for k, v in have.items()}
check(len(have) == 5 and have["tc.renewals.state[renewals]"]["lastvalue"] == str(want["state_code"]) == "2" and
      have["tc.renewals.summary[renewals]"]["lastvalue"] == want["summary"] and
      int(have["tc.renewals[due,renewals]"]["lastvalue"]) == want["values"]["renewal_due"] and
      int(have["tc.renewals[isolated,renewals]"]["lastvalue"]) == want["values"]["renewal_isolated"] and
      float(have["tc.renewals[expires_in_days,renewals]"]["lastvalue"]) == want["values"]["renewal_expires_in_days"],
      "tc-renew: renewals state (CRITICAL), summary, due, isolated and days left equal check_tc_renewals by hand",
      json.dumps(got_r) + "\n" + json.dumps(want))
# a problem's operational data is the check's summary (the frontend cuts text values
# to 20 characters and "..."; notifications carry it whole, below)
for h in ("tc-member", "tc-arrears"):
    want = by_hand("balance", HOSTS[h][0])["summary"]
    got_op = [p["opdata"] for p in call("problem.get", {"hostids": hostid[h], "output": ["name", "opdata"]})]
    check(len(got_op) == 1 and got_op[0] in (want, want[:20] + "..."),
          "%s: the problem's operational data is the check's summary: %s" % (h, got_op), want)
summary = items("tc-broken", ["tc.balance.summary"])["tc.balance.summary"]["lastvalue"]
check("nosuch" in summary, "tc-broken: the summary says what is wrong: " + summary)
state = items("tc-broken", ["tc.pending.state"])["tc.pending.state"]
check(state["lastvalue"] == "3" and state["state"] == "0",
      "tc-broken: the other checks are UNKNOWN too (items supported), their problems held back by the dependency")

# no allocation for the member account: nothing discovered, no failed rule
rules = call("discoveryrule.get", {"hostids": [hostid["tc-member"], hostid["tc-admin"]], "output": ["key_", "state", "error", "hostid"]})
bad = [r for r in rules if r["state"] != "0"]
check(len(rules) == 6 and not bad, "discovery rules of the member and admin accounts are supported", json.dumps(rules))
alloc = call("item.get", {"hostids": hostid["tc-member"], "search": {"key_": "allocation"}, "output": ["key_"]})
check(not alloc, "tc-member: no allocation items (checks= does not list it)", json.dumps(alloc))
renew = call("item.get", {"hostids": [hostid["tc-member"], hostid["tc-admin"], hostid["tc-ok"]], "search": {"key_": "renewals"},
                          "output": ["key_"]})
check(not renew, "no renewals items for accounts whose checks= does not list it", json.dumps(renew))
members = call("item.get", {"hostids": hostid["tc-admin"], "search": {"key_": "tc.account.state["}, "output": ["key_"]})
check(len(members) > 0, "tc-admin: %d member accounts discovered" % len(members))

# the alert: one card for the arrears account, signed, its markup escaped
lines = until(60, "the alert", lambda: [json.loads(x) for x in open(hook_log)] if _try(lambda: open(hook_log).read()) else None, 1)
note("alert in")
lines = lines or []
check(len(lines) == 1, "the server sent exactly one alert for the arrears account (runway held back)", json.dumps(lines)[:800])
if lines:
    body = lines[0]["body"]
    md = body["card"]["elements"][0]["text"]["content"]
    check(lines[0]["sign_ok"] is True, "the card is signed with {$LARK.SECRET}")
    check("<at" not in md and "](" not in md and "&#60;at id=all&#62;&#60;/at&#62;" in md and
          "&#91;pay here&#93;&#40;https://evil.example/&#41;" in md,
          "the host name's <at> and [link](url) reach Lark escaped", md)
    summary = by_hand("balance", "arrears")["summary"]
    check(summary in md and body["card"]["header"]["template"] == "red",
          "the card carries the check's whole summary (%s), red" % summary, json.dumps(body, ensure_ascii=False)[:800])


def chat_counts():
    return {name: len(open(log).read().splitlines()) for name, log in CHAT.items()}


def chat_reached(n):
    return all(v >= n for v in chat_counts().values())


# the chat bots: the PROBLEM, then an acknowledgement with a message, then the RECOVERY
ok = until(60, "chat problem", lambda: chat_reached(1), 1)
check(ok, "the PROBLEM reached the chat bots (%s)" % chat_counts())
events = call("problem.get", {"hostids": hostid["tc-chat"], "output": ["eventid", "name"]})
if events:
    call("event.acknowledge", {"eventids": events[0]["eventid"], "action": 6, "message": "topping up <at id=all></at>"})
ok = until(60, "chat acknowledgement", lambda: chat_reached(2), 1)
check(ok, "the acknowledgement reached the chat bots (%s)" % chat_counts())
with open(ini) as f:
    text = f.read()
with open(ini + ".tmp", "w") as f:
    f.write(text.replace("balance.critical=999999999:", "balance.critical=0:"))
os.rename(ini + ".tmp", ini)
ok = until(90, "chat recovery", lambda: chat_reached(3), 1)
check(ok, "the RECOVERY reached the chat bots (%s)" % chat_counts())
time.sleep(2)
check(all(v == 3 for v in chat_counts().values()), "three messages to each chat bot, no more: %s" % chat_counts())
note("chat bots done")
alerts = call("alert.get", {"output": ["status", "error"]})
check(alerts and all(a["status"] == "1" for a in alerts), "the server records the alert as sent", json.dumps(alerts))

print("1..%d" % n)
sys.exit(1 if failed else 0)

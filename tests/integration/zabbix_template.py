# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Zabbix template against real output: UUIDv4s, master items, and every
dependent item's JSONPath resolved on what tc_billing.sh prints for an account of the
simulator. Prints TAP lines; exits 1 on any failure.

usage: zabbix_template.py TEMPLATE WRAPPER INI ACCOUNTS [ARREARS-SECTIONS]
ACCOUNTS maps each check to its ini sections, e.g. balance=ok,credit;pending=pend-warn
(each section is run; an optional item must resolve in at least one of them).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

template_path, wrapper, ini, accounts_arg = sys.argv[1:5]
# accounts whose balance decides arrears: e.g. arrears,credit,ok
arrears_sections = sys.argv[5].split(",") if len(sys.argv) > 5 else []
accounts = {c: s.split(",") for c, s in (p.split("=") for p in accounts_arg.split(";"))}
doc = yaml.safe_load(open(template_path))
n = 0
failed = 0


def check(ok, desc, detail=""):
    global n, failed
    n += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, desc))
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print("# " + line)


export = doc["zabbix_export"]
check(export["version"] == "6.0", "zabbix_export version 6.0")
template = export["templates"][0]
macros = {m["macro"]: m["value"] for m in template["macros"]}
uuids = []


def walk(node):
    if isinstance(node, dict):
        if "uuid" in node:
            uuids.append(node["uuid"])
        for v in node.values():
            walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)


walk(export)
v4 = re.compile(r"^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$")
bad = [u for u in uuids if not v4.match(u)]
check(not bad, "%d UUIDs are 32-hex-digit UUIDv4s" % len(uuids), bad)
check(len(set(uuids)) == len(uuids), "UUIDs are unique")


def expand(text, extra=None):
    for k, v in dict(macros, **(extra or {})).items():
        text = text.replace(k, v)
    return text


def key_args(key):
    inner = key[key.index("[") + 1:key.rindex("]")]
    return [a.strip('"') for a in re.findall(r'"(?:[^"\\]|\\.)*"', inner)]


def run(key, section, extra=None):
    args = [expand(a, dict({"{$TC.ACCOUNT}": section, "{$TC.INI}": ini}, **(extra or {})))
            for a in key_args(key)]
    p = subprocess.run([wrapper] + args, capture_output=True, text=True, timeout=30)
    return p.returncode, p.stdout, p.stderr


def jsonpath(data, path):
    """The subset the template uses: $.a.b and $.a["b"]."""
    cur = data
    for part in re.findall(r'\.([A-Za-z_][A-Za-z0-9_]*)|\["([^"]+)"\]', path[1:]):
        name = part[0] or part[1]
        if not isinstance(cur, dict) or name not in cur:
            raise KeyError(name)
        cur = cur[name]
    return cur


rules = {r["key"]: r for r in template["discovery_rules"]}
checks_rule = [r for r in template["discovery_rules"] if key_args(r["key"])[0] == "checks"]


def opt_in(r):
    """The one check a rule of the account's checks makes items for (its filter)."""
    conds = r.get("filter", {}).get("conditions", [])
    names = [c for c in ("allocation", "renewals") if any(re.fullmatch(f["value"], c) for f in conds)]
    return names[0] if len(names) == 1 else None


OPT_IN = {opt_in(r): r for r in checks_rule}
check(sorted(OPT_IN) == ["allocation", "renewals"],
      "a discovery rule of the account's checks per opt-in check (allocation, renewals)", [r["key"] for r in checks_rule])
# the opt-in checks' items are prototypes of their rule, made for {#CHECK}=allocation/renewals
protos = [json.loads(re.sub(r"\{#[A-Z]+\}", c, json.dumps(p))) for c, r in OPT_IN.items() if c for p in r["item_prototypes"]]
pkeys = [p["key"] for r in template["discovery_rules"] for p in r["item_prototypes"]]
check(len(set(pkeys)) == len(pkeys), "item prototype keys are unique in the template (Zabbix refuses the import otherwise)",
      sorted(k for k in pkeys if pkeys.count(k) > 1))
items = template["items"] + protos
keys = {i["key"] for i in items}
masters = [i for i in items if i["type"] == "EXTERNAL"]
dependents = [i for i in items if i["type"] == "DEPENDENT"]
check(sorted(key_args(m["key"])[0] for m in masters) == ["allocation", "balance", "pending", "renewals", "runway", "vouchers"],
      "one master item per check", [m["key"] for m in masters])
missing = [i["key"] for i in dependents if i["master_item"]["key"] not in keys]
check(not missing, "every dependent item's master exists", missing)

for m in masters:
    check_name = key_args(m["key"])[0]
    outputs = []
    for section in accounts[check_name]:
        rc, out, err = run(m["key"], section)
        check(rc == 0 and err == "" and out.count("\n") == 1,
              "tc_billing.sh %s (%s): one line of JSON, nothing on stderr, exit 0" % (check_name, section),
              "rc=%s stderr=%s" % (rc, err))
        outputs.append(json.loads(out))
    for d in (d for d in dependents if d["master_item"]["key"] == m["key"]):
        step = d["preprocessing"][0]
        if step["type"] != "JSONPATH":
            continue
        path = expand(step["parameters"][0])
        optional = step.get("error_handler") == "DISCARD_VALUE"
        found = []
        for o in outputs:
            try:
                found.append(jsonpath(o, path))
            except KeyError:
                pass
        numeric = d["value_type"] in ("FLOAT", "UNSIGNED")
        good = found and all(isinstance(v, (int, float)) for v in found) if numeric else bool(found)
        if not optional:
            good = good and len(found) == len(outputs)
        check(good, "%s resolves %s%s" % (d["key"], path, " (optional)" if optional else ""),
              json.dumps(outputs)[:400])

# low-level discovery and its prototypes
rule = ([r for r in template["discovery_rules"] if key_args(r["key"])[0] == "members"] + template["discovery_rules"])[0]
rc, out, err = run(rule["key"], accounts["allocation"][0])
lld = json.loads(out)
uins = [e["{#UIN}"] for e in lld["data"]]
check(rc == 0 and uins and all("{#NAME}" in e for e in lld["data"]),
      "discovery: {#UIN} and {#NAME} for %d accounts" % len(uins), out[:300])
protos = rule["item_prototypes"]
proto_master = [p for p in protos if p["type"] == "EXTERNAL"][0]
rc, out, err = run(proto_master["key"], accounts["allocation"][0], {"{#UIN}": uins[-1]})
data = json.loads(out)
check(rc == 0 and data["values"]["accounts_checked"] == 1, "prototype master runs for one discovered account")
for p in (p for p in protos if p["type"] == "DEPENDENT"):
    path = expand(p["preprocessing"][0]["parameters"][0])
    try:
        jsonpath(data, path)
        ok = True
    except KeyError:
        ok = False
    check(ok and p["master_item"]["key"] == proto_master["key"], "prototype %s resolves %s" % (p["key"], path))

def item_refs(expression):
    """Item keys in /host/key references; a key's [...] may hold commas and quotes."""
    refs, i = [], 0
    while True:
        start = expression.find("/" + T + "/", i)
        if start < 0:
            return refs
        j = start + len(T) + 2
        k = j
        while k < len(expression) and expression[k] not in ",)[":
            k += 1
        if k < len(expression) and expression[k] == "[":
            quoted = False
            while k < len(expression):
                c = expression[k]
                if c == '"' and expression[k - 1] != "\\":
                    quoted = not quoted
                elif c == "]" and not quoted:
                    k += 1
                    break
                k += 1
        refs.append(expression[j:k])
        i = k


T = template["template"]
mkey_balance = [m["key"] for m in masters if key_args(m["key"])[0] == "balance"][0]
# triggers refer to items that exist
for t in template["items"]:
    for trig in t.get("triggers", []):
        ref = item_refs(trig["expression"])
        check(ref and all(r in keys for r in ref), "trigger '%s' uses existing items" % trig["name"], ref)
for trig in export.get("triggers", []):
    ref = item_refs(trig["expression"])
    check(ref and all(r in keys for r in ref), "trigger '%s' uses existing items" % trig["name"], ref)

# --- the triggers judge as the plugins do -------------------------------------
all_triggers = list(export.get("triggers", []))
for t in template["items"]:
    all_triggers += t.get("triggers", [])
for r in template["discovery_rules"]:
    all_triggers += [dict(t, proto=True) for t in r.get("trigger_prototypes", [])]
by_name = {t["name"]: t for t in all_triggers}
SEV = {"CRITICAL": {"HIGH", "DISASTER"}, "WARNING": {"WARNING"}, "UNKNOWN": {"HIGH"}}
CODE = {"2": "CRITICAL", "1": "WARNING", "3": "UNKNOWN"}


def state_refs(expr):
    """(check, state code) for every last(tc.CHECK.state)=N in an expression."""
    return re.findall(r"last\(/[^/]+/tc\.([a-z]+)\.state(?:\[[^\]]*\])?\)=([0-3])", expr)


for c in ("balance", "pending", "vouchers", "runway", "allocation", "renewals"):
    for code, word in CODE.items():
        ts = [t for t in all_triggers if (c, code) in state_refs(t["expression"])]
        check(ts and all(t["priority"] in SEV[word] for t in ts),
              "%s: a trigger raises the plugin's %s with severity %s" % (c, word, "/".join(sorted(SEV[word]))),
              [(t["name"], t["priority"]) for t in ts])
# no trigger compares amounts on its own: thresholds live in the accounts file
own = [t["name"] for t in all_triggers if not state_refs(t["expression"]) and "nodata(" not in t["expression"]]
check(not own, "every trigger follows a check's state (or is a no-data trigger)", own)
arrears = [t for t in all_triggers if t["priority"] == "DISASTER"]
check(len(arrears) == 1 and ("balance", "2") in state_refs(arrears[0]["expression"]),
      "arrears (DISASTER) only when check_tc_balance says CRITICAL", [t["expression"] for t in arrears])
# opdata shows the check's summary: the first item of the expression is the summary
bad = [t["name"] for t in all_triggers if "nodata(" not in t["expression"] and
       not (t.get("opdata") == "{ITEM.LASTVALUE1}" and item_refs(t["expression"])[0].startswith("tc.") and
            ".summary" in item_refs(t["expression"])[0])]
check(not bad, "every state trigger shows the check's summary as operational data", bad)
# dependencies name existing triggers; one cause, one problem
bad = [(t["name"], d) for t in all_triggers for d in t.get("dependencies", [])
       if d["name"] not in by_name or by_name[d["name"]]["expression"] != d["expression"]]
check(not bad, "trigger dependencies name existing triggers", bad)


def depends_on(t, name):
    return any(d["name"] == name for d in t.get("dependencies", []))


arrears_name = arrears[0]["name"] if arrears else "?"
held = [t["name"] for t in all_triggers if state_refs(t["expression"]) and
        state_refs(t["expression"])[0][0] in ("runway", "pending") and state_refs(t["expression"])[0][1] in ("1", "2")]
check(held and all(depends_on(by_name[n], arrears_name) for n in held),
      "runway and pending problems are held back while the account is in arrears", held)
unknown_balance = [t["name"] for t in all_triggers if ("balance", "3") in state_refs(t["expression"])]
# (not renewals: Zabbix 6.0.14's host.create never returns when a trigger prototype of
# a second discovery rule depends on the balance's UNKNOWN as allocation's does)
others = [t for t in all_triggers if any(code == "3" and c not in ("balance", "renewals") for c, code in state_refs(t["expression"]))]
check(unknown_balance and others and all(depends_on(t, unknown_balance[0]) for t in others),
      "the other checks' UNKNOWN is held back while the balance is UNKNOWN (one unreadable account, one problem)",
      [t["name"] for t in others])
# allocation and renewals are opt-in: no item runs them unless discovered from checks=
for c in ("allocation", "renewals"):
    regular = [i["key"] for i in template["items"] if c in i["key"]]
    check(not regular, "no regular item runs the %s check" % c, regular)
    flt = OPT_IN[c].get("filter", {}).get("conditions", []) if c in OPT_IN else []
    check(any(re.fullmatch(r"\{#[A-Z]+\}", f["macro"]) and re.fullmatch(f["value"], c) and not re.fullmatch(f["value"], "balance")
              for f in flt), "the %s items are discovered only for accounts that list it in checks=" % c, flt)
    # the rule's own discovery, run on an account that lists the check, finds only it
    if c in OPT_IN:
        rc, out, err = run(OPT_IN[c]["key"], accounts[c][0])
        macro = OPT_IN[c]["filter"]["conditions"][0]["macro"]
        found = [e.get(macro) for e in json.loads(out)] if rc == 0 and out.startswith("[") else out
        check(c in found, "the %s rule discovers %s for %s" % (c, c, accounts[c][0]), out)
# intervals are macros with defaults
delays = {i.get("delay") for i in template["items"] + protos + rule["item_prototypes"] if i["type"] == "EXTERNAL"}
delays |= {r["delay"] for r in template["discovery_rules"]}
check(all(d in macros for d in delays), "every interval is a template macro", delays)

# the arrears rule of the template, run by zabbix_js on real output, agrees with the plugin
zjs = shutil.which("zabbix_js")
arrears_item = [i for i in template["items"] if i["key"] == "tc.balance.arrears"]
check(zjs and arrears_item, "zabbix_js and the arrears item exist")
if zjs and arrears_item:
    js = arrears_item[0]["preprocessing"][0]["parameters"][0]
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as f:
        f.write("return (function (value) {\n" + js + "\n})(value);\n")
    for section in arrears_sections:
        rc, out, err = run(mkey_balance, section)
        data = json.loads(out)
        p = subprocess.run([zjs, "-s", f.name, "-p", out], capture_output=True, text=True, timeout=30)
        got = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
        want = "1" if data["state_code"] == 2 and data["summary"].startswith("in arrears") else "0"
        check(p.returncode == 0 and got == want,
              "arrears item for %s is %s (plugin: %s, %s)" % (section, want, data["state"], data["summary"]), p.stdout)
    os.unlink(f.name)
names = {v["name"] for v in template["valuemaps"]}
check(all(i.get("valuemap", {"name": "TC check state"})["name"] in names for i in items), "value maps exist")

print("1..%d" % n)
sys.exit(1 if failed else 0)

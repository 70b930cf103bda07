"""Checks the Zabbix template against real output: UUIDv4s, master items, and every
dependent item's JSONPath resolved on what tc_billing.sh prints for an account of the
simulator. Prints TAP lines; exits 1 on any failure.

usage: zabbix_template.py TEMPLATE WRAPPER INI ACCOUNTS
ACCOUNTS maps each check to its ini sections, e.g. balance=ok,credit;pending=pend-warn
(each section is run; an optional item must resolve in at least one of them).
"""
import json
import re
import subprocess
import sys

import yaml

template_path, wrapper, ini, accounts_arg = sys.argv[1:5]
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


items = template["items"]
keys = {i["key"] for i in items}
masters = [i for i in items if i["type"] == "EXTERNAL"]
dependents = [i for i in items if i["type"] == "DEPENDENT"]
check(len(masters) == 5, "one master item per check")
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
rule = template["discovery_rules"][0]
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
# triggers refer to items that exist
for t in template["items"]:
    for trig in t.get("triggers", []):
        ref = item_refs(trig["expression"])
        check(ref and all(r in keys for r in ref), "trigger '%s' uses existing items" % trig["name"], ref)
for trig in export.get("triggers", []):
    ref = item_refs(trig["expression"])
    check(ref and all(r in keys for r in ref), "trigger '%s' uses existing items" % trig["name"], ref)
names = {v["name"] for v in template["valuemaps"]}
check(all(i.get("valuemap", {"name": "TC check state"})["name"] in names for i in items), "value maps exist")

print("1..%d" % n)
sys.exit(1 if failed else 0)

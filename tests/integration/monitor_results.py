# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares what Nagios 4 (status.dat) or Icinga 2 (its state file) recorded for each
Tencent Cloud service with what the plugin prints when run by hand with the same
options, and prints one line per service: "ok<TAB>what" or "not ok<TAB>what<TAB>why".

usage: monitor_results.py nagios|icinga RESULTS PLUGINDIR ACCOUNTS_INI [SECTION/CHECK=OPTIONS]...
(OPTIONS: what the daemon passes besides --extra-opts, split at spaces)
Hosts are named tencentcloud-SECTION (Nagios); Icinga services tc-CHECK-SECTION.
With MODE "first CHECK SECTION", prints the first line the plugin prints by hand.
"""
import json
import os
import re
import subprocess
import sys

mode, results, plugindir, ini = sys.argv[1:5]
PROGRAMS = {"Tencent Cloud balance": "balance", "Tencent Cloud unpaid orders": "pending",
            "Tencent Cloud vouchers": "vouchers", "Tencent Cloud runway": "runway",
            "Tencent Cloud allocation": "allocation", "Tencent Cloud renewals": "renewals"}
# what differs between two runs: the API's request id, an order's creation time (the
# simulator makes it "now" minus the order's age) and the month's forecast (linear in
# the time of day)
VARYING = [(re.compile(r"RequestId [0-9a-f-]+"), "RequestId X"),
           (re.compile(r"forecast \S+ of"), "forecast X of"),
           (re.compile(r"created \d{4}-\d\d-\d\d \d\d:\d\d:\d\d"), "created X")]


def steady(s):
    if not isinstance(s, str):
        return s
    for pattern, fixed in VARYING:
        s = pattern.sub(fixed, s)
    return s


EXTRA = dict(a.split("=", 1) for a in sys.argv[5:]) if mode != "first" else {}


def by_hand(check, section):
    extra = EXTRA.get("%s/%s" % (section, check), "").split()
    # the daemons' environment (the test's: no credentials, no proxies)
    p = subprocess.run([os.path.join(plugindir, "check_tc_" + check), "--extra-opts=%s@%s" % (section, ini)] + extra,
                       capture_output=True, text=True, timeout=30)
    lines = p.stdout.rstrip("\n").split("\n")
    first, _, perf = lines[0].partition("|")
    return p.returncode, first.strip(), lines[1:], perf.strip(), p.stderr


def nagios():
    blocks, cur = [], None
    with open(results, encoding="utf-8") as f:
        for line in f:
            if line.startswith("servicestatus {"):
                cur = {}
            elif cur is not None and line.startswith("\t}"):
                blocks.append(cur)
                cur = None
            elif cur is not None and "=" in line:
                k, _, v = line.strip("\t\n").partition("=")
                cur[k] = v
    for b in blocks:
        yield (b["host_name"][len("tencentcloud-"):], PROGRAMS[b["service_description"]], b["host_name"],
               b["service_description"], int(b["current_state"]), b["plugin_output"],
               b["long_plugin_output"], b["performance_data"], b["has_been_checked"] == "1")


def nagios_long(lines):
    return "\\n".join(line.replace("\\", "\\\\") for line in lines)


def icinga():
    raw = open(results, "rb").read()
    i = 0
    while i < len(raw):
        colon = raw.index(b":", i)
        n = int(raw[i:colon])
        obj = json.loads(raw[colon + 1:colon + 1 + n])
        i = colon + 1 + n + 1
        if obj.get("type") != "Service":
            continue
        name = obj["name"].split("!", 1)[1]
        m = re.fullmatch(r"tc-(balance|pending|vouchers|runway|allocation|renewals)-(.+)", name)
        if not m:
            continue
        cr = (obj.get("update") or {}).get("last_check_result")
        if not cr:
            yield m.group(2), m.group(1), obj["name"], name, None, None, None, None, False
            continue
        yield (m.group(2), m.group(1), obj["name"].split("!")[0], name, int(cr["exit_status"]), cr["output"],
               None, " ".join(str(p) for p in cr.get("performance_data") or []), True)


if mode == "first":
    print(by_hand(sys.argv[5], sys.argv[6])[1])
    sys.exit(0)
count = 0
for section, check, host, service, state, output, long, perf, checked in (nagios() if mode == "nagios" else icinga()):
    what = "%s / %s" % (host, service)
    count += 1
    if not checked:
        print("not ok\t%s\tnever checked" % what)
        continue
    rc, first, lines, hperf, err = by_hand(check, section)
    if mode == "nagios":
        # Nagios turns ';' in plugin output into ':'
        want = (rc, first.replace(";", ":"), nagios_long(l.replace(";", ":") for l in lines), hperf)
        got = (state, output.strip(), long, perf.strip())
    else:
        # Icinga keeps the output without perfdata as one text, labels unquoted
        text = "\n".join([first] + lines)
        want = (rc, text.rstrip(), " ".join(re.sub(r"'([^']*)'=", r"\1=", hperf).split()))
        got = (state, "\n".join(l.rstrip() for l in output.split("\n")).rstrip(), " ".join(perf.split()))
    want = tuple(steady(w) for w in want)
    got = tuple(steady(g) for g in got)
    if want == got and not err:
        print("ok\t%s: state %d, %s" % (what, state, first))
    else:
        print("not ok\t%s\tdaemon: %r\tby hand: %r\tstderr: %r" % (what, got, want, err))
print("count\t%d" % count)

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The commands a systemd 252 service unit runs, read from the unit file the way
systemd reads it (there is no systemd PID 1 on the test machines to ask).

usage: systemd_exec.py UNIT-FILE INSTANCE [NAME=VALUE...]
Prints one JSON object: {"env": {...}, "exec": [{"argv": [...], "path": ...,
"ignore_failure": bool}, ...]} for ExecStartPre=, ExecStart= and ExecStartPost= in
order. NAME=VALUE are the manager's own environment, before Environment= lines.

Follows systemd.service(5) "Command lines" and systemd.unit(5): line continuations,
comments, specifiers (%i %I %n %N %p %P %%), the prefixes - @ : + ! !!, C-style
quoting and escapes (extract_first_word with UNQUOTE|CUNESCAPE), and at run time
replace_env_argv(): a word that is "$NAME" as a whole (after unquoting) is replaced
by the variable's value split at whitespace, or dropped when it has no such variable
(the trap of "$PLUGINS/check ..." inside quotes); "${NAME}" is replaced in place
within a word; "$$" is a literal "$".
"""
import json
import re
import sys

WHITESPACE = " \t\n\r"


def logical_lines(text):
    """Joins continuation lines and drops comments, as systemd's config parser."""
    out, cur = [], None
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        if cur is None:
            stripped = line.strip()
            if not stripped or stripped[0] in "#;":
                continue
            cur = line.strip()
        else:
            stripped = line.strip()
            if stripped and stripped[0] in "#;":
                continue  # comments inside a continuation are skipped
            cur += " " + line.strip()
        if cur.endswith("\\"):
            cur = cur[:-1]
            continue
        out.append(cur)
        cur = None
    if cur is not None:
        out.append(cur)
    return out


def sections(text):
    sec, entries = None, []
    for line in logical_lines(text):
        if line.startswith("[") and line.endswith("]"):
            sec = line[1:-1]
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError("not key=value: %r" % line)
        entries.append((sec, key.strip(), value.strip()))
    return entries


def specifiers(value, unit_name):
    """%i %I %n %N %p %P %% of a template instance."""
    prefix, _, rest = unit_name.partition("@")
    instance, _, suffix = rest.rpartition(".")
    table = {
        "i": instance,
        "I": unescape_unit(instance),
        "n": unit_name,
        "N": unit_name.rsplit(".", 1)[0],
        "p": prefix,
        "P": unescape_unit(prefix),
        "%": "%",
    }
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "%":
            if i + 1 >= len(value) or value[i + 1] not in table:
                raise ValueError("unsupported specifier in %r" % value)
            out.append(table[value[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def unescape_unit(s):
    s = s.replace("-", "/")
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), s)


ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
           "\\": "\\", '"': '"', "'": "'", "s": " "}


def cunescape_one(s, i):
    """The character of the escape at s[i] (just after the backslash); returns (text, next)."""
    c = s[i]
    if c in ESCAPES:
        return ESCAPES[c], i + 1
    if c == "x" and re.match(r"[0-9a-fA-F]{2}", s[i + 1:i + 3]):
        return chr(int(s[i + 1:i + 3], 16)), i + 3
    if c in "01234567" and re.match(r"[0-7]{3}", s[i:i + 3]):
        return chr(int(s[i:i + 3], 8)), i + 3
    if c == "u" and re.match(r"[0-9a-fA-F]{4}", s[i + 1:i + 5]):
        return chr(int(s[i + 1:i + 5], 16)), i + 5
    if c in WHITESPACE:  # EXTRACT_UNESCAPE_SEPARATORS: "\ " is a space
        return c, i + 1
    raise ValueError("invalid escape \\%s" % c)


def words(s):
    """extract_first_word(EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE) repeatedly."""
    out, i, n = [], 0, len(s)
    while True:
        while i < n and s[i] in WHITESPACE:
            i += 1
        if i >= n:
            return out
        word, quote = [], None
        while i < n:
            c = s[i]
            if c == "\\" and i + 1 < n:  # escapes work inside quotes too
                t, i = cunescape_one(s, i + 1)
                word.append(t)
                continue
            if quote and c == quote:
                quote = None
            elif not quote and c in WHITESPACE:
                break
            elif not quote and c in "'\"":
                quote = c
            else:
                word.append(c)
            i += 1
        if quote:
            raise ValueError("unbalanced quotes in %r" % s)
        out.append("".join(word))


def parse_exec(value):
    """One Exec*= value: prefixes, then the command (a lone ';' starts another)."""
    commands = []
    ws = words(value)
    while ws:
        first = ws[0]
        flags = set()
        while first and first[0] in "-@:+!":
            flags.add(first[0])
            first = first[1:]
        rest = ws[1:]
        if "@" in flags:
            path, argv0, rest = first, rest[0], rest[1:]
            argv = [argv0]
        else:
            path, argv = first, [first]
        cmd_args = []
        while rest and rest[0] != ";":
            cmd_args.append(rest.pop(0))
        argv += cmd_args
        ws = rest[1:] if rest else []
        commands.append({"path": path, "argv": argv, "ignore_failure": "-" in flags,
                         "expand_env": ":" not in flags})
    return commands


def replace_env(word, env):
    out, i = [], 0
    while i < len(word):
        if word[i] == "$" and word[i + 1:i + 2] == "{":
            end = word.find("}", i + 2)
            if end < 0:
                out.append(word[i:])
                break
            out.append(env.get(word[i + 2:end], ""))
            i = end + 1
        elif word[i] == "$" and word[i + 1:i + 2] == "$":
            out.append("$")
            i += 2
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def replace_env_argv(argv, env):
    out = []
    for w in argv:
        if w.startswith("$") and w[1:2] not in ("{", "$"):
            value = env.get(w[1:])
            if value is not None:
                out += words(value)
            continue  # no such variable: the word is dropped
        out.append(replace_env(w, env))
    return out


def commands(text, unit_name, manager_env=None):
    env = dict(manager_env or {})
    execs = {"ExecStartPre": [], "ExecStart": [], "ExecStartPost": []}
    for sec, key, value in sections(text):
        if sec != "Service":
            continue
        if key == "Environment":
            for assignment in words(specifiers(value, unit_name)):
                name, sep, val = assignment.partition("=")
                if sep:
                    env[name] = val
        elif key in execs:
            if value == "":
                execs[key] = []  # an empty assignment resets the list
            else:
                execs[key] += parse_exec(specifiers(value, unit_name))
    run = []
    for key in ("ExecStartPre", "ExecStart", "ExecStartPost"):
        for c in execs[key]:
            argv = replace_env_argv(c["argv"], env) if c["expand_env"] else c["argv"]
            run.append({"kind": key, "path": c["path"], "argv": argv,
                        "ignore_failure": c["ignore_failure"]})
    return {"env": env, "exec": run}


def main():
    path, instance = sys.argv[1], sys.argv[2]
    manager_env = dict(a.split("=", 1) for a in sys.argv[3:])
    template = path.rsplit("/", 1)[-1]
    unit_name = template.replace("@.", "@%s." % instance)
    with open(path, encoding="utf-8") as f:
        print(json.dumps(commands(f.read(), unit_name, manager_env)))


if __name__ == "__main__":
    main()

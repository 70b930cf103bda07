# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for a chat platform's incoming webhook, for the tests: it records every
request as a JSON line (path, query, Content-Type, whether the signature recomputed
here matches, body) and answers as the platform documents, from a plan: per request
"ok", "limited" (the platform's rate-limit answer) or "refused" (a permanent error
in the platform's own error format), the last entry repeating.

  lark      signature in the body: base64 HMAC-SHA256, key "timestamp\\nsecret",
            empty message; answers {"code": N, "msg": ...}; limited: code 11232;
            limited2: HTTP 400 with code 99991400 (the open platform's rate limit as
            older APIs answer it); badrequest: code 9499 "Bad Request"
  wecom     no signature (the key= query is the secret); answers {"errcode": N,
            "errmsg": ...}; limited: errcode 45009; refused: 93000
  dingtalk  timestamp (ms) and sign query parameters: base64 HMAC-SHA256 with key
            secret over "timestamp\\nsecret", URL-encoded, within an hour; answers
            {"errcode": N, "errmsg": ...}; limited: 130101; limited2: 410100;
            busy: -1; refused: 300001; a bad signature: 310000
  slack     answers "ok"; limited: HTTP 429 with Retry-After: 1 (slow: 60); refused: HTTP 404
            "channel_not_found"; a body that is not JSON: HTTP 400 "invalid_payload"
  webhook   answers HTTP 200; limited: 429 with Retry-After: 1; refused: HTTP 400
            with a JSON error

usage: chat_receiver.py TYPE PORT_FILE LOG_FILE SECRET PLAN
"""
import base64
import hashlib
import hmac
import http.server
import json
import os
import sys
import time
import urllib.parse

kind, port_file, log_file, secret = sys.argv[1:5]
plan = sys.argv[5].split(",")
count = 0


def lark_sign_ok(msg):
    if "sign" not in msg:
        return None
    key = (msg["timestamp"] + "\n" + secret).encode()
    want = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
    return want == msg["sign"] and abs(time.time() - int(msg["timestamp"])) < 3600


def dingtalk_sign_ok(raw_query):
    # the raw query: the sign must arrive URL-encoded, as documented
    q = dict(p.split("=", 1) for p in raw_query.split("&") if "=" in p)
    if "sign" not in q and "timestamp" not in q:
        return None
    ts = q.get("timestamp", "0")
    mac = hmac.new(secret.encode(), (ts + "\n" + secret).encode(), hashlib.sha256).digest()
    want = urllib.parse.quote_plus(base64.b64encode(mac).decode())
    return want == q.get("sign") and abs(time.time() * 1000 - int(ts)) < 3600 * 1000


class Hook(http.server.BaseHTTPRequestHandler):
    def answer(self, status, obj, headers=()):
        out = obj.encode() if isinstance(obj, str) else json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" if isinstance(obj, str) else "application/json")
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def do_POST(self):
        global count
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        step = plan[min(count, len(plan) - 1)]
        count += 1
        url = urllib.parse.urlsplit(self.path)
        try:
            msg = json.loads(raw)
        except ValueError:
            msg = None
        sign_ok = None
        if kind == "lark" and isinstance(msg, dict):
            sign_ok = lark_sign_ok(msg)
        elif kind == "dingtalk":
            sign_ok = dingtalk_sign_ok(url.query)
        with open(log_file, "a") as f:
            f.write(json.dumps({"path": url.path, "query": dict(urllib.parse.parse_qsl(url.query)),
                                "content_type": self.headers.get("Content-Type"),
                                "sign_ok": sign_ok, "body": msg}) + "\n")
        getattr(self, "answer_" + kind)(step, msg, sign_ok)

    def answer_lark(self, step, msg, sign_ok):
        if step == "limited":
            self.answer(200, {"code": 11232, "msg": "frequency limited"})
        elif step == "limited2":
            self.answer(400, {"code": 99991400, "msg": "request trigger frequency limit"})
        elif step == "badrequest":
            self.answer(200, {"code": 9499, "msg": "Bad Request", "data": {}})
        elif step == "refused":
            self.answer(200, {"code": 19024, "msg": "Key Words Not Found"})
        elif sign_ok is False:
            self.answer(200, {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"})
        else:
            self.answer(200, {"code": 0, "msg": "success", "data": {}})

    def answer_wecom(self, step, msg, sign_ok):
        if step == "limited":
            self.answer(200, {"errcode": 45009, "errmsg": "api freq out of limit"})
        elif step == "refused":
            self.answer(200, {"errcode": 93000, "errmsg": "invalid webhook url"})
        else:
            self.answer(200, {"errcode": 0, "errmsg": "ok"})

    def answer_dingtalk(self, step, msg, sign_ok):
        if step == "limited":
            self.answer(200, {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"})
        elif step == "limited2":
            self.answer(200, {"errcode": 410100, "errmsg": "send too fast"})
        elif step == "busy":
            self.answer(200, {"errcode": -1, "errmsg": "system busy"})
        elif step == "refused":
            self.answer(200, {"errcode": 300001, "errmsg": "token is not exist"})
        elif sign_ok is False:
            self.answer(200, {"errcode": 310000, "errmsg": "sign not match"})
        else:
            self.answer(200, {"errcode": 0, "errmsg": "ok"})

    def answer_slack(self, step, msg, sign_ok):
        if step == "limited":
            self.answer(429, "rate_limited", [("Retry-After", "1")])
        elif step == "slow":
            self.answer(429, "rate_limited", [("Retry-After", "60")])
        elif step == "refused":
            self.answer(404, "channel_not_found")
        elif not isinstance(msg, dict):
            self.answer(400, "invalid_payload")
        else:
            self.answer(200, "ok")

    def answer_webhook(self, step, msg, sign_ok):
        if step == "limited":
            self.answer(429, {"error": "slow down"}, [("Retry-After", "1")])
        elif step == "refused":
            self.answer(400, {"error": "unknown receiver"})
        else:
            self.answer(200, {"accepted": True})

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()

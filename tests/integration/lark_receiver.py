# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for a Lark custom bot webhook, for the tests: it checks the signature
the way Lark documents it (base64 of HMAC-SHA256 with key "timestamp\\nsecret" over
an empty message, timestamp within an hour), records every request as a JSON line,
and answers from a plan: "429", "500", "code11232" or "ok" per request, the last
entry repeating.

usage: lark_receiver.py PORT_FILE LOG_FILE SECRET PLAN
"""
import base64
import hashlib
import hmac
import http.server
import json
import sys
import time

port_file, log_file, secret, plan = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
count = 0


class Hook(http.server.BaseHTTPRequestHandler):
    def answer(self, status, obj):
        out = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def do_POST(self):
        global count
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        step = plan[min(count, len(plan) - 1)]
        count += 1
        msg = json.loads(body)
        sign_ok = None
        if "sign" in msg:
            key = (msg["timestamp"] + "\n" + secret).encode()
            want = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
            sign_ok = want == msg["sign"] and abs(time.time() - int(msg["timestamp"])) < 3600
        with open(log_file, "a") as f:
            f.write(json.dumps({"path": self.path, "sign_ok": sign_ok, "body": msg}) + "\n")
        if step == "429":
            self.answer(429, {"code": 99991400, "msg": "request trigger frequency limit"})
        elif step == "500":
            self.answer(500, {"code": 500, "msg": "internal"})
        elif step == "code11232":
            self.answer(200, {"code": 11232, "msg": "frequency limited"})
        elif sign_ok is False:
            self.answer(200, {"code": 19021,
                              "msg": "sign match fail or timestamp is not within one hour from current time"})
        else:
            self.answer(200, {"code": 0, "msg": "success", "data": {}})

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os  # noqa: E402

os.rename(port_file + ".tmp", port_file)
server.serve_forever()

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Loopback servers that misbehave on purpose, for the security tests.

  hostile.py proxy PORTFILE LOGFILE   an HTTP proxy that logs every request it is sent
                                      (request line, headers, body) and every answer it
                                      relays, then forwards it: what a logging proxy or
                                      a snooping middlebox would learn
  hostile.py bomb PORTFILE BYTES      an "API" whose every answer is a valid envelope
                                      padded with BYTES of {} objects (a JSON bomb)
  hostile.py dupkeys PORTFILE         an "API" whose answer repeats a key
"""
import http.client
import os
import select
import socket
import http.server
import socketserver
import sys
import urllib.parse


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(handler, portfile):
    srv = Server(("127.0.0.1", 0), handler)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    srv.serve_forever()


def proxy(portfile, logfile):
    class Proxy(Quiet):
        def relay(self):
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n) if n else b""
            with open(logfile, "ab") as log:
                log.write(("%s %s\n%s\n" % (self.command, self.path, self.headers)).encode())
                log.write(body + b"\n")
            if self.command == "CONNECT":
                self.tunnel()
                return
            u = urllib.parse.urlsplit(self.path)
            conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=10)
            headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
            conn.request(self.command, (u.path or "/") + ("?" + u.query if u.query else ""),
                         body=body or None, headers=headers)
            r = conn.getresponse()
            data = r.read()
            with open(logfile, "ab") as log:
                log.write(b"< " + data + b"\n")
            self.send_response(r.status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def tunnel(self):
            host, port = self.path.rsplit(":", 1)
            upstream = socket.create_connection((host, int(port)), timeout=10)
            self.send_response(200)
            self.end_headers()
            self.wfile.flush()
            socks = [self.connection, upstream]
            while True:
                ready, _, _ = select.select(socks, [], [], 10)
                if not ready:
                    break
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        upstream.close()
                        return
                    (upstream if s is self.connection else self.connection).sendall(data)
            upstream.close()

        do_GET = do_POST = do_CONNECT = relay

    serve(Proxy, portfile)


def api(portfile, body):
    class Api(Quiet):
        def do_POST(self):
            n = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(n)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    serve(Api, portfile)


def main():
    mode, portfile = sys.argv[1], sys.argv[2]
    if mode == "proxy":
        proxy(portfile, sys.argv[3])
    elif mode == "bomb":
        count = int(sys.argv[3]) // 3
        api(portfile, b'{"Response":{"RequestId":"bomb","RealBalance":1,"OweAmount":0,"Pad":['
            + b",".join([b"{}"] * count) + b"]}}")
    elif mode == "dupkeys":
        api(portfile, b'{"Response":{"RequestId":"dup","RealBalance":100,"OweAmount":0,'
            b'"RealBalance":999999,"OweAmount":0}}')


if __name__ == "__main__":
    main()

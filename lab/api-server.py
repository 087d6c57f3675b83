#!/usr/bin/python3
"""Fake Kubernetes API server for the halb test lab.

serve: HTTPS on :6443 with /readyz, /healthz and /livez answering 200 "ok", and the
       same on every --extra-port (the other ports of RKE2- and k0s-shaped tiers:
       9345, 8132, 9443). While FLAG_FILE exists, /readyz answers 500 on every port
       (checked on every request). While FLAG_FILE-PORT exists, that port is dead: its
       listener is closed (connections refused) until the file goes (polled 5 times
       a second), while the other ports keep serving. Listens on both families (one
       IPv6 socket that takes IPv4 too): the lab's IPv4 and IPv6 addresses and any VIP.
probe: GET https://ADDR/readyz for each ADDR once (bounded timeout), print the
       status per address, exit 0 only if every one answered 200.
"""
import argparse
import http.server
import os
import socket
import ssl
import sys
import threading
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "halb-lab-api"
    sys_version = ""

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/readyz" and os.path.exists(self.server.flag_file):
            self.reply(500, "[-]halb-lab unhealthy switch is on\nreadyz check failed\n")
        elif path in ("/readyz", "/healthz", "/livez"):
            self.reply(200, "ok")
        elif path == "/":
            self.reply(200, self.server.node_name + "\n")
        else:
            self.reply(404, "not found\n")

    def reply(self, code, body):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Halb-Lab-Server", self.server.node_name)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        # health checks arrive every second from every LB node: stay quiet.
        pass


class TlsServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    address_family = socket.AF_INET6

    def server_bind(self):
        # dual-stack: IPv4 clients arrive as ::ffff:a.b.c.d, whatever net.ipv6.bindv6only says
        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()

    def finish_request(self, request, client_address):
        # The TLS handshake runs here, in the request's thread, so a client that
        # connects and stays silent cannot block accept().
        request.settimeout(15)
        try:
            tls = self.ctx.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        except (ssl.SSLError, OSError):
            pass
        finally:
            try:
                tls.close()
            except OSError:
                pass


def open_server(args, ctx, port):
    srv = TlsServer((args.bind, port), Handler)
    srv.ctx = ctx
    srv.flag_file = args.flag_file
    srv.node_name = args.name
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def keep_port(args, ctx, port):
    """Serves PORT while FLAG_FILE-PORT is absent; closes the listener while it exists."""
    dead_flag = f"{args.flag_file}-{port}"
    srv = None
    while True:
        dead = os.path.exists(dead_flag)
        if dead and srv is not None:
            srv.shutdown()
            srv.server_close()
            srv = None
            print(f"{args.name}: port {port} closed ({dead_flag} exists)", flush=True)
        elif not dead and srv is None:
            try:
                srv = open_server(args, ctx, port)
                print(f"{args.name}: serving https on {args.bind}:{port}", flush=True)
            except OSError as e:
                print(f"{args.name}: cannot listen on {port}: {e}; retrying", flush=True)
        time.sleep(0.2)


def serve(args):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(args.cert, args.key)
    ports = [args.port] + [p for p in args.extra_port if p != args.port]
    for port in ports[1:]:
        threading.Thread(target=keep_port, args=(args, ctx, port), daemon=True).start()
    keep_port(args, ctx, ports[0])


def probe(args):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ok = True
    for addr in args.addresses:
        host, _, port = addr.rpartition(":")
        host = host.strip("[]")  # [fd00:211::31]:6443
        try:
            with socket.create_connection((host, int(port)), timeout=args.timeout) as raw:
                with ctx.wrap_socket(raw) as s:
                    s.settimeout(args.timeout)
                    s.sendall(f"GET /readyz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
                    head = s.recv(64).decode(errors="replace")
            code = head.split(" ", 2)[1] if head.startswith("HTTP/") else "bad-reply"
        except (OSError, ssl.SSLError) as e:
            code = f"down({e.__class__.__name__})"
        print(f"{addr} {code}")
        ok = ok and code == "200"
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--name", required=True)
    s.add_argument("--cert", required=True)
    s.add_argument("--key", required=True)
    s.add_argument("--flag-file", required=True)
    s.add_argument("--bind", default="::")
    s.add_argument("--port", type=int, default=6443)
    s.add_argument("--extra-port", type=int, action="append", default=[])
    q = sub.add_parser("probe")
    q.add_argument("--timeout", type=float, default=2.0)
    q.add_argument("addresses", nargs="+")
    args = p.parse_args()
    if args.cmd == "serve":
        serve(args)
        return 0
    return probe(args)


if __name__ == "__main__":
    sys.exit(main())

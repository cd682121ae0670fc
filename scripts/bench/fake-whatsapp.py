#!/usr/bin/env python3
"""A local stand-in for the WhatsApp Cloud API's send endpoint, for the benchmark and the fault run (the real
service cannot be reached from these machines). POST /{version}/{phone-number-id}/messages with a bearer token
and a template message answers 200 with messages[0].id, as Meta documents it (../shared/DOMAIN.md, "Messaging
customers"); anything else answers Meta's error body. Every accepted message is appended to LOG as
"<unix time>\t<to>\t<wamid>", so a run can count what arrived, when, and whether a recipient got two.
Usage: fake-whatsapp.py PORT LOG"""
import json, sys, threading, time, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, LOG = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
out = open(LOG, "a", buffering=1)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # One write per answer, without Nagle: headers and body written apart wait on the client's delayed ACK (40 ms).
    wbufsize = 65536
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        parts = self.path.split("/")
        if len(parts) != 4 or parts[3] != "messages" or not self.headers.get("Authorization", "").startswith("Bearer "):
            return self.answer(401, {"error": {"message": "(#190) Invalid OAuth access token", "type": "OAuthException", "code": 190, "fbtrace_id": "x"}})
        if body.get("messaging_product") != "whatsapp" or body.get("type") != "template":
            return self.answer(400, {"error": {"message": "(#100) Invalid parameter", "type": "OAuthException", "code": 100, "fbtrace_id": "x"}})
        wamid = "wamid." + uuid.uuid4().hex
        with lock:
            out.write(f"{time.time():.3f}\t{body['to']}\t{wamid}\n")
        self.answer(200, {"messaging_product": "whatsapp", "contacts": [{"input": body["to"], "wa_id": body["to"]}], "messages": [{"id": wamid}]})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A sender killed with kill -9 in the middle of a request resets the connection: expected, not news.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


Server(("127.0.0.1", PORT), Handler).serve_forever()

#!/usr/bin/python3
"""A real SMTP server for the tests: Debian's aiosmtpd on loopback.

    smtp_server.py OUT_DIR [--tls CERT KEY] [--auth USER PASSWORD]

Listens on 127.0.0.1 on a port the system picks and prints "PORT <n>" on stdout once it
accepts connections. With --tls it offers STARTTLS and refuses mail without it; with --auth it
requires AUTH (after STARTTLS) with that user and password. Each message it accepts is written
to OUT_DIR/<n>.json, parsed by Python's own e-mail package, so that the tests check what a mail
client would show: the envelope, the decoded subject, the plain-text and HTML parts, and
whether the session was encrypted and authenticated. Runs until killed.
"""
import asyncio
import email
import email.policy
import json
import os
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = {}
        for part in message.walk():
            if part.get_content_maintype() == "text":
                parts[part.get_content_type()] = part.get_content()
        self.count += 1
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(message["Subject"]),
            "from": str(message["From"]),
            "to": str(message["To"]),
            "message_id": str(message["Message-ID"]),
            "content_type": message.get_content_type(),
            "alternative": [p.get_content_type() for p in message.walk()
                            if p.get_content_maintype() == "text"],
            "text": parts.get("text/plain", ""),
            "html": parts.get("text/html", ""),
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
        }
        path = os.path.join(self.out_dir, "%d.json" % self.count)
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(path + ".tmp", path)  # whole or absent for the reader
        return "250 Message accepted for delivery"


def main():
    # aiosmtpd 1.4 warns about its own use of Session.login_data: not ours to fix.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    args = sys.argv[1:]
    out_dir = args.pop(0)
    tls_context = None
    user = password = None
    while args:
        flag = args.pop(0)
        if flag == "--tls":
            tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            tls_context.load_cert_chain(args.pop(0), args.pop(0))
        elif flag == "--auth":
            user, password = args.pop(0).encode(), args.pop(0).encode()
        else:
            sys.exit("unknown flag " + flag)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and \
            auth_data.login == user and auth_data.password == password
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535

    sink = Sink(out_dir)

    def factory():
        return SMTP(sink, hostname="localhost", tls_context=tls_context,
                    require_starttls=tls_context is not None,
                    auth_required=user is not None, auth_require_tls=tls_context is not None,
                    authenticator=authenticator if user is not None else None)

    async def serve():
        server = await asyncio.get_running_loop().create_server(factory, "127.0.0.1", 0)
        print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    main()

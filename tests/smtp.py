"""A real SMTP server for the mail tests: aiosmtpd on a free local port, in a thread.

`smtp_server` (a fixture in the root conftest) switches Django to the SMTP backend pointed
at it and sets the site address to https://kokeboka.example, so a test sees each mail as it
arrived over SMTP: envelope, raw headers (encoded words for æøå), MIME parts, attachments.
`SmtpServer(discard=True)` counts messages without keeping them (the 10,000-subscriber
measurement); `refuse` makes it answer chosen recipients with an SMTP error code."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller

SITE_URL = "https://kokeboka.example"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.raw, policy=email.policy.default)

    @property
    def raw_headers(self) -> str:
        """The header block exactly as it came over the wire (ASCII, encoded words)."""
        return self.raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0].decode("ascii")

    def part(self, content_type: str) -> str:
        for part in self.message.walk():
            if part.get_content_type() == content_type and not part.is_attachment():
                return part.get_content()
        raise AssertionError(f"no {content_type} part")

    def attachments(self) -> list[EmailMessage]:
        return list(self.message.iter_attachments())


@dataclass
class _Handler:
    discard: bool = False
    refuse: dict[str, str] = field(default_factory=dict)
    messages: list[Received] = field(default_factory=list)
    count: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            self.count += 1
            if not self.discard:
                self.messages.append(
                    Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
                )
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, *, discard: bool = False):
        self.handler = _Handler(discard=discard)
        self.host = "127.0.0.1"
        self.port = free_port()
        self.controller = Controller(
            self.handler, hostname=self.host, port=self.port, decode_data=False
        )

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.messages)

    @property
    def count(self) -> int:
        return self.handler.count

    def refuse(self, address: str, reply: str) -> None:
        """Answer RCPT TO for this address with `reply`, e.g. "450 4.2.0 Mailbox busy"."""
        self.handler.refuse[address] = reply

    def allow(self, address: str) -> None:
        self.handler.refuse.pop(address, None)

    def to(self, address: str) -> list[Received]:
        return [m for m in self.messages if address in m.rcpt_tos]

    def wait_for(self, count: int, *, timeout: float = 10) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.count >= count:
                return self.messages
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages, got {self.count}")


def use_smtp_server(settings, server: SmtpServer) -> None:
    """Points Django's mail at the server (pytest-django's `settings` fixture restores it)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    settings.WAGTAILADMIN_BASE_URL = SITE_URL

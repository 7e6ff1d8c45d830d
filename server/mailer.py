"""Sends the mail outbox, never inside a request: a commit only wakes the dispatcher.

- Embedded mode (no Redis): the dispatcher sends due messages in-process, in the
  background.
- With Redis: it enqueues one Dramatiq message per due message (server/mail_actor.py)
  and `batchtrack worker` processes send them.

Either way one function sends a message (`send_one`): claim it (so two senders never
send it at once), send it, record the outcome; a failure is tried again with backoff
(services/mail.py RETRY_DELAYS), from the database, whatever happened to the queue.

SMTP is aiosmtplib: `smtp://` upgrades with STARTTLS when the server offers it (use
`?starttls=required` to refuse a server that does not), `smtps://` is TLS from the start.
Without SMTP_URL messages go to the log, where the logging filter
(server/observability.py) redacts the tokens a message carries, such as an invitation's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import aiosmtplib
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services import mail
from services.db import unit_of_work

log = logging.getLogger("batchtrack.mail")
POLL_SECONDS = 30.0
SMTP_TIMEOUT_SECONDS = 30.0

# Hands due message ids to the workers; returns how many it enqueued.
Enqueue = Callable[[list[int]], Awaitable[int]]


@dataclass(frozen=True)
class Outgoing:
    to: str
    subject: str
    text: str
    html: str | None


class SmtpTransport:
    def __init__(self, smtp_url: str, sender: str, tls: ssl.SSLContext | None = None) -> None:
        url = urlparse(smtp_url)
        options = parse_qs(url.query)
        self.sender = sender
        self.hostname = url.hostname or "localhost"
        self.implicit_tls = url.scheme == "smtps"
        self.port = url.port or (465 if self.implicit_tls else 25)
        self.username = unquote(url.username) if url.username else None
        self.password = unquote(url.password or "") if url.username else None
        # None: STARTTLS if the server offers it; True: required; False: never.
        required = options.get("starttls", [""])[0]
        self.start_tls: bool | None = {"required": True, "never": False}.get(required)
        self.tls = tls

    def message(self, outgoing: Outgoing) -> EmailMessage:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = (
            self.sender,
            outgoing.to,
            outgoing.subject,
        )
        message.set_content(outgoing.text)
        if outgoing.html is not None:
            message.add_alternative(outgoing.html, subtype="html")
        return message

    async def send(self, outgoing: Outgoing) -> None:
        await aiosmtplib.send(
            self.message(outgoing),
            hostname=self.hostname,
            port=self.port,
            username=self.username,
            password=self.password,
            use_tls=self.implicit_tls,
            start_tls=False if self.implicit_tls else self.start_tls,
            tls_context=self.tls,
            timeout=SMTP_TIMEOUT_SECONDS,
        )


class LogTransport:
    async def send(self, outgoing: Outgoing) -> None:
        log.info(
            "email",
            extra={
                "fields": {"to": outgoing.to, "subject": outgoing.subject, "body": outgoing.text}
            },
        )


Transport = SmtpTransport | LogTransport


def transport_for(smtp_url: str | None, sender: str) -> Transport:
    return SmtpTransport(smtp_url, sender) if smtp_url else LogTransport()


async def send_one(
    sessions: async_sessionmaker[AsyncSession],
    transport: Transport,
    message_id: int,
    *,
    claimed: bool = False,
    on_sent: Callable[[Outgoing], None] | None = None,
) -> bool:
    """Send one due message (`claimed`: the dispatcher claimed it when it enqueued it);
    False if there was nothing to send (sent already, waiting, or being sent). `on_sent`
    sees each message sent, as it was sent."""
    async with unit_of_work(sessions) as session:
        if not claimed and not await mail.claim(session, message_id):
            return False
        message = await session.get_one(mail.OutboundEmail, message_id)
        if message.sent_at is not None:
            return False
        outgoing = Outgoing(message.to_address, message.subject, message.body, message.html_body)
    error: str | None = None
    try:
        await transport.send(outgoing)
    except (OSError, aiosmtplib.SMTPException) as failure:
        error = f"{type(failure).__name__}: {failure}"
        log.warning("email not sent", extra={"fields": {"to": outgoing.to, "error": error}})
    async with unit_of_work(sessions) as session:
        message = await session.get_one(mail.OutboundEmail, message_id)
        mail.record_attempt(message, error)
    if error is None and on_sent is not None:
        on_sent(outgoing)
    return True


class MailDispatcher:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        smtp_url: str | None,
        sender: str,
        *,
        enqueue: Enqueue | None = None,
        transport: Transport | None = None,
    ) -> None:
        self.sessions = sessions
        self.transport = transport or transport_for(smtp_url, sender)
        self.enqueue = enqueue
        self._wake = asyncio.Event()
        # Called with (to, subject, body) for each message sent: how the tests read the
        # mail a person would receive, once the outbox has removed its tokens.
        self.listeners: list[Callable[[str, str, str], None]] = []

    async def wake(self) -> None:
        self._wake.set()

    def committed(self, info: dict[str, Any]) -> None:
        """After a commit (services.db CommitListener): one that queued mail wakes the
        outbox; others cost it nothing."""
        if mail.mail_queued(info):
            self._wake.set()

    async def dispatch_once(self) -> int:
        """Send (or, with workers, enqueue) what is due; returns how many."""
        async with unit_of_work(self.sessions, write=False) as session:
            due = [message.id for message in await mail.pending_emails(session)]
        if self.enqueue is not None:
            # Claimed as they are enqueued: the next sweep does not enqueue them again,
            # and one whose message is lost is due again when its claim runs out.
            async with unit_of_work(self.sessions) as session:
                queued = [m for m in due if await mail.claim(session, m)]
            return await self.enqueue(queued) if queued else 0
        sent = 0
        for message_id in due:
            sent += await send_one(self.sessions, self.transport, message_id, on_sent=self._notify)
        return sent

    def _notify(self, outgoing: Outgoing) -> None:
        for listener in self.listeners:
            listener(outgoing.to, outgoing.subject, outgoing.text)

    async def run_forever(self) -> None:
        while True:
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a
            # cancellation that races the wake-up, and shutdown then waits forever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(POLL_SECONDS):
                    await self._wake.wait()
            self._wake.clear()
            try:
                await self.dispatch_once()
            except Exception:
                log.exception("mail dispatch failed; will retry")

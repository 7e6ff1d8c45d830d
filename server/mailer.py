"""Sends the mail outbox: SMTP when SMTP_URL is set, otherwise the log (embedded mode),
where the logging filter (server/observability.py) redacts the tokens a message carries,
such as an invitation's."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import smtplib
from collections.abc import Callable
from email.message import EmailMessage
from urllib.parse import unquote, urlparse

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services import mail
from services.db import unit_of_work

log = logging.getLogger("batchtrack.mail")
POLL_SECONDS = 30.0


class MailDispatcher:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], smtp_url: str | None, sender: str
    ) -> None:
        self.sessions = sessions
        self.smtp_url = smtp_url
        self.sender = sender
        self._wake = asyncio.Event()
        # Called with (to, subject, body) for each message sent: how the tests read the
        # mail a person would receive, once the outbox has removed its tokens.
        self.listeners: list[Callable[[str, str, str], None]] = []

    async def wake(self) -> None:
        self._wake.set()

    def _send_smtp(self, to: str, subject: str, body: str) -> None:
        assert self.smtp_url is not None
        url = urlparse(self.smtp_url)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, to, subject
        message.set_content(body)
        smtp_class = smtplib.SMTP_SSL if url.scheme == "smtps" else smtplib.SMTP
        with smtp_class(url.hostname or "localhost", url.port or 25, timeout=10) as client:
            if url.username:
                client.login(unquote(url.username), unquote(url.password or ""))
            client.send_message(message)

    async def dispatch_once(self) -> int:
        """Send what is pending; outcomes are recorded after sending (at least once)."""
        async with unit_of_work(self.sessions, write=False) as session:
            pending = [
                (m.id, m.to_address, m.subject, m.body) for m in await mail.pending_emails(session)
            ]
        for message_id, to, subject, body in pending:
            error: str | None = None
            try:
                if self.smtp_url:
                    await asyncio.to_thread(self._send_smtp, to, subject, body)
                else:
                    log.info(
                        "email", extra={"fields": {"to": to, "subject": subject, "body": body}}
                    )
            except (OSError, smtplib.SMTPException) as failure:
                error = f"{type(failure).__name__}: {failure}"
                log.warning("email not sent", extra={"fields": {"to": to, "error": error}})
            async with unit_of_work(self.sessions) as session:
                message = await session.get_one(mail.OutboundEmail, message_id)
                mail.record_attempt(message, error)
            if error is None:
                for listener in self.listeners:
                    listener(to, subject, body)
        return len(pending)

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

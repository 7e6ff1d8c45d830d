"""Email delivery against a real SMTP server (aiosmtpd, on 127.0.0.1): each template's
message arrives with its recipient, subject, link and both parts; STARTTLS is used when
the server requires it; a failure is tried again later, with backoff."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
import signal
import ssl
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from redis.asyncio import Redis
from sqlalchemy import select

from server.mailer import MailDispatcher, SmtpTransport
from services import mail
from services.db import unit_of_work, utcnow
from tests.conftest import redis_url
from tests.fuzz.live_server import free_port
from tests.timing import PATIENCE_SECONDS, eventually

pytestmark = pytest.mark.auth

SENDER = "BatchTrack <no-reply@batchtrack.test>"

# Each template with the values it is rendered with and the link it must carry.
TEMPLATES: dict[str, tuple[dict[str, Any], str]] = {
    "welcome": (
        {
            "name": "Ada",
            "email": "ada@example.com",
            "organization": "Lye & Lavender",
            "start_url": "https://app.batchtrack.test/start",
        },
        "https://app.batchtrack.test/start",
    ),
    # The first week's later mails carry no link: the organization's name stands in.
    "first_batch": (
        {"name": "Ada", "email": "ada@example.com", "organization": "Lye & Lavender"},
        "startBatch",
    ),
    "webhooks": (
        {"name": "Ada", "email": "ada@example.com", "organization": "Lye & Lavender"},
        "createWebhookEndpoint",
    ),
    "email_verification": (
        {
            "email": "ada@example.com",
            "token": "bt_verify_abc",
            "verify_url": "https://app.batchtrack.test/verify?t=abc",
            "valid_minutes": 60,
        },
        "https://app.batchtrack.test/verify?t=abc",
    ),
    "password_reset": (
        {
            "email": "ada@example.com",
            "token": "bt_reset_xyz",
            "reset_url": "https://app.batchtrack.test/reset?t=xyz",
            "valid_minutes": 60,
        },
        "https://app.batchtrack.test/reset?t=xyz",
    ),
    "invitation": (
        {
            "organization": "Lye & Lavender",
            "role": "maker",
            "token": "bt_inv_t0k3n",
            "accept_url": "https://app.batchtrack.test/join",
            "valid_days": 7,
        },
        "https://app.batchtrack.test/join",
    ),
    "payment_failed": (
        {
            "organization": "Lye & Lavender",
            "pay_url": "https://billing.stripe.com/p/session/x",
            "grace_ends_at": "14 December 2026",
        },
        "https://billing.stripe.com/p/session/x",
    ),
    "endpoint_disabled": (
        {"url": "https://shop.example.com/hooks", "days": 5},
        "https://shop.example.com/hooks",
    ),
    "subscription_canceled": (
        {
            "organization": "Lye & Lavender",
            "resume_url": "https://app.batchtrack.test/billing",
            "ends_at": "7 January 2027",
        },
        "https://app.batchtrack.test/billing",
    ),
}


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.secure: list[bool] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), parsed))
        self.secure.append(session.ssl is not None)
        return "250 OK"


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


async def _queue(sessions: Any, template: str, to: str, **values: Any) -> int:
    async with unit_of_work(sessions) as session:
        message = mail.queue_template(
            session, organization_id=None, to=to, template=template, **values
        )
        await session.flush()
        return message.id


def _parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None
    assert html is not None
    return text.get_content(), html.get_content()


@pytest.mark.parametrize("template", mail.TEMPLATE_NAMES)
async def test_each_template_arrives_with_both_parts_and_its_link(sessions, smtp_server, template):
    inbox, port = smtp_server
    values, link = TEMPLATES[template]
    await _queue(sessions, template, "ada@example.com", **values)

    sent = await MailDispatcher(sessions, f"smtp://127.0.0.1:{port}", SENDER).dispatch_once()

    assert sent == 1
    [(recipients, message)] = inbox.messages
    assert recipients == ["ada@example.com"]
    assert message["To"] == "ada@example.com"
    assert message["From"] == SENDER
    assert message["Subject"] == mail.render(template, **values)[0]
    text, html = _parts(message)
    assert link in text
    assert f'href="{link.replace("&", "&amp;")}"' in html or link in html
    async with unit_of_work(sessions, write=False) as session:
        [row] = (await session.scalars(select(mail.OutboundEmail))).all()
    assert row.sent_at is not None
    assert row.attempts == 1


async def test_html_parts_escape_what_they_are_given(sessions, smtp_server):
    inbox, port = smtp_server
    values, _ = TEMPLATES["invitation"]
    await _queue(sessions, "invitation", "a@example.com", **{**values, "organization": "<b>X</b>"})

    await MailDispatcher(sessions, f"smtp://127.0.0.1:{port}", SENDER).dispatch_once()

    text, html = _parts(inbox.messages[0][1])
    assert "<b>X</b>" in text
    assert "&lt;b&gt;X&lt;/b&gt;" in html


async def test_starttls_is_used_when_the_server_requires_it(sessions, tmp_path):
    cert, key = _self_signed(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=server_tls,
        require_starttls=True,
        server_hostname="localhost",
    )
    controller.start()
    try:
        client_tls = ssl.create_default_context(cafile=str(cert))
        client_tls.check_hostname = False  # the certificate names localhost, we dial 127.0.0.1
        transport = SmtpTransport(
            f"smtp://127.0.0.1:{port}?starttls=required", SENDER, tls=client_tls
        )
        values, _ = TEMPLATES["welcome"]
        await _queue(sessions, "welcome", "ada@example.com", **values)

        sent = await MailDispatcher(sessions, None, SENDER, transport=transport).dispatch_once()
    finally:
        controller.stop()

    assert sent == 1
    assert inbox.secure == [True]


async def test_a_failed_send_is_tried_again_later_with_backoff(sessions):
    values, _ = TEMPLATES["welcome"]
    message_id = await _queue(sessions, "welcome", "ada@example.com", **values)
    closed = free_port()
    before = utcnow()

    await MailDispatcher(sessions, f"smtp://127.0.0.1:{closed}", SENDER).dispatch_once()

    async with unit_of_work(sessions, write=False) as session:
        row = await session.get_one(mail.OutboundEmail, message_id)
        assert (row.attempts, row.sent_at) == (1, None)
        assert row.last_error is not None
        assert row.next_attempt_at is not None
        assert row.next_attempt_at >= before + mail.RETRY_DELAYS[0]
        assert await mail.pending_emails(session) == []  # not due yet
        due_later = await mail.pending_emails(session, now=row.next_attempt_at)
        assert [m.id for m in due_later] == [message_id]
    # A second failure waits longer.
    async with unit_of_work(sessions) as session:
        row = await session.get_one(mail.OutboundEmail, message_id)
        first_retry = row.next_attempt_at
        assert first_retry is not None
        mail.record_attempt(row, "refused", now=first_retry)
        assert row.next_attempt_at == first_retry + mail.RETRY_DELAYS[1]


ROOT = Path(__file__).resolve().parents[2]


def _start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "server.cli", "worker"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def test_a_worker_sends_the_outbox_through_its_send_email_actor(
    database_url, backend, sessions, smtp_server
):
    """PostgreSQL + Redis: `batchtrack worker` enqueues what is due and its Dramatiq actor
    sends it (no API process involved)."""
    redis = redis_url()
    if backend != "postgresql" or not redis:
        pytest.skip("needs PostgreSQL and Redis")
    client = Redis.from_url(redis)
    await client.flushdb()
    await client.aclose()
    inbox, port = smtp_server
    values, link = TEMPLATES["password_reset"]
    await _queue(sessions, "password_reset", "ada@example.com", **values)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis,
        "SECRET_KEY": "test-secret",
        "SMTP_URL": f"smtp://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }
    worker = _start_worker(env)
    try:
        await eventually(lambda: len(inbox.messages) == 1, what="the email through the worker")
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=PATIENCE_SECONDS)
    text, _ = _parts(inbox.messages[0][1])
    assert link in text

    async def recorded() -> bool:
        async with unit_of_work(sessions, write=False) as session:
            [row] = (await session.scalars(select(mail.OutboundEmail))).all()
        return row.sent_at is not None

    await eventually(recorded, what="the send recorded")

"""No token or secret reaches the logs: configure_logging installs one filter that scrubs
every record (its message, fields and traceback) before it is written, so a mail written
to the log (embedded mode), a request or a library's own line carries `[redacted]` where
the secret was."""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest

from server.mailer import MailDispatcher
from services.db import unit_of_work
from services.mail import queue_email
from tests.api_helpers import data, gql
from tests.api_helpers import sign_up as sign_up_over_api
from tests.services.accounts.givens import Sessions, invite, sign_up

pytestmark = pytest.mark.auth


def _lines(buffer: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


async def _mail_to_the_log(sessions: Sessions) -> None:
    await MailDispatcher(sessions, smtp_url=None, sender="BatchTrack <a@b.c>").dispatch_once()


async def test_an_invitation_mailed_to_the_log_does_not_show_its_token(sessions, json_logs):
    owner = await sign_up(sessions)
    token = await invite(sessions, owner.principal, email="new@example.com", role="MAKER")

    await _mail_to_the_log(sessions)

    [mail] = [
        line
        for line in _lines(json_logs)
        if line["message"] == "email" and line["to"] == "new@example.com"
    ]
    assert "invitation token: [redacted]" in mail["body"]
    assert token.removeprefix("bt_inv_") not in json_logs.getvalue()


async def test_a_link_s_token_is_redacted_from_a_mail_written_to_the_log(sessions, json_logs):
    async with unit_of_work(sessions) as session:
        queue_email(
            session,
            organization_id=None,
            to="someone@example.com",
            subject="Reset your password",
            body=(
                "Choose a new password at "
                "https://app.example.com/reset?token=R3set-T0ken-xyz&email=someone\n"
                "or enter reset_token=0ther-T0ken-abc in the app."
            ),
        )

    await _mail_to_the_log(sessions)

    [mail] = [line for line in _lines(json_logs) if line["message"] == "email"]
    assert "/reset?token=[redacted]&email=someone" in mail["body"]
    assert "reset_token=[redacted]" in mail["body"]
    assert "T0ken" not in json_logs.getvalue()


async def test_webhook_secrets_shown_at_creation_and_rotation_are_not_logged(client, json_logs):
    owner = await sign_up_over_api(client)
    create = """mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(
        input: $input) { webhookEndpoint { id } secret userErrors { code } } }"""
    created = data(
        await gql(
            client,
            create,
            {"input": {"url": "https://8.8.8.8/hooks", "eventTypes": ["inventory.*"]}},
            owner.token,
        )
    )["createWebhookEndpoint"]
    rotate = """mutation($id: ID!) { rotateWebhookSecret(input: {id: $id}) { secret } }"""
    endpoint_id = created["webhookEndpoint"]["id"]
    rotated = data(await gql(client, rotate, {"id": endpoint_id}, owner.token))

    written = json_logs.getvalue()
    assert [line["message"] for line in _lines(json_logs)].count("request") >= 2
    for secret in (created["secret"], rotated["rotateWebhookSecret"]["secret"]):
        assert secret.removeprefix("whsec_") not in written
    assert owner.token.removeprefix("bt_sess_") not in written


def test_every_part_of_a_record_is_scrubbed(json_logs):
    log = logging.getLogger("batchtrack.test")
    try:
        raise RuntimeError("could not use api key bt_live_Secret1")
    except RuntimeError:
        log.exception(
            "calling %s failed",
            "https://example.com/in?api_key=Secret2&page=2",
            extra={
                "fields": {
                    "password": "Secret3",
                    "headers": {"Authorization": "Bearer Secret4"},
                    "note": "Authorization: Bearer Secret5",
                }
            },
        )

    [line] = _lines(json_logs)
    assert line["message"] == "calling https://example.com/in?api_key=[redacted]&page=2 failed"
    assert (line["password"], line["headers"]) == ("[redacted]", {"Authorization": "[redacted]"})
    assert line["note"] == "Authorization: Bearer [redacted]"
    assert "bt_live_[redacted]" in line["exception"]
    assert "Secret" not in json_logs.getvalue()

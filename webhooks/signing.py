"""Standard Webhooks signing (https://www.standardwebhooks.com): the body's bytes, the
`webhook-id` (the event id, the same on every retry and redelivery, for dedup) and the
`webhook-timestamp` are signed with each current secret of the endpoint."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from math import floor
from typing import Any

from standardwebhooks import Webhook


def encode_body(body: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON: the exact bytes that are signed and sent."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def signature_headers(
    *, message_id: str, body: bytes, secrets: list[str], at: datetime | None = None
) -> dict[str, str]:
    """The three Standard Webhooks headers; one `v1,<signature>` per secret (the current
    secret and, during a rotation's overlap, the previous one), separated by spaces."""
    if not secrets:
        raise ValueError("an endpoint has at least one signing secret")
    timestamp = datetime.fromtimestamp(floor((at or datetime.now(UTC)).timestamp()), UTC)
    payload = body.decode()
    signatures = [Webhook(secret).sign(message_id, timestamp, payload) for secret in secrets]
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(floor(timestamp.timestamp())),
        "webhook-signature": " ".join(signatures),
    }

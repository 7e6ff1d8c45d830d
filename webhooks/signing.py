"""Standard Webhooks signing (https://www.standardwebhooks.com): the body's bytes, the
`webhook-id` (the event id, the same on every retry and redelivery, for dedup) and the
`webhook-timestamp` are signed with each current secret of the endpoint.

A sender decodes an endpoint's secrets into keys once (`signing_keys`) and signs every
delivery of a batch with them: HMAC-SHA256 over `id.timestamp.body`, as the standard
defines it (the standardwebhooks library verifies it in the tests)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime
from math import floor
from typing import Any

SECRET_PREFIX = "whsec_"


def encode_body(body: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON: the exact bytes that are signed and sent."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def signing_keys(secrets: list[str]) -> tuple[bytes, ...]:
    """The HMAC keys of `whsec_` secrets (the current one first)."""
    if not secrets:
        raise ValueError("an endpoint has at least one signing secret")
    return tuple(base64.b64decode(secret.removeprefix(SECRET_PREFIX)) for secret in secrets)


def sign(
    keys: tuple[bytes, ...], *, message_id: str, body: bytes, at: datetime | None = None
) -> dict[str, str]:
    """The three Standard Webhooks headers; one `v1,<signature>` per key (the current
    secret and, during a rotation's overlap, the previous one), separated by spaces."""
    timestamp = str(floor((at or datetime.now(UTC)).timestamp()))
    signed = b"%s.%s.%s" % (message_id.encode(), timestamp.encode(), body)
    signatures = [
        "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        for key in keys
    ]
    return {
        "webhook-id": message_id,
        "webhook-timestamp": timestamp,
        "webhook-signature": " ".join(signatures),
    }


def signature_headers(
    *, message_id: str, body: bytes, secrets: list[str], at: datetime | None = None
) -> dict[str, str]:
    """`sign` with secrets rather than keys (one delivery, no batch to share them)."""
    return sign(signing_keys(secrets), message_id=message_id, body=body, at=at)

"""Receiving webhooks: `WebhookVerifier(secret).verify(body, headers)` checks the
Standard Webhooks signature and age with the `standardwebhooks` library and returns the
typed event. Verify the raw body bytes, before any JSON parsing. During a secret's
rotation pass both secrets: the previous one signs for 24 hours."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from batchtrack_sdk.errors import BatchTrackError


class InvalidWebhook(BatchTrackError):
    """Forged, altered, unsigned or too old: answer 400 and ignore it."""


class WebhookEntity(BaseModel):
    """The entity an event is about, and its place in that entity's sequence."""

    type: str
    id: str
    sequence: int


class WebhookEvent(BaseModel):
    """A webhook body (docs/api.md: Outbound webhooks); `data` is the payload of `type`,
    with the GraphQL field names and IDs."""

    model_config = ConfigDict(populate_by_name=True, extra="allow")

    id: str
    type: str
    created_at: datetime = Field(alias="createdAt")
    api_version: str = Field(alias="apiVersion")
    organization_id: str = Field(alias="organizationId")
    entity: WebhookEntity | None = None
    data: dict[str, Any]


class WebhookVerifier:
    def __init__(self, secrets: str | Iterable[str]) -> None:
        names = [secrets] if isinstance(secrets, str) else list(secrets)
        if not names:
            raise ValueError("at least one webhook secret (whsec_...)")
        self._webhooks = [Webhook(secret) for secret in names]

    def verify(self, body: bytes | str, headers: Mapping[str, str]) -> WebhookEvent:
        lowered = {key.lower(): value for key, value in headers.items()}
        for webhook in self._webhooks:
            try:
                payload = webhook.verify(body, lowered)
            except WebhookVerificationError:
                continue
            return WebhookEvent.model_validate(payload)
        raise InvalidWebhook("the webhook's signature does not verify with any given secret")

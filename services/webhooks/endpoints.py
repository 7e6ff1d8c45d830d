"""Webhook endpoints: create, update, delete, rotate the secret, list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.billing.entitlements import require_within
from services.billing.plans import Limit
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import NotFound, UserInputError
from services.pagination import Columns, Page, PageRequest, paginate, selected, selecting
from services.permissions import Principal, require_permission
from services.validation import clean_text
from services.webhooks.catalog import clean_patterns
from services.webhooks.heads import note_endpoints_to_send
from services.webhooks.models import DisabledReason, WebhookEndpoint
from services.webhooks.secrets import SecretBox, new_secret
from services.webhooks.targets import TargetPolicy, resolve

# After a rotation, the previous secret keeps signing every delivery for this long.
ROTATION_OVERLAP = timedelta(hours=24)
MAX_ENDPOINTS = 20


@dataclass(frozen=True)
class EndpointSecret:
    """An endpoint with its signing secret in clear: returned at creation and rotation only."""

    endpoint: WebhookEndpoint
    secret: str


def _description(value: str | None) -> str | None:
    if value is None:
        return None
    return clean_text(value, ("description",), max_length=500, min_length=0) or None


async def create_endpoint(
    session: AsyncSession,
    principal: Principal | None,
    *,
    url: str,
    event_types: list[str],
    description: str | None,
    policy: TargetPolicy,
    box: SecretBox,
) -> EndpointSecret:
    acting = require_permission(principal, "webhooks.manage")
    patterns = clean_patterns(event_types)
    target = await resolve(url, policy)
    count = len(
        (
            await session.scalars(
                select(WebhookEndpoint.id).where(
                    WebhookEndpoint.organization_id == acting.organization_id
                )
            )
        ).all()
    )
    await require_within(session, acting, Limit.WEBHOOK_ENDPOINTS, field=("url",), usage=count)
    if count >= MAX_ENDPOINTS:
        raise UserInputError(
            ErrorCode.LIMIT_REACHED,
            f"An organization has at most {MAX_ENDPOINTS} endpoints; delete one first.",
            ("url",),
        )
    secret = new_secret()
    now = utcnow()
    endpoint = WebhookEndpoint(
        organization_id=acting.organization_id,
        url=target.url,
        event_types=patterns,
        description=_description(description),
        secret_ciphertext=box.seal(secret),
        created_at=now,
        updated_at=now,
    )
    session.add(endpoint)
    await session.flush()
    return EndpointSecret(endpoint, secret)


async def get_endpoint(
    session: AsyncSession, principal: Principal | None, *, endpoint_id: int
) -> WebhookEndpoint | None:
    return (await endpoints_by_id(session, principal, [endpoint_id])).get(endpoint_id)


def endpoint_rows(principal: Principal | None, columns: Columns = None) -> Select[Any]:
    """The caller's organization's endpoints (or the named `columns` of them): where every
    endpoint read starts."""
    acting = require_permission(principal, "webhooks.manage")
    return selecting(WebhookEndpoint, columns).where(
        WebhookEndpoint.organization_id == acting.organization_id
    )


def endpoint_by_key(principal: Principal | None, key: Any, columns: Columns = None) -> Select[Any]:
    """The caller's endpoint with id `key` (an id, or in a planned read the SQL of one)."""
    return endpoint_rows(principal, columns).where(WebhookEndpoint.id == key)


async def endpoints_by_id(
    session: AsyncSession,
    principal: Principal | None,
    endpoint_ids: Sequence[int],
    columns: Columns = None,
) -> dict[int, Any]:
    """Several endpoints (or rows of the named `columns`, which must include id) at once;
    unknown or foreign IDs are left out."""
    statement = endpoint_rows(principal, columns).where(WebhookEndpoint.id.in_(set(endpoint_ids)))
    return {row.id: row for row in await selected(session, statement, columns)}


async def require_endpoint(
    session: AsyncSession, principal: Principal | None, endpoint_id: int, field: str = "id"
) -> WebhookEndpoint:
    found = await get_endpoint(session, principal, endpoint_id=endpoint_id)
    if found is None:
        raise NotFound("webhook endpoint", (field,))
    return found


async def update_endpoint(
    session: AsyncSession,
    principal: Principal | None,
    *,
    endpoint_id: int,
    url: str | None = None,
    event_types: list[str] | None = None,
    description: str | None = None,
    clear_description: bool = False,
    enabled: bool | None = None,
    policy: TargetPolicy,
) -> WebhookEndpoint:
    require_permission(principal, "webhooks.manage")
    # Resolved before the first statement: DNS is never waited on inside the transaction
    # (on SQLite a write transaction holds the database's single write lock).
    target = await resolve(url, policy) if url is not None else None
    endpoint = await require_endpoint(session, principal, endpoint_id)
    if target is not None:
        endpoint.url = target.url
    if event_types is not None:
        endpoint.event_types = clean_patterns(event_types)
    if description is not None or clear_description:
        endpoint.description = _description(description)
    if enabled is not None and enabled != endpoint.enabled:
        endpoint.enabled = enabled
        endpoint.disabled_reason = None if enabled else DisabledReason.BY_USER.value
        endpoint.failing_since = None
        if enabled:
            note_endpoints_to_send(session, [endpoint.id])  # what waited may go now
    endpoint.updated_at = utcnow()
    await session.flush()
    return endpoint


async def delete_endpoint(
    session: AsyncSession, principal: Principal | None, *, endpoint_id: int
) -> int:
    """Delete the endpoint with its deliveries and their attempts; returns its key."""
    endpoint = await require_endpoint(session, principal, endpoint_id)
    await session.delete(endpoint)
    await session.flush()
    return endpoint_id


async def rotate_secret(
    session: AsyncSession,
    principal: Principal | None,
    *,
    endpoint_id: int,
    box: SecretBox,
) -> EndpointSecret:
    """A new secret signs from now on; the current one also signs for ROTATION_OVERLAP."""
    endpoint = await require_endpoint(session, principal, endpoint_id)
    now = utcnow()
    secret = new_secret()
    endpoint.previous_secret_ciphertext = endpoint.secret_ciphertext
    endpoint.previous_secret_expires_at = now + ROTATION_OVERLAP
    endpoint.secret_ciphertext = box.seal(secret)
    endpoint.updated_at = now
    await session.flush()
    return EndpointSecret(endpoint, secret)


async def list_endpoints(
    session: AsyncSession,
    principal: Principal | None,
    *,
    page: PageRequest,
    columns: Columns = None,
) -> Page[Any]:
    """Endpoints (or rows of the named `columns`, which must include id) oldest first."""
    return await paginate(session, endpoint_rows(principal, columns), WebhookEndpoint.id, page)


def previous_secret_expiry(endpoint: Any, now: datetime) -> datetime | None:
    """Until when the previous secret also signs, while it does (after a rotation); else
    None."""
    expires: datetime | None = endpoint.previous_secret_expires_at
    if endpoint.previous_secret_ciphertext is None or expires is None or expires <= now:
        return None
    return expires


def previous_secret_expiry_sql(endpoint: Any) -> ColumnElement[Any]:
    """`previous_secret_expiry` of an endpoint row's SQL columns, at the clock of the
    statement (now(), read when it runs: a compiled statement is reused)."""
    expires = endpoint.previous_secret_expires_at
    signing = and_(endpoint.previous_secret_ciphertext.is_not(None), expires > func.now())
    return case((signing, expires))


class SealedSecrets(Protocol):
    """What signing needs of an endpoint: an endpoint, or a row of `sending_details`."""

    @property
    def id(self) -> int: ...
    @property
    def secret_ciphertext(self) -> str: ...
    @property
    def previous_secret_ciphertext(self) -> str | None: ...
    @property
    def previous_secret_expires_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class SendingDetails:
    """Where an endpoint's deliveries go, and its secrets, sealed."""

    id: int
    url: str
    secret_ciphertext: str
    previous_secret_ciphertext: str | None
    previous_secret_expires_at: datetime | None


SENDING_COLUMNS = (
    WebhookEndpoint.id,
    WebhookEndpoint.url,
    WebhookEndpoint.secret_ciphertext,
    WebhookEndpoint.previous_secret_ciphertext,
    WebhookEndpoint.previous_secret_expires_at,
)


# Built once (its cache key is then computed once): a sender reads it with every claim.
_SENDING_DETAILS = select(*SENDING_COLUMNS).where(WebhookEndpoint.id == bindparam("endpoint_id"))


async def sending_details(session: AsyncSession, endpoint_id: int) -> SendingDetails:
    """Where an endpoint's deliveries go and the secrets they are signed with (sealed):
    columns only, read afresh with every claim, so a change of URL or a rotation counts
    for the next batch."""
    row = (await session.execute(_SENDING_DETAILS, {"endpoint_id": endpoint_id})).one()
    return SendingDetails(*row)


def signing_secrets(endpoint: SealedSecrets, box: SecretBox) -> list[str]:
    """The secrets that sign a delivery now: the current one, and the previous one while
    its overlap lasts."""
    found = [box.open(endpoint.secret_ciphertext)]
    if previous_secret_expiry(endpoint, utcnow()) is not None:
        assert endpoint.previous_secret_ciphertext is not None
        found.append(box.open(endpoint.previous_secret_ciphertext))
    return found

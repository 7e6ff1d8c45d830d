"""The delivery log: what callers read and ask for (list, redeliver, replay, test), the
retry schedule, and the rules an attempt's outcome applies to its endpoint (the sender's
claim and record, a batch at a time, are in attempts.py)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import Membership, User
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import NotFound, UserInputError
from services.events import Event, append_event
from services.ids import to_global_id
from services.mail import queue_template
from services.pagination import Columns, Page, PageRequest, paginate, selected, selecting
from services.permissions import Principal, require_permission
from services.webhooks.catalog import TEST_EVENT, subscribes
from services.webhooks.endpoints import require_endpoint
from services.webhooks.fanout import entity_key
from services.webhooks.heads import NewDelivery, add_deliveries
from services.webhooks.models import (
    DeliveryStatus,
    DisabledReason,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)

# When each attempt is made, counted from the previous one: the first at once, then
# 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (each give or take JITTER); after the eighth
# failure, FAILED.
RETRY_DELAYS = (
    timedelta(0),
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
MAX_ATTEMPTS = len(RETRY_DELAYS)
# Each retry comes up to this fraction of its delay earlier or later, at random (as
# Standard Webhooks recommends): deliveries that failed together, say when a receiver was
# down, are not all retried in the same second when it comes back.
JITTER = 0.2
# Where the jitter comes from: floats in [0, 1). Tests pass a fixed one.
RandomSource = Callable[[], float]
# A Retry-After longer than this is capped (a misbehaving peer cannot park a delivery).
MAX_RETRY_AFTER = timedelta(hours=10)
# An endpoint that has only failed for this long is disabled and its owners told.
FAILING_DISABLE_AFTER = timedelta(days=5)
# How long a sender holds a delivery; past this a crashed sender's delivery is due again.
LEASE = timedelta(seconds=60)
MAX_REPLAY_EVENTS = 10_000
RESPONSE_BODY_LIMIT = 2048


# --- What callers see and ask for -------------------------------------------------


@dataclass(frozen=True)
class DeliveryFilter:
    endpoint_id: int | None = None
    status: str | None = None
    event_type: str | None = None


def readable(principal: Principal | None, columns: Columns = None) -> Select[Any]:
    """The caller's organization's deliveries (or the named `columns` of them): where every
    delivery read starts."""
    acting = require_permission(principal, "webhooks.manage")
    return selecting(WebhookDelivery, columns).where(
        WebhookDelivery.organization_id == acting.organization_id
    )


def delivery_rows(
    principal: Principal | None, filters: DeliveryFilter, columns: Columns = None
) -> Select[Any]:
    """The caller's deliveries that pass `filters`, in no particular order."""
    statement = readable(principal, columns)
    if filters.endpoint_id is not None:
        statement = statement.where(WebhookDelivery.endpoint_id == filters.endpoint_id)
    if filters.status is not None:
        statement = statement.where(WebhookDelivery.status == filters.status)
    if filters.event_type is not None:
        statement = statement.where(WebhookDelivery.event_type == filters.event_type)
    return statement


async def list_deliveries(
    session: AsyncSession,
    principal: Principal | None,
    *,
    filters: DeliveryFilter,
    page: PageRequest,
    columns: Columns = None,
) -> Page[Any]:
    """Deliveries (or rows of the named `columns`, which must include id) oldest first."""
    return await paginate(
        session, delivery_rows(principal, filters, columns), WebhookDelivery.id, page
    )


def delivery_by_key(principal: Principal | None, key: Any, columns: Columns = None) -> Select[Any]:
    """The caller's delivery with id `key` (an id, or in a planned read the SQL of one)."""
    return readable(principal, columns).where(WebhookDelivery.id == key)


async def get_delivery(
    session: AsyncSession, principal: Principal | None, *, delivery_id: int
) -> WebhookDelivery | None:
    found: WebhookDelivery | None = await session.scalar(delivery_by_key(principal, delivery_id))
    return found


def attempt_rows(principal: Principal | None, columns: Columns = None) -> Select[Any]:
    """The caller's organization's attempts (or the named `columns` of them)."""
    acting = require_permission(principal, "webhooks.manage")
    return selecting(WebhookAttempt, columns).where(
        WebhookAttempt.organization_id == acting.organization_id
    )


def attempts_of_delivery(
    principal: Principal | None, delivery_id: Any, columns: Columns = None
) -> Select[Any]:
    """A delivery's attempts (`delivery_id` an id, or in a planned read the SQL of one);
    their order is the attempts' ids."""
    return attempt_rows(principal, columns).where(WebhookAttempt.delivery_id == delivery_id)


async def attempts_of(
    session: AsyncSession,
    principal: Principal | None,
    delivery_ids: Sequence[int],
    columns: Columns = None,
) -> dict[int, list[Any]]:
    """Each delivery's attempts (or rows of the named `columns`, which must include
    delivery_id), oldest first."""
    statement = attempt_rows(principal, columns).where(
        WebhookAttempt.delivery_id.in_(set(delivery_ids))
    )
    found: dict[int, list[Any]] = {key: [] for key in delivery_ids}
    for attempt in await selected(session, statement.order_by(WebhookAttempt.id), columns):
        found[attempt.delivery_id].append(attempt)
    return found


async def _new_deliveries(
    session: AsyncSession,
    endpoint: WebhookEndpoint,
    events: Sequence[Event],
    *,
    redelivery_of_id: int | None = None,
) -> list[WebhookDelivery]:
    """Deliveries of these events to the endpoint, through the one writer of delivery
    rows (services/webhooks/heads.py), read back as objects for the caller."""
    ids = await add_deliveries(
        session,
        [
            NewDelivery(
                organization_id=endpoint.organization_id,
                endpoint_id=endpoint.id,
                event_position=event.position,
                event_id=event.id,
                event_type=event.type,
                entity_key=entity_key(event.entity_type, event.entity_id),
                redelivery_of_id=redelivery_of_id,
            )
            for event in events
        ],
        now=utcnow(),
    )
    if not ids:
        return []
    found = {
        delivery.id: delivery
        for delivery in await session.scalars(
            select(WebhookDelivery).where(WebhookDelivery.id.in_(ids))
        )
    }
    return [found[delivery_id] for delivery_id in ids]


def _require_enabled(endpoint: WebhookEndpoint, field: str) -> None:
    if not endpoint.enabled:
        raise UserInputError(
            ErrorCode.ENDPOINT_DISABLED,
            "The endpoint is disabled; enable it with updateWebhookEndpoint first.",
            (field,),
        )


async def deliveries_by_id(
    session: AsyncSession,
    principal: Principal | None,
    delivery_ids: Sequence[int],
    columns: Columns = None,
) -> dict[int, Any]:
    """Several deliveries (or rows of the named `columns`, which must include id) at once;
    unknown or foreign IDs are left out."""
    statement = readable(principal, columns).where(WebhookDelivery.id.in_(set(delivery_ids)))
    return {row.id: row for row in await selected(session, statement, columns)}


async def redeliver(
    session: AsyncSession, principal: Principal | None, *, delivery_id: int
) -> WebhookDelivery:
    """Send a delivery's event again, as a new delivery with a fresh retry schedule (the
    webhook-id stays the event's, so a receiver that has it can drop the copy). When it
    succeeds it settles the one it redelivers (see `_settle_redelivered`)."""
    found = await get_delivery(session, principal, delivery_id=delivery_id)
    if found is None:
        raise NotFound("webhook delivery", ("id",))
    endpoint = await require_endpoint(session, principal, found.endpoint_id)
    _require_enabled(endpoint, "id")
    event = await session.get_one(Event, found.event_position)
    [delivery] = await _new_deliveries(session, endpoint, [event], redelivery_of_id=found.id)
    return delivery


async def replay(
    session: AsyncSession,
    principal: Principal | None,
    *,
    endpoint_id: int,
    since: datetime,
    until: datetime,
) -> list[WebhookDelivery]:
    """After an outage: a new delivery of every event in [since, until) that the endpoint
    subscribes to, in log order."""
    endpoint = await require_endpoint(session, principal, endpoint_id, "endpoint_id")
    _require_enabled(endpoint, "endpoint_id")
    if until <= since:
        raise UserInputError(ErrorCode.INVALID_PERIOD, "until must be after since.", ("until",))
    events = (
        await session.scalars(
            select(Event)
            .where(
                Event.organization_id == endpoint.organization_id,
                Event.created_at >= since,
                Event.created_at < until,
            )
            .order_by(Event.position)
            .limit(MAX_REPLAY_EVENTS + 1)
        )
    ).all()
    if len(events) > MAX_REPLAY_EVENTS:
        raise UserInputError(
            ErrorCode.TOO_MANY_EVENTS,
            f"At most {MAX_REPLAY_EVENTS} events per replay; replay a shorter period.",
            ("until",),
        )
    subscribed = [event for event in events if subscribes(endpoint.event_types, event.type)]
    return await _new_deliveries(session, endpoint, subscribed)


async def send_test(
    session: AsyncSession, principal: Principal | None, *, endpoint_id: int
) -> WebhookDelivery:
    """A `webhook.test` event in the log, delivered to this endpoint only."""
    endpoint = await require_endpoint(session, principal, endpoint_id)
    _require_enabled(endpoint, "id")
    endpoint_global_id = to_global_id("WebhookEndpoint", endpoint.id)
    event = await append_event(
        session,
        organization_id=endpoint.organization_id,
        type=TEST_EVENT,
        entity_type="WebhookEndpoint",
        entity_id=endpoint_global_id,
        payload={"endpointId": endpoint_global_id, "message": "A test delivery from BatchTrack."},
    )
    [delivery] = await _new_deliveries(session, endpoint, [event])
    return delivery


# --- What the sender does ---------------------------------------------------------


@dataclass(frozen=True)
class EventRow:
    """An event's columns as a plain row, as a sender's claim reads them: building an ORM
    `Event` per claimed delivery cost the claim about 40 % of its CPU (py-spy of a
    worker, bench/RESULTS.md issue 18)."""

    position: int
    id: str
    organization_id: int
    type: str
    entity_type: str
    entity_id: str
    sequence: int
    api_version: str
    payload: dict[str, Any]
    created_at: datetime


def webhook_body(event: Event | EventRow) -> dict[str, Any]:
    """The JSON body of a delivery, as docs/api.md promises. `timestamp` is the Standard
    Webhooks name for when the event happened; `createdAt`, the same moment, came first."""
    created_at = event.created_at.isoformat().replace("+00:00", "Z")
    return {
        "id": event.id,
        "type": event.type,
        "timestamp": created_at,
        "createdAt": created_at,
        "apiVersion": event.api_version,
        "organizationId": to_global_id("Organization", event.organization_id),
        "entity": {"type": event.entity_type, "id": event.entity_id, "sequence": event.sequence},
        "data": event.payload,
    }


@dataclass(frozen=True)
class AttemptResult:
    status_code: int | None
    duration_ms: int
    response_body: str | None = None
    error: str | None = None
    retry_after: timedelta | None = None

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


def retry_delay(failed_attempts: int, *, jitter: RandomSource = random.random) -> timedelta:
    """How long after the last of `failed_attempts` the next attempt is made: the
    schedule's delay, moved by up to JITTER of it either way."""
    return RETRY_DELAYS[failed_attempts] * (1 - JITTER + 2 * JITTER * jitter())


async def settle_redelivered(
    session: AsyncSession,
    *,
    endpoint_id: int,
    event_position: int,
    redelivery_id: int,
    at: datetime,
) -> None:
    """The event has reached the endpoint: every other delivery of it there that is
    still pending or has failed (the one redelivered, an earlier redelivery, a replay)
    is REDELIVERED by this one. A pending one stops its retries, so it no longer holds
    back the entity's later events."""
    await session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.endpoint_id == endpoint_id,
            WebhookDelivery.event_position == event_position,
            WebhookDelivery.id != redelivery_id,
            WebhookDelivery.status.in_([DeliveryStatus.PENDING.value, DeliveryStatus.FAILED.value]),
        )
        .values(
            status=DeliveryStatus.REDELIVERED.value,
            redelivered_by_id=redelivery_id,
            next_attempt_at=None,
            leased_until=None,
            completed_at=at,
        )
        .execution_options(synchronize_session=False)
    )


@dataclass(frozen=True)
class EndpointHealth:
    """What the health rule reads of an endpoint."""

    enabled: bool
    failing_since: datetime | None


def _health_changes(
    endpoint: WebhookEndpoint | EndpointHealth, result: AttemptResult, at: datetime
) -> bool:
    """Whether this attempt changes the endpoint: a success ends a failing streak, a
    failure starts one, a 410 or five days of failures disable it."""
    if result.succeeded:
        return endpoint.failing_since is not None
    if endpoint.failing_since is None or (result.gone and endpoint.enabled):
        return True
    return endpoint.enabled and at - endpoint.failing_since >= FAILING_DISABLE_AFTER


async def update_endpoint_health(
    session: AsyncSession,
    endpoint_id: int,
    result: AttemptResult,
    at: datetime,
    *,
    seen: EndpointHealth | None = None,
) -> None:
    """Most attempts change nothing on the endpoint, and then it is not locked at all; a
    change locks it FOR NO KEY UPDATE, which does not block the foreign-key checks of
    the deliveries being fanned out to it meanwhile. `seen`: the endpoint as this
    transaction has just read it (then it is not read again unless it changes)."""
    current: WebhookEndpoint | EndpointHealth | None = seen
    if current is None:
        current = await session.get(WebhookEndpoint, endpoint_id)
    if current is None or not _health_changes(current, result, at):
        return
    endpoint = await session.scalar(
        select(WebhookEndpoint)
        .where(WebhookEndpoint.id == endpoint_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    if endpoint is None or not _health_changes(endpoint, result, at):
        return
    if result.succeeded:
        endpoint.failing_since = None
        return
    endpoint.failing_since = endpoint.failing_since or at
    if result.gone:
        _disable(endpoint, DisabledReason.GONE, at)
    elif endpoint.enabled and at - endpoint.failing_since >= FAILING_DISABLE_AFTER:
        _disable(endpoint, DisabledReason.FAILING, at)
        await _tell_owners(session, endpoint)


def _disable(endpoint: WebhookEndpoint, reason: DisabledReason, at: datetime) -> None:
    endpoint.enabled = False
    endpoint.disabled_reason = reason.value
    endpoint.updated_at = at


async def _tell_owners(session: AsyncSession, endpoint: WebhookEndpoint) -> None:
    owners = await session.scalars(
        select(User.email)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.organization_id == endpoint.organization_id, Membership.role == "owner")
    )
    for email in owners:
        queue_template(
            session,
            organization_id=endpoint.organization_id,
            to=email,
            template="endpoint_disabled",
            url=endpoint.url,
            days=FAILING_DISABLE_AFTER.days,
        )

"""What a sender does to the delivery log, a batch at a time: claim what may go now (a
lease on each row), and record what became of the attempts.

- `claim` takes up to `limit` deliveries that are pending, due, not held back behind an
  earlier one of their entity (services/webhooks/heads.py), not leased and of an enabled
  endpoint, in one statement (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so concurrent
  senders take disjoint sets), then reads their events in one more.
- `record` writes every outcome and attempt row in one statement on PostgreSQL (a row at
  a time on SQLite, whose single writer makes that the simple correct path), settles
  what successful redeliveries settle, advances the entities' heads and updates the
  endpoint's health once per batch.

An outcome is recorded only while the delivery is still pending with the attempt count
the sender claimed it with; otherwise (the lease ran out and another sender got there
first) the attempt is logged as STALE and changes nothing.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Table,
    Update,
    bindparam,
    exists,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import UTCDateTime
from services.events import Event
from services.webhooks.deliveries import (
    LEASE,
    MAX_ATTEMPTS,
    MAX_RETRY_AFTER,
    RESPONSE_BODY_LIMIT,
    AttemptResult,
    EndpointHealth,
    EventRow,
    RandomSource,
    retry_delay,
    settle_redelivered,
    update_endpoint_health,
)
from services.webhooks.endpoints import SENDING_COLUMNS, SendingDetails, sending_details
from services.webhooks.heads import (
    DELIVERIES,
    PENDING,
    Pair,
    advance_heads,
    move_locked_heads,
)
from services.webhooks.models import DeliveryStatus, WebhookAttempt, WebhookEndpoint

ENDPOINTS = cast(Table, WebhookEndpoint.__table__)
EVENTS = cast(Table, Event.__table__)
ATTEMPTS = cast(Table, WebhookAttempt.__table__)


@dataclass(frozen=True)
class Claimed:
    """A delivery leased to this sender, with its event."""

    id: int
    endpoint_id: int
    organization_id: int
    entity_key: str
    attempt_count: int
    redelivery_of_id: int | None
    event: EventRow


# What a claim reads of each delivery (`Claimed` in this order, the event last).
_CLAIMED = (
    DELIVERIES.c.id,
    DELIVERIES.c.endpoint_id,
    DELIVERIES.c.organization_id,
    DELIVERIES.c.entity_key,
    DELIVERIES.c.attempt_count,
    DELIVERIES.c.redelivery_of_id,
    DELIVERIES.c.event_position,
)


# Built once, as the claims below: a sender runs it with every claim.
_EVENTS_AT = select(*EVENTS.c).where(EVENTS.c.position.in_(bindparam("positions", expanding=True)))


async def _with_events(session: AsyncSession, rows: Sequence[Any]) -> list[Claimed]:
    """`Claimed` for rows of `_CLAIMED`, their events read in one query."""
    positions = sorted({row.event_position for row in rows})
    found = await session.execute(_EVENTS_AT, {"positions": positions})
    events = {event.position: EventRow(**event._mapping) for event in found}
    return [_claimed(row, events[row.event_position]) for row in rows]


def _claimed(row: Any, event: EventRow) -> Claimed:
    """`Claimed` for a row of `_CLAIMED`'s columns and its event."""
    return Claimed(
        row.id,
        row.endpoint_id,
        row.organization_id,
        row.entity_key,
        row.attempt_count,
        row.redelivery_of_id,
        event,
    )


def _ready(now: datetime | ColumnElement[datetime]) -> list[ColumnElement[bool]]:
    d = DELIVERIES.c
    return [
        d.status == PENDING,
        ~d.held_back,
        d.next_attempt_at <= now,
        (d.leased_until.is_(None)) | (d.leased_until < now),
        exists().where(ENDPOINTS.c.id == d.endpoint_id, ENDPOINTS.c.enabled.is_(True)),
    ]


async def due_deliveries(session: AsyncSession, *, now: datetime, limit: int = 500) -> list[int]:
    """What `claim` would take now, oldest first (without taking it)."""
    rows = await session.scalars(
        select(DELIVERIES.c.id)
        .where(*_ready(now))
        .order_by(DELIVERIES.c.next_attempt_at, DELIVERIES.c.id)
        .limit(limit)
    )
    return list(rows)


async def due_endpoints(session: AsyncSession, *, now: datetime) -> list[int]:
    """Enabled endpoints with a delivery free to go now (leased ones count: a sender may
    be on them). One index probe per endpoint, whatever the backlog."""
    d = DELIVERIES.c
    rows = await session.scalars(
        select(ENDPOINTS.c.id)
        .where(
            ENDPOINTS.c.enabled.is_(True),
            exists().where(
                d.endpoint_id == ENDPOINTS.c.id,
                d.status == PENDING,
                ~d.held_back,
                d.next_attempt_at <= now,
            ),
        )
        .order_by(ENDPOINTS.c.id)
    )
    return list(rows)


def _claim_of(chosen: ColumnElement[bool]) -> Update:
    """Lease up to `:limit` of the `chosen` deliveries that may go at `:now`, oldest due
    first, skipping rows another sender holds."""
    d = DELIVERIES.c
    candidates = (
        select(d.id)
        .where(*_ready(bindparam("now", type_=d.next_attempt_at.type)), chosen)
        .order_by(d.next_attempt_at, d.id)
        .limit(bindparam("limit", type_=Integer))
        .with_for_update(skip_locked=True)
    )
    return (
        update(DELIVERIES)
        .where(d.id.in_(candidates))
        .values(leased_until=bindparam("lease_until", type_=d.leased_until.type))
        .returning(*_CLAIMED)
    )


def _with_event_and_endpoint(leasing: Update) -> Select[Any]:
    """PostgreSQL: the lease, and what sending needs of each leased delivery (its event,
    its endpoint's URL and sealed secrets), in one statement."""
    leased = leasing.cte("leased")
    return (
        select(
            *(leased.c[column.name] for column in _CLAIMED),
            *(column.label(f"event_{column.name}") for column in EVENTS.c),
            *(column.label(f"endpoint_{column.name}") for column in SENDING_COLUMNS),
        )
        .join_from(leased, EVENTS, EVENTS.c.position == leased.c.event_position)
        .join(ENDPOINTS, ENDPOINTS.c.id == leased.c.endpoint_id)
        .order_by(leased.c.id)
    )


# Built once: a sender claims after every batch, often finding nothing, and a statement
# built per call (its cache key computed anew) cost it more CPU than running it.
_CLAIM_OF_ENDPOINT = _claim_of(DELIVERIES.c.endpoint_id == bindparam("chosen"))
_CLAIM_ONE = _claim_of(DELIVERIES.c.id == bindparam("chosen"))
_CLAIM_OF_ENDPOINT_POSTGRESQL = _with_event_and_endpoint(_CLAIM_OF_ENDPOINT)
_CLAIM_ONE_POSTGRESQL = _with_event_and_endpoint(_CLAIM_ONE)


@dataclass(frozen=True)
class Claim:
    """What one claim leased (of one endpoint), and where and how to send it."""

    claimed: list[Claimed]
    endpoint: SendingDetails | None = None


def _claimed_of_joined(row: Any) -> Claimed:
    event = EventRow(**{column.name: row._mapping[f"event_{column.name}"] for column in EVENTS.c})
    return _claimed(row, event)


async def claim(
    session: AsyncSession,
    *,
    now: datetime,
    limit: int,
    endpoint_id: int | None = None,
    delivery_id: int | None = None,
) -> Claim:
    """Lease up to `limit` deliveries that may go now, of one endpoint or one delivery
    (one of the two). On PostgreSQL one statement, which may run outside a transaction
    (it is its own); elsewhere the caller commits at once."""
    by_endpoint = endpoint_id is not None
    chosen = endpoint_id if by_endpoint else delivery_id
    if chosen is None:
        raise ValueError("claim: give endpoint_id or delivery_id")
    values = {"now": now, "limit": limit, "lease_until": now + LEASE, "chosen": chosen}
    if session.get_bind().dialect.name == "postgresql":
        statement = _CLAIM_OF_ENDPOINT_POSTGRESQL if by_endpoint else _CLAIM_ONE_POSTGRESQL
        rows = (await session.execute(statement, values)).all()
        if not rows:
            return Claim([])
        first = rows[0]._mapping
        endpoint = SendingDetails(*(first[f"endpoint_{column.name}"] for column in SENDING_COLUMNS))
        return Claim([_claimed_of_joined(row) for row in rows], endpoint)
    leased = (
        await session.execute(_CLAIM_OF_ENDPOINT if by_endpoint else _CLAIM_ONE, values)
    ).all()
    if not leased:
        return Claim([])
    claimed = await _with_events(session, sorted(leased, key=lambda row: row.id))
    return Claim(claimed, await sending_details(session, claimed[0].endpoint_id))


@dataclass(frozen=True)
class Planned:
    """What an attempt leads to, if it is still the delivery's current one."""

    status: str
    outcome: str
    next_attempt_at: datetime | None
    completed_at: datetime | None


def plan(attempt_count: int, result: AttemptResult, at: datetime, jitter: RandomSource) -> Planned:
    """The rule: done, gone (410), out of attempts, or retried on schedule (or later, as
    Retry-After asks, up to MAX_RETRY_AFTER)."""
    count = attempt_count + 1
    if result.succeeded:
        return Planned(DeliveryStatus.SUCCEEDED.value, "SUCCEEDED", None, at)
    if result.gone:
        return Planned(DeliveryStatus.FAILED.value, "GONE", None, at)
    if count >= MAX_ATTEMPTS:
        return Planned(DeliveryStatus.FAILED.value, "FAILED", None, at)
    delay: timedelta = retry_delay(count, jitter=jitter)
    if result.retry_after is not None:
        delay = max(delay, min(result.retry_after, MAX_RETRY_AFTER))
    return Planned(PENDING, "RETRY", at + delay, None)


@dataclass(frozen=True)
class Recorded:
    # The outcome of each attempt by delivery id: SUCCEEDED, RETRY, FAILED, GONE, STALE.
    outcomes: dict[int, str]
    # Deliveries released by the finished ones (their entity's next, free to go now).
    released: list[int] = field(default_factory=list)
    # Heads another transaction held: advance them with `wait` after the commit.
    contended: list[Pair] = field(default_factory=list)


def _clip(error: str | None) -> str | None:
    return error[:500] if error else None


# PostgreSQL, one statement (compiled once, two variants): the outcomes and attempt rows;
# the locks on the heads of the pairs whose delivery finished (in their order, skipping
# those another transaction holds unless waiting; a STALE one's is moved needlessly but
# harmlessly); and the endpoints' health as it stands, so an attempt that changes
# nothing on its endpoint reads nothing more. `move_locked_heads` follows, a statement of
# its own (services/webhooks/heads.py).
_RECORD_POSTGRESQL = """
WITH v AS (
    SELECT * FROM unnest(
        CAST(:ids AS bigint[]), CAST(:expected AS integer[]), CAST(:statuses AS text[]),
        CAST(:next_at AS timestamptz[]), CAST(:completed AS timestamptz[]),
        CAST(:codes AS integer[]), CAST(:errors AS text[]), CAST(:organizations AS bigint[]),
        CAST(:durations AS integer[]), CAST(:bodies AS text[]), CAST(:outcomes AS text[])
    ) AS v(id, expected, status, next_at, completed, code, error, organization_id,
           duration, body, outcome)
), moved AS (
    UPDATE webhook_deliveries d
    SET status = v.status, attempt_count = v.expected + 1, leased_until = NULL,
        last_status_code = v.code, last_error = v.error, next_attempt_at = v.next_at,
        completed_at = v.completed
    FROM v
    WHERE d.id = v.id AND d.status = 'PENDING' AND d.attempt_count = v.expected
    RETURNING d.id
), written AS (
    INSERT INTO webhook_attempts (organization_id, delivery_id, attempted_at, duration_ms,
                                  status_code, response_body, error, outcome)
    SELECT v.organization_id, v.id, :at, v.duration, v.code, v.body, v.error,
           CASE WHEN moved.id IS NULL THEN 'STALE' ELSE v.outcome END
    FROM v LEFT JOIN moved ON moved.id = v.id
    WHERE EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.id = v.id)
    RETURNING delivery_id, outcome
), locked AS (
    SELECT head.endpoint_id, head.entity_key
    FROM webhook_entity_heads head
    JOIN unnest(CAST(:lock_endpoints AS bigint[]), CAST(:lock_keys AS text[]))
        AS wanted(endpoint_id, entity_key)
        ON head.endpoint_id = wanted.endpoint_id AND head.entity_key = wanted.entity_key
    ORDER BY head.endpoint_id, head.entity_key
    FOR UPDATE OF head {skip}
), health AS (
    SELECT id, enabled, failing_since FROM webhook_endpoints
    WHERE id = ANY(CAST(:health_endpoints AS bigint[]))
)
SELECT 'written' AS kind, delivery_id AS number, outcome AS label,
       NULL::boolean AS enabled, NULL::timestamptz AS failing_since
FROM written
UNION ALL SELECT 'locked', endpoint_id, entity_key, NULL, NULL FROM locked
UNION ALL SELECT 'health', id, NULL, enabled, failing_since FROM health
"""
_RECORD_SKIPPING_HELD_HEADS = text(_RECORD_POSTGRESQL.format(skip="SKIP LOCKED")).columns(
    failing_since=UTCDateTime()
)
_RECORD_WAITING_FOR_HEADS = text(_RECORD_POSTGRESQL.format(skip="")).columns(
    failing_since=UTCDateTime()
)


@dataclass(frozen=True)
class _Written:
    outcomes: dict[int, str]
    # PostgreSQL: the heads the statement locked, and each endpoint's health as read.
    locked: list[Pair] = field(default_factory=list)
    health: dict[int, EndpointHealth] = field(default_factory=dict)


async def _write_postgresql(
    session: AsyncSession,
    attempts: Sequence[tuple[Claimed, AttemptResult, Planned]],
    at: datetime,
    *,
    wait_for_heads: bool,
) -> _Written:
    heads = sorted({(c.endpoint_id, c.entity_key) for c, _, p in attempts if p.status != PENDING})
    statement = _RECORD_WAITING_FOR_HEADS if wait_for_heads else _RECORD_SKIPPING_HELD_HEADS
    rows = await session.execute(
        statement,
        {
            "ids": [c.id for c, _, _ in attempts],
            "expected": [c.attempt_count for c, _, _ in attempts],
            "statuses": [p.status for _, _, p in attempts],
            "next_at": [p.next_attempt_at for _, _, p in attempts],
            "completed": [p.completed_at for _, _, p in attempts],
            "codes": [r.status_code for _, r, _ in attempts],
            "errors": [_clip(r.error) for _, r, _ in attempts],
            "organizations": [c.organization_id for c, _, _ in attempts],
            "durations": [r.duration_ms for _, r, _ in attempts],
            "bodies": [
                (r.response_body or "")[:RESPONSE_BODY_LIMIT] or None for _, r, _ in attempts
            ],
            "outcomes": [p.outcome for _, _, p in attempts],
            "at": at,
            "lock_endpoints": [e for e, _ in heads],
            "lock_keys": [k for _, k in heads],
            "health_endpoints": sorted({c.endpoint_id for c, _, _ in attempts}),
        },
    )
    written = _Written({})
    for kind, number, text_, enabled, failing_since in rows:
        if kind == "written":
            written.outcomes[number] = text_
        elif kind == "locked":
            written.locked.append((number, text_))
        else:
            written.health[number] = EndpointHealth(enabled, failing_since)
    written.locked.sort()
    return written


async def _write(
    session: AsyncSession,
    attempts: Sequence[tuple[Claimed, AttemptResult, Planned]],
    at: datetime,
) -> dict[int, str]:
    """SQLite: outcome and attempt rows, a row at a time; returns each attempt's outcome
    (STALE when the delivery had moved on) by delivery id."""
    written: dict[int, str] = {}
    for claimed, result, planned in attempts:
        d = DELIVERIES.c
        if not await session.scalar(select(exists().where(d.id == claimed.id))):
            continue
        moved = await session.execute(
            update(DELIVERIES)
            .where(
                d.id == claimed.id,
                d.status == PENDING,
                d.attempt_count == claimed.attempt_count,
            )
            .values(
                status=planned.status,
                attempt_count=claimed.attempt_count + 1,
                leased_until=None,
                last_status_code=result.status_code,
                last_error=_clip(result.error),
                next_attempt_at=planned.next_attempt_at,
                completed_at=planned.completed_at,
            )
        )
        outcome = planned.outcome if moved.rowcount else "STALE"  # type: ignore[attr-defined]
        await session.execute(
            insert(ATTEMPTS).values(
                organization_id=claimed.organization_id,
                delivery_id=claimed.id,
                attempted_at=at,
                duration_ms=result.duration_ms,
                status_code=result.status_code,
                response_body=(result.response_body or "")[:RESPONSE_BODY_LIMIT] or None,
                error=_clip(result.error),
                outcome=outcome,
            )
        )
        written[claimed.id] = outcome
    return written


def _health_sample(results: Sequence[AttemptResult]) -> AttemptResult:
    """One attempt that stands for a batch's effect on its endpoint: a 410 disables it
    whatever else happened, any success shows it is up, else it is failing."""
    gone = [result for result in results if result.gone]
    succeeded = [result for result in results if result.succeeded]
    return (gone or succeeded or list(results))[-1]


async def record(
    session: AsyncSession,
    attempts: Sequence[tuple[Claimed, AttemptResult]],
    *,
    at: datetime,
    jitter: RandomSource = random.random,
    wait_for_heads: bool = False,
) -> Recorded:
    """Record a batch of attempts (see the module's docstring); the caller commits."""
    if not attempts:
        return Recorded({})
    planned = [(c, r, plan(c.attempt_count, r, at, jitter)) for c, r in attempts]
    if session.get_bind().dialect.name == "postgresql":
        written = await _write_postgresql(session, planned, at, wait_for_heads=wait_for_heads)
    else:
        written = _Written(await _write(session, planned, at))
    outcomes = written.outcomes
    finished: set[Pair] = set()
    by_endpoint: dict[int, list[AttemptResult]] = defaultdict(list)
    for claimed, result, plan_ in planned:
        outcome = outcomes.get(claimed.id)
        if outcome is None or outcome == "STALE":
            continue
        by_endpoint[claimed.endpoint_id].append(result)
        if plan_.status != PENDING:
            finished.add((claimed.endpoint_id, claimed.entity_key))
        if outcome == "SUCCEEDED" and claimed.redelivery_of_id is not None:
            await settle_redelivered(
                session,
                endpoint_id=claimed.endpoint_id,
                event_position=claimed.event.position,
                redelivery_id=claimed.id,
                at=at,
            )
    if session.get_bind().dialect.name == "postgresql":
        released = await move_locked_heads(session, written.locked)
        held = finished - set(written.locked)
        contended = sorted(held) if not wait_for_heads else []
    else:
        released, contended = await advance_heads(session, finished, wait=wait_for_heads)
    for endpoint_id, results in sorted(by_endpoint.items()):
        await update_endpoint_health(
            session, endpoint_id, _health_sample(results), at, seen=written.health.get(endpoint_id)
        )
    return Recorded(outcomes, released, contended)


async def record_attempt(
    session: AsyncSession,
    delivery_id: int,
    result: AttemptResult,
    *,
    at: datetime,
    jitter: RandomSource = random.random,
) -> str | None:
    """Record one attempt at a delivery as it stands now (not claimed through `claim`):
    its outcome, or None when the delivery no longer exists."""
    rows = (await session.execute(select(*_CLAIMED).where(DELIVERIES.c.id == delivery_id))).all()
    if not rows:
        return None
    [claimed] = await _with_events(session, rows)
    recorded = await record(session, [(claimed, result)], at=at, jitter=jitter, wait_for_heads=True)
    return recorded.outcomes.get(delivery_id)

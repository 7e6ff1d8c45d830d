"""Per-entity order per endpoint without scanning the backlog.

Each (endpoint, entity) pair with something pending has a head row holding the event
position of its earliest pending delivery. A new delivery of a later event is written
`held_back`; only deliveries that are not held back are ever claimed, so a sender finds
what may go now with an index range scan, however many wait behind a dead receiver.

The head row is the pair's lock: fan-out upserts it (which locks it) before it decides
whether the new delivery is held back, and a sender that finishes a delivery locks it
before it looks for the next pending one. Whichever commits second sees the other's
work, so a delivery appended while its entity's head finishes is never left held back.
A sender never waits for a head while holding others (a producer appending events of
several entities takes their heads in its own order): what it cannot lock at once it
advances after its commit (`advance_heads(..., wait=True)`, one pair per transaction),
and the sweeper's `stuck_heads` catches what a crash left in between.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, exists, func, insert, select, text, tuple_, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from services.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEntityHead

PENDING = DeliveryStatus.PENDING.value
DELIVERIES = cast(Table, WebhookDelivery.__table__)
HEADS = cast(Table, WebhookEntityHead.__table__)
Pair = tuple[int, str]
CHUNK = 1000


@dataclass(frozen=True)
class NewDelivery:
    organization_id: int
    endpoint_id: int
    event_position: int
    event_id: str
    event_type: str
    entity_key: str
    redelivery_of_id: int | None = None


def _upsert_heads(rows: list[dict[str, Any]]) -> Any:
    """SQLite: insert the pairs' heads, or keep the earlier of the existing and the new
    position (PostgreSQL does it in _ADD_POSTGRESQL)."""
    statement = sqlite.insert(HEADS).values(rows)
    current, offered = HEADS.c.head_position, statement.excluded.head_position
    earliest = func.coalesce(func.min(current, offered), offered, current)
    return statement.on_conflict_do_update(
        index_elements=[HEADS.c.endpoint_id, HEADS.c.entity_key],
        set_={"head_position": earliest},
    ).returning(HEADS.c.endpoint_id, HEADS.c.entity_key, HEADS.c.head_position)


# PostgreSQL: the heads and the deliveries in one statement, the rows as arrays, compiled
# once (every event with a subscriber runs it). The heads are upserted in (endpoint,
# entity) order, so producers appending to the same pairs lock them in one order; a
# delivery is held back when its head, as upserted (so locked), is an earlier event.
_ADD_POSTGRESQL = text(
    """
WITH given AS (
    SELECT * FROM unnest(
        CAST(:organizations AS bigint[]), CAST(:endpoints AS bigint[]),
        CAST(:positions AS bigint[]), CAST(:event_ids AS text[]),
        CAST(:event_types AS text[]), CAST(:entity_keys AS text[]),
        CAST(:redelivery_of AS bigint[])
    ) AS given(organization_id, endpoint_id, event_position, event_id, event_type,
               entity_key, redelivery_of_id)
), heads AS (
    INSERT INTO webhook_entity_heads AS head (endpoint_id, entity_key, head_position)
    SELECT endpoint_id, entity_key, min(event_position) FROM given
    GROUP BY endpoint_id, entity_key
    ORDER BY endpoint_id, entity_key
    ON CONFLICT (endpoint_id, entity_key) DO UPDATE
    SET head_position = coalesce(least(head.head_position, excluded.head_position),
                                 excluded.head_position)
    RETURNING endpoint_id, entity_key, head_position
)
INSERT INTO webhook_deliveries (organization_id, endpoint_id, event_position, event_id,
    event_type, entity_key, status, held_back, attempt_count, next_attempt_at,
    created_at, redelivery_of_id)
SELECT given.organization_id, given.endpoint_id, given.event_position, given.event_id,
       given.event_type, given.entity_key, 'PENDING',
       given.event_position > heads.head_position, 0, :now, :now, given.redelivery_of_id
FROM given JOIN heads USING (endpoint_id, entity_key)
RETURNING id, endpoint_id, event_position
"""
).bindparams(bindparam("now", type_=DELIVERIES.c.created_at.type))


# The session.info key under which a transaction notes the endpoints that have
# deliveries to send once it commits (read then: services/db.py `CommitListener`).
_ENDPOINTS_TO_SEND = "webhooks.endpoints_to_send"


def note_endpoints_to_send(session: AsyncSession, endpoint_ids: Iterable[int]) -> None:
    """After this transaction commits, these endpoints have deliveries that may go."""
    session.info.setdefault(_ENDPOINTS_TO_SEND, set()).update(endpoint_ids)


def endpoints_to_send(info: dict[str, object]) -> set[int]:
    """What a committed transaction noted with `note_endpoints_to_send` (its session's
    info)."""
    noted = info.get(_ENDPOINTS_TO_SEND)
    return noted if isinstance(noted, set) else set()


async def add_deliveries(
    session: AsyncSession, rows: Sequence[NewDelivery], *, now: datetime
) -> list[int]:
    """The one writer of delivery rows: each is written held back when an earlier event
    of its entity is still pending at its endpoint (at most one row per endpoint and
    event). Returns the new ids in `rows` order. One statement on PostgreSQL; two up to
    CHUNK rows on SQLite."""
    if not rows:
        return []
    note_endpoints_to_send(session, (row.endpoint_id for row in rows))
    if session.get_bind().dialect.name == "postgresql":
        inserted = await session.execute(
            _ADD_POSTGRESQL,
            {
                "organizations": [row.organization_id for row in rows],
                "endpoints": [row.endpoint_id for row in rows],
                "positions": [row.event_position for row in rows],
                "event_ids": [row.event_id for row in rows],
                "event_types": [row.event_type for row in rows],
                "entity_keys": [row.entity_key for row in rows],
                "redelivery_of": [row.redelivery_of_id for row in rows],
                "now": now,
            },
        )
        made = {(endpoint, position): id_ for id_, endpoint, position in inserted}
        return [made[(row.endpoint_id, row.event_position)] for row in rows]
    first: dict[Pair, int] = {}
    for row in rows:
        pair = (row.endpoint_id, row.entity_key)
        first[pair] = min(first.get(pair, row.event_position), row.event_position)
    # Sorted, so producers appending to the same pairs lock them in one order.
    heads = [
        {"endpoint_id": endpoint_id, "entity_key": key, "head_position": position}
        for (endpoint_id, key), position in sorted(first.items())
    ]
    locked = await session.execute(_upsert_heads(heads))
    head_of = {(endpoint_id, key): position for endpoint_id, key, position in locked}
    values = [
        {
            "organization_id": row.organization_id,
            "endpoint_id": row.endpoint_id,
            "event_position": row.event_position,
            "event_id": row.event_id,
            "event_type": row.event_type,
            "entity_key": row.entity_key,
            "status": PENDING,
            "held_back": row.event_position > head_of[(row.endpoint_id, row.entity_key)],
            "attempt_count": 0,
            "next_attempt_at": now,
            "created_at": now,
            "redelivery_of_id": row.redelivery_of_id,
        }
        for row in rows
    ]
    # One multi-row INSERT per CHUNK rows (SQLite's limit on parameters); a row is
    # known by its endpoint and event, unique among the rows of one call.
    ids: dict[tuple[int, int], int] = {}
    for start in range(0, len(values), CHUNK):
        inserted = await session.execute(
            insert(DELIVERIES)
            .values(values[start : start + CHUNK])
            .returning(DELIVERIES.c.id, DELIVERIES.c.endpoint_id, DELIVERIES.c.event_position)
        )
        ids.update({(endpoint, position): id_ for id_, endpoint, position in inserted})
    return [ids[(row.endpoint_id, row.event_position)] for row in rows]


async def advance_heads(
    session: AsyncSession, pairs: Iterable[Pair], *, wait: bool = False
) -> tuple[list[int], list[Pair]]:
    """After deliveries of these pairs finished: move each head to the earliest pending
    delivery and release those held back at it. Returns the released delivery ids and
    the pairs whose head another transaction holds (only when not `wait`): advance those
    again, with `wait`, once this transaction has committed."""
    wanted = sorted(set(pairs))
    if not wanted:
        return [], []
    key = tuple_(HEADS.c.endpoint_id, HEADS.c.entity_key)
    lock = (
        select(HEADS.c.endpoint_id, HEADS.c.entity_key)
        .where(key.in_(wanted))
        .order_by(HEADS.c.endpoint_id, HEADS.c.entity_key)
        .with_for_update(skip_locked=not wait)
    )
    locked: list[Pair] = [(e, k) for e, k in await session.execute(lock)]
    missed = sorted(set(wanted) - set(locked)) if not wait else []
    return await move_locked_heads(session, locked), missed


# PostgreSQL: move the heads and release the deliveries at them in one statement, one
# snapshot (taken after the locks, so it sees the producers' deliveries), compiled once.
_MOVE_POSTGRESQL = text(
    """
WITH locked AS (
    SELECT * FROM unnest(CAST(:endpoints AS bigint[]), CAST(:keys AS text[]))
        AS locked(endpoint_id, entity_key)
), moved AS (
    UPDATE webhook_entity_heads head
    SET head_position = (
        SELECT min(d.event_position) FROM webhook_deliveries d
        WHERE d.endpoint_id = head.endpoint_id AND d.entity_key = head.entity_key
          AND d.status = 'PENDING')
    FROM locked
    WHERE head.endpoint_id = locked.endpoint_id AND head.entity_key = locked.entity_key
    RETURNING head.endpoint_id, head.entity_key, head.head_position
)
UPDATE webhook_deliveries d SET held_back = false
FROM moved
WHERE d.endpoint_id = moved.endpoint_id AND d.entity_key = moved.entity_key
  AND d.event_position = moved.head_position AND d.status = 'PENDING' AND d.held_back
RETURNING d.id
"""
)


async def move_locked_heads(session: AsyncSession, locked: Sequence[Pair]) -> list[int]:
    """Move each of these heads, which this transaction has locked, to its pair's earliest
    pending delivery, and release the deliveries held back at it; returns their ids. It
    must run as a statement after the one that took the locks (it then sees every
    delivery committed by the producers that held them)."""
    if not locked:
        return []
    if session.get_bind().dialect.name == "postgresql":
        released = await session.scalars(
            _MOVE_POSTGRESQL,
            {"endpoints": [e for e, _ in locked], "keys": [k for _, k in locked]},
        )
        return sorted(released)
    key = tuple_(HEADS.c.endpoint_id, HEADS.c.entity_key)
    earliest = (
        select(func.min(DELIVERIES.c.event_position))
        .where(
            DELIVERIES.c.endpoint_id == HEADS.c.endpoint_id,
            DELIVERIES.c.entity_key == HEADS.c.entity_key,
            DELIVERIES.c.status == PENDING,
        )
        .scalar_subquery()
    )
    moved = await session.execute(
        update(HEADS)
        .where(key.in_(locked))
        .values(head_position=earliest)
        .returning(HEADS.c.endpoint_id, HEADS.c.entity_key, HEADS.c.head_position)
    )
    heads = [(e, k, p) for e, k, p in moved if p is not None]
    if not heads:
        return []
    released = await session.execute(
        update(DELIVERIES)
        .where(
            tuple_(
                DELIVERIES.c.endpoint_id, DELIVERIES.c.entity_key, DELIVERIES.c.event_position
            ).in_(heads),
            DELIVERIES.c.status == PENDING,
            DELIVERIES.c.held_back,
        )
        .values(held_back=False)
        .returning(DELIVERIES.c.id)
    )
    return sorted(released.scalars())


async def stuck_heads(session: AsyncSession, *, limit: int = 500) -> list[Pair]:
    """Pairs with a head but no delivery free to go: what a sender that died between its
    commit and advancing a contended head left behind. Reads the heads in use, not the
    backlog."""
    ready = exists().where(
        and_(
            DELIVERIES.c.endpoint_id == HEADS.c.endpoint_id,
            DELIVERIES.c.entity_key == HEADS.c.entity_key,
            DELIVERIES.c.status == PENDING,
            ~DELIVERIES.c.held_back,
        )
    )
    rows = await session.execute(
        select(HEADS.c.endpoint_id, HEADS.c.entity_key)
        .where(HEADS.c.head_position.is_not(None), ~ready)
        .limit(limit)
    )
    return [(endpoint_id, key) for endpoint_id, key in rows]

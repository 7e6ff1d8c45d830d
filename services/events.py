"""The event log: the one way a domain change is announced. `append_event` writes the
event in the caller's transaction, so there is no event without its change and no change
without its event. In the same transaction each event becomes one delivery row per
subscribed webhook endpoint (services/webhooks/fanout.py); webhooks/ sends them after
commit.

Each event names the entity it is about and carries that entity's sequence number (1, 2,
3, ... per entity), so a consumer can spot a gap or an out-of-order delivery. Writers of
one entity are serialised by the domain's own row locks, and a unique constraint refuses
a duplicate sequence rather than let it pass.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BindParameter,
    ForeignKey,
    Index,
    Integer,
    Select,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy import cast as sa_cast
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, make_transient_to_detached, mapped_column

from services.billing.reach import within_history
from services.bound import lift
from services.db import Base, IdType, UTCDateTime, utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.pagination import Columns, Page, PageRequest, paginate, selected, selecting
from services.permissions import Principal, require_permission
from services.webhooks.fanout import Subscriber, fan_out, subscribers

# The shape of event payloads. An event keeps the version it was written with, so a
# replay or redelivery of an older one says which shape it has. 2026-12: every quantity
# is {amount, unit} (2026-11 had bare decimals, and inventory.low_stock a `threshold`
# beside item.lowStockThreshold).
API_VERSION = "2026-12"


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("organization_id", "entity_type", "entity_id", "sequence"),
        Index("ix_events_org_position", "organization_id", "position"),
        Index("ix_events_org_type_position", "organization_id", "type", "position"),
    )

    # Position in the log: increasing in commit-independent insert order, used as cursor.
    position: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    type: Mapped[str] = mapped_column(String(80))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(100))
    sequence: Mapped[int]
    api_version: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def new_event_id() -> str:
    return "evt_" + uuid.uuid4().hex


@dataclass(frozen=True)
class NewEvent:
    """An event to append: `entity_id` is the entity's public (global) ID."""

    type: str
    entity_type: str
    entity_id: str
    payload: dict[str, Any]


async def append_event(
    session: AsyncSession,
    *,
    organization_id: int,
    type: str,
    entity_type: str,
    entity_id: str,
    payload: dict[str, Any],
) -> Event:
    """Append one event; `entity_id` is the entity's public (global) ID."""
    [event] = await append_events(
        session,
        organization_id=organization_id,
        events=[NewEvent(type, entity_type, entity_id, payload)],
    )
    return event


def _occurrences(events: Sequence[NewEvent]) -> list[int]:
    """Each event's place among the events of its entity in `events` (1, 2, ...): its
    sequence is the entity's last one before the INSERT plus this, as the INSERT does not
    see its own rows."""
    seen: dict[tuple[str, str], int] = {}
    places = []
    for new in events:
        key = (new.entity_type, new.entity_id)
        seen[key] = seen.get(key, 0) + 1
        places.append(seen[key])
    return places


async def append_events(
    session: AsyncSession, *, organization_id: int, events: Sequence[NewEvent]
) -> list[Event]:
    """The one way events are appended: all in one INSERT, which also reads the
    organization's enabled endpoints, then one fan-out for all of them, so a change costs
    two statements however many events it announces (one when nobody listens). Each
    entity's events keep their order: positions and sequences follow the order given.
    Returns the events in that order."""
    if not events:
        return []
    now = utcnow()
    ids = [new_event_id() for _ in events]
    rows, endpoints = await _insert(session, organization_id, ids, events, now)
    appended = [
        _event(
            session,
            position=position,
            id=event_id,
            organization_id=organization_id,
            type=new.type,
            entity_type=new.entity_type,
            entity_id=new.entity_id,
            sequence=sequence,
            payload=new.payload,
            created_at=now,
        )
        for event_id, new, (position, sequence) in zip(ids, events, rows, strict=True)
    ]
    if endpoints:
        await fan_out(
            session, organization_id=organization_id, events=appended, endpoints=endpoints
        )
    return appended


def _event(session: AsyncSession, **columns: Any) -> Event:
    """The written row as an Event in the session, as if loaded from it."""
    event = Event(**columns, api_version=API_VERSION)
    make_transient_to_detached(event)
    session.add(event)
    return event


# PostgreSQL: one statement for any number of events, their columns as arrays. Built
# and compiled once: every domain change appends an event, and building a statement, or
# the ORM's unit of work, costs more CPU than running it. Each entity's last sequence is
# read inside the INSERT (plus the event's place among its entity's, `_occurrences`), and
# RETURNING gives back each event's position and sequence and the organization's
# enabled endpoints for the fan-out. The rows go in the order given (the ordinality,
# which is also unnest's own order), so positions follow that order.
_ORGANIZATION: BindParameter[int] = bindparam("organization_id", type_=IdType)
_EVENTS = cast(Table, Event.__table__)  # declared as a FromClause; a mapped class's table
_GIVEN = (
    func.unnest(
        bindparam("ids", type_=ARRAY(String)),
        bindparam("types", type_=ARRAY(String)),
        bindparam("entity_types", type_=ARRAY(String)),
        bindparam("entity_ids", type_=ARRAY(String)),
        bindparam("payloads", type_=ARRAY(Text)),
        bindparam("occurrences", type_=ARRAY(Integer)),
    )
    .table_valued(
        "id", "type", "entity_type", "entity_id", "payload", "occurrence", with_ordinality="n"
    )
    .render_derived("given")
)
_EARLIER = _EVENTS.alias("earlier")
_INSERT_POSTGRESQL = (
    insert(_EVENTS)
    .from_select(
        [
            "id",
            "organization_id",
            "type",
            "entity_type",
            "entity_id",
            "sequence",
            "api_version",
            "payload",
            "created_at",
        ],
        select(
            _GIVEN.c.id,
            _ORGANIZATION,
            _GIVEN.c.type,
            _GIVEN.c.entity_type,
            _GIVEN.c.entity_id,
            select(func.coalesce(func.max(_EARLIER.c.sequence), 0) + _GIVEN.c.occurrence)
            .where(
                _EARLIER.c.organization_id == _ORGANIZATION,
                _EARLIER.c.entity_type == _GIVEN.c.entity_type,
                _EARLIER.c.entity_id == _GIVEN.c.entity_id,
            )
            .scalar_subquery(),
            literal(API_VERSION),
            sa_cast(_GIVEN.c.payload, JSON),
            bindparam("created_at", type_=_EVENTS.c.created_at.type),
        ).order_by(_GIVEN.c.n),
    )
    .returning(
        _EVENTS.c.id,
        _EVENTS.c.position,
        _EVENTS.c.sequence,
        subscribers(_ORGANIZATION, "postgresql"),
    )
)


async def _insert(
    session: AsyncSession,
    organization_id: int,
    ids: list[str],
    events: Sequence[NewEvent],
    now: datetime,
) -> tuple[list[tuple[int, int]], list[Subscriber]]:
    """One INSERT of the events: each one's (position, sequence), in the order given,
    and the organization's enabled endpoints."""
    chosen = list(zip(ids, events, _occurrences(events), strict=True))
    if session.get_bind().dialect.name == "postgresql":
        inserted = await session.execute(
            _INSERT_POSTGRESQL,
            {
                "organization_id": organization_id,
                "ids": ids,
                "types": [new.type for new in events],
                "entity_types": [new.entity_type for new in events],
                "entity_ids": [new.entity_id for new in events],
                "payloads": [json.dumps(new.payload) for new in events],
                "occurrences": [occurrence for _, _, occurrence in chosen],
                "created_at": now,
            },
        )
    else:
        # SQLite (one writer, not the bench's concern): a multi-row INSERT built per call.
        inserted = await session.execute(
            insert(_EVENTS)
            .values(
                [
                    {
                        "id": event_id,
                        "organization_id": organization_id,
                        "type": new.type,
                        "entity_type": new.entity_type,
                        "entity_id": new.entity_id,
                        "api_version": API_VERSION,
                        "payload": new.payload,
                        "created_at": now,
                        "sequence": select(func.coalesce(func.max(Event.sequence), 0) + occurrence)
                        .where(
                            Event.organization_id == organization_id,
                            Event.entity_type == new.entity_type,
                            Event.entity_id == new.entity_id,
                        )
                        .scalar_subquery(),
                    }
                    for event_id, new, occurrence in chosen
                ]
            )
            .returning(
                _EVENTS.c.id,
                _EVENTS.c.position,
                _EVENTS.c.sequence,
                subscribers(literal(organization_id, IdType), "sqlite"),
            )
        )
    found: dict[str, tuple[int, int]] = {}
    endpoints: list[Subscriber] = []
    for event_id, position, sequence, subscribed in inserted:
        found[event_id] = (position, sequence)
        endpoints = [(endpoint_id, types) for endpoint_id, types in subscribed or ()]
    return [found[event_id] for event_id in ids], endpoints


# --- Reading the log ----------------------------------------------------------------

MAX_TYPE_PATTERNS = 50


@dataclass(frozen=True)
class EventFilter:
    # Exact types ("inventory.adjusted") or prefix wildcards ("inventory.*", "*"); any.
    types: Sequence[str] = field(default_factory=tuple)
    entity_type: str | None = None
    entity_id: str | None = None


@dataclass(frozen=True)
class _TypePattern:
    """A `types` filter entry as conditions: an exact type, or a LIKE pattern (a prefix
    wildcard, escaped with "/"); the other is None."""

    exact: str | None = None
    like: str | None = None


def _type_pattern(raw: str) -> _TypePattern:
    pattern = raw.strip()
    if pattern == "*":
        return _TypePattern(like="%")
    if not pattern or "*" in pattern.removesuffix(".*"):
        raise UserInputError(
            ErrorCode.INVALID_EVENT_TYPE,
            f"{raw!r} is not an event type or a prefix wildcard such as inventory.*.",
            ("types",),
        )
    if pattern.endswith(".*"):
        prefix = pattern[:-1]
        escaped = prefix.replace("/", "//").replace("%", "/%").replace("_", "/_")
        return _TypePattern(like=escaped + "%")
    return _TypePattern(exact=pattern)


def _type_condition(patterns: Sequence[str]) -> Any:
    """Any of the patterns. A pattern bound at execution (services/bound.py) keeps both
    conditions, the one it does not use comparing with NULL."""
    if len(patterns) > MAX_TYPE_PATTERNS:
        raise UserInputError(
            ErrorCode.TOO_MANY, f"Filter on at most {MAX_TYPE_PATTERNS} event types.", ("types",)
        )
    conditions = []
    for raw in patterns:
        exact = lift(raw, lambda given: _type_pattern(given).exact)
        like = lift(raw, lambda given: _type_pattern(given).like)
        if exact is not None:
            conditions.append(Event.type == exact)
        if like is not None:
            conditions.append(Event.type.like(like, escape="/"))
    return or_(*conditions)


def _readable(principal: Principal | None, columns: Columns) -> Select[Any]:
    """The caller's organization's events (or the named `columns`), of any age."""
    acting = require_permission(principal, "events.read")
    return selecting(Event, columns).where(Event.organization_id == acting.organization_id)


def event_rows(
    principal: Principal | None, filters: EventFilter, columns: Columns = None
) -> Select[Any]:
    """The organization's events (or the named `columns` of them) that pass `filters` and
    the plan's history reach, in no particular order."""
    acting = require_permission(principal, "events.read")
    statement = _readable(principal, columns).where(within_history(acting, Event.created_at))
    if filters.types:
        statement = statement.where(_type_condition(filters.types))
    if filters.entity_type is not None:
        statement = statement.where(Event.entity_type == filters.entity_type)
    if filters.entity_id is not None:
        statement = statement.where(Event.entity_id == filters.entity_id)
    return statement


async def list_events(
    session: AsyncSession,
    principal: Principal | None,
    *,
    filters: EventFilter,
    page: PageRequest,
    columns: Columns = None,
) -> Page[Any]:
    """The organization's log in order of position, for reconciliation: `page.after` is
    the position after which to start (a consumer's last seen event)."""
    return await paginate(session, event_rows(principal, filters, columns), Event.position, page)


def event_at(principal: Principal | None, position: Any, columns: Columns = None) -> Select[Any]:
    """The caller's organization's event at `position` (a position, or in a planned read
    the SQL of one), whatever its age: a delivery's event is shown however old."""
    return _readable(principal, columns).where(Event.position == position)


async def get_events(
    session: AsyncSession,
    principal: Principal | None,
    positions: Sequence[int],
    columns: Columns = None,
) -> dict[int, Any]:
    """The organization's events (or rows of the named `columns`, which must include
    position) at these positions; others are left out."""
    statement = _readable(principal, columns)
    if not positions:
        return {}
    found = await selected(session, statement.where(Event.position.in_(set(positions))), columns)
    return {row.position: row for row in found}

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
    Select,
    String,
    Table,
    UniqueConstraint,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, make_transient_to_detached, mapped_column

from services.billing.reach import within_history
from services.bound import lift
from services.db import Base, IdType, UTCDateTime, utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.pagination import Columns, Page, PageRequest, paginate, selecting
from services.permissions import Principal, require_permission
from services.webhooks.fanout import fan_out, has_endpoints

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


# One statement writes an event: the entity's next sequence number is read inside the
# INSERT, and RETURNING gives back the event's position and sequence, and whether its
# organization has webhook endpoints to fan out to. Built once, at import, and run in
# Core: every domain change appends an event, and building the statement, or the ORM's
# INSERT ... RETURNING of the entity, cost more CPU than running it. (The subqueries'
# parameters need names of their own: the column names are the INSERT's.)
_ORGANIZATION: BindParameter[int] = bindparam("of_organization", type_=IdType)
_NEXT_SEQUENCE = (
    select(func.coalesce(func.max(Event.sequence), 0) + 1)
    .where(
        Event.organization_id == _ORGANIZATION,
        Event.entity_type == bindparam("of_entity_type"),
        Event.entity_id == bindparam("of_entity_id"),
    )
    .scalar_subquery()
)
_EVENTS = cast(Table, Event.__table__)  # declared as a FromClause; a mapped class's table
_INSERT_EVENT = (
    insert(_EVENTS)
    .values(sequence=_NEXT_SEQUENCE)
    .returning(_EVENTS.c.position, _EVENTS.c.sequence, has_endpoints(_ORGANIZATION))
)


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


def _rounds(events: Sequence[NewEvent]) -> list[list[int]]:
    """Indexes of `events` in statements where no entity appears twice (each entity's
    next sequence is read inside the INSERT): an entity's first event in the first, its
    second in the second, and so on, so each entity keeps its order."""
    rounds: list[list[int]] = []
    seen: dict[tuple[str, str], int] = {}
    for index, new in enumerate(events):
        key = (new.entity_type, new.entity_id)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        if occurrence == len(rounds):
            rounds.append([])
        rounds[occurrence].append(index)
    return rounds


async def append_events(
    session: AsyncSession, *, organization_id: int, events: Sequence[NewEvent]
) -> list[Event]:
    """The one way events are appended: several in one INSERT (one more per event of an
    entity already in it), then one fan-out for all of them, so a change that announces
    many events (a batch drawing each of its items) costs a few statements, not a few per
    event. Returns the events in the order given."""
    if not events:
        return []
    now = utcnow()
    values: list[dict[str, Any]] = [
        {
            "id": new_event_id(),
            "organization_id": organization_id,
            "type": new.type,
            "entity_type": new.entity_type,
            "entity_id": new.entity_id,
            "api_version": API_VERSION,
            "payload": new.payload,
            "created_at": now,
        }
        for new in events
    ]
    written: list[Event | None] = [None] * len(events)
    fans_out = False
    for indexes in _rounds(events):
        if len(indexes) == 1:
            [index] = indexes
            inserted = await session.execute(
                _INSERT_EVENT,
                {
                    **values[index],
                    "of_organization": organization_id,
                    "of_entity_type": events[index].entity_type,
                    "of_entity_id": events[index].entity_id,
                },
            )
            rows = [(index, *inserted.one())]
        else:
            rows = await _insert_many(session, organization_id, [values[i] for i in indexes])
            rows = [(indexes[n], *row) for n, row in enumerate(rows)]
        for index, position, sequence, has_endpoints_ in rows:
            event = Event(position=position, sequence=sequence, **values[index])
            # The row is written: the object joins the session as if loaded from it.
            make_transient_to_detached(event)
            session.add(event)
            written[index] = event
            fans_out = fans_out or bool(has_endpoints_)
    appended = [event for event in written if event is not None]
    if fans_out:
        await fan_out(session, organization_id=organization_id, events=appended)
    return appended


async def _insert_many(
    session: AsyncSession, organization_id: int, values: list[dict[str, Any]]
) -> list[tuple[int, int, bool]]:
    """One INSERT of events of distinct entities: (position, sequence, has endpoints) for
    each, in the order given."""
    rows = [
        {
            **row,
            "sequence": select(func.coalesce(func.max(Event.sequence), 0) + 1)
            .where(
                Event.organization_id == organization_id,
                Event.entity_type == row["entity_type"],
                Event.entity_id == row["entity_id"],
            )
            .scalar_subquery(),
        }
        for row in values
    ]
    inserted = await session.execute(
        insert(_EVENTS)
        .values(rows)
        .returning(
            _EVENTS.c.id,
            _EVENTS.c.position,
            _EVENTS.c.sequence,
            has_endpoints(literal(organization_id, IdType)),
        )
    )
    found = {
        event_id: (position, sequence, bool(fans))
        for event_id, position, sequence, fans in inserted
    }
    return [found[row["id"]] for row in values]


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


def event_rows(
    principal: Principal | None, filters: EventFilter, columns: Columns = None
) -> Select[Any]:
    """The organization's events (or the named `columns` of them) that pass `filters` and
    the plan's history reach, in no particular order."""
    acting = require_permission(principal, "events.read")
    statement = selecting(Event, columns).where(
        Event.organization_id == acting.organization_id,
        within_history(acting, Event.created_at),
    )
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


async def get_events(
    session: AsyncSession, principal: Principal | None, positions: Sequence[int]
) -> dict[int, Event]:
    """The organization's events at these positions (others are left out)."""
    acting = require_permission(principal, "events.read")
    if not positions:
        return {}
    rows = await session.scalars(
        select(Event).where(
            Event.organization_id == acting.organization_id,
            Event.position.in_(set(positions)),
        )
    )
    return {event.position: event for event in rows}

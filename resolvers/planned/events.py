"""The event log on planned reads: `events` with its filters and pages, read through the
same service with the same arguments as resolvers/webhooks.py, and its plain fields from
schema/webhooks.py's EVENT_FIELDS. The plan's history reach is the service's own
condition (services/billing/reach.py `within_history`), built into the statement."""

from __future__ import annotations

from typing import Any

from resolvers.planned.plan import (
    Caller,
    Catalog,
    RootField,
    RowType,
    Scope,
    SqlRows,
    by_graphql_name,
)
from resolvers.webhooks import event_filter, events_page
from schema.row_fields import Env, Row
from schema.webhooks import EVENT_FIELDS, NO_ENV
from services import events
from services.events import Event
from services.pagination import Page, PageRequest

Columns = tuple[str, ...]


def _page(args: dict[str, Any]) -> PageRequest:
    return events_page(
        args.get("first"),
        args.get("after"),
        args.get("last"),
        args.get("before"),
        args.get("afterPosition"),
    )


def _filter(args: dict[str, Any]) -> events.EventFilter:
    return event_filter(args.get("types"), args.get("entityType"), args.get("entityId"))


async def _events(scope: Scope, args: dict[str, Any], columns: Columns) -> Page[Row]:
    return await events.list_events(
        scope.session, scope.principal, filters=_filter(args), page=_page(args), columns=columns
    )


def _events_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    statement = events.event_rows(scope.principal, _filter(args), columns)
    return SqlRows(statement, Event.position, _page(args))


async def _env(scope: Scope) -> Env:
    return NO_ENV


def _sql_env(scope: Caller) -> Env:
    return NO_ENV


CATALOG = Catalog(
    roots={
        "events": RootField(
            "Event", _events, _env, columns=("position",), rows=_events_rows, sql_env=_sql_env
        ),
    },
    types={"Event": RowType("Event", by_graphql_name(EVENT_FIELDS))},
)

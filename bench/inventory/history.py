"""The cost of one consumption as an item's history grows.

For each history size the item gets that many exhausted lots, then, repeatedly: three
fresh lots of 10 g are received (not timed) and one USE of 30 g is timed, drawing all
three. Each timed consumption is a whole unit of work: the service call and the commit.

Rows read come from PostgreSQL's own counters, pg_stat_xact_user_tables (rows read by
sequential scans + rows fetched through indexes), read inside one more consumption's
transaction just before it commits: they count what the executed plans really touched,
cached generic plans included. PostgreSQL 15 keeps those counters per backend until it
flushes them (at most once a second), so the connection forces a flush first
(pg_stat_force_next_flush) and the counts then cover exactly that one transaction.
pg_stat_statements is not used: it needs a server restart to preload.

PostgreSQL replans a prepared statement with its parameter values (a custom plan) until
it judges a generic plan as cheap, which depends on the table statistics; a generic plan
cannot use a partial index whose predicate depends on a bound parameter. The last row
forces generic plans (plan_cache_mode) to show the worst case the planner may choose.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from database import (
    Sessions,
    analyze,
    bulk_exhausted_history,
    consume,
    new_item,
    receive,
)
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from timing import median, percentile

from services.db import unit_of_work
from services.inventory import stock
from services.inventory.quantities import QuantityInput
from services.permissions import Principal

# Histories up to this many lots are built through the services (receive, then use up,
# one transaction each); larger ones by bulk INSERT (see database.bulk_exhausted_history).
SERVICE_BUILT_UP_TO = 1_000
LOT_GRAMS = 10
LOTS_PER_CONSUMPTION = 3

_ROWS_READ = text(
    """
    SELECT relname, seq_tup_read + coalesce(idx_tup_fetch, 0) AS rows_read,
        seq_scan, coalesce(idx_scan, 0) AS idx_scan
    FROM pg_stat_xact_user_tables
    WHERE seq_scan + coalesce(idx_scan, 0) > 0
    ORDER BY relname
    """
)


@dataclass(frozen=True)
class TableReads:
    table: str
    rows_read: int
    seq_scans: int
    index_scans: int


@dataclass(frozen=True)
class HistoryResult:
    history_lots: int
    plans: str
    built_by: str
    build_seconds: float
    repetitions: int
    p50_ms: float
    p95_ms: float
    statements: int
    reads: list[TableReads]

    @property
    def rows_read(self) -> int:
        return sum(table.rows_read for table in self.reads)


class StatementCounter:
    """Counts the SQL statements an engine sends (BEGIN and COMMIT are not statements
    sent through a cursor with asyncpg, so they are not counted)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.count = 0
        event.listen(engine.sync_engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        self.count += 1


async def _build(sessions: Sessions, principal: Principal, item_id: int, lots: int) -> str:
    if lots > SERVICE_BUILT_UP_TO:
        await bulk_exhausted_history(sessions, principal, item_id, lots)
        return "bulk INSERT"
    for _ in range(lots):
        await receive(sessions, principal, item_id, LOT_GRAMS)
    for _ in range(lots):
        await consume(sessions, principal, item_id, LOT_GRAMS)
    return "services"


async def _three_fresh_lots(sessions: Sessions, principal: Principal, item_id: int) -> None:
    for _ in range(LOTS_PER_CONSUMPTION):
        await receive(sessions, principal, item_id, LOT_GRAMS)


async def _reads_of_one_consumption(
    sessions: Sessions, principal: Principal, item_id: int
) -> list[TableReads]:
    await _three_fresh_lots(sessions, principal, item_id)
    async with sessions() as session:
        backend = await session.scalar(text("SELECT pg_backend_pid()"))
        await session.execute(text("SELECT pg_stat_force_next_flush()"))
        await session.commit()  # the backend flushes its counters as it goes idle
    async with unit_of_work(sessions) as session:
        await _use(session, principal, item_id)
        rows = (await session.execute(_ROWS_READ)).all()
        same = await session.scalar(text("SELECT pg_backend_pid()")) == backend
    assert same, "the counters must be read on the connection that was flushed"
    return [TableReads(row.relname, row.rows_read, row.seq_scan, row.idx_scan) for row in rows]


async def _use(session: AsyncSession, principal: Principal, item_id: int) -> None:
    change = await stock.adjust_inventory(
        session,
        principal,
        item_id=item_id,
        change_type="USE",
        quantity=QuantityInput(Decimal(LOT_GRAMS * LOTS_PER_CONSUMPTION), "g"),
    )
    touched = len(change.posting.entries)
    assert touched == LOTS_PER_CONSUMPTION, f"the consumption touched {touched} lots"


async def measure(
    engine: AsyncEngine,
    sessions: Sessions,
    principal: Principal,
    history_lots: int,
    repetitions: int,
    *,
    plans: str = "chosen by PostgreSQL",
) -> HistoryResult:
    item_id = await new_item(sessions, principal, f"History of {history_lots} lots ({plans})")
    started = time.perf_counter()
    built_by = await _build(sessions, principal, item_id, history_lots)
    build_seconds = time.perf_counter() - started
    await analyze(sessions)
    counter = StatementCounter(engine)
    timings: list[float] = []
    statements: list[int] = []
    for _ in range(repetitions):
        await _three_fresh_lots(sessions, principal, item_id)
        counter.count = 0
        started = time.perf_counter()
        async with unit_of_work(sessions) as session:
            await _use(session, principal, item_id)
        timings.append((time.perf_counter() - started) * 1000)
        statements.append(counter.count)
    reads = await _reads_of_one_consumption(sessions, principal, item_id)
    return HistoryResult(
        history_lots=history_lots,
        plans=plans,
        built_by=built_by,
        build_seconds=build_seconds,
        repetitions=repetitions,
        p50_ms=median(timings),
        p95_ms=percentile(timings, 95),
        statements=max(statements),
        reads=reads,
    )


def force_generic_plans(engine: AsyncEngine) -> None:
    """Every connection of this engine plans prepared statements generically."""

    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.run_async(
            lambda connection: connection.execute("SET plan_cache_mode = force_generic_plan")
        )

    event.listen(engine.sync_engine, "connect", _on_connect)

"""The producer's append path alone: CPU and SQL statements per event; prints Markdown.

    .venv/bin/python bench/webhooks/append.py [--database NAME] [--events N] [--profile]
        [--plan-cache-mode MODE]

One process, one pooled connection, on the local PostgreSQL (the database is dropped and
made afresh, default `batchtrack_bench_append`): an organization with one endpoint
subscribed to `*`, and 100 entities. Each row commits `--events` transactions one after
another, each as the domain's would (`unit_of_work`, then a row lock standing in for the
entity's, as `bench/webhooks/run.py` takes it) and then:
- "transaction only": nothing more (the cost every mutation pays anyway);
- "append_event": one event (`services.events.append_event`), fanned out to the
  endpoint;
- "append_events x20": 20 events of distinct entities in one call.
Per event: this process's CPU (time.process_time) and the PostgreSQL backend's (from
/proc), each less the "transaction only" row's per transaction for the append rows, and
the statements sent (SQLAlchemy's before_cursor_execute, BEGIN and COMMIT not counted).
--profile prints the top of a cProfile of the append_event row after the table (SORT and
TOP in the environment: its order and length).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import create_engine, create_session_factory, unit_of_work
from services.events import NewEvent, append_event, append_events
from services.ids import to_global_id
from services.webhooks.endpoints import create_endpoint
from services.webhooks.payload_schemas import EXAMPLES
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy

# bench/inventory's givens: a fresh migrated database, an organization.
sys.path[1:1] = [str(Path(__file__).resolve().parents[1] / "inventory")]
from database import new_organization, prepare  # noqa: E402

Sessions = async_sessionmaker[AsyncSession]
EVENT_TYPE = "inventory.adjusted"
ENTITIES = 100
PER_TRANSACTION = 20
SECRET_KEY = "bench-append-secret-key-0123456789abcdef"


async def _organization(sessions: Sessions) -> int:
    principal = await new_organization(sessions)
    async with unit_of_work(sessions) as session:
        await create_endpoint(
            session,
            principal,
            url="http://127.0.0.1:9/hook",
            event_types=["*"],
            description="benchmark",
            policy=TargetPolicy(allow_http=True, allowed_hosts=frozenset({"127.0.0.1"})),
            box=SecretBox(SECRET_KEY),
        )
    return principal.organization_id


def _backend_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Row:
    name: str
    transactions: int
    events: int
    client_s: float
    server_s: float
    statements: int
    wall_s: float


class Bench:
    def __init__(self, sessions: Sessions, organization_id: int, backend: int) -> None:
        self.sessions = sessions
        self.organization_id = organization_id
        self.backend = backend
        self.statements = 0
        self.entities = [to_global_id("InventoryItem", n) for n in range(1, ENTITIES + 1)]
        self.payload = EXAMPLES[EVENT_TYPE]

    def count(self, *_: object) -> None:
        self.statements += 1

    async def _transaction(
        self, entities: list[str], work: Callable[[AsyncSession], Awaitable[object]]
    ) -> None:
        async with unit_of_work(self.sessions) as session:
            for entity in entities:
                await session.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:entity))"), {"entity": entity}
                )
            await work(session)

    async def nothing(self, number: int) -> int:
        async def work(session: AsyncSession) -> None:
            return None

        await self._transaction([self.entities[number % ENTITIES]], work)
        return 0

    async def one(self, number: int) -> int:
        entity = self.entities[number % ENTITIES]

        async def work(session: AsyncSession) -> None:
            await append_event(
                session,
                organization_id=self.organization_id,
                type=EVENT_TYPE,
                entity_type="InventoryItem",
                entity_id=entity,
                payload={**self.payload, "item": {"id": entity}},
            )

        await self._transaction([entity], work)
        return 1

    async def many(self, number: int) -> int:
        chosen = sorted(
            {
                self.entities[(number * PER_TRANSACTION + n) % ENTITIES]
                for n in range(PER_TRANSACTION)
            }
        )

        async def work(session: AsyncSession) -> None:
            await append_events(
                session,
                organization_id=self.organization_id,
                events=[
                    NewEvent(EVENT_TYPE, "InventoryItem", e, {**self.payload, "item": {"id": e}})
                    for e in chosen
                ],
            )

        await self._transaction(chosen, work)
        return len(chosen)

    async def run(self, name: str, step: Callable[[int], Awaitable[int]], transactions: int) -> Row:
        for number in range(min(50, transactions)):  # warm: statements compiled, caches
            await step(number)
        self.statements = 0
        events = 0
        wall, client, server = time.monotonic(), time.process_time(), _backend_cpu(self.backend)
        for number in range(transactions):
            events += await step(number)
        return Row(
            name,
            transactions,
            events,
            time.process_time() - client,
            _backend_cpu(self.backend) - server,
            self.statements,
            time.monotonic() - wall,
        )


def _table(rows: list[Row]) -> list[str]:
    base = rows[0]
    client_tx = base.client_s / base.transactions
    server_tx = base.server_s / base.transactions
    statements_tx = base.statements / base.transactions
    lines = [
        "| Row | Events | Client CPU ms/event | PostgreSQL CPU ms/event | Statements/event "
        "| Events/s (one connection) |",
        "|---|---:|---:|---:|---:|---:|",
        f"| {base.name} | 0 | {1000 * client_tx:.3f} per tx | {1000 * server_tx:.3f} per tx "
        f"| {statements_tx:.1f} per tx | {base.transactions / base.wall_s:.0f} tx/s |",
    ]
    for row in rows[1:]:
        client = (row.client_s - client_tx * row.transactions) / row.events
        server = (row.server_s - server_tx * row.transactions) / row.events
        statements = (row.statements - statements_tx * row.transactions) / row.events
        lines.append(
            f"| {row.name} (beyond the transaction) | {row.events} | {1000 * client:.3f} "
            f"| {1000 * server:.3f} | {statements:.2f} | {row.events / row.wall_s:.0f} |"
        )
    return lines


async def benchmark(
    url: str, transactions: int, profile: bool, plan_cache_mode: str | None
) -> list[str]:
    settings = {"plan_cache_mode": plan_cache_mode} if plan_cache_mode else None
    engine = create_engine(url, pool_size=1, server_settings=settings)
    try:
        sessions = create_session_factory(engine)
        organization_id = await _organization(sessions)
        async with sessions() as session:
            backend = int(await session.scalar(text("SELECT pg_backend_pid()")) or 0)
        bench = Bench(sessions, organization_id, backend)
        event.listen(engine.sync_engine, "before_cursor_execute", bench.count)
        rows = [
            await bench.run("transaction only", bench.nothing, transactions),
            await bench.run("append_event", bench.one, transactions),
            await bench.run(f"append_events x{PER_TRANSACTION}", bench.many, transactions // 10),
        ]
        lines = _table(rows)
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            await bench.run("append_event", bench.one, transactions)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(
                os.environ.get("SORT", "cumulative")
            ).print_stats(int(os.environ.get("TOP", "45")))
            lines += ["", "```", out.getvalue(), "```"]
        return lines
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", default="batchtrack_bench_append", help="dropped and made afresh"
    )
    parser.add_argument("--events", type=int, default=2000, help="transactions per row")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of append_event")
    parser.add_argument(
        "--plan-cache-mode",
        choices=["auto", "force_generic_plan", "force_custom_plan"],
        help="PostgreSQL's plan_cache_mode on the connection (default: the server's)",
    )
    args = parser.parse_args()
    url = prepare(None, args.database)
    load = os.getloadavg()
    lines = asyncio.run(benchmark(url, args.events, args.profile, args.plan_cache_mode))
    print(f"Load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

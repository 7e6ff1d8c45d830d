"""Consumptions per second with N concurrent writers on a set of items.

Each writer is its own OS process with one connection, as separate API processes would
be. The writers warm up (statement caches, prepared statements), meet at a barrier, then
each loops for a fixed time: pick an item, USE 1 g of it in its own transaction through
the real service (lock the item, draw FIFO, post, check the invariant, append the event,
commit). Each item holds one large lot, so every consumption touches one lot.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import queue
import random
import time
from dataclasses import dataclass
from multiprocessing.synchronize import Barrier
from typing import Any

from database import consume
from timing import median, percentile

from services.db import create_engine, create_session_factory
from services.errors import UserInputError
from services.permissions import Principal

WARM_UP = 5
# What a writer imports (database.py's imports, and the dialect create_engine loads), by
# names the fork server can import: on Python 3.11 it ignores our sys.path, so this
# folder's own modules are left to each writer (they are small), and it skips a name
# that fails to import without a word (the writers then import it, only slower).
FORK_SERVER_PRELOAD = [
    "server.migrate",
    "services.accounts.service",
    "services.db",
    "services.errors",
    "services.inventory.stock",
    "sqlalchemy.dialects.postgresql.asyncpg",
]


@dataclass(frozen=True)
class WriterReport:
    committed: int
    refused: int
    seconds: float
    latencies_ms: list[float]


@dataclass(frozen=True)
class ThroughputResult:
    writers: int
    items: int
    seconds: float
    committed: int
    refused: int
    p50_ms: float
    p95_ms: float

    @property
    def per_second(self) -> float:
        return self.committed / self.seconds


async def _writer(
    url: str,
    principal: Principal,
    item_ids: list[int],
    seed: int,
    seconds: float,
    barrier: Barrier,
) -> WriterReport:
    engine = create_engine(url, pool_size=1)
    sessions = create_session_factory(engine)
    chance = random.Random(seed)  # noqa: S311 - a reproducible spread over items
    committed = refused = 0
    latencies: list[float] = []
    try:
        for _ in range(WARM_UP):
            await consume(sessions, principal, chance.choice(item_ids), 1)
        barrier.wait(timeout=300)  # blocking on purpose: nothing else runs in this loop
        started = time.perf_counter()
        deadline = started + seconds
        while (now := time.perf_counter()) < deadline:
            try:
                await consume(sessions, principal, chance.choice(item_ids), 1)
                committed += 1
            except UserInputError as refusal:
                if refusal.code != "INSUFFICIENT_STOCK":
                    raise  # only running out of stock is an expected refusal
                refused += 1
            latencies.append((time.perf_counter() - now) * 1000)
        return WriterReport(committed, refused, time.perf_counter() - started, latencies)
    finally:
        await engine.dispose()


def _writer_process(results: Any, *args: Any) -> None:
    results.put(asyncio.run(_writer(*args)))


def run(
    url: str, principal: Principal, item_ids: list[int], writers: int, seconds: float
) -> ThroughputResult:
    # A writer must start clean (no inherited event loop or connections), so not by a
    # plain fork of this process. Spawned, each one imported SQLAlchemy and the services
    # afresh: seconds of CPU per row of 8 writers on 2 cores, before the barrier. The
    # fork server imports them once and forks every writer of the run from that state.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORK_SERVER_PRELOAD)
    barrier = context.Barrier(writers)
    results = context.Queue()
    processes = [
        context.Process(
            target=_writer_process,
            args=(results, url, principal, item_ids, seed, seconds, barrier),
            daemon=True,
        )
        for seed in range(writers)
    ]
    for process in processes:
        process.start()
    reports: list[WriterReport] = []
    while len(reports) < writers:
        try:
            reports.append(results.get(timeout=5))
        except queue.Empty:
            failed = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
            if failed:
                raise RuntimeError(f"writer processes failed (exit codes {failed})") from None
    for process in processes:
        process.join()
    latencies = [value for report in reports for value in report.latencies_ms]
    return ThroughputResult(
        writers=writers,
        items=len(item_ids),
        seconds=max(report.seconds for report in reports),
        committed=sum(report.committed for report in reports),
        refused=sum(report.refused for report in reports),
        p50_ms=median(latencies),
        p95_ms=percentile(latencies, 95),
    )

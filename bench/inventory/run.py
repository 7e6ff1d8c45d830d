"""The inventory benchmark on PostgreSQL; prints its figures as Markdown.

    .venv/bin/python bench/inventory/run.py [--quick] [DATABASE_URL]
    make bench                      (BENCH_ARGS=--quick for a short run)

The database is the URL given, else BENCH_DATABASE_URL, else `batchtrack_bench` on the
local server (127.0.0.1, user postgres), dropped and created afresh. A given database is
migrated and receives a new organization; nothing in it is deleted.

Measured: consumptions per second with 1 and 8 concurrent writers on one item and on 100
items (throughput.py); the time, SQL statements and rows read of one consumption drawing
3 lots when the item already has 10, 10,000 and 100,000 exhausted lots (history.py); and
finally `verify_inventory` over everything the run wrote, which must find nothing.

--quick measures every row, smaller, in well under a minute: 2 s per throughput row
instead of 10, 5 timed consumptions instead of 30, and 30,000 exhausted lots instead of
100,000.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import history
import throughput
from database import Sessions, new_item, new_organization, prepare, receive, verify
from sqlalchemy import text

from services.db import create_engine, create_session_factory
from services.permissions import Principal

ROOT = Path(__file__).resolve().parents[2]
HISTORY_SIZES = (10, 10_000, 100_000)
# Bulk-building 100,000 lots, twice (the last row forces generic plans), took a third of a
# quick run; 30,000 still dwarf the 3 lots a consumption draws.
QUICK_HISTORY_SIZES = (10, 10_000, 30_000)
WRITER_COUNTS = (1, 8)


def _git(*args: str) -> str:
    return subprocess.run(  # noqa: S603 - fixed git arguments
        ["git", *args],  # noqa: S607 - git from PATH
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


async def _server(sessions: Sessions) -> str:
    async with sessions() as session:
        version = await session.scalar(text("SHOW server_version"))
        shown = [
            f"{name}={await session.scalar(text(f'SHOW {name}'))}"
            for name in ("shared_buffers", "synchronous_commit", "max_connections")
        ]
    return f"PostgreSQL {version} ({', '.join(shown)})"


def _header(quick: bool, server: str) -> list[str]:
    dirty = " (with uncommitted changes)" if _git("status", "--porcelain") else ""
    command = ".venv/bin/python bench/inventory/run.py" + (" --quick" if quick else "")
    return [
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- commit: {_git('rev-parse', 'HEAD')}{dirty}",
        f"- machine: {os.cpu_count()} CPUs (nproc), {_cpu_model()}; "
        f"Python {platform.python_version()}; {server}, same machine",
        f"- command: `{command}` (or `make bench`)",
    ]


async def _stocked_items(
    sessions: Sessions, principal: Principal, count: int, grams: int
) -> list[int]:
    ids = []
    for number in range(count):
        item_id = await new_item(sessions, principal, f"Throughput {count}-{number}")
        await receive(sessions, principal, item_id, grams)
        ids.append(item_id)
    return ids


def _throughput_table(results: list[throughput.ThroughputResult]) -> list[str]:
    lines = [
        "| writers | items | consumptions/s | committed | refused | p50 ms | p95 ms |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.writers} | {r.items} | {r.per_second:,.0f} | {r.committed:,} | "
            f"{r.refused} | {r.p50_ms:.1f} | {r.p95_ms:.1f} |"
        )
    return lines


def _history_table(results: list[history.HistoryResult]) -> list[str]:
    lines = [
        "| exhausted lots | plans | built by | p50 ms | p95 ms | statements | rows read | "
        "rows read by table (scans) |",
        "|---:|---|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        tables = ", ".join(
            f"{t.table} {t.rows_read} ({t.seq_scans} seq, {t.index_scans} idx)" for t in r.reads
        )
        lines.append(
            f"| {r.history_lots:,} | {r.plans} | {r.built_by} ({r.build_seconds:.1f} s) | "
            f"{r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.statements} | {r.rows_read} | {tables} |"
        )
    return lines


async def benchmark(url: str, quick: bool) -> tuple[list[str], bool]:
    seconds = 2.0 if quick else 10.0
    repetitions = 5 if quick else 30
    sizes = QUICK_HISTORY_SIZES if quick else HISTORY_SIZES
    # One connection for the single-writer measurements, so prepared statements are
    # reused as in a long-running API process.
    engine = create_engine(url, pool_size=1)
    sessions = create_session_factory(engine)
    try:
        principal = await new_organization(sessions)
        server = await _server(sessions)
        one_item = await _stocked_items(sessions, principal, 1, 10_000_000)
        hundred_items = await _stocked_items(sessions, principal, 100, 1_000_000)
        rates = [
            throughput.run(url, principal, item_ids, writers, seconds)
            for item_ids in (one_item, hundred_items)
            for writers in WRITER_COUNTS
        ]
        histories = [
            await history.measure(engine, sessions, principal, lots, repetitions) for lots in sizes
        ]
        generic = create_engine(url, pool_size=1)
        history.force_generic_plans(generic)
        try:
            histories.append(
                await history.measure(
                    generic,
                    create_session_factory(generic),
                    principal,
                    sizes[-1],
                    repetitions,
                    plans="forced generic",
                )
            )
        finally:
            await generic.dispose()
        verdict, consistent = await verify(sessions, principal)
    finally:
        await engine.dispose()
    lines = [
        *_header(quick, server),
        "",
        f"### Consumptions per second ({seconds:.0f} s per row, each writer a process)",
        "",
        *_throughput_table(rates),
        "",
        f"### One consumption drawing 3 lots, by history ({repetitions} timed, committed)",
        "",
        *_history_table(histories),
        "",
        verdict,
    ]
    return lines, consistent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument(
        "--quick", action="store_true", help="short run (2 s rows, 5 reps, 30,000 lots)"
    )
    args = parser.parse_args()
    url = prepare(args.database_url)
    lines, consistent = asyncio.run(benchmark(url, args.quick))
    print("\n".join(lines), flush=True)
    sys.exit(0 if consistent else 1)


if __name__ == "__main__":
    main()

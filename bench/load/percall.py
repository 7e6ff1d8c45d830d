"""Per-request cost of a read workload without the load bench: a micro-measurement.

    BENCH_DATABASE_SUFFIX=_x .venv/bin/python bench/load/percall.py R2 [--requests N]
        [--profile] [--explain]

Builds (or reuses) the load dataset at scale 0.05 (dataset.py), then in this process:
(a) the server: N requests of the workload's bodies in turn, with their callers, sent
straight into the ASGI app (no HTTP, no uvicorn), reporting this process's CPU per request
(`time.process_time`) and the CPU the PostgreSQL backends serving it used meanwhile
(/proc/PID/stat of the backends of the dataset's database, so PostgreSQL on this machine);
(b) the statement alone: the planned statements those requests sent, each prepared on one
connection with plan_cache_mode = force_generic_plan (as the planned pool's), executed N
times in turn, with that backend's CPU per execution; `--explain` prints EXPLAIN (ANALYZE,
BUFFERS) of the first one's generic plan. `--profile` prints the server's top functions
(cProfile). Figures from a shared machine swing: compare runs made close together.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from dataset import DEFAULT_SERVER, ensure_dataset  # noqa: E402
from workloads import Workload, history, reads  # noqa: E402

from resolvers.planned import sql_plan  # noqa: E402
from server.app import create_app  # noqa: E402
from server.settings import Settings  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def backend_cpu(pids: list[int]) -> float:
    """CPU seconds (user + system) the processes have used, those still running."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


async def backends(url: str, database: str) -> list[int]:
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            database,
        )
    finally:
        await connection.close()
    return [row["pid"] for row in rows]


async def committed(url: str, database: str) -> int:
    """Transactions committed in the database so far (each statement outside a
    transaction is one); the statistics lag up to half a second."""
    connection = await asyncpg.connect(url)
    try:
        await asyncio.sleep(0.7)  # the backends report their counts at most twice a second
        await connection.execute("SELECT pg_stat_clear_snapshot()")
        value: int = await connection.fetchval(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = $1",
            database,
        )
    finally:
        await connection.close()
    return value


async def post(app: Any, body: bytes, token: str | None) -> bytes:
    headers = [(b"host", b"127.0.0.1"), (b"content-type", b"application/json")]
    headers.append((b"content-length", str(len(body)).encode()))
    if token:
        headers.append((b"authorization", b"Bearer " + token.encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }
    sent = False
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            await asyncio.Event().wait()  # no disconnect while answering
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return b"".join(chunks)


async def measure_server(
    info: dict[str, Any], workload: Workload, requests: int, profile: bool
) -> list[tuple[str, list[Any]]]:
    settings = Settings(
        database_url=info["database_url"],
        redis_url=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12") or None,
        secret_key="bench",
        log_level="WARNING",
        throttle_maximum=100_000_000,
        throttle_restore_rate=100_000_000.0,
        # Keys stay verified through the run: the bench's request rates re-verify each of
        # its callers' keys a few times a minute, a cost that would dominate here.
        api_key_cache_seconds=3600.0,
    )
    app = create_app(settings)
    sent: list[tuple[str, list[Any]]] = []
    original = sql_plan.PreparedAnswer.bind

    def recording(self: sql_plan.PreparedAnswer, request: sql_plan.Request) -> list[Any]:
        values = original(self, request)
        sent.append((self.sql, values))
        return values

    sql_plan.PreparedAnswer.bind = recording  # type: ignore[method-assign]
    count = len(workload.bodies["ours"])
    try:
        for number in range(min(count, 300)):  # warm: plans, statements, keys, connections
            answer = await post(
                app, workload.bodies["ours"][number], workload.token_of("ours", number)
            )
            assert answer.startswith(b'{"data":'), answer[:300]
        assert sent, "no planned statement ran: the fast path did not answer"
        pids = await backends(info["postgres_url"], info["database"])
        transactions = await committed(info["postgres_url"], info["database"])
        profiler = cProfile.Profile() if profile else None
        before_pg, before, wall = backend_cpu(pids), time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        for number in range(requests):
            await post(
                app, workload.bodies["ours"][number % count], workload.token_of("ours", number)
            )
        if profiler:
            profiler.disable()
        used, elapsed = time.process_time() - before, time.perf_counter() - wall
        used_pg = backend_cpu(pids) - before_pg
        transactions = await committed(info["postgres_url"], info["database"]) - transactions
        print(
            f"{workload.name} server: {requests} requests, {1000 * elapsed / requests:.3f} ms "
            f"wall, {1000 * used / requests:.3f} ms CPU, PostgreSQL "
            f"{1000 * used_pg / requests:.3f} ms CPU per request; "
            f"{transactions / requests:.2f} transactions per request"
        )
        if profiler:
            pstats.Stats(profiler).sort_stats("tottime").print_stats(
                int(os.environ.get("PERCALL_TOP", "25"))
            )
    finally:
        sql_plan.PreparedAnswer.bind = original  # type: ignore[method-assign]
        await app.state.engine.dispose()
        if app.state.planned_pool is not None:
            await app.state.planned_pool.dispose()
    return sent


def literal(value: Any) -> str:
    if isinstance(value, bool | int | float):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


async def measure_statement(
    info: dict[str, Any],
    name: str,
    sent: list[tuple[str, list[Any]]],
    executions: int,
    explain: bool,
) -> None:
    connection = await asyncpg.connect(
        info["postgres_url"], server_settings={"plan_cache_mode": "force_generic_plan"}
    )
    try:
        pid = await connection.fetchval("SELECT pg_backend_pid()")
        calls = sent[: min(len(sent), 200)]
        statements = {sql: await connection.prepare(sql) for sql, _ in calls}
        for sql, values in calls:  # warm
            await statements[sql].fetchval(*values)
        before, wall = backend_cpu([pid]), time.perf_counter()
        for number in range(executions):
            sql, values = calls[number % len(calls)]
            await statements[sql].fetchval(*values)
        used, elapsed = backend_cpu([pid]) - before, time.perf_counter() - wall
        print(
            f"{name} statement: {executions} executions, {1000 * elapsed / executions:.3f} ms "
            f"wall, PostgreSQL {1000 * used / executions:.3f} ms CPU per execution"
        )
        if explain:
            sql, values = calls[0]
            await connection.execute(f"PREPARE explained AS {sql}")
            arguments = ", ".join(literal(value) for value in values)
            rows = await connection.fetch(
                f"EXPLAIN (ANALYZE, BUFFERS, VERBOSE) EXECUTE explained({arguments})"
            )
            print("\n".join(row[0] for row in rows))
            print(sql)
    finally:
        await connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workload", choices=["R1", "R2", "R3", "R4"])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--scale", type=float, default=0.05)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--no-server", action="store_true", help="the statement alone")
    args = parser.parse_args()
    info = ensure_dataset(DEFAULT_SERVER, scale=args.scale)
    workload = next(w for w in reads(info) + history(info) if w.name == args.workload)
    sent = asyncio.run(
        measure_server(info, workload, 60 if args.no_server else args.requests, args.profile)
    )
    asyncio.run(measure_statement(info, workload.name, sent, args.requests, args.explain))


if __name__ == "__main__":
    main()

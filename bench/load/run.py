"""BatchTrack's API side by side with PostGraphile 5 on the same database, machine and run.

    .venv/bin/python bench/load/run.py [--quick] [--server-url URL]
    make bench                      (BENCH_ARGS=--quick for a short run)

Gets the dataset (bench/load/dataset.py's `ensure_dataset`: scale 1.0, or 0.05 with
--quick; cached between runs) on the PostgreSQL server at --server-url, starts
PostGraphile and our API on it, checks that they answer R1 to R4 alike (check.py), tops
up W1's items through the API, then measures:
- SQL statements per request of R1 to R4 (both) and W1 (ours), with a second instance of
  each server whose database connection goes through pgproxy.py (counted sequentially,
  then those instances are stopped: no throughput runs through the proxy);
- R1 to R4, servers alternating: the closed model (wrk, 8 connections: rounds of
  closed_s seconds each side after a warm-up) and the open model (openload.mjs) at a
  ladder of fixed rates, climbing for each server until one does not hold (p99 >= 100
  ms, errors, or requests queued beyond 64 in flight), then bisecting twice (full run);
- W1 (ours): adjustInventory, closed model, 8 connections;
- per run, the server process's CPU time per request; per workload, its peak RSS.
Prints the Markdown section and writes it into bench/RESULTS.md between the markers
`<!-- bench:load:start/end -->` (not with --no-write). Ports: 5690-5693, 8090, 8093.
Exit status 1 when the servers' answers disagree.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import re
import sys
import time
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import ladder
import measure
import openload
import section
import workloads
from check import check
from pgproxy import CountingProxy
from results import Report, WorkloadReport, machine, render
from servers import Server, Servers
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

HERE = Path(__file__).resolve().parent
SERVER_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432"
PORTS = {"postgraphile": 5690, "ours": 8090}
PROXY_PORTS = {"postgraphile": 5691, "ours": 5692}
PROXIED_PORTS = {"postgraphile": 5693, "ours": 8093}
W1_MAX_RATE = 400  # adjustments/s assumed when sizing the top-up (ours does far fewer)


@dataclass(frozen=True)
class Plan:
    scale: float
    rounds: int  # closed-model rounds per server and workload
    closed_s: float
    warm_s: float
    rung_s: float  # seconds per open-model rate
    bisect: int  # refining steps between the last rate held and the first not held
    statement_requests: int
    idle_s: float  # the idle window whose statements are background, not requests
    quick: bool


FULL = Plan(1.0, 3, 10, 3, 8, 2, 200, 6, quick=False)
QUICK = Plan(0.05, 1, 3, 1, 2, 0, 50, 2.5, quick=True)


STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[load {time.monotonic() - STARTED:5.0f} s] {message}", file=sys.stderr, flush=True)


def dataset(args: argparse.Namespace, plan: Plan) -> dict[str, Any]:
    if args.dataset:
        found: dict[str, Any] = json.loads(Path(args.dataset).read_text())
        return found
    sys.path.insert(0, str(HERE))
    # Imported when needed: building the dataset is dataset.py's business.
    module = importlib.import_module("dataset")
    info: dict[str, Any] = module.ensure_dataset(args.server_url, scale=plan.scale)
    return info


def via(url: str, port: int) -> str:
    """The URL with its host and port replaced by the local proxy's."""
    return re.sub(r"@[^/@]+/", f"@127.0.0.1:{port}/", url, count=1)


def read_workload(
    started: dict[str, Server], workload: workloads.Workload, plan: Plan
) -> WorkloadReport:
    report = WorkloadReport(workload.name, workload.title, workload.servers)
    for name in workload.servers:  # warm-up: connections, caches, JIT
        measure.closed(started[name], workload, plan.warm_s)
        measure.settle(started[name])
    for number in range(1, plan.rounds + 1):
        for name in workload.servers:
            closed = measure.closed(started[name], workload, plan.closed_s, number)
            report.closed.append(closed)
            log(f"{workload.name} {name} closed round {number}: {closed.rps:.1f} req/s")
            measure.settle(started[name])
    if workload.name != "W1":  # latency bound: one request at a time
        for name in workload.servers:
            single = measure.closed(started[name], workload, plan.closed_s, connections=1)
            report.single.append(single)
            log(f"{workload.name} {name} 1 connection: p50 {single.p50_ms:.2f} ms")
            measure.settle(started[name])
    if workload.name != "W1":
        ladder.climb(started, workload, report, plan.rung_s, from_half=plan.quick, log=log)
        ladder.bisect(started, workload, report, plan.rung_s, plan.bisect, log=log)
    report.peak_rss_mb = {name: started[name].peak_rss_mb() for name in workload.servers}
    return report


def count_statements(
    servers: Servers,
    proxied: dict[str, Server],
    proxies: dict[str, CountingProxy],
    all_workloads: list[workloads.Workload],
    reports: dict[str, WorkloadReport],
    plan: Plan,
) -> None:
    names = list(proxied)
    idle = measure.background([proxies[name] for name in names], plan.idle_s)
    for workload in all_workloads:
        for name in workload.servers:
            found = measure.statements(
                proxies[name],
                proxied[name],
                workload,
                plan.statement_requests,
                idle[names.index(name)],
                plan.idle_s,
            )
            reports[workload.name].statements[name] = found
            log(f"{workload.name} {name}: {found.per_request:.1f} statements/request")
    for server in proxied.values():
        servers.stop(server)


async def _postgresql(url: str) -> str:
    engine = create_async_engine(url, pool_size=1)
    try:
        async with engine.connect() as connection:
            version = await connection.scalar(text("SHOW server_version"))
            buffers = await connection.scalar(text("SHOW shared_buffers"))
    finally:
        await engine.dispose()
    return f"PostgreSQL {str(version).split()[0]} (shared_buffers={buffers})"


def benchmark(args: argparse.Namespace, plan: Plan) -> tuple[Report, bool]:
    started_at = time.monotonic()
    date = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    info = dataset(args, plan)
    openload.node()  # npm ci on first use, once: the two PostGraphile instances share it
    about = machine(asyncio.run(_postgresql(info["database_url"])))  # after: Node's version
    log(f"dataset {info.get('scale')}: {info.get('counts')}")
    reads = workloads.reads(info) + workloads.history(info) + workloads.deliveries(info)
    write = workloads.w1(info)
    reports = {w.name: WorkloadReport(w.name, w.title, w.servers) for w in [*reads, write]}
    upstream = urlsplit(info["postgres_url"])
    proxies = {
        name: CountingProxy(port, (upstream.hostname or "127.0.0.1", upstream.port or 5432))
        for name, port in PROXY_PORTS.items()
    }
    with Servers() as servers:
        for proxy in proxies.values():
            proxy.start()
        started = {
            "postgraphile": servers.postgraphile(info["postgres_url"], PORTS["postgraphile"]),
            "ours": servers.ours(info["database_url"], PORTS["ours"]),
        }
        proxied = {
            "postgraphile": servers.postgraphile(
                via(info["postgres_url"], PROXY_PORTS["postgraphile"]),
                PROXIED_PORTS["postgraphile"],
            ),
            "ours": servers.ours(
                via(info["database_url"], PROXY_PORTS["ours"]), PROXIED_PORTS["ours"]
            ),
        }
        for server in [*started.values(), *proxied.values()]:
            servers.wait_ready(server)
        log(f"servers ready after {time.monotonic() - started_at:.0f} s")
        summary, problems = check(info, started["postgraphile"].url, started["ours"].url)
        log(f"check: {summary}; {'; '.join(problems) or 'all agree'}")
        # Enough for W1 at W1_MAX_RATE plus the counted requests, with a margin for the
        # random choice of items; only what earlier runs consumed is received again.
        requests = W1_MAX_RATE * (plan.rounds * plan.closed_s + plan.warm_s)
        requests += plan.statement_requests + 5
        grams = 1.5 * workloads.W1_GRAMS * requests / len(info["w1_item_global_ids"])
        lots = workloads.top_up(
            started["ours"].url, info["write_api_key"], info["w1_item_global_ids"], grams
        )
        log(f"W1 top-up: {lots} lots received")
        count_statements(servers, proxied, proxies, [*reads, write], reports, plan)
        for proxy in proxies.values():
            proxy.stop()
        for workload in [*reads, write]:
            measured = read_workload(started, workload, plan)
            measured.statements = reports[workload.name].statements
            reports[workload.name] = measured
        reports["W1"].notes.append(
            f"W1 top-up before the run: {lots} lots of {workloads.TOP_UP_LOT_GRAMS} g "
            "received through the API; answers with userErrors count as errors."
        )
    settings = (
        "servers: PostGraphile (one Node process, pg pool of 10, no authentication), ours "
        "(one `batchtrack serve` process, REDIS_URL set as in production, throttle "
        "raised); closed model: wrk, 8 "
        f"connections, {plan.rounds} x {plan.closed_s:.0f} s per server after "
        f"{plan.warm_s:.0f} s of warm-up; open model: openload.mjs, {plan.rung_s:.0f} s per "
        "rate; statements: Q + E protocol messages over "
        f"{plan.statement_requests} sequential requests, idle background subtracted"
    )
    after = os.getloadavg()
    about.append(f"- load average at the end: {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")
    report = Report(
        command="make bench"
        + (f" BENCH_ARGS='{' '.join(sys.argv[1:])}'" if len(sys.argv) > 1 else ""),
        quick=args.quick,
        date=date,
        seconds=time.monotonic() - started_at,
        machine=about,
        dataset={k: info.get(k) for k in ("scale", "seed", "seed_version", "counts")},
        check=summary,
        problems=problems,
        settings=settings,
        workloads=list(reports.values()),
    )
    return report, not problems


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="scale 0.05, short runs")
    parser.add_argument(
        "--scale", type=float, help="the dataset's scale (default: 1.0, or 0.05 with --quick)"
    )
    parser.add_argument("--server-url", default=SERVER_URL, help="PostgreSQL server URL")
    parser.add_argument("--dataset", help="a dataset.py JSON to use instead of ensure_dataset")
    parser.add_argument("--json", type=Path, help="also save the raw figures here")
    parser.add_argument("--no-write", action="store_true", help="leave RESULTS.md alone")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    if args.scale is not None:
        plan = replace(plan, scale=args.scale)
    report, agreed = benchmark(args, plan)
    text = render(report)
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2, default=str))
    if not args.no_write:
        section.replace("load", text)
    print(text, flush=True)
    sys.exit(0 if agreed else 1)


if __name__ == "__main__":
    main()

"""The recipes benchmark on PostgreSQL (issue 13); prints its figures as Markdown.

    .venv/bin/python bench/recipes/run.py [--quick] [DATABASE_URL]
    make bench                      (BENCH_ARGS=--quick; the `recipes` section of RESULTS.md)

The database is the URL given, else `batchtrack_bench_recipes` on the local server
(127.0.0.1, user postgres), dropped and created afresh; a given database is migrated and
receives a new organization. seeding.py builds the dataset through the services, then
one `batchtrack serve` process (bench/load/servers.py: throttle raised) answers, with a
read-only API key (inventory.read, recipes.read):

- P1 `p1.graphql`: one recipe's planned cost, line by line and lot by lot, and the recipe
  scaled by 3 with each line in its item's base unit; the requests rotate over every
  recipe of the dataset (20 ingredient lines whose items have 50 open lots each);
- L1 `l1.graphql`: `recipes(first: 50)`, each with its output item and its 20 ingredient
  lines with their items;
- R1 `../load/r1_ours.graphql`: bench/load's list of 50 inventory items with their 5
  oldest open lots, on the same server and dataset: the yardstick ("the list at least as
  fast per object as R1"). The target is judged per object an answer returns, as the
  cost extension counts them (server/cost.actual_cost: every object of the data, an L1
  recipe's lines, quantities and items as an R1 item's lots and amounts): an L1 recipe is
  a tree of 62 objects where an R1 item is one of 14. The lists' 50 top-level nodes and
  the answers' fields (every key of every object) are reported too. R1 and L1 are planned
  reads (server/planned_reads.py: one SQL statement, no field-by-field executor); R1 is
  also measured on a second server with PLANNED_READS=false, the standard executor,
  which P1 (costs are computed in Python) goes through.

Each is measured with bench/load/measure.py: the closed model (wrk, 8 connections; after
a warm-up of each, rounds alternate the workloads so that the shared machine's load falls
on all alike), the server's CPU per answer, and SQL statements per request through
bench/load/pgproxy.py on proxied servers (sequential requests, the idle background
subtracted; those servers are stopped before the throughput runs). Then P1 and L1 are
sent in sequence for a few seconds more to a server under cProfile (profiling.py), and
finally `verify_inventory` over the organization must find nothing (exit status 1
otherwise, or when an answer is not what the dataset implies). Ports: 8094 and 8096 (the
servers), 5694 and 5695 (proxies), 8095 and 8097 (proxied servers), 8098 (profiled).

--quick: 60 ingredients and 60 recipes instead of 200 and 100 (the same 20 lines and 50
lots each), one 3 s round after 1 s of warm-up instead of three of 10 s after 3 s, 50
counted statements instead of 200, profiles of 3 s instead of 10. --profile-dir keeps the
profiles (`python -m pstats FILE`).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# bench/load's servers and measurements and bench/inventory's database helpers, reused
# as they are; after this folder, so its own modules come first.
sys.path[1:1] = [str(ROOT / "bench" / "load"), str(ROOT / "bench" / "inventory")]

import measure  # noqa: E402
import profiling  # noqa: E402
import results  # noqa: E402
import seeding  # noqa: E402
from database import analyze, prepare, verify  # noqa: E402
from pgproxy import CountingProxy  # noqa: E402
from servers import Server, Servers, client  # noqa: E402
from sqlalchemy import text  # noqa: E402
from workloads import Workload, graphql_body  # noqa: E402

from server.cost import actual_cost  # noqa: E402
from services.db import create_engine, create_session_factory  # noqa: E402

DATABASE = "batchtrack_bench_recipes"
# Per executor: the server's port, its statement-counting proxy's, the proxied server's.
PLANNED, STANDARD = "planned reads", "standard executor"
PORTS = {PLANNED: (8094, 5694, 8095), STANDARD: (8096, 5695, 8097)}
SETTINGS = {PLANNED: {}, STANDARD: {"PLANNED_READS": "false"}}
PROFILED_PORT = 8098
PAGE = 50  # L1's and R1's objects per answer


@dataclass(frozen=True)
class Plan:
    size: seeding.Size
    rounds: int
    closed_s: float
    warm_s: float
    statement_requests: int
    idle_s: float
    profile_s: float


FULL = Plan(seeding.FULL, 3, 10, 3, 200, 6, 10)
QUICK = Plan(seeding.QUICK, 1, 3, 1, 50, 2.5, 3)


STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[recipes {time.monotonic() - STARTED:5.0f} s] {message}", file=sys.stderr, flush=True)


@dataclass
class Measured:
    workload: Workload
    objects: int  # top-level objects per answer (the list's page, or one recipe)
    executor: str  # PLANNED or STANDARD: which server answers
    fields: float = float("nan")  # in an answer's data (P1: the mean over its recipes)
    # Every object in an answer's data, as the cost extension counts them (actualQueryCost)
    returned: float = float("nan")
    sequential_cpu_ms: float = float("nan")  # per request, one at a time (statements)
    closed: list[measure.ClosedRun] = field(default_factory=list)
    statements: measure.Statements | None = None
    peak_rss_mb: float = float("nan")

    def median(self, name: str) -> float:
        values = [getattr(run, name) for run in self.closed]
        return statistics.median(values) if values else float("nan")


def workloads(dataset: seeding.Dataset) -> list[Measured]:
    token = dataset.api_key
    p1 = Workload(
        "P1",
        "one recipe: planned cost with its lot draws, and scaled by 3 "
        f"(rotating over {len(dataset.recipe_global_ids)} recipes)",
        {
            "ours": [
                graphql_body(HERE / "p1.graphql", {"id": recipe_id})
                for recipe_id in dataset.recipe_global_ids
            ]
        },
        {"ours": token},
    )
    l1 = Workload(
        "L1",
        f"list: recipes(first: {PAGE}) with output item and 20 ingredient lines with items",
        {"ours": [graphql_body(HERE / "l1.graphql", {})]},
        {"ours": token},
    )
    r1 = Workload(
        "R1",
        f"list: inventoryItems(first: {PAGE}) with totals and 5 oldest open lots (bench/load)",
        {"ours": [graphql_body(ROOT / "bench" / "load" / "r1_ours.graphql", {})]},
        {"ours": token},
    )
    r1_standard = Workload(
        "R1 standard",
        "R1 with PLANNED_READS=false: the executor L1 goes through",
        r1.bodies,
        r1.tokens,
    )
    return [
        Measured(p1, 1, PLANNED),
        Measured(l1, PAGE, PLANNED),
        Measured(r1, PAGE, PLANNED),
        Measured(r1_standard, PAGE, STANDARD),
    ]


def _answer(session: Any, server: Server, body: bytes) -> dict[str, Any]:
    response = session.post(server.url, content=body, headers={"Content-Type": "application/json"})
    answer: dict[str, Any] = response.json()
    if response.status_code != 200 or answer.get("errors") or not answer.get("data"):
        raise RuntimeError(f"{response.status_code}: {response.text[:500]}")
    data: dict[str, Any] = answer["data"]
    return data


def fields(value: Any) -> int:
    """The fields in an answer's data: every key of every object in it."""
    if isinstance(value, dict):
        return len(value) + sum(fields(inner) for inner in value.values())
    if isinstance(value, list):
        return sum(fields(inner) for inner in value)
    return 0


def returned(data: Any) -> int:
    """The objects an answer returns, as the API counts them for its cost."""
    return actual_cost(data, is_mutation=False)


def check(
    started: dict[str, Server], measured: list[Measured], token: str
) -> tuple[list[str], bool]:
    """Every P1 answer, and L1's and R1's, against what the dataset implies (a line each),
    and R1 the same on both servers; counts the fields of each workload's answers."""
    server = started[PLANNED]
    p1, l1, r1, r1_standard = measured
    lines, good = [], True
    with client(token) as session:
        draws, priced, counted, objects = [], [], [], []
        for body in p1.workload.bodies["ours"]:
            data = _answer(session, server, body)
            counted.append(fields(data))
            objects.append(returned(data))
            recipe = data["recipe"]
            cost = recipe["plannedCost"]
            priced.append(len(cost["lines"]))
            draws += [len(line["lots"]) for line in cost["lines"][: seeding.LINES_PER_RECIPE]]
            good &= len(recipe["scaled"]["ingredients"]) == seeding.LINES_PER_RECIPE
            good &= all(i["quantity"]["baseQuantity"] for i in recipe["scaled"]["ingredients"])
        good &= set(priced) == {seeding.LINES_PER_RECIPE + 2} and min(draws) >= 1
        p1.fields, p1.returned = statistics.mean(counted), statistics.mean(objects)
        lines.append(
            f"P1: {len(counted)} recipes, each {priced[0]} priced lines; an "
            f"ingredient line draws {statistics.mean(draws):.1f} lots on average "
            f"(1 to {max(draws)})"
        )
        data = _answer(session, server, l1.workload.bodies["ours"][0])
        l1.fields, l1.returned = fields(data), returned(data)
        recipes = data["recipes"]["nodes"]
        good &= len(recipes) == PAGE
        good &= all(len(r["ingredients"]) == seeding.LINES_PER_RECIPE for r in recipes)
        lines.append(
            f"L1: {len(recipes)} recipes, {sum(len(r['ingredients']) for r in recipes)} lines"
        )
        data = _answer(session, server, r1.workload.bodies["ours"][0])
        r1.fields = r1_standard.fields = fields(data)
        r1.returned = r1_standard.returned = returned(data)
        items = data["inventoryItems"]["nodes"]
        lots = sum(len(item["lots"]["nodes"]) for item in items)
        good &= len(items) == PAGE and lots == 5 * PAGE
        same = data == _answer(session, started[STANDARD], r1_standard.workload.bodies["ours"][0])
        good &= same
        lines.append(
            f"R1: {len(items)} items, {lots} lots, "
            + ("the same on both servers" if same else "**NOT the same on both servers**")
        )
    return lines, good


def via(url: str, port: int) -> str:
    """The URL with its host and port replaced by the local proxy's."""
    return re.sub(r"@[^/@]+/", f"@127.0.0.1:{port}/", url, count=1)


def count_statements(servers: Servers, url: str, measured: list[Measured], plan: Plan) -> None:
    """Each workload's statements on a proxied server of its executor."""
    upstream = re.search(r"@([^/:@]+):?(\d*)/", url)
    host, port = (upstream.group(1), int(upstream.group(2) or 5432)) if upstream else ("", 5432)
    for executor, (_, proxy_port, proxied_port) in PORTS.items():
        proxy = CountingProxy(proxy_port, (host, port)).start()
        try:
            proxied = servers.ours(via(url, proxy_port), proxied_port, SETTINGS[executor])
            servers.wait_ready(proxied)
            [idle] = measure.background([proxy], plan.idle_s)
            for one in (m for m in measured if m.executor == executor):
                before = proxied.cpu()
                one.statements = measure.statements(
                    proxy, proxied, one.workload, plan.statement_requests, idle, plan.idle_s
                )
                # With measure.statements' 5 unmeasured requests; the proxy runs in this
                # process, so none of its CPU is the server's.
                sent = plan.statement_requests + 5
                one.sequential_cpu_ms = 1000 * (proxied.cpu() - before) / sent
                log(f"{one.workload.name}: {one.statements.per_request:.1f} statements/request")
            servers.stop(proxied)
        finally:
            proxy.stop()


def throughput(started: dict[str, Server], measured: list[Measured], plan: Plan) -> None:
    for one in measured:  # warm-up, in turn: connections, caches; the peak RSS so far
        server = started[one.executor]
        measure.closed(server, one.workload, plan.warm_s)
        measure.settle(server)
        one.peak_rss_mb = server.peak_rss_mb()
    for number in range(1, plan.rounds + 1):
        for one in measured:
            server = started[one.executor]
            # Drained: an L1 round serves a few dozen requests, and the 8 that wrk leaves
            # in flight would otherwise inflate its CPU per request.
            run = measure.closed(server, one.workload, plan.closed_s, number, drain=True)
            one.closed.append(run)
            log(f"{one.workload.name} round {number}: {run.rps:.1f} req/s, {run.errors} errors")


def _n(value: float, digits: int = 1) -> str:
    return "-" if value != value else f"{value:,.{digits}f}"


def table(measured: list[Measured]) -> list[str]:
    lines = [
        "| workload | req/s | objects/s | p50 ms | p99 ms | CPU ms/req (sequential) | "
        "CPU ms/object | returned objects/answer | CPU µs/returned object | "
        "fields/answer | CPU µs/field | SQL statements/req (BEGIN/COMMIT) | peak RSS MiB | "
        "errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for one in measured:
        rps, cpu = one.median("rps"), one.median("cpu_ms_per_request")
        rates = sorted(run.rps for run in one.closed)
        spread = f" ({_n(rates[0])}-{_n(rates[-1])})" if len(rates) > 1 else ""
        statements = "-"
        if one.statements:
            counted = one.statements
            statements = (
                f"{counted.per_request:.1f} ({counted.transaction_control_per_request:.1f})"
            )
        errors = sum(run.errors for run in one.closed)
        lines.append(
            f"| {one.workload.name}: {one.workload.title} | {_n(rps)}{spread} | "
            f"{_n(rps * one.objects, 0)} | {_n(one.median('p50_ms'))} | "
            f"{_n(one.median('p99_ms'))} | {_n(cpu, 2)} ({_n(one.sequential_cpu_ms, 2)}) | "
            f"{_n(cpu / one.objects, 3)} | "
            f"{_n(one.returned, 0)} | {_n(1000 * cpu / one.returned)} | "
            f"{_n(one.fields, 0)} | {_n(1000 * cpu / one.fields)} | "
            f"{statements} | {_n(one.peak_rss_mb, 0)} | {errors} |"
        )
    return lines


def _ratio(l1: Measured, r1: Measured, size: str) -> float:
    """How many times faster L1 serves one unit of `size` than R1 (objects/s), above 1:
    L1 better."""
    ratio: float = (l1.median("rps") * getattr(l1, size)) / (r1.median("rps") * getattr(r1, size))
    return ratio


def _versus(l1: Measured, r1: Measured) -> str:
    by_cpu = (r1.median("cpu_ms_per_request") / r1.objects) / (
        l1.median("cpu_ms_per_request") / l1.objects
    )
    by_field = (r1.median("cpu_ms_per_request") / r1.fields) / (
        l1.median("cpu_ms_per_request") / l1.fields
    )
    return (
        f"top-level objects/s {_ratio(l1, r1, 'objects'):.3f}x, returned objects/s "
        f"{_ratio(l1, r1, 'returned'):.2f}x, fields/s {_ratio(l1, r1, 'fields'):.2f}x, CPU per "
        f"top-level object {by_cpu:.3f}x, CPU per field {by_field:.2f}x"
    )


def verdict(measured: list[Measured]) -> list[str]:
    _, l1, r1, r1_standard = measured
    met = "met" if _ratio(l1, r1, "returned") >= 1 else "NOT met"
    return [
        f"Target (L1 at least as fast per object as R1, an object being each object an "
        f"answer returns, as the cost extension counts them): **{met}**. L1 / R1 (planned "
        f"read): {_versus(l1, r1)}; L1 / R1 on the standard executor: "
        f"{_versus(l1, r1_standard)} (above 1: L1 better).",
    ]


def _uptime() -> str:
    return subprocess.run(
        ["uptime"],  # noqa: S607 - uptime from PATH
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


async def _postgresql(url: str) -> str:
    engine = create_engine(url, pool_size=1)
    try:
        async with engine.connect() as connection:
            version = await connection.scalar(text("SHOW server_version"))
            buffers = await connection.scalar(text("SHOW shared_buffers"))
    finally:
        await engine.dispose()
    return f"PostgreSQL {str(version).split()[0]} (shared_buffers={buffers})"


async def build(url: str, plan: Plan) -> seeding.Dataset:
    engine = create_engine(url, pool_size=1)
    sessions = create_session_factory(engine)
    try:
        dataset = await seeding.seed(sessions, plan.size)
        await analyze(sessions)
    finally:
        await engine.dispose()
    return dataset


async def consistent(url: str, dataset: seeding.Dataset) -> tuple[str, bool]:
    engine = create_engine(url, pool_size=1)
    try:
        return await verify(create_session_factory(engine), dataset.owner)
    finally:
        await engine.dispose()


def benchmark(url: str, quick: bool, profile_dir: Path | None) -> tuple[list[str], bool]:
    plan = QUICK if quick else FULL
    date = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    uptime_before = _uptime()
    dataset = asyncio.run(build(url, plan))
    log(f"dataset in {dataset.seconds:.0f} s: {dataset.describe()}")
    measured = workloads(dataset)
    with Servers() as servers:
        started = {
            executor: servers.ours(url, ports[0], SETTINGS[executor])
            for executor, ports in PORTS.items()
        }
        for server in started.values():
            servers.wait_ready(server)
        checked, answers_good = check(started, measured, dataset.api_key)
        log("; ".join(checked))
        count_statements(servers, url, measured, plan)
        throughput(started, measured, plan)
        peak = started[PLANNED].peak_rss_mb()
        uptime_after = _uptime()
        with tempfile.TemporaryDirectory(prefix="bench-recipes-") as scratch:
            directory = profile_dir or Path(scratch)
            profiles = [
                profiling.profile(
                    servers,
                    url,
                    PROFILED_PORT,
                    one.workload,
                    plan.profile_s,
                    directory,
                )
                for one in measured[:2]
            ]
            log(f"profiles: {', '.join(f'{p.workload} {p.requests} requests' for p in profiles)}")
    ledger, ledger_good = asyncio.run(consistent(url, dataset))
    command = ".venv/bin/python bench/recipes/run.py" + (" --quick" if quick else "")
    lines = [
        f"- date: {date}; commit {results.commit()}",
        *results.machine(asyncio.run(_postgresql(url)), postgraphile=False),
        f"- `uptime` before: {uptime_before}",
        f"- `uptime` after: {uptime_after}",
        f"- command: `{command}` (or `make bench`)",
        f"- dataset (built through the services in {dataset.seconds:.0f} s): {dataset.describe()}",
        "- servers: two `batchtrack serve` processes (throttle raised), one with planned "
        "reads (P1, L1, R1), one without (R1 standard); a read-only API key; closed model: "
        f"wrk, {measure.CLOSED_CONNECTIONS} connections, {plan.rounds} x "
        f"{plan.closed_s:.0f} s per workload after {plan.warm_s:.0f} s of warm-up, "
        "rounds alternating the workloads; req/s and CPU: medians over the rounds (range in "
        "brackets), CPU counted until the server is idle again and charged with the "
        f"{measure.CLOSED_CONNECTIONS} requests wrk leaves in flight too; CPU (sequential): "
        "per request sent one at a time, while counting statements; statements: Q + E "
        "protocol messages over "
        f"{plan.statement_requests} sequential requests, idle background subtracted; "
        "peak RSS: the process's high-water mark after that workload's warm-up (in turn)",
        "",
        *table(measured),
        "",
        *verdict(measured),
        "",
        f"Peak RSS of the planned-reads server at the end: {peak:.0f} MiB. Answers checked: "
        f"{'; '.join(checked)}" + ("" if answers_good else " **(NOT as expected)**"),
        "",
        ledger,
        "",
        f"### Where the CPU goes (cProfile, {plan.profile_s:.0f} s of each, sequential)",
        "",
        "Shares of the profiled own time; the profiler inflates many small calls (the "
        "executor's) most, and counts a coroutine's every resumption as a call.",
    ]
    for found in profiles:
        lines += ["", *profiling.markdown(found)]
    return lines, answers_good and ledger_good


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?", help=f"default: a fresh {DATABASE}")
    parser.add_argument("--quick", action="store_true", help="smaller dataset, short runs")
    parser.add_argument("--profile-dir", type=Path, help="keep the cProfile stats here")
    args = parser.parse_args()
    url = prepare(args.database_url, DATABASE)
    if args.profile_dir:
        args.profile_dir.mkdir(parents=True, exist_ok=True)
    lines, good = benchmark(url, args.quick, args.profile_dir)
    print("\n".join(lines), flush=True)
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()

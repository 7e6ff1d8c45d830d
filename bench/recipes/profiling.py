"""Where a workload's server CPU goes: sequential requests (its bodies in turn) for a
few seconds to a server of its own under cProfile (bench/load/servers.py, `profile=`),
profiled only after start-up and a few unprofiled requests.

The summary is the profile's own time (tottime) by where the code lives, and the
functions with the most own time. cProfile slows function calls down, the more so where
there are many small ones (the GraphQL executor), so read shares, not milliseconds; it
also counts every resumption of a coroutine as a call.
"""

from __future__ import annotations

import pstats
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from servers import ROOT, Servers, client
from workloads import Workload

# (the path marker, the area): the first that matches names a function's area.
AREAS = (
    ("site-packages/graphql/", "graphql-core (the executor)"),
    ("site-packages/strawberry/", "strawberry"),
    ("site-packages/sqlalchemy/", "SQLAlchemy"),
    ("<sqlalchemy", "SQLAlchemy"),
    ("site-packages/asyncpg/", "asyncpg"),
    ("site-packages/starlette/", "Starlette, uvicorn"),
    ("site-packages/uvicorn/", "Starlette, uvicorn"),
    ("/schema/", "ours: schema/ (types, from_row)"),
    ("/resolvers/", "ours: resolvers/ (loaders)"),
    ("/services/", "ours: services/"),
    ("/server/", "ours: server/ (middleware, auth, cost)"),
    ("fractions.py", "Python: fractions, decimal"),
    ("decimal", "Python: fractions, decimal"),
    ("asyncio/", "Python: asyncio"),
)
WAIT_S = 30.0  # for the stats file after SIGUSR2
WARM_REQUESTS = 5
MIN_REQUESTS = 5


@dataclass
class Profile:
    workload: str
    requests: int
    profiled_ms_per_request: float
    areas: list[tuple[str, float]]  # area, share of own time
    functions: list[tuple[str, float, int]]  # function, share, calls per request
    # Our functions by inclusive time (cumtime): exact for plain functions; for
    # coroutines only roughly (greenlet switches under SQLAlchemy blur their stacks).
    ours: list[tuple[str, float, int]]


def area(file: str, function: str) -> str:
    for marker, name in AREAS:
        if marker in file or marker in function:
            return name
    return "other (builtins, stdlib)"


def summarize(path: Path, workload: str, requests: int, top: int = 10) -> Profile:
    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    own: Counter[str] = Counter()
    functions, ours = [], []
    for (file, line, function), (_, calls, tottime, cumtime, _) in stats.items():
        own[area(file, function)] += tottime
        where = file.split("site-packages/")[-1].removeprefix(str(ROOT) + "/")
        where = Path(where).name if where.startswith("/") else where  # the standard library
        functions.append((f"{where}:{line}({function})", tottime, calls))
        if file.startswith(str(ROOT)) and "site-packages" not in file:
            ours.append((f"{where}:{line}({function})", cumtime, calls))
    total = sum(own.values()) or 1.0
    per_request = max(requests, 1)

    def shares(found: list[tuple[str, float, int]]) -> list[tuple[str, float, int]]:
        found.sort(key=lambda one: -one[1])
        return [(name, t / total, round(c / per_request)) for name, t, c in found[:top]]

    return Profile(
        workload,
        requests,
        1000 * total / per_request,
        [(name, value / total) for name, value in own.most_common()],
        shares(functions),
        shares(ours),
    )


def profile(
    servers: Servers,
    url: str,
    port: int,
    workload: Workload,
    seconds: float,
    directory: Path,
) -> Profile:
    path = directory / f"{workload.name}.prof"
    server = servers.ours(url, port, profile=path)
    try:
        servers.wait_ready(server)
        bodies = workload.bodies[server.name]
        with client(workload.tokens.get(server.name)) as session:

            def send(number: int) -> None:
                answer = session.post(
                    server.url,
                    content=bodies[number % len(bodies)],
                    headers={"Content-Type": "application/json"},
                )
                if answer.status_code != 200 or b'"errors"' in answer.content:
                    raise RuntimeError(f"{workload.name}: {answer.text[:300]}")

            for number in range(WARM_REQUESTS):
                send(number)
            server.profile(True)
            requests, ends = 0, time.monotonic() + seconds
            while requests < MIN_REQUESTS or time.monotonic() < ends:
                send(requests)
                requests += 1
            server.profile(False)
        deadline = time.monotonic() + WAIT_S
        while not path.exists():
            server.check_alive()
            if time.monotonic() > deadline:
                raise RuntimeError(f"no profile at {path} after {WAIT_S:.0f} s")
            time.sleep(0.1)
    finally:
        servers.stop(server)
    return summarize(path, workload.name, requests)


def markdown(found: Profile) -> list[str]:
    lines = [
        f"{found.workload} under cProfile: {found.requests} sequential requests, "
        f"{found.profiled_ms_per_request:,.0f} ms of profiled CPU each (inflated by the "
        "profiler). Own time by area; then the functions with the most own time:",
        "",
        "| area | share |",
        "|---|---:|",
        *(f"| {name} | {share:.0%} |" for name, share in found.areas if share >= 0.01),
        "",
        "| function (own time) | share | calls/request |",
        "|---|---:|---:|",
        *(f"| `{name}` | {share:.1%} | {calls:,} |" for name, share, calls in found.functions),
        "",
        "| our function (inclusive time; coroutines approximate) | share | calls/request |",
        "|---|---:|---:|",
        *(f"| `{name}` | {share:.1%} | {calls:,} |" for name, share, calls in found.ours),
    ]
    return lines

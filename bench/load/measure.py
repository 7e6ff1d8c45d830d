"""One measurement of one workload on one server: closed model (wrk), open model (one
fixed rate, openload), or SQL statements per request (through pgproxy).

The CPU time of a run is the server process's utime + stime delta over the run divided
by the answers it gave, and beside it the same for the PostgreSQL backends serving the
server's connections (servers.Server.database_cpu); throughput is never measured through
the proxy.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import openload
import wrk
from pgproxy import CountingProxy, Counts
from servers import Server, client
from workloads import Workload

CLOSED_CONNECTIONS = 8
OPEN_MAX_IN_FLIGHT = 64


@dataclass
class ClosedRun:
    server: str
    round: int
    seconds: float
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms_per_request: float
    error_sample: str = ""
    db_cpu_ms_per_request: float = float("nan")
    connections: int = CLOSED_CONNECTIONS


@dataclass
class OpenRun:
    server: str
    rate: float
    seconds: float
    achieved: float
    completed: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    saturated: bool
    generator_behind: bool
    holds: bool
    cpu_ms_per_request: float
    generator_cpu_percent: float
    error_sample: str = ""
    db_cpu_ms_per_request: float = float("nan")


@dataclass
class Statements:
    requests: int
    per_request: float  # Q + E messages, idle background subtracted
    transaction_control_per_request: float  # BEGIN/COMMIT/ROLLBACK/SAVEPOINT among them
    pings_per_request: float  # empty statements (";": connection pre-pings) among them
    background_per_second: float  # what the idle server ran (sweepers)


def _authorization(workload: Workload, server: Server) -> str | None:
    token = workload.tokens.get(server.name)
    return f"Bearer {token}" if token else None


def closed(
    server: Server,
    workload: Workload,
    seconds: float,
    round_: int = 0,
    drain: bool = False,
    connections: int = CLOSED_CONNECTIONS,
) -> ClosedRun:
    """One wrk run. CPU per request is the server's CPU over the run by the answers in it;
    wrk leaves a request in flight on every connection, partly served, which matters for
    a workload of a few requests a second. With `drain`, the CPU is counted until the
    server is idle again (`settle`) and divided by the answers plus those requests."""
    server.check_alive()
    before, database_before = server.cpu(), server.database_cpu()
    result = wrk.run(
        server.url,
        workload.lines(server.name),
        seconds=seconds,
        connections=connections,
        authorization=_authorization(workload, server),
        user_errors=workload.user_errors,
    )
    served = result.requests
    if drain:
        settle(server)
        served += connections
    cpu = server.cpu() - before
    database = server.database_cpu_since(database_before)
    errors = max(result.graphql_errors, result.non_2xx) + sum(result.socket_errors.values())
    return ClosedRun(
        server.name,
        round_,
        seconds,
        result.requests,
        result.requests_per_second,
        result.latency_ms.get("50", float("nan")),
        result.latency_ms.get("99", float("nan")),
        errors,
        1000 * cpu / max(served, 1),
        result.error_sample,
        1000 * database / max(served, 1) if server.postgres_url else float("nan"),
        connections,
    )


def open_rate(server: Server, workload: Workload, rate: float, seconds: float) -> OpenRun:
    server.check_alive()
    before, database_before = server.cpu(), server.database_cpu()
    result = openload.run(
        server.url,
        workload.lines(server.name),
        rate=rate,
        seconds=seconds,
        connections=OPEN_MAX_IN_FLIGHT,
        authorization=_authorization(workload, server),
        user_errors=workload.user_errors,
    )
    cpu = server.cpu() - before
    database = server.database_cpu_since(database_before)
    latency = result.latency_ms
    return OpenRun(
        server.name,
        rate,
        seconds,
        result.achieved_rate,
        result.completed,
        latency["50"],
        latency["90"],
        latency["99"],
        latency["max"],
        result.errors,
        result.saturated,
        result.generator_behind,
        result.holds,
        1000 * cpu / max(result.completed, 1),
        result.generator_cpu_percent,
        result.error_sample,
        1000 * database / max(result.completed, 1) if server.postgres_url else float("nan"),
    )


def settle(server: Server, quiet_percent: float = 10.0, limit_s: float = 10.0) -> None:
    """Wait until the server is idle (CPU below `quiet_percent` of a core over 0.25 s):
    after an overloaded run it may still be working off requests that the load generator
    gave up on, which would be charged to the next run, on the other server."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        before = server.cpu()
        time.sleep(0.25)
        if (server.cpu() - before) / 0.25 * 100 < quiet_percent:
            return


def background(proxies: list[CountingProxy], idle_s: float) -> list[Counts]:
    """Statements per second each proxy saw over `idle_s` seconds of idle servers."""
    before = [proxy.snapshot() for proxy in proxies]
    time.sleep(idle_s)
    return [proxy.snapshot() - start for proxy, start in zip(proxies, before, strict=True)]


def statements(
    proxy: CountingProxy,
    server: Server,
    workload: Workload,
    requests: int,
    idle: Counts,
    idle_s: float,
) -> Statements:
    """`requests` sequential requests to a server whose database goes through `proxy`,
    after a few unmeasured ones; what the server ran while idle (`idle`, over `idle_s`
    seconds: our API's webhook sweeper polls every 2 s) is subtracted pro rata."""
    bodies = workload.bodies[server.name]
    with client(None) as session:

        def send(number: int) -> None:
            headers = {"Content-Type": "application/json"}
            token = workload.token_of(server.name, number)
            if token:
                headers["Authorization"] = f"Bearer {token}"
            answer = session.post(server.url, content=bodies[number % len(bodies)], headers=headers)
            failed = b'"errors"' in answer.content or (
                workload.user_errors and b'"userErrors":[]' not in answer.content.replace(b" ", b"")
            )
            if answer.status_code != 200 or failed:
                raise RuntimeError(f"{server.name} {workload.name}: {answer.text[:300]}")

        for number in range(5):
            send(number)
        start, began = proxy.snapshot(), time.monotonic()
        for number in range(requests):
            send(number)
        counted = proxy.snapshot() - start
        share = (time.monotonic() - began) / idle_s

    def per_request(measured: int, background: int) -> float:
        # Never below zero: the idle share is an estimate of the background's.
        return max(0.0, (measured - background * share) / requests)

    return Statements(
        requests,
        per_request(counted.statements, idle.statements),
        per_request(counted.transaction_control, idle.transaction_control),
        per_request(counted.pings, idle.pings),
        idle.statements / idle_s,
    )

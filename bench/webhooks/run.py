"""The webhooks benchmark: end-to-end delivery through Redis and two workers; prints
Markdown.

    .venv/bin/python bench/webhooks/run.py [--quick] [--rates-only] [--rates R,R]
        [--database NAME] [--redis-db N]
    make bench                      (BENCH_ARGS=--quick for a short run)

Four processes, as in production with Redis:
- this one, the API side: the application of `server.app.create_app` with its lifespan
  running (each commit hands the endpoints it gave deliveries to the workers at once,
  through the application's commit listeners), committing `inventory.adjusted`
  events with `services.events.append_event` in a `unit_of_work`, one transaction per
  event (holding a lock on the entity, as the domain's row lock would), round-robin over
  10 organizations with one endpoint each (subscribed to `*`) and 100 entities (items)
  each: 1,000 entities, 10 endpoints, one delivery per event;
- two `batchtrack worker` processes (Dramatiq, 16 worker threads, plus their 2 s sweeper);
- the receiver (receiver.py), which records when each request arrives and answers at
  once (or, per endpoint, never, or 429 with Retry-After first).

Latency is the receipt time minus the commit time (both CLOCK_MONOTONIC, shared by the
processes), over the first successful receipt of each event. The database is
`batchtrack_bench_webhooks` on the local PostgreSQL, dropped and created afresh; Redis is
DB 11 on the local server, flushed at start. The exit status is 1 when an event was not
received within the drain timeout.

--quick makes every run of the full mode, smaller (see QUICK): about 3 minutes on this
machine, the producer's commits being most of it. --database and --redis-db let a run
use its own database and Redis DB beside others' (defaults: the names above).
--rates-only runs only the fixed-rate rows (500/s and 50/s, one event per transaction,
60 s each, or 5 s with --quick) after the warm-up; --rates picks the fixed rates (events
per second, default 500,50).
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import json
import logging
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

import redis
from sqlalchemy import event, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from starlette.applications import Starlette

from server.settings import Settings
from services.db import unit_of_work, utcnow
from services.events import NewEvent, append_event, append_events
from services.ids import to_global_id
from services.permissions import Principal
from services.webhooks.attempts import due_deliveries, due_endpoints
from services.webhooks.endpoints import create_endpoint
from services.webhooks.models import WebhookAttempt, WebhookDelivery
from services.webhooks.payload_schemas import EXAMPLES
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from webhooks.engine import Engine
from webhooks.sender import ClientPool

Sessions = async_sessionmaker[AsyncSession]

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# bench/inventory's givens: a fresh migrated database, an organization.
sys.path[1:1] = [str(ROOT / "bench" / "inventory")]
from database import new_organization, prepare  # noqa: E402

LOCAL_SERVER = "postgres@127.0.0.1:5432"
# Set by main() from --database and --redis-db.
DATABASE = "batchtrack_bench_webhooks"
DATABASE_URL = f"postgresql+asyncpg://{LOCAL_SERVER}/{DATABASE}"
REDIS_URL = "redis://127.0.0.1:6379/11"
SECRET_KEY = "batchtrack webhooks benchmark key (not a production secret)"
EVENT_TYPE = "inventory.adjusted"
ENDPOINTS = 10
ENTITIES = 1000  # over all endpoints' organizations
WORKERS = 2
# Events per transaction in the batched burst (a batch drawing that many items).
PER_TRANSACTION = 20
# The failure mix: the endpoint that never answers, and the one answering 429 first.
TIMING_OUT, THROTTLING = 9, 8
# Concurrent transactions of the producer: in the burst, and at most in the paced runs.
BURST_WRITERS = 4
MAX_IN_FLIGHT = 16
FAILING_FRACTION = 0.10
WARM_UP_EVENTS = 20
# How long after the last commit every event must have been received.
DRAIN_TIMEOUT = 180.0
# This machine's PostgreSQL runs with autovacuum off (a CI setting): the deliveries' and
# heads' partial indexes then fill with dead entries (every delivered row leaves one) and
# the claims slow down row after row (the due-endpoints query: 1.7 ms with 147,000 dead
# tuples, 0.06 ms vacuumed). Production runs autovacuum; the bench stands in for it.
VACUUMED_TABLES = "webhook_deliveries, webhook_entity_heads, webhook_attempts, events"
VACUUM_SECONDS = 15.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@dataclass(frozen=True)
class Sizes:
    burst: int  # events of the throughput burst over ENTITIES entities
    seconds: float  # of each fixed-rate run
    mixed_seconds: float  # of the failure mix and the backlog runs, at 500/s
    backlog: int  # deliveries pending for a dead endpoint in the backlog run
    poll: float  # seconds between the drain's looks at what the receiver got
    grace: float  # seconds the drain waits after the last event, for late duplicates


FULL = Sizes(burst=20_000, seconds=60.0, mixed_seconds=30.0, backlog=50_000, poll=0.25, grace=0.5)
# Every run of FULL, smaller: the runs with failing first attempts still wait out the 5 s
# retry delay.
QUICK = Sizes(burst=2_000, seconds=5.0, mixed_seconds=5.0, backlog=5_000, poll=0.1, grace=0.2)


# --- Processes ------------------------------------------------------------------------


class Children:
    """The receiver and the worker: started here, always stopped here (by pid)."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[Any]] = []
        self.receiver: subprocess.Popen[str] | None = None
        self.workers: list[subprocess.Popen[bytes]] = []
        self.worker_logs: list[Path] = []

    def worker_problems(self) -> list[str]:
        """The lines the workers logged (at WARNING or above, as LOG_LEVEL says)."""
        return [
            line
            for log in self.worker_logs
            for line in log.read_text(errors="replace").splitlines()
            if line
        ]

    def start_receiver(self) -> int:
        receiver = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
            [sys.executable, str(HERE / "receiver.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        self.processes.append(receiver)
        self.receiver = receiver
        first = self._read_line()
        if not first.startswith("port "):
            raise RuntimeError(f"the receiver did not start: {first!r}")
        return int(first.split()[1])

    def _read_line(self) -> str:
        assert self.receiver is not None
        assert self.receiver.stdout is not None
        line = self.receiver.stdout.readline()
        if not line:
            raise RuntimeError(f"the receiver exited (status {self.receiver.poll()})")
        return line.strip()

    def command(self, line: str) -> str:
        assert self.receiver is not None
        assert self.receiver.stdin is not None
        self.receiver.stdin.write(line + "\n")
        self.receiver.stdin.flush()
        return self._read_line()

    def start_worker(self) -> subprocess.Popen[bytes]:
        """`batchtrack worker`, its output (JSON logs) into a temporary file."""
        env = {
            **os.environ,
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": REDIS_URL,
            "SECRET_KEY": SECRET_KEY,
            "WEBHOOK_ALLOW_HTTP": "1",
            "WEBHOOK_ALLOWED_HOSTS": '["127.0.0.1"]',
            "LOG_LEVEL": "WARNING",
        }
        descriptor, path = tempfile.mkstemp(prefix="bench-webhooks-worker-", suffix=".log")
        self.worker_logs.append(Path(path))
        with os.fdopen(descriptor, "wb") as log:
            worker = subprocess.Popen(  # noqa: S603 - the project's own CLI
                [str(Path(sys.executable).parent / "batchtrack"), "worker"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        self.processes.append(worker)
        self.workers.append(worker)
        return worker

    def signal_all(self) -> None:
        """Ask every child to stop, without waiting (from a signal handler)."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is not None:
                continue
            receiver = self.receiver
            stdin = receiver.stdin if receiver is not None and process is receiver else None
            if stdin is not None:
                with contextlib.suppress(OSError):
                    stdin.close()  # the receiver ends when its stdin closes
            else:
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        for log in self.worker_logs:
            log.unlink(missing_ok=True)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of all CPUs since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def _other_test_runs(ours: set[int]) -> set[int]:
    """Pids of pytest runs on the machine that are not ours (load to report)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in ours:
            continue
        with contextlib.suppress(OSError):
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            if b"pytest" in command:
                found.add(int(entry.name))
    return found


def _pids_named(name: str, marker: str = "") -> list[int]:
    """Pids whose command is `name` and whose command line contains `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() == name and marker.encode() in (
                    entry / "cmdline"
                ).read_bytes():
                    found.append(int(entry.name))
    return found


def _servers() -> dict[str, tuple[str, str]]:
    """Servers whose CPU is reported too: the PostgreSQL backends serving the benchmark's
    database (not the server's shared background processes), and Redis."""
    return {"postgres": ("postgres", f" {DATABASE} "), "redis": ("redis-server", "")}


@dataclass
class Usage:
    """CPU use over a stretch of time: the machine's, each of our processes' and the
    servers' (as SERVERS says); "rest" is everything else on the machine."""

    started: float
    machine: tuple[float, float]
    processes: dict[str, dict[int, float]]

    @staticmethod
    def _sample(pids: dict[str, list[int]]) -> dict[str, dict[int, float]]:
        groups = dict(pids)
        groups |= {name: _pids_named(*server) for name, server in _servers().items()}
        sampled: dict[str, dict[int, float]] = {}
        for name, members in groups.items():
            sampled[name] = {}
            for pid in members:
                with contextlib.suppress(OSError):
                    sampled[name][pid] = _cpu_seconds(pid)
        return sampled

    @classmethod
    def begin(cls, pids: dict[str, list[int]]) -> Usage:
        return cls(time.monotonic(), _machine_busy(), cls._sample(pids))

    def end(self, pids: dict[str, list[int]]) -> dict[str, float]:
        """Percent of one CPU per process or server, and the machine's busy percent of
        all its CPUs."""
        wall = time.monotonic() - self.started
        busy, total = _machine_busy()
        now = self._sample(pids)
        shares = {
            name: 100
            * sum(cpu - self.processes[name].get(pid, 0.0) for pid, cpu in members.items())
            / wall
            for name, members in now.items()
        }
        shares["machine"] = 100 * (busy - self.machine[0]) / max(total - self.machine[1], 1)
        ours = sum(shares[name] for name in now)
        shares["rest"] = max(0.0, shares["machine"] * (os.cpu_count() or 1) - ours)
        return shares


# --- Setup ------------------------------------------------------------------------------


async def _endpoint(sessions: Sessions, principal: Principal, url: str) -> int:
    async with unit_of_work(sessions) as session:
        made = await create_endpoint(
            session,
            principal,
            url=url,
            event_types=["*"],
            description="benchmark receiver",
            policy=TargetPolicy(allow_http=True, allowed_hosts=frozenset({"127.0.0.1"})),
            box=SecretBox(SECRET_KEY),
        )
    return made.endpoint.id


def _closed_port() -> int:
    """A port nothing listens on: the dead receiver of the backlog run."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Problems(logging.Handler):
    """Keeps the warnings and errors the API side logs during the run."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname} {record.name}: {record.getMessage()}")


# --- Producing and receiving -------------------------------------------------------------


@dataclass
class Produced:
    commits: dict[str, float] = field(default_factory=dict)  # event id -> commit time
    endpoint_of: dict[str, int] = field(default_factory=dict)  # event id -> endpoint index
    scheduled_start: float = 0.0
    max_lag_ms: float = 0.0  # paced runs: how late a commit started against its schedule

    @property
    def first(self) -> float:
        return min(self.commits.values())

    @property
    def last(self) -> float:
        return max(self.commits.values())


class Producer:
    """The API side: commits events on the application's sessions, whose commit
    listeners hand the endpoints on to the workers, as after a mutation."""

    def __init__(self, app: Starlette, organizations: list[int]) -> None:
        self.sessions: Sessions = app.state.sessions
        self.organizations = organizations
        per = ENTITIES // len(organizations)
        self.entities = [
            [to_global_id("InventoryItem", index * per + n) for n in range(1, per + 1)]
            for index in range(len(organizations))
        ]

    async def commit(self, number: int) -> tuple[str, int, float]:
        endpoint = number % len(self.organizations)
        entities = self.entities[endpoint]
        entity = entities[(number // len(self.organizations)) % len(entities)]
        payload = json.loads(json.dumps(EXAMPLES[EVENT_TYPE]))
        payload["item"]["id"] = entity
        async with unit_of_work(self.sessions) as session:
            # Writers of one entity are serialised by the domain's row lock (the item's,
            # for an adjustment); this lock stands in for it, so sequences never collide.
            await session.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:entity))"), {"entity": entity}
            )
            event = await append_event(
                session,
                organization_id=self.organizations[endpoint],
                type=EVENT_TYPE,
                entity_type="InventoryItem",
                entity_id=entity,
                payload=payload,
            )
            event_id = event.id
        committed = time.monotonic()
        return event_id, endpoint, committed

    async def commit_many(self, endpoint: int, first: int, count: int) -> list[str]:
        """`count` events of distinct entities of one organization in one transaction,
        appended together (services.events.append_events), as a batch drawing its items
        does; returns their ids."""
        entities = self.entities[endpoint]
        chosen = sorted({entities[(first + n) % len(entities)] for n in range(count)})
        payload = json.loads(json.dumps(EXAMPLES[EVENT_TYPE]))
        async with unit_of_work(self.sessions) as session:
            for entity in chosen:  # in one order, as the domain's row locks are taken
                await session.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:entity))"), {"entity": entity}
                )
            events = await append_events(
                session,
                organization_id=self.organizations[endpoint],
                events=[
                    NewEvent(EVENT_TYPE, "InventoryItem", e, {**payload, "item": {"id": e}})
                    for e in chosen
                ],
            )
            ids = [event.id for event in events]
        return ids

    async def batched_burst(self, count: int, per_transaction: int) -> Produced:
        """`count` events, `per_transaction` in each transaction, as fast as
        BURST_WRITERS concurrent transactions go."""
        produced = Produced(scheduled_start=time.monotonic())
        transactions = iter(range(count // per_transaction))

        async def writer() -> None:
            for number in transactions:
                endpoint = number % len(self.organizations)
                first = (number // len(self.organizations)) * per_transaction
                ids = await self.commit_many(endpoint, first, per_transaction)
                committed = time.monotonic()
                for event_id in ids:
                    produced.commits[event_id] = committed
                    produced.endpoint_of[event_id] = endpoint

        await asyncio.gather(*(writer() for _ in range(BURST_WRITERS)))
        return produced

    def _note(self, produced: Produced, made: tuple[str, int, float]) -> None:
        event_id, endpoint, committed = made
        produced.commits[event_id] = committed
        produced.endpoint_of[event_id] = endpoint

    async def burst(self, count: int) -> Produced:
        """`count` events as fast as BURST_WRITERS concurrent transactions go."""
        produced = Produced(scheduled_start=time.monotonic())
        numbers = iter(range(count))

        async def writer() -> None:
            for number in numbers:
                self._note(produced, await self.commit(number))

        await asyncio.gather(*(writer() for _ in range(BURST_WRITERS)))
        return produced

    async def paced(self, rate: float, seconds: float) -> Produced:
        """An open model: event i starts at start + i / rate whatever the earlier ones do
        (at most MAX_IN_FLIGHT transactions at once; beyond that a start is late)."""
        count = round(rate * seconds)
        start = time.monotonic() + 0.05
        produced = Produced(scheduled_start=start)
        slots = asyncio.Semaphore(MAX_IN_FLIGHT)

        async def one(number: int, due: float) -> None:
            async with slots:
                produced.max_lag_ms = max(produced.max_lag_ms, (time.monotonic() - due) * 1000)
                made = await self.commit(number)
            self._note(produced, made)

        tasks = []
        for number in range(count):
            due = start + number / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(number, due)))
        await asyncio.gather(*tasks)
        return produced


Record = tuple[float, str, int, int, int]  # arrival, webhook-id, attempt, status, endpoint


async def _received(children: Children) -> list[Record]:
    answer = await asyncio.to_thread(children.command, "dump")
    return [(r[0], r[1], r[2], r[3], r[4]) for r in json.loads(answer)["records"]]


async def _drain(
    children: Children, produced: Produced, sizes: Sizes, expected: set[int]
) -> tuple[list[Record], bool]:
    """Wait until every produced event of the `expected` endpoints was received once with
    success (or the timeout); returns the receiver's records and whether all arrived."""
    wanted = {i for i, endpoint in produced.endpoint_of.items() if endpoint in expected}
    deadline = time.monotonic() + DRAIN_TIMEOUT
    while True:
        records = await _received(children)
        done = {record[1] for record in records if record[3] == 200}
        if wanted <= done:
            await asyncio.sleep(sizes.grace)  # let late duplicates, if any, arrive to be counted
            return await _received(children), True
        if time.monotonic() > deadline:
            return records, False
        await asyncio.sleep(sizes.poll)


# --- Figures -----------------------------------------------------------------------------


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile (no interpolation between samples)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


@dataclass
class Result:
    label: str
    produced: Produced
    records: list[Record]
    complete: bool
    usage: dict[str, float]
    database: dict[str, int]
    # Endpoints whose events are expected to arrive, and those whose latency is reported.
    expected: set[int]
    healthy: set[int]
    rate: float | None = None
    wall_seconds: float = 0.0  # from the first commit's start to the end of the drain

    @property
    def events(self) -> int:
        return len(self.produced.commits)

    @property
    def first_success(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for arrived, webhook_id, _, status, _ in self.records:
            if status == 200 and webhook_id in self.produced.commits:
                found.setdefault(webhook_id, arrived)
        return found

    @property
    def latencies_ms(self) -> list[float]:
        """Receipt minus commit, for the healthy endpoints' events."""
        commits, endpoint_of = self.produced.commits, self.produced.endpoint_of
        return [
            (t - commits[i]) * 1000
            for i, t in self.first_success.items()
            if endpoint_of[i] in self.healthy
        ]

    @property
    def first_try_latencies_ms(self) -> list[float]:
        """As `latencies_ms`, for the events whose first attempt succeeded: what a slow or
        failing receiver elsewhere (or a retry's schedule) does not explain."""
        commits, endpoint_of = self.produced.commits, self.produced.endpoint_of
        return [
            (arrived - commits[i]) * 1000
            for arrived, i, attempt, status, _ in self.records
            if attempt == 1 and status == 200 and i in commits and endpoint_of[i] in self.healthy
        ]

    @property
    def arrived(self) -> int:
        return len(self.first_success)

    @property
    def expected_events(self) -> int:
        return sum(1 for e in self.produced.endpoint_of.values() if e in self.expected)

    @property
    def requests(self) -> int:
        return sum(1 for record in self.records if record[1] in self.produced.commits)

    @property
    def failed_requests(self) -> int:
        return sum(1 for r in self.records if r[1] in self.produced.commits and r[3] != 200)

    @property
    def duplicates(self) -> int:
        """Successful receipts beyond the first of an event."""
        ok = sum(1 for r in self.records if r[1] in self.produced.commits and r[3] == 200)
        return ok - self.arrived

    @property
    def commit_rate(self) -> float:
        span = self.produced.last - self.produced.scheduled_start
        return self.events / span if span > 0 else float("nan")

    @property
    def delivered_rate(self) -> float:
        arrivals = list(self.first_success.values())
        if not arrivals:
            return float("nan")
        return len(arrivals) / (max(arrivals) - self.produced.first)

    @property
    def worker_ms_per_delivery(self) -> float:
        """The workers' CPU time per request they made (from their share of the run)."""
        return self.usage["worker"] * 10 * self.wall_seconds / max(self.requests, 1)

    @property
    def machine_ms_per_event(self) -> float:
        """The whole machine's busy CPU time (every core, every process) per event."""
        cores = os.cpu_count() or 1
        return self.usage["machine"] * cores * 10 * self.wall_seconds / max(self.events, 1)

    @property
    def end_to_end_seconds(self) -> float:
        arrivals = list(self.first_success.values())
        return max(arrivals) - self.produced.first if arrivals else float("nan")


async def _database_figures(sessions: Sessions, event_ids: list[str]) -> dict[str, int]:
    figures: Counter[str] = Counter()
    async with unit_of_work(sessions, write=False) as session:
        for start in range(0, len(event_ids), 5000):
            chunk = event_ids[start : start + 5000]
            rows = await session.execute(
                select(
                    WebhookDelivery.status, func.count(), func.sum(WebhookDelivery.attempt_count)
                )
                .where(WebhookDelivery.event_id.in_(chunk))
                .group_by(WebhookDelivery.status)
            )
            for status, count, attempts in rows.all():
                figures[f"deliveries {status}"] += count
                figures["attempts counted"] += attempts or 0
            stale = await session.scalar(
                select(func.count())
                .select_from(WebhookAttempt)
                .join(WebhookDelivery, WebhookDelivery.id == WebhookAttempt.delivery_id)
                .where(WebhookDelivery.event_id.in_(chunk), WebhookAttempt.outcome == "STALE")
            )
            figures["stale attempts"] += stale or 0
    return dict(figures)


async def _transactions(sessions: Sessions) -> int:
    async with sessions() as session:
        found = await session.scalar(
            text("SELECT xact_commit FROM pg_stat_database WHERE datname = :name"),
            {"name": DATABASE},
        )
    return int(found or 0)


class Vacuum:
    """Autovacuum's stand-in when the server's is off: the webhook tables vacuumed and
    analyzed before each row and every VACUUM_SECONDS during it."""

    def __init__(self, url: str) -> None:
        self.engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
        self.needed: bool | None = None

    async def once(self) -> None:
        async with self.engine.connect() as connection:
            if self.needed is None:
                self.needed = await connection.scalar(text("SHOW autovacuum")) == "off"
            if self.needed:
                await connection.exec_driver_sql(f"VACUUM (ANALYZE) {VACUUMED_TABLES}")

    async def keep(self) -> None:
        while True:
            await asyncio.sleep(VACUUM_SECONDS)
            await self.once()


@dataclass
class Bench:
    children: Children
    producer: Producer
    sessions: Sessions
    pids: dict[str, list[int]]
    sizes: Sizes
    vacuum: Vacuum
    others: set[int] = field(default_factory=set)

    def _note_load(self) -> None:
        ours = {os.getpid(), *(pid for group in self.pids.values() for pid in group)}
        self.others |= _other_test_runs(ours)

    async def run(
        self,
        label: str,
        *,
        failing: float = 0.0,
        count: int = 0,
        rate: float | None = None,
        seconds: float = 0.0,
        modes: dict[int, str] | None = None,
        per_transaction: int = 1,
    ) -> Result:
        await asyncio.to_thread(self.children.command, f"reset {failing}")
        for endpoint, mode in (modes or {}).items():
            await asyncio.to_thread(self.children.command, f"mode {endpoint} {mode}")
        expected = {e for e in range(ENDPOINTS) if (modes or {}).get(e) != "timeout"}
        healthy = {e for e in range(ENDPOINTS) if e not in (modes or {})}
        self._note_load()
        await self.vacuum.once()
        transactions = await _transactions(self.sessions)
        usage = Usage.begin(self.pids)
        started = time.monotonic()
        keeper = asyncio.create_task(self.vacuum.keep())
        try:
            if rate is None and per_transaction > 1:
                produced = await self.producer.batched_burst(count, per_transaction)
            elif rate is None:
                produced = await self.producer.burst(count)
            else:
                produced = await self.producer.paced(rate, seconds)
            records, complete = await _drain(self.children, produced, self.sizes, expected)
        finally:
            keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeper
        shares = usage.end(self.pids)
        wall = time.monotonic() - started
        self._note_load()
        figures = await _database_figures(self.sessions, list(produced.commits))
        figures["transactions committed"] = await _transactions(self.sessions) - transactions
        result = Result(
            label, produced, records, complete, shares, figures, expected, healthy, rate, wall
        )
        print(f"[bench] {label}: {result.arrived}/{result.events} received", file=sys.stderr)
        return result


def _cpu(result: Result) -> str:
    u = result.usage
    names = ("machine", "worker", "producer", "postgres", "redis", "rest")
    shares = (u[name] for name in names)
    return " / ".join(f"{share:.0f}" for share in shares)


def _table(results: list[Result]) -> list[str]:
    lines = [
        "| run | events | received | failed requests | duplicates | commits/s (max late ms) "
        "| delivered/s | first commit → last receipt | p50 ms | p90 ms | p99 ms | max ms "
        "| p99 ms, first attempts that succeeded "
        "| worker CPU ms per delivery | machine CPU ms per event | PostgreSQL commits per "
        "event | CPU %: machine / workers / API / PostgreSQL / Redis / rest |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        latencies = r.latencies_ms
        late = f" ({r.produced.max_lag_ms:,.0f})" if r.rate is not None else ""
        commits = r.database.get("transactions committed", 0) / max(r.events, 1)
        lines.append(
            f"| {r.label} | {r.events:,} | {r.arrived:,} | {r.failed_requests:,} | "
            f"{r.duplicates} | {r.commit_rate:,.0f}{late} | {r.delivered_rate:,.0f} | "
            f"{r.end_to_end_seconds:.1f} s | {percentile(latencies, 50):,.0f} | "
            f"{percentile(latencies, 90):,.0f} | {percentile(latencies, 99):,.0f} | "
            f"{max(latencies, default=float('nan')):,.0f} | "
            f"{percentile(r.first_try_latencies_ms, 99):,.0f} | {r.worker_ms_per_delivery:.2f} | "
            f"{r.machine_ms_per_event:.1f} | {commits:.2f} | {_cpu(r)} |"
        )
    return lines


# --- The backlog, and statements per delivery ---------------------------------------------


async def _backlog(sessions: Sessions, organization_id: int, endpoint_id: int, count: int) -> None:
    """`count` deliveries pending for a dead endpoint over 1,000 entities: each entity's
    first has failed once and is retried within the next minute, the rest held back."""
    statements = [
        """INSERT INTO events (id, organization_id, type, entity_type, entity_id, sequence,
                               api_version, payload, created_at)
           SELECT 'evt_backlog_' || g, :org, 'inventory.adjusted', 'InventoryItem',
                  'backlog-' || (g % 1000), g / 1000 + 1, '2026-12', '{}', now()
           FROM generate_series(0, :count - 1) g""",
        """INSERT INTO webhook_deliveries (organization_id, endpoint_id, event_position,
               event_id, event_type, entity_key, status, held_back, attempt_count,
               next_attempt_at, created_at)
           SELECT e.organization_id, :endpoint, e.position, e.id, e.type,
                  'InventoryItem:' || e.entity_id, 'PENDING', e.sequence > 1,
                  CASE WHEN e.sequence = 1 THEN 1 ELSE 0 END,
                  CASE WHEN e.sequence = 1
                       THEN now() + (e.position % 60) * interval '1 second' ELSE now() END,
                  now()
           FROM events e WHERE e.organization_id = :org""",
        """INSERT INTO webhook_entity_heads (endpoint_id, entity_key, head_position)
           SELECT :endpoint, 'InventoryItem:' || e.entity_id, e.position
           FROM events e WHERE e.organization_id = :org AND e.sequence = 1""",
        "UPDATE webhook_endpoints SET failing_since = now() WHERE id = :endpoint",
        "ANALYZE webhook_deliveries",
    ]
    async with unit_of_work(sessions) as session:
        for statement in statements[:-1]:
            await session.execute(
                text(statement), {"org": organization_id, "endpoint": endpoint_id, "count": count}
            )
    async with sessions() as session:
        await session.execute(text(statements[-1]))
        await session.commit()


async def _claim_cost_ms(sessions: Sessions) -> float:
    """The mean time of the sweeper's and the claim's reads, with no lock taken."""
    runs = 50
    started = time.monotonic()
    async with unit_of_work(sessions, write=False) as session:
        for _ in range(runs):
            await due_endpoints(session, now=utcnow())
            await due_deliveries(session, now=utcnow(), limit=32)
    return (time.monotonic() - started) * 1000 / runs


async def _statements_per_delivery(
    sessions: Sessions, organization_id: int, endpoint_id: int, count: int
) -> tuple[float, float]:
    """SQL statements and transactions the engine runs per delivery, counted by SQLAlchemy
    in this process while it drains `count` deliveries of one endpoint."""
    async with unit_of_work(sessions) as session:
        for n in range(count):
            await append_event(
                session,
                organization_id=organization_id,
                type=EVENT_TYPE,
                entity_type="InventoryItem",
                entity_id=f"counted-{n % 100}",
                payload={},
            )
    counted = Counter[str]()
    engine = sessions.kw["bind"].sync_engine

    def statement(*_: object) -> None:
        counted["statements"] += 1

    def commit(*_: object) -> None:
        counted["commits"] += 1

    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "commit", commit)
    try:
        async with ClientPool(16) as clients:
            sender = Engine(
                sessions,
                policy=TargetPolicy(allow_http=True, allowed_hosts=frozenset({"127.0.0.1"})),
                box=SecretBox(SECRET_KEY),
                clients=clients,
            )
            made = await sender.drain(endpoint_id)
    finally:
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "commit", commit)
    return counted["statements"] / max(made, 1), counted["commits"] / max(made, 1)


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


async def _server_version(sessions: Sessions) -> str:
    async with sessions() as session:
        version = await session.scalar(text("SHOW server_version"))
        commit = await session.scalar(text("SHOW synchronous_commit"))
    info = redis.Redis.from_url(REDIS_URL).info("server")
    return f"PostgreSQL {version} (synchronous_commit={commit}), Redis {info['redis_version']}"


def _header(
    quick: bool, servers: str, load: tuple[float, float, float], autovacuum: str
) -> list[str]:
    dirty = " (with uncommitted changes)" if _git("status", "--porcelain") else ""
    command = " ".join([".venv/bin/python bench/webhooks/run.py", *sys.argv[1:]])
    return [
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- commit: {_git('rev-parse', 'HEAD')}{dirty}",
        f"- machine: {os.cpu_count()} CPUs (nproc), {_cpu_model()}; "
        f"Python {platform.python_version()}; {servers}, same machine",
        f"- command: `{command}` (or `make bench`)",
        f"- load average before the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        f"- autovacuum: {autovacuum}",
    ]


def _problems(lines: list[str], api: Problems) -> list[str]:
    shown = [f"  - worker: {line[:300]}" for line in lines[:5]]
    shown += [f"  - API side: {message[:300]}" for message in api.messages[:5]]
    summary = (
        f"Logged at WARNING or above: {len(lines)} line(s) by the worker, "
        f"{len(api.messages)} by the API side."
    )
    return [summary, *shown]


# --- The run -----------------------------------------------------------------------------


async def _backlog_runs(
    bench: Bench, sessions: Sessions, sizes: Sizes, runs: list[Result]
) -> tuple[float, float, float]:
    """The backlog and failure-mix rows, appended to `runs`; the claim costs before the
    backlog, with it, and after the run beside it."""
    mix = {TIMING_OUT: "timeout", THROTTLING: "429"}
    claim_before = await _claim_cost_ms(sessions)
    dead = await new_organization(sessions)
    dead_endpoint = await _endpoint(
        sessions, dead, f"http://127.0.0.1:{_closed_port()}/webhooks/dead"
    )
    await _backlog(sessions, dead.organization_id, dead_endpoint, sizes.backlog)
    claim_backlog = await _claim_cost_ms(sessions)
    runs.append(
        await bench.run(
            f"500/s beside {sizes.backlog:,} pending for a dead endpoint",
            rate=500,
            seconds=sizes.mixed_seconds,
        )
    )
    claim_after = await _claim_cost_ms(sessions)
    # Last: what fails here stays pending (the timing-out endpoint's retries, minutes
    # apart) and holds its entities' later events back, as it should.
    runs.append(
        await bench.run(
            "500/s, failure mix",
            rate=500,
            seconds=sizes.mixed_seconds,
            failing=FAILING_FRACTION,
            modes=mix,
        )
    )
    return claim_before, claim_backlog, claim_after


async def benchmark(
    children: Children,
    port: int,
    quick: bool,
    load: tuple[float, float, float],
    rates_only: bool = False,
    rates: tuple[int, ...] = (500, 50),
) -> tuple[list[str], bool]:
    """Every row; with `rates_only` only the fixed-rate rows without failures (500/s and
    50/s, one event per transaction)."""
    # Imported here, not at the top: the workers, started just before, import the same
    # application meanwhile, so the imports share the two cores instead of running one
    # after the other.
    from server.app import create_app

    sizes = QUICK if quick else FULL
    settings = Settings(
        database_url=DATABASE_URL,
        redis_url=REDIS_URL,
        secret_key=SECRET_KEY,
        webhook_allow_http=True,
        webhook_allowed_hosts=["127.0.0.1"],
        log_level="WARNING",
        auto_migrate=False,
    )
    app = create_app(settings)
    # create_app logs (JSON) to stdout, which carries the report: send its logs to stderr.
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(sys.stderr)
    api_problems = Problems()
    logging.getLogger().addHandler(api_problems)
    sessions: Sessions = app.state.sessions
    organizations = []
    for index in range(ENDPOINTS):
        principal = await new_organization(sessions)
        await _endpoint(sessions, principal, f"http://127.0.0.1:{port}/webhooks/{index}")
        organizations.append(principal.organization_id)
    servers = await _server_version(sessions)
    assert children.receiver is not None
    pids = {
        "worker": [worker.pid for worker in children.workers],
        "producer": [os.getpid()],
        "receiver": [children.receiver.pid],
    }
    async with app.router.lifespan_context(app):
        vacuum = Vacuum(DATABASE_URL)
        bench = Bench(children, Producer(app, organizations), sessions, pids, sizes, vacuum)
        warm = await bench.run("warm-up", count=WARM_UP_EVENTS * ENDPOINTS)
        if not warm.complete:
            raise RuntimeError("the warm-up events were not delivered: are the workers running?")
        runs = []
        if not rates_only:
            runs += [
                await bench.run(f"burst of {sizes.burst:,}", count=sizes.burst),
                await bench.run(
                    f"burst of {sizes.burst:,}, {PER_TRANSACTION} per transaction",
                    count=sizes.burst,
                    per_transaction=PER_TRANSACTION,
                ),
            ]
        for rate in rates:
            runs.append(await bench.run(f"{rate}/s", rate=rate, seconds=sizes.seconds))
        claims = await _backlog_runs(bench, sessions, sizes, runs) if not rates_only else None
    counted = await new_organization(sessions)
    counted_endpoint = await _endpoint(
        sessions, counted, f"http://127.0.0.1:{port}/webhooks/{ENDPOINTS}"
    )
    per_delivery = await _statements_per_delivery(
        sessions, counted.organization_id, counted_endpoint, 2000
    )
    results = [warm, *runs]
    complete = all(r.complete for r in results)
    missing = sum(r.expected_events - r.arrived for r in results if not r.complete)
    await app.state.engine.dispose()
    await vacuum.engine.dispose()
    others = bench.others
    lines = [
        *_header(
            quick,
            servers,
            load,
            "off on this server: the bench runs VACUUM (ANALYZE) of the webhook tables "
            f"before each row and every {VACUUM_SECONDS:.0f} s during it"
            if vacuum.needed
            else "on (the server's own)",
        ),
        "- other load: "
        + (
            f"{len(others)} pytest process(es) of other work ran during the run"
            if others
            else "no other test run seen during the run"
        ),
        "",
        f"{ENDPOINTS} endpoints (one per organization), {ENTITIES:,} entities, one delivery "
        f"per event; {WORKERS} workers; the burst commits as fast as {BURST_WRITERS} "
        f"concurrent transactions go, one event each or {PER_TRANSACTION} appended together "
        "(`append_events`); fixed rates are an open model. Latency is receipt minus commit, "
        "first successful receipt, of the healthy endpoints' events (in the "
        f"failure mix: 10 % of first attempts answered 500, endpoint {TIMING_OUT} never "
        f"answers, endpoint {THROTTLING} answers 429 with Retry-After: 5 first; its "
        "events arrive too, after the retry).",
        "",
        *_table(runs),
        "",
        f"SQL per delivery (the engine in this process draining 2,000 deliveries of one "
        f"endpoint, counted by SQLAlchemy): {per_delivery[0]:.2f} statements, "
        f"{per_delivery[1]:.2f} transactions.",
        "",
        *(
            [
                f"Claim cost (the sweeper's due-endpoints query and a 32-row ready read, "
                f"mean of 50): {claims[0]:.2f} ms before the backlog, {claims[1]:.2f} ms "
                f"with {sizes.backlog:,} pending for the dead endpoint, {claims[2]:.2f} ms "
                "after the run beside it.",
                "",
            ]
            if claims is not None
            else []
        ),
        "Database check: "
        + "; ".join(
            f"{r.label}: " + ", ".join(f"{k} {v:,}" for k, v in sorted(r.database.items()))
            for r in runs
        ),
        "",
        *_problems(await asyncio.to_thread(children.worker_problems), api_problems),
        "",
        (
            "Every event was received."
            if complete
            else f"**{missing} event(s) were never received within {DRAIN_TIMEOUT:.0f} s.**"
        ),
    ]
    return lines, complete


@contextlib.contextmanager
def _children() -> Iterator[Children]:
    """The child processes, stopped however the run ends: normally, by an exception, by
    SIGTERM or SIGINT (signalled at once, then waited for), or at interpreter exit."""
    children = Children()

    def stop_on_signal(signum: int, frame: FrameType | None) -> None:
        children.signal_all()
        raise SystemExit(128 + signum)

    previous = {number: signal.signal(number, stop_on_signal) for number in STOP_SIGNALS}
    atexit.register(children.stop)
    try:
        yield children
    finally:
        children.stop()
        atexit.unregister(children.stop)
        for number, handler in previous.items():
            signal.signal(number, handler)


def main() -> None:
    global DATABASE, DATABASE_URL, REDIS_URL
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="short run (2,000-event burst, 5 s per rate)"
    )
    parser.add_argument(
        "--rates-only",
        action="store_true",
        help="only the fixed-rate rows (500/s and 50/s, one event per transaction)",
    )
    parser.add_argument(
        "--rates",
        default="500,50",
        help="the fixed rates, events per second, comma-separated (default 500,50)",
    )
    parser.add_argument("--database", default=DATABASE, help="dropped and made afresh")
    parser.add_argument("--redis-db", type=int, default=11, help="flushed at start")
    args = parser.parse_args()
    DATABASE = args.database
    DATABASE_URL = f"postgresql+asyncpg://{LOCAL_SERVER}/{DATABASE}"
    REDIS_URL = f"redis://127.0.0.1:6379/{args.redis_db}"
    redis.Redis.from_url(REDIS_URL).flushdb()
    prepare(None, DATABASE)
    load = os.getloadavg()
    with _children() as children:
        port = children.start_receiver()
        # The worker takes seconds to import and start and needs only the migrated
        # database and Redis: it comes up while this process sets the API side up (the
        # warm-up waits for it either way).
        for _ in range(WORKERS):
            children.start_worker()
        lines, complete = asyncio.run(
            benchmark(
                children,
                port,
                args.quick,
                load,
                rates_only=args.rates_only,
                rates=tuple(int(rate) for rate in args.rates.split(",")),
            )
        )
    print("\n".join(lines), flush=True)
    sys.exit(0 if complete else 1)


if __name__ == "__main__":
    main()

"""Start, watch and stop the two GraphQL servers of the side-by-side runs.

PostGraphile 5 (`bench/postgraphile/serve.py`, which execs Node: the child's pid is the
server's) and our API (`batchtrack serve`: one uvicorn process). Each is a
child of this process, logging to a temporary file (shown when it fails to start), and
is stopped by its pid (SIGTERM, then SIGKILL after 10 s), however the run ends:
`Servers` is a context manager that also stops them on SIGTERM/SIGINT.

Process figures come from Linux /proc: CPU time (utime + stime) and the peak resident
set size (VmHWM, the high-water mark since the process started); and the CPU time of the
PostgreSQL backends serving a server's connections (`database_cpu`: its sockets to the
PostgreSQL port, matched to pg_stat_activity's client ports; PostgreSQL runs on this
machine).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BENCH_REDIS = "redis://127.0.0.1:6379/14"
SERVE_PGL = ROOT / "bench" / "postgraphile" / "serve.py"
PROBE = {"query": "{ __typename }"}
SERVE = "from server.cli import main; main(['serve'])"
# The server under cProfile, in its main thread (the event loop's): SIGUSR1 starts the
# profiler, SIGUSR2 stops it and writes the stats (whole, then renamed), so start-up and
# warm-up stay out.
PROFILED = """
import cProfile, os, signal
from server.cli import main
profiler = cProfile.Profile()
def start(*_): profiler.enable()
def stop(*_):
    profiler.disable()
    profiler.dump_stats({path!r} + ".part")
    os.replace({path!r} + ".part", {path!r})
signal.signal(signal.SIGUSR1, start)
signal.signal(signal.SIGUSR2, stop)
main(['serve'])
"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    # The command name (field 2) may hold spaces: split after its closing parenthesis.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _socket_inodes(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                found.add(target[8:-1])
    return found


def client_ports(pid: int, server_port: int) -> set[int]:
    """The local ports of the process's TCP connections to `server_port`."""
    inodes = _socket_inodes(pid)
    ports = set()
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if int(remote.rsplit(":", 1)[1], 16) == server_port and inode in inodes:
                ports.add(int(local.rsplit(":", 1)[1], 16))
    return ports


def backend_cpu(postgres_url: str, ports: set[int]) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend serving a client port in `ports`."""
    if not ports:
        return {}
    query = (
        "SELECT pid FROM pg_stat_activity WHERE client_port IN "  # noqa: S608 - integers
        f"({','.join(str(port) for port in sorted(ports))})"
    )
    listed = subprocess.run(  # noqa: S603 - psql with a query built from integers
        ["psql", postgres_url, "-Atc", query],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout.split()
    found = {}
    for pid in listed:
        with contextlib.suppress(OSError):
            found[int(pid)] = cpu_seconds(int(pid))
    return found


def _on_database(server: Server, postgres_url: str) -> Server:
    server.postgres_url = postgres_url
    server.postgres_port = urlsplit(postgres_url).port or 5432
    return server


@dataclass
class Server:
    name: str  # "postgraphile" or "ours"
    url: str  # the GraphQL endpoint
    process: subprocess.Popen[bytes]
    log: Path
    postgres_url: str = ""  # libpq URL of its database, for its backends' CPU
    postgres_port: int = 5432

    @property
    def pid(self) -> int:
        return self.process.pid

    def cpu(self) -> float:
        return cpu_seconds(self.pid)

    def peak_rss_mb(self) -> float:
        return peak_rss_mb(self.pid)

    def database_cpu(self) -> dict[int, float]:
        """CPU seconds so far of the PostgreSQL backends of this server's connections, by
        backend pid (`database_cpu_since` takes the difference)."""
        if not self.postgres_url:
            return {}
        return backend_cpu(self.postgres_url, client_ports(self.pid, self.postgres_port))

    def database_cpu_since(self, before: dict[int, float]) -> float:
        """The backends' CPU seconds since `before`: a backend opened meanwhile counts
        whole, one closed meanwhile is lost (both pools keep theirs open under load)."""
        after = self.database_cpu()
        return sum(max(0.0, seconds - before.get(pid, 0.0)) for pid, seconds in after.items())

    def profile(self, on: bool) -> None:
        """Start or stop (and write) the profile of a server started with one."""
        self.process.send_signal(signal.SIGUSR1 if on else signal.SIGUSR2)

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            raise RuntimeError(
                f"{self.name} exited ({self.process.returncode}); its log {self.log} ends:\n"
                + self.log_tail()
            )

    def log_tail(self, lines: int = 30) -> str:
        text = self.log.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


class Servers:
    """The servers started in a `with` block; all stopped when it ends."""

    def __init__(self) -> None:
        self.started: list[Server] = []

    def __enter__(self) -> Servers:
        def stop_on_signal(signum: int, frame: FrameType | None) -> None:
            self.stop_all()
            raise SystemExit(128 + signum)

        self._previous = {
            number: signal.signal(number, stop_on_signal)
            for number in (signal.SIGTERM, signal.SIGINT)
        }
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_all()
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def _spawn(self, name: str, command: list[str], env: dict[str, str], port: int) -> Server:
        descriptor, path = tempfile.mkstemp(prefix=f"bench-load-{name}-", suffix=".log")
        with os.fdopen(descriptor, "wb") as log:
            process = subprocess.Popen(  # noqa: S603 - our own scripts, fixed arguments
                command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT
            )
        server = Server(name, f"http://127.0.0.1:{port}/graphql", process, Path(path))
        self.started.append(server)
        return server

    def postgraphile(self, postgres_url: str, port: int) -> Server:
        env = dict(os.environ, DATABASE_URL=postgres_url, PORT=str(port), HOST="127.0.0.1")
        server = self._spawn("postgraphile", [sys.executable, str(SERVE_PGL)], env, port)
        return _on_database(server, postgres_url)

    def ours(
        self,
        database_url: str,
        port: int,
        settings: Mapping[str, str] | None = None,
        profile: Path | None = None,
    ) -> Server:
        """`settings`: more environment for the server (PLANNED_READS=false, say). With
        `profile`, the server runs under cProfile, off until `Server.profile(True)`, and
        `Server.profile(False)` writes what it gathered to that file."""
        env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        # As in production: the throttle's buckets in Redis (a database of the benchmark's
        # own, BENCH_REDIS_URL; empty runs without Redis).
        redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_BENCH_REDIS)
        if redis_url:
            env["REDIS_URL"] = redis_url
        env.update(
            DATABASE_URL=database_url,
            SECRET_KEY="bench",  # a throwaway key: a local benchmark
            HOST="127.0.0.1",
            PORT=str(port),
            LOG_LEVEL="WARNING",
            # Raised: at hundreds of R1s a second the default bucket would refuse most
            # requests, and refusals are fast errors, not the work being measured.
            THROTTLE_MAXIMUM="100000000",
            THROTTLE_RESTORE_RATE="100000000",
        )
        env.update(settings or {})
        # What the `batchtrack serve` script runs, under the name "python": a `pkill
        # batchtrack` aimed at a development server on the machine spares the benchmark's.
        code = PROFILED.format(path=str(profile)) if profile else SERVE
        server = self._spawn("ours", [sys.executable, "-c", code], env, port)
        return _on_database(server, database_url.replace("postgresql+asyncpg://", "postgres://"))

    def wait_ready(self, server: Server, timeout: float = 180.0) -> None:
        """Until `{ __typename }` answers 200 (PostGraphile's first start runs npm ci)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError(
                    f"{server.name} exited ({server.process.returncode}):\n{server.log_tail()}"
                )
            with contextlib.suppress(httpx.HTTPError):
                if httpx.post(server.url, json=PROBE, timeout=5).status_code == 200:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"{server.name} not ready in {timeout:.0f} s:\n{server.log_tail()}")

    def stop(self, server: Server) -> None:
        """Stop the server; its log is deleted, unless it had exited on its own."""
        if server in self.started:
            self.started.remove(server)
        if server.process.poll() is not None:
            status = server.process.returncode
            print(f"{server.name} had exited ({status}): its log is {server.log}", file=sys.stderr)
            return
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
        server.log.unlink(missing_ok=True)

    def stop_all(self) -> None:
        for server in list(reversed(self.started)):
            self.stop(server)


def post(server: Server, body: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    """One GraphQL request; the decoded answer (errors included)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(server.url, json=body, headers=headers, timeout=60)
    answer: dict[str, Any] = response.json()
    return answer


@contextlib.contextmanager
def client(token: str | None) -> Iterator[httpx.Client]:
    """A keep-alive client for sequential requests (statement counting, top-ups)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with httpx.Client(headers=headers, timeout=60) as session:
        yield session

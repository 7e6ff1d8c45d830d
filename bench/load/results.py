"""The side-by-side figures as Markdown: the `load` section of bench/RESULTS.md.

`render(report)` makes the section (run.py builds the Report and writes it with
section.replace); `machine()` describes where it ran. The ratio lines read
`R1 ... 0.62x`: ours / PostGraphile, of the median closed-model requests per second
(and, on an `R1 open ...` line, of the highest fixed rate held with p99 < 100 ms).
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from measure import ClosedRun, OpenRun, Statements
from openload import NODE, P99_LIMIT_MS
from servers import ROOT

NAMES = {"postgraphile": "PostGraphile", "ours": "ours"}
PGL_PACKAGE = ROOT / "bench" / "postgraphile" / "node_modules" / "postgraphile" / "package.json"


@dataclass
class WorkloadReport:
    name: str
    title: str
    servers: list[str]
    closed: list[ClosedRun] = field(default_factory=list)
    single: list[ClosedRun] = field(default_factory=list)  # one connection: latency bound
    opened: list[OpenRun] = field(default_factory=list)
    statements: dict[str, Statements] = field(default_factory=dict)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def closed_median(self, server: str) -> float:
        rates = [run.rps for run in self.closed if run.server == server]
        return statistics.median(rates) if rates else float("nan")

    def cpu_ms(self, server: str) -> float:
        """Median CPU ms per request over the closed-model rounds."""
        values = [run.cpu_ms_per_request for run in self.closed if run.server == server]
        return statistics.median(values) if values else float("nan")

    def database_cpu_ms(self, server: str) -> float:
        """Median CPU ms per request of its PostgreSQL backends, closed-model rounds."""
        values = [run.db_cpu_ms_per_request for run in self.closed if run.server == server]
        return statistics.median(values) if values else float("nan")

    def single_run(self, server: str) -> ClosedRun | None:
        return next((run for run in self.single if run.server == server), None)

    def max_rate(self, server: str) -> float | None:
        """The highest fixed rate tried that held (p99 < 100 ms, no errors, no queue)."""
        held = [run.rate for run in self.opened if run.server == server and run.holds]
        return max(held) if held else None

    def max_rate_text(self, server: str) -> str:
        """ "800/s", or "< 10/s" when no rate tried held."""
        found = self.max_rate(server)
        if found is not None:
            return f"{found:,.0f}/s"
        tried = [run.rate for run in self.opened if run.server == server]
        return f"< {min(tried):,.0f}/s" if tried else "-"


@dataclass
class Report:
    command: str
    quick: bool
    date: str
    seconds: float
    machine: list[str]
    dataset: dict[str, Any]
    check: str
    problems: list[str]
    settings: str
    workloads: list[WorkloadReport]


def _run(*command: str) -> str:
    try:
        return subprocess.run(  # noqa: S603 - fixed commands
            command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=30
        ).stdout.strip()
    except OSError:
        return ""


def commit() -> str:
    short = _run("git", "rev-parse", "--short", "HEAD") or "unknown"
    return short + (" (dirty)" if _run("git", "status", "--porcelain") else "")


def machine(postgresql: str, *, postgraphile: bool = True) -> list[str]:
    """Lines describing the machine and the software versions (PostGraphile's and Node's
    only for a side-by-side run)."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    memory = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
    os_name = re.search(r'^PRETTY_NAME="(.+)"', Path("/etc/os-release").read_text(), re.MULTILINE)
    pgl = json.loads(PGL_PACKAGE.read_text())["version"] if PGL_PACKAGE.exists() else "?"
    wrk = _run(shutil.which("wrk") or "wrk", "-v").split(" [")[0] if shutil.which("wrk") else ""
    node = f"Node {_run(str(NODE), '--version')}, PostGraphile {pgl}; " if postgraphile else ""
    load = os.getloadavg()
    return [
        f"- machine: {model.group(1) if model else platform.processor()}, "
        f"{os.cpu_count()} cores, {int(memory.group(1)) / 2**20 if memory else 0:.1f} GiB RAM; "
        f"{os_name.group(1) if os_name else platform.system()} (Linux {platform.release()})",
        f"- software: {postgresql} (same machine); {node}Python {platform.python_version()}; {wrk}",
        f"- load average at the start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
    ]


def _number(value: float | None, digits: int = 1) -> str:
    if value is None or value != value:  # None or NaN
        return "-"
    return f"{value:,.{digits}f}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    if not ours or not theirs or ours != ours or theirs != theirs:
        return "n/a"
    return f"{ours / theirs:.2f}x"


def ratio_lines(report: Report) -> list[str]:
    lines = []
    for w in report.workloads:
        if "postgraphile" not in w.servers:
            lines.append(
                f"{w.name} ... n/a  ours only: {_number(w.closed_median('ours'))} req/s "
                "(closed model, median); PostGraphile is read-only here"
            )
            continue
        ours, theirs = w.closed_median("ours"), w.closed_median("postgraphile")
        lines.append(
            f"{w.name} ... {_ratio(ours, theirs)}  closed model, median req/s: "
            f"ours {_number(ours)} / PostGraphile {_number(theirs)}"
        )
        ratio = _ratio(w.max_rate("ours"), w.max_rate("postgraphile"))
        tried = [run.rate for run in w.opened if run.server == "ours"]
        theirs_max = w.max_rate("postgraphile")
        if w.max_rate("ours") is None and tried and theirs_max:
            ratio = f"< {min(tried) / theirs_max:.2f}x"
        lines.append(
            f"{w.name} open ... {ratio}  highest fixed rate with p99 < {P99_LIMIT_MS:.0f} ms: "
            f"ours {w.max_rate_text('ours')} / PostGraphile {w.max_rate_text('postgraphile')}"
        )
        ours_one, theirs_one = w.single_run("ours"), w.single_run("postgraphile")
        if ours_one is not None and theirs_one is not None:
            lines.append(
                f"{w.name} 1 connection ... p50 {_ratio(ours_one.p50_ms, theirs_one.p50_ms)} "
                f"of PostGraphile's: ours {_number(ours_one.p50_ms, 2)} ms / PostGraphile "
                f"{_number(theirs_one.p50_ms, 2)} ms; req/s "
                f"{_ratio(ours_one.rps, theirs_one.rps)}"
            )
        total = _ratio(
            w.cpu_ms("ours") + w.database_cpu_ms("ours"),
            w.cpu_ms("postgraphile") + w.database_cpu_ms("postgraphile"),
        )
        lines.append(
            f"{w.name} CPU ... {total}  server + PostgreSQL ms/request: ours "
            f"{_number(w.cpu_ms('ours'), 2)} + {_number(w.database_cpu_ms('ours'), 2)} / "
            f"PostGraphile {_number(w.cpu_ms('postgraphile'), 2)} + "
            f"{_number(w.database_cpu_ms('postgraphile'), 2)}"
        )
    lines.append("W2 ... n/a  ours only: webhooks delivered per second, see the webhooks section")
    return lines


def _closed_table(w: WorkloadReport) -> list[str]:
    rounds = max((run.round for run in w.closed), default=0)
    head = " | ".join(f"round {n} req/s" for n in range(1, rounds + 1))
    lines = [
        f"| server | {head} | median req/s | p50 ms | p99 ms | errors | CPU ms/request "
        "| PostgreSQL CPU ms/request |",
        "|---|" + "---:|" * (rounds + 6),
    ]
    for server in w.servers:
        runs = sorted((r for r in w.closed if r.server == server), key=lambda r: r.round)
        if not runs:
            continue
        cells = " | ".join(_number(r.rps) for r in runs)
        lines.append(
            f"| {NAMES[server]} | {cells} | {_number(w.closed_median(server))} | "
            f"{_number(statistics.median(r.p50_ms for r in runs))} | "
            f"{_number(statistics.median(r.p99_ms for r in runs))} | "
            f"{sum(r.errors for r in runs)} | {_number(w.cpu_ms(server), 2)} | "
            f"{_number(w.database_cpu_ms(server), 2)} |"
        )
    for server in w.servers:
        one = w.single_run(server)
        if one is None:
            continue
        blanks = " | ".join("" for _ in range(rounds))
        lines.append(
            f"| {NAMES[server]}, 1 connection | {blanks} | {_number(one.rps)} | "
            f"{_number(one.p50_ms, 2)} | {_number(one.p99_ms)} | {one.errors} | "
            f"{_number(one.cpu_ms_per_request, 2)} | {_number(one.db_cpu_ms_per_request, 2)} |"
        )
    return lines


def _open_cell(run: OpenRun | None) -> str:
    if run is None:
        return "-"
    marks = ("" if run.holds else " ✗") + (" †" if run.generator_behind else "")
    errors = f", {run.errors} errors" if run.errors else ""
    achieved = f"{_number(run.achieved, 0)}/s{errors}"
    return f"{_number(run.p50_ms)} / {_number(run.p99_ms)} ({achieved}){marks}"


def _open_table(w: WorkloadReport) -> list[str]:
    rates = sorted({run.rate for run in w.opened})
    names = " | ".join(f"{NAMES[s]} p50 / p99 ms (achieved)" for s in w.servers)
    lines = [f"| rate/s | {names} |", "|---:|" + "---|" * len(w.servers)]
    for rate in rates:
        cells = [
            _open_cell(next((r for r in w.opened if r.server == s and r.rate == rate), None))
            for s in w.servers
        ]
        lines.append(f"| {_number(rate, 0)} | {' | '.join(cells)} |")
    return lines


def _summary_table(w: WorkloadReport) -> list[str]:
    def row(label: str, values: list[str]) -> str:
        return f"| {label} | {' | '.join(values)} |"

    def statements(server: str) -> str:
        found = w.statements.get(server)
        if found is None:
            return "-"
        return (
            f"{found.per_request:.1f} ({found.transaction_control_per_request:.1f} "
            f"BEGIN/COMMIT/ROLLBACK, {found.pings_per_request:.1f} pings)"
        )

    lines = [row("", [NAMES[s] for s in w.servers]), "|---|" + "---:|" * len(w.servers)]
    if w.opened:
        lines.append(
            row(
                f"max fixed rate with p99 < {P99_LIMIT_MS:.0f} ms",
                [w.max_rate_text(s) for s in w.servers],
            )
        )
    lines += [
        row("CPU ms/request (closed model, median)", [_number(w.cpu_ms(s), 2) for s in w.servers]),
        row(
            "PostgreSQL backends' CPU ms/request (closed model, median)",
            [_number(w.database_cpu_ms(s), 2) for s in w.servers],
        ),
        row("SQL statements/request (of which)", [statements(s) for s in w.servers]),
        row(
            "peak RSS MB (process lifetime, after this workload)",
            [_number(w.peak_rss_mb.get(s), 0) for s in w.servers],
        ),
    ]
    return lines


def _counts(counts: Any) -> str:
    """dataset.py's counts: numbers by name, or a list of such per organization."""
    if isinstance(counts, dict):
        return ", ".join(f"{key} {_counts(value)}" for key, value in counts.items())
    if isinstance(counts, list):
        return "; ".join(f"[{_counts(value)}]" for value in counts)
    return f"{counts:,}" if isinstance(counts, int) else str(counts)


def render(report: Report) -> str:
    data = report.dataset
    counts = _counts(data.get("counts", {}))
    minutes, seconds = divmod(round(report.seconds), 60)
    lines = [
        "## Side by side with PostGraphile (latest `make bench`, generated)",
        "",
        f"- date: {report.date}",
        f"- commit: {commit()}",
        *report.machine,
        f"- dataset: scale {data.get('scale')} (seed {data.get('seed')}, version "
        f"{data.get('seed_version')}): {counts}",
        f"- command: `{report.command}`{' (quick)' if report.quick else ''}; "
        f"run time {minutes} min {seconds:02d} s",
        f"- {report.settings}",
        f"- equivalence check: {report.check}"
        + ("; **" + "; ".join(report.problems) + "**" if report.problems else ", all agree"),
        "",
        "```text",
        *ratio_lines(report),
        "```",
    ]
    for w in report.workloads:
        lines += ["", f"### {w.name}, {w.title}", "", *_summary_table(w), ""]
        lines += [
            "Closed model (wrk, 8 connections, rounds alternating servers; the "
            "1-connection rows: one round after them):",
            "",
        ]
        lines += _closed_table(w)
        if w.opened:
            lines += [
                "",
                "Open model (fixed arrival rate, latency from each request's intended send "
                "time, at most 64 in flight; ✗ = not held: p99 ≥ 100 ms, errors or requests "
                "queued beyond 64; † = the generator's timer ran late, p99 > 5 ms, so the "
                "machine was short of CPU):",
                "",
                *_open_table(w),
            ]
        lines += [f"\n{note}" for note in w.notes]
    return "\n".join(lines) + "\n"

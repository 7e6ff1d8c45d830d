"""The open model's ladder of fixed rates: the highest rate each server holds (p99 under
100 ms, no errors, no requests queued beyond the in-flight cap), and the p50/p99 of every
rate tried on the way. Servers alternate at each step; after each run the server is let
settle (measure.settle) so an overloaded one's backlog is not charged to the next run.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import measure
from results import WorkloadReport
from servers import Server
from workloads import Workload

RUNGS = (10, 25, 50, 100, 200, 400, 800, 1600, 3200)  # requests/s


def bisect(
    started: dict[str, Server],
    workload: Workload,
    report: WorkloadReport,
    seconds: float,
    steps: int,
    log: Callable[[str], None],
) -> None:
    """`steps` geometric midpoints (2 significant digits) between each server's last
    rate held and first not held, alternating servers."""
    bounds: dict[str, list[float]] = {}
    for name in workload.servers:
        runs = [run for run in report.opened if run.server == name]
        held = [run.rate for run in runs if run.holds]
        failed = [run.rate for run in runs if not run.holds and run.rate > max(held, default=0)]
        if held and failed:
            bounds[name] = [max(held), min(failed)]
    for _ in range(steps):
        for name, (low, high) in bounds.items():
            middle = float(f"{math.sqrt(low * high):.2g}")
            if not low < middle < high:
                continue
            run = measure.open_rate(started[name], workload, middle, seconds)
            report.opened.append(run)
            log(f"{workload.name} {name} open {middle:.0f}/s: p99 {run.p99_ms:.1f} ms")
            bounds[name] = [middle, high] if run.holds else [low, middle]
            measure.settle(started[name])


def climb(
    started: dict[str, Server],
    workload: Workload,
    report: WorkloadReport,
    seconds: float,
    from_half: bool,
    log: Callable[[str], None],
) -> None:
    """Climb RUNGS for each server, alternating, until a rate does not hold. From the
    bottom; or, `from_half`, from the highest rung under half the server's closed-model
    rate (the ones below would hold), stepping down instead if that one does not."""
    step: dict[str, int | None] = {}
    for name in workload.servers:
        half = report.closed_median(name) / 2
        lower = [i for i, rate in enumerate(RUNGS) if rate <= half]
        step[name] = lower[-1] if from_half and lower else 0
    down: set[str] = set()
    while any(index is not None for index in step.values()):
        for name, index in step.items():
            if index is None:
                continue
            run = measure.open_rate(started[name], workload, RUNGS[index], seconds)
            report.opened.append(run)
            log(f"{workload.name} {name} open {RUNGS[index]}/s: p99 {run.p99_ms:.1f} ms")
            if not run.holds and index > 0 and report.max_rate(name) is None:
                down.add(name)
            if name in down:
                step[name] = index - 1 if not run.holds and index > 0 else None
            else:
                step[name] = index + 1 if run.holds and index + 1 < len(RUNGS) else None
            measure.settle(started[name])

"""Periodic inventory jobs, run by every `batchtrack serve` and `batchtrack worker`.

Running them in several processes at once is safe: each job takes the item locks and
re-checks the state it changes, so a second runner finds nothing left to do.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import unit_of_work, utcnow
from services.inventory.reservations import expire_reservations

log = logging.getLogger("batchtrack.inventory.jobs")
INTERVAL_SECONDS = 60.0


async def run_due_jobs(
    sessions: async_sessionmaker[AsyncSession], *, now: datetime | None = None
) -> int:
    """Release the reservations that have expired, in one write transaction; returns how
    many were due."""
    async with unit_of_work(sessions) as session:
        released = await expire_reservations(session, now=now)
    if released:
        log.info("inventory.reservations.expired", extra={"fields": {"count": released}})
    return released


async def run_forever(
    sessions: async_sessionmaker[AsyncSession],
    *,
    interval: float = INTERVAL_SECONDS,
    clock: Callable[[], datetime] = utcnow,
) -> None:
    """Run the jobs every `interval` seconds until cancelled, each run at the time
    `clock` tells. The first run waits one interval, so a starting process does not
    contend for the write lock."""
    while True:
        await asyncio.sleep(interval)
        try:
            await run_due_jobs(sessions, now=clock())
        except Exception:
            log.exception("inventory jobs failed; will retry")

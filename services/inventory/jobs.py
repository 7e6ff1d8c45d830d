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
from services.inventory.stock import announce_expiry_low_stock

log = logging.getLogger("batchtrack.inventory.jobs")
INTERVAL_SECONDS = 60.0


async def run_due_jobs(
    sessions: async_sessionmaker[AsyncSession], *, now: datetime | None = None
) -> int:
    """Release the reservations that have expired, then announce the items whose usable
    stock fell under their threshold by time alone (lots expiring); returns how many
    reservations were due. Each job is its own write transaction, taking its item locks
    in id order, so neither holds a lock while taking a lower one."""
    moment = now or utcnow()
    async with unit_of_work(sessions) as session:
        released = await expire_reservations(session, now=moment)
    async with unit_of_work(sessions) as session:
        low = await announce_expiry_low_stock(session, now=moment)
    if released:
        log.info("inventory.reservations.expired", extra={"fields": {"count": released}})
    if low:
        log.info("inventory.low_stock.by_expiry", extra={"fields": {"count": low}})
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

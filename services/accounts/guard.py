"""Password guessing, stopped per account: after MAX_FAILURES wrong passwords within
FAILURE_WINDOW the address is locked for FIRST_LOCK, each further lock twice as long as
the one before (at most MAX_LOCK), until a successful login. The count is a database row,
so every API process sees the same one; it is written in its own transaction, since the
login it counts is refused (and a refused mutation rolls back).

A row holds nothing once its address has been quiet for FORGOTTEN_AFTER (its window is
over, its lock ended more than a day before, so its lock count would start again): each
failure deletes a few such rows, so guessing over millions of addresses cannot grow the
table without bound, and no job has to run for it."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import LoginGuard
from services.db import utcnow

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
FIRST_LOCK = timedelta(minutes=15)
MAX_LOCK = timedelta(hours=24)
FORGOTTEN_AFTER = 2 * MAX_LOCK
PRUNED_PER_FAILURE = 10


def email_digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def lock_duration(earlier_locks: int) -> timedelta:
    """15 minutes, then 30, 1 h, 2 h ... never more than 24 h."""
    doubled: timedelta = FIRST_LOCK * 2 ** min(earlier_locks, 16)
    return min(doubled, MAX_LOCK)


async def locked_until(session: AsyncSession, digest: str) -> datetime | None:
    """When the address's lock ends, if it is locked now."""
    until = await session.scalar(
        select(LoginGuard.locked_until).where(LoginGuard.email_digest == digest)
    )
    return until if until is not None and until > utcnow() else None


async def record_failure(session: AsyncSession, digest: str) -> datetime | None:
    """Count one refused login; the end of the lock when this one starts a lock. A login
    refused while locked is not counted (the lock does not grow while it holds), but the
    row is written all the same, so every refusal costs the same."""
    await _forget_quiet(session)
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    await session.execute(insert(LoginGuard).values(email_digest=digest).on_conflict_do_nothing())
    guard = await session.scalar(
        select(LoginGuard)
        .where(LoginGuard.email_digest == digest)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert guard is not None
    now = utcnow()
    guard.last_attempt_at = now
    if guard.locked_until is not None and guard.locked_until > now:
        await session.flush()
        return None
    if guard.locked_until is not None and now - guard.locked_until > MAX_LOCK:
        guard.locks = 0  # a day with no lock: the next one starts short again
    if guard.window_started_at is None or now - guard.window_started_at > FAILURE_WINDOW:
        guard.failures, guard.window_started_at = 0, now
    guard.failures += 1
    started = None
    if guard.failures >= MAX_FAILURES:
        started = guard.locked_until = now + lock_duration(guard.locks)
        guard.locks += 1
        guard.failures, guard.window_started_at = 0, None
    await session.flush()
    return started


async def _forget_quiet(session: AsyncSession) -> None:
    """Delete a few rows that hold nothing any more (see the module's note). Rows another
    failure holds are skipped, so two failures never wait on each other here."""
    now = utcnow()
    quiet = (
        select(LoginGuard.email_digest)
        .where(
            LoginGuard.last_attempt_at < now - FORGOTTEN_AFTER,
            or_(LoginGuard.locked_until.is_(None), LoginGuard.locked_until < now - MAX_LOCK),
        )
        .order_by(LoginGuard.last_attempt_at)
        .limit(PRUNED_PER_FAILURE)
        .with_for_update(skip_locked=True)
    )
    await session.execute(delete(LoginGuard).where(LoginGuard.email_digest.in_(quiet)))


async def clear(session: AsyncSession, digest: str) -> None:
    """After a successful login (or a password reset): failures and lock history go."""
    await session.execute(delete(LoginGuard).where(LoginGuard.email_digest == digest))

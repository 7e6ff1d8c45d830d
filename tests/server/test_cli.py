"""The command line and the background jobs it starts: `batchtrack verify-inventory`
reports and sets its exit status; `serve` and `worker` release expired reservations."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import update

from server.app import create_app
from server.cli import report_inventory, verify_email_address
from services.accounts.models import User
from services.db import unit_of_work, utcnow
from services.inventory import jobs
from services.inventory.models import InventoryItem, Reservation, ReservationStatus
from tests.services.accounts.givens import Actor, Sessions, sign_up
from tests.services.inventory.givens import create_item, item_now, receive, reserve
from tests.timing import eventually

pytestmark = pytest.mark.inventory


def batchtrack(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        env={**os.environ, "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


async def stocked_item(sessions: Sessions, owner: Actor) -> InventoryItem:
    item = await create_item(sessions, owner.principal, "Olive oil")
    await receive(sessions, owner.principal, item.id, "1000", total_cost="12.50")
    return item


async def test_verify_inventory_passes_a_clean_organization(database_url, sessions, owner):
    await stocked_item(sessions, owner)

    run = batchtrack(database_url, "verify-inventory", "--organization", str(owner.organization_id))

    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == (
        f"inventory consistent: 1 item(s) checked in organization {owner.organization_id}\n"
    )


async def test_verify_inventory_reports_a_broken_item_and_exits_1(database_url, sessions, owner):
    item = await stocked_item(sessions, owner)
    async with unit_of_work(sessions) as session:
        await session.execute(
            update(InventoryItem).where(InventoryItem.id == item.id).values(on_hand=Decimal(999))
        )

    run = batchtrack(database_url, "verify-inventory")

    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines[0].startswith(
        f'organization {owner.organization_id}, item {item.id} "Olive oil" ('
    )
    assert lines[1:] == [
        "  - on_hand 999 differs from the sum over its lots 1000",
        "  - on_hand 999 differs from the sum of its ledger rows 1000",
        "1 of 1 item(s) in all organizations break the invariant",
    ]


async def test_report_inventory_counts_every_organization(database_url, sessions, owner):
    await stocked_item(sessions, owner)
    other = await sign_up(sessions, organization_name="Wick & Wax")
    await create_item(sessions, other.principal, "Soy wax")
    out = io.StringIO()

    status = await report_inventory(database_url, None, out)

    assert (status, out.getvalue()) == (
        0,
        "inventory consistent: 2 item(s) checked in all organizations\n",
    )


async def test_one_run_of_the_jobs_releases_an_expired_reservation(sessions, owner):
    item = await stocked_item(sessions, owner)
    held = await reserve(
        sessions, owner.principal, item.id, "100", expires_at=utcnow() + timedelta(minutes=1)
    )

    assert await jobs.run_due_jobs(sessions, now=utcnow()) == 0
    assert await jobs.run_due_jobs(sessions, now=utcnow() + timedelta(minutes=2)) == 1

    async with unit_of_work(sessions, write=False) as session:
        status = (await session.get_one(Reservation, held.id)).status
    assert (status, (await item_now(sessions, item.id)).reserved) == (
        ReservationStatus.EXPIRED.value,
        Decimal(0),
    )


async def test_the_job_loop_releases_reservations_as_they_expire(sessions, owner):
    item = await stocked_item(sessions, owner)
    await reserve(
        sessions, owner.principal, item.id, "100", expires_at=utcnow() + timedelta(minutes=1)
    )
    # The loop's clock runs two minutes ahead: the hold is past its expiry for it.
    loop = asyncio.create_task(
        jobs.run_forever(sessions, interval=0.1, clock=lambda: utcnow() + timedelta(minutes=2))
    )

    async def released() -> bool:
        return (await item_now(sessions, item.id)).reserved == 0

    try:
        await eventually(released, what="the expired hold released by the loop")
    finally:
        loop.cancel()
        with pytest.raises(asyncio.CancelledError):
            await loop


async def test_serve_runs_the_job_loop_for_the_lifetime_of_the_app(settings):
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        await asyncio.sleep(0)
        assert not app.state.jobs.done()
    assert app.state.jobs.cancelled()


async def test_verify_email_marks_an_address_verified_and_says_when_none_has_it(
    database_url, sessions
):
    ada = await sign_up(sessions, verified=False)
    out = io.StringIO()

    assert await verify_email_address(database_url, ada.email.upper(), out) == 0
    assert await verify_email_address(database_url, "nobody@example.com", out) == 1

    async with unit_of_work(sessions, write=False) as session:
        user = await session.get_one(User, ada.user_id)
    assert user.email_verified_at is not None
    assert "nobody@example.com: no account has this address" in out.getvalue()

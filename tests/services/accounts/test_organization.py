"""The organization's name and currency at the service boundary: signing up in a currency,
changing it until stock is first received, and the currency every amount then reports."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.accounts import organizations, service
from services.accounts.models import User
from services.db import create_engine, create_session_factory, unit_of_work
from services.errors import PermissionDenied, UserInputError
from services.ids import to_global_id
from services.inventory import queries, reports, stock
from services.inventory.quantities import QuantityInput
from services.permissions import Principal
from tests.services.accounts.givens import (
    PASSWORD,
    Sessions,
    add_member,
    create_api_key,
    invite,
    new_email,
    organization_now,
    principal_of,
    refused,
    sign_up,
    update_organization,
)
from tests.services.inventory.givens import (
    adjust,
    create_item,
    days_ago,
    events_of,
    item_now,
    receive,
    stocked_item,
)

pytestmark = [pytest.mark.auth, pytest.mark.inventory]


async def _currency(sessions: Sessions, organization_id: int) -> str:
    async with unit_of_work(sessions, write=False) as session:
        return await queries.currency_code(session, organization_id)


# --- signing up in a currency ----------------------------------------------------------


async def test_an_organization_keeps_its_books_in_the_currency_it_signs_up_with(
    sessions: Sessions,
) -> None:
    owner = await sign_up(sessions, currency_code="EUR")

    assert owner.grant.organization.currency_code == "EUR"
    assert await _currency(sessions, owner.organization_id) == "EUR"


async def test_an_organization_signed_up_without_a_currency_is_in_us_dollars(
    sessions: Sessions,
) -> None:
    async with unit_of_work(sessions) as session:
        grant = await service.sign_up(
            session, None, email=new_email(), password=PASSWORD, organization_name="Wax Works"
        )

    assert grant.organization.currency_code == "USD"
    assert await _currency(sessions, grant.organization.id) == "USD"


async def test_a_currency_code_is_read_whatever_its_case(sessions: Sessions) -> None:
    owner = await sign_up(sessions, currency_code=" jpy")

    assert owner.grant.organization.currency_code == "JPY"


@pytest.mark.parametrize("code", ["VED", "VES", "XCG", "ANG"])
async def test_every_active_code_is_accepted_including_a_countrys_second_one(
    sessions: Sessions, code: str
) -> None:
    owner = await sign_up(sessions, currency_code=code)

    assert owner.grant.organization.currency_code == code


@pytest.mark.parametrize("code", ["EURO", "XXX", "XAU", "CLF", "HRK", "", "€"])
async def test_a_code_that_is_no_active_iso_4217_currency_is_refused_and_nothing_is_created(
    sessions: Sessions, code: str
) -> None:
    problem = await refused(
        sessions,
        lambda session: service.sign_up(
            session,
            None,
            email=new_email(),
            password=PASSWORD,
            organization_name="Wax Works",
            currency_code=code,
        ),
    )

    assert (problem.code, problem.field) == ("INVALID_CURRENCY", ("currency_code",))
    async with unit_of_work(sessions, write=False) as session:
        assert await session.scalar(select(func.count(User.id))) == 0


async def test_an_invited_person_joins_in_the_organizations_own_currency(
    sessions: Sessions,
) -> None:
    owner = await sign_up(sessions, currency_code="GBP")
    email = new_email("maker")
    token = await invite(sessions, owner.principal, email=email, role="maker")

    joined = await sign_up(sessions, email=email, invitation_token=token, currency_code="JPY")

    assert joined.organization_id == owner.organization_id
    assert joined.grant.organization.currency_code == "GBP"
    assert await _currency(sessions, owner.organization_id) == "GBP"


# --- changing it -----------------------------------------------------------------------


async def test_the_name_and_currency_change_until_stock_is_received(sessions: Sessions) -> None:
    # given an organization with an item that has never had stock
    owner = await sign_up(sessions)
    await create_item(sessions, owner.principal)

    # when
    updated = await update_organization(
        sessions, owner.principal, name=" Wick & Wax ", currency_code="EUR"
    )

    # then the change is stored and announced
    assert (updated.name, updated.currency_code) == ("Wick & Wax", "EUR")
    now = await organization_now(sessions, owner.organization_id)
    assert (now.name, now.currency_code) == ("Wick & Wax", "EUR")
    [event] = await events_of(sessions, owner.organization_id, "organization.updated")
    public_id = to_global_id("Organization", owner.organization_id)
    assert (event.entity_type, event.entity_id, event.sequence) == ("Organization", public_id, 1)
    assert event.payload == {
        "organization": {
            "id": public_id,
            "name": "Wick & Wax",
            "currencyCode": "EUR",
            "costMethod": "FIFO",
        },
        "changedFields": ["currencyCode", "name"],
    }
    assert await _currency(sessions, owner.organization_id) == "EUR"


async def test_the_cost_method_is_fifo_until_changed_to_average_and_back(
    sessions: Sessions,
) -> None:
    owner = await sign_up(sessions)
    assert (await organization_now(sessions, owner.organization_id)).cost_method == "FIFO"

    updated = await update_organization(sessions, owner.principal, cost_method="average")

    assert updated.cost_method == "AVERAGE"
    [event] = await events_of(sessions, owner.organization_id, "organization.updated")
    assert event.payload["changedFields"] == ["costMethod"]
    assert event.payload["organization"]["costMethod"] == "AVERAGE"
    await update_organization(sessions, owner.principal, cost_method="FIFO")
    assert (await organization_now(sessions, owner.organization_id)).cost_method == "FIFO"


async def test_an_update_that_changes_nothing_announces_nothing(sessions: Sessions) -> None:
    owner = await sign_up(sessions, organization_name="Lye & Lavender", currency_code="EUR")

    await update_organization(sessions, owner.principal, name="Lye & Lavender", currency_code="EUR")
    await update_organization(sessions, owner.principal)

    assert await events_of(sessions, owner.organization_id, "organization.updated") == []


async def test_once_stock_is_received_the_currency_is_locked_and_nothing_changes(
    sessions: Sessions,
) -> None:
    # given
    owner = await sign_up(sessions)
    await stocked_item(sessions, owner.principal)

    # when a change of currency comes with a new name
    problem = await refused(
        sessions,
        lambda session: organizations.update_organization(
            session, owner.principal, name="Wick & Wax", currency_code="EUR"
        ),
    )

    # then the whole update is refused
    assert (problem.code, problem.field) == ("CURRENCY_LOCKED", ("currency_code",))
    assert "USD" in problem.message
    now = await organization_now(sessions, owner.organization_id)
    assert (now.name, now.currency_code) == ("Lye & Lavender", "USD")
    assert await events_of(sessions, owner.organization_id, "organization.updated") == []

    # and the same currency again is no change, so the name alone may still change
    updated = await update_organization(
        sessions, owner.principal, name="Wick & Wax", currency_code="usd"
    )
    assert (updated.name, updated.currency_code) == ("Wick & Wax", "USD")
    [event] = await events_of(sessions, owner.organization_id, "organization.updated")
    assert event.payload["changedFields"] == ["name"]


async def test_stock_used_up_still_locks_the_currency_its_history_is_recorded_in(
    sessions: Sessions,
) -> None:
    owner = await sign_up(sessions)
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, "100", unit_cost="0.02")
    await adjust(sessions, owner.principal, item.id, "USE", "100")
    assert (await item_now(sessions, item.id)).stock_value == 0

    problem = await refused(
        sessions,
        lambda session: organizations.update_organization(
            session, owner.principal, currency_code="EUR"
        ),
    )

    assert problem.code == "CURRENCY_LOCKED"


async def test_another_organizations_stock_does_not_lock_ours(sessions: Sessions) -> None:
    theirs = await sign_up(sessions)
    await stocked_item(sessions, theirs.principal)
    ours = await sign_up(sessions)

    await update_organization(sessions, ours.principal, currency_code="CHF")

    assert await _currency(sessions, ours.organization_id) == "CHF"
    assert await _currency(sessions, theirs.organization_id) == "USD"
    assert await events_of(sessions, theirs.organization_id, "organization.updated") == []


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"name": "  "}, "BLANK", ("name",)),
        ({"name": "x" * 201}, "TOO_LONG", ("name",)),
        ({"currency_code": "EURO"}, "INVALID_CURRENCY", ("currency_code",)),
        ({"cost_method": "LIFO"}, "INVALID_COST_METHOD", ("cost_method",)),
    ],
)
async def test_a_bad_name_or_code_is_refused_naming_its_field(
    sessions: Sessions, changes: dict[str, str], code: str, field: tuple[str, ...]
) -> None:
    owner = await sign_up(sessions)

    problem = await refused(
        sessions,
        lambda session: organizations.update_organization(session, owner.principal, **changes),
    )

    assert (problem.code, problem.field) == (code, field)


async def test_owners_admins_and_keys_with_the_scope_manage_the_organization(
    sessions: Sessions,
) -> None:
    owner = await sign_up(sessions)
    admin = await add_member(sessions, owner.principal, role="admin")
    manager = await add_member(sessions, owner.principal, role="manager")
    key = await principal_of(
        sessions, await create_api_key(sessions, owner.principal, "organization.manage")
    )
    reader = await principal_of(
        sessions, await create_api_key(sessions, owner.principal, "organization.read")
    )

    for principal, code in [(admin.principal, "EUR"), (key, "GBP")]:
        await update_organization(sessions, principal, currency_code=code)
        assert await _currency(sessions, owner.organization_id) == code
    for refused_principal in (manager.principal, reader):
        with pytest.raises(PermissionDenied) as raised:
            await update_organization(sessions, refused_principal, name="Mine")
        assert raised.value.permission == "organization.manage"


# --- what every amount reports -----------------------------------------------------------


async def test_amounts_recorded_after_a_change_report_the_new_currency(
    sessions: Sessions,
) -> None:
    owner = await sign_up(sessions)
    await update_organization(sessions, owner.principal, currency_code="EUR")
    item = await stocked_item(sessions, owner.principal)

    async with unit_of_work(sessions, write=False) as session:
        found = await reports.effective_cost_per_unit(
            session,
            owner.principal,
            item_id=item.id,
            period_start=days_ago(30),
            period_end=days_ago(0),
        )

    assert found is not None
    assert (found.currency_code, found.spent) == ("EUR", Decimal(40))


# --- a receipt at the same moment (PostgreSQL) ---------------------------------------------


@pytest.fixture
async def pooled(
    backend: str, database_url: str, sessions: Sessions
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    if backend == "sqlite":
        pytest.skip("SQLite serialises writers: a receipt and a change cannot overlap")
    engine = create_engine(database_url, pool_size=4)
    yield create_session_factory(engine)
    await engine.dispose()


async def _wait_for_a_lock_wait(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Until another connection of this database is waiting for a row lock."""
    deadline = time.monotonic() + 10
    query = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    while True:
        async with sessions() as session:
            if await session.scalar(query):
                return
        assert time.monotonic() < deadline, "the currency change never waited"
        await asyncio.sleep(0.02)


async def _change_currency(sessions: async_sessionmaker[AsyncSession], who: Principal) -> None:
    async with unit_of_work(sessions) as session:
        await organizations.update_organization(session, who, currency_code="EUR")


async def test_a_change_waits_for_a_receipt_in_flight_and_then_sees_it(
    pooled: async_sessionmaker[AsyncSession], sessions: Sessions
) -> None:
    # given a receipt that has written its lot but not committed yet
    owner = await sign_up(sessions)
    item = await create_item(sessions, owner.principal)
    async with unit_of_work(pooled) as receiving:
        await stock.receive_inventory(
            receiving,
            owner.principal,
            item_id=item.id,
            quantity=QuantityInput(Decimal(100), "g"),
            unit_cost=Decimal("0.02"),
        )
        # when the currency changes meanwhile, it waits for the receipt
        change = asyncio.create_task(_change_currency(pooled, owner.principal))
        await _wait_for_a_lock_wait(pooled)
        assert not change.done()

    # then, the receipt committed, the change sees its lot and is refused
    with pytest.raises(UserInputError) as raised:
        await change
    assert raised.value.code == "CURRENCY_LOCKED"
    assert await _currency(sessions, owner.organization_id) == "USD"

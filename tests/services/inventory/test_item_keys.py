"""SKUs and barcodes: each names at most one item of an organization when set (trimmed,
compared exactly: case matters), held under concurrency by unique indexes; and the
lookups by SKU and barcode that connectors map shop products with."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import unit_of_work
from services.errors import PermissionDenied, UserInputError
from services.inventory import items
from services.inventory.items import MAX_SKUS, ItemFilter
from services.pagination import PageRequest
from services.permissions import Principal
from tests.services.accounts.givens import (
    Actor,
    Sessions,
    all_refusals,
    create_api_key,
    principal_of,
    refused,
    sign_up,
)
from tests.services.inventory.givens import (
    create_item,
    creating,
    event_count,
    item_now,
    update_item,
    updating,
)

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


async def _archive(sessions: Sessions, principal: Principal, item_id: int) -> None:
    async with unit_of_work(sessions) as session:
        await items.archive_item(session, principal, item_id=item_id)


# --- uniqueness ------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "code"), [("sku", "SKU_TAKEN"), ("barcode", "BARCODE_TAKEN")])
async def test_a_sku_or_barcode_names_one_item_of_an_organization(sessions, owner, key, code):
    # given
    await create_item(sessions, owner.principal, "Lavender soap", **{key: "LAV-100"})
    # when another item takes it, as given or with space around it
    for taken in ("LAV-100", "  LAV-100 "):
        problem = await refused(sessions, creating(owner.principal, "Rose soap", **{key: taken}))
        # then
        assert (problem.code, problem.field) == (code, (key,))
        assert "Lavender soap" in problem.message
    # but case matters, as on the shop platforms
    other_case = await create_item(sessions, owner.principal, "Rose soap", **{key: "lav-100"})
    assert getattr(other_case, key) == "lav-100"
    # and another organization has its own
    stranger = await sign_up(sessions)
    theirs = await create_item(sessions, stranger.principal, "Lavender soap", **{key: "LAV-100"})
    assert getattr(theirs, key) == "LAV-100"


async def test_a_sku_and_barcode_are_stored_trimmed_and_empty_means_none(sessions, owner):
    trimmed = await create_item(sessions, owner.principal, "Soap", sku=" LAV-1 ", barcode="\t40 ")
    assert (trimmed.sku, trimmed.barcode) == ("LAV-1", "40")
    # any number of items have neither
    for n, blank in enumerate([None, "", "   "]):
        item = await create_item(sessions, owner.principal, f"Jar {n}", sku=blank, barcode=blank)
        assert (item.sku, item.barcode) == (None, None)


async def test_an_update_may_not_take_another_items_sku_or_barcode(sessions, owner):
    # given
    await create_item(sessions, owner.principal, "Lavender soap", sku="LAV-100", barcode="4006")
    rose = await create_item(sessions, owner.principal, "Rose soap", sku="ROSE-1")
    events = await event_count(sessions)
    # when it would take both (and a name)
    problem = await refused(
        sessions, updating(owner.principal, rose.id, sku="LAV-100", barcode=" 4006")
    )
    changes = {"name": "LAVENDER SOAP", "sku": "LAV-100", "barcode": "4006"}
    problems = await all_refusals(sessions, updating(owner.principal, rose.id, **changes))
    # then each taken key is a problem of its own, and nothing changed
    assert (problem.code, problem.field) == ("SKU_TAKEN", ("sku",))
    assert [(p.code, p.field) for p in problems] == [
        ("NAME_TAKEN", ("name",)),
        ("SKU_TAKEN", ("sku",)),
        ("BARCODE_TAKEN", ("barcode",)),
    ]
    assert ((await item_now(sessions, rose.id)).sku, await event_count(sessions)) == (
        "ROSE-1",
        events,
    )
    # an item keeps its own SKU when given it again
    again = await update_item(sessions, owner.principal, rose.id, sku=" ROSE-1", barcode="4007")
    assert (again.sku, again.barcode) == ("ROSE-1", "4007")


async def test_an_archived_item_holds_its_sku_until_it_is_cleared(sessions, owner):
    # given
    old = await create_item(sessions, owner.principal, "Lavender soap v1", sku="LAV-100")
    await _archive(sessions, owner.principal, old.id)
    # when a new item takes the SKU
    problem = await refused(sessions, creating(owner.principal, "Lavender soap", sku="LAV-100"))
    assert problem.code == "SKU_TAKEN"
    # then it may once the archived item lets it go
    await update_item(sessions, owner.principal, old.id, sku=None)
    new = await create_item(sessions, owner.principal, "Lavender soap", sku="LAV-100")
    assert new.sku == "LAV-100"


@pytest.mark.parametrize("second_writer", ["creates", "updates"])
async def test_of_two_concurrent_writers_of_one_sku_the_second_gets_sku_taken(
    pooled, sessions, owner, second_writer
):
    """Both pass the check before either commits; the unique index makes the second wait
    for the first and then refuses it, reported like any taken SKU."""
    rose = await create_item(sessions, owner.principal, "Rose soap")
    second = (
        creating(owner.principal, "Lavender soap 2", sku="LAV-100")
        if second_writer == "creates"
        else updating(owner.principal, rose.id, sku="LAV-100")
    )
    async with unit_of_work(pooled) as first:
        await creating(owner.principal, "Lavender soap", sku="LAV-100")(first)
        # the first has written its row, not yet committed: the second does not see it
        refusal = asyncio.create_task(refused(pooled, second))
        await _until_a_writer_waits_for_a_lock(sessions, refusal)
    problem = await refusal
    assert (problem.code, problem.field) == ("SKU_TAKEN", ("sku",))
    assert (await item_now(sessions, rose.id)).sku is None


async def _until_a_writer_waits_for_a_lock(
    sessions: Sessions, writer: asyncio.Task[Any], within: float = 10.0
) -> None:
    deadline = time.monotonic() + within
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'"
    )
    while True:
        async with sessions() as session:
            if await session.scalar(waiting):
                return
        assert not writer.done(), "the second writer finished without waiting for the first"
        assert time.monotonic() < deadline, f"no writer waited for a lock within {within} s"
        await asyncio.sleep(0.01)


# --- lookups ---------------------------------------------------------------------------


async def _by_sku(sessions: Sessions, principal: Principal, sku: str) -> Any:
    async with unit_of_work(sessions, write=False) as session:
        return await items.get_item_by_sku(session, principal, sku=sku)


async def _names(sessions: Sessions, principal: Principal, **filters: Any) -> list[str]:
    async with unit_of_work(sessions, write=False) as session:
        page = await items.list_items(
            session, principal, filters=ItemFilter(**filters), page=PageRequest(first=250)
        )
    return [item.name for item in page.items]


async def test_an_item_is_found_by_its_exact_sku_archived_or_not(sessions, owner):
    # given
    lavender = await create_item(sessions, owner.principal, "Lavender soap", sku="LAV-100")
    old = await create_item(sessions, owner.principal, "Old soap", sku="OLD-1")
    await _archive(sessions, owner.principal, old.id)
    # then
    assert (await _by_sku(sessions, owner.principal, "LAV-100")).id == lavender.id
    assert (await _by_sku(sessions, owner.principal, " LAV-100\n")).id == lavender.id
    assert (await _by_sku(sessions, owner.principal, "OLD-1")).id == old.id
    for unknown in ("lav-100", "LAV-10", "NOPE", "", " "):
        assert await _by_sku(sessions, owner.principal, unknown) is None


async def test_another_organizations_sku_is_not_seen(sessions, owner):
    ours = await create_item(sessions, owner.principal, "Lavender soap", sku="LAV-100")
    stranger = await sign_up(sessions)
    theirs = await create_item(sessions, stranger.principal, "Their soap", sku="LAV-100")
    await create_item(sessions, stranger.principal, "Their rose", sku="ROSE-1", barcode="400")
    assert (await _by_sku(sessions, owner.principal, "LAV-100")).id == ours.id
    assert (await _by_sku(sessions, stranger.principal, "LAV-100")).id == theirs.id
    assert await _by_sku(sessions, owner.principal, "ROSE-1") is None
    assert await _names(sessions, owner.principal, skus=["ROSE-1", "LAV-100"]) == ["Lavender soap"]
    assert await _names(sessions, owner.principal, barcode="400") == []


async def test_reading_by_sku_needs_inventory_read(sessions, owner):
    await create_item(sessions, owner.principal, "Lavender soap", sku="LAV-100")
    token = await create_api_key(sessions, owner.principal, "units.read")
    units_only = await principal_of(sessions, token)
    for read in (
        lambda session: items.get_item_by_sku(session, units_only, sku="LAV-100"),
        lambda session: items.list_items(
            session, units_only, filters=ItemFilter(sku="LAV-100"), page=PageRequest()
        ),
    ):
        with pytest.raises(PermissionDenied) as raised:
            async with unit_of_work(sessions, write=False) as session:
                await read(session)
        assert raised.value.permission == "inventory.read"


async def test_items_are_listed_by_sku_skus_or_barcode(sessions, owner):
    # given
    await create_item(sessions, owner.principal, "Lavender soap", sku="LAV-100", barcode="4006")
    await create_item(sessions, owner.principal, "Rose soap", sku="ROSE-1", type="PRODUCT")
    old = await create_item(sessions, owner.principal, "Old soap", sku="OLD-1", barcode="4007")
    await _archive(sessions, owner.principal, old.id)
    await create_item(sessions, owner.principal, "Lye")
    some = ["OLD-1", " ROSE-1", "LAV-100", "LAV-100", "lav-100", "NOPE"]
    # then, in id order, each condition with the others
    assert await _names(sessions, owner.principal, sku=" LAV-100 ") == ["Lavender soap"]
    assert await _names(sessions, owner.principal, sku="lav-100") == []
    assert await _names(sessions, owner.principal, skus=some) == ["Lavender soap", "Rose soap"]
    assert await _names(sessions, owner.principal, skus=some, include_archived=True) == [
        "Lavender soap",
        "Rose soap",
        "Old soap",
    ]
    assert await _names(sessions, owner.principal, skus=some, type="PRODUCT") == ["Rose soap"]
    assert await _names(sessions, owner.principal, skus=some, sku="ROSE-1") == ["Rose soap"]
    assert await _names(sessions, owner.principal, barcode="4006 ") == ["Lavender soap"]
    assert await _names(sessions, owner.principal, barcode="4007", include_archived=True) == [
        "Old soap"
    ]
    # an empty SKU, list or barcode asks for items that have one of those: none
    nothings: list[dict[str, Any]] = [{"sku": ""}, {"skus": []}, {"skus": [" "]}, {"barcode": ""}]
    for nothing in nothings:
        assert await _names(sessions, owner.principal, **nothing) == [], nothing


async def test_at_most_250_skus_are_asked_for_at_once(sessions, owner):
    await create_item(sessions, owner.principal, "Lavender soap", sku="SKU-0")
    most = [f"SKU-{number}" for number in range(MAX_SKUS)]
    assert MAX_SKUS == 250
    assert await _names(sessions, owner.principal, skus=most) == ["Lavender soap"]
    with pytest.raises(UserInputError) as raised:
        await _names(sessions, owner.principal, skus=[*most, "SKU-250"])
    [problem] = raised.value.problems
    assert (problem.code, problem.field) == ("TOO_MANY", ("filter", "skus"))


async def test_skus_and_barcodes_have_partial_unique_indexes(
    sessions: async_sessionmaker[AsyncSession], backend: str
) -> None:
    """What keeps them unique under concurrency and makes the lookups cheap."""
    async with sessions() as session:
        connection = await session.connection()
        found = await connection.run_sync(lambda sync: inspect(sync).get_indexes("inventory_items"))
    indexes = {index["name"]: index for index in found}
    for key in ("sku", "barcode"):
        index = indexes[f"uq_inventory_items_org_{key}"]
        assert (bool(index["unique"]), index["column_names"]) == (True, ["organization_id", key])
        condition = index["dialect_options"][f"{backend}_where"]
        assert f"{key} IS NOT NULL" in str(condition)

"""Inventory items: creation rules, partial updates, the locked base unit, archiving,
permissions and tenancy."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.db import unit_of_work
from services.errors import PermissionDenied
from services.inventory import items, stock
from services.inventory.quantities import QuantityInput
from tests.services.accounts.givens import Actor, add_member, refused, sign_up
from tests.services.inventory.givens import (
    create_item,
    creating,
    events_of,
    global_item_id,
    receive,
    update_item,
    updating,
)

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


# --- creation --------------------------------------------------------------------------


async def test_an_item_is_created_with_its_settings_and_announced(sessions, owner):
    # when
    item = await create_item(
        sessions,
        owner.principal,
        " Olive oil ",
        base_unit="G",
        type="ingredient",
        density=Decimal("0.91"),
        low_stock_threshold=Decimal("500"),
        shelf_life_days=365,
        sku="OO-1",
    )
    # then
    assert (item.name, item.name_key, item.type, item.base_unit) == (
        "Olive oil",
        "olive oil",
        "INGREDIENT",
        "g",
    )
    assert (item.quantity_precision, item.density, item.low_stock_threshold) == (
        3,
        Decimal("0.91"),
        Decimal(500),
    )
    assert (item.on_hand, item.reserved, item.stock_value) == (Decimal(0), Decimal(0), Decimal(0))
    [event] = await events_of(sessions, owner.organization_id, "inventory.item.created")
    assert (event.entity_type, event.entity_id, event.sequence) == (
        "InventoryItem",
        global_item_id(item),
        1,
    )
    assert event.payload["item"]["name"] == "Olive oil"


async def test_names_are_unique_per_organization_ignoring_case(sessions, owner):
    # given
    await create_item(sessions, owner.principal, "Olive Oil")
    # when another item takes the same name in another case
    problem = await refused(sessions, creating(owner.principal, "  olive OIL"))
    # then
    assert (problem.code, problem.field) == ("NAME_TAKEN", ("name",))
    # and another organization may use it
    other = await sign_up(sessions)
    assert (await create_item(sessions, other.principal, "OLIVE OIL")).name == "OLIVE OIL"


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"base_unit": "furlong"}, "UNKNOWN_UNIT", ("base_unit",)),
        ({"quantity_precision": -1}, "OUT_OF_RANGE", ("quantity_precision",)),
        ({"quantity_precision": 7}, "OUT_OF_RANGE", ("quantity_precision",)),
        ({"density": Decimal(0)}, "NOT_POSITIVE", ("density",)),
        ({"density": Decimal("-0.9")}, "NOT_POSITIVE", ("density",)),
        ({"density": Decimal("0.0000000001")}, "TOO_PRECISE", ("density",)),
        ({"density": Decimal(1000)}, "OUT_OF_RANGE", ("density",)),
        ({"type": "GADGET"}, "INVALID_TYPE", ("type",)),
        ({"name": "   "}, "BLANK", ("name",)),
        (
            {"low_stock_threshold": Decimal("0.0001")},
            "QUANTITY_TOO_PRECISE",
            ("low_stock_threshold",),
        ),
        ({"costing_method": "LIFO"}, "INVALID_COSTING_METHOD", ("costing_method",)),
    ],
)
async def test_invalid_settings_are_refused(sessions, owner, values, code, field):
    problem = await refused(sessions, creating(owner.principal, **values))
    assert (problem.code, problem.field) == (code, field)


async def test_precision_bounds_are_inclusive(sessions, owner):
    whole = await create_item(sessions, owner.principal, "Jars", quantity_precision=0)
    finest = await create_item(sessions, owner.principal, "Fragrance", quantity_precision=6)
    assert (whole.quantity_precision, finest.quantity_precision) == (0, 6)


async def test_a_custom_unit_cannot_be_a_base_unit(sessions, owner):
    from tests.services.units.givens import define

    await define(sessions, owner.principal, "scoop", "30", "g")
    problem = await refused(sessions, creating(owner.principal, base_unit="scoop"))
    assert problem.code == "UNKNOWN_UNIT"


# --- updates ---------------------------------------------------------------------------


async def test_an_update_changes_only_the_provided_fields_and_names_them(sessions, owner):
    # given
    item = await create_item(
        sessions, owner.principal, sku="OO-1", barcode="400123", density=Decimal("0.91")
    )
    # when
    updated = await update_item(
        sessions,
        owner.principal,
        item.id,
        sku="OO-2",
        low_stock_threshold=Decimal(250),
        barcode="400123",  # provided but unchanged: not reported
    )
    # then
    assert (updated.sku, updated.low_stock_threshold) == ("OO-2", Decimal(250))
    assert (updated.name, updated.barcode, updated.density) == (
        "Olive oil",
        "400123",
        Decimal("0.91"),
    )
    [event] = await events_of(sessions, owner.organization_id, "inventory.item.updated")
    assert event.payload["changedFields"] == ["lowStockThreshold", "sku"]
    assert event.sequence == 2


async def test_an_update_may_clear_an_optional_field(sessions, owner):
    item = await create_item(sessions, owner.principal, sku="OO-1", density=Decimal("0.91"))
    updated = await update_item(sessions, owner.principal, item.id, sku=None, density=None)
    assert (updated.sku, updated.density) == (None, None)


async def test_an_update_that_changes_nothing_announces_nothing(sessions, owner):
    item = await create_item(sessions, owner.principal, sku="OO-1")
    await update_item(sessions, owner.principal, item.id, name="Olive oil", sku="OO-1")
    assert await events_of(sessions, owner.organization_id, "inventory.item.updated") == []


async def test_a_rename_to_another_items_name_is_refused(sessions, owner):
    await create_item(sessions, owner.principal, "Shea butter")
    item = await create_item(sessions, owner.principal, "Olive oil")
    problem = await refused(sessions, updating(owner.principal, item.id, name="SHEA BUTTER"))
    assert problem.code == "NAME_TAKEN"
    # a change of case of its own name is fine
    renamed = await update_item(sessions, owner.principal, item.id, name="Olive Oil")
    assert renamed.name == "Olive Oil"


async def test_the_base_unit_is_locked_once_the_item_has_lots(sessions, owner):
    # given an item without stock: its base unit may still change
    item = await create_item(sessions, owner.principal, base_unit="g")
    assert (await update_item(sessions, owner.principal, item.id, base_unit="ml")).base_unit == "ml"
    # when it has received a lot
    await receive(sessions, owner.principal, item.id, "100", "ml", total_cost="5")
    problem = await refused(sessions, updating(owner.principal, item.id, base_unit="g"))
    # then
    assert (problem.code, problem.field) == ("BASE_UNIT_LOCKED", ("base_unit",))
    # naming the same unit again is not a change
    assert (await update_item(sessions, owner.principal, item.id, base_unit="ML")).base_unit == "ml"


# --- archiving -------------------------------------------------------------------------


async def test_an_archived_item_keeps_its_stock_but_takes_no_receipts(sessions, owner):
    # given
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, "100", total_cost="5")
    # when
    async with unit_of_work(sessions) as session:
        archived = await items.archive_item(session, owner.principal, item_id=item.id)
    # then
    assert archived.archived_at is not None
    assert archived.on_hand == 100
    problem = await refused(
        sessions,
        lambda session: stock.receive_inventory(
            session,
            owner.principal,
            item_id=item.id,
            quantity=QuantityInput(Decimal(1), "g"),
            total_cost=Decimal(1),
        ),
    )
    assert problem.code == "ITEM_ARCHIVED"
    [event] = await events_of(sessions, owner.organization_id, "inventory.item.updated")
    assert event.payload["changedFields"] == ["archived"]
    # and archiving again changes nothing
    async with unit_of_work(sessions) as session:
        again = await items.archive_item(session, owner.principal, item_id=item.id)
    assert again.archived_at == archived.archived_at
    assert len(await events_of(sessions, owner.organization_id, "inventory.item.updated")) == 1


# --- permissions and tenancy -----------------------------------------------------------


async def test_a_viewer_can_read_items_but_not_create_update_or_archive_them(sessions, owner):
    item = await create_item(sessions, owner.principal)
    viewer = await add_member(sessions, owner.principal, role="viewer")
    async with unit_of_work(sessions, write=False) as session:
        assert await items.get_item(session, viewer.principal, item_id=item.id) is not None
    for step in (
        creating(viewer.principal, "Shea butter"),
        updating(viewer.principal, item.id, sku="X"),
        lambda session: items.archive_item(session, viewer.principal, item_id=item.id),
    ):
        with pytest.raises(PermissionDenied) as raised:
            async with unit_of_work(sessions) as session:
                await step(session)
        assert raised.value.permission == "inventory.manage"


async def test_another_organizations_item_behaves_as_if_it_did_not_exist(sessions, owner):
    item = await create_item(sessions, owner.principal)
    stranger = await sign_up(sessions)
    async with unit_of_work(sessions, write=False) as session:
        assert await items.get_item(session, stranger.principal, item_id=item.id) is None
    update = await refused(sessions, updating(stranger.principal, item.id, sku="X"))
    archiving = await refused(
        sessions, lambda session: items.archive_item(session, stranger.principal, item_id=item.id)
    )
    assert (update.code, update.field) == ("NOT_FOUND", ("id",))
    assert (archiving.code, archiving.field) == ("NOT_FOUND", ("id",))

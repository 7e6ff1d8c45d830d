"""Custom units: definitions, chains, names, tenancy and permissions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.db import unit_of_work
from services.errors import PermissionDenied
from services.units import service
from services.units.catalog import Dimension
from tests.services.accounts.givens import (
    Actor,
    add_member,
    create_api_key,
    principal_of,
    refused,
    sign_up,
)
from tests.services.units.givens import convert, define

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


def _create(principal, name: str, amount: str, unit: str):
    def step(session):
        return service.create_custom_unit(
            session, principal, name=name, amount=Decimal(amount), unit=unit
        )

    return step


async def test_a_custom_unit_stores_its_flattened_factor_and_its_definition(sessions, owner):
    scoop = await define(sessions, owner.principal, "Scoop", "30", "g")
    async with unit_of_work(sessions, write=False) as session:
        stored = await service.get_custom_unit(session, owner.principal, custom_unit_id=scoop.id)
    assert stored is not None
    assert (stored.name, stored.dimension, stored.factor) == ("Scoop", "weight", Decimal(30))
    assert (stored.defined_as_amount, stored.defined_as_unit) == (Decimal(30), "g")
    assert (stored.created_by_user_id, stored.created_by_api_key_id) == (owner.user_id, None)
    assert stored.created_at.tzinfo is not None


async def test_custom_units_convert_both_ways(sessions, owner):
    await define(sessions, owner.principal, "drop", "0.05", "ml")
    to_ml = await convert(sessions, owner.principal, "20", "drop", "ml")
    assert (to_ml.amount, to_ml.exact) == (Decimal(1), True)
    to_drops = await convert(sessions, owner.principal, "1", "tsp", "DROP")
    assert (to_drops.amount, to_drops.unit, to_drops.exact) == (
        Decimal("98.578431875"),
        "drop",
        True,
    )


async def test_a_chain_of_custom_units_converts_both_ways(sessions, owner):
    # given scoop = 30 g, pinch = 0.5 scoop and batch = 3 kg
    await define(sessions, owner.principal, "scoop", "30", "g")
    pinch = await define(sessions, owner.principal, "pinch", "0.5", "Scoop")
    await define(sessions, owner.principal, "batch", "3", "kg")
    assert (pinch.factor, pinch.defined_as_unit, pinch.dimension) == (
        Decimal(15),
        "scoop",
        "weight",
    )
    # then a chain converts through the base unit in both directions
    assert (await convert(sessions, owner.principal, "3", "pinch", "g")).amount == 45
    assert (await convert(sessions, owner.principal, "45", "g", "pinch")).amount == 3
    assert (await convert(sessions, owner.principal, "4", "pinch", "scoop")).amount == 2
    per_batch = await convert(sessions, owner.principal, "1", "batch", "pinch")
    assert (per_batch.amount, per_batch.exact) == (Decimal(200), True)
    back = await convert(sessions, owner.principal, "1", "pinch", "batch")
    assert (str(back.amount), back.exact) == ("0.005", True)
    in_pounds = await convert(sessions, owner.principal, "1", "pinch", "lb")
    assert (str(in_pounds.amount), in_pounds.exact) == ("0.033069339", False)


async def test_a_custom_unit_converts_across_weight_and_volume_with_a_density(sessions, owner):
    await define(sessions, owner.principal, "scoop", "30", "g")
    result = await convert(sessions, owner.principal, "1", "scoop", "ml", density="1.2")
    assert (result.amount, result.exact) == (Decimal(25), True)


async def test_names_may_not_shadow_built_in_units(sessions, owner):
    for name in ["g", "KG", " fl_oz ", "Dozen"]:
        problem = await refused(sessions, _create(owner.principal, name, "1", "g"))
        assert (problem.code, problem.field) == ("SHADOWS_BUILT_IN", ("name",))


async def test_names_are_unique_per_organization_ignoring_case(sessions, owner):
    await define(sessions, owner.principal, "Scoop", "30", "g")
    problem = await refused(sessions, _create(owner.principal, "scoop", "40", "g"))
    assert (problem.code, problem.field) == ("NAME_TAKEN", ("name",))
    # another organization may use the same name
    other = await sign_up(sessions)
    assert (await define(sessions, other.principal, "SCOOP", "1", "oz")).factor == Decimal(
        "28.349523125"
    )


@pytest.mark.parametrize(
    ("name", "amount", "unit", "code", "field"),
    [
        ("  ", "1", "g", "BLANK", ("name",)),
        ("x" * 51, "1", "g", "TOO_LONG", ("name",)),
        ("scoop", "0", "g", "NOT_POSITIVE", ("defined_as", "amount")),
        ("scoop", "-3", "g", "NOT_POSITIVE", ("defined_as", "amount")),
        ("scoop", "0.000000000001", "g", "TOO_PRECISE", ("defined_as", "amount")),
        ("scoop", "10000000", "g", "OUT_OF_RANGE", ("defined_as", "amount")),
        ("scoop", "1", "furlong", "UNKNOWN_UNIT", ("defined_as", "unit")),
        # 0.01 tsp = 0.0492892159375 ml: 13 fractional digits do not fit the factor
        ("drop", "0.01", "tsp", "TOO_PRECISE", ("defined_as", "amount")),
        # 3000 gal is more than 10^7 ml
        ("tank", "3000", "gal", "OUT_OF_RANGE", ("defined_as", "amount")),
    ],
)
async def test_invalid_definitions_are_refused(sessions, owner, name, amount, unit, code, field):
    problem = await refused(sessions, _create(owner.principal, name, amount, unit))
    assert (problem.code, problem.field) == (code, field)


async def test_a_factor_that_does_not_fit_says_what_it_would_be(sessions, owner):
    problem = await refused(sessions, _create(owner.principal, "drop", "0.01", "tsp"))
    assert problem.message.startswith('"drop" would be 0.0492892159375 ml, which does not fit')


async def test_the_number_of_custom_units_is_capped(sessions, owner, monkeypatch):
    monkeypatch.setattr(service, "MAX_CUSTOM_UNITS", 2)
    await define(sessions, owner.principal, "a", "1", "g")
    await define(sessions, owner.principal, "b", "1", "g")
    problem = await refused(sessions, _create(owner.principal, "c", "1", "g"))
    assert problem.code == "LIMIT_REACHED"


async def test_another_organizations_custom_unit_behaves_as_if_it_did_not_exist(sessions, owner):
    # given a unit in the owner's organization
    scoop = await define(sessions, owner.principal, "scoop", "30", "g")
    stranger = await sign_up(sessions)
    # then the stranger can neither fetch, list, convert with nor build on it
    async with unit_of_work(sessions, write=False) as session:
        found = await service.get_custom_unit(session, stranger.principal, custom_unit_id=scoop.id)
        listed = await service.list_units(session, stranger.principal)
    assert found is None
    assert "scoop" not in [unit.name for unit in listed]
    converting = await refused(
        sessions,
        lambda session: service.convert_quantity(
            session, stranger.principal, amount=Decimal(1), from_unit="scoop", to_unit="g"
        ),
    )
    assert (converting.code, converting.field) == ("UNKNOWN_UNIT", ("quantity", "unit"))
    building = await refused(sessions, _create(stranger.principal, "pinch", "1", "scoop"))
    assert building.code == "UNKNOWN_UNIT"


async def test_listing_shows_the_organizations_custom_units_after_the_built_ins(sessions, owner):
    await define(sessions, owner.principal, "scoop", "30", "g")
    await define(sessions, owner.principal, "Drop", "0.05", "ml")
    async with unit_of_work(sessions, write=False) as session:
        listed = await service.list_units(session, owner.principal)
        volumes = await service.list_units(session, owner.principal, dimension=Dimension.VOLUME)
    assert [unit.name for unit in listed][-2:] == ["Drop", "scoop"]
    assert [unit.name for unit in volumes][-1] == "Drop"
    assert "scoop" not in [unit.name for unit in volumes]


async def test_a_viewer_can_convert_but_not_create(sessions, owner):
    viewer = await add_member(sessions, owner.principal, role="viewer")
    await define(sessions, owner.principal, "scoop", "30", "g")
    assert (await convert(sessions, viewer.principal, "2", "scoop", "g")).amount == 60
    with pytest.raises(PermissionDenied) as raised:
        await define(sessions, viewer.principal, "pinch", "1", "g")
    assert raised.value.permission == "units.manage"


async def test_a_manager_can_create(sessions, owner):
    manager = await add_member(sessions, owner.principal, role="manager")
    created = await define(sessions, manager.principal, "scoop", "30", "g")
    assert created.created_by_user_id == manager.user_id


async def test_an_api_key_creates_with_its_scope_and_is_recorded_as_creator(sessions, owner):
    token = await create_api_key(sessions, owner.principal, "units.read", "units.manage")
    assert isinstance(token, str)
    key = await principal_of(sessions, token)
    created = await define(sessions, key, "scoop", "30", "g")
    assert (created.created_by_user_id, created.created_by_api_key_id) == (None, key.api_key_id)
    read_only = await principal_of(
        sessions, str(await create_api_key(sessions, owner.principal, "units.read"))
    )
    with pytest.raises(PermissionDenied):
        await define(sessions, read_only, "pinch", "1", "g")


async def test_reading_needs_units_read(sessions, owner):
    key = await principal_of(
        sessions, str(await create_api_key(sessions, owner.principal, "members.read"))
    )
    with pytest.raises(PermissionDenied):
        await convert(sessions, key, "1", "kg", "g")
    async with unit_of_work(sessions, write=False) as session:
        with pytest.raises(PermissionDenied):
            await service.list_units(session, key)

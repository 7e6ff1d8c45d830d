"""The event catalog documents what is really written: every event the services produce
validates against its type's schema (undeclared fields refused too), and every example
validates against its own schema."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from services.billing.accounts import account_for, apply_remote, record_payment_failure
from services.billing.models import SubscriptionStatus
from services.billing.standing import BillingPolicy
from services.billing.stripe_gateway import RemoteSubscription
from services.db import unit_of_work, utcnow
from services.inventory import stock
from services.inventory.models import ChangeType, ItemType, ReservationStatus
from services.inventory.payloads import decimal_string
from services.recipes.models import RecipeKind, RecipeStatus
from services.webhooks import deliveries, endpoints
from services.webhooks.catalog import EVENT_TYPES, TEST_EVENT
from services.webhooks.payload_schemas import (
    CHANGE_TYPES,
    DECIMAL_PATTERN,
    DIALECT,
    ITEM_TYPES,
    RECIPE_KINDS,
    RECIPE_STATUSES,
    RESERVATION_STATUSES,
    SUBSCRIPTION_STATUSES,
)
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from tests.json_schema_subset import errors
from tests.services.accounts.givens import sign_up, update_organization
from tests.services.batches.givens import (
    cancelling,
    failing,
    finishing,
    splitting,
    start_batch,
)
from tests.services.batches.givens import run as run_batch
from tests.services.inventory.givens import (
    adjust,
    create_item,
    days_ago,
    events_of,
    expire_due,
    fulfil,
    receive,
    release,
    reserve,
    update_item,
)
from tests.services.recipes.givens import (
    archiving,
    create_recipe,
    kitchen,
    promoting,
    publish,
    run,
    soap_recipe,
    trying,
    update_recipe,
)

pytestmark = [pytest.mark.webhooks, pytest.mark.inventory, pytest.mark.recipes]


def test_every_type_has_a_schema_and_an_example_that_fits_it():
    for name, event_type in EVENT_TYPES.items():
        assert event_type.data_schema["$schema"] == DIALECT, name
        assert event_type.data_schema["type"] == "object", name
        assert event_type.example, name
        assert errors(event_type.data_schema, event_type.example, strict=True) == [], name


def _decimal_fields(schema: dict[str, Any], path: str = "$") -> Iterator[tuple[str, Any, Any]]:
    """(path, schema, the enclosing object's properties) of every decimal in a schema."""
    properties = schema.get("properties", {})
    for name, field in properties.items():
        if field.get("pattern") == DECIMAL_PATTERN:
            yield f"{path}.{name}", field, properties
        yield from _decimal_fields(field, f"{path}.{name}")
    if "items" in schema:
        yield from _decimal_fields(schema["items"], f"{path}[]")


def test_every_decimal_in_a_payload_is_a_quantity_s_amount_or_money():
    for name, event_type in EVENT_TYPES.items():
        for path, field, siblings in _decimal_fields(event_type.data_schema):
            is_amount = path.endswith(".amount") and set(siblings) == {"amount", "unit"}
            is_money = "In the organization's currency" in field["description"]
            assert is_amount or is_money, (name, path)


def _quantities(value: Any) -> Iterator[dict[str, str]]:
    if isinstance(value, dict):
        if set(value) == {"amount", "unit"}:
            yield value
        for item in value.values():
            yield from _quantities(item)
    elif isinstance(value, list):
        for item in value:
            yield from _quantities(item)


def test_the_schemas_enums_are_the_models():
    assert [kind.value for kind in ItemType] == ITEM_TYPES
    assert [kind.value for kind in ChangeType] == CHANGE_TYPES
    assert [status.value for status in ReservationStatus] == RESERVATION_STATUSES
    assert [kind.value for kind in RecipeKind] == RECIPE_KINDS
    assert [status.value for status in RecipeStatus] == RECIPE_STATUSES
    assert [status.value for status in SubscriptionStatus] == SUBSCRIPTION_STATUSES


async def test_real_events_validate_against_the_catalog(sessions):
    # given an organization, renamed and set in euros, whose stock then goes through every
    # kind of inventory event
    owner = await sign_up(sessions)
    principal = owner.principal
    await update_organization(sessions, principal, name="Wick & Wax", currency_code="EUR")
    item = await create_item(
        sessions, principal, low_stock_threshold=Decimal(500), sku="OIL-1", perishable=True
    )
    await update_item(sessions, principal, item.id, name="Extra virgin olive oil")
    await receive(
        sessions,
        principal,
        item.id,
        "200",
        unit_cost="0.01",
        received_at=days_ago(30),
        expires_at=days_ago(1),
        vendor="Oils Ltd",
    )
    await receive(sessions, principal, item.id, "1", "kg", total_cost="12.5")
    await adjust(sessions, principal, item.id, "USE", "250.5")
    tomorrow = utcnow() + timedelta(days=1)
    held = await reserve(sessions, principal, item.id, "300", order="#1001", expires_at=tomorrow)
    await fulfil(sessions, principal, held.id, "120.5")
    await fulfil(sessions, principal, held.id)
    async with unit_of_work(sessions) as session:
        await stock.write_off_expired_lots(session, principal)
    released = await reserve(sessions, principal, item.id, "0.1", "kg", order="#1002")
    await release(sessions, principal, released.id)
    await reserve(sessions, principal, item.id, "25", order="#1003", expires_at=tomorrow)
    await expire_due(sessions, at=tomorrow)
    await reserve(sessions, principal, item.id, "40", order="#1004")
    await adjust(sessions, principal, item.id, "SPOIL", "449.5")  # all there is
    # and a recipe is made, published, tested, promoted, edited and archived
    k = await kitchen(sessions, principal)
    recipe = await create_recipe(sessions, principal, **soap_recipe(k))
    await publish(sessions, principal, recipe.id)
    trial = await run(sessions, trying(principal, recipe.id, None, portioning=None))
    await run(sessions, promoting(principal, trial.id))
    await update_recipe(sessions, principal, recipe.id, notes="Cure eight weeks.")
    # and a batch of it is started before it is archived
    await receive(sessions, principal, k.olive_oil.id, "700", total_cost="7")
    await receive(sessions, principal, k.lye.id, "90", total_cost="4.5")
    await receive(sessions, principal, k.wrapper.id, "8", "each", total_cost="0.8")
    finished = await start_batch(sessions, principal, recipe.id, factor="0.5")
    await receive(sessions, principal, k.lavender.id, "10", "ml", total_cost="2")
    await run_batch(
        sessions,
        splitting(principal, finished.batch.id, ("Lavender", "40", [(k.lavender.id, "10", "ml")])),
    )
    await run_batch(sessions, finishing(principal, finished.batch.id, "280"))
    cancelled = await start_batch(sessions, principal, recipe.id, factor="0.25")
    await run_batch(sessions, cancelling(principal, cancelled.batch.id))
    failed = await start_batch(sessions, principal, recipe.id, factor="0.25")
    await run_batch(sessions, failing(principal, failed.batch.id, "Seized"))
    await run(sessions, archiving(principal, recipe.id))
    async with unit_of_work(sessions) as session:
        created = await endpoints.create_endpoint(
            session,
            principal,
            url="https://8.8.8.8/hooks",
            event_types=["inventory.*"],
            description=None,
            policy=TargetPolicy(),
            box=SecretBox("test"),
        )
        await deliveries.send_test(session, principal, endpoint_id=created.endpoint.id)

    # and the organization subscribes to Team, then a payment fails (as Stripe reports)
    async with unit_of_work(sessions) as session:
        account = await account_for(session, owner.organization_id)
        policy = BillingPolicy(configured=True)
        remote = RemoteSubscription(
            id="sub_1",
            customer="cus_1",
            status="past_due",
            items=(("batchtrack_team_monthly", 1),),
            current_period_end=utcnow() + timedelta(days=30),
            cancel_at_period_end=False,
            organization_id=owner.organization_id,
        )
        await apply_remote(session, account, remote, policy)
        await record_payment_failure(session, account, policy, "in_1")

    # when the log is read back
    events = await events_of(sessions, owner.organization_id)

    # then every catalog type was produced, and every payload fits its type's schema
    assert {event.type for event in events} == set(EVENT_TYPES)
    for event in events:
        schema = EVENT_TYPES[event.type].data_schema
        assert errors(schema, event.payload, strict=True) == [], (event.type, event.payload)
    # and every quantity is written as the GraphQL API writes it: an inventory event's in
    # the item's base unit, a recipe's as the maker entered it
    quantities = [q for event in events for q in _quantities(event.payload)]
    assert all(q["amount"] == decimal_string(Decimal(q["amount"])) for q in quantities)
    for event in events:
        if event.type.startswith("inventory."):
            units = {q["unit"] for q in _quantities(event.payload)}
            assert units == {event.payload["item"]["baseUnit"]}, event.payload
    recipes = [q for e in events if e.type.startswith("recipe.") for q in _quantities(e.payload)]
    assert {q["unit"] for q in recipes} == {"g", "kg", "each"}
    assert any(event.type == TEST_EVENT for event in events)

"""Givens for the batch service tests: a soap maker's kitchen with stock, steps that
start and change batches in their own committed transactions (as one API request does),
and the state read back, the inventory invariant included."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches import closing, queries, start
from services.batches import finishing as finishing_service
from services.batches import splitting as split_service
from services.batches.finishing import ContainerFill
from services.batches.models import Batch, BatchDraw, BatchLine
from services.batches.splitting import VariationInput
from services.batches.start import AddedLine, Started
from services.db import unit_of_work
from services.inventory.quantities import QuantityInput
from services.inventory.verify import verify_inventory
from services.permissions import Principal
from services.recipes.costing import ScaleRequest
from tests.services.accounts.givens import Sessions

Step = Callable[[AsyncSession], Awaitable[Any]]


def starting(
    principal: Principal,
    recipe_id: int,
    *,
    factor: str | None = None,
    target: tuple[str, str] | None = None,
    force: bool = False,
) -> Step:
    request = ScaleRequest(
        recipe_id,
        factor=Decimal(factor) if factor is not None else None,
        target_yield=QuantityInput(Decimal(target[0]), target[1]) if target else None,
    )
    return lambda session: start.start_batch(session, principal, request=request, force=force)


async def start_batch(
    sessions: Sessions, principal: Principal, recipe_id: int, **options: Any
) -> Started:
    async with unit_of_work(sessions) as session:
        started: Started = await starting(principal, recipe_id, **options)(session)
        return started


def adding(
    principal: Principal, batch_id: int, *lines: tuple[int, str, str], force: bool = False
) -> Step:
    given = [AddedLine(item, QuantityInput(Decimal(amount), unit)) for item, amount, unit in lines]
    return lambda session: start.add_batch_ingredients(
        session, principal, batch_id=batch_id, lines=given, force=force
    )


def cancelling(principal: Principal, batch_id: int) -> Step:
    return lambda session: closing.cancel_batch(session, principal, batch_id=batch_id)


def failing(principal: Principal, batch_id: int, reason: str) -> Step:
    return lambda session: closing.fail_batch(session, principal, batch_id=batch_id, reason=reason)


def finishing(
    principal: Principal,
    batch_id: int,
    amount: str,
    unit: str = "g",
    *,
    portions: int | None = None,
    containers: Sequence[tuple[int, int]] = (),
) -> Step:
    fills = [ContainerFill(item_id, count) for item_id, count in containers]
    return lambda session: finishing_service.finish_batch(
        session,
        principal,
        batch_id=batch_id,
        actual_yield=QuantityInput(Decimal(amount), unit),
        portions=portions,
        containers=fills,
    )


def splitting(
    principal: Principal, batch_id: int, *variations: tuple[str, str, list[tuple[int, str, str]]]
) -> Step:
    """Variations as (name, percentage, [(item, amount, unit) added])."""
    given = [
        VariationInput(
            name,
            Decimal(percentage),
            [AddedLine(item, QuantityInput(Decimal(amount), unit)) for item, amount, unit in added],
        )
        for name, percentage, added in variations
    ]
    return lambda session: split_service.split_batch(
        session, principal, batch_id=batch_id, variations=given
    )


async def run(sessions: Sessions, step: Step) -> Any:
    async with unit_of_work(sessions) as session:
        return await step(session)


async def batch_now(sessions: Sessions, batch_id: int) -> Batch:
    async with unit_of_work(sessions, write=False) as session:
        return await session.get_one(Batch, batch_id)


async def lines_now(sessions: Sessions, principal: Principal, batch_id: int) -> list[BatchLine]:
    async with unit_of_work(sessions, write=False) as session:
        return (await queries.lines_of(session, principal, [batch_id]))[batch_id]


async def draws_now(
    sessions: Sessions, principal: Principal, batch_id: int
) -> list[tuple[int, Decimal, Decimal]]:
    """(lot, quantity, value) of each draw of the batch, in order."""
    async with unit_of_work(sessions, write=False) as session:
        found: Sequence[BatchDraw] = (await queries.draws_of(session, principal, [batch_id]))[
            batch_id
        ]
        return [(draw.lot_id, draw.quantity, draw.value) for draw in found]


async def batch_count(sessions: Sessions) -> int:
    async with unit_of_work(sessions, write=False) as session:
        return len(list(await session.scalars(select(Batch.id))))


async def assert_inventory_consistent(sessions: Sessions, organization_id: int) -> None:
    """verify-inventory: every item's totals equal its open lots' and its ledger's."""
    async with unit_of_work(sessions, write=False) as session:
        assert await verify_inventory(session, organization_id=organization_id) == []

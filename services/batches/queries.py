"""Reading batches, always within the caller's organization: one batch, lists, and
(batched, for many batches at once) their lines, draws, steps and outputs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches.models import Batch, BatchDraw, BatchLine, BatchOutput, BatchStep
from services.errors import NotFound
from services.inventory.models import InventoryItem
from services.pagination import Page, PageRequest, paginate
from services.permissions import Principal, require_permission

Row = TypeVar("Row", BatchLine, BatchDraw, BatchStep, BatchOutput)


def readable(principal: Principal | None) -> Select[Batch]:
    """The caller's organization's batches: where every batch read starts."""
    acting = require_permission(principal, "batches.read")
    return select(Batch).where(Batch.organization_id == acting.organization_id)


async def get_batch(
    session: AsyncSession, principal: Principal | None, *, batch_id: int
) -> Batch | None:
    return await session.scalar(readable(principal).where(Batch.id == batch_id))


async def batches_by_id(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, Batch]:
    if not batch_ids:
        return {}
    rows = await session.scalars(readable(principal).where(Batch.id.in_(set(batch_ids))))
    return {batch.id: batch for batch in rows}


async def lock_batch(
    session: AsyncSession, acting: Principal, batch_id: int, field: Sequence[str] = ("id",)
) -> Batch:
    """The batch, row-locked and reloaded: its writers (add, split, finish, cancel, fail)
    follow one another."""
    found = await session.scalar(
        select(Batch)
        .where(Batch.organization_id == acting.organization_id, Batch.id == batch_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if found is None:
        raise NotFound("batch", field)
    return found


async def output_unit(session: AsyncSession, batch: Batch) -> str:
    """The base unit of the batch's output item, which its yields are in."""
    unit = await session.scalar(
        select(InventoryItem.base_unit).where(InventoryItem.id == batch.output_item_id)
    )
    assert unit is not None
    return unit


@dataclass(frozen=True)
class BatchFilter:
    status: str | None = None
    recipe_id: int | None = None
    output_item_id: int | None = None
    # Variations of splits are listed under their parents unless asked for.
    include_variations: bool = False


async def list_batches(
    session: AsyncSession, principal: Principal | None, *, filters: BatchFilter, page: PageRequest
) -> Page[Batch]:
    statement = readable(principal)
    if filters.status is not None:
        statement = statement.where(Batch.status == filters.status)
    if filters.recipe_id is not None:
        statement = statement.where(Batch.recipe_id == filters.recipe_id)
    if filters.output_item_id is not None:
        statement = statement.where(Batch.output_item_id == filters.output_item_id)
    if not filters.include_variations:
        statement = statement.where(Batch.parent_batch_id.is_(None))
    return await paginate(session, statement, Batch.id, page)


async def _rows_of(
    session: AsyncSession,
    principal: Principal | None,
    model: type[Row],
    batch_ids: Sequence[int],
) -> dict[int, list[Row]]:
    acting = require_permission(principal, "batches.read")
    grouped: dict[int, list[Row]] = defaultdict(list)
    if batch_ids:
        column: Any = model.batch_id
        order: Any = getattr(model, "position", model.id)
        rows = await session.scalars(
            select(model)
            .where(model.organization_id == acting.organization_id, column.in_(set(batch_ids)))
            .order_by(column, order, model.id)
        )
        for row in rows:
            grouped[row.batch_id].append(row)
    return {key: grouped.get(key, []) for key in batch_ids}


async def lines_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[BatchLine]]:
    return await _rows_of(session, principal, BatchLine, batch_ids)


async def draws_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[BatchDraw]]:
    return await _rows_of(session, principal, BatchDraw, batch_ids)


async def steps_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[BatchStep]]:
    return await _rows_of(session, principal, BatchStep, batch_ids)


async def outputs_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[BatchOutput]]:
    return await _rows_of(session, principal, BatchOutput, batch_ids)


async def variations_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[Batch]]:
    grouped: dict[int, list[Batch]] = defaultdict(list)
    if batch_ids:
        rows = await session.scalars(
            readable(principal).where(Batch.parent_batch_id.in_(set(batch_ids))).order_by(Batch.id)
        )
        for row in rows:
            assert row.parent_batch_id is not None
            grouped[row.parent_batch_id].append(row)
    return {key: grouped.get(key, []) for key in batch_ids}

"""Reading batches, always within the caller's organization: one batch, lists, and
(batched, for many batches at once) their lines, draws, steps and outputs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches.models import Batch, BatchDraw, BatchLine, BatchOutput, BatchStep
from services.errors import NotFound
from services.inventory.models import InventoryItem
from services.inventory.queries import readable as items_readable
from services.pagination import Columns, Page, PageRequest, paginate, selected, selected_one
from services.permissions import Principal, require_permission

BatchRow = BatchLine | BatchDraw | BatchStep | BatchOutput
# A key, or (in a planned read's one statement) the SQL of the parent row's key.
Key = int | ColumnElement[int]
# Columns a read may name beyond the model's own: the base unit of the item a row's
# amounts are in (a batch's output item's; a line's or a draw's item's), read as the
# standard resolvers read it, as the caller's item (inventory.read).
UNIT_OF = {"output_unit": "output_item_id", "item_unit": "item_id"}


def _column(principal: Principal | None, model: type[Any], name: str) -> Any:
    if name in UNIT_OF:
        item_id = getattr(model, UNIT_OF[name])
        unit = items_readable(principal, InventoryItem, ("base_unit",))
        return unit.where(InventoryItem.id == item_id).scalar_subquery().label(name)
    return getattr(model, name)


def _selecting(principal: Principal | None, model: type[Any], columns: Columns) -> Select[Any]:
    """`select(model)`, or the named columns of it (UNIT_OF's among them)."""
    if columns is None:
        return select(model)
    return select(*(_column(principal, model, name) for name in columns))


def readable(principal: Principal | None, columns: Columns = None) -> Select[Any]:
    """The caller's organization's batches (or the named `columns` of them): where every
    batch read starts."""
    acting = require_permission(principal, "batches.read")
    return _selecting(principal, Batch, columns).where(
        Batch.organization_id == acting.organization_id
    )


def batch_by_key(
    principal: Principal | None, batch_id: int, columns: Columns = None
) -> Select[Any]:
    return readable(principal, columns).where(Batch.id == batch_id)


async def get_batch(
    session: AsyncSession, principal: Principal | None, *, batch_id: int, columns: Columns = None
) -> Any:
    """The batch (or a row of the named `columns`), or None."""
    return await selected_one(session, batch_by_key(principal, batch_id, columns), columns)


async def batches_by_id(
    session: AsyncSession,
    principal: Principal | None,
    batch_ids: Sequence[int],
    columns: Columns = None,
) -> dict[int, Any]:
    """Several batches (or rows of the named `columns`, which must include id) at once;
    unknown or foreign IDs are left out."""
    if not batch_ids:
        return {}
    statement = readable(principal, columns).where(Batch.id.in_(set(batch_ids)))
    return {row.id: row for row in await selected(session, statement, columns)}


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


def batch_rows(
    principal: Principal | None, filters: BatchFilter, columns: Columns = None
) -> Select[Any]:
    """The caller's batches that pass `filters`, in no particular order."""
    statement = readable(principal, columns)
    if filters.status is not None:
        statement = statement.where(Batch.status == filters.status)
    if filters.recipe_id is not None:
        statement = statement.where(Batch.recipe_id == filters.recipe_id)
    if filters.output_item_id is not None:
        statement = statement.where(Batch.output_item_id == filters.output_item_id)
    if not filters.include_variations:
        statement = statement.where(Batch.parent_batch_id.is_(None))
    return statement


async def list_batches(
    session: AsyncSession,
    principal: Principal | None,
    *,
    filters: BatchFilter,
    page: PageRequest,
    columns: Columns = None,
) -> Page[Any]:
    """Batches (or rows of the named `columns`, which must include id) oldest first."""
    return await paginate(session, batch_rows(principal, filters, columns), Batch.id, page)


def order_of(model: type[BatchRow]) -> Any:
    """How a batch's rows of `model` are ordered: by position (lines, steps), else by id."""
    return getattr(model, "position", model.id)


def rows_of_batch(
    principal: Principal | None, model: type[BatchRow], batch_id: Key, columns: Columns = None
) -> Select[Any]:
    """The batch's rows of `model` (or the named `columns` of them), in no particular order."""
    acting = require_permission(principal, "batches.read")
    return _selecting(principal, model, columns).where(
        model.organization_id == acting.organization_id, model.batch_id == batch_id
    )


def draws_of_line(
    principal: Principal | None, batch_id: Key, line_id: Key, columns: Columns = None
) -> Select[Any]:
    """A batch line's draws (or the named `columns` of them), in no particular order: read
    through the batch's (ix_batch_draws_batch; line_id has no index of its own)."""
    return rows_of_batch(principal, BatchDraw, batch_id, columns).where(
        BatchDraw.line_id == line_id
    )


async def rows_of(
    session: AsyncSession,
    principal: Principal | None,
    model: type[BatchRow],
    batch_ids: Sequence[int],
    columns: Columns = None,
) -> dict[int, list[Any]]:
    """Each batch's rows of `model` in order (or rows of the named `columns`, which must
    include batch_id)."""
    acting = require_permission(principal, "batches.read")
    grouped: dict[int, list[Any]] = defaultdict(list)
    if batch_ids:
        column: Any = model.batch_id
        statement = (
            _selecting(principal, model, columns)
            .where(model.organization_id == acting.organization_id, column.in_(set(batch_ids)))
            .order_by(column, order_of(model), model.id)
        )
        for row in await selected(session, statement, columns):
            grouped[row.batch_id].append(row)
    return {key: grouped.get(key, []) for key in batch_ids}


async def lines_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[BatchLine]]:
    return await rows_of(session, principal, BatchLine, batch_ids)


async def draws_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[BatchDraw]]:
    return await rows_of(session, principal, BatchDraw, batch_ids)


async def steps_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[BatchStep]]:
    return await rows_of(session, principal, BatchStep, batch_ids)


async def outputs_of(
    session: AsyncSession, principal: Principal | None, batch_ids: Sequence[int]
) -> dict[int, list[BatchOutput]]:
    return await rows_of(session, principal, BatchOutput, batch_ids)


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

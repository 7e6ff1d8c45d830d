"""Planning and starting batches, and adding ingredients to one in progress.

A plan changes nothing: the recipe version scaled (services/recipes/costing.py) and
priced by the organization's cost method at what the draws would take now, with every
short line. A start draws every line in one transaction (services/batches/drawing.py),
takes the next label of the organization's year, locks the cost method on the batch, and
freezes the version's steps as they read now (a variation's inherited steps follow its
source's current version, so the batch keeps its own copy).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches import labels
from services.batches.drawing import Drawn, Need, draw_lines
from services.batches.models import Batch, BatchLine, BatchLineKind, BatchStatus, BatchStep
from services.batches.queries import lock_batch
from services.batches.stream import append_batch_event, consumed_payload, skipped_payload
from services.billing.entitlements import require_within
from services.billing.plans import Limit
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import FieldProblem, NotFound, UserInputError
from services.events import append_events
from services.inventory import queries as inventory_queries
from services.inventory.ledger import ZERO, shown
from services.inventory.models import QUANTITY_SCALE
from services.inventory.quantities import QuantityInput, to_base
from services.permissions import Principal, require_permission
from services.recipes import costing, steps
from services.recipes.costing import PlannedCost, Scaled, ScaleRequest
from services.recipes.models import LineKind, RecipeStatus
from services.units.catalog import round_half_even

MAX_ADDED_LINES = 100


@dataclass(frozen=True)
class BatchPlan:
    planned: PlannedCost

    @property
    def scaled(self) -> Scaled:
        return self.planned.scaled


def _renamed(error: UserInputError) -> UserInputError:
    """The recipes' scaling names its factor `factor`; a batch's input calls it `scale`."""
    problems = [
        replace(p, field=("scale", *p.field[1:])) if p.field[:1] == ("factor",) else p
        for p in error.problems
    ]
    return UserInputError.of(problems)


async def _scaled(
    session: AsyncSession, principal: Principal | None, request: ScaleRequest
) -> Scaled:
    try:
        scaled = await costing.scaled_version(session, principal, request)
    except UserInputError as error:
        raise _renamed(error) from None
    if scaled is None:
        raise NotFound("recipe", ("recipe_id",))
    recipe = scaled.resolved.recipe
    if recipe.status == RecipeStatus.ARCHIVED or recipe.archived_at is not None:
        raise UserInputError(
            ErrorCode.RECIPE_ARCHIVED,
            f'"{recipe.name}" is archived: batches are made from recipes in use.',
            ("recipe_id",),
        )
    return scaled


async def plan_batch(
    session: AsyncSession, principal: Principal | None, *, request: ScaleRequest
) -> BatchPlan:
    """What a batch would draw and cost now, and what is short; nothing changes."""
    require_permission(principal, "batches.manage")
    scaled = await _scaled(session, principal, request)
    return BatchPlan(await costing.planned_cost(session, principal, scaled))


@dataclass(frozen=True)
class Started:
    batch: Batch
    drawn: Drawn


def _needs(scaled: Scaled) -> list[Need]:
    """Every line in the item's base unit; a line that does not convert now is refused."""
    problems = [
        FieldProblem(
            ErrorCode.UNIT_CONVERSION_FAILED,
            f'"{line.line.item.name}": {line.quantity.problem} Fix the recipe line first.',
            ("recipe_id",),
        )
        for line in scaled.lines
        if line.quantity.base_amount is None
    ]
    if problems:
        raise UserInputError.of(problems)
    return [
        Need(
            item_id=line.line.item.id,
            quantity=line.quantity.base_amount or ZERO,
            kind=BatchLineKind.CONSUMABLE
            if line.line.kind is LineKind.CONSUMABLE
            else BatchLineKind.INGREDIENT,
            field=("recipe_id",),
            note=line.line.note,
        )
        for line in scaled.lines
    ]


async def start_batch(
    session: AsyncSession,
    principal: Principal | None,
    *,
    request: ScaleRequest,
    force: bool = False,
) -> Started:
    acting = require_permission(principal, "batches.manage")
    await require_within(session, acting, Limit.BATCHES_PER_MONTH, field=("recipe_id",))
    scaled = await _scaled(session, principal, request)
    needs = _needs(scaled)
    recipe = scaled.resolved.recipe
    now = utcnow()
    sequence = await labels.next_sequence(session, acting.organization_id, now.year)
    batch = Batch(
        organization_id=acting.organization_id,
        recipe_id=recipe.id,
        output_item_id=recipe.output_item_id,
        label=labels.label(recipe.label_prefix, now.year, sequence),
        year=now.year,
        sequence=sequence,
        status=BatchStatus.IN_PROGRESS.value,
        cost_method=await costing.organization_cost_method(session, acting.organization_id),
        # Kept to the stored places (a factor from a target yield may have 9); the lines
        # were scaled by the exact factor.
        factor=_stored(scaled.factor),
        planned_yield=scaled.predicted_yield.base_amount,
        planned_portions=None if scaled.portion_count is None else _stored(scaled.portion_count),
        started_at=now,
        started_by_user_id=acting.user_id,
    )
    session.add(batch)
    await session.flush()
    drawn = await draw_lines(session, acting, batch, needs, force=force, now=now)
    batch.planned_cost = drawn.planned
    batch.ingredient_cost = drawn.cost
    skipped = [line for line in drawn.batch_lines if line.skipped]
    if skipped:
        batch.forced = True
        batch.shortage_summary = "; ".join(
            f'"{drawn.items[line.item_id].name}": {shown(line.skipped)} '
            f"{drawn.items[line.item_id].base_unit} skipped"
            for line in skipped
        )
    await _freeze_steps(session, batch, scaled)
    await session.flush()
    unit = scaled.resolved.output_item.base_unit
    await append_batch_event(
        session,
        batch,
        unit,
        "batch.started",
        announced=drawn.events,
        consumed=consumed_payload(drawn.batch_lines, drawn.batch_draws, drawn.items, drawn.lots),
        skipped=skipped_payload(drawn.batch_lines, drawn.items),
    )
    return Started(batch, drawn)


async def _freeze_steps(session: AsyncSession, batch: Batch, scaled: Scaled) -> None:
    recipe = scaled.resolved.recipe
    resolved = (await steps.resolved_steps(session, batch.organization_id, [recipe]))[recipe.id]
    session.add_all(
        BatchStep(
            organization_id=batch.organization_id,
            batch_id=batch.id,
            position=position,
            key=step.key,
            text=step.content.text,
            duration_minutes=step.content.duration_minutes,
            temperature=step.content.temperature,
            temperature_unit=step.content.temperature_unit,
            defined_in_recipe_id=step.defined_in,
        )
        for position, step in enumerate(resolved, start=1)
    )


def _stored(value: Decimal) -> Decimal:
    return round_half_even(Fraction(value), QUANTITY_SCALE)


def require_in_progress(batch: Batch, action: str, field: Sequence[str] = ("id",)) -> None:
    if batch.status != BatchStatus.IN_PROGRESS:
        raise UserInputError(
            ErrorCode.BATCH_NOT_IN_PROGRESS,
            f"{batch.label} is {batch.status.lower().replace('_', ' ')}: only a batch in "
            f"progress can be {action}.",
            field,
        )


@dataclass(frozen=True)
class AddedLine:
    item_id: int
    quantity: QuantityInput
    note: str | None = None


async def added_needs(
    session: AsyncSession,
    principal: Principal,
    given: Sequence[AddedLine],
    field: tuple[str, ...],
) -> list[Need]:
    """Lines added to a batch (or a variation), each in its item's base unit."""
    if len(given) > MAX_ADDED_LINES:
        raise UserInputError(
            ErrorCode.TOO_MANY, f"Add at most {MAX_ADDED_LINES} lines at once.", field
        )
    items = await inventory_queries.items_by_id(session, principal, [g.item_id for g in given])
    needs: list[Need] = []
    seen: set[int] = set()
    for index, line in enumerate(given):
        at = (*field, str(index))
        item = items.get(line.item_id)
        if item is None:
            raise NotFound("inventory item", (*at, "item_id"))
        if item.id in seen:
            raise UserInputError(
                ErrorCode.DUPLICATE_ITEM,
                f'"{item.name}" is given twice; give it once with the whole quantity.',
                (*at, "item_id"),
            )
        seen.add(item.id)
        quantity = await to_base(session, item, line.quantity, (*at, "quantity"))
        needs.append(Need(item.id, quantity, BatchLineKind.ADDED, (*at, "quantity"), line.note))
    return needs


async def add_batch_ingredients(
    session: AsyncSession,
    principal: Principal | None,
    *,
    batch_id: int,
    lines: Sequence[AddedLine],
    force: bool = False,
) -> Started:
    """Extra ingredients drawn into a batch in progress, the way a start draws."""
    acting = require_permission(principal, "batches.manage")
    batch = await locked_in_progress(session, acting, batch_id, "given ingredients")
    if not lines:
        raise UserInputError(ErrorCode.BLANK, "Give at least one line.", ("lines",))
    needs = await added_needs(session, acting, lines, ("lines",))
    drawn = await draw_lines(
        session,
        acting,
        batch,
        needs,
        force=force,
        now=utcnow(),
        first_position=await next_position(session, batch),
    )
    batch.ingredient_cost += drawn.cost
    await session.flush()
    await append_events(session, organization_id=batch.organization_id, events=drawn.events)
    return Started(batch, drawn)


async def next_position(session: AsyncSession, batch: Batch) -> int:
    """The position a line added to the batch now takes."""
    last = await session.scalar(
        select(func.max(BatchLine.position)).where(BatchLine.batch_id == batch.id)
    )
    return (last or 0) + 1


async def locked_in_progress(
    session: AsyncSession,
    acting: Principal,
    batch_id: int,
    action: str,
    field: tuple[str, ...] = ("batch_id",),
) -> Batch:
    """The batch the input names at `field`, locked, and in progress."""
    batch = await lock_batch(session, acting, batch_id, field)
    require_in_progress(batch, action, field)
    return batch

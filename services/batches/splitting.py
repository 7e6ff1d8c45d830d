"""Splitting a batch in progress into variations (the augmentation makers ask for): the
base yield divided by percentage (summing to at most 100; the rest stays base), each
variation a batch of its own with its sub-label (SOAP-2026-0101A-Lavender), its added
ingredients drawn FIFO like any line, and its own finish into its own lots.

A variation takes its share of the base at the split: that percentage of the parent's
planned yield, portions, planned cost and drawn cost moves from the parent to it (taken
from what the parent still holds, as the variation's part of the percentage the parent
still has, so the parent keeps exactly the rest and the shares always sum to the whole),
and its own added ingredients add to it. Ingredients added to the parent later stay with the base.

Lock order as every batch writer: the parent batch, then every item the variations draw
in one id-ordered lock, before any is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from sqlalchemy.ext.asyncio import AsyncSession

from services.batches import labels, queries
from services.batches.drawing import Drawn, draw_lines
from services.batches.models import (
    PERCENT_SCALE,
    VARIATION_NAME_LENGTH,
    Batch,
    BatchStatus,
    BatchStep,
)
from services.batches.start import AddedLine, added_needs, locked_in_progress
from services.batches.stream import (
    append_batch_event,
    batch_payload,
    consumed_payload,
)
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.inventory import ledger
from services.inventory.ledger import ZERO, shown
from services.inventory.models import QUANTITY_SCALE
from services.inventory.quantities import value_of
from services.permissions import Principal, require_permission
from services.units.catalog import fraction_digits, round_half_even
from services.validation import clean_text

HUNDRED = Decimal(100)
MAX_VARIATIONS = 26


@dataclass(frozen=True)
class VariationInput:
    name: str
    percentage: Decimal
    ingredients: Sequence[AddedLine] = field(default_factory=tuple)


@dataclass(frozen=True)
class Split:
    batch: Batch
    variations: list[tuple[Batch, Drawn]]


def _name(given: str, at: tuple[str, ...]) -> str:
    cleaned = clean_text(given, (*at, "name"), max_length=VARIATION_NAME_LENGTH)
    return re.sub(r"\s+", " ", cleaned)


def _check_percentage(value: Decimal, at: tuple[str, ...]) -> Decimal:
    where = (*at, "percentage")
    if value <= 0:
        raise UserInputError(ErrorCode.NOT_POSITIVE, "percentage must be more than 0.", where)
    if value > HUNDRED:
        raise UserInputError(ErrorCode.OUT_OF_RANGE, "percentage may be at most 100.", where)
    if fraction_digits(value) > PERCENT_SCALE:
        raise UserInputError(
            ErrorCode.TOO_PRECISE, f"percentage has at most {PERCENT_SCALE} places.", where
        )
    return value


def share(amount: Decimal, part: Fraction) -> Decimal:
    """`part` of a quantity, half-even to the stored places."""
    return round_half_even(Fraction(amount) * part, QUANTITY_SCALE)


async def split_batch(
    session: AsyncSession,
    principal: Principal | None,
    *,
    batch_id: int,
    variations: Sequence[VariationInput],
) -> Split:
    acting = require_permission(principal, "batches.manage")
    parent = await locked_in_progress(session, acting, batch_id, "split", ("id",))
    if parent.parent_batch_id is not None:
        raise UserInputError(
            ErrorCode.INVALID,
            f"{parent.label} is a variation: split its base batch instead.",
            ("id",),
        )
    if not variations:
        raise UserInputError(ErrorCode.BLANK, "Give at least one variation.", ("variations",))
    if len(variations) > MAX_VARIATIONS:
        raise UserInputError(
            ErrorCode.TOO_MANY, f"At most {MAX_VARIATIONS} variations.", ("variations",)
        )
    existing = (await queries.variations_of(session, acting, [parent.id]))[parent.id]
    taken = {v.variation_name.casefold() for v in existing if v.variation_name}
    taken_share = sum((v.percentage or ZERO for v in existing), ZERO)
    names: list[str] = []
    for index, variation in enumerate(variations):
        at = ("variations", str(index))
        name = _name(variation.name, at)
        if name.casefold() in taken:
            raise UserInputError(
                ErrorCode.NAME_TAKEN,
                f'The batch already has a variation "{name}"; give each its own name.',
                (*at, "name"),
            )
        taken.add(name.casefold())
        names.append(name)
        taken_share += _check_percentage(variation.percentage, at)
    if taken_share > HUNDRED:
        raise UserInputError(
            ErrorCode.SPLIT_OVER_100,
            f"The variations would take {shown(taken_share)} % of the batch; together they "
            "take at most 100 % (the rest stays base).",
            ("variations",),
        )
    needs = [
        await added_needs(session, acting, v.ingredients, ("variations", str(i), "ingredients"))
        for i, v in enumerate(variations)
    ]
    # One id-ordered lock of every item any variation draws, before the first draws.
    await ledger.lock_items(
        session, acting.organization_id, {n.item_id for found in needs for n in found}
    )
    steps = (await queries.steps_of(session, acting, [parent.id]))[parent.id]
    now = utcnow()
    made: list[tuple[Batch, Drawn]] = []
    # What of the whole the parent still holds, in percent.
    held = HUNDRED - sum((v.percentage or ZERO for v in existing), ZERO)
    for offset, (variation, name, wanted) in enumerate(zip(variations, names, needs, strict=True)):
        part = Fraction(variation.percentage) / Fraction(held)
        child = _variation(parent, name, variation.percentage, part, len(existing) + offset, now)
        held -= variation.percentage
        session.add(child)
        await session.flush()
        session.add_all(_copied(step, child) for step in steps)
        drawn = await draw_lines(session, acting, child, wanted, force=False, now=now)
        child.ingredient_cost += drawn.cost
        child.planned_cost += drawn.planned
        made.append((child, drawn))
    await session.flush()
    unit = await queries.output_unit(session, parent)
    await append_batch_event(
        session,
        parent,
        unit,
        "batch.split",
        announced=[event for _, drawn in made for event in drawn.events],
        variations=[
            {
                "batch": batch_payload(child, unit),
                "name": child.variation_name,
                "percentage": float(child.percentage or ZERO),
                "consumed": consumed_payload(
                    drawn.batch_lines, drawn.batch_draws, drawn.items, drawn.lots
                ),
            }
            for child, drawn in made
        ],
    )
    return Split(parent, [(child, drawn) for child, drawn in made])


def _variation(
    parent: Batch, name: str, percentage: Decimal, part: Fraction, index: int, now: datetime
) -> Batch:
    """The variation, `part` of what the parent holds moved to it from the parent."""
    letter = labels.variation_letter(index)

    def moved(amount: Decimal | None) -> Decimal | None:
        return None if amount is None else share(amount, part)

    cost = value_of(parent.ingredient_cost, part)
    planned = value_of(parent.planned_cost, part)
    child = Batch(
        organization_id=parent.organization_id,
        recipe_id=parent.recipe_id,
        output_item_id=parent.output_item_id,
        label=labels.sub_label(parent.label, letter, name.replace(" ", "-")),
        year=parent.year,
        sequence=parent.sequence,
        status=BatchStatus.IN_PROGRESS.value,
        cost_method=parent.cost_method,
        factor=share(parent.factor, Fraction(percentage) / 100),
        planned_yield=moved(parent.planned_yield),
        planned_portions=moved(parent.planned_portions),
        planned_cost=planned,
        ingredient_cost=cost,
        started_at=now,
        started_by_user_id=parent.started_by_user_id,
        parent_batch_id=parent.id,
        variation_letter=letter,
        variation_name=name,
        percentage=percentage,
    )
    parent.ingredient_cost -= cost
    parent.planned_cost -= planned
    if parent.planned_yield is not None and child.planned_yield is not None:
        parent.planned_yield -= child.planned_yield
    if parent.planned_portions is not None and child.planned_portions is not None:
        parent.planned_portions -= child.planned_portions
    return child


def _copied(step: BatchStep, child: Batch) -> BatchStep:
    return BatchStep(
        organization_id=child.organization_id,
        batch_id=child.id,
        position=step.position,
        key=step.key,
        text=step.text,
        duration_minutes=step.duration_minutes,
        temperature=step.temperature,
        temperature_unit=step.temperature_unit,
        defined_in_recipe_id=step.defined_in_recipe_id,
    )

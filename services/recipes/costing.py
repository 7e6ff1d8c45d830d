"""Scaling a recipe version and pricing it: what a batch of it would take and cost now.

Scaling is exact: every amount is multiplied as a fraction, and each line also gets the
quantity a batch would draw, in its item's base unit rounded half-even to the item's
precision (what the ledger records). Only a factor whose decimal expansion does not end
(a target yield of 1 kg from a 3 kg recipe) rounds the amounts it gives, half-even to
CONVERSION_SCALE places.

The planned cost quotes those quantities with inventory's own draw planner
(services/inventory/planning.py): each line costs exactly what the next FIFO (or FEFO)
draw of it would cost from today's open lots, unexpired and unreserved; under the
organization's AVERAGE cost method, what of it can be drawn at the item's average cost
instead (as a batch started now would cost it). An untracked item (no lots) costs its
set unit cost. A line that
cannot be priced in full says why (its unit no longer converts, there is no stock, or not
enough); the total is then the cost of what could be priced and `complete` is false.
Containers are alternatives, each priced for the whole yield (how many, and their cost),
outside the total.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import Organization
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.inventory.ledger import ZERO, money
from services.inventory.models import InventoryItem
from services.inventory.planning import DrawQuote, quote_each
from services.inventory.quantities import QuantityInput, average_cost, value_of
from services.permissions import Principal, require_permission
from services.recipes.lines import ResolvedLine, ResolvedQuantity, ResolvedRecipe, resolved_recipes
from services.units import service as units
from services.units.catalog import (
    BUILTIN_UNITS,
    CONVERSION_SCALE,
    Unit,
    convert,
    fraction_digits,
    round_half_even,
    to_decimal,
    unit_key,
)

FIFO, AVERAGE = "FIFO", "AVERAGE"  # the organization's cost methods (CostMethod)

# A factor is at most this large: 10,000 batches' worth of a recipe in one plan.
MAX_FACTOR = Decimal(10_000)


@dataclass(frozen=True)
class ScaledQuantity:
    """`amount` of `unit` (the recipe's own unit, scaled), and in the item's base unit
    as a batch would draw it; `base_amount` None when it does not convert (`problem`)."""

    amount: Decimal
    unit: str
    exact: bool
    base_amount: Decimal | None
    base_unit: str
    problem: str | None = None


@dataclass(frozen=True)
class ScaledLine:
    line: ResolvedLine
    quantity: ScaledQuantity


@dataclass(frozen=True)
class Scaled:
    """A version at `factor` times its own size."""

    resolved: ResolvedRecipe
    factor: Decimal
    factor_exact: bool
    predicted_yield: ScaledQuantity
    ingredients: tuple[ScaledLine, ...]
    consumables: tuple[ScaledLine, ...]
    # Portions: the count scales (and may not be whole), each portion stays its size.
    portion_count: Decimal | None

    @property
    def lines(self) -> tuple[ScaledLine, ...]:
        return self.ingredients + self.consumables


class Unpriced(StrEnum):
    NO_CONVERSION = "NO_CONVERSION"  # the line's unit does not convert to its item's now
    NO_STOCK = "NO_STOCK"  # nothing of the item can be drawn
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"  # part of it can, priced; the rest is short


@dataclass(frozen=True)
class LineCost:
    scaled: ScaledLine
    quote: DrawQuote | None
    unpriced: Unpriced | None
    reason: str | None
    # Not the lots' own cost: the line at the item's average cost (AVERAGE), or an
    # untracked item's at its set cost.
    costed: Decimal | None = None

    @property
    def cost(self) -> Decimal:
        if self.costed is not None:
            return self.costed
        return self.quote.cost if self.quote is not None else ZERO


@dataclass(frozen=True)
class ContainerCost:
    """Holding the whole yield in one allowed container: how many, and their cost."""

    line: ResolvedLine
    count: int | None  # None when the capacity or the yield does not convert
    quote: DrawQuote | None
    unpriced: Unpriced | None
    reason: str | None


@dataclass(frozen=True)
class PlannedCost:
    scaled: Scaled
    lines: tuple[LineCost, ...]
    containers: tuple[ContainerCost, ...]
    method: str = "FIFO"  # the organization's cost method

    @property
    def total(self) -> Decimal:
        return sum((line.cost for line in self.lines), ZERO)

    @property
    def complete(self) -> bool:
        return all(line.unpriced is None for line in self.lines)

    @property
    def sufficient(self) -> bool:
        return all(
            line.unpriced is None and (line.quote is None or line.quote.sufficient)
            for line in self.lines
        )

    @property
    def per_output_unit(self) -> Decimal | None:
        """The total per base unit of the output (None without a yield that converts)."""
        yield_base = self.scaled.predicted_yield.base_amount
        return money(self.total / yield_base) if yield_base else None

    @property
    def per_portion(self) -> Decimal | None:
        count = self.scaled.portion_count
        return money(self.total / count) if count else None


def check_factor(factor: Fraction, field: tuple[str, ...] = ("factor",)) -> Fraction:
    if factor <= 0:
        raise UserInputError(
            ErrorCode.NOT_POSITIVE, "factor must be greater than 0 (1 is the recipe as is).", field
        )
    if factor > Fraction(MAX_FACTOR):
        raise UserInputError(ErrorCode.OUT_OF_RANGE, f"factor may be at most {MAX_FACTOR}.", field)
    return factor


def factor_for_yield(
    resolved: ResolvedRecipe,
    target: QuantityInput,
    known: dict[str, Unit],
    field: tuple[str, ...] = ("target_yield",),
) -> Fraction:
    """The factor that makes the version yield `target` of its output."""
    if target.amount <= 0:
        raise UserInputError(
            ErrorCode.NOT_POSITIVE, "targetYield must be greater than 0.", (*field, "amount")
        )
    output = resolved.output_item
    unit = known.get(unit_key(target.unit))
    if unit is None:
        raise UserInputError(
            ErrorCode.UNKNOWN_UNIT,
            f'"{target.unit}" is no unit: use a built-in unit or one of your custom units.',
            (*field, "unit"),
        )
    wanted = convert(
        target.amount,
        unit,
        BUILTIN_UNITS[output.base_unit],
        density=output.density,
        item_name=output.name,
        field=(*field, "unit"),
    )
    predicted = resolved.predicted_yield
    if predicted.base_amount is None:
        raise UserInputError(
            ErrorCode.UNIT_CONVERSION_FAILED,
            f"The recipe's yield, {predicted.amount} {predicted.unit}, does not convert to "
            f"{output.base_unit} now: {predicted.problem} Scale by factor instead, or fix "
            "the yield.",
            (*field, "unit"),
        )
    return check_factor(
        Fraction(wanted.amount) / Fraction(predicted.base_amount), (*field, "amount")
    )


@dataclass(frozen=True)
class ScaleRequest:
    """A version, by `factor` or to `target_yield` (neither: as it is; not both)."""

    recipe_id: int
    factor: Decimal | None = None
    target_yield: QuantityInput | None = None


async def scaled_version(
    session: AsyncSession, principal: Principal | None, request: ScaleRequest
) -> Scaled | None:
    """The version scaled as asked; None if the organization has no such version."""
    [scaled] = await scaled_versions(session, principal, [request])
    if isinstance(scaled, UserInputError):
        raise scaled
    return scaled


async def scaled_versions(
    session: AsyncSession, principal: Principal | None, requests: Sequence[ScaleRequest]
) -> list[Scaled | UserInputError | None]:
    """Each request's scaled version (None: no such version in the organization), or what
    is wrong with that request: one read of the versions and units for them all."""
    acting = require_permission(principal, "recipes.read")
    found = await resolved_recipes(session, principal, [r.recipe_id for r in requests])
    known = await units.units_of(session, acting.organization_id)
    answers: list[Scaled | UserInputError | None] = []
    for request in requests:
        resolved = found.get(request.recipe_id)
        try:
            answers.append(
                None
                if resolved is None
                else scale(resolved, _factor(request, resolved, known), known)
            )
        except UserInputError as error:
            answers.append(error)
    return answers


def _factor(request: ScaleRequest, resolved: ResolvedRecipe, known: dict[str, Unit]) -> Fraction:
    if request.target_yield is None:
        return check_factor(Fraction(request.factor if request.factor is not None else 1))
    if request.factor is not None:
        raise UserInputError(
            ErrorCode.INVALID, "Give factor or targetYield, not both.", ("target_yield",)
        )
    return factor_for_yield(resolved, request.target_yield, known)


def scale(resolved: ResolvedRecipe, factor: Fraction, known: dict[str, Unit]) -> Scaled:
    """The version at `factor` times its size; `known` is units_of the organization."""

    def scaled_line(line: ResolvedLine) -> ScaledLine:
        return ScaledLine(line, _scaled(line.item, line.quantity, factor, known))

    portion_count = None
    if resolved.recipe.portion_count:
        portion_count = _decimal(Fraction(resolved.recipe.portion_count) * factor)[0]
    shown, exact = _decimal(factor)
    return Scaled(
        resolved=resolved,
        factor=shown,
        factor_exact=exact,
        predicted_yield=_scaled(resolved.output_item, resolved.predicted_yield, factor, known),
        ingredients=tuple(scaled_line(line) for line in resolved.ingredients),
        consumables=tuple(scaled_line(line) for line in resolved.consumables),
        portion_count=portion_count,
    )


async def planned_cost(
    session: AsyncSession, principal: Principal | None, scaled: Scaled
) -> PlannedCost:
    [planned] = await planned_costs(session, principal, [scaled])
    return planned


async def planned_costs(
    session: AsyncSession, principal: Principal | None, scaled: Sequence[Scaled]
) -> list[PlannedCost]:
    """Price each of `scaled` on its own at today's open lots: two queries for them all."""
    acting = require_permission(principal, "recipes.read")
    counts = [_container_counts(one) for one in scaled]
    requests = [
        {
            line.line.item.id: line.quantity.base_amount
            for line in one.lines
            if line.quantity.base_amount is not None
        }
        | {item_id: Decimal(n) for item_id, n in containers.items() if n is not None}
        for one, containers in zip(scaled, counts, strict=True)
    ]
    quotes = await quote_each(session, acting.organization_id, requests, now=utcnow())
    method = await organization_cost_method(session, acting.organization_id)
    return [
        PlannedCost(
            scaled=one,
            lines=tuple(_line_cost(line, quoted, method) for line in one.lines),
            containers=tuple(
                _container_cost(line, containers[line.item.id], quoted)
                for line in one.resolved.containers
            ),
            method=method,
        )
        for one, containers, quoted in zip(scaled, counts, quotes, strict=True)
    ]


def _container_counts(scaled: Scaled) -> dict[int, int | None]:
    yield_base = scaled.predicted_yield.base_amount
    return {
        line.item.id: _containers_needed(line, yield_base) for line in scaled.resolved.containers
    }


def _decimal(value: Fraction) -> tuple[Decimal, bool]:
    """`value` exactly when it has at most CONVERSION_SCALE places, else rounded to them."""
    exact = to_decimal(value)
    if exact is not None and fraction_digits(exact) <= CONVERSION_SCALE:
        return exact, True
    return round_half_even(value, CONVERSION_SCALE), False


def _scaled(
    item: InventoryItem, quantity: ResolvedQuantity, factor: Fraction, known: dict[str, Unit]
) -> ScaledQuantity:
    amount, exact = _decimal(Fraction(quantity.amount) * factor)
    unit = known.get(unit_key(quantity.unit))
    if unit is None or quantity.base_amount is None:
        problem = quantity.problem or f'The unit "{quantity.unit}" is no longer known.'
        return ScaledQuantity(amount, quantity.unit, exact, None, item.base_unit, problem)
    # What a batch draws: always at the item's precision, whatever unit the line is in.
    base = convert(
        amount,
        unit,
        BUILTIN_UNITS[item.base_unit],
        density=item.density,
        item_name=item.name,
        places=item.quantity_precision,
    )
    return ScaledQuantity(amount, quantity.unit, exact, base.amount, item.base_unit)


def _line_cost(line: ScaledLine, quotes: dict[int, DrawQuote], method: str) -> LineCost:
    quantity = line.quantity
    if quantity.base_amount is None:
        return LineCost(line, None, Unpriced.NO_CONVERSION, quantity.problem)
    item = line.line.item
    if not item.tracked:
        return LineCost(line, None, None, None, untracked_cost(item, quantity.base_amount))
    quote = quotes[item.id]
    costed = None
    if method == AVERAGE:
        costed = average_value(item, quote.drawn)
    return LineCost(line, quote, *_shortfall(quote), costed=costed)


def untracked_cost(item: InventoryItem, quantity: Decimal) -> Decimal:
    """An untracked item's use: its set unit cost (none: free), no lots."""
    return value_of(quantity, Fraction(item.set_unit_cost or ZERO))


def average_value(item: InventoryItem, quantity: Decimal) -> Decimal:
    """`quantity` of the item at its average cost now (stock value / on hand)."""
    average = average_cost(item)
    return ZERO if average is None else value_of(quantity, average)


async def organization_cost_method(session: AsyncSession, organization_id: int) -> str:
    method = await session.scalar(
        select(Organization.cost_method).where(Organization.id == organization_id)
    )
    return method or FIFO


def _shortfall(quote: DrawQuote) -> tuple[Unpriced | None, str | None]:
    unit = quote.item.base_unit
    if quote.sufficient:
        return None, None
    if not quote.draws:
        return Unpriced.NO_STOCK, f'No usable stock of "{quote.item.name}" to price.'
    return (
        Unpriced.INSUFFICIENT_STOCK,
        f"Only {quote.drawn} {unit} of {quote.requested} {unit} can be drawn and is priced; "
        f"{quote.short} {unit} is short.",
    )


def _containers_needed(line: ResolvedLine, yield_base: Decimal | None) -> int | None:
    capacity = line.quantity.base_amount
    if yield_base is None or not capacity:
        return None
    return math.ceil(Fraction(yield_base) / Fraction(capacity))


def _container_cost(
    line: ResolvedLine, count: int | None, quotes: dict[int, DrawQuote]
) -> ContainerCost:
    if count is None:
        problem = line.quantity.problem or "The yield does not convert to the output's unit."
        return ContainerCost(line, None, None, Unpriced.NO_CONVERSION, problem)
    quote = quotes[line.item.id]
    return ContainerCost(line, count, quote, *_shortfall(quote))

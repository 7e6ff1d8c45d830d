"""A batch's actual against its plan: what it cost and made against what the recipe
predicted, per output unit and per portion, and the margin where the output item has a
sale price. Pure arithmetic on the batch and its output item."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from services.batches.models import Batch
from services.inventory.models import InventoryItem
from services.inventory.quantities import money_per_unit, value_of

PERCENT_QUANTUM = Decimal("0.01")


@dataclass(frozen=True)
class Comparison:
    planned_cost: Decimal
    actual_cost: Decimal | None
    planned_yield: Decimal | None
    actual_yield: Decimal | None
    # (actual - planned) / planned, in percent to 2 places.
    yield_variance_percent: Decimal | None
    cost_per_output_unit: Decimal | None
    cost_per_portion: Decimal | None
    # The output at its sale price, and that less the actual cost.
    sale_value: Decimal | None
    margin: Decimal | None
    margin_percent: Decimal | None


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    exact = Fraction(part) * 100 / Fraction(whole)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        PERCENT_QUANTUM, rounding=ROUND_HALF_EVEN
    )


def compare(batch: Batch, output: InventoryItem) -> Comparison:
    actual, made, planned = batch.actual_cost, batch.actual_yield, batch.planned_yield
    variance = None
    if made is not None and planned:
        variance = percent(made - planned, planned)
    per_unit = per_portion = sale_value = margin = margin_percent = None
    if actual is not None and made:
        per_unit = money_per_unit(actual, made)
        if batch.portions:
            per_portion = money_per_unit(actual, Decimal(batch.portions))
        if output.sale_price is not None:
            sale_value = value_of(made, Fraction(output.sale_price))
            margin = sale_value - actual
            margin_percent = percent(margin, sale_value)
    return Comparison(
        planned_cost=batch.planned_cost,
        actual_cost=actual,
        planned_yield=planned,
        actual_yield=made,
        yield_variance_percent=variance,
        cost_per_output_unit=per_unit,
        cost_per_portion=per_portion,
        sale_value=sale_value,
        margin=margin,
        margin_percent=margin_percent,
    )

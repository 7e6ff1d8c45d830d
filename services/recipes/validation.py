"""Checking a recipe's content as given, field by field, before anything is written.

Every refusal names the input field at fault under `prefix` (the mutation's input:
`()` for createRecipe and updateRecipe, `("changes",)` for a variation or test), list
entries by index: `("ingredients", "2", "quantity", "amount")`.

Quantities follow inventory's rule (services/inventory/quantities.to_base): in the
item's own unit the item's precision holds; another unit must convert (through the
item's density between weight and volume) and is kept as entered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.error_codes import ErrorCode
from services.errors import NotFound, UserInputError
from services.inventory.models import MAX_STORED, QUANTITY_SCALE, InventoryItem, ItemType
from services.inventory.payloads import decimal_string
from services.inventory.quantities import QuantityInput, to_base
from services.recipes.content import (
    CHANGEABLE,
    Amount,
    ContainerInput,
    Content,
    Line,
    LineInput,
    Portioning,
    RecipeChanges,
    StepInput,
)
from services.recipes.models import CATEGORY_LENGTH, LABEL_PREFIX_LENGTH, NAME_LENGTH
from services.recipes.steps import EMPTY, Layer, OwnStep, ResolvedStep, StepContent, new_step_key
from services.units import service as units
from services.units.catalog import check_digits, fraction_digits
from services.validation import clean_text

Field = tuple[str, ...]

MAX_INGREDIENTS = 100
MAX_CONSUMABLES = 50
MAX_CONTAINERS = 20
MAX_STEPS = 100
MAX_PORTIONS = 1_000_000
MAX_DURATION_MINUTES = 100_000  # about ten weeks: curing soap takes six
NOTES_LENGTH = 10_000
NOTE_LENGTH = 500
STEP_TEXT_LENGTH = 2_000
PORTION_NAME_LENGTH = 100
TEMPERATURE_INTEGER_DIGITS = 4
TEMPERATURE_FRACTION_DIGITS = 2
_LABEL_PREFIX = re.compile(rf"^[A-Z0-9]{{1,{LABEL_PREFIX_LENGTH}}}$")

OUTPUT_TYPES = (ItemType.PRODUCT, ItemType.INTERMEDIATE)
# What each list takes; the types do not overlap, so an item belongs to one list.
LIST_TYPES: dict[str, tuple[ItemType, ...]] = {
    "ingredients": (ItemType.INGREDIENT, ItemType.INTERMEDIATE, ItemType.PRODUCT),
    "consumables": (ItemType.CONSUMABLE, ItemType.PACKAGING),
    "containers": (ItemType.CONTAINER,),
}
LIST_LIMITS = {
    "ingredients": MAX_INGREDIENTS,
    "consumables": MAX_CONSUMABLES,
    "containers": MAX_CONTAINERS,
}


def _optional_text(value: str | None, field: Field, max_length: int) -> str | None:
    if value is None:
        return None
    return clean_text(value, field, max_length=max_length, min_length=0) or None


def _label_prefix(value: str | None, field: Field) -> str | None:
    text = _optional_text(value, field, 100)
    if text is None:
        return None
    prefix = text.upper()
    if not _LABEL_PREFIX.match(prefix):
        raise UserInputError(
            ErrorCode.INVALID_LABEL_PREFIX,
            f"labelPrefix {text[:20]!r} must be 1 to {LABEL_PREFIX_LENGTH} letters A-Z or "
            "digits, such as SOAP or C12 (it starts the batches' lot codes).",
            field,
        )
    return prefix


def _names(types: Iterable[ItemType]) -> str:
    return " or ".join(kind.value for kind in types)


def _check_type(item: InventoryItem, allowed: Sequence[ItemType], what: str, field: Field) -> None:
    if item.type not in allowed:
        raise UserInputError(
            ErrorCode.ITEM_TYPE_NOT_ALLOWED,
            f'"{item.name}" is {item.type}, but {what} must be an item of type {_names(allowed)}.',
            field,
        )


async def checked_amount(
    session: AsyncSession, item: InventoryItem, quantity: QuantityInput, field: Field
) -> Amount:
    """A quantity of `item` as it will be kept: inventory's rule, then the amount as
    entered (6 places at most, as every stored quantity) and the unit's catalog name."""
    await to_base(session, item, quantity, field)
    if fraction_digits(quantity.amount) > QUANTITY_SCALE:
        raise UserInputError(
            ErrorCode.TOO_PRECISE,
            f"{decimal_string(quantity.amount)} has more than {QUANTITY_SCALE} decimal places; "
            "enter a rounder amount or use a smaller unit.",
            (*field, "amount"),
        )
    if quantity.amount >= MAX_STORED:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"{decimal_string(quantity.amount)} is too large: enter it in a larger unit.",
            (*field, "amount"),
        )
    unit = await units.unit_named(session, item.organization_id, quantity.unit, (*field, "unit"))
    return Amount(quantity.amount, unit.name)


async def _still_fits(
    session: AsyncSession, output: InventoryItem, amount: Amount, what: str, field: Field
) -> Amount:
    """A kept quantity of the output (the yield, a portion, a capacity) checked again
    against a new output item; a refusal names the output item, which the caller chose."""
    try:
        quantity = QuantityInput(amount.amount, amount.unit)
        return await checked_amount(session, output, quantity, ("quantity",))
    except UserInputError as error:
        raise UserInputError(
            error.problems[0].code,
            f"The recipe's {what} is {decimal_string(amount.amount)} {amount.unit}, which "
            f'does not fit the new output item "{output.name}": {error.message} Give the '
            f"{what} again with the new output item.",
            field,
        ) from None


async def _items(
    session: AsyncSession, organization_id: int, item_ids: Iterable[int]
) -> dict[int, InventoryItem]:
    wanted = set(item_ids)
    if not wanted:
        return {}
    rows = await session.scalars(
        select(InventoryItem).where(
            InventoryItem.organization_id == organization_id, InventoryItem.id.in_(wanted)
        )
    )
    return {item.id: item for item in rows}


def _item(items: dict[int, InventoryItem], item_id: int, field: Field) -> InventoryItem:
    item = items.get(item_id)
    if item is None:
        raise NotFound("inventory item", field)
    return item


async def _lines(
    session: AsyncSession,
    items: dict[int, InventoryItem],
    name: str,
    given: Sequence[LineInput],
    prefix: Field,
) -> tuple[Line, ...]:
    _check_count(given, LIST_LIMITS[name], (*prefix, name))
    lines: list[Line] = []
    seen: dict[int, int] = {}
    for index, line in enumerate(given):
        field = (*prefix, name, str(index))
        item = _item(items, line.item_id, (*field, "item_id"))
        _check_type(item, LIST_TYPES[name], f"a line of {name}", (*field, "item_id"))
        _check_unique(item, index, seen, (*field, "item_id"))
        quantity = await checked_amount(session, item, line.quantity, (*field, "quantity"))
        note = _optional_text(line.note, (*field, "note"), NOTE_LENGTH)
        lines.append(Line(item.id, quantity, note))
    return tuple(lines)


def _check_count(given: Sequence[Any], limit: int, field: Field) -> None:
    if len(given) > limit:
        raise UserInputError(
            ErrorCode.TOO_MANY, f"{field[-1]} may list at most {limit} entries.", field
        )


def _check_unique(item: InventoryItem, index: int, seen: dict[int, int], field: Field) -> None:
    if item.id in seen:
        raise UserInputError(
            ErrorCode.DUPLICATE_ITEM,
            f'"{item.name}" is already line {seen[item.id] + 1} of this list; give its whole '
            "quantity on one line.",
            field,
        )
    seen[item.id] = index


async def _containers(
    session: AsyncSession,
    items: dict[int, InventoryItem],
    output: InventoryItem,
    given: Sequence[ContainerInput],
    prefix: Field,
) -> tuple[Line, ...]:
    """Each container's capacity is a quantity of the output: how much one holds."""
    _check_count(given, MAX_CONTAINERS, (*prefix, "containers"))
    lines: list[Line] = []
    seen: dict[int, int] = {}
    for index, container in enumerate(given):
        field = (*prefix, "containers", str(index))
        item = _item(items, container.item_id, (*field, "item_id"))
        _check_type(item, LIST_TYPES["containers"], "a container", (*field, "item_id"))
        _check_unique(item, index, seen, (*field, "item_id"))
        capacity = container.capacity
        if capacity is None and item.container_capacity is not None:
            unit = item.container_capacity_unit or item.base_unit
            capacity = QuantityInput(item.container_capacity, unit)
        if capacity is None:
            raise UserInputError(
                ErrorCode.CAPACITY_REQUIRED,
                f'"{item.name}" has no container capacity: give capacity here, or set the '
                "item's containerCapacity.",
                (*field, "capacity"),
            )
        amount = await checked_amount(session, output, capacity, (*field, "capacity"))
        lines.append(Line(item.id, amount))
    return tuple(lines)


async def _portioning(
    session: AsyncSession, output: InventoryItem, given: Any, prefix: Field
) -> Portioning | None:
    if given is None:
        return None
    field = (*prefix, "portioning")
    name = clean_text(given.name, (*field, "name"), max_length=PORTION_NAME_LENGTH)
    if given.count <= 0:
        raise UserInputError(
            ErrorCode.NOT_POSITIVE, "count must be at least 1 portion.", (*field, "count")
        )
    if given.count > MAX_PORTIONS:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"count may be at most {MAX_PORTIONS} portions.",
            (*field, "count"),
        )
    size = await checked_amount(session, output, given.size, (*field, "size"))
    return Portioning(name, given.count, size)


def step_content(step: StepInput, field: Field) -> StepContent:
    """One step's text, duration and temperature, checked."""
    text = clean_text(step.text, (*field, "text"), max_length=STEP_TEXT_LENGTH)
    minutes = step.duration_minutes
    if minutes is not None and minutes <= 0:
        raise UserInputError(
            ErrorCode.NOT_POSITIVE,
            "durationMinutes must be at least 1 (leave it out for none).",
            (*field, "duration_minutes"),
        )
    if minutes is not None and minutes > MAX_DURATION_MINUTES:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"durationMinutes may be at most {MAX_DURATION_MINUTES}.",
            (*field, "duration_minutes"),
        )
    temperature = step.temperature
    if temperature is None:
        return StepContent(text, minutes)
    value = check_digits(
        temperature.value,
        (*field, "temperature", "value"),
        integer_digits=TEMPERATURE_INTEGER_DIGITS,
        fraction_digits_max=TEMPERATURE_FRACTION_DIGITS,
    )
    return StepContent(text, minutes, value, temperature.unit)


def _steps(
    given: Sequence[StepInput],
    prefix: Field,
    current: Layer,
    inherited: Sequence[ResolvedStep],
) -> Layer:
    """The recipe's own steps as given (its overrides and omissions stay)."""
    _check_count(given, MAX_STEPS, (*prefix, "steps"))
    own_keys = {own.key for own in current.own}
    inherited_keys = {step.key for step in inherited}
    own: list[OwnStep] = []
    seen: set[str] = set()
    for index, step in enumerate(given):
        field = (*prefix, "steps", str(index))
        key = step.key.strip() if step.key is not None else new_step_key()
        if step.key is not None and key not in own_keys:
            where = "inherited: override it" if key in inherited_keys else "not a step"
            raise UserInputError(
                ErrorCode.NOT_FOUND,
                f"key {key[:50]!r} is {where} of this recipe; leave key out for a new step.",
                (*field, "key"),
            )
        if key in seen:
            raise UserInputError(
                ErrorCode.DUPLICATE_STEP, f"key {key!r} is given twice.", (*field, "key")
            )
        seen.add(key)
        if step.after is not None and step.after not in inherited_keys:
            raise UserInputError(
                ErrorCode.NOT_FOUND,
                f"after {step.after[:50]!r} names no step this recipe inherits from its "
                "source; leave it out to add the step at the end.",
                (*field, "after"),
            )
        own.append(OwnStep(key, step_content(step, field), step.after))
    return replace(current, own=tuple(own))


async def clean_content(
    session: AsyncSession,
    organization_id: int,
    changes: RecipeChanges,
    *,
    base: Content | None,
    inherited: Sequence[ResolvedStep],
    prefix: Field = (),
) -> Content:
    """`base` with `changes` applied, every given field checked (all of them for a new
    recipe, `base` None). `inherited`: the steps the recipe inherits (none for an
    original), which its own steps may follow."""
    given = set(CHANGEABLE) if base is None else set(changes.provided)
    values: dict[str, Any] = {}
    if "name" in given:
        values["name"] = clean_text(changes.name or "", (*prefix, "name"), max_length=NAME_LENGTH)
    if "category" in given:
        values["category"] = _optional_text(
            changes.category, (*prefix, "category"), CATEGORY_LENGTH
        )
    if "notes" in given:
        values["notes"] = _optional_text(changes.notes, (*prefix, "notes"), NOTES_LENGTH)
    if "label_prefix" in given:
        values["label_prefix"] = _label_prefix(changes.label_prefix, (*prefix, "label_prefix"))

    output_field = (*prefix, "output_item_id")
    output_id = changes.output_item_id if "output_item_id" in given else None
    if "output_item_id" in given and output_id is None:
        raise UserInputError(ErrorCode.BLANK, "outputItemId is required.", output_field)
    if output_id is None:
        assert base is not None
        output_id = base.output_item_id
    listed = [
        line.item_id
        for name in LIST_TYPES
        if name in given
        for line in (getattr(changes, name) or ())
    ]
    items = await _items(session, organization_id, [output_id, *listed])
    output = _item(items, output_id, output_field)
    new_output = base is None or output_id != base.output_item_id
    if new_output:
        _check_type(output, OUTPUT_TYPES, "the output item", output_field)
        values["output_item_id"] = output.id

    yield_field = (*prefix, "predicted_yield")
    if "predicted_yield" in given:
        if changes.predicted_yield is None:
            raise UserInputError(ErrorCode.BLANK, "predictedYield is required.", yield_field)
        values["predicted_yield"] = await checked_amount(
            session, output, changes.predicted_yield, yield_field
        )
    elif new_output and base is not None:
        values["predicted_yield"] = await _still_fits(
            session, output, base.predicted_yield, "predicted yield", output_field
        )
    for name in ("ingredients", "consumables"):
        if name in given:
            values[name] = await _lines(session, items, name, getattr(changes, name) or (), prefix)
    if "containers" in given:
        values["containers"] = await _containers(
            session, items, output, changes.containers or (), prefix
        )
    elif new_output and base is not None:
        values["containers"] = tuple(
            [
                replace(
                    line,
                    quantity=await _still_fits(
                        session, output, line.quantity, "container capacity", output_field
                    ),
                )
                for line in base.containers
            ]
        )
    if "portioning" in given:
        values["portioning"] = await _portioning(session, output, changes.portioning, prefix)
    elif new_output and base is not None and base.portioning is not None:
        size = await _still_fits(
            session, output, base.portioning.size, "portion size", output_field
        )
        values["portioning"] = replace(base.portioning, size=size)
    if "steps" in given:
        current = base.steps if base is not None else EMPTY
        values["steps"] = _steps(changes.steps or (), prefix, current, inherited)
    if base is None:
        return Content(**values)
    return replace(base, **values)

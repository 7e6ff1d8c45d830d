"""Variations and tests of a recipe, promoting a test, and a descendant's overrides of
the steps it inherits.

A variation ("Lavender" of a base soap) or a test (an experiment) copies the lines of the
exact version it is made from (its `sourceRecipe`, never rewritten), not the steps: those
it inherits from its source's current version (services/recipes/steps.py). Promoting a
test makes its content (lines, yield, portioning, output, and its steps as resolved now)
the next version of its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.permissions import Principal, require_permission
from services.recipes import versions
from services.recipes.content import RecipeChanges, StepInput, TemperatureInput, load_content
from services.recipes.models import NAME_LENGTH, Recipe, RecipeKind
from services.recipes.recipes import Edited, save_edit, start_lineage
from services.recipes.steps import (
    EMPTY,
    Layer,
    inherited_steps,
    materialize,
    resolved_steps,
)
from services.recipes.stream import recipe_id as public_recipe_id
from services.recipes.validation import clean_content, step_content
from services.validation import clean_text

_CHANGES = ("changes",)


async def create_variation(
    session: AsyncSession,
    principal: Principal | None,
    *,
    source_recipe_id: int,
    name: str,
    changes: RecipeChanges,
) -> Recipe:
    """A variation of the version `source_recipe_id`, named `name`, with `changes`."""
    return await _descend(session, principal, RecipeKind.VARIATION, source_recipe_id, name, changes)


async def create_test(
    session: AsyncSession,
    principal: Principal | None,
    *,
    source_recipe_id: int,
    name: str | None,
    changes: RecipeChanges,
) -> Recipe:
    """A test of the version `source_recipe_id` (named "<source> (test)" by default)."""
    return await _descend(session, principal, RecipeKind.TEST, source_recipe_id, name, changes)


async def _descend(
    session: AsyncSession,
    principal: Principal | None,
    kind: RecipeKind,
    source_recipe_id: int,
    name: str | None,
    changes: RecipeChanges,
) -> Recipe:
    acting = require_permission(principal, "recipes.manage")
    organization_id = acting.organization_id
    source = await versions.find(session, organization_id, source_recipe_id, ("source_recipe_id",))
    versions.refuse_archived(source, ("source_recipe_id",))
    if name is None:
        name = f"{source.name} (test)"[:NAME_LENGTH]
    base = replace(
        await load_content(session, source),
        name=clean_text(name, ("name",), max_length=NAME_LENGTH),
        steps=EMPTY,
    )
    inherited = await inherited_steps(session, organization_id, source.lineage_id)
    content = await clean_content(
        session,
        organization_id,
        replace(changes, provided=changes.provided - {"name"}),
        base=base,
        inherited=inherited,
        prefix=_CHANGES,
    )
    return await start_lineage(
        session,
        acting,
        content,
        prefix=_CHANGES,
        blame=(*_CHANGES, "ingredients") if changes.given("ingredients") else None,
        kind=kind,
        source_recipe_id=source.id,
        source_lineage_id=source.lineage_id,
        root_lineage_id=source.root_lineage_id or source.lineage_id,
    )


@dataclass(frozen=True)
class Promotion:
    recipe: Recipe  # the source's version that now holds the test's content
    test: Recipe


async def promote_test(
    session: AsyncSession, principal: Principal | None, *, test_id: int
) -> Promotion:
    """The test's content becomes its source's next version (a draft to publish), or its
    source's draft if it has one."""
    acting = require_permission(principal, "recipes.manage")
    organization_id = acting.organization_id
    named = await versions.find(session, organization_id, test_id, ("test_id",))
    if named.kind != RecipeKind.TEST or named.source_lineage_id is None:
        raise UserInputError(
            ErrorCode.NOT_A_TEST,
            f'"{named.name}" is not a test ({named.kind.lower()}): only a recipe made with '
            "createRecipeTest can be promoted.",
            ("test_id",),
        )
    await versions.lock_lineages(session, [named.lineage_id, named.source_lineage_id])
    test = await session.scalar(
        select(Recipe).where(Recipe.id == named.id).execution_options(populate_existing=True)
    )
    assert test is not None
    versions.refuse_archived(test, ("test_id",), "The test")
    latest = await versions.latest(session, named.source_lineage_id)
    versions.refuse_archived(latest, ("test_id",), "The recipe it tests,")
    base = await load_content(session, latest)
    tested = await load_content(session, test)
    resolved = (await resolved_steps(session, organization_id, [test]))[test.id]
    inherited = await inherited_steps(session, organization_id, latest.source_lineage_id)
    content = replace(
        base,
        output_item_id=tested.output_item_id,
        predicted_yield=tested.predicted_yield,
        ingredients=tested.ingredients,
        consumables=tested.consumables,
        containers=tested.containers,
        portioning=tested.portioning,
        steps=materialize(inherited, resolved),
    )
    edited = await save_edit(
        session,
        latest,
        base,
        content,
        output_field=("test_id",),
        promoted_from=public_recipe_id(test.id),
    )
    test.promoted_to_recipe_id = edited.recipe.id
    test.updated_at = utcnow()
    await session.flush()
    return Promotion(edited.recipe, test)


@dataclass(frozen=True)
class StepOverride:
    """What replaces an inherited step; fields not in `provided` keep the inherited
    step's values (`omitted`: leave the step out instead)."""

    text: str | None = None
    duration_minutes: int | None = None
    temperature: TemperatureInput | None = None
    omitted: bool = False
    provided: frozenset[str] = field(default_factory=frozenset)


async def override_step(
    session: AsyncSession,
    principal: Principal | None,
    *,
    recipe_id: int,
    step_key: str,
    override: StepOverride,
) -> Edited:
    """Replace (or leave out) the step `step_key` that the recipe inherits, for it and
    the recipes that descend from it."""
    acting = require_permission(principal, "recipes.manage")
    organization_id = acting.organization_id
    latest = await versions.locked_latest(session, organization_id, recipe_id, ("recipe_id",))
    base = await load_content(session, latest)
    key = step_key.strip()
    if any(own.key == key for own in base.steps.own):
        raise UserInputError(
            ErrorCode.STEP_NOT_INHERITED,
            f"Step {key!r} is this recipe's own: change it with updateRecipe (steps).",
            ("step_key",),
        )
    inherited = await inherited_steps(session, organization_id, latest.source_lineage_id)
    step = next((s for s in inherited if s.key == key), None)
    if step is None:
        raise UserInputError(
            ErrorCode.NOT_FOUND,
            f"{latest.name!r} inherits no step with key {key[:50]!r}; see its steps' keys.",
            ("step_key",),
        )
    overrides = {k: v for k, v in base.steps.overrides.items() if k != key}
    omitted = base.steps.omitted - {key}
    if override.omitted:
        omitted |= {key}
    else:
        given = override.provided
        inherited_content = step.content
        as_input = StepInput(
            text=inherited_content.text if override.text is None else override.text,
            duration_minutes=override.duration_minutes
            if "duration_minutes" in given
            else inherited_content.duration_minutes,
            temperature=override.temperature
            if "temperature" in given
            else _temperature(inherited_content.temperature, inherited_content.temperature_unit),
        )
        overrides[key] = step_content(as_input, ())
    layer = Layer(base.steps.own, overrides, omitted)
    return await save_edit(session, latest, base, replace(base, steps=layer))


def _temperature(value: Decimal | None, unit: str | None) -> TemperatureInput | None:
    return None if value is None or unit is None else TemperatureInput(value, unit)


async def revert_step(
    session: AsyncSession, principal: Principal | None, *, recipe_id: int, step_key: str
) -> Edited:
    """Drop the recipe's override (or omission) of an inherited step: it shows the
    inherited step again, and follows the source's edits of it."""
    acting = require_permission(principal, "recipes.manage")
    latest = await versions.locked_latest(
        session, acting.organization_id, recipe_id, ("recipe_id",)
    )
    base = await load_content(session, latest)
    key = step_key.strip()
    if not base.steps.overrides_or_omits(key):
        raise UserInputError(
            ErrorCode.STEP_NOT_OVERRIDDEN,
            f"{latest.name!r} does not override a step with key {key[:50]!r}: nothing to revert.",
            ("step_key",),
        )
    layer = Layer(
        base.steps.own,
        {k: v for k, v in base.steps.overrides.items() if k != key},
        base.steps.omitted - {key},
    )
    return await save_edit(session, latest, base, replace(base, steps=layer))

"""Recipes: create, update, publish and archive. Each change is checked whole before
anything is written, goes to the version services/recipes/versions.py says, and appends
its event in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from services.billing.entitlements import require_within
from services.billing.plans import Limit
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.permissions import Principal, require_permission
from services.recipes import versions
from services.recipes.content import CHANGEABLE, Content, RecipeChanges, load_content, store_content
from services.recipes.cycles import check_no_cycle
from services.recipes.models import Recipe, RecipeKind, RecipeStatus
from services.recipes.steps import inherited_steps
from services.recipes.stream import append_recipe_event, changed_fields
from services.recipes.stream import recipe_id as public_recipe_id
from services.recipes.validation import clean_content

Field = tuple[str, ...]


@dataclass(frozen=True)
class Edited:
    """The version holding an edit (the latest, unchanged, when the edit changed
    nothing), what changed, and whether the edit made that version."""

    recipe: Recipe
    changed: Sequence[str] = field(default_factory=tuple)
    new_version: bool = False


async def create_recipe(
    session: AsyncSession, principal: Principal | None, *, changes: RecipeChanges
) -> Recipe:
    """Version 1 of a new original recipe, a draft."""
    acting = require_permission(principal, "recipes.manage")
    content = await clean_content(session, acting.organization_id, changes, base=None, inherited=())
    return await start_lineage(
        session, acting, content, prefix=(), blame=("ingredients",), kind=RecipeKind.ORIGINAL
    )


async def start_lineage(
    session: AsyncSession,
    acting: Principal,
    content: Content,
    *,
    prefix: Field,
    blame: Field | None,
    kind: RecipeKind,
    **descent: Any,
) -> Recipe:
    """Version 1 of a new recipe (`blame`: the ingredients input, if given); every new
    recipe, original, variation or test, counts against the plan's recipes."""
    await require_within(session, acting, Limit.RECIPES, field=("name",))
    await check_no_cycle(
        session,
        acting.organization_id,
        lineage_id=None,
        output_item_id=content.output_item_id,
        ingredients=content.ingredients,
        blame=blame,
        output_field=(*prefix, "output_item_id"),
    )
    now = utcnow()
    recipe = versions.new_lineage(
        acting.organization_id, content, now=now, kind=kind.value, **descent
    )
    session.add(recipe)
    await session.flush()
    recipe.lineage_id = recipe.id
    await store_content(session, recipe, content, CHANGEABLE, now=now)
    await append_recipe_event(session, recipe, content, "recipe.created")
    return recipe


async def update_recipe(
    session: AsyncSession, principal: Principal | None, *, recipe_id: int, changes: RecipeChanges
) -> Edited:
    """Change the given fields of the recipe `recipe_id` is a version of (its draft, or
    a new draft version after a published one)."""
    acting = require_permission(principal, "recipes.manage")
    latest = await versions.locked_latest(session, acting.organization_id, recipe_id, ("id",))
    base = await load_content(session, latest)
    inherited = []
    if changes.given("steps"):
        inherited = await inherited_steps(session, acting.organization_id, latest.source_lineage_id)
    content = await clean_content(
        session, acting.organization_id, changes, base=base, inherited=inherited
    )
    blame = ("ingredients",) if changes.given("ingredients") else None
    return await save_edit(session, latest, base, content, blame=blame)


async def save_edit(
    session: AsyncSession,
    latest: Recipe,
    base: Content,
    content: Content,
    *,
    blame: Field | None = None,
    output_field: Field = ("output_item_id",),
    promoted_from: str | None = None,
) -> Edited:
    """Write checked `content` over the latest version's `base` (its lineage locked), and
    announce it (`promoted_from`: the test whose content it is); nothing at all if
    nothing changed."""
    changed = content.changed_from(base)
    if not changed:
        return Edited(latest)
    if "ingredients" in changed or "output_item_id" in changed:
        await check_no_cycle(
            session,
            latest.organization_id,
            lineage_id=latest.lineage_id,
            output_item_id=content.output_item_id,
            ingredients=content.ingredients,
            blame=blame,
            output_field=output_field,
        )
    version, is_new = await versions.write(session, latest, content, changed, now=utcnow())
    await append_recipe_event(
        session,
        version,
        content,
        "recipe.updated",
        changedFields=changed_fields(changed),
        newVersion=is_new,
        promotedFromTestId=promoted_from,
    )
    return Edited(version, changed, is_new)


async def publish_recipe(
    session: AsyncSession, principal: Principal | None, *, recipe_id: int
) -> Recipe:
    """Publish the recipe's draft: it becomes immutable and current (batches use it from
    now on). A recipe whose latest version is published is left as it is."""
    acting = require_permission(principal, "recipes.manage")
    latest = await versions.locked_latest(session, acting.organization_id, recipe_id, ("id",))
    if latest.status == RecipeStatus.PUBLISHED:
        return latest
    content = await load_content(session, latest)
    if not content.ingredients:
        raise UserInputError(
            ErrorCode.INGREDIENTS_REQUIRED,
            f'"{latest.name}" has no ingredient lines: add at least one (updateRecipe) '
            "before publishing it.",
            ("id",),
        )
    now = utcnow()
    latest.status = RecipeStatus.PUBLISHED.value
    latest.published_at = latest.updated_at = now
    previous = await versions.make_current(session, latest)
    await append_recipe_event(
        session,
        latest,
        content,
        "recipe.published",
        supersededRecipeId=None if previous is None else public_recipe_id(previous.id),
    )
    return latest


async def archive_recipe(
    session: AsyncSession, principal: Principal | None, *, recipe_id: int
) -> Recipe:
    """Archive the recipe, every version of it: it keeps its history and can be read,
    but changes no more and takes no new variations or tests. Its variations and tests
    go on (their steps still inherit from it)."""
    acting = require_permission(principal, "recipes.manage")
    named = await versions.find(session, acting.organization_id, recipe_id, ("id",))
    await versions.lock_lineages(session, [named.lineage_id])
    latest = await versions.latest(session, named.lineage_id)
    if latest.status == RecipeStatus.ARCHIVED:
        return latest
    now = utcnow()
    await session.execute(
        update(Recipe)
        .where(Recipe.lineage_id == named.lineage_id)
        .values(status=RecipeStatus.ARCHIVED.value, archived_at=now, updated_at=now)
    )
    latest = await versions.latest(session, named.lineage_id)
    content = await load_content(session, latest)
    await append_recipe_event(session, latest, content, "recipe.archived")
    return latest

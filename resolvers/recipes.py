"""Recipes: GraphQL input -> services.recipes -> GraphQL types."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import strawberry

from resolvers.common import connection, mutation, page_request
from resolvers.context import Info
from resolvers.ids import decode_id
from schema import recipes as gql
from schema.units import QuantityInput
from services.inventory.quantities import QuantityInput as ServiceQuantity
from services.naming import camel_case
from services.recipes import content, descent, queries, recipes
from services.recipes.models import Recipe
from services.recipes.recipes import Edited

Field = tuple[str, ...]


async def _descend(
    info: Info,
    input: gql.CreateRecipeVariationInput | gql.CreateRecipeTestInput,
    make: Callable[..., Awaitable[Recipe]],
) -> gql.RecipePayload:
    """A variation or a test of the version the input names (`make` says which)."""
    key = recipe_key(input.source_recipe_id, "source_recipe_id")
    changes = _changes(vars(input.changes) if input.changes else {}, ("changes",))
    async with info.context.writing() as session:
        recipe = await make(
            session,
            info.context.principal,
            source_recipe_id=key,
            name=input.name,
            changes=changes,
        )
    return gql.RecipePayload(recipe=gql.Recipe.from_row(recipe))


def recipe_key(value: strawberry.ID, field: str = "id") -> int:
    return decode_id(value, "Recipe", (field,))


def _item_key(value: strawberry.ID, field: Field) -> int:
    return decode_id(value, "InventoryItem", field)


def _quantity(value: QuantityInput | None) -> ServiceQuantity | None:
    return None if value is None else ServiceQuantity(amount=value.amount, unit=value.unit)


def _lines(given: Sequence[gql.RecipeLineInput], field: Field) -> list[content.LineInput]:
    return [
        content.LineInput(
            item_id=_item_key(line.item_id, (*field, str(index), "item_id")),
            quantity=ServiceQuantity(amount=line.quantity.amount, unit=line.quantity.unit),
            note=line.note,
        )
        for index, line in enumerate(given)
    ]


def _containers(
    given: Sequence[gql.RecipeContainerInput], field: Field
) -> list[content.ContainerInput]:
    return [
        content.ContainerInput(
            item_id=_item_key(container.item_id, (*field, str(index), "item_id")),
            capacity=_quantity(container.capacity),
        )
        for index, container in enumerate(given)
    ]


def _temperature(given: gql.TemperatureInput | None) -> content.TemperatureInput | None:
    return None if given is None else content.TemperatureInput(given.value, given.unit.name)


def _steps(given: Sequence[gql.RecipeStepInput]) -> list[content.StepInput]:
    return [
        content.StepInput(
            text=step.text,
            key=step.key,
            duration_minutes=step.duration_minutes,
            temperature=_temperature(step.temperature),
            after=step.after,
        )
        for step in given
    ]


def _changes(values: dict[str, Any], prefix: Field = ()) -> content.RecipeChanges:
    """The input's given content fields as the service's (ids decoded, a null list as an
    empty one)."""
    given = {
        name: value
        for name, value in values.items()
        if name in content.CHANGEABLE and value is not strawberry.UNSET
    }
    out: dict[str, Any] = dict(given)
    if given.get("output_item_id") is not None:
        out["output_item_id"] = _item_key(given["output_item_id"], (*prefix, "output_item_id"))
    if "predicted_yield" in given:
        out["predicted_yield"] = _quantity(given["predicted_yield"])
    for name in ("ingredients", "consumables"):
        if name in given:
            out[name] = _lines(given[name] or [], (*prefix, name))
    if "containers" in given:
        out["containers"] = _containers(given["containers"] or [], (*prefix, "containers"))
    if given.get("portioning") is not None:
        portioning = given["portioning"]
        out["portioning"] = content.PortioningInput(
            name=portioning.name,
            count=portioning.count,
            size=ServiceQuantity(amount=portioning.size.amount, unit=portioning.size.unit),
        )
    if "steps" in given:
        out["steps"] = _steps(given["steps"] or [])
    return content.RecipeChanges(**out, provided=frozenset(given))


def recipe_filter(given: gql.RecipeFilter | None) -> queries.RecipeFilter:
    given = given or gql.RecipeFilter()
    output = given.output_item_id
    return queries.RecipeFilter(
        status=given.status.name if given.status else None,
        category=given.category,
        output_item_id=_item_key(output, ("filter", "output_item_id")) if output else None,
        search=given.search,
        include_tests=given.include_tests,
    )


def _edit_payload(edited: Edited) -> gql.RecipeEditPayload:
    return gql.RecipeEditPayload(
        recipe=gql.Recipe.from_row(edited.recipe),
        new_version=edited.new_version,
        changed_fields=[camel_case(name) for name in edited.changed],
    )


@strawberry.type
class RecipesQuery:
    @strawberry.field(
        description="Recipes by id order, each by its current version; archived ones and "
        "tests only when asked."
    )
    async def recipes(
        self,
        info: Info,
        filter: gql.RecipeFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.RecipeConnection:
        filters, request = recipe_filter(filter), page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await queries.list_recipes(
                session, info.context.principal, filters=filters, page=request
            )
        return connection(page, gql.Recipe.from_row)

    @strawberry.field(
        description="One recipe version, as it is (an old one unchanged); null if there is none."
    )
    async def recipe(self, info: Info, id: strawberry.ID) -> gql.Recipe | None:
        async with info.context.reading() as session:
            found = await queries.get_recipe(
                session, info.context.principal, recipe_id=recipe_key(id)
            )
        return None if found is None else gql.Recipe.from_row(found)

    @strawberry.field(
        description="The categories the organization's recipes are in (current versions, not "
        "archived), each once whatever its letter case, alphabetically."
    )
    async def recipe_categories(self, info: Info) -> list[str]:
        async with info.context.reading() as session:
            return await queries.categories(session, info.context.principal)


@strawberry.type
class RecipesMutation:
    @strawberry.mutation(description="A new recipe: version 1, a draft.")
    @mutation(gql.RecipePayload)
    async def create_recipe(self, info: Info, input: gql.CreateRecipeInput) -> gql.RecipePayload:
        changes = _changes(vars(input))
        async with info.context.writing() as session:
            recipe = await recipes.create_recipe(session, info.context.principal, changes=changes)
        return gql.RecipePayload(recipe=gql.Recipe.from_row(recipe))

    @strawberry.mutation(
        description="Change a recipe: its draft in place, or (published versions never "
        "change) a new draft version, which becomes current when published."
    )
    @mutation(gql.RecipeEditPayload)
    async def update_recipe(
        self, info: Info, input: gql.UpdateRecipeInput
    ) -> gql.RecipeEditPayload:
        key, changes = recipe_key(input.id), _changes(vars(input))
        async with info.context.writing() as session:
            edited = await recipes.update_recipe(
                session, info.context.principal, recipe_id=key, changes=changes
            )
        return _edit_payload(edited)

    @strawberry.mutation(
        description="Publish a recipe's draft: immutable from now on, and the current version."
    )
    @mutation(gql.RecipePayload)
    async def publish_recipe(self, info: Info, input: gql.RecipeInput) -> gql.RecipePayload:
        key = recipe_key(input.id)
        async with info.context.writing() as session:
            recipe = await recipes.publish_recipe(session, info.context.principal, recipe_id=key)
        return gql.RecipePayload(recipe=gql.Recipe.from_row(recipe))

    @strawberry.mutation(description="Archive a recipe, every version of it.")
    @mutation(gql.RecipePayload)
    async def archive_recipe(self, info: Info, input: gql.RecipeInput) -> gql.RecipePayload:
        key = recipe_key(input.id)
        async with info.context.writing() as session:
            recipe = await recipes.archive_recipe(session, info.context.principal, recipe_id=key)
        return gql.RecipePayload(recipe=gql.Recipe.from_row(recipe))

    @strawberry.mutation(
        description="A variation of a recipe version: its lines copied with the changes, its "
        "steps inherited."
    )
    @mutation(gql.RecipePayload)
    async def create_recipe_variation(
        self, info: Info, input: gql.CreateRecipeVariationInput
    ) -> gql.RecipePayload:
        return await _descend(info, input, descent.create_variation)

    @strawberry.mutation(
        description="A test of a recipe version: its lines copied with the changes, its steps "
        "inherited; promoteRecipeTest makes it the source's next version."
    )
    @mutation(gql.RecipePayload)
    async def create_recipe_test(
        self, info: Info, input: gql.CreateRecipeTestInput
    ) -> gql.RecipePayload:
        return await _descend(info, input, descent.create_test)

    @strawberry.mutation(
        description="Make a test's content (lines, yield, portioning, steps as resolved now) "
        "its source's next version, a draft."
    )
    @mutation(gql.PromoteRecipeTestPayload)
    async def promote_recipe_test(
        self, info: Info, input: gql.PromoteRecipeTestInput
    ) -> gql.PromoteRecipeTestPayload:
        key = recipe_key(input.test_id, "test_id")
        async with info.context.writing() as session:
            promotion = await descent.promote_test(session, info.context.principal, test_id=key)
        return gql.PromoteRecipeTestPayload(
            recipe=gql.Recipe.from_row(promotion.recipe), test=gql.Recipe.from_row(promotion.test)
        )

    @strawberry.mutation(
        description="Replace (or leave out) a step the recipe inherits, for it and its own "
        "variations and tests."
    )
    @mutation(gql.RecipeEditPayload)
    async def override_recipe_step(
        self, info: Info, input: gql.OverrideRecipeStepInput
    ) -> gql.RecipeEditPayload:
        key = recipe_key(input.recipe_id, "recipe_id")
        given = {
            name: value
            for name, value in vars(input).items()
            if name in ("text", "duration_minutes", "temperature") and value is not strawberry.UNSET
        }
        if "temperature" in given:
            given["temperature"] = _temperature(given["temperature"])
        override = descent.StepOverride(**given, omitted=input.omitted, provided=frozenset(given))
        async with info.context.writing() as session:
            edited = await descent.override_step(
                session,
                info.context.principal,
                recipe_id=key,
                step_key=input.step_key,
                override=override,
            )
        return _edit_payload(edited)

    @strawberry.mutation(description="Drop an override: the recipe shows the inherited step again.")
    @mutation(gql.RecipeEditPayload)
    async def revert_recipe_step(
        self, info: Info, input: gql.RevertRecipeStepInput
    ) -> gql.RecipeEditPayload:
        key = recipe_key(input.recipe_id, "recipe_id")
        async with info.context.writing() as session:
            edited = await descent.revert_step(
                session, info.context.principal, recipe_id=key, step_key=input.step_key
            )
        return _edit_payload(edited)

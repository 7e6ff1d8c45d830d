"""Batches: GraphQL input -> services.batches -> GraphQL types."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from resolvers import inventory_loaders
from resolvers.common import connection, mutation, page_request
from resolvers.context import Info
from resolvers.ids import decode_id
from schema import batches as gql
from schema.genealogy import LotTrace, TraceDirection
from schema.recipe_costs import PlannedCost, ScaledRecipe
from schema.units import Quantity, QuantityInput
from services.batches import closing, finishing, genealogy, queries, splitting, start
from services.batches.drawing import BatchShortage
from services.errors import NotFound, UserInputError
from services.inventory.quantities import QuantityInput as ServiceQuantity
from services.recipes.costing import ScaleRequest

Field = tuple[str, ...]


def batch_key(value: strawberry.ID, field: str = "id") -> int:
    return decode_id(value, "Batch", (field,))


def _scale_request(
    recipe_id: strawberry.ID, scale: Decimal | None, target: QuantityInput | None
) -> ScaleRequest:
    return ScaleRequest(
        decode_id(recipe_id, "Recipe", ("recipe_id",)),
        factor=scale,
        target_yield=None if target is None else ServiceQuantity(target.amount, target.unit),
    )


def _added(given: list[gql.BatchIngredientInput], field: Field) -> list[start.AddedLine]:
    return [
        start.AddedLine(
            decode_id(line.item_id, "InventoryItem", (*field, str(index), "item_id")),
            ServiceQuantity(line.quantity.amount, line.quantity.unit),
            line.note,
        )
        for index, line in enumerate(given)
    ]


def _shortages(error: UserInputError, payload: gql.BatchPayload | gql.SplitBatchPayload) -> None:
    if isinstance(error, BatchShortage):
        payload.shortages = [
            gql.BatchShortage(
                needed=Quantity(amount=shortage.requested, unit=shortage.unit),
                available=Quantity(amount=shortage.available, unit=shortage.unit),
                item_key=shortage.item_id,
            )
            for shortage in error.shortages
        ]


def batch_filter(given: gql.BatchFilter | None) -> queries.BatchFilter:
    given = given or gql.BatchFilter()
    recipe, output = given.recipe_id, given.output_item_id
    return queries.BatchFilter(
        status=given.status.name if given.status else None,
        recipe_id=decode_id(recipe, "Recipe", ("filter", "recipe_id")) if recipe else None,
        output_item_id=decode_id(output, "InventoryItem", ("filter", "output_item_id"))
        if output
        else None,
        include_variations=given.include_variations,
    )


@strawberry.type
class BatchesQuery:
    @strawberry.field(description="Batches, newest last; a split's variations under their parent.")
    async def batches(
        self,
        info: Info,
        filter: gql.BatchFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.BatchConnection:
        filters, request = batch_filter(filter), page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await queries.list_batches(
                session, info.context.principal, filters=filters, page=request
            )
        nodes = [await gql.batch_node(info, row) for row in page.items]
        by_id = {node.key: node for node in nodes}
        return connection(page, lambda row: by_id[row.id])

    @strawberry.field(
        description="A lot's genealogy in one recursive query: BACKWARD to every batch and "
        "ingredient lot it came from (vendor, lot code, received date), FORWARD to every "
        "batch and lot it went into and the sales that took those; `maxDepth` batch levels "
        "(1 to 50). Null if there is no such lot."
    )
    async def trace_lot(
        self,
        info: Info,
        id: strawberry.ID,
        direction: TraceDirection,
        max_depth: int = genealogy.DEFAULT_DEPTH,
    ) -> LotTrace | None:
        key = decode_id(id, "InventoryLot", ("id",))
        async with info.context.reading() as session:
            try:
                trace = await genealogy.trace_lot(
                    session,
                    info.context.principal,
                    lot_id=key,
                    direction=genealogy.Direction(direction.name),
                    max_depth=max_depth,
                )
            except NotFound:
                return None
        return LotTrace.of(trace, await inventory_loaders.currency_code(info))

    @strawberry.field(description="One batch; null if there is none.")
    async def batch(self, info: Info, id: strawberry.ID) -> gql.Batch | None:
        async with info.context.reading() as session:
            found = await queries.get_batch(session, info.context.principal, batch_id=batch_key(id))
        return None if found is None else await gql.batch_node(info, found)


@strawberry.type
class BatchesMutation:
    @strawberry.mutation(
        description="What a batch of a recipe version would draw and cost now, with every "
        "short line; nothing changes."
    )
    @mutation(gql.PlanBatchPayload)
    async def plan_batch(self, info: Info, input: gql.PlanBatchInput) -> gql.PlanBatchPayload:
        request = _scale_request(input.recipe_id, input.scale, input.target_yield)
        async with info.context.reading() as session:
            plan = await start.plan_batch(session, info.context.principal, request=request)
        shortages = [
            gql.BatchShortage(
                needed=Quantity(amount=line.quote.requested, unit=line.quote.item.base_unit),
                available=Quantity(amount=line.quote.available, unit=line.quote.item.base_unit),
                item_key=line.quote.item.id,
            )
            for line in plan.planned.lines
            if line.quote is not None and not line.quote.sufficient
        ]
        return gql.PlanBatchPayload(
            plan=gql.BatchPlan(
                scaled=ScaledRecipe.of(plan.scaled),
                planned_cost=PlannedCost.of(
                    plan.planned, await inventory_loaders.currency_code(info)
                ),
                shortages=shortages,
            )
        )

    @strawberry.mutation(
        description="Start a batch: every line drawn FIFO through the ledger in one "
        "transaction, all or nothing (force: skip the short lines)."
    )
    @mutation(gql.BatchPayload, details=_shortages)
    async def start_batch(self, info: Info, input: gql.StartBatchInput) -> gql.BatchPayload:
        request = _scale_request(input.recipe_id, input.scale, input.target_yield)
        async with info.context.writing() as session:
            started = await start.start_batch(
                session, info.context.principal, request=request, force=input.force
            )
        return gql.BatchPayload(batch=await gql.batch_node(info, started.batch))

    @strawberry.mutation(description="Draw extra ingredients into a batch in progress.")
    @mutation(gql.BatchPayload, details=_shortages)
    async def add_batch_ingredients(
        self, info: Info, input: gql.AddBatchIngredientsInput
    ) -> gql.BatchPayload:
        key = batch_key(input.batch_id, "batch_id")
        lines = _added(input.lines, ("lines",))
        async with info.context.writing() as session:
            added = await start.add_batch_ingredients(
                session, info.context.principal, batch_id=key, lines=lines, force=input.force
            )
        return gql.BatchPayload(batch=await gql.batch_node(info, added.batch))

    @strawberry.mutation(
        description="Split a batch in progress into variations, each with its share of the "
        "base, its added ingredients and its sub-label; each finishes on its own."
    )
    @mutation(gql.SplitBatchPayload, details=_shortages)
    async def split_batch(self, info: Info, input: gql.SplitBatchInput) -> gql.SplitBatchPayload:
        key = batch_key(input.id)
        variations = [
            splitting.VariationInput(
                variation.name,
                variation.percentage,
                _added(variation.ingredients, ("variations", str(index), "ingredients")),
            )
            for index, variation in enumerate(input.variations)
        ]
        async with info.context.writing() as session:
            split = await splitting.split_batch(
                session, info.context.principal, batch_id=key, variations=variations
            )
        return gql.SplitBatchPayload(
            batch=await gql.batch_node(info, split.batch),
            variations=[await gql.batch_node(info, child) for child, _ in split.variations],
        )

    @strawberry.mutation(
        description="Finish a batch in progress into output lots: one per container size "
        "filled and one for the bulk, each with its share of the cost."
    )
    @mutation(gql.BatchPayload, details=_shortages)
    async def finish_batch(self, info: Info, input: gql.FinishBatchInput) -> gql.BatchPayload:
        key = batch_key(input.id)
        fills = [
            finishing.ContainerFill(
                decode_id(fill.item_id, "InventoryItem", ("containers", str(index), "item_id")),
                fill.count,
            )
            for index, fill in enumerate(input.containers)
        ]
        yielded = ServiceQuantity(input.actual_yield.amount, input.actual_yield.unit)
        async with info.context.writing() as session:
            finished = await finishing.finish_batch(
                session,
                info.context.principal,
                batch_id=key,
                actual_yield=yielded,
                portions=input.portions,
                containers=fills,
            )
        return gql.BatchPayload(batch=await gql.batch_node(info, finished.batch))

    @strawberry.mutation(
        description="Cancel a batch in progress: every draw goes back to the exact lot it came "
        "from (REFUNDED), each lot's remainder and value as before the start."
    )
    @mutation(gql.BatchPayload)
    async def cancel_batch(self, info: Info, input: gql.CancelBatchInput) -> gql.BatchPayload:
        key = batch_key(input.id)
        async with info.context.writing() as session:
            closed = await closing.cancel_batch(session, info.context.principal, batch_id=key)
        return gql.BatchPayload(batch=await gql.batch_node(info, closed.batch))

    @strawberry.mutation(
        description="Record that a batch in progress failed: its draws are kept as the loss."
    )
    @mutation(gql.BatchPayload)
    async def fail_batch(self, info: Info, input: gql.FailBatchInput) -> gql.BatchPayload:
        key = batch_key(input.id)
        async with info.context.writing() as session:
            closed = await closing.fail_batch(
                session, info.context.principal, batch_id=key, reason=input.reason
            )
        return gql.BatchPayload(batch=await gql.batch_node(info, closed.batch))

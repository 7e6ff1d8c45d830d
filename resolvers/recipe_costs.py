"""Per-request DataLoaders of scaled and priced recipe versions: every `scaled` and
`plannedCost` a query asks for is computed from one read of the versions, units, items
and open lots (services/recipes/costing.py)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from strawberry.dataloader import DataLoader

from resolvers.common import request_loader
from resolvers.context import Context, Info
from services.errors import UserInputError
from services.inventory.quantities import QuantityInput
from services.recipes import costing


async def _scaled(
    context: Context, keys: Sequence[costing.ScaleRequest]
) -> list[costing.Scaled | UserInputError | None]:
    async with context.reading() as session:
        return await costing.scaled_versions(session, context.principal, keys)


async def _planned(context: Context, keys: Sequence[costing.Scaled]) -> list[costing.PlannedCost]:
    async with context.reading() as session:
        return await costing.planned_costs(session, context.principal, keys)


async def scaled(
    info: Info,
    recipe_id: int,
    factor: Decimal | None = None,
    target_yield: QuantityInput | None = None,
) -> costing.Scaled:
    """The version scaled (a bad factor or target is raised, naming its argument)."""
    loader: DataLoader[costing.ScaleRequest, costing.Scaled | UserInputError | None] = (
        request_loader(info, "ScaledRecipeLoader", _scaled)
    )
    # A UserInputError answered for this key is raised by load itself.
    found = await loader.load(costing.ScaleRequest(recipe_id, factor, target_yield))
    assert isinstance(found, costing.Scaled), "a recipe being read is in the organization"
    return found


async def planned_cost(info: Info, scaled: costing.Scaled) -> costing.PlannedCost:
    loader: DataLoader[costing.Scaled, costing.PlannedCost] = request_loader(
        info, "PlannedCostLoader", _planned
    )
    return await loader.load(scaled)

"""Units: GraphQL input -> units service -> GraphQL types."""

from __future__ import annotations

from typing import cast

import strawberry

from resolvers.common import mutation, user_errors
from resolvers.context import Info
from resolvers.ids import decode_id, to_global_id
from schema import units as gql
from schema.errors import UnitUserError
from services.errors import UserInputError
from services.inventory import quantities as inventory_quantities
from services.units import service as units
from services.units.catalog import Dimension, Unit, strip_zeros
from services.units.models import CustomUnit


def custom_unit_node(custom: CustomUnit) -> gql.CustomUnit:
    unit = custom.as_unit()
    return gql.CustomUnit(
        id=strawberry.ID(to_global_id("CustomUnit", custom.id)),
        name=unit.name,
        dimension=gql.UnitDimension(unit.dimension.value),
        is_custom=True,
        factor_to_base=unit.factor,
        base_unit=unit.base_unit,
        defined_as=gql.Quantity(
            amount=strip_zeros(custom.defined_as_amount), unit=custom.defined_as_unit
        ),
        created_at=custom.created_at,
    )


def unit_node(unit: Unit | CustomUnit) -> gql.Unit:
    if isinstance(unit, CustomUnit):
        return custom_unit_node(unit)
    return gql.BuiltInUnit(
        name=unit.name,
        dimension=gql.UnitDimension(unit.dimension.value),
        is_custom=False,
        factor_to_base=unit.factor,
        base_unit=unit.base_unit,
        defined_as=None,
    )


@strawberry.type
class UnitsQuery:
    @strawberry.field(description="Built-in units, then the organization's custom units.")
    async def units(self, info: Info, dimension: gql.UnitDimension | None = None) -> list[gql.Unit]:
        wanted = Dimension(dimension.value) if dimension is not None else None
        async with info.context.reading() as session:
            found = await units.list_units(session, info.context.principal, dimension=wanted)
        return [unit_node(unit) for unit in found]

    @strawberry.field(
        description=(
            "Convert a quantity to another unit. Weight <-> volume needs itemId of an "
            "item with a density. Problems are returned as userErrors."
        )
    )
    async def convert_quantity(
        self,
        info: Info,
        quantity: gql.QuantityInput,
        to_unit: str,
        item_id: strawberry.ID | None = None,
    ) -> gql.ConvertQuantityResult:
        principal = info.context.principal
        try:
            item_key = decode_id(item_id, "InventoryItem", ("item_id",)) if item_id else None
            async with info.context.reading() as session:
                result = await inventory_quantities.convert_quantity(
                    session,
                    principal,
                    amount=quantity.amount,
                    from_unit=quantity.unit,
                    to_unit=to_unit,
                    item_id=item_key,
                )
        except UserInputError as error:
            errors = cast(list[UnitUserError], user_errors(error, info, root=None))
            return gql.ConvertQuantityResult(user_errors=errors)
        quantity_out = gql.Quantity(amount=result.amount, unit=result.unit)
        return gql.ConvertQuantityResult(quantity=quantity_out, exact=result.exact)


@strawberry.type
class UnitsMutation:
    @strawberry.mutation(description="Define a custom unit, such as scoop = 30 g.")
    @mutation(gql.CreateCustomUnitPayload)
    async def create_custom_unit(
        self, info: Info, input: gql.CreateCustomUnitInput
    ) -> gql.CreateCustomUnitPayload:
        async with info.context.writing() as session:
            custom = await units.create_custom_unit(
                session,
                info.context.principal,
                name=input.name,
                amount=input.defined_as.amount,
                unit=input.defined_as.unit,
            )
        return gql.CreateCustomUnitPayload(custom_unit=custom_unit_node(custom))

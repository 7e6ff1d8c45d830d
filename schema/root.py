"""The schema: Query and Mutation assembled from each domain's resolvers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig

from resolvers.accounts import AccountsMutation, AccountsQuery
from resolvers.batches import BatchesMutation, BatchesQuery
from resolvers.billing import BillingMutation, BillingQuery
from resolvers.inventory import InventoryMutation, InventoryQuery
from resolvers.inventory_reports import InventoryReportsQuery
from resolvers.node import NodeQuery
from resolvers.recipes import RecipesMutation, RecipesQuery
from resolvers.units import UnitsMutation, UnitsQuery
from resolvers.webhooks import WebhooksMutation, WebhooksQuery
from schema import accounts, batches, inventory, recipes, units, webhooks
from schema.scalars import SCALAR_MAP

SCHEMA_FILE = Path(__file__).with_name("schema.graphql")


@strawberry.type
class Query(
    NodeQuery,
    AccountsQuery,
    UnitsQuery,
    InventoryQuery,
    InventoryReportsQuery,
    RecipesQuery,
    BatchesQuery,
    WebhooksQuery,
    BillingQuery,
):
    pass


@strawberry.type
class Mutation(
    AccountsMutation,
    UnitsMutation,
    InventoryMutation,
    RecipesMutation,
    BatchesMutation,
    WebhooksMutation,
    BillingMutation,
):
    pass


# Types reachable only through the Node interface must be listed for the schema to know them.
NODE_TYPES = [accounts.ApiKey, accounts.Member, accounts.Organization, accounts.User]
# Likewise the implementations of the Unit interface.
NODE_TYPES += [units.BuiltInUnit, units.CustomUnit]
NODE_TYPES += [
    inventory.InventoryItem,
    inventory.InventoryLot,
    inventory.InventoryLedgerEntry,
    inventory.InventoryReservation,
]
NODE_TYPES += [recipes.Recipe, batches.Batch]
NODE_TYPES += [webhooks.WebhookEndpoint, webhooks.WebhookDelivery, webhooks.Event]


def build_schema(
    extensions: Sequence[type[SchemaExtension] | Callable[[], SchemaExtension]] = (),
) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
        extensions=list(extensions),
        config=StrawberryConfig(scalar_map=SCALAR_MAP),  # type: ignore[arg-type]
    )


def export_schema() -> str:
    return str(build_schema()) + "\n"

"""`node(id:)` and `nodes(ids:)`: each domain registers how to fetch its node types."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from resolvers.accounts import api_key_node, member_node, organization_node
from resolvers.context import Info
from resolvers.ids import parse_global_id
from resolvers.units import custom_unit_node
from schema import batches, inventory, recipes, webhooks
from schema.relay import Node
from services import events
from services.accounts import organizations
from services.accounts import service as accounts
from services.batches import queries as batch_queries
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.inventory import queries
from services.permissions import Principal
from services.recipes import queries as recipe_queries
from services.units import service as units
from services.webhooks import deliveries, endpoints

MAX_NODES = 250

Fetch = Callable[[AsyncSession, Principal | None, int], Awaitable[Node | None]]


async def _api_key(session: AsyncSession, principal: Principal | None, key: int) -> Node | None:
    found = await accounts.get_api_key(session, principal, api_key_id=key)
    return api_key_node(found) if found else None


async def _member(session: AsyncSession, principal: Principal | None, key: int) -> Node | None:
    found = await accounts.get_member(session, principal, membership_id=key)
    return member_node(found) if found else None


async def _organization(
    session: AsyncSession, principal: Principal | None, key: int
) -> Node | None:
    found = await organizations.get_organization(session, principal, organization_id=key)
    return organization_node(found) if found else None


async def _custom_unit(session: AsyncSession, principal: Principal | None, key: int) -> Node | None:
    found = await units.get_custom_unit(session, principal, custom_unit_id=key)
    return custom_unit_node(found) if found else None


async def _inventory_item(
    session: AsyncSession, principal: Principal | None, key: int
) -> Node | None:
    found = await queries.items_by_id(session, principal, [key])
    if key not in found:
        return None
    return inventory.InventoryItem.from_row(
        found[key], await queries.currency_code(session, found[key].organization_id)
    )


async def _inventory_lot(
    session: AsyncSession, principal: Principal | None, key: int
) -> Node | None:
    found = await queries.get_lot(session, principal, lot_id=key)
    if found is None:
        return None
    item = (await queries.items_by_id(session, principal, [found.item_id]))[found.item_id]
    currency = await queries.currency_code(session, found.organization_id)
    return inventory.InventoryLot.from_row(found, item.base_unit, currency)


async def _ledger_entry(
    session: AsyncSession, principal: Principal | None, key: int
) -> Node | None:
    found = await queries.get_ledger_entry(session, principal, entry_id=key)
    if found is None:
        return None
    item = (await queries.items_by_id(session, principal, [found.item_id]))[found.item_id]
    currency = await queries.currency_code(session, found.organization_id)
    return inventory.InventoryLedgerEntry.from_row(found, item.base_unit, currency)


async def _reservation(session: AsyncSession, principal: Principal | None, key: int) -> Node | None:
    found = await queries.get_reservation(session, principal, reservation_id=key)
    if found is None:
        return None
    item = (await queries.items_by_id(session, principal, [found.item_id]))[found.item_id]
    return inventory.InventoryReservation.from_row(found, item.base_unit)


async def _recipe(session: AsyncSession, principal: Principal | None, key: int) -> Node | None:
    found = await recipe_queries.get_recipe(session, principal, recipe_id=key)
    return recipes.Recipe.from_row(found) if found else None


async def _batch(session: AsyncSession, principal: Principal | None, key: int) -> Node | None:
    found = await batch_queries.get_batch(session, principal, batch_id=key)
    if found is None:
        return None
    output = (await queries.items_by_id(session, principal, [found.output_item_id]))[
        found.output_item_id
    ]
    currency = await queries.currency_code(session, found.organization_id)
    return batches.Batch.from_row(found, output.base_unit, currency)


async def _webhook_endpoint(
    session: AsyncSession, principal: Principal | None, key: int
) -> Node | None:
    found = await endpoints.get_endpoint(session, principal, endpoint_id=key)
    return webhooks.WebhookEndpoint.from_row(found) if found else None


async def _webhook_delivery(
    session: AsyncSession, principal: Principal | None, key: int
) -> Node | None:
    found = await deliveries.get_delivery(session, principal, delivery_id=key)
    return webhooks.WebhookDelivery.from_row(found) if found else None


async def _event(session: AsyncSession, principal: Principal | None, key: int) -> Node | None:
    found = await events.get_events(session, principal, [key])
    return webhooks.Event.from_row(found[key]) if key in found else None


FETCHERS: dict[str, Fetch] = {
    "ApiKey": _api_key,
    "Member": _member,
    "Organization": _organization,
    "CustomUnit": _custom_unit,
    "InventoryItem": _inventory_item,
    "InventoryLot": _inventory_lot,
    "InventoryLedgerEntry": _ledger_entry,
    "InventoryReservation": _reservation,
    "Recipe": _recipe,
    "Batch": _batch,
    "WebhookEndpoint": _webhook_endpoint,
    "WebhookDelivery": _webhook_delivery,
    "Event": _event,
}


async def _fetch(info: Info, session: AsyncSession, global_id: str) -> Node | None:
    parsed = parse_global_id(global_id)
    if parsed is None or parsed[0] not in FETCHERS:
        return None
    type_name, key = parsed
    return await FETCHERS[type_name](session, info.context.principal, key)


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Fetch any object by its global ID; null if not found.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        async with info.context.reading() as session:
            return await _fetch(info, session, id)

    @strawberry.field(description=f"Fetch up to {MAX_NODES} objects by global ID, in order.")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise UserInputError(ErrorCode.TOO_MANY, f"Ask for at most {MAX_NODES} IDs.", ("ids",))
        async with info.context.reading() as session:
            return [await _fetch(info, session, global_id) for global_id in ids]

"""Each role against each permission-gated operation: allowed exactly when the role's
permissions (services.permissions.ROLE_PERMISSIONS) include the operation's permission,
refused with a top-level FORBIDDEN otherwise. A new domain adds its operations to GATED."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from resolvers.ids import to_global_id
from services.db import utcnow
from services.permissions import ROLE_PERMISSIONS, Role
from tests.api_helpers import (
    OVERRIDE_STEP,
    TRY_RECIPE,
    VARY_RECIPE,
    Account,
    api_key,
    create_recipe,
    create_stocked_recipe,
    data,
    error_codes,
    gql,
    join_with_role,
    receive,
    recipe_operation,
    reserve,
    sign_up,
    start_batch,
)
from tests.api_helpers import create_item as create_api_item
from tests.services.accounts.givens import principal_of
from tests.services.inventory.givens import create_item

pytestmark = [pytest.mark.api, pytest.mark.auth]

Variables = Callable[[httpx.AsyncClient, Account], Awaitable[dict[str, Any]]]


async def _nothing(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    return {}


async def _fresh_member(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    await join_with_role(client, owner, "VIEWER")
    members = data(await gql(client, "{ members(last: 1) { nodes { id } } }", token=owner.token))
    return {"id": members["members"]["nodes"][0]["id"]}


async def _fresh_key(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    await api_key(client, owner.token, ["members.read"])
    keys = data(await gql(client, "{ apiKeys(last: 1) { nodes { id } } }", token=owner.token))
    return {"id": keys["apiKeys"]["nodes"][0]["id"]}


_counter = iter(range(10_000))


async def _new_email(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    return {"email": f"invitee{next(_counter)}@example.com"}


async def _new_name(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    return {"name": f"Item {next(_counter)}"}


def _report_period() -> dict[str, Any]:
    now = utcnow()
    return {"from": (now - timedelta(days=1)).isoformat(), "to": now.isoformat()}


async def _report_item(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    """An item of the owner's organization (made through the service), and a period."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    principal = await principal_of(sessions, owner.token)
    item = await create_item(sessions, principal, f"Report item {next(_counter)}")
    return {"itemId": to_global_id("InventoryItem", item.id), **_report_period()}


async def _stocked_item(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    item = await create_api_item(client, owner.token, f"Stocked {next(_counter)}")
    await receive(client, owner.token, item, "1000")
    return {"itemId": item}


async def _item_with_sku(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    sku = f"SKU-{next(_counter)}"
    await create_api_item(client, owner.token, f"Item {sku}", sku=sku)
    return {"sku": sku}


async def _report_period_only(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    return _report_period()


async def _fresh_reservation(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    """An order's hold on a stocked item, and the order's reference."""
    stocked = await _stocked_item(client, owner)
    order = f"#{next(_counter)}"
    return {
        "id": await reserve(client, owner.token, stocked["itemId"], "100", order),
        "order": order,
    }


async def _recipe_items(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    """A product to make and an ingredient to make it from."""
    number = next(_counter)
    return {
        "output": await create_api_item(client, owner.token, f"Soap {number}", type="PRODUCT"),
        "oil": await create_api_item(client, owner.token, f"Oil {number}"),
    }


async def _fresh_recipe(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    return {"id": (await create_recipe(client, owner.token))["id"]}


async def _fresh_test(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    source = await create_recipe(client, owner.token)
    return {"id": (await recipe_operation(client, owner.token, TRY_RECIPE, id=source["id"]))["id"]}


async def _fresh_variation(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    """A variation and the key of the step it inherits."""
    source = await create_recipe(client, owner.token)
    made = await recipe_operation(client, owner.token, VARY_RECIPE, id=source["id"])
    return {"id": made["id"], "key": source["stepKey"]}


async def _overridden_step(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    variation = await _fresh_variation(client, owner)
    await recipe_operation(client, owner.token, OVERRIDE_STEP, **variation)
    return variation


@dataclass(frozen=True)
class Gated:
    permission: str
    query: str
    variables: Variables = _nothing

    @property
    def field(self) -> str:
        return self.query.split("{", 1)[1].split("(")[0].split("{")[0].split()[0]


async def _stocked_recipe(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    return {"id": (await create_stocked_recipe(client, owner.token))["id"]}


async def _fresh_lot(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    item = await create_api_item(client, owner.token, f"Traced {next(_counter)}")
    return {"id": (await receive(client, owner.token, item, "100"))["lot"]["id"]}


async def _fresh_batch(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    """A batch in progress, and its recipe's oil (stocked for more)."""
    recipe = await create_stocked_recipe(client, owner.token)
    return {
        "id": (await start_batch(client, owner.token, recipe["id"]))["id"],
        "oil": recipe["oil"],
    }


GATED = [
    Gated("members.read", "query { members { nodes { id } } }"),
    Gated("api_keys.manage", "query { apiKeys { nodes { id } } }"),
    Gated(
        "api_keys.manage",
        'mutation { createApiKey(input: {name: "k", scopes: [MEMBERS_READ]}) '
        "{ userErrors { code } } }",
    ),
    Gated(
        "api_keys.manage",
        "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { userErrors { code } } }",
        _fresh_key,
    ),
    Gated(
        "api_keys.manage",
        "mutation($id: ID!) { rotateApiKey(input: {id: $id}) { userErrors { code } } }",
        _fresh_key,
    ),
    Gated(
        "members.manage",
        "mutation($email: String!) { inviteMember(input: {email: $email, role: VIEWER}) "
        "{ userErrors { code } } }",
        _new_email,
    ),
    Gated(
        "members.manage",
        "mutation($id: ID!) { updateMemberRole(input: {id: $id, role: MAKER}) "
        "{ userErrors { code } } }",
        _fresh_member,
    ),
    Gated(
        "members.manage",
        "mutation($id: ID!) { removeMember(input: {id: $id}) { userErrors { code } } }",
        _fresh_member,
    ),
    Gated(
        "inventory.read",
        "query($itemId: ID!, $from: DateTime!, $to: DateTime!) "
        "{ effectiveCost(itemId: $itemId, from: $from, to: $to) { itemId } }",
        _report_item,
    ),
    Gated(
        "inventory.read",
        "query($from: DateTime!, $to: DateTime!) "
        "{ spoilageReport(from: $from, to: $to) { periodStart } }",
        _report_period_only,
    ),
    Gated(
        "inventory.read",
        "query($itemId: ID!) { purchaseHistory(itemId: $itemId) { nodes { lotId } } }",
        _report_item,
    ),
    Gated("inventory.read", "query { inventoryItems { nodes { id } } }"),
    Gated(
        "inventory.read",
        "query($sku: String!) { inventoryItemBySku(sku: $sku) { id } }",
        _item_with_sku,
    ),
    Gated(
        "units.manage",
        'mutation($itemId: ID!) { setItemDensity(input: {itemId: $itemId, density: "0.91"}) '
        "{ userErrors { code } } }",
        _stocked_item,
    ),
    Gated("inventory.read", "query { inventoryHistory { nodes { id } } }"),
    Gated(
        "inventory.manage",
        "mutation($name: String!) { createInventoryItem(input: {name: $name, type: INGREDIENT, "
        'baseUnit: "g"}) { userErrors { code } } }',
        _new_name,
    ),
    Gated(
        "inventory.adjust",
        "mutation($itemId: ID!) { adjustInventory(input: {itemId: $itemId, changeType: USE, "
        'quantity: {amount: "1", unit: "g"}}) { userErrors { code } } }',
        _stocked_item,
    ),
    Gated(
        "inventory.adjust",
        'mutation($itemId: ID!) { receiveInventory(input: {itemId: $itemId, unitCost: "1", '
        'quantity: {amount: "1", unit: "kg"}}) { userErrors { code } } }',
        _stocked_item,
    ),
    Gated(
        "organization.manage",
        "mutation($name: String!) { updateOrganization(input: {name: $name, currencyCode: EUR}) "
        "{ userErrors { code } } }",
        _new_name,
    ),
    Gated(
        "inventory.adjust",
        "mutation($itemId: ID!) { reserveInventory(input: {itemId: $itemId, "
        'orderReference: "#R", quantity: {amount: "1", unit: "g"}}) { userErrors { code } } }',
        _stocked_item,
    ),
    Gated(
        "inventory.adjust",
        "mutation($id: ID!) { releaseReservation(input: {id: $id}) { userErrors { code } } }",
        _fresh_reservation,
    ),
    Gated(
        "inventory.adjust",
        "mutation($id: ID!) { fulfilReservation(input: {id: $id, "
        'quantity: {amount: "10", unit: "g"}}) { userErrors { code } } }',
        _fresh_reservation,
    ),
    Gated(
        "inventory.read",
        "query($order: String!) { inventoryReservations(orderReference: $order) { nodes { id } } }",
        _fresh_reservation,
    ),
    Gated("recipes.read", "query { recipes { nodes { id } } }"),
    Gated("recipes.read", "query { recipeCategories }"),
    Gated(
        "recipes.read", "query($id: ID!) { recipe(id: $id) { id steps { key } } }", _fresh_recipe
    ),
    Gated(
        "recipes.manage",
        'mutation($output: ID!, $oil: ID!) { createRecipe(input: {name: "Soap", '
        'outputItemId: $output, predictedYield: {amount: "1", unit: "kg"}, ingredients: '
        '[{itemId: $oil, quantity: {amount: "1", unit: "kg"}}]}) { userErrors { code } } }',
        _recipe_items,
    ),
    Gated(
        "recipes.manage",
        'mutation($id: ID!) { updateRecipe(input: {id: $id, notes: "More"}) '
        "{ userErrors { code } } }",
        _fresh_recipe,
    ),
    Gated(
        "recipes.manage",
        "mutation($id: ID!) { publishRecipe(input: {id: $id}) { userErrors { code } } }",
        _fresh_recipe,
    ),
    Gated(
        "recipes.manage",
        "mutation($id: ID!) { archiveRecipe(input: {id: $id}) { userErrors { code } } }",
        _fresh_recipe,
    ),
    Gated(
        "recipes.manage",
        'mutation($id: ID!) { createRecipeVariation(input: {sourceRecipeId: $id, name: "V"}) '
        "{ userErrors { code } } }",
        _fresh_recipe,
    ),
    Gated(
        "recipes.manage",
        "mutation($id: ID!) { createRecipeTest(input: {sourceRecipeId: $id}) "
        "{ userErrors { code } } }",
        _fresh_recipe,
    ),
    Gated(
        "recipes.manage",
        "mutation($id: ID!) { promoteRecipeTest(input: {testId: $id}) { userErrors { code } } }",
        _fresh_test,
    ),
    Gated(
        "recipes.manage",
        "mutation($id: ID!, $key: String!) { overrideRecipeStep(input: {recipeId: $id, "
        'stepKey: $key, text: "Mine"}) { userErrors { code } } }',
        _fresh_variation,
    ),
    Gated(
        "recipes.manage",
        "mutation($id: ID!, $key: String!) { revertRecipeStep(input: {recipeId: $id, "
        "stepKey: $key}) { userErrors { code } } }",
        _overridden_step,
    ),
    Gated("batches.read", "query { batches { nodes { id } } }"),
    Gated(
        "batches.read",
        "query($id: ID!) { traceLot(id: $id, direction: BACKWARD) { lots { depth } } }",
        _fresh_lot,
    ),
    Gated(
        "batches.read",
        "query($id: ID!) { batch(id: $id) { id instructions { steps { text } } } }",
        _fresh_batch,
    ),
    Gated(
        "batches.manage",
        "mutation($id: ID!) { planBatch(input: {recipeId: $id}) { userErrors { code } } }",
        _stocked_recipe,
    ),
    Gated(
        "batches.manage",
        "mutation($id: ID!) { startBatch(input: {recipeId: $id}) { userErrors { code } } }",
        _stocked_recipe,
    ),
    Gated(
        "batches.manage",
        "mutation($id: ID!, $oil: ID!) { addBatchIngredients(input: {batchId: $id, lines: "
        '[{itemId: $oil, quantity: {amount: "1", unit: "g"}}]}) { userErrors { code } } }',
        _fresh_batch,
    ),
    Gated(
        "batches.manage",
        'mutation($id: ID!) { finishBatch(input: {id: $id, actualYield: {amount: "1", '
        'unit: "kg"}}) { userErrors { code } } }',
        _fresh_batch,
    ),
    Gated(
        "batches.manage",
        'mutation($id: ID!) { splitBatch(input: {id: $id, variations: [{name: "Rose", '
        'percentage: "50"}]}) { userErrors { code } } }',
        _fresh_batch,
    ),
    Gated(
        "batches.manage",
        "mutation($id: ID!) { cancelBatch(input: {id: $id}) { userErrors { code } } }",
        _fresh_batch,
    ),
    Gated(
        "batches.manage",
        'mutation($id: ID!) { failBatch(input: {id: $id, reason: "Seized"}) '
        "{ userErrors { code } } }",
        _fresh_batch,
    ),
    Gated("webhooks.manage", "query { webhookEndpoints { nodes { id } } }"),
    Gated(
        "webhooks.manage",
        'mutation { createWebhookEndpoint(input: {url: "https://8.8.8.8/hooks", '
        'eventTypes: ["inventory.*"]}) { userErrors { code } } }',
    ),
    Gated("webhooks.manage", "query { webhookDeliveries { nodes { id } } }"),
    Gated("events.read", "query { events { nodes { id } } }"),
    Gated("billing.read", "query { subscription { plan usage { limit used } } }"),
]


@pytest.fixture
async def team(client: httpx.AsyncClient) -> dict[Role, Account]:
    owner = await sign_up(client)
    members = {Role.OWNER: owner}
    for role in (Role.ADMIN, Role.MANAGER, Role.MAKER, Role.VIEWER):
        members[role] = await join_with_role(client, owner, role.name)
    return members


@pytest.mark.parametrize("operation", GATED, ids=lambda g: f"{g.field}:{g.permission}")
async def test_each_role_is_allowed_exactly_what_its_permissions_say(client, team, operation):
    outcomes = {}
    for role, member in team.items():
        variables = await operation.variables(client, team[Role.OWNER])
        body = await gql(client, operation.query, variables, member.token)
        allowed = operation.permission in ROLE_PERMISSIONS[role]
        if allowed:
            assert error_codes(body) == [], (role, body)
            result = body["data"][operation.field]
            assert result is not None
            user_errors = result.get("userErrors", []) if isinstance(result, dict) else []
            assert user_errors == [], (role, user_errors)
        else:
            assert error_codes(body) == ["FORBIDDEN"], (role, body)
            assert operation.permission in body["errors"][0]["message"]
        outcomes[role] = allowed
    assert outcomes[Role.OWNER]


def test_the_matrix_refuses_something_to_every_role_below_owner():
    for role in (Role.ADMIN, Role.MANAGER, Role.MAKER, Role.VIEWER):
        refused = [g for g in GATED if g.permission not in ROLE_PERMISSIONS[role]]
        assert refused or role is Role.ADMIN, role


async def test_an_api_key_is_limited_to_its_scopes(client):
    owner = await sign_up(client)
    key = await api_key(client, owner.token, ["members.read"])
    assert "errors" not in await gql(client, "{ members { nodes { id } } }", token=key)
    body = await gql(client, "{ apiKeys { nodes { id } } }", token=key)
    assert error_codes(body) == ["FORBIDDEN"]


async def test_api_keys_cannot_mint_api_keys_even_with_the_scope(client):
    owner = await sign_up(client)
    key = await api_key(client, owner.token, ["api_keys.manage"])
    body = await gql(
        client,
        'mutation { createApiKey(input: {name: "k", scopes: [MEMBERS_READ]}) { token } }',
        token=key,
    )
    assert error_codes(body) == ["FORBIDDEN"]
    listing = data(await gql(client, "{ apiKeys { nodes { id } } }", token=key))
    assert len(listing["apiKeys"]["nodes"]) == 1

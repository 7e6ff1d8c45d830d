"""The cross-tenant matrix: every operation that takes an ID, called by another
organization with an ID of ours, answers exactly as for an ID that does not exist, and
changes nothing. A new domain adds its ID-taking operations to MATRIX."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from resolvers.ids import parse_global_id, to_global_id
from tests.api_helpers import (
    OVERRIDE_STEP,
    TRY_RECIPE,
    VARY_RECIPE,
    Account,
    api_key,
    create_item,
    create_recipe,
    create_stocked_recipe,
    data,
    gql,
    join_with_role,
    receive,
    recipe_operation,
    reserve,
    sign_up,
    start_batch,
)

pytestmark = [pytest.mark.api, pytest.mark.auth]

MakeTarget = Callable[[httpx.AsyncClient, Account], Awaitable[str]]


async def _api_key_id(client: httpx.AsyncClient, owner: Account) -> str:
    await api_key(client, owner.token, ["members.read"])
    keys = data(await gql(client, "{ apiKeys(last: 1) { nodes { id } } }", token=owner.token))
    key_id: str = keys["apiKeys"]["nodes"][0]["id"]
    return key_id


async def _member_id(client: httpx.AsyncClient, owner: Account) -> str:
    await join_with_role(client, owner, "MAKER")
    members = data(await gql(client, "{ members(last: 1) { nodes { id } } }", token=owner.token))
    member_id: str = members["members"]["nodes"][0]["id"]
    return member_id


async def _session_id(client: httpx.AsyncClient, owner: Account) -> str:
    found = data(await gql(client, "{ sessions(last: 1) { nodes { id } } }", token=owner.token))
    session_id: str = found["sessions"]["nodes"][0]["id"]
    return session_id


async def _organization_id(client: httpx.AsyncClient, owner: Account) -> str:
    return owner.organization_id


async def _item_id(client: httpx.AsyncClient, owner: Account) -> str:
    item = await create_item(client, owner.token, "Their oil")
    await receive(client, owner.token, item, "100")
    return item


async def _lot_id(client: httpx.AsyncClient, owner: Account) -> str:
    item = await create_item(client, owner.token, "Their wax")
    lot_id: str = (await receive(client, owner.token, item, "100"))["lot"]["id"]
    return lot_id


async def _ledger_entry_id(client: httpx.AsyncClient, owner: Account) -> str:
    item = await create_item(client, owner.token, "Their lye")
    entry_id: str = (await receive(client, owner.token, item, "100"))["ledgerEntries"][0]["id"]
    return entry_id


async def _reservation_id(client: httpx.AsyncClient, owner: Account) -> str:
    return await reserve(client, owner.token, await _item_id(client, owner), "10", "#9")


def _with_id(query: str, target: MakeTarget, name: str) -> IdOperation:
    return IdOperation(name, target, query, lambda i: {"id": i})


PERIOD = 'from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z"'
ERRORS = "userErrors { field message code }"


@dataclass(frozen=True)
class IdOperation:
    name: str
    make_target: MakeTarget
    query: str
    variables: Callable[[str], dict[str, Any]]


MATRIX = [
    IdOperation(
        "node(ApiKey)", _api_key_id, "query($id: ID!) { node(id: $id) { id } }", lambda i: {"id": i}
    ),
    IdOperation(
        "node(Member)", _member_id, "query($id: ID!) { node(id: $id) { id } }", lambda i: {"id": i}
    ),
    IdOperation(
        "node(Organization)",
        _organization_id,
        "query($id: ID!) { node(id: $id) { id } }",
        lambda i: {"id": i},
    ),
    IdOperation(
        "nodes", _api_key_id, "query($id: ID!) { nodes(ids: [$id]) { id } }", lambda i: {"id": i}
    ),
    IdOperation(
        "revokeApiKey",
        _api_key_id,
        "mutation($id: ID!) { revokeApiKey(input: {id: $id}) "
        "{ apiKey { id revokedAt } userErrors { field message code } } }",
        lambda i: {"id": i},
    ),
    IdOperation(
        "rotateApiKey",
        _api_key_id,
        "mutation($id: ID!) { rotateApiKey(input: {id: $id}) "
        "{ token apiKey { id } userErrors { field message code } } }",
        lambda i: {"id": i},
    ),
    IdOperation(
        "revokeSession",
        _session_id,
        "mutation($id: ID!) { revokeSession(input: {id: $id}) "
        "{ session { id } userErrors { field message code } } }",
        lambda i: {"id": i},
    ),
    IdOperation(
        "updateMemberRole",
        _member_id,
        "mutation($id: ID!) { updateMemberRole(input: {id: $id, role: VIEWER}) "
        "{ member { id role } userErrors { field message code } } }",
        lambda i: {"id": i},
    ),
    IdOperation(
        "removeMember",
        _member_id,
        "mutation($id: ID!) { removeMember(input: {id: $id}) "
        "{ removedMemberId userErrors { field message code } } }",
        lambda i: {"id": i},
    ),
]

NODE = "query($id: ID!) { node(id: $id) { id } }"
ITEM_PAYLOAD = f"inventoryItem {{ id onHand {{ amount }} }} {ERRORS}"
MATRIX += [
    _with_id(NODE, _item_id, "node(InventoryItem)"),
    _with_id(NODE, _lot_id, "node(InventoryLot)"),
    _with_id(NODE, _ledger_entry_id, "node(InventoryLedgerEntry)"),
    _with_id(NODE, _reservation_id, "node(InventoryReservation)"),
    _with_id("query($id: ID!) { inventoryItem(id: $id) { id } }", _item_id, "inventoryItem"),
    _with_id(
        "query($id: ID!) { inventoryLots(itemId: $id) { nodes { id } } }", _item_id, "inventoryLots"
    ),
    _with_id(
        "query($id: ID!) { inventoryHistory(itemId: $id) { nodes { id } } }",
        _item_id,
        "inventoryHistory(itemId)",
    ),
    _with_id(
        "query($id: ID!) { inventoryHistory(lotId: $id) { nodes { id } } }",
        _lot_id,
        "inventoryHistory(lotId)",
    ),
    _with_id(
        "query($id: ID!) { inventoryReservations(itemId: $id) { nodes { id } } }",
        _item_id,
        "inventoryReservations",
    ),
    _with_id(
        f"query($id: ID!) {{ effectiveCost(itemId: $id, {PERIOD}) {{ itemId }} }}",
        _item_id,
        "effectiveCost",
    ),
    _with_id(
        f"query($id: ID!) {{ spoilageReport(itemId: $id, {PERIOD}) {{ months {{ itemId }} }} }}",
        _item_id,
        "spoilageReport",
    ),
    _with_id(
        "query($id: ID!) { purchaseHistory(itemId: $id) { nodes { lotId } } }",
        _item_id,
        "purchaseHistory",
    ),
    _with_id(
        "query($id: ID!) { vendorPriceHistory(itemId: $id) { vendor } }",
        _item_id,
        "vendorPriceHistory",
    ),
    _with_id(
        'query($id: ID!) { convertQuantity(itemId: $id, quantity: {amount: "1", unit: "ml"}, '
        f'toUnit: "g") {{ quantity {{ amount }} {ERRORS} }} }}',
        _item_id,
        "convertQuantity",
    ),
    _with_id(
        f'mutation($id: ID!) {{ updateInventoryItem(input: {{id: $id, name: "Mine"}}) '
        f"{{ {ITEM_PAYLOAD} }} }}",
        _item_id,
        "updateInventoryItem",
    ),
    _with_id(
        'mutation($id: ID!) { setItemDensity(input: {itemId: $id, density: "0.9"}) '
        f"{{ {ITEM_PAYLOAD} }} }}",
        _item_id,
        "setItemDensity",
    ),
    _with_id(
        f"mutation($id: ID!) {{ archiveInventoryItem(input: {{id: $id}}) {{ {ITEM_PAYLOAD} }} }}",
        _item_id,
        "archiveInventoryItem",
    ),
    _with_id(
        'mutation($id: ID!) { receiveInventory(input: {itemId: $id, unitCost: "1", '
        f'quantity: {{amount: "5", unit: "g"}}}}) {{ lot {{ id }} {ITEM_PAYLOAD} }} }}',
        _item_id,
        "receiveInventory",
    ),
    _with_id(
        "mutation($id: ID!) { adjustInventory(input: {itemId: $id, changeType: USE, "
        f'quantity: {{amount: "5", unit: "g"}}}}) {{ {ITEM_PAYLOAD} }} }}',
        _item_id,
        "adjustInventory",
    ),
    _with_id(
        "mutation($id: ID!) { writeOffExpiredLots(input: {itemId: $id}) "
        f"{{ adjustments {{ operationId }} {ERRORS} }} }}",
        _item_id,
        "writeOffExpiredLots",
    ),
    _with_id(
        'mutation($id: ID!) { reserveInventory(input: {itemId: $id, orderReference: "#1", '
        f'quantity: {{amount: "5", unit: "g"}}}}) {{ reservation {{ id }} {ERRORS} }} }}',
        _item_id,
        "reserveInventory",
    ),
    _with_id(
        "mutation($id: ID!) { releaseReservation(input: {id: $id}) "
        f"{{ reservation {{ id status }} {ERRORS} }} }}",
        _reservation_id,
        "releaseReservation",
    ),
    _with_id(
        "mutation($id: ID!) { fulfilReservation(input: {id: $id}) "
        f"{{ reservation {{ id status }} {ERRORS} }} }}",
        _reservation_id,
        "fulfilReservation",
    ),
    _with_id(
        'mutation($id: ID!) { fulfilReservation(input: {id: $id, quantity: {amount: "1", '
        f'unit: "g"}}}}) {{ reservation {{ id status remaining {{ amount }} }} {ERRORS} }} }}',
        _reservation_id,
        "fulfilReservation(quantity)",
    ),
    _with_id(
        'query($id: ID!) { inventoryReservations(itemId: $id, orderReference: "#9") '
        "{ nodes { id } } }",
        _item_id,
        "inventoryReservations(orderReference)",
    ),
]


HOOK_URL = "https://8.8.8.8/hooks"


async def _endpoint_id(client: httpx.AsyncClient, owner: Account) -> str:
    body = await gql(
        client,
        "mutation($url: String!) { createWebhookEndpoint(input: {url: $url, "
        'eventTypes: ["inventory.*"]}) { webhookEndpoint { id } } }',
        {"url": HOOK_URL},
        owner.token,
    )
    endpoint_id: str = data(body)["createWebhookEndpoint"]["webhookEndpoint"]["id"]
    return endpoint_id


async def _delivery_id(client: httpx.AsyncClient, owner: Account) -> str:
    endpoint_id = await _endpoint_id(client, owner)
    body = await gql(
        client,
        "mutation($id: ID!) { sendTestWebhook(input: {id: $id}) { delivery { id } } }",
        {"id": endpoint_id},
        owner.token,
    )
    delivery_id: str = data(body)["sendTestWebhook"]["delivery"]["id"]
    return delivery_id


async def _event_id(client: httpx.AsyncClient, owner: Account) -> str:
    await create_item(client, owner.token, "Their clay")
    events = data(await gql(client, "{ events(last: 1) { nodes { id } } }", token=owner.token))
    event_id: str = events["events"]["nodes"][0]["id"]
    return event_id


ENDPOINT_PAYLOAD = f"webhookEndpoint {{ id url enabled eventTypes }} {ERRORS}"
MATRIX += [
    _with_id(NODE, _endpoint_id, "node(WebhookEndpoint)"),
    _with_id(NODE, _delivery_id, "node(WebhookDelivery)"),
    _with_id(NODE, _event_id, "node(Event)"),
    _with_id(
        "mutation($id: ID!) { updateWebhookEndpoint(input: {id: $id, enabled: false, "
        f'url: "https://8.8.4.4/mine"}}) {{ {ENDPOINT_PAYLOAD} }} }}',
        _endpoint_id,
        "updateWebhookEndpoint",
    ),
    _with_id(
        "mutation($id: ID!) { deleteWebhookEndpoint(input: {id: $id}) "
        f"{{ deletedWebhookEndpointId {ERRORS} }} }}",
        _endpoint_id,
        "deleteWebhookEndpoint",
    ),
    _with_id(
        "mutation($id: ID!) { rotateWebhookSecret(input: {id: $id}) "
        f"{{ secret {ENDPOINT_PAYLOAD} }} }}",
        _endpoint_id,
        "rotateWebhookSecret",
    ),
    _with_id(
        "mutation($id: ID!) { sendTestWebhook(input: {id: $id}) "
        f"{{ delivery {{ id }} {ERRORS} }} }}",
        _endpoint_id,
        "sendTestWebhook",
    ),
    _with_id(
        "mutation($id: ID!) { redeliverWebhook(input: {id: $id}) "
        f"{{ delivery {{ id }} {ERRORS} }} }}",
        _delivery_id,
        "redeliverWebhook",
    ),
    _with_id(
        "mutation($id: ID!) { replayWebhookEvents(input: {endpointId: $id, "
        'since: "2020-01-01T00:00:00Z", until: "2100-01-01T00:00:00Z"}) '
        f"{{ deliveryCount deliveries {{ id }} {ERRORS} }} }}",
        _endpoint_id,
        "replayWebhookEvents",
    ),
    _with_id(
        "query($id: ID!) { webhookDeliveries(endpointId: $id) { nodes { id } } }",
        _endpoint_id,
        "webhookDeliveries(endpointId)",
    ),
]


async def _recipe_id(client: httpx.AsyncClient, owner: Account) -> str:
    recipe_id: str = (await create_recipe(client, owner.token, "Their soap"))["id"]
    return recipe_id


async def _test_id(client: httpx.AsyncClient, owner: Account) -> str:
    test: dict[str, Any] = await recipe_operation(
        client, owner.token, TRY_RECIPE, id=await _recipe_id(client, owner)
    )
    return str(test["id"])


async def _overridden_variation_id(client: httpx.AsyncClient, owner: Account) -> str:
    """A variation overriding its one step, whose key is STEP_KEY... of its own: the key
    is not needed to find that another organization's recipe is not found."""
    source = await create_recipe(client, owner.token, "Their base")
    made = await recipe_operation(client, owner.token, VARY_RECIPE, id=source["id"])
    await recipe_operation(client, owner.token, OVERRIDE_STEP, id=made["id"], key=source["stepKey"])
    return str(made["id"])


async def _product_id(client: httpx.AsyncClient, owner: Account) -> str:
    return await create_item(client, owner.token, "Their soap bar", type="PRODUCT")


RECIPE_PAYLOAD = f"recipe {{ id version status }} {ERRORS}"
MATRIX += [
    _with_id(NODE, _recipe_id, "node(Recipe)"),
    _with_id(
        "query($id: ID!) { recipe(id: $id) { id steps { key } versions { nodes { id } } } }",
        _recipe_id,
        "recipe",
    ),
    _with_id(
        "query($id: ID!) { recipes(filter: {outputItemId: $id}) { nodes { id } } }",
        _product_id,
        "recipes(outputItemId)",
    ),
    _with_id(
        'mutation($id: ID!) { createRecipe(input: {name: "Mine", outputItemId: $id, '
        f'predictedYield: {{amount: "1", unit: "kg"}}}}) {{ {RECIPE_PAYLOAD} }} }}',
        _product_id,
        "createRecipe(outputItemId)",
    ),
    _with_id(
        f'mutation($id: ID!) {{ updateRecipe(input: {{id: $id, name: "Mine"}}) '
        f"{{ {RECIPE_PAYLOAD} }} }}",
        _recipe_id,
        "updateRecipe",
    ),
    _with_id(
        f"mutation($id: ID!) {{ publishRecipe(input: {{id: $id}}) {{ {RECIPE_PAYLOAD} }} }}",
        _recipe_id,
        "publishRecipe",
    ),
    _with_id(
        f"mutation($id: ID!) {{ archiveRecipe(input: {{id: $id}}) {{ {RECIPE_PAYLOAD} }} }}",
        _recipe_id,
        "archiveRecipe",
    ),
    _with_id(
        'mutation($id: ID!) { createRecipeVariation(input: {sourceRecipeId: $id, name: "Mine"}) '
        f"{{ {RECIPE_PAYLOAD} }} }}",
        _recipe_id,
        "createRecipeVariation",
    ),
    _with_id(
        "mutation($id: ID!) { createRecipeTest(input: {sourceRecipeId: $id}) "
        f"{{ {RECIPE_PAYLOAD} }} }}",
        _recipe_id,
        "createRecipeTest",
    ),
    _with_id(
        "mutation($id: ID!) { promoteRecipeTest(input: {testId: $id}) "
        f"{{ recipe {{ id }} test {{ id }} {ERRORS} }} }}",
        _test_id,
        "promoteRecipeTest",
    ),
    _with_id(
        'mutation($id: ID!) { overrideRecipeStep(input: {recipeId: $id, stepKey: "st_1", '
        f'text: "Mine"}}) {{ {RECIPE_PAYLOAD} }} }}',
        _overridden_variation_id,
        "overrideRecipeStep",
    ),
    _with_id(
        'mutation($id: ID!) { revertRecipeStep(input: {recipeId: $id, stepKey: "st_1"}) '
        f"{{ {RECIPE_PAYLOAD} }} }}",
        _overridden_variation_id,
        "revertRecipeStep",
    ),
]


async def _stocked_recipe_id(client: httpx.AsyncClient, owner: Account) -> str:
    recipe_id: str = (await create_stocked_recipe(client, owner.token, "Their soap"))["id"]
    return recipe_id


async def _batch_id(client: httpx.AsyncClient, owner: Account) -> str:
    recipe = await create_stocked_recipe(client, owner.token, "Their soap")
    batch_id: str = (await start_batch(client, owner.token, recipe["id"]))["id"]
    return batch_id


BATCH_PAYLOAD = f"batch {{ id label status }} {ERRORS}"
MATRIX += [
    _with_id(NODE, _batch_id, "node(Batch)"),
    _with_id(
        "query($id: ID!) { traceLot(id: $id, direction: FORWARD) { lots { depth } } }",
        _lot_id,
        "traceLot",
    ),
    _with_id(
        "query($id: ID!) { batch(id: $id) { id instructions { steps { text } } } }",
        _batch_id,
        "batch",
    ),
    _with_id(
        "query($id: ID!) { batches(filter: {recipeId: $id}) { nodes { id } } }",
        _stocked_recipe_id,
        "batches(recipeId)",
    ),
    _with_id(
        f"mutation($id: ID!) {{ planBatch(input: {{recipeId: $id}}) {{ plan {{ shortages "
        f"{{ needed {{ amount }} }} }} {ERRORS} }} }}",
        _stocked_recipe_id,
        "planBatch",
    ),
    _with_id(
        f"mutation($id: ID!) {{ startBatch(input: {{recipeId: $id}}) {{ {BATCH_PAYLOAD} }} }}",
        _stocked_recipe_id,
        "startBatch",
    ),
    _with_id(
        "mutation($id: ID!) { addBatchIngredients(input: {batchId: $id, lines: []}) "
        f"{{ {BATCH_PAYLOAD} }} }}",
        _batch_id,
        "addBatchIngredients",
    ),
    _with_id(
        'mutation($id: ID!) { finishBatch(input: {id: $id, actualYield: {amount: "1", '
        f'unit: "kg"}}}}) {{ {BATCH_PAYLOAD} }} }}',
        _batch_id,
        "finishBatch",
    ),
    _with_id(
        'mutation($id: ID!) { splitBatch(input: {id: $id, variations: [{name: "Rose", '
        f'percentage: "50"}}]}}) {{ {BATCH_PAYLOAD} variations {{ id }} }} }}',
        _batch_id,
        "splitBatch",
    ),
    _with_id(
        f"mutation($id: ID!) {{ cancelBatch(input: {{id: $id}}) {{ {BATCH_PAYLOAD} }} }}",
        _batch_id,
        "cancelBatch",
    ),
    _with_id(
        'mutation($id: ID!) { failBatch(input: {id: $id, reason: "Seized"}) '
        f"{{ {BATCH_PAYLOAD} }} }}",
        _batch_id,
        "failBatch",
    ),
]


def _missing_like(global_id: str) -> str:
    parsed = parse_global_id(global_id)
    assert parsed is not None
    return to_global_id(parsed[0], 987_654_321)


def _normalised(body: dict[str, Any], global_id: str) -> str:
    """The whole response but the caller's remaining throttle budget, which moves with time."""
    body = json.loads(json.dumps(body))
    body.get("extensions", {}).get("cost", {}).pop("throttleStatus", None)
    return json.dumps(body, sort_keys=True).replace(global_id, "<ID>")


SNAPSHOT = """{ apiKeys { nodes { id revokedAt prefix } } members { nodes { id role } }
  sessions { nodes { id } }
  viewer { organization { id name currencyCode } }
  inventoryItems(filter: {includeArchived: true}) { nodes { id name archived
    onHand { amount } reserved { amount } stockValue { amount } } }
  inventoryReservations { nodes { id status fulfilled { amount } remaining { amount } } }
  inventoryHistory(last: 50) { nodes { id } }
  webhookEndpoints { nodes { id url enabled eventTypes description secretRotatedUntil } }
  webhookDeliveries(last: 50) { nodes { id } }
  events(last: 100) { nodes { id } }
  recipes(first: 10, filter: {includeTests: true}) { nodes { id name status
    versions(first: 5) { nodes { id name notes steps { key text } } } } }
  archivedRecipes: recipes(first: 10, filter: {status: ARCHIVED, includeTests: true}) {
    nodes { id } }
  batches(first: 10, filter: {includeVariations: true}) { nodes { id status
    ingredientCost { amount } consumption { drawn { amount } } } } }"""


@pytest.mark.parametrize("operation", MATRIX, ids=lambda op: op.name)
async def test_another_organizations_id_behaves_as_if_it_did_not_exist(client, operation):
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    target = await operation.make_target(client, theirs)
    before = data(await gql(client, SNAPSHOT, token=theirs.token))

    foreign = await gql(client, operation.query, operation.variables(target), ours.token)
    missing_id = _missing_like(target)
    missing = await gql(client, operation.query, operation.variables(missing_id), ours.token)

    assert _normalised(foreign, target) == _normalised(missing, missing_id)
    assert target not in json.dumps(foreign)
    assert data(await gql(client, SNAPSHOT, token=theirs.token)) == before


async def test_logging_in_to_an_organization_you_do_not_belong_to_is_not_found(client):
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    query = """mutation($input: LogInInput!) { logIn(input: $input) {
        token userErrors { field message code } } }"""
    from tests.api_helpers import PASSWORD

    def attempt(organization_id: str) -> dict[str, Any]:
        return {
            "input": {"email": ours.email, "password": PASSWORD, "organizationId": organization_id}
        }

    foreign = await gql(client, query, attempt(theirs.organization_id))
    missing_id = _missing_like(theirs.organization_id)
    missing = await gql(client, query, attempt(missing_id))
    assert _normalised(foreign, theirs.organization_id) == _normalised(missing, missing_id)
    assert data(foreign)["logIn"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_lists_show_only_the_callers_organization(client):
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    await api_key(client, theirs.token, ["members.read"])
    await join_with_role(client, theirs, "ADMIN")
    listing = data(
        await gql(
            client,
            "{ apiKeys { nodes { id } } members { nodes { user { email } } } }",
            token=ours.token,
        )
    )
    assert listing["apiKeys"]["nodes"] == []
    assert [m["user"]["email"] for m in listing["members"]["nodes"]] == [ours.email]


async def test_updating_an_organization_changes_only_the_callers(client):
    # given their organization, stocked (so its currency is fixed), and ours, not stocked
    theirs = await sign_up(client, "Theirs")
    await _item_id(client, theirs)
    ours = await sign_up(client, "Ours")
    before = data(await gql(client, SNAPSHOT, token=theirs.token))

    # when we rename ours and change its currency
    body = await gql(
        client,
        'mutation { updateOrganization(input: {name: "Renamed", currencyCode: CHF}) '
        f"{{ organization {{ id name currencyCode }} {ERRORS} }} }}",
        token=ours.token,
    )

    # then their stock did not lock ours, and theirs is as it was
    assert data(body)["updateOrganization"] == {
        "organization": {"id": ours.organization_id, "name": "Renamed", "currencyCode": "CHF"},
        "userErrors": [],
    }
    assert data(await gql(client, SNAPSHOT, token=theirs.token)) == before
    assert before["viewer"]["organization"]["currencyCode"] == "USD"


async def test_inventory_lists_show_only_the_callers_organization(client):
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    await _reservation_id(client, theirs)
    await _lot_id(client, theirs)
    query = """{ inventoryItems(filter: {includeArchived: true}) { nodes { id } }
        inventoryLots(includeEmpty: true) { nodes { id } }
        inventoryHistory { nodes { id } } inventoryReservations { nodes { id } }
        byOrder: inventoryReservations(orderReference: "#9") { nodes { id } }
        reorderSuggestions { itemId } }"""
    theirs_listing = data(await gql(client, query, token=theirs.token))
    assert len(theirs_listing["inventoryItems"]["nodes"]) == 2
    assert len(theirs_listing["byOrder"]["nodes"]) == 1
    listing = data(await gql(client, query, token=ours.token))
    assert listing == {
        "inventoryItems": {"nodes": []},
        "inventoryLots": {"nodes": []},
        "inventoryHistory": {"nodes": []},
        "inventoryReservations": {"nodes": []},
        "byOrder": {"nodes": []},
        "reorderSuggestions": [],
    }


async def test_another_organizations_skus_and_barcodes_are_invisible_and_free(client):
    """A SKU or barcode of theirs answers as one nobody has, and is free to take: it is
    unique per organization, so SKU_TAKEN cannot tell one organization of another's."""
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    await create_item(client, theirs.token, "Their soap", sku="LAV-100", barcode="4006")
    query = """query($sku: String!, $barcode: String!) {
        inventoryItemBySku(sku: $sku) { id name }
        inventoryItems(filter: {skus: [$sku]}) { nodes { id } }
        byBarcode: inventoryItems(filter: {barcode: $barcode, includeArchived: true}) {
          nodes { id } } }"""

    foreign = await gql(client, query, {"sku": "LAV-100", "barcode": "4006"}, ours.token)
    missing = await gql(client, query, {"sku": "LAV-999", "barcode": "4999"}, ours.token)
    assert _normalised(foreign, "LAV-100") == _normalised(missing, "LAV-999")
    assert data(foreign) == {
        "inventoryItemBySku": None,
        "inventoryItems": {"nodes": []},
        "byBarcode": {"nodes": []},
    }
    mine = await create_item(client, ours.token, "Our soap", sku="LAV-100", barcode="4006")
    found = data(await gql(client, query, {"sku": "LAV-100", "barcode": "4006"}, ours.token))
    assert found["inventoryItemBySku"] == {"id": mine, "name": "Our soap"}
    assert found["byBarcode"] == {"nodes": [{"id": mine}]}


async def test_webhook_and_event_lists_show_only_the_callers_organization(client):
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    await _delivery_id(client, theirs)
    await _event_id(client, theirs)
    query = """{ webhookEndpoints { nodes { id } } webhookDeliveries { nodes { id } }
        events { nodes { id } } }"""
    theirs_listing = data(await gql(client, query, token=theirs.token))
    assert len(theirs_listing["webhookDeliveries"]["nodes"]) >= 1
    assert len(theirs_listing["events"]["nodes"]) >= 2
    listing = data(await gql(client, query, token=ours.token))
    assert listing == {
        "webhookEndpoints": {"nodes": []},
        "webhookDeliveries": {"nodes": []},
        "events": {"nodes": []},
    }

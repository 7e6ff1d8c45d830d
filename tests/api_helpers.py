"""Calling the API as a client would, for the API and end-to-end tests."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

import httpx

from schema.accounts import scope_name
from tests.timing import eventually

_counter = itertools.count(1)
PASSWORD = "correct horse battery"


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    token: str | None = None,
    expect_status: int | None = 200,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    if expect_status is not None:
        assert response.status_code == expect_status, response.text
    body: dict[str, Any] = response.json()
    return body


def data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body.get("errors")
    result: dict[str, Any] = body["data"]
    return result


def error_codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


SIGN_UP = """
mutation($input: SignUpInput!) {
  signUp(input: $input) {
    token user { id email } organization { id name }
    userErrors { field message code }
  }
}"""

CREATE_API_KEY = """
mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { token apiKey { id scopes } userErrors { field message code } }
}"""


@dataclass
class Account:
    token: str
    user_id: str
    organization_id: str
    email: str


async def sign_up(
    client: httpx.AsyncClient,
    organization: str = "Workshop",
    currency: str | None = None,
    *,
    verified: bool = True,
) -> Account:
    """A new owner and organization (in `currency`, else the default), their email
    verified with the mailed token when the client's app delivers to a Mailbox."""
    email = f"maker{next(_counter)}@example.com"
    values = {"email": email, "password": PASSWORD, "organizationName": organization}
    if currency is not None:
        values["currencyCode"] = currency
    body = await gql(client, SIGN_UP, {"input": values})
    result = data(body)["signUp"]
    assert result["userErrors"] == []
    if verified and hasattr(client, "mailbox"):
        token = await client.mailbox.token(email, "bt_verify_")
        verify = data(await gql(client, VERIFY_EMAIL, {"input": {"token": token}}))
        assert verify["verifyEmail"]["userErrors"] == [], verify
    return Account(result["token"], result["user"]["id"], result["organization"]["id"], email)


VERIFY_EMAIL = """
mutation($input: VerifyEmailInput!) {
  verifyEmail(input: $input) { user { id emailVerifiedAt } userErrors { field message code } }
}"""


@dataclass
class Mail:
    to: str
    subject: str
    body: str


class Mailbox:
    """Every message the app's mail dispatcher sent, as the recipients got them."""

    def __init__(self) -> None:
        self.received: list[Mail] = []

    def receive(self, to: str, subject: str, body: str) -> None:
        self.received.append(Mail(to, subject, body))

    async def token(self, to: str, prefix: str, *, mails: int = 1) -> str:
        """The newest token with this prefix mailed to `to`, once `mails` such mails
        have arrived."""
        pattern = re.compile(re.escape(prefix) + r"[A-Za-z0-9_\-]+")
        found: list[str] = []

        def arrived() -> bool:
            found[:] = [
                m.group(0)
                for mail in self.received
                if mail.to == to
                for m in [pattern.search(mail.body)]
                if m is not None
            ]
            return len(found) >= mails

        await eventually(arrived, what=f"a {prefix} token mailed to {to}")
        return found[-1]


def open_mailbox(client: httpx.AsyncClient, app: Any) -> Mailbox:
    """Deliver what the app mails to a Mailbox on the client (`client.mailbox`), where
    sign_up finds the verification token and join_with_role the invitation."""
    mailbox = Mailbox()
    # Read in this process: the app sends its mail itself, not through Redis and workers.
    app.state.mailer.enqueue = None
    app.state.mailer.listeners.append(mailbox.receive)
    client.mailbox = mailbox  # type: ignore[attr-defined]
    return mailbox


async def api_key(client: httpx.AsyncClient, owner_token: str, scopes: list[str]) -> str:
    body = await gql(
        client,
        CREATE_API_KEY,
        {"input": {"name": "key", "scopes": [scope_name(s) for s in scopes]}},
        owner_token,
    )
    result = data(body)["createApiKey"]
    assert result["userErrors"] == []
    token: str = result["token"]
    return token


INVITE = """
mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { invitation { id email role } userErrors { field message code } }
}"""


async def invitation_token(client: httpx.AsyncClient, email: str) -> str:
    """The invitation token, from the email the invitee received."""
    token: str = await client.mailbox.token(email, "bt_inv_")  # type: ignore[attr-defined]
    return token


async def join_with_role(client: httpx.AsyncClient, owner: Account, role: str) -> Account:
    """Invite a new person with `role` into the owner's organization; they sign up."""
    email = f"{role.lower()}{next(_counter)}@example.com"
    result = data(await gql(client, INVITE, {"input": {"email": email, "role": role}}, owner.token))
    assert result["inviteMember"]["userErrors"] == []
    token = await invitation_token(client, email)
    body = await gql(
        client,
        SIGN_UP,
        {"input": {"email": email, "password": PASSWORD, "invitationToken": token}},
    )
    joined = data(body)["signUp"]
    assert joined["userErrors"] == []
    assert joined["organization"]["id"] == owner.organization_id
    return Account(joined["token"], joined["user"]["id"], owner.organization_id, email)


CREATE_ITEM = """
mutation($input: CreateInventoryItemInput!) {
  createInventoryItem(input: $input) {
    inventoryItem { id name baseUnit onHand { amount unit } }
    userErrors { field message code }
  }
}"""

RECEIVE = """
mutation($input: ReceiveInventoryInput!) {
  receiveInventory(input: $input) {
    lot { id lotCode remaining { amount unit } unitCost { amount } totalCost { amount } }
    inventoryItem { onHand { amount } stockValue { amount } }
    ledgerEntries { id changeType quantity { amount } value { amount } }
    userErrors { field message code }
  }
}"""


async def create_item(
    client: httpx.AsyncClient, token: str, name: str, base_unit: str = "g", **fields: Any
) -> str:
    """A new inventory item through the API; returns its ID."""
    values = {"name": name, "type": "INGREDIENT", "baseUnit": base_unit, **fields}
    result = data(await gql(client, CREATE_ITEM, {"input": values}, token))["createInventoryItem"]
    assert result["userErrors"] == [], result["userErrors"]
    item_id: str = result["inventoryItem"]["id"]
    return item_id


async def receive(
    client: httpx.AsyncClient,
    token: str,
    item_id: str,
    amount: str,
    unit: str = "g",
    unit_cost: str = "0.01",
    **fields: Any,
) -> dict[str, Any]:
    values = {
        "itemId": item_id,
        "quantity": {"amount": amount, "unit": unit},
        "unitCost": unit_cost,
        **fields,
    }
    result: dict[str, Any] = data(await gql(client, RECEIVE, {"input": values}, token))[
        "receiveInventory"
    ]
    assert result["userErrors"] == [], result["userErrors"]
    return result


def page_references(page: str) -> list[str]:
    """The URLs an HTML page loads: its scripts' src and its links' href."""
    scripts = re.findall(r'<script\b[^>]*\ssrc="([^"]*)"', page)
    links = re.findall(r'<link\b[^>]*\shref="([^"]*)"', page)
    return scripts + links


RESERVE = """
mutation($input: ReserveInventoryInput!) {
  reserveInventory(input: $input) {
    reservation { id status orderReference quantity { amount unit } item { id } }
    inventoryItem { onHand { amount } reserved { amount } available { amount } }
    userErrors { field message code }
  }
}"""


async def reserve(
    client: httpx.AsyncClient,
    token: str,
    item_id: str,
    amount: str,
    order_reference: str,
    unit: str = "g",
) -> str:
    """A new reservation through the API; returns its ID."""
    values = {
        "itemId": item_id,
        "quantity": {"amount": amount, "unit": unit},
        "orderReference": order_reference,
    }
    result = data(await gql(client, RESERVE, {"input": values}, token))["reserveInventory"]
    assert result["userErrors"] == [], result["userErrors"]
    reservation_id: str = result["reservation"]["id"]
    return reservation_id


CREATE_RECIPE = """
mutation($input: CreateRecipeInput!) {
  createRecipe(input: $input) { recipe { id steps { key } } userErrors { field message code } }
}"""


async def create_recipe(
    client: httpx.AsyncClient, token: str, name: str = "Soap"
) -> dict[str, Any]:
    """A new draft recipe (its own output and ingredient items, one step) through the API:
    {"id": ..., "stepKey": ...}."""
    number = next(_counter)
    output = await create_item(client, token, f"{name} {number}", type="PRODUCT")
    oil = await create_item(client, token, f"{name} oil {number}")
    values = {
        "name": name,
        "outputItemId": output,
        "predictedYield": {"amount": "1", "unit": "kg"},
        "ingredients": [{"itemId": oil, "quantity": {"amount": "700", "unit": "g"}}],
        "steps": [{"text": "Melt the oils"}],
    }
    result = data(await gql(client, CREATE_RECIPE, {"input": values}, token))["createRecipe"]
    assert result["userErrors"] == [], result["userErrors"]
    recipe: dict[str, Any] = result["recipe"]
    return {"id": recipe["id"], "stepKey": recipe["steps"][0]["key"]}


async def recipe_operation(
    client: httpx.AsyncClient, token: str, mutation: str, **variables: Any
) -> dict[str, Any]:
    """Run a recipe mutation whose payload has `recipe { id }`; returns that recipe."""
    body = data(await gql(client, mutation, variables, token))
    [result] = body.values()
    assert result["userErrors"] == [], result["userErrors"]
    recipe: dict[str, Any] = result["recipe"]
    return recipe


VARY_RECIPE = """mutation($id: ID!) { createRecipeVariation(input: {sourceRecipeId: $id,
  name: "Variation"}) { recipe { id } userErrors { field message code } } }"""
TRY_RECIPE = """mutation($id: ID!) { createRecipeTest(input: {sourceRecipeId: $id}) {
  recipe { id } userErrors { field message code } } }"""
OVERRIDE_STEP = """mutation($id: ID!, $key: String!) { overrideRecipeStep(input: {recipeId: $id,
  stepKey: $key, text: "Mine"}) { recipe { id } userErrors { field message code } } }"""


async def create_stocked_recipe(
    client: httpx.AsyncClient, token: str, name: str = "Soap", batches: int = 10
) -> dict[str, Any]:
    """A draft recipe of 700 g of oil for 1 kg of soap, its oil stocked for `batches`
    batches at 0.01/g: {"id": recipe, "oil": item, "output": item}."""
    number = next(_counter)
    output = await create_item(client, token, f"{name} {number}", type="PRODUCT")
    oil = await create_item(client, token, f"{name} oil {number}")
    if batches:
        await receive(client, token, oil, str(700 * batches))
    values = {
        "name": name,
        "outputItemId": output,
        "predictedYield": {"amount": "1", "unit": "kg"},
        "ingredients": [{"itemId": oil, "quantity": {"amount": "700", "unit": "g"}}],
        "steps": [{"text": "Melt the oils"}],
        "labelPrefix": "SOAP",
    }
    result = data(await gql(client, CREATE_RECIPE, {"input": values}, token))["createRecipe"]
    assert result["userErrors"] == [], result["userErrors"]
    return {"id": result["recipe"]["id"], "oil": oil, "output": output}


START_BATCH = """
mutation($input: StartBatchInput!) {
  startBatch(input: $input) {
    batch { id label status plannedCost { amount } ingredientCost { amount } }
    shortages { needed { amount unit } available { amount unit } item { id } }
    userErrors { field message code }
  }
}"""


async def start_batch(client: httpx.AsyncClient, token: str, recipe_id: str) -> dict[str, Any]:
    """A batch of the recipe started through the API; returns the payload's batch."""
    body = data(await gql(client, START_BATCH, {"input": {"recipeId": recipe_id}}, token))
    result = body["startBatch"]
    assert result["userErrors"] == [], result["userErrors"]
    batch: dict[str, Any] = result["batch"]
    return batch

"""The Python SDK's README runs: its snippets, in order, against a live server (the
placeholder URL, key and secret replaced by real ones), so the documentation cannot drift
from the SDK."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from batchtrack_sdk import (
    ApiKeyScope,
    Client,
    CreateInventoryItemInput,
    CreateWebhookEndpointInput,
    InventoryItemType,
    QuantityInput,
    ReceiveInventoryInput,
    SendTestWebhookInput,
)

from tests.fuzz.live_server import LiveServer
from tests.sdk.conftest import REPOSITORY, api_key, graphql_url, new_owner
from tests.webhooks.conftest import Receiver

pytestmark = pytest.mark.api

README = REPOSITORY / "sdk" / "python" / "README.md"
SCOPES = [ApiKeyScope.INVENTORY_READ, ApiKeyScope.INVENTORY_ADJUST, ApiKeyScope.ORGANIZATION_READ]


def _snippets() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(), re.DOTALL)


def test_each_snippet_is_under_twenty_lines() -> None:
    assert len(_snippets()) >= 4
    assert all(len(snippet.splitlines()) < 20 for snippet in _snippets())


async def test_the_readme_snippets_run(sdk_server: LiveServer, receiver: Receiver) -> None:
    owner = new_owner(sdk_server)
    path = receiver.new_path()
    with Client(graphql_url(sdk_server), owner) as setup:
        item = setup.create_inventory_item(
            CreateInventoryItemInput(name="Candle", type=InventoryItemType.PRODUCT, baseUnit="each")
        ).inventory_item
        assert item is not None
        stock = QuantityInput(amount=Decimal("10"), unit="each")
        setup.receive_inventory(
            ReceiveInventoryInput(itemId=item.id, quantity=stock, unitCost=Decimal(1))
        )
        endpoint = setup.create_webhook_endpoint(
            CreateWebhookEndpointInput(url=receiver.url(path), eventTypes=["inventory.*"])
        )
        assert endpoint.webhook_endpoint is not None
        assert endpoint.secret is not None
    code = "\n".join(_snippets())
    code = code.replace("https://batchtrack.example.com/graphql", graphql_url(sdk_server))
    code = code.replace("bt_live_...", api_key(sdk_server, owner, SCOPES))
    code = code.replace("whsec_...", endpoint.secret)
    namespace: dict[str, object] = {}
    exec(compile(code, str(README), "exec"), namespace)

    with Client(graphql_url(sdk_server), owner) as setup:
        setup.send_test_webhook(SendTestWebhookInput(id=endpoint.webhook_endpoint.id))
        after = setup.inventory_item(item.id)
    assert after is not None
    assert after.on_hand.amount == Decimal("10") - Decimal("2")
    handle = namespace["handle"]
    assert callable(handle)
    deliveries = await receiver.wait_for(path, 2)  # the sale's inventory.adjusted, the test
    assert [handle(d.body, d.headers) for d in deliveries] == [200, 200]
    assert handle(b"{}", deliveries[0].headers) == 400

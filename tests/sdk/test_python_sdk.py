"""The Python SDK against a live server: the generated clients (async and sync), pages,
typed errors, idempotency keys reused on retries, webhook verification."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest
from batchtrack_sdk import (
    AdjustInventoryInput,
    ApiKeyScope,
    AsyncClient,
    Client,
    CreateInventoryItemInput,
    CreateWebhookEndpointInput,
    InvalidWebhook,
    InventoryChangeType,
    InventoryItemType,
    QuantityInput,
    ReceiveInventoryInput,
    SendTestWebhookInput,
    Unauthenticated,
    UserErrors,
    WebhookVerifier,
    iter_nodes,
    paginate,
    paginate_pages,
)

from tests.fuzz.live_server import LiveServer
from tests.sdk.conftest import api_key, graphql_url, new_owner
from tests.webhooks.conftest import Receiver

pytestmark = [pytest.mark.api, pytest.mark.inventory]

INVENTORY = [ApiKeyScope.INVENTORY_READ, ApiKeyScope.INVENTORY_MANAGE, ApiKeyScope.INVENTORY_ADJUST]


def _item(name: str) -> CreateInventoryItemInput:
    return CreateInventoryItemInput(name=name, type=InventoryItemType.INGREDIENT, baseUnit="g")


def _grams(amount: str) -> QuantityInput:
    return QuantityInput(amount=Decimal(amount), unit="g")


def _purchase(item_id: str, grams: str) -> ReceiveInventoryInput:
    return ReceiveInventoryInput(itemId=item_id, quantity=_grams(grams), unitCost=Decimal("0.02"))


async def test_an_api_key_lists_items_page_by_page(sdk_server: LiveServer) -> None:
    key = api_key(sdk_server, new_owner(sdk_server), INVENTORY)
    async with AsyncClient(graphql_url(sdk_server), key) as client:
        names = [f"Oil {n}" for n in range(5)]
        for name in names:
            created = await client.create_inventory_item(_item(name))
            assert created.inventory_item is not None

        pages = [page async for page in paginate_pages(client.inventory_items, first=2)]
        listed = [item.name async for item in paginate(client.inventory_items, first=2)]

    assert [len(page) for page in pages] == [2, 2, 1]
    assert listed == names


async def test_stock_received_and_adjusted_reads_back_exactly(sdk_server: LiveServer) -> None:
    owner = new_owner(sdk_server)
    with Client(graphql_url(sdk_server), owner) as client:
        item = client.create_inventory_item(_item("Shea butter")).inventory_item
        assert item is not None
        client.receive_inventory(_purchase(item.id, "1000"))
        adjusted = client.adjust_inventory(
            AdjustInventoryInput(
                itemId=item.id, changeType=InventoryChangeType.USE, quantity=_grams("250.5")
            )
        )
        listed = list(iter_nodes(client.inventory_items, first=10))

    assert adjusted.inventory_item is not None
    assert adjusted.inventory_item.on_hand.amount == Decimal("1000") - Decimal("250.5")
    assert [i.on_hand.amount for i in listed] == [Decimal("749.5")]


async def test_a_user_error_is_a_typed_exception_and_changes_nothing(
    sdk_server: LiveServer,
) -> None:
    async with AsyncClient(graphql_url(sdk_server), new_owner(sdk_server)) as client:
        item = (await client.create_inventory_item(_item("Lye"))).inventory_item
        assert item is not None
        await client.receive_inventory(_purchase(item.id, "10"))
        too_much = AdjustInventoryInput(
            itemId=item.id, changeType=InventoryChangeType.SALE, quantity=_grams("11")
        )
        with pytest.raises(UserErrors) as raised:
            await client.adjust_inventory(too_much)
        after = await client.inventory_item(item.id)

    assert raised.value.operation == "adjustInventory"
    assert raised.value.codes == ["INSUFFICIENT_STOCK"]
    assert raised.value.errors[0].field == ["input", "quantity", "amount"]
    assert raised.value.payload["shortages"][0]["requested"]["amount"] == "11"
    assert after is not None
    assert after.on_hand.amount == Decimal("10")


async def test_a_bad_key_is_unauthenticated(sdk_server: LiveServer) -> None:
    async with AsyncClient(graphql_url(sdk_server), "bt_live_not_a_key") as client:
        with pytest.raises(Unauthenticated):
            await client.viewer()


class LoseFirstAnswer(httpx.AsyncBaseTransport):
    """The network between the SDK and the server: the first answer to each mutation is
    lost after the server applied it (a dropped connection), so the SDK must retry."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.keys: list[str | None] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if b"mutation" in request.content:
            self.keys.append(request.headers.get("idempotency-key"))
            if len(self.keys) == 1:
                await response.aread()
                raise httpx.ReadError("connection reset", request=request)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


async def test_a_retried_mutation_reuses_its_idempotency_key_and_applies_once(
    sdk_server: LiveServer,
) -> None:
    owner = new_owner(sdk_server)
    async with AsyncClient(graphql_url(sdk_server), owner) as client:
        item = (await client.create_inventory_item(_item("Beeswax"))).inventory_item
        assert item is not None
    network = LoseFirstAnswer()
    flaky = httpx.AsyncClient(transport=network, timeout=30)
    async with AsyncClient(graphql_url(sdk_server), owner, http_client=flaky) as client:
        received = await client.receive_inventory(_purchase(item.id, "500"))
        again = await client.receive_inventory(
            _purchase(item.id, "500"),
            idempotency_key="order-1001",
        )
        same = await client.receive_inventory(
            _purchase(item.id, "500"),
            idempotency_key="order-1001",
        )
        after = await client.inventory_item(item.id)

    first_key, retry_key, *given = network.keys
    assert first_key is not None
    assert first_key == retry_key
    assert given == ["order-1001", "order-1001"]
    assert received.lot is not None
    assert again.lot is not None
    assert same.lot is not None
    assert same.lot.id == again.lot.id != received.lot.id
    assert after is not None
    assert after.on_hand.amount == Decimal("500") + Decimal("500")


async def test_a_webhook_verifies_into_a_typed_event_and_a_forged_one_does_not(
    sdk_server: LiveServer, receiver: Receiver
) -> None:
    path = receiver.new_path()
    async with AsyncClient(graphql_url(sdk_server), new_owner(sdk_server)) as client:
        created = await client.create_webhook_endpoint(
            CreateWebhookEndpointInput(url=receiver.url(path), eventTypes=["inventory.*"])
        )
        assert created.webhook_endpoint is not None
        assert created.secret is not None
        await client.send_test_webhook(SendTestWebhookInput(id=created.webhook_endpoint.id))
    [delivery] = await receiver.wait_for(path, 1)

    event = WebhookVerifier(created.secret).verify(delivery.body, delivery.headers)
    assert event.type == "webhook.test"
    assert event.id == delivery.webhook_id

    forged = delivery.body.replace(b"webhook.test", b"webhook.tost")
    with pytest.raises(InvalidWebhook):
        WebhookVerifier(created.secret).verify(forged, delivery.headers)
    rotated = WebhookVerifier(["whsec_" + "A" * 32, created.secret])
    assert rotated.verify(delivery.body, delivery.headers).id == event.id

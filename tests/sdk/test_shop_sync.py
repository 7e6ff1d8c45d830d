"""sdk/python/examples/shop_sync.py against a live server: the shop's numbers follow the
API's through webhooks, a gap in an item's sequence is filled from the `events` query,
and a connector killed while stock changes catches up when it starts again."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from batchtrack_sdk import (
    AdjustInventoryInput,
    ApiKeyScope,
    Client,
    CreateInventoryItemInput,
    CreateWebhookEndpointInput,
    InventoryChangeType,
    InventoryItemType,
    QuantityInput,
    ReceiveInventoryInput,
    WebhookVerifier,
    iter_nodes,
)

from tests.fuzz.live_server import LiveServer, free_port
from tests.sdk.conftest import REPOSITORY, api_key, graphql_url, new_owner
from tests.timing import eventually
from tests.webhooks.conftest import Receiver

pytestmark = [pytest.mark.api, pytest.mark.webhooks, pytest.mark.slow]

EXAMPLE = REPOSITORY / "sdk" / "python" / "examples" / "shop_sync.py"
SCOPES = [ApiKeyScope.INVENTORY_READ, ApiKeyScope.EVENTS_READ]


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shop_sync", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up while defined
    spec.loader.exec_module(module)
    return module


def _stock_item(api: Client, name: str, units: int) -> str:
    item = api.create_inventory_item(
        CreateInventoryItemInput(name=name, type=InventoryItemType.PRODUCT, baseUnit="each")
    ).inventory_item
    assert item is not None
    quantity = QuantityInput(amount=Decimal(units), unit="each")
    api.receive_inventory(
        ReceiveInventoryInput(itemId=item.id, quantity=quantity, unitCost=Decimal(1))
    )
    return item.id


def _change(api: Client, item_id: str, n: int) -> None:
    """A sale, or every third change a restock."""
    kind = InventoryChangeType.RESTOCK if n % 3 == 2 else InventoryChangeType.SALE
    quantity = QuantityInput(amount=Decimal(1 + n % 2), unit="each")
    api.adjust_inventory(AdjustInventoryInput(itemId=item_id, changeType=kind, quantity=quantity))


def _api_numbers(api: Client) -> dict[str, str]:
    return {item.id: str(item.available.amount) for item in iter_nodes(api.inventory_items)}


def _latest_sequences(api: Client, items: list[str]) -> dict[str, int]:
    return {
        item: api.events(entity_type="InventoryItem", entity_id=item, last=1).nodes[0].sequence
        for item in items
    }


async def test_a_gap_in_an_items_sequence_is_filled_from_the_events_query(
    sdk_server: LiveServer, receiver: Receiver, tmp_path: Path
) -> None:
    owner = new_owner(sdk_server)
    path = receiver.new_path()
    with Client(graphql_url(sdk_server), owner) as api:
        item = _stock_item(api, "Soap", 20)
        created = api.create_webhook_endpoint(
            CreateWebhookEndpointInput(url=receiver.url(path), eventTypes=["inventory.adjusted"])
        )
        assert created.secret is not None
        shop_sync = _example()
        with Client(graphql_url(sdk_server), api_key(sdk_server, owner, SCOPES)) as client:
            connector = shop_sync.Connector(client, tmp_path / "shop.json")
            for n in range(3):
                _change(api, item, n)
            deliveries = await receiver.wait_for(path, 3)
            verifier = WebhookVerifier(created.secret)
            events = sorted(
                (verifier.verify(d.body, d.headers) for d in deliveries),
                key=lambda event: event.entity.sequence if event.entity else 0,
            )
            first, _missed, third = events
            for event in (first, third):
                assert event.entity is not None
                connector.receive(event.entity.id, event.entity.sequence, event.data)
        expected = _api_numbers(api)
        latest = _latest_sequences(api, [item])

    shop = json.loads((tmp_path / "shop.json").read_text())
    assert shop["stock"] == expected
    assert shop["stock"][item] == str(20 - 1 - 2 + 1)
    assert shop["sequences"] == latest
    assert shop["applied"] == {"webhook": 2, "gap fill": 1}


class RunningConnector:
    """shop_sync.py in a child process, killed with SIGKILL as a crash would."""

    def __init__(self, arguments: list[str], workdir: Path) -> None:
        self.arguments = arguments
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = (self.workdir / "connector.log").open("ab")
        env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
        self.process = subprocess.Popen(
            [sys.executable, str(EXAMPLE), *self.arguments],
            cwd=self.workdir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        self.process = None


def _listening(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


async def test_the_connector_keeps_the_shop_in_step_across_a_crash(
    sdk_server: LiveServer, tmp_path: Path
) -> None:
    owner = new_owner(sdk_server)
    port = free_port()
    state = tmp_path / "shop.json"
    with Client(graphql_url(sdk_server), owner) as api:
        items = [_stock_item(api, f"Candle {n}", 50) for n in range(3)]
        endpoint = api.create_webhook_endpoint(
            CreateWebhookEndpointInput(url=f"http://127.0.0.1:{port}/", eventTypes=["inventory.*"])
        )
        assert endpoint.secret is not None
        arguments = [
            *("--api", graphql_url(sdk_server), "--api-key", api_key(sdk_server, owner, SCOPES)),
            *("--secret", endpoint.secret, "--port", str(port), "--state", str(state)),
            *("--reconcile-seconds", "1"),
        ]
        connector = RunningConnector(arguments, tmp_path)
        try:
            connector.start()  # no shop file yet: a resync from scratch
            await eventually(lambda: _listening(port), what="the connector listening")
            for n in range(6):
                _change(api, items[n % 3], n)
            connector.kill()  # mid-way: the changes go on while it is down
            for n in range(6, 12):
                _change(api, items[n % 3], n)
            connector.start()
            for n in range(12, 18):
                _change(api, items[n % 3], n)
            expected = _api_numbers(api)

            def in_step() -> bool:
                shop: dict[str, Any] = json.loads(state.read_text()) if state.exists() else {}
                return shop.get("stock") == expected

            await eventually(in_step, what=f"the shop's stock equal to the API's: {expected}")
            latest = _latest_sequences(api, items)
        finally:
            connector.kill()

    shop = json.loads(state.read_text())
    assert shop["sequences"] == latest
    assert shop["applied"].get("webhook", 0) > 0
    assert shop["applied"].get("catch-up", 0) > 0  # what was missed while down
    # 50 each; the 18 changes: n % 3 == 2 restocks, else sells; 1 or 2 units by n % 2
    arithmetic = {item: 50 for item in items}
    for n in range(18):
        units = 1 + n % 2
        arithmetic[items[n % 3]] += units if n % 3 == 2 else -units
    assert {item: Decimal(stock) for item, stock in shop["stock"].items()} == arithmetic

"""Pacing from extensions.cost, against a server with a small budget: a bulk read paced by
the SDK is never refused, and a client that did not know the bucket was spent (another
process with the same key) waits the time THROTTLED gives and succeeds."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from batchtrack_sdk import AsyncClient, CreateInventoryItemInput, InventoryItemType
from batchtrack_sdk.pacing import Pacer

from tests.fuzz.live_server import LiveServer
from tests.sdk.conftest import graphql_url, new_owner, start_server

pytestmark = pytest.mark.api

BUDGET, RESTORE_RATE = 400, 200
# inventoryItems(first: 20) with InventoryItemFields costs about 200 points, requested
# and (with 20 items to return) actual.
PAGE = 20
BIG_PAGE = 39  # as much as a bucket of 400 can ever pay for


@pytest.fixture(scope="module")
async def small_budget(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[LiveServer]:
    workdir = tmp_path_factory.mktemp("sdk-throttled")
    limits = {"THROTTLE_MAXIMUM": str(BUDGET), "THROTTLE_RESTORE_RATE": str(RESTORE_RATE)}
    async for server in start_server(database_url, workdir, **limits):
        yield server


async def _create_a_page_of_items(client: AsyncClient) -> None:
    for n in range(PAGE):  # 20 creations cost about the whole budget
        item = CreateInventoryItemInput(
            name=f"Wick {n}", type=InventoryItemType.PACKAGING, baseUnit="each"
        )
        await client.create_inventory_item(item)


def _recording(statuses: list[int]) -> httpx.AsyncClient:
    async def record(response: httpx.Response) -> None:
        statuses.append(response.status_code)

    return httpx.AsyncClient(timeout=30, event_hooks={"response": [record]})


def test_the_pacer_waits_for_the_bucket_to_hold_the_last_cost() -> None:
    now = [100.0]
    pacer = Pacer(clock=lambda: now[0])
    status = {"maximumAvailable": 1000, "currentlyAvailable": 148, "restoreRate": 50}
    pacer.observe("Items", {"cost": {"requestedQueryCost": 452, "throttleStatus": status}})
    assert pacer.delay("Items") == (452 - 148) / 50
    now[0] += 2.0
    assert pacer.delay("Items") == (452 - 148 - 2 * 50) / 50
    assert pacer.delay("NeverSent") == 0.0


async def test_a_paced_bulk_sync_is_never_throttled(small_budget: LiveServer) -> None:
    statuses: list[int] = []
    owner = new_owner(small_budget)
    async with AsyncClient(graphql_url(small_budget), owner, http_client=_recording(statuses)) as c:
        await c.inventory_items(first=PAGE)  # learns what a page asks for (an empty one)
        await _create_a_page_of_items(c)
        for _ in range(3):  # 3 pages of about 200 points from a bucket of 400
            page = await c.inventory_items(first=PAGE)
            assert len(page.nodes) == PAGE
        assert c.pacer.delay("InventoryItems") > 0  # the bucket is spent: it would wait
    assert statuses == [200] * (1 + PAGE + 3)


async def test_throttled_waits_the_time_given_then_succeeds(small_budget: LiveServer) -> None:
    owner = new_owner(small_budget)
    async with AsyncClient(graphql_url(small_budget), owner) as first:
        await first.inventory_items(first=PAGE)  # learns what a page asks for
        await _create_a_page_of_items(first)
        await first.inventory_items(first=PAGE)  # paced; spends about 120 of the 400
        assert (first.pacer.available() or 0) < 300
    other: list[int] = []  # another process with the same credentials: its pacer knows nothing
    async with AsyncClient(graphql_url(small_budget), owner, http_client=_recording(other)) as c:
        # asks for 2 + 39 x 10 = 392 points: the bucket is at least ~0.5 s of refill short
        page = await c.inventory_items(first=BIG_PAGE)
    assert len(page.nodes) == PAGE
    assert other == [429, 200]

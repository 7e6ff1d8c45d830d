"""Planned reads over HTTP: a query the standard view has validated once is then answered
by its plan with the same body; refusals (permissions, bad IDs, throttling) keep their
standard shape; and a list costs the same number of SQL statements whatever its length."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from server.app import create_app
from tests.api_helpers import (
    api_key,
    create_item,
    data,
    error_codes,
    gql,
    open_mailbox,
    receive,
    sign_up,
)
from tests.conftest import flush_test_redis, make_settings

pytestmark = pytest.mark.api

R1 = """query R1 { inventoryItems(first: 50) { nodes { name type onHand { amount }
  stockValue { amount } lots(first: 5) { nodes { lotCode remaining { amount } } } } } }"""
ONE = (
    "query($id: ID!) { inventoryItem(id: $id) { name history(last: 20) { nodes { lot { id } } } } }"
)


BACKGROUND_TABLES = ("webhook_deliveries", "outbound_emails", "inventory_reservations")


async def _client(database_url: str, **overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
    await flush_test_redis()
    app = create_app(make_settings(database_url, **overrides))
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as client,
    ):
        client.app = app  # type: ignore[attr-defined]
        open_mailbox(client, app)
        yield client


@pytest.fixture
async def planned(database_url: str, engine: Any) -> AsyncIterator[httpx.AsyncClient]:
    async for client in _client(database_url):
        yield client


def _plans(client: httpx.AsyncClient) -> Any:
    route = client.app.routes[3].app  # type: ignore[attr-defined]
    # AuthenticatedGraphQL -> CheckedBody -> Idempotent -> PlannedReads
    return route.view.app.app.plans


async def _stock(client: httpx.AsyncClient, token: str, items: int) -> list[str]:
    ids = []
    for number in range(items):
        item_id = await create_item(client, token, f"Item {number}")
        for _ in range(2):
            await receive(client, token, item_id, "10")
        ids.append(item_id)
    return ids


async def test_a_repeated_query_is_answered_by_its_plan_with_the_same_body(planned):
    owner = await sign_up(planned)
    await _stock(planned, owner.token, 3)
    first = await gql(planned, R1, token=owner.token)
    assert _plans(planned).get(R1, None) is not None  # validated once, so planned from now
    second = await gql(planned, R1, token=owner.token)
    assert second["data"] == first["data"]
    for answer in (first, second):
        answer["extensions"]["cost"]["throttleStatus"].pop("currentlyAvailable")
    assert second["extensions"] == first["extensions"]


PAGE = (
    "query($n: Int, $id: ID!) { inventoryItem(id: $id) { lots(first: $n) { nodes { lotCode } } } }"
)


async def test_a_planned_read_reports_the_requested_cost_of_its_own_page_size(planned):
    owner = await sign_up(planned)
    first, second = await _stock(planned, owner.token, 2)

    async def requested(size: int, item: str) -> int:
        answer = await gql(planned, PAGE, {"n": size, "id": item}, token=owner.token)
        return int(answer["extensions"]["cost"]["requestedQueryCost"])

    standard = await requested(5, first)  # validated once by the standard view
    assert _plans(planned).get(PAGE, None) is not None
    # planned from now on: another item costs the same, another page size its own
    assert [await requested(5, second), await requested(2, first)] == [standard, standard - 3]
    assert await requested(5, second) == standard


DELIVERIES = """query($first: Int, $after: String) { webhookDeliveries(first: $first,
  after: $after) { nodes { id eventType endpoint { id url eventTypes } event { type entityId }
  } pageInfo { hasNextPage endCursor } } }"""
TRACE = """query($id: ID!) { traceLot(id: $id, direction: FORWARD) { direction lots { depth
  lot { lotCode remaining { amount unit } } item { name } viaBatch { label } }
  sales { depth } } }"""
CREATE_ENDPOINT = """mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { userErrors { code } } }"""


async def test_deliveries_and_traces_are_answered_by_their_plans_with_the_same_bodies(
    planned, caplog
):
    owner = await sign_up(planned)
    hook = {"url": "https://8.8.8.8/hooks", "eventTypes": ["inventory.*"]}
    created = data(await gql(planned, CREATE_ENDPOINT, {"input": hook}, owner.token))
    assert created["createWebhookEndpoint"]["userErrors"] == []
    item_id = (await _stock(planned, owner.token, 1))[0]
    lot_id = data(
        await gql(
            planned,
            "query($id: ID!) { inventoryItem(id: $id) { lots(first: 1) { nodes { id } } } }",
            {"id": item_id},
            owner.token,
        )
    )["inventoryItem"]["lots"]["nodes"][0]["id"]
    # (only what the sender, which may be trying meanwhile, never changes is selected)
    for query, variables in [(DELIVERIES, {"first": 2}), (TRACE, {"id": lot_id})]:
        first = await gql(planned, query, variables, owner.token)
        assert _plans(planned).get(query, None) is not None
        second = await gql(planned, query, variables, owner.token)
        assert "errors" not in first
        assert second["data"] == first["data"]
    listed = data(await gql(planned, DELIVERIES, {"first": 2}, owner.token))
    assert len(listed["webhookDeliveries"]["nodes"]) == 2
    after = listed["webhookDeliveries"]["pageInfo"]["endCursor"]
    rest = data(await gql(planned, DELIVERIES, {"first": 5, "after": after}, owner.token))
    assert len(rest["webhookDeliveries"]["nodes"]) == 1  # an item created, two lots received
    # no plan failed over to the standard executor
    assert not [r for r in caplog.records if r.name == "batchtrack.planned_reads"]


async def test_refusals_of_a_planned_query_keep_their_standard_shape(planned):
    owner = await sign_up(planned)
    item_id = (await _stock(planned, owner.token, 1))[0]
    data(await gql(planned, ONE, {"id": item_id}, owner.token))
    assert _plans(planned).get(ONE, None) is not None
    units_only = await api_key(planned, owner.token, ["units.read"])
    assert error_codes(await gql(planned, ONE, {"id": item_id}, units_only)) == ["FORBIDDEN"]
    bad = await gql(planned, ONE, {"id": "not-an-id"}, owner.token)
    assert error_codes(bad) == ["BAD_REQUEST"]
    assert bad["errors"][0]["extensions"]["reason"] == "INVALID_ID"
    assert error_codes(await gql(planned, ONE, {"id": 5}, owner.token)) == ["BAD_REQUEST"]
    other = await sign_up(planned, "Elsewhere")
    assert data(await gql(planned, ONE, {"id": item_id}, other.token)) == {"inventoryItem": None}


async def test_each_caller_of_the_same_query_sees_its_own_organization_and_current_data(
    planned,
):
    shops = [await sign_up(planned, name) for name in ("North", "South")]
    for number, shop in enumerate(shops, start=1):
        await _stock(planned, shop.token, number)
    for _ in range(2):  # the second round is answered by the kept statements
        for number, shop in enumerate(shops, start=1):
            nodes = data(await gql(planned, R1, token=shop.token))["inventoryItems"]["nodes"]
            assert [node["onHand"]["amount"] for node in nodes] == ["20"] * number
    extra = await create_item(planned, shops[0].token, "Extra")
    await receive(planned, shops[0].token, extra, "25")
    nodes = data(await gql(planned, R1, token=shops[0].token))["inventoryItems"]["nodes"]
    assert [node["onHand"]["amount"] for node in nodes] == ["20", "25"]


MONEY = """query Money { inventoryItems(first: 5) { nodes { stockValue { amount currencyCode }
  lots(first: 5) { nodes { unitCost { currencyCode } } } } } }"""
UPDATE_CURRENCY = """mutation($code: CurrencyCode!) {
  updateOrganization(input: {currencyCode: $code}) {
    organization { currencyCode } userErrors { code } } }"""


async def test_a_kept_plan_reports_each_callers_currency_as_it_is_now(planned):
    # given a shop in euros with stock, and one in US dollars with an item not yet stocked
    euros = await sign_up(planned, "Paris", currency="EUR")
    await _stock(planned, euros.token, 1)
    dollars = await sign_up(planned, "Boston")
    await create_item(planned, dollars.token, "Not yet stocked")

    def currencies(body: dict[str, Any]) -> list[str]:
        nodes = data(body)["inventoryItems"]["nodes"]
        lots = [lot for node in nodes for lot in node["lots"]["nodes"]]
        return [
            money["currencyCode"]
            for money in [n["stockValue"] for n in nodes] + [lot["unitCost"] for lot in lots]
        ]

    # when the same query is answered for both, first by the standard executor, then planned
    assert currencies(await gql(planned, MONEY, token=euros.token)) == ["EUR"] * 3
    assert _plans(planned).get(MONEY, None) is not None
    assert currencies(await gql(planned, MONEY, token=dollars.token)) == ["USD"]
    assert currencies(await gql(planned, MONEY, token=euros.token)) == ["EUR"] * 3

    # then a change of currency shows in the next planned answer
    changed = data(await gql(planned, UPDATE_CURRENCY, {"code": "JPY"}, dollars.token))
    assert changed["updateOrganization"] == {
        "organization": {"currencyCode": "JPY"},
        "userErrors": [],
    }
    assert currencies(await gql(planned, MONEY, token=dollars.token)) == ["JPY"]


async def test_a_planned_query_is_throttled_like_any_other(database_url, engine):
    async for client in _client(database_url, throttle_maximum=200, throttle_restore_rate=0.01):
        owner = await sign_up(client)
        await _stock(client, owner.token, 1)
        query = "{ inventoryItems(first: 100) { nodes { name } } }"  # costs 102, returns 2
        codes = [
            error_codes(await gql(client, query, token=owner.token, expect_status=None))
            for _ in range(40)
        ]
        assert _plans(client).get(query, None) is not None
        assert [] in codes
        assert codes[-1] == ["THROTTLED"]


def _count_request_statements(statements: list[str], *args: Any) -> None:
    sql = args[2]
    if sql in ("BEGIN", "COMMIT", "ROLLBACK"):
        return  # the background tasks' transactions interleave with the request's
    # The webhook sweeper and the jobs share the engine; they are not the request.
    if not any(table in sql for table in BACKGROUND_TABLES):
        statements.append(sql)


@pytest.mark.parametrize("planned_reads", [True, False])
async def test_a_list_costs_the_same_statements_for_3_items_or_30(
    database_url, engine, planned_reads
):
    """No N+1: each level of R1 is one statement, on both executors."""
    async for client in _client(
        database_url, planned_reads=planned_reads, throttle_maximum=100_000
    ):
        counts = []
        for items in (3, 30):
            owner = await sign_up(client, f"Shop {items}")
            await _stock(client, owner.token, items)
            await gql(client, R1, token=owner.token)  # the first run records the plan
            statements: list[str] = []
            count = partial(_count_request_statements, statements)
            sync_engine = client.app.state.engine.sync_engine  # type: ignore[attr-defined]
            event.listen(sync_engine, "before_cursor_execute", count)
            try:
                answer = data(await gql(client, R1, token=owner.token))
            finally:
                event.remove(sync_engine, "before_cursor_execute", count)
            assert len(answer["inventoryItems"]["nodes"]) == items
            counts.append(len(statements))
        assert counts[0] == counts[1], statements
        # The session token, then currency, items, lots; on PostgreSQL with planned reads,
        # the answer is one statement.
        one_statement = planned_reads and database_url.startswith("postgresql")
        assert counts[0] <= (2 if one_statement else 4), statements


async def test_on_postgresql_planned_statements_run_with_generic_plans(planned):
    # PostgreSQL re-planned them at each execution (custom plans), which cost more than
    # running them; their own pool plans them once per connection.
    pool = planned.app.state.planned_pool
    if planned.app.state.engine.dialect.name != "postgresql":
        assert pool is None
        return
    async with pool.connection() as connection:
        mode = await connection.fetchval("SHOW plan_cache_mode")
    assert mode == "force_generic_plan"
    async with planned.app.state.engine.connect() as connection:
        mode = (await connection.exec_driver_sql("SHOW plan_cache_mode")).scalar()
    assert mode == "auto"

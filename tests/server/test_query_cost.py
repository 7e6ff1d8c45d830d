"""Query cost and throttling, in memory and in Redis (the bucket several processes share)."""

from __future__ import annotations

import asyncio
import math
import uuid

import httpx
import pytest
from redis.asyncio import Redis

from server.app import create_app
from server.throttle import MemoryBucket, RedisBucket
from tests.api_helpers import error_codes, gql, sign_up
from tests.conftest import flush_test_redis, make_settings, redis_url

pytestmark = pytest.mark.api

BUCKETS = ["memory"] + (["redis"] if redis_url() else [])


@pytest.fixture(params=BUCKETS)
async def make_bucket(request):
    clients = []

    def make(maximum, rate):
        if request.param == "memory":
            return MemoryBucket(maximum, rate)
        url = redis_url()
        assert url is not None
        client = Redis.from_url(url)
        clients.append(client)
        return RedisBucket(client, maximum, rate)

    yield make
    for client in clients:
        await client.aclose()


async def test_a_bucket_spends_refuses_refunds_and_restores(make_bucket):
    bucket = make_bucket(10, 20.0)
    key = uuid.uuid4().hex
    first = await bucket.take(key, 8)
    assert first.allowed
    assert first.available == pytest.approx(2, abs=0.5)
    refused = await bucket.take(key, 8)
    assert not refused.allowed  # nothing is spent by a refused take
    assert await bucket.refund(key, 5) == pytest.approx(7, abs=0.5)
    await asyncio.sleep(0.3)  # 20 points a second, capped at the maximum of 10
    restored = await bucket.take(key, 0)
    assert restored.available == pytest.approx(10, abs=0.01)


async def test_every_response_reports_its_cost(client):
    owner = await sign_up(client)
    body = await gql(
        client, "{ members(first: 10) { edges { node { user { email } } } } }", token=owner.token
    )
    cost = body["extensions"]["cost"]
    # A connection weighs 2 + page size x its selection (edge 1 + node 1 + user 1).
    assert cost["requestedQueryCost"] == 2 + 10 * 3
    assert cost["actualQueryCost"] == 4  # members, one edge, its node, its user
    status = cost["throttleStatus"]
    assert status["maximumAvailable"] == 2000
    assert status["restoreRate"] == 100.0
    assert 0 < status["currentlyAvailable"] <= 2000


@pytest.mark.parametrize("shared", [False, True] if redis_url() else [False])
async def test_a_caller_over_budget_is_throttled_until_points_restore(database_url, engine, shared):
    await flush_test_redis()
    settings = make_settings(
        database_url,
        redis_url=redis_url() if shared else None,
        throttle_maximum=15,
        throttle_restore_rate=10.0,
    )
    app = create_app(settings)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        owner = await sign_up(client)
        # Costs 6 and really returns 6 objects, so nothing is refunded.
        query = (
            "{ a: viewer { organization { id } } b: viewer { organization { id } } "
            "c: viewer { organization { id } } }"
        )
        codes = [
            error_codes(await gql(client, query, token=owner.token, expect_status=None))
            for _ in range(3)
        ]
        assert codes == [[], [], ["THROTTLED"]]
        throttled = await gql(client, query, token=owner.token, expect_status=429)
        await asyncio.sleep(0.6)
        assert error_codes(await gql(client, query, token=owner.token)) == []
    assert "retry in about" in throttled["errors"][0]["message"]
    await app.state.engine.dispose()


async def test_a_throttled_request_is_a_429_saying_when_to_retry(database_url, engine):
    # given a bucket of 20 points restoring half a point a second, and a query of 32
    settings = make_settings(
        database_url, redis_url=None, throttle_maximum=20, throttle_restore_rate=0.5
    )
    app = create_app(settings)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        owner = await sign_up(client)
        query = "{ members(first: 10) { edges { node { user { email } } } } }"
        # when
        response = await client.post(
            "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {owner.token}"}
        )
    # then status, header and a number say how long the missing points take to restore
    assert response.status_code == 429
    body = response.json()
    assert "data" not in body
    [error] = body["errors"]
    wait = error["extensions"]["retryAfterSeconds"]
    assert error["extensions"] == {"code": "THROTTLED", "retryAfterSeconds": wait}
    assert response.headers["retry-after"] == str(wait)
    cost = body["extensions"]["cost"]
    missing = cost["requestedQueryCost"] - cost["throttleStatus"]["currentlyAvailable"]
    assert 0 < wait <= math.ceil(missing / 0.5)
    await app.state.engine.dispose()

"""Query cost and throttling, in memory and in Redis (the bucket several processes share).

The throttle is a rule about time, so its tests drive a clock they move by hand: a slow
machine makes them slower, never different."""

from __future__ import annotations

import asyncio
import math
import time
import uuid

import httpx
import pytest
from redis.asyncio import Redis

from server.app import create_app
from server.throttle import MemoryBucket, RedisBucket
from tests.api_helpers import error_codes, gql, sign_up
from tests.conftest import flush_test_redis, make_settings, redis_url
from tests.timing import ManualClock, eventually

pytestmark = pytest.mark.api

BUCKETS = ["memory"] + (["redis"] if redis_url() else [])


@pytest.fixture(params=BUCKETS)
async def make_bucket(request):
    clients = []

    def make(maximum, rate, clock=None):
        if request.param == "memory":
            return MemoryBucket(maximum, rate, clock=clock or time.monotonic)
        url = redis_url()
        assert url is not None
        client = Redis.from_url(url)
        clients.append(client)
        return RedisBucket(client, maximum, rate, clock=clock)

    yield make
    for client in clients:
        await client.aclose()


async def test_a_bucket_spends_refuses_refunds_and_restores(make_bucket):
    clock = ManualClock()
    bucket = make_bucket(10, 20.0, clock)
    key = uuid.uuid4().hex
    first = await bucket.take(key, 8)
    assert (first.allowed, first.available) == (True, 2)
    refused = await bucket.take(key, 8)
    assert (refused.allowed, refused.available) == (False, 2)  # a refusal spends nothing
    assert await bucket.refund(key, 5) == 7
    clock.advance(0.0625)  # 20 points a second
    assert (await bucket.take(key, 0)).available == 8.25
    clock.advance(0.25)  # capped at the maximum of 10
    assert (await bucket.take(key, 0)).available == 10


async def test_without_a_clock_a_bucket_keeps_its_own_time(make_bucket):
    """Production passes no clock (time.monotonic in memory, Redis's TIME in Redis); the
    restore rate is so slow that the time the test takes changes nothing it checks."""
    bucket = make_bucket(10, 0.001)
    key = uuid.uuid4().hex
    first = await bucket.take(key, 8)
    refused = await bucket.take(key, 8)
    assert (first.allowed, refused.allowed) == (True, False)
    assert refused.available == pytest.approx(2, abs=0.5)


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
    clock = ManualClock()  # stands still unless moved: however slow the requests are
    app = create_app(settings, throttle_clock=clock)
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
        clock.advance(0.25)  # 3 + 2.5 points: still short of 6
        throttled = await gql(client, query, token=owner.token, expect_status=429)
        clock.advance(0.25)  # 5.5 + 2.5 points
        restored = await gql(client, query, token=owner.token)
    assert error_codes(throttled) == ["THROTTLED"]
    assert throttled["errors"][0]["message"] == (
        "This query costs 6 points and 5 are available; retry in about 1 s."
    )
    assert error_codes(restored) == []
    assert restored["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] == 2
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


@pytest.mark.skipif(redis_url() is None, reason="the shared bucket is Redis's")
async def test_processes_leasing_shares_never_spend_more_than_the_bucket_holds():
    # given two processes' buckets over one caller's 100 points, with time standing still
    clock = ManualClock()
    url = redis_url()
    assert url is not None
    clients = [Redis.from_url(url), Redis.from_url(url)]
    first, second = (RedisBucket(client, 100, 1.0, clock=clock) for client in clients)
    key = uuid.uuid4().hex

    # when they take 7 points in turn until both are refused
    spent = 0
    for bucket in [first, second] * 20:
        if (await bucket.take(key, 7)).allowed:
            spent += 7

    # then together they spent no more than the bucket held, and at most what a lease
    # too small for one more request kept from the other process
    assert 100 - 2 * 7 < spent <= 100
    # and once the first process's lease is idle it goes back, for the second to spend
    held = 100 - spent

    async def returned() -> bool:
        return (await second.take(key, 0)).available >= held

    await eventually(returned, what="the idle lease returned to Redis")
    assert (await second.take(key, held)).allowed
    for client in clients:
        await client.aclose()


@pytest.mark.skipif(redis_url() is None, reason="the shared bucket is Redis's")
async def test_a_burst_in_one_process_spends_the_whole_bucket():
    # given a bucket of 10 points and time standing still
    url = redis_url()
    assert url is not None
    client = Redis.from_url(url)
    bucket = RedisBucket(client, 10, 1.0, clock=ManualClock())
    key = uuid.uuid4().hex

    # when 15 requests of 1 point arrive at once
    taken = await asyncio.gather(*(bucket.take(key, 1) for _ in range(15)))

    # then exactly the 10 points are spent: the burst shares one lease rather than each
    # request leasing (and stranding) a share of its own
    assert sum(state.allowed for state in taken) == 10
    await client.aclose()

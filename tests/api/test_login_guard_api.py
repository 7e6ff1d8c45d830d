"""Guessing on the wire: one answer (and one cost) for a wrong password, an unknown email
and a locked account; the lock shared by two API processes; per-address buckets for the
public operations, whose THROTTLED carries Retry-After; X-Forwarded-For believed only
from TRUSTED_PROXIES."""

from __future__ import annotations

import statistics
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.client_address import client_address, parse_networks
from tests.api_helpers import PASSWORD, gql, open_mailbox, sign_up
from tests.conftest import flush_test_redis, make_settings

pytestmark = [pytest.mark.api, pytest.mark.auth]

LOG_IN = """mutation($input: LogInInput!) {
  logIn(input: $input) { token userErrors { field message code } } }"""
WRONG = "not the right password at all"


@asynccontextmanager
async def api(database_url: str, **overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
    """One API process (an app with its own engine and Redis client) on the test database."""
    app = create_app(make_settings(database_url, **overrides))
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        open_mailbox(client, app)
        yield client


async def log_in(
    client: httpx.AsyncClient, email: str, password: str, headers: dict[str, str] | None = None
) -> httpx.Response:
    return await client.post(
        "/graphql",
        json={"query": LOG_IN, "variables": {"input": {"email": email, "password": password}}},
        headers=headers or {},
    )


async def test_wrong_password_unknown_email_and_locked_account_answer_alike(client):
    # given one account locked and one not
    locked = await sign_up(client)
    for _ in range(5):
        await log_in(client, locked.email, WRONG)
    other = await sign_up(client)

    # when
    answers = [
        (await log_in(client, other.email, WRONG)).json(),
        (await log_in(client, "nobody-here@example.com", WRONG)).json(),
        (await log_in(client, locked.email, WRONG)).json(),
        (await log_in(client, locked.email, PASSWORD)).json(),  # the right one, locked
    ]

    # then byte for byte the same data
    assert all(answer["data"] == answers[0]["data"] for answer in answers)
    assert answers[0]["data"]["logIn"] == {
        "token": None,
        "userErrors": [
            {
                "field": ["input", "email"],
                "message": "The email or password is not correct.",
                "code": "INVALID_CREDENTIALS",
            }
        ],
    }


async def test_the_three_refusals_take_the_same_time(client, production_password_cost):
    """Medians over many interleaved tries, within 50% of each other: the unknown email
    verifies a dummy argon2 hash and every refusal writes its guard row. Without the dummy
    hash an unknown email answers several times faster; 50% leaves room for a machine
    shared with other work (20% failed on a 2-core machine at load 8)."""
    # given accounts to guess at (four failures each, under the lock's five) and a locked one
    tries = 24
    guessed = [await sign_up(client) for _ in range(tries // 4)]
    locked = await sign_up(client)
    for _ in range(5):
        await log_in(client, locked.email, WRONG)
    await log_in(client, "warm-up@example.com", WRONG)

    # when, interleaved so that a slow moment of the machine hits all three alike
    timings: dict[str, list[float]] = {"wrong": [], "unknown": [], "locked": []}
    for attempt in range(tries):
        for kind, email in (
            ("wrong", guessed[attempt // 4].email),
            ("unknown", f"nobody{attempt}@example.com"),
            ("locked", locked.email),
        ):
            started = time.perf_counter()
            response = await log_in(client, email, WRONG)
            timings[kind].append(time.perf_counter() - started)
            assert response.json()["data"]["logIn"]["token"] is None

    # then
    medians = {kind: statistics.median(values) for kind, values in timings.items()}
    assert max(medians.values()) <= 1.5 * min(medians.values()), medians


async def test_the_lock_is_shared_by_two_api_processes(database_url, engine):
    await flush_test_redis()
    async with api(database_url) as first, api(database_url) as second:
        # given
        account = await sign_up(first)

        # when the failures are split between the two processes
        for attempt in range(5):
            await log_in(second if attempt % 2 else first, account.email, WRONG)

        # then neither lets the right password in
        for process in (first, second):
            body = (await log_in(process, account.email, PASSWORD)).json()
            assert body["data"]["logIn"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_log_ins_from_one_address_are_throttled_with_retry_after(database_url, engine):
    await flush_test_redis()
    async with api(database_url, public_throttle_scale=1.0) as client:
        # given an address that spent its 10 attempts
        for _ in range(10):
            assert (await log_in(client, "someone@example.com", WRONG)).status_code == 200

        # when
        response = await log_in(client, "someone@example.com", WRONG)

        # then
        assert response.status_code == 429
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "THROTTLED"
        wait = int(response.headers["retry-after"])
        assert wait == error["extensions"]["retryAfterSeconds"]
        assert 1 <= wait <= 10  # one attempt back every 10 s
        # a session caller is not on the address's bucket
        assert "errors" not in (await gql(client, "{ __typename }"))


async def test_aliased_log_ins_in_one_document_count_one_attempt_each(database_url, engine):
    await flush_test_redis()
    async with api(database_url, public_throttle_scale=1.0) as client:
        fields = " ".join(
            f'a{n}: logIn(input: {{email: "x@example.com", password: "{WRONG}"}}) {{ token }}'
            for n in range(11)
        )
        response = await client.post("/graphql", json={"query": f"mutation {{ {fields} }}"})
        assert response.status_code == 429
        # a fragment is no way around it either
        fragment = f"fragment F on Mutation {{ {fields} }}"
        spread = await client.post("/graphql", json={"query": f"mutation {{ ...F }} {fragment}"})
        assert spread.status_code == 429


async def test_sign_up_has_its_own_bucket_per_address(database_url, engine):
    await flush_test_redis()
    async with api(database_url, public_throttle_scale=1.0) as client:
        for _ in range(10):
            await sign_up(client)
        response = await client.post(
            "/graphql",
            json={
                "query": 'mutation { signUp(input: {email: "late@example.com", '
                f'password: "{PASSWORD}", organizationName: "Late"}}) {{ token }} }}'
            },
        )
        assert response.status_code == 429
        assert int(response.headers["retry-after"]) >= 1
        # logIn's bucket is still full
        assert (await log_in(client, "late@example.com", WRONG)).status_code == 200


@pytest.mark.parametrize("trusted", [[], ["10.0.0.0/8"]])
async def test_x_forwarded_for_from_an_untrusted_peer_is_ignored(database_url, engine, trusted):
    """The test client's peer is 127.0.0.1: loopback is not trusted by default, and not
    when other proxies are listed. Rotating the header buys no new attempts."""
    await flush_test_redis()
    async with api(database_url, public_throttle_scale=1.0, trusted_proxies=trusted) as client:
        statuses = [
            (
                await log_in(client, "x@example.com", WRONG, {"X-Forwarded-For": f"203.0.113.{n}"})
            ).status_code
            for n in range(11)
        ]
    assert statuses == [200] * 10 + [429]


async def test_x_forwarded_for_from_a_trusted_proxy_names_the_client(database_url, engine):
    await flush_test_redis()
    async with api(
        database_url, public_throttle_scale=1.0, trusted_proxies=["127.0.0.1"]
    ) as client:
        # given one client behind the proxy spent its attempts
        for _ in range(10):
            await log_in(client, "x@example.com", WRONG, {"X-Forwarded-For": "203.0.113.7"})
        one = await log_in(client, "x@example.com", WRONG, {"X-Forwarded-For": "203.0.113.7"})
        # when another client behind the same proxy tries
        other = await log_in(client, "x@example.com", WRONG, {"X-Forwarded-For": "203.0.113.8"})
        # and the first forges an entry left of the one the proxy appended
        forged = await log_in(
            client, "x@example.com", WRONG, {"X-Forwarded-For": "198.51.100.1, 203.0.113.7"}
        )
    assert (one.status_code, other.status_code, forged.status_code) == (429, 200, 429)


def test_client_address_walks_past_trusted_hops_only() -> None:
    proxies = parse_networks(["10.0.0.0/8", "192.168.1.1"])
    assert client_address("10.1.2.3", "203.0.113.5", proxies) == "203.0.113.5"
    assert client_address("10.1.2.3", "1.1.1.1, 203.0.113.5, 10.9.9.9", proxies) == "203.0.113.5"
    assert client_address("10.1.2.3", "192.168.1.1, 10.2.2.2", proxies) == "192.168.1.1"
    assert client_address("10.1.2.3", "garbage", proxies) == "10.1.2.3"
    assert client_address("8.8.8.8", "203.0.113.5", proxies) == "8.8.8.8"
    assert client_address("127.0.0.1", "203.0.113.5", parse_networks([])) == "127.0.0.1"
    assert client_address("10.1.2.3", None, proxies) == "10.1.2.3"
    with pytest.raises(ValueError):
        parse_networks(["not-an-address"])

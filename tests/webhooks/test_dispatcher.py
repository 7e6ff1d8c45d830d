"""The sweeper in the embedded mode: sends what is due in-process, several at a time, in
order per entity, and a slow endpoint does not hold the others up."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy.pool import QueuePool
from standardwebhooks import Webhook

from server.app import create_app
from services.db import create_session_factory
from services.ids import to_global_id
from services.webhooks.deliveries import JITTER, RETRY_DELAYS
from tests.api_helpers import data, gql
from tests.conftest import make_settings
from tests.services.inventory.givens import create_item, update_item
from tests.timing import ManualUTC, eventually
from tests.webhooks.conftest import Reply
from tests.webhooks.givens import (
    BOX,
    POLICY,
    attempts,
    create_endpoint,
    deliveries,
    settled,
)
from webhooks.dispatcher import PER_ENDPOINT, WebhookDispatcher

pytestmark = pytest.mark.webhooks


@contextlib.asynccontextmanager
async def running(dispatcher: WebhookDispatcher) -> AsyncIterator[WebhookDispatcher]:
    task = asyncio.create_task(dispatcher.run_forever())
    try:
        yield dispatcher
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def test_the_sweeper_sends_what_a_commit_made_due_when_woken(sessions, owner, receiver):
    path = receiver.new_path()
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    # A long interval: only the wake-up can explain a prompt delivery.
    dispatcher = WebhookDispatcher(sessions, policy=POLICY, box=BOX, interval=60)

    async with running(dispatcher):
        await eventually(lambda: dispatcher.sweeps >= 1, what="the sweep at start-up")
        for name in ("Olive oil", "Shea butter", "Lye"):
            await create_item(sessions, owner.principal, name)
        await dispatcher.wake()
        received = await receiver.wait_for(path, 3)
        done = await settled(sessions, hook.endpoint.id)

    assert {r.webhook_id for r in received} == {d.event_id for d in done}
    assert {d.status for d in done} == {"SUCCEEDED"}


async def test_a_commit_hands_the_endpoints_it_gave_deliveries_on_with_no_sweep(
    engine, sessions, owner, receiver
):
    path = receiver.new_path()
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    dispatcher = WebhookDispatcher(sessions, policy=POLICY, box=BOX, interval=60)
    listened = create_session_factory(engine, [dispatcher.committed])

    try:  # never swept, never woken: only the commits can have it send
        for name in ("Olive oil", "Shea butter", "Lye"):
            await create_item(listened, owner.principal, name)
        received = await receiver.wait_for(path, 3)
        done = await settled(sessions, hook.endpoint.id)
    finally:
        await dispatcher.aclose()

    assert dispatcher.sweeps == 0
    assert {r.webhook_id for r in received} == {d.event_id for d in done}
    assert {d.status for d in done} == {"SUCCEEDED"}


async def test_the_sweeper_keeps_each_entity_in_order_through_a_retry(sessions, owner, receiver):
    path = receiver.new_path(Reply(500))
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    item = await create_item(sessions, owner.principal, "Olive oil")
    for n in range(1, 4):
        await update_item(sessions, owner.principal, item.id, name=f"Olive oil {n}")
    first = (await deliveries(sessions, hook.endpoint.id))[0]
    clock = ManualUTC()
    dispatcher = WebhookDispatcher(sessions, policy=POLICY, box=BOX, interval=0.1, clock=clock)

    async with running(dispatcher):
        # the first delivery fails; on this clock its retry, 5 s (give or take the jitter)
        # later, is not due yet
        await eventually(lambda: _attempted(sessions, first.id), what="the failed attempt")
        # then the retry is due, and the others follow it in order
        clock.advance(RETRY_DELAYS[1] * (1 + JITTER))
        await dispatcher.wake()
        received = await receiver.wait_for(path, 5)
        done = await settled(sessions, hook.endpoint.id)

    sequences = [json.loads(r.body)["entity"]["sequence"] for r in received]
    assert sequences == [1, 1, 2, 3, 4]
    assert [d.status for d in done] == ["SUCCEEDED"] * 4


async def _attempted(sessions, delivery_id: int) -> bool:
    return bool(await attempts(sessions, delivery_id))


async def test_a_slow_endpoint_does_not_delay_another(sessions, owner, receiver):
    # The slow endpoint answers nothing until the fast one has had everything.
    answer = threading.Event()
    slow_path = receiver.new_path(*[Reply(hold=answer)] * 4)
    fast_path = receiver.new_path()
    await create_endpoint(sessions, owner.principal, receiver.url(slow_path))
    await create_endpoint(sessions, owner.principal, receiver.url(fast_path))
    for name in ("Olive oil", "Shea butter", "Lye", "Beeswax"):
        await create_item(sessions, owner.principal, name)
    dispatcher = WebhookDispatcher(sessions, policy=POLICY, box=BOX, interval=0.1)

    try:
        async with running(dispatcher):
            await receiver.wait_for(fast_path, 4)
            # meanwhile the slow one has no more than its own slots in flight
            slow_in_flight = len(receiver.at(slow_path))
            answer.set()
            await receiver.wait_for(slow_path, 4)
    finally:
        answer.set()

    assert slow_in_flight <= PER_ENDPOINT


async def test_serve_sends_a_webhook_as_soon_as_a_mutation_commits(
    database_url, sessions, owner, receiver
):
    path = receiver.new_path()
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    settings = make_settings(
        database_url,
        redis_url=None,  # the embedded mode: the API process sends
        webhook_allow_http=True,
        webhook_allowed_hosts=["127.0.0.1"],
    )
    app = create_app(settings)
    sweeper = app.state.webhooks
    sweeper.interval = 3600  # after the sweep at start-up, only a wake-up sends anything
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        await eventually(lambda: sweeper.sweeps >= 1, what="the sweep at start-up")
        body = await gql(
            client,
            'mutation { createInventoryItem(input: {name: "Lye", type: INGREDIENT, '
            'baseUnit: "g"}) { inventoryItem { id } userErrors { code } } }',
            token=owner.token,
        )
        [request] = await receiver.wait_for(path, 1)
        await settled(sessions, hook.endpoint.id)

    item_id = data(body)["createInventoryItem"]["inventoryItem"]["id"]
    payload = Webhook(hook.secret).verify(request.body, request.headers)
    assert (payload["type"], payload["entity"]["id"]) == ("inventory.item.created", item_id)


async def test_a_redelivery_that_succeeds_lets_the_entity_s_held_back_event_go_at_once(
    database_url, sessions, owner, receiver
):
    # given an item's first delivery failed, its retry an hour away, and the item's next
    # event held back behind it
    path = receiver.new_path(Reply(429, headers={"Retry-After": "3600"}))
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    item = await create_item(sessions, owner.principal, "Olive oil")
    await update_item(sessions, owner.principal, item.id, name="Olive oil, extra virgin")
    created, updated = await deliveries(sessions, hook.endpoint.id)
    settings = make_settings(
        database_url,
        redis_url=None,
        webhook_allow_http=True,
        webhook_allowed_hosts=["127.0.0.1"],
    )
    app = create_app(settings)
    sweeper = app.state.webhooks
    sweeper.interval = 3600  # after the sweep at start-up, only a wake-up sends anything
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        await eventually(lambda: _attempted(sessions, created.id), what="the failed attempt")

        # when the first delivery is redelivered by hand
        body = await gql(
            client,
            "mutation($id: ID!) { redeliverWebhook(input: {id: $id}) { delivery { id } "
            "userErrors { code } } }",
            {"id": to_global_id("WebhookDelivery", created.id)},
            token=owner.token,
        )
        assert data(body)["redeliverWebhook"]["userErrors"] == []

        # then the redelivery and the held-back event go out, without waiting for the retry
        received = await receiver.wait_for(path, 3)
        done = await settled(sessions, hook.endpoint.id)

    assert [r.webhook_id for r in received] == [
        created.event_id,
        created.event_id,
        updated.event_id,
    ]
    assert [(d.id, d.status) for d in done] == [
        (created.id, "REDELIVERED"),
        (done[1].id, "SUCCEEDED"),
        (updated.id, "SUCCEEDED"),
    ]


async def test_stopping_abandons_the_request_in_flight_but_no_transaction(
    engine, sessions, owner, receiver
):
    hold = threading.Event()
    path = receiver.new_path(Reply(hold=hold))
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    await create_item(sessions, owner.principal, "Olive oil")
    dispatcher = WebhookDispatcher(sessions, policy=POLICY, box=BOX, interval=0.1)

    try:
        async with running(dispatcher):
            await receiver.wait_for(path, 1)
        # Once stopped, no connection is left in a transaction (on SQLite one would hold
        # the write lock), and a write goes through.
        assert isinstance(engine.pool, QueuePool)
        connections_in_use = engine.pool.checkedout()
        await create_item(sessions, owner.principal, "Shea butter")
    finally:
        hold.set()

    interrupted, _later = await deliveries(sessions, hook.endpoint.id)
    [attempt] = await attempts(sessions, interrupted.id)
    assert (interrupted.status, interrupted.leased_until) == ("PENDING", None)
    assert attempt.error == "interrupted: the sender shut down"
    assert connections_in_use == 0

"""Sending one delivery to a real local receiver: signatures any Standard Webhooks
library accepts, the retry schedule, Retry-After, 410, redirects, timeouts and order."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from server.openapi import webhook_body_schema
from services.db import unit_of_work, utcnow
from services.mail import OutboundEmail
from services.webhooks.attempts import due_deliveries, record_attempt
from services.webhooks.catalog import EVENT_TYPES
from services.webhooks.deliveries import (
    JITTER,
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    AttemptResult,
    retry_delay,
)
from services.webhooks.targets import TargetPolicy
from tests.json_schema_subset import errors
from tests.services.inventory.givens import create_item, update_item
from tests.webhooks.conftest import Receiver, Reply
from tests.webhooks.givens import (
    attempts,
    create_endpoint,
    deliveries,
    delivery,
    endpoint_now,
    make_due,
    redeliver,
    rotate,
    send,
)
from webhooks.sender import parse_retry_after

pytestmark = pytest.mark.webhooks


async def one_delivery(sessions, owner, receiver: Receiver, *replies: Reply):
    """An endpoint at a fresh receiver path and the delivery of one new event to it."""
    path = receiver.new_path(*replies)
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    await create_item(sessions, owner.principal, "Olive oil")
    [pending] = await deliveries(sessions, hook.endpoint.id)
    return path, hook, pending


async def test_a_delivery_carries_the_event_and_verifies_with_the_endpoint_secret(
    sessions, owner, receiver
):
    path, hook, pending = await one_delivery(sessions, owner, receiver)

    outcome = await send(sessions, pending.id)

    [request] = receiver.at(path)
    body = Webhook(hook.secret).verify(request.body, request.headers)
    assert (outcome.attempted, outcome.status) == (True, "SUCCEEDED")
    assert request.webhook_id == pending.event_id == body["id"]
    assert body["type"] == "inventory.item.created"
    assert set(body) >= {"id", "type", "createdAt", "apiVersion", "organizationId", "data"}
    assert body["entity"]["sequence"] == 1
    assert request.headers["content-type"] == "application/json"
    assert b", " not in request.body  # compact JSON: exactly the bytes that were signed
    assert len(request.headers["webhook-signature"].split(" ")) == 1
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 43 + "=").verify(request.body, request.headers)
    [attempt] = await attempts(sessions, pending.id)
    assert (attempt.status_code, attempt.outcome, attempt.response_body) == (
        200,
        "SUCCEEDED",
        "ok",
    )


async def test_the_body_is_as_openapi_documents_it_with_the_standard_webhooks_timestamp(
    sessions, owner, receiver
):
    path, hook, pending = await one_delivery(sessions, owner, receiver)

    await send(sessions, pending.id)

    [request] = receiver.at(path)
    body = Webhook(hook.secret).verify(request.body, request.headers)
    schema = webhook_body_schema(EVENT_TYPES["inventory.item.created"])
    assert errors(schema, body, strict=True) == []
    assert body["timestamp"] == body["createdAt"]
    assert body["timestamp"].endswith("Z")


async def test_a_token_in_an_endpoint_s_url_does_not_reach_the_logs(
    sessions, owner, receiver, json_logs
):
    path = receiver.new_path()
    url = receiver.url(path) + "?token=Hook-T0ken-1&shop=7"
    hook = await create_endpoint(sessions, owner.principal, url)
    await create_item(sessions, owner.principal, "Olive oil")
    [pending] = await deliveries(sessions, hook.endpoint.id)

    assert (await send(sessions, pending.id)).status == "SUCCEEDED"

    written = json_logs.getvalue()
    assert "?token=[redacted]&shop=7" in written  # the HTTP client's line for the request
    assert "Hook-T0ken" not in written


async def test_a_delivery_to_a_host_name_is_pinned_to_the_address_checked(
    sessions, owner, receiver
):
    """The request goes to the address that passed the check, with the name in Host."""
    policy = TargetPolicy(allow_http=True, allowed_hosts=frozenset({"localhost"}))
    path = receiver.new_path()
    hook = await create_endpoint(
        sessions, owner.principal, f"http://localhost:{receiver.port}{path}", policy=policy
    )
    await create_item(sessions, owner.principal, "Olive oil")
    [pending] = await deliveries(sessions, hook.endpoint.id)

    outcome = await send(sessions, pending.id, policy=policy)

    [request] = receiver.at(path)
    assert outcome.status == "SUCCEEDED"
    assert request.headers["host"] == f"localhost:{receiver.port}"
    Webhook(hook.secret).verify(request.body, request.headers)


async def test_after_a_rotation_a_delivery_verifies_with_the_old_and_the_new_secret(
    sessions, owner, receiver
):
    path, hook, pending = await one_delivery(sessions, owner, receiver)
    new_secret = await rotate(sessions, owner.principal, hook.endpoint.id)

    await send(sessions, pending.id)

    [request] = receiver.at(path)
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    assert Webhook(hook.secret).verify(request.body, request.headers)["id"] == pending.event_id
    assert Webhook(new_secret).verify(request.body, request.headers)["id"] == pending.event_id


async def test_a_500_is_retried_on_schedule_and_the_next_attempt_delivers(
    sessions, owner, receiver
):
    path, _, pending = await one_delivery(sessions, owner, receiver, Reply(500, body=b"oops"))

    first = await send(sessions, pending.id)
    after_first = await delivery(sessions, pending.id)
    await make_due(sessions)
    second = await send(sessions, pending.id)

    assert (first.status, second.status) == ("PENDING", "SUCCEEDED")
    assert after_first.attempt_count == 1
    assert after_first.next_attempt_at is not None
    wait = after_first.next_attempt_at - (await attempts(sessions, pending.id))[0].attempted_at
    assert timedelta(seconds=4) < wait <= timedelta(seconds=5)
    logged = await attempts(sessions, pending.id)
    assert [(a.status_code, a.outcome, a.response_body) for a in logged] == [
        (500, "RETRY", "oops"),
        (200, "SUCCEEDED", "ok"),
    ]
    requests = receiver.at(path)
    assert len(requests) == 2
    assert requests[0].webhook_id == requests[1].webhook_id == pending.event_id
    done = await delivery(sessions, pending.id)
    assert (done.status, done.attempt_count, done.completed_at is not None) == (
        "SUCCEEDED",
        2,
        True,
    )


def test_each_retry_comes_within_a_fifth_of_its_scheduled_delay_either_way():
    for failed, base in enumerate(RETRY_DELAYS[1:], start=1):
        earliest = retry_delay(failed, jitter=lambda: 0.0)
        middle = retry_delay(failed, jitter=lambda: 0.5)
        latest = retry_delay(failed, jitter=lambda: 1.0)
        assert (earliest, middle) == (base * 0.8, base), failed
        assert abs(latest - base * 1.2) < timedelta(milliseconds=1), failed
        # the default source stays within the same bounds
        assert all(
            base * (1 - JITTER) <= retry_delay(failed) <= base * (1 + JITTER) for _ in range(50)
        )


async def test_deliveries_failing_together_are_retried_at_different_moments(
    sessions, owner, receiver
):
    path = receiver.new_path(Reply(500), Reply(500))
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    await create_item(sessions, owner.principal, "Olive oil")
    await create_item(sessions, owner.principal, "Shea butter")
    first, second = await deliveries(sessions, hook.endpoint.id)
    start = utcnow()

    await send(sessions, first.id, clock=lambda: start, jitter=lambda: 0.0)
    await send(sessions, second.id, clock=lambda: start, jitter=lambda: 0.75)

    retries = [(await delivery(sessions, d.id)).next_attempt_at for d in (first, second)]
    assert retries == [start + timedelta(seconds=4), start + timedelta(seconds=5.5)]


async def test_a_receiver_slower_than_the_time_limit_is_a_failed_attempt_retried_later(
    sessions, owner, receiver
):
    # A receiver that does not answer until the test lets it: slower than any limit.
    answer = threading.Event()
    _, _, pending = await one_delivery(sessions, owner, receiver, Reply(hold=answer))

    try:
        first = await send(sessions, pending.id, time_limit=0.5)
    finally:
        answer.set()
    await make_due(sessions)
    second = await send(sessions, pending.id)

    assert (first.status, second.status) == ("PENDING", "SUCCEEDED")
    timed_out, succeeded = await attempts(sessions, pending.id)
    assert timed_out.status_code is None
    assert timed_out.error == "timed out after 0.5 s"
    assert succeeded.status_code == 200


async def test_retry_after_on_429_puts_the_next_attempt_no_earlier_than_asked(
    sessions, owner, receiver
):
    path, _, pending = await one_delivery(
        sessions, owner, receiver, Reply(429, headers={"Retry-After": "120"})
    )
    start = utcnow()

    await send(sessions, pending.id, clock=lambda: start)
    waiting = await delivery(sessions, pending.id)
    too_early = await send(sessions, pending.id, clock=lambda: start + timedelta(seconds=119))
    on_time = await send(sessions, pending.id, clock=lambda: start + timedelta(seconds=121))

    assert waiting.next_attempt_at == start + timedelta(seconds=120)
    assert too_early.attempted is False
    assert on_time.status == "SUCCEEDED"
    assert len(receiver.at(path)) == 2


async def test_retry_after_is_read_as_seconds_or_an_http_date_and_capped_by_the_schedule():
    now = utcnow().replace(microsecond=0)
    in_90_s = (now + timedelta(seconds=90)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert parse_retry_after("1", now) == timedelta(seconds=1)
    assert parse_retry_after(in_90_s, now) == timedelta(seconds=90)
    assert parse_retry_after("Mon, 01 Jan 2001 00:00:00 GMT", now) == timedelta(0)
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


async def test_a_short_retry_after_does_not_shorten_the_schedule(sessions, owner, receiver):
    _, _, pending = await one_delivery(
        sessions, owner, receiver, Reply(503, headers={"Retry-After": "1"})
    )
    start = utcnow()

    await send(sessions, pending.id, clock=lambda: start)

    assert (await delivery(sessions, pending.id)).next_attempt_at == start + timedelta(seconds=5)


async def test_410_gone_fails_the_delivery_and_disables_the_endpoint(sessions, owner, receiver):
    path, hook, pending = await one_delivery(sessions, owner, receiver, Reply(410))

    outcome = await send(sessions, pending.id)
    await create_item(sessions, owner.principal, "Shea butter")

    endpoint = await endpoint_now(sessions, hook.endpoint.id)
    assert outcome.status == "FAILED"
    assert (endpoint.enabled, endpoint.disabled_reason) == (False, "GONE")
    assert [a.outcome for a in await attempts(sessions, pending.id)] == ["GONE"]
    # A disabled endpoint gets no new deliveries.
    assert len(await deliveries(sessions, hook.endpoint.id)) == 1
    assert len(receiver.at(path)) == 1


async def test_a_redirect_is_not_followed_and_counts_as_a_failure(sessions, owner, receiver):
    elsewhere = receiver.new_path()
    path, _, pending = await one_delivery(
        sessions, owner, receiver, Reply(302, headers={"Location": receiver.url(elsewhere)})
    )

    outcome = await send(sessions, pending.id)

    [attempt] = await attempts(sessions, pending.id)
    assert outcome.status == "PENDING"
    assert (attempt.status_code, attempt.outcome) == (302, "RETRY")
    assert attempt.error is not None
    assert "not followed" in attempt.error
    assert receiver.at(elsewhere) == []
    assert len(receiver.at(path)) == 1


async def test_after_eight_failed_attempts_the_delivery_fails(sessions, owner, receiver):
    _, _, pending = await one_delivery(sessions, owner, receiver, *[Reply(500)] * 8)

    statuses = []
    for _ in range(8):
        statuses.append((await send(sessions, pending.id)).status)
        await make_due(sessions)
    ninth = await send(sessions, pending.id)

    assert statuses == ["PENDING"] * 7 + ["FAILED"]
    assert ninth.attempted is False
    assert [a.outcome for a in await attempts(sessions, pending.id)] == ["RETRY"] * 7 + ["FAILED"]


async def test_an_endpoint_failing_for_five_days_is_disabled_and_its_owners_told(
    sessions, owner, receiver
):
    _, hook, pending = await one_delivery(sessions, owner, receiver, Reply(500), Reply(500))
    start = utcnow()

    await send(sessions, pending.id, clock=lambda: start)
    await make_due(sessions, at=start)
    await send(sessions, pending.id, clock=lambda: start + timedelta(days=5, seconds=1))

    endpoint = await endpoint_now(sessions, hook.endpoint.id)
    assert (endpoint.enabled, endpoint.disabled_reason) == (False, "FAILING")
    async with unit_of_work(sessions, write=False) as session:
        mails = (await session.scalars(select(OutboundEmail))).all()
    disabled = [m.to_address for m in mails if m.subject == "A webhook endpoint was disabled"]
    assert disabled == [owner.email]


async def test_an_entity_s_deliveries_go_in_order_when_the_first_fails_once(
    sessions, owner, receiver
):
    path = receiver.new_path(Reply(500))
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    item = await create_item(sessions, owner.principal, "Olive oil")
    await update_item(sessions, owner.principal, item.id, name="Olive oil, extra virgin")
    created, updated = await deliveries(sessions, hook.endpoint.id)

    failed = await send(sessions, created.id)
    async with unit_of_work(sessions, write=False) as session:
        due_while_blocked = await due_deliveries(session, now=utcnow() + timedelta(minutes=1))
    blocked = await send(sessions, updated.id)
    await make_due(sessions)
    retried = await send(sessions, created.id)
    then = await send(sessions, updated.id)

    assert failed.status == "PENDING"
    # The update waits behind the creation: not due, and not taken if asked for.
    assert due_while_blocked == [created.id]
    assert blocked.attempted is False
    assert (retried.status, retried.next_delivery_id) == ("SUCCEEDED", updated.id)
    assert then.status == "SUCCEEDED"
    assert [r.webhook_id for r in receiver.at(path)] == [
        created.event_id,
        created.event_id,
        updated.event_id,
    ]


async def test_a_successful_redelivery_settles_the_original_so_the_entity_s_next_event_goes(
    sessions, owner, receiver
):
    # given an entity's first delivery that failed and waits an hour for its retry, and
    # the entity's next delivery held back behind it
    path = receiver.new_path(Reply(429, headers={"Retry-After": "3600"}))
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    item = await create_item(sessions, owner.principal, "Olive oil")
    await update_item(sessions, owner.principal, item.id, name="Olive oil, extra virgin")
    created, updated = await deliveries(sessions, hook.endpoint.id)
    await send(sessions, created.id)

    # when the first is redelivered by hand and the redelivery succeeds
    again = await redeliver(sessions, owner.principal, created.id)
    redelivered = await send(sessions, again.id)

    # then the original is settled as REDELIVERED by it, with no retry left
    original = await delivery(sessions, created.id)
    assert (redelivered.status, again.redelivery_of_id) == ("SUCCEEDED", created.id)
    assert (original.status, original.redelivered_by_id) == ("REDELIVERED", again.id)
    assert (original.next_attempt_at, original.attempt_count) == (None, 1)
    assert original.completed_at is not None
    assert (await send(sessions, created.id)).attempted is False
    # and the held-back delivery is handed on at once, and due now
    assert redelivered.next_delivery_id == updated.id
    async with unit_of_work(sessions, write=False) as session:
        assert await due_deliveries(session, now=utcnow()) == [updated.id]
    assert (await send(sessions, updated.id)).status == "SUCCEEDED"
    assert [r.webhook_id for r in receiver.at(path)] == [
        created.event_id,
        created.event_id,
        updated.event_id,
    ]


async def test_a_successful_redelivery_also_settles_an_original_that_ran_out_of_retries(
    sessions, owner, receiver
):
    _, _, pending = await one_delivery(sessions, owner, receiver)
    async with unit_of_work(sessions) as session:
        for _ in range(MAX_ATTEMPTS):
            await record_attempt(session, pending.id, AttemptResult(500, 10), at=utcnow())
    assert (await delivery(sessions, pending.id)).status == "FAILED"

    again = await redeliver(sessions, owner.principal, pending.id)
    await send(sessions, again.id)

    original = await delivery(sessions, pending.id)
    assert (original.status, original.redelivered_by_id) == ("REDELIVERED", again.id)


async def test_a_failed_redelivery_leaves_the_original_as_it_was(sessions, owner, receiver):
    _, _, pending = await one_delivery(sessions, owner, receiver, Reply(500), Reply(500))
    await send(sessions, pending.id)

    again = await redeliver(sessions, owner.principal, pending.id)
    await send(sessions, again.id)

    original = await delivery(sessions, pending.id)
    assert (original.status, original.redelivered_by_id) == ("PENDING", None)
    assert original.next_attempt_at is not None


async def test_a_late_report_from_a_sender_whose_lease_ran_out_changes_nothing(
    sessions, owner, receiver
):
    _, _, pending = await one_delivery(sessions, owner, receiver)
    await send(sessions, pending.id)

    async with unit_of_work(sessions) as session:
        await record_attempt(
            session, pending.id, AttemptResult(500, 10, error="HTTP 500"), at=utcnow()
        )

    done = await delivery(sessions, pending.id)
    assert (done.status, done.attempt_count) == ("SUCCEEDED", 1)
    assert [a.outcome for a in await attempts(sessions, pending.id)] == ["SUCCEEDED", "STALE"]


async def test_deliveries_of_a_disabled_endpoint_are_not_due(sessions, owner, receiver):
    _, hook, pending = await one_delivery(sessions, owner, receiver)
    from services.webhooks import endpoints

    async with unit_of_work(sessions) as session:
        await endpoints.update_endpoint(
            session,
            owner.principal,
            endpoint_id=hook.endpoint.id,
            enabled=False,
            policy=TargetPolicy(),
        )
        due = await due_deliveries(session, now=utcnow())

    assert pending.id not in due
    assert (await send(sessions, pending.id)).attempted is False

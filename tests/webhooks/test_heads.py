"""Entity heads: a delivery appended while its entity's head finishes is released by
whichever commits second, and the sweeper releases what a sender that died between its
commit and advancing a head left behind."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from services.db import unit_of_work, utcnow
from services.events import NewEvent, append_events
from services.webhooks.attempts import claim, record
from services.webhooks.deliveries import AttemptResult
from services.webhooks.heads import advance_heads
from services.webhooks.models import WebhookDelivery
from tests.webhooks.givens import BOX, POLICY, create_endpoint, deliveries, no_jitter
from tests.webhooks.givens import append_events as append_rounds
from webhooks.dispatcher import WebhookDispatcher

pytestmark = pytest.mark.webhooks


def adjusted(entity: str) -> NewEvent:
    return NewEvent("inventory.adjusted", "InventoryItem", entity, {})


async def test_an_event_appended_while_its_head_finishes_is_released_after_both_commit(
    backend, sessions, owner, receiver
):
    if backend != "postgresql":
        pytest.skip("SQLite has one writer: the two transactions cannot overlap")
    hook = await create_endpoint(sessions, owner.principal, receiver.url(receiver.new_path()))
    await append_rounds(sessions, owner, entities=1, each=1)
    async with unit_of_work(sessions) as session:
        [head] = (
            await claim(session, now=utcnow(), limit=10, endpoint_id=hook.endpoint.id)
        ).claimed

    # A producer appends the entity's next event and has not committed yet...
    async with sessions() as producer:
        await append_events(
            producer, organization_id=owner.principal.organization_id, events=[adjusted("item-0")]
        )
        # ...while the sender records the head's success: it cannot wait for the head the
        # producer holds, so it leaves it to advance after its own commit.
        async with unit_of_work(sessions) as session:
            recorded = await record(
                session, [(head, AttemptResult(200, 5))], at=utcnow(), jitter=no_jitter
            )
        await producer.commit()
    async with unit_of_work(sessions) as session:
        released, _ = await advance_heads(session, recorded.contended, wait=True)

    head_now, following = await deliveries(sessions, hook.endpoint.id)
    assert recorded.contended == [(hook.endpoint.id, head.entity_key)]
    assert recorded.released == []
    assert head_now.status == "SUCCEEDED"
    assert (following.held_back, released) == (False, [following.id])


async def test_the_sweeper_releases_an_entity_a_dead_sender_left_held_back(
    sessions, owner, receiver
):
    hook = await create_endpoint(sessions, owner.principal, receiver.url(receiver.new_path()))
    await append_rounds(sessions, owner, entities=1, each=2)
    first, second = await deliveries(sessions, hook.endpoint.id)
    # A sender recorded the first and died before it advanced the entity's head.
    async with unit_of_work(sessions) as session:
        await session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == first.id)
            .values(status="SUCCEEDED", next_attempt_at=None, completed_at=utcnow())
        )
    sweeper = WebhookDispatcher(sessions, policy=POLICY, box=BOX, enqueue=_nothing)

    await sweeper.sweep_once()

    _, released = await deliveries(sessions, hook.endpoint.id)
    assert (second.held_back, released.held_back) == (True, False)


async def _nothing(endpoint_ids: list[int], *, nudge: bool = False) -> int:
    return 0

"""Givens for the webhook tests: endpoints made through the service, deliveries and
attempts read back, and the test policy (http allowed, 127.0.0.1 allow-listed for the
local receiver)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime

from sqlalchemy import select, update

from services.db import unit_of_work, utcnow
from services.events import append_event
from services.permissions import Principal
from services.webhooks import deliveries as delivery_log
from services.webhooks import endpoints
from services.webhooks.deliveries import RandomSource
from services.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from tests.services.accounts.givens import Actor, Sessions
from tests.timing import PATIENCE_SECONDS, eventually
from tests.webhooks.conftest import Receiver
from webhooks.engine import PER_ENDPOINT, Outcome, deliver
from webhooks.sender import ClientPool, Clock

SECRET_KEY = "test-secret"
BOX = SecretBox(SECRET_KEY)
POLICY = TargetPolicy(allow_http=True, allowed_hosts=frozenset({"127.0.0.1"}))
STRICT = TargetPolicy(allow_http=True)


def no_jitter() -> float:
    """The middle of the jitter range: every retry exactly on the schedule's delay."""
    return 0.5


async def create_endpoint(
    sessions: Sessions,
    principal: Principal,
    url: str,
    *,
    event_types: list[str] | None = None,
    policy: TargetPolicy = POLICY,
) -> endpoints.EndpointSecret:
    async with unit_of_work(sessions) as session:
        return await endpoints.create_endpoint(
            session,
            principal,
            url=url,
            event_types=event_types or ["inventory.*"],
            description=None,
            policy=policy,
            box=BOX,
        )


async def rotate(sessions: Sessions, principal: Principal, endpoint_id: int) -> str:
    async with unit_of_work(sessions) as session:
        rotated = await endpoints.rotate_secret(
            session, principal, endpoint_id=endpoint_id, box=BOX
        )
    return rotated.secret


async def redeliver(sessions: Sessions, principal: Principal, delivery_id: int) -> WebhookDelivery:
    async with unit_of_work(sessions) as session:
        return await delivery_log.redeliver(session, principal, delivery_id=delivery_id)


async def deliveries(sessions: Sessions, endpoint_id: int) -> list[WebhookDelivery]:
    async with unit_of_work(sessions, write=False) as session:
        rows = await session.scalars(
            select(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id)
            .order_by(WebhookDelivery.event_position, WebhookDelivery.id)
        )
        return list(rows.all())


async def delivery(sessions: Sessions, delivery_id: int) -> WebhookDelivery:
    async with unit_of_work(sessions, write=False) as session:
        return await session.get_one(WebhookDelivery, delivery_id)


async def endpoint_now(sessions: Sessions, endpoint_id: int) -> WebhookEndpoint:
    async with unit_of_work(sessions, write=False) as session:
        return await session.get_one(WebhookEndpoint, endpoint_id)


async def attempts(sessions: Sessions, delivery_id: int) -> list[WebhookAttempt]:
    async with unit_of_work(sessions, write=False) as session:
        rows = await session.scalars(
            select(WebhookAttempt)
            .where(WebhookAttempt.delivery_id == delivery_id)
            .order_by(WebhookAttempt.id)
        )
        return list(rows.all())


async def make_due(sessions: Sessions, *, at: datetime | None = None) -> None:
    """Time passes: every pending delivery's next attempt is now (the retry schedule's
    minutes and hours are not waited for in tests)."""
    async with unit_of_work(sessions) as session:
        await session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.status == "PENDING")
            .values(next_attempt_at=at or utcnow())
        )


async def send(
    sessions: Sessions,
    delivery_id: int,
    *,
    policy: TargetPolicy = POLICY,
    time_limit: float = PATIENCE_SECONDS,
    clock: Clock = utcnow,
    jitter: RandomSource = no_jitter,
) -> Outcome:
    """One run of the sender for one delivery, with the client the dispatcher uses (and,
    unless the test asks otherwise, retries exactly on the schedule)."""
    async with ClientPool(PER_ENDPOINT) as client:
        return await deliver(
            sessions,
            delivery_id,
            policy=policy,
            box=BOX,
            client=client,
            time_limit=time_limit,
            clock=clock,
            jitter=jitter,
        )


async def settled(sessions: Sessions, endpoint_id: int) -> list[WebhookDelivery]:
    """The endpoint's deliveries once none is pending (each sender has recorded)."""

    async def none_pending() -> bool:
        return all(d.status != "PENDING" for d in await deliveries(sessions, endpoint_id))

    await eventually(none_pending, what=f"endpoint {endpoint_id} without pending deliveries")
    return await deliveries(sessions, endpoint_id)


async def append_events(sessions: Sessions, owner: Actor, *, entities: int, each: int) -> None:
    """`each` events for every one of `entities` items, in rounds, in one transaction."""
    async with unit_of_work(sessions) as session:
        for round_ in range(each):
            for n in range(entities):
                await append_event(
                    session,
                    organization_id=owner.principal.organization_id,
                    type="inventory.adjusted",
                    entity_type="InventoryItem",
                    entity_id=f"item-{n}",
                    payload={"round": round_},
                )


def sequences_by_entity(receiver: Receiver, path: str) -> dict[str, list[int]]:
    """Each entity's sequence numbers in the order their requests arrived."""
    found: dict[str, list[int]] = defaultdict(list)
    for request in receiver.at(path):
        entity = json.loads(request.body)["entity"]
        found[entity["id"]].append(entity["sequence"])
    return found

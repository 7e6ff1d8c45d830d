"""One attempt at one delivery: claim it, check where it goes, POST it, record the result.

Three short steps, none holding a transaction across the network:
1. claim (commit): the delivery is leased to this sender, so no other sender takes it
   until the lease runs out (a sender that dies mid-request is thus replaced);
2. resolve the endpoint's URL again (SSRF rules with the addresses of this moment) and
   POST the signed body to the resolved address itself, so a DNS answer that changes
   between the check and the connection gains nothing;
3. record the attempt (commit): done, retried on schedule or failed.

Delivery is at least once: a sender that dies between 2 and 3 leaves the delivery to be
sent again, with the same `webhook-id`, when its lease expires.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import unit_of_work, utcnow
from services.errors import UserInputError
from services.webhooks.deliveries import (
    RESPONSE_BODY_LIMIT,
    AttemptResult,
    RandomSource,
    claim,
    next_in_line,
    record_attempt,
    webhook_body,
)
from services.webhooks.endpoints import signing_secrets
from services.webhooks.models import DeliveryStatus
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import Target, TargetPolicy, resolve
from webhooks.signing import encode_body, signature_headers

log = logging.getLogger("batchtrack.webhooks")

TIMEOUT_SECONDS = 10.0
USER_AGENT = "BatchTrack-Webhooks/1.0"
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Outcome:
    """What became of one call of `deliver`."""

    delivery_id: int
    # False when there was nothing to do: not due, held by another sender, waiting behind
    # an earlier delivery of its entity, its endpoint disabled, or already finished.
    attempted: bool
    # The delivery's status after the attempt.
    status: str | None = None
    # When the delivery finished (sent, or failed for good): the next pending delivery of
    # the same entity to the same endpoint, which its sender should send at once.
    next_delivery_id: int | None = None


def new_client() -> httpx.AsyncClient:
    """The HTTP client senders share. No proxies from the environment (a proxy would
    connect to a host of its own choosing, defeating the address pinning) and no
    redirects (a 3xx is a failed attempt, never followed to an unchecked address)."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(TIMEOUT_SECONDS),
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
    )


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """`Retry-After` as seconds or as an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return timedelta(seconds=int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


def _host_header(target: Target) -> str:
    host = target.host
    try:
        if isinstance(ipaddress.ip_address(host.strip("[]")), ipaddress.IPv6Address):
            host = f"[{host.strip('[]')}]"
    except ValueError:
        pass
    default_port = 443 if target.scheme == "https" else 80
    return host if target.port == default_port else f"{host}:{target.port}"


async def post(
    client: httpx.AsyncClient,
    target: Target,
    body: bytes,
    headers: dict[str, str],
    *,
    time_limit: float = TIMEOUT_SECONDS,
    clock: Clock = utcnow,
) -> AttemptResult:
    """POST to the resolved addresses of `target` (the next one only when connecting
    fails, so nothing was sent), reading at most RESPONSE_BODY_LIMIT bytes back."""
    started = time.monotonic()

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    url = httpx.URL(target.url)
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    request_headers = {
        **headers,
        "Host": _host_header(target),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    error = "the host has no address"
    try:
        # One deadline for the whole exchange: a peer that trickles bytes cannot hold a
        # sender longer than `time_limit`.
        async with asyncio.timeout(time_limit):
            for address in target.addresses:
                request = client.build_request(
                    "POST",
                    url.copy_with(host=address.split("%")[0]),
                    content=body,
                    headers=request_headers,
                    extensions=extensions,
                    timeout=time_limit,
                )
                try:
                    response = await client.send(request, stream=True, follow_redirects=False)
                except httpx.ConnectError as failure:
                    error = f"could not connect to {address}: {failure}"
                    continue
                try:
                    received = bytearray()
                    async for chunk in response.aiter_raw():
                        received.extend(chunk)
                        if len(received) >= RESPONSE_BODY_LIMIT:
                            break
                finally:
                    await response.aclose()
                retry_after = None
                if response.status_code in (429, 503):
                    retry_after = parse_retry_after(response.headers.get("retry-after"), clock())
                problem = None
                if 300 <= response.status_code < 400:
                    location = response.headers.get("location", "")
                    problem = f"redirect ({response.status_code}) to {location[:200]} not followed"
                elif not 200 <= response.status_code < 300:
                    problem = f"HTTP {response.status_code}"
                return AttemptResult(
                    status_code=response.status_code,
                    duration_ms=elapsed(),
                    response_body=bytes(received[:RESPONSE_BODY_LIMIT]).decode(
                        "utf-8", errors="replace"
                    )
                    or None,
                    error=problem,
                    retry_after=retry_after,
                )
    except (TimeoutError, httpx.TimeoutException):
        return AttemptResult(None, elapsed(), error=f"timed out after {time_limit:g} s")
    except httpx.HTTPError as failure:
        return AttemptResult(None, elapsed(), error=f"{type(failure).__name__}: {failure}")
    return AttemptResult(None, elapsed(), error=error)


async def _until_stopped(
    attempt: Awaitable[AttemptResult], stop: asyncio.Event
) -> AttemptResult | None:
    """The attempt's result, or None if `stop` was set first (the attempt is cancelled)."""
    sending = asyncio.ensure_future(attempt)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({sending, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    if sending.done():
        return sending.result()
    sending.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await sending
    return None


async def deliver(
    sessions: async_sessionmaker[AsyncSession],
    delivery_id: int,
    *,
    policy: TargetPolicy,
    box: SecretBox,
    client: httpx.AsyncClient,
    time_limit: float = TIMEOUT_SECONDS,
    clock: Clock = utcnow,
    stop: asyncio.Event | None = None,
    jitter: RandomSource = random.random,
) -> Outcome:
    """Make one attempt at a delivery if it is due and first in line. Never raises for
    a failure of the attempt itself: every failure is recorded and retried on schedule.

    To stop a sender, set `stop` rather than cancel it: the request in flight is then
    abandoned (and recorded as a failed attempt), but a database transaction is never
    cut off halfway, which on SQLite would leave the write lock held."""
    async with unit_of_work(sessions) as session:
        claimed = await claim(session, delivery_id, now=clock())
    if claimed is None:
        return Outcome(delivery_id, attempted=False)
    endpoint, event = claimed.endpoint, claimed.event
    started = time.monotonic()

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    async def attempt() -> AttemptResult:
        try:
            target = await resolve(endpoint.url, policy)
            body = encode_body(webhook_body(event))
            headers = signature_headers(
                message_id=event.id, body=body, secrets=signing_secrets(endpoint, box)
            )
            return await post(client, target, body, headers, time_limit=time_limit, clock=clock)
        except UserInputError as refused:
            # The URL is no longer acceptable (the address or the policy changed since
            # the endpoint was saved): a failed attempt, retried on schedule.
            return AttemptResult(None, elapsed(), error=f"refused: {refused.message}")
        except Exception as failure:
            log.exception("webhooks.delivery.error", extra={"fields": {"delivery_id": delivery_id}})
            return AttemptResult(None, elapsed(), error=f"internal error: {type(failure).__name__}")

    result = await attempt() if stop is None else await _until_stopped(attempt(), stop)
    if result is None:
        result = AttemptResult(None, elapsed(), error="interrupted: the sender shut down")
    async with unit_of_work(sessions) as session:
        delivery = await record_attempt(session, delivery_id, result, at=clock(), jitter=jitter)
        if delivery is None:
            return Outcome(delivery_id, attempted=True)
        status = delivery.status
        following = None
        if status != DeliveryStatus.PENDING.value:
            following = await next_in_line(
                session, endpoint_id=delivery.endpoint_id, entity=delivery.entity_key
            )
    log.info(
        "webhooks.delivery.attempted",
        extra={
            "fields": {
                "delivery_id": delivery_id,
                "endpoint_id": endpoint.id,
                "status_code": result.status_code,
                "error": result.error,
                "status": status,
            }
        },
    )
    return Outcome(delivery_id, attempted=True, status=status, next_delivery_id=following)

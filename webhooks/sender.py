"""One HTTP attempt: POST a signed body to the address that passed the SSRF check.

Each endpoint gets its own keep-alive aiohttp session (`ClientPool`), at most
`per_endpoint` connections: a slow or failing receiver only uses its own connections,
and the cost of a request does not grow with how many are in flight (httpx's did here:
bench/RESULTS.md). No proxies from the environment (a proxy would connect to a host of
its own choosing, defeating the address pinning) and no redirects (a 3xx is a failed
attempt, never followed to an unchecked address).
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import aiohttp
from yarl import URL

from services.db import utcnow
from services.webhooks.deliveries import RESPONSE_BODY_LIMIT, AttemptResult
from services.webhooks.targets import Target

TIMEOUT_SECONDS = 10.0
USER_AGENT = "BatchTrack-Webhooks/1.0"
# Below the usual servers' idle timeout (uvicorn 5 s, nginx 75 s): a connection the peer
# may be closing is not reused.
KEEPALIVE_SECONDS = 4.0
Clock = Callable[[], datetime]


class ClientPool:
    """Keep-alive HTTP sessions, one per endpoint; made and used on one event loop."""

    def __init__(self, per_endpoint: int) -> None:
        self.per_endpoint = per_endpoint
        self._sessions: dict[int, aiohttp.ClientSession] = {}

    def session(self, endpoint_id: int) -> aiohttp.ClientSession:
        found = self._sessions.get(endpoint_id)
        if found is None or found.closed:
            found = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(
                    limit=self.per_endpoint,
                    limit_per_host=self.per_endpoint,
                    keepalive_timeout=KEEPALIVE_SECONDS,
                ),
                trust_env=False,
                auto_decompress=False,
                timeout=aiohttp.ClientTimeout(total=None),
            )
            self._sessions[endpoint_id] = found
        return found

    async def aclose(self) -> None:
        sessions, self._sessions = list(self._sessions.values()), {}
        for session in sessions:
            await session.close()

    async def __aenter__(self) -> ClientPool:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()


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


def _result(status: int, headers: object, received: bytes, ms: int, now: datetime) -> AttemptResult:
    get = getattr(headers, "get")  # noqa: B009 (a CIMultiDictProxy, case-insensitive)
    retry_after = parse_retry_after(get("retry-after"), now) if status in (429, 503) else None
    problem = None
    if 300 <= status < 400:
        problem = f"redirect ({status}) to {(get('location') or '')[:200]} not followed"
    elif not 200 <= status < 300:
        problem = f"HTTP {status}"
    return AttemptResult(
        status_code=status,
        duration_ms=ms,
        response_body=received[:RESPONSE_BODY_LIMIT].decode("utf-8", errors="replace") or None,
        error=problem,
        retry_after=retry_after,
    )


async def post(
    session: aiohttp.ClientSession,
    target: Target,
    body: bytes,
    headers: dict[str, str],
    *,
    time_limit: float = TIMEOUT_SECONDS,
    clock: Clock = utcnow,
) -> AttemptResult:
    """POST to the resolved addresses of `target` (the next one only when connecting
    fails, so nothing was sent), reading at most RESPONSE_BODY_LIMIT bytes back. One
    deadline for the whole exchange: a peer that trickles bytes cannot hold a sender
    longer than `time_limit`."""
    started = time.monotonic()

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    url = URL(target.url)
    request_headers = {
        **headers,
        "Host": _host_header(target),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    server_hostname = target.host if target.scheme == "https" else None
    error = "the host has no address"
    try:
        async with asyncio.timeout(time_limit):
            for address in target.addresses:
                try:
                    response = await session.post(
                        url.with_host(address.split("%")[0]),
                        data=body,
                        headers=request_headers,
                        allow_redirects=False,
                        server_hostname=server_hostname,
                    )
                except aiohttp.ClientConnectorError as failure:
                    error = f"could not connect to {address}: {failure}"
                    continue
                async with response:
                    received = b""
                    while len(received) < RESPONSE_BODY_LIMIT:
                        chunk = await response.content.read(RESPONSE_BODY_LIMIT - len(received))
                        if not chunk:
                            break
                        received += chunk
                    return _result(response.status, response.headers, received, elapsed(), clock())
    except TimeoutError:
        return AttemptResult(None, elapsed(), error=f"timed out after {time_limit:g} s")
    except aiohttp.ClientError as failure:
        return AttemptResult(None, elapsed(), error=f"{type(failure).__name__}: {failure}")
    return AttemptResult(None, elapsed(), error=error)

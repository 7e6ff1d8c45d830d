"""What every generated operation goes through: the API key as a bearer token, pacing
from the cost reported by the last answers, retries, an `Idempotency-Key` per mutation
call (the same key on each retry, so a retried mutation applies once), and typed
errors. Async and sync clients share the decisions (`Attempts`); only the waiting and
the sending differ."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any, Self

import httpx
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from batchtrack_sdk.errors import TransportError, graphql_error, raise_user_errors
from batchtrack_sdk.pacing import Pacer

DEFAULT_URL = "http://127.0.0.1:8000/graphql"
DEFAULT_ATTEMPTS = 6
DEFAULT_TIMEOUT = 30.0
# Answers worth another try: over the budget, the database busy, an idempotency key
# whose first request is still running, a proxy or server restarting.
RETRY_STATUSES = {409, 429, 502, 503, 504}
RETRY_CODES = {"THROTTLED", "SERVICE_BUSY"}
_MUTATION = re.compile(r"^\s*mutation\b")


def backoff(attempt: int) -> float:
    return float(min(0.25 * 2**attempt, 8.0))


def retry_after(response: httpx.Response, attempt: int) -> float | None:
    """Seconds to wait before trying again, or None when this answer is final."""
    body = _json(response)
    errors = body.get("errors") if isinstance(body, dict) else None
    codes = {((e or {}).get("extensions") or {}).get("code") for e in errors or []}
    if response.status_code not in RETRY_STATUSES and not codes & RETRY_CODES:
        return None
    for error in errors or []:
        seconds = ((error or {}).get("extensions") or {}).get("retryAfterSeconds")
        if isinstance(seconds, int | float):
            return float(seconds)
    header = response.headers.get("retry-after", "")
    return float(header) if header.isdigit() else backoff(attempt)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _unset(value: Any) -> bool:
    """The generated methods' UNSET default: an argument not given is not sent (each
    generated package has its own UNSET, so it is known by its type's name)."""
    return type(value).__name__ == "UnsetType"


def json_variables(variables: dict[str, Any] | None) -> dict[str, Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, BaseModel):
            return value.model_dump(by_alias=True, exclude_unset=True)
        if isinstance(value, list):
            return [convert(item) for item in value]
        return value

    return {key: convert(value) for key, value in (variables or {}).items() if not _unset(value)}


class Attempts:
    """The attempts at one operation: what to send, how long to wait before each."""

    def __init__(
        self,
        transport: _Transport,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        idempotency_key: str | None,
    ) -> None:
        self.pacer = transport.pacer
        self.operation = operation_name
        self.max_attempts = transport.max_attempts
        self.body = to_jsonable_python(
            {
                "query": query,
                "operationName": operation_name,
                "variables": json_variables(variables),
            }
        )
        self.headers = dict(transport.headers)
        if _MUTATION.match(query):
            self.headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        self._wait = 0.0

    def __iter__(self) -> Iterator[int]:
        return iter(range(self.max_attempts))

    def wait(self) -> float:
        return max(self._wait, self.pacer.delay(self.operation))

    def failed(self, attempt: int, error: httpx.TransportError) -> None:
        """The request did not get an answer; raise if it was the last attempt."""
        if attempt + 1 >= self.max_attempts:
            raise TransportError(f"{self.operation}: {error!r}") from error
        self._wait = backoff(attempt)

    def done(self, attempt: int, response: httpx.Response) -> bool:
        body = _json(response)
        self.pacer.observe(
            self.operation, body.get("extensions") if isinstance(body, dict) else None
        )
        delay = retry_after(response, attempt)
        if delay is None or attempt + 1 >= self.max_attempts:
            return True
        self._wait = delay
        return False


class _Transport:
    def __init__(
        self,
        url: str = DEFAULT_URL,
        api_key: str | None = None,
        *,
        headers: dict[str, str] | None = None,
        max_attempts: int = DEFAULT_ATTEMPTS,
    ) -> None:
        self.url = url
        self.headers = dict(headers or {})
        if api_key:
            self.headers["Authorization"] = f"Bearer {api_key}"
        self.max_attempts = max_attempts
        self.pacer = Pacer()

    def get_data(self, response: httpx.Response) -> dict[str, Any]:
        body = _json(response)
        if not isinstance(body, dict) or ("data" not in body and "errors" not in body):
            raise TransportError(
                f"HTTP {response.status_code}: {response.text[:200]}", response.status_code
            )
        data = body.get("data")
        if body.get("errors"):
            raise graphql_error(body["errors"], data)
        if not isinstance(data, dict):
            raise TransportError("an answer without data", response.status_code)
        raise_user_errors(data)
        return data


class AsyncTransport(_Transport):
    def __init__(
        self,
        url: str = DEFAULT_URL,
        api_key: str | None = None,
        *,
        headers: dict[str, str] | None = None,
        max_attempts: int = DEFAULT_ATTEMPTS,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(url, api_key, headers=headers, max_attempts=max_attempts)
        self.http_client = http_client or httpx.AsyncClient(timeout=DEFAULT_TIMEOUT)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.http_client.aclose()

    async def execute(
        self,
        query: str,
        operation_name: str | None = None,
        variables: dict[str, Any] | None = None,
        *,
        idempotency_key: str | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        attempts = Attempts(self, query, operation_name, variables, idempotency_key)
        for attempt in attempts:
            await asyncio.sleep(attempts.wait())
            try:
                response = await self.http_client.post(
                    self.url, json=attempts.body, headers=attempts.headers, **kwargs
                )
            except httpx.TransportError as error:
                attempts.failed(attempt, error)
                continue
            if attempts.done(attempt, response):
                return response
        raise AssertionError("unreachable: the last attempt returns or raises")


class SyncTransport(_Transport):
    def __init__(
        self,
        url: str = DEFAULT_URL,
        api_key: str | None = None,
        *,
        headers: dict[str, str] | None = None,
        max_attempts: int = DEFAULT_ATTEMPTS,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(url, api_key, headers=headers, max_attempts=max_attempts)
        self.http_client = http_client or httpx.Client(timeout=DEFAULT_TIMEOUT)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.http_client.close()

    def execute(
        self,
        query: str,
        operation_name: str | None = None,
        variables: dict[str, Any] | None = None,
        *,
        idempotency_key: str | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        attempts = Attempts(self, query, operation_name, variables, idempotency_key)
        for attempt in attempts:
            time.sleep(attempts.wait())
            try:
                response = self.http_client.post(
                    self.url, json=attempts.body, headers=attempts.headers, **kwargs
                )
            except httpx.TransportError as error:
                attempts.failed(attempt, error)
                continue
            if attempts.done(attempt, response):
                return response
        raise AssertionError("unreachable: the last attempt returns or raises")

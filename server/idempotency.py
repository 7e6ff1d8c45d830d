"""The `Idempotency-Key` header on POST /graphql (docs/api.md): the first response to a
key is stored with the request's hash; a retry with the same key and body gets it back
(with `Idempotent-Replayed: true`) without running again; another body is refused.
Requests without a caller (public operations) ignore the header: a key must belong to
someone."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.middleware import send_json
from server.request_body import checked_body
from services import idempotency
from services.db import unit_of_work
from services.permissions import Principal

HEADER = "idempotency-key"
CONFLICT_STATUS = {
    "IDEMPOTENCY_KEY_INVALID": 400,
    "IDEMPOTENCY_KEY_REUSED": 422,
    "IDEMPOTENCY_KEY_IN_USE": 409,
}


def _refusal(error: idempotency.IdempotencyConflict) -> dict[str, Any]:
    extensions = {"code": "BAD_REQUEST", "reason": error.reason}
    return {"errors": [{"message": error.message, "extensions": extensions}]}


class Idempotent:
    def __init__(self, app: ASGIApp, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.app = app
        self.sessions = sessions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        principal: Principal | None = scope.get("state", {}).get("principal")
        key = Headers(scope=scope).get(HEADER)
        if scope["type"] != "http" or scope["method"] != "POST" or key is None or not principal:
            await self.app(scope, receive, send)
            return
        body = checked_body(scope)
        if body is None:  # not JSON: the view reports it
            await self.app(scope, receive, send)
            return
        caller = idempotency.caller_of(principal)
        try:
            key = idempotency.clean_key(key)
            async with unit_of_work(self.sessions) as session:
                stored = await idempotency.begin(
                    session, caller=caller, key=key, digest=idempotency.request_hash(body)
                )
        except idempotency.IdempotencyConflict as error:
            await send_json(send, CONFLICT_STATUS[error.reason], _refusal(error))
            return
        if stored is not None:
            await send_json(send, stored.status_code, stored.response, replayed=True)
            return
        await self._run_and_store(scope, receive, send, caller, key)

    async def _run_and_store(
        self, scope: Scope, receive: Receive, send: Send, caller: str, key: str
    ) -> None:
        """Run the request and store its answer before the caller sees the end of it: a
        client that sends the same key again the moment it has the answer must get the
        replay, not IDEMPOTENCY_KEY_IN_USE."""
        status, chunks = 500, []
        last: Message | None = None

        async def capture(message: Message) -> None:
            nonlocal status, last
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    last = message
                    return
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            async with unit_of_work(self.sessions) as session:
                await idempotency.settle(
                    session, caller=caller, key=key, status_code=status, body=b"".join(chunks)
                )
        if last is not None:
            await send(last)

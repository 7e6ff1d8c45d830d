"""The /graphql endpoint: bearer authentication, context, and the error contract."""

from __future__ import annotations

import contextlib
import logging
from datetime import timedelta
from typing import Any

import orjson
from cross_web import HTTPException
from graphql import GraphQLError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from resolvers.context import AfterCommit, Context
from server.middleware import send_json
from server.observability import tag_principal
from server.request_body import bad_request
from server.verified_keys import VerifiedKeys
from services.accounts import service as accounts
from services.billing.changes import UNCONFIGURED, Billing
from services.billing.standing import LOCAL_POLICY, BillingPolicy
from services.db import single_read_sessions, unit_of_work
from services.errors import (
    ApiAccessNotIncluded,
    Busy,
    ServiceError,
    Throttled,
    Unauthenticated,
    UserInputError,
)
from services.naming import camel_case
from services.permissions import Principal
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy

log = logging.getLogger("batchtrack.graphql")

# Messages of the limit checks done by strawberry's QueryDepthLimiter, MaxAliasesLimiter
# and MaxTokensLimiter; they carry no code of their own.
_LIMIT_MESSAGES = ("exceeds maximum operation depth", "aliases found. Allowed", "more than")
INTERNAL_MESSAGE = "Internal server error. Quote the request id when reporting it."


# Refusals of the whole request before anything ran (its body, document or variables,
# its cost, the caller's budget), with the HTTP status each answers.
REFUSAL_STATUS = {"BAD_REQUEST": 400, "QUERY_TOO_COMPLEX": 400, "THROTTLED": 429}


def error_code(error: GraphQLError) -> str:
    """The error's code. graphql-core reports a bad document or variable value as a
    GraphQLError, which may wrap the GraphQLError a scalar's parser raised: those are the
    caller's mistakes. Any other exception underneath is a fault of ours."""
    original = error.original_error
    while isinstance(original, GraphQLError):
        original = original.original_error
    if original is not None and _raised_by_graphql_scalars(original):
        return "BAD_REQUEST"  # a literal its own scalars refused, such as a 5,000-digit Int
    if isinstance(original, UserInputError):
        return "BAD_REQUEST"
    if isinstance(original, ServiceError):
        return original.code
    if original is None:
        if any(marker in error.message for marker in _LIMIT_MESSAGES):
            return "QUERY_TOO_COMPLEX"
        return "BAD_REQUEST"
    return "INTERNAL_SERVER_ERROR"


def _raised_by_graphql_scalars(error: BaseException) -> bool:
    """Whether graphql-core's built-in scalars raised it while reading a value the caller
    wrote (Python's int() refuses integers of over 4,300 digits, for one)."""
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    return frame is not None and frame.tb_frame.f_globals.get("__name__") == "graphql.type.scalars"


def format_error(error: GraphQLError, request_id: str | None) -> dict[str, Any]:
    code = error_code(error)
    formatted: dict[str, Any] = dict(error.formatted)
    extensions: dict[str, Any] = {"code": code}
    if code == "INTERNAL_SERVER_ERROR":
        formatted["message"] = INTERNAL_MESSAGE
        extensions["requestId"] = request_id
        log.error("unexpected error in a resolver", exc_info=error.original_error)
    elif code in REFUSAL_STATUS:
        log.info("request refused", extra={"fields": {"code": code, "reason": error.message}})
    if isinstance(error.original_error, Throttled):
        extensions["retryAfterSeconds"] = error.original_error.retry_after_seconds
    if isinstance(error.original_error, UserInputError):
        problem = error.original_error.problems[0]
        # The argument as the caller wrote it, as userErrors name input fields.
        extensions["field"] = [camel_case(part) for part in problem.field]
        extensions["reason"] = problem.code
    formatted["extensions"] = extensions
    return formatted


def refusal(errors: list[dict[str, Any]]) -> tuple[int, list[tuple[bytes, bytes]]] | None:
    """The HTTP status and headers of a response whose request was refused before it ran
    (GraphQL over HTTP: such a response has no `data`); None for one that ran."""
    codes = [e["extensions"]["code"] for e in errors if "path" not in e]
    if not errors or len(codes) < len(errors) or not all(c in REFUSAL_STATUS for c in codes):
        return None
    wait = [
        e["extensions"]["retryAfterSeconds"]
        for e in errors
        if e["extensions"]["code"] == "THROTTLED"
    ]
    if wait:
        return 429, [(b"retry-after", str(max(wait)).encode())]
    return 400, []


class GraphQLView(GraphQL[Context, None]):
    def __init__(
        self,
        schema: Any,
        *,
        sessions: async_sessionmaker[AsyncSession],
        on_commit: AfterCommit | None,
        graphiql_page: str | None,
        webhook_policy: TargetPolicy,
        secret_box: SecretBox,
        billing: Billing = UNCONFIGURED,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql_page is not None else None,
            allow_queries_via_get=False,
        )
        self.graphiql_page = graphiql_page
        self.sessions = sessions
        self.on_commit = on_commit
        self.webhook_policy = webhook_policy
        self.secret_box = secret_box
        self.billing = billing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """As strawberry's, but transport errors (bad JSON, no query, wrong method) keep
        the JSON error contract instead of a plain-text body."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            await send_json(send, error.status_code, bad_request(error.reason))
            return
        refused = scope.get("state", {}).get("graphql_refusal")
        if refused is not None:
            response.status_code = refused[0]
            response.raw_headers.extend(refused[1])
        await response(scope, receive, send)

    async def render_graphql_ide(self, request: Request) -> Response:
        """Our GraphiQL page (server/graphiql.py), whose assets the API serves itself,
        instead of strawberry's, which loads them from a CDN."""
        assert self.graphiql_page is not None  # the IDE is switched on only with a page
        return HTMLResponse(self.graphiql_page)

    def decode_json(self, data: str | bytes) -> object:
        return orjson.loads(data)  # as CheckedBody parsed it

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def get_context(self, request: Any, response: Any) -> Context:
        return Context(
            sessions=self.sessions,
            principal=request.state.principal if hasattr(request.state, "principal") else None,
            request=request,
            response=response,
            on_commit=self.on_commit,
            webhook_policy=self.webhook_policy,
            secret_box=self.secret_box,
            billing=self.billing,
        )

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        response: GraphQLHTTPResponse = {}
        errors = [
            format_error(e, getattr(request.state, "request_id", None)) for e in result.errors or ()
        ]
        refused = refusal(errors) if result.data is None else None
        if refused is not None:
            request.state.graphql_refusal = refused
        else:
            response["data"] = result.data
        if errors:
            response["errors"] = list[object](errors)
        if result.extensions:
            response["extensions"] = result.extensions
        return response


def _unauthenticated(message: str) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]}


class AuthenticatedGraphQL:
    """Resolves the bearer token before GraphQL runs. A token that is present but not
    valid fails the whole request with 401, even for public operations."""

    def __init__(
        self,
        view: ASGIApp,
        sessions: async_sessionmaker[AsyncSession],
        billing: BillingPolicy = LOCAL_POLICY,
        verified: VerifiedKeys | None = None,
    ) -> None:
        self.view = view
        self.sessions = sessions
        self.billing = billing
        self.lookups = single_read_sessions(sessions.kw["bind"])
        self.verified = verified or VerifiedKeys(ttl=timedelta(0))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            header = Headers(scope=scope).get("authorization")
            if header is not None:
                scheme, _, token = header.partition(" ")
                if scheme.lower() != "bearer" or not token.strip() or len(token) > 200:
                    await send_json(
                        send, 401, _unauthenticated("Use 'Authorization: Bearer <token>'.")
                    )
                    return
                try:
                    principal = await self.authenticate(token.strip())
                except Unauthenticated as error:
                    await send_json(send, 401, _unauthenticated(error.message))
                    return
                except ApiAccessNotIncluded as error:
                    body = {
                        "errors": [{"message": error.message, "extensions": {"code": error.code}}]
                    }
                    await send_json(send, 403, body)
                    return
                state = scope.setdefault("state", {})
                state["principal"] = principal
                state["organization_id"] = principal.organization_id
                tag_principal(principal.organization_id, principal.user_id)
        await self.view(scope, receive, send)

    async def authenticate(self, token: str) -> Principal:
        """The token's principal: an API key verified a moment ago from the process's
        cache (server/verified_keys.py), anything else looked up."""
        principal = self.verified.get(token)
        if principal is not None:
            return principal
        async with self.lookups() as session:
            auth = await accounts.authenticate(session, token, self.billing)
        if auth.key_use_to_record or auth.session_use_to_record:
            # Advisory: a last use is not worth failing its request.
            with contextlib.suppress(Busy):
                async with unit_of_work(self.sessions) as session:
                    await accounts.record_use(session, auth)
        if auth.principal.api_key_id is not None:
            self.verified.keep(token, auth.principal)
        return auth.principal

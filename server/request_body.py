"""The body of a POST /graphql, checked once before anything reads it: valid UTF-8 JSON,
an object with a string `query`, `variables` and `extensions` objects (or null), a string
`operationName` (or null), nested at most MAX_JSON_DEPTH deep, and no NUL in any text.

Anything else is refused here with 400 and `extensions.code` BAD_REQUEST, so no later
stage (idempotency, planned reads, strawberry) meets a body it cannot handle. The parsed
body is left in the request's state for those stages."""

from __future__ import annotations

import re
from typing import Any

import orjson
from graphql import ASTValidationRule, GraphQLError, StringValueNode
from starlette.types import ASGIApp, Receive, Scope, Send

from schema.scalars import MAX_JSON_DEPTH
from server.middleware import read_body, replaying, send_json

STATE_KEY = "graphql_body"
_OBJECT_OR_NULL = ("variables", "extensions")
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(text: str) -> str | None:
    """What makes `text` unfit to store (both databases refuse it), if anything."""
    if "\x00" in text:
        return "contains a NUL character (\\u0000)"
    if _SURROGATE.search(text):
        return "contains a lone surrogate (\\ud800-\\udfff), which is not valid Unicode"
    return None


class BadBody(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def bad_request(message: str) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]}


def parse_graphql_body(raw: bytes) -> dict[str, Any]:
    """The request as a dict, or BadBody saying what is wrong with it."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise BadBody(f"The body is not valid UTF-8 JSON: {error}.") from None
    if not isinstance(body, dict):
        raise BadBody('The body must be a JSON object such as {"query": "{ viewer { id } }"}.')
    if not isinstance(body.get("query"), str):
        raise BadBody('The body needs "query", the GraphQL document as a string.')
    if not isinstance(body.get("operationName"), str | None):
        raise BadBody('"operationName" must be a string or null.')
    for name in _OBJECT_OR_NULL:
        if not isinstance(body.get(name), dict | None):
            raise BadBody(f'"{name}" must be a JSON object or null.')
        _check_values(body.get(name), name)
    return body


def _check_values(value: Any, name: str) -> None:
    """Depth and text rules over a JSON value, without recursion."""
    pending: list[tuple[Any, int, str]] = [(value, 1, name)]
    while pending:
        value, depth, path = pending.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                raise BadBody(f"{path} {problem}; text cannot hold one.")
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_JSON_DEPTH:
            raise BadBody(f"{name} is nested more than {MAX_JSON_DEPTH} levels deep.")
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(key, str) and text_problem(key):
                raise BadBody(f"{path} has a key that {text_problem(key)}.")
            pending.append((item, depth + 1, f"{path}.{key}"))


class CheckedBody:
    """ASGI: checks a POST's JSON body (see the module) before the app behind it runs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not is_json(scope):
            await self.app(scope, receive, send)
            return
        raw = await read_body(receive)
        try:
            body = parse_graphql_body(raw)
        except BadBody as error:
            await send_json(send, 400, bad_request(error.message))
            return
        scope.setdefault("state", {})[STATE_KEY] = body
        await self.app(scope, replaying(raw, receive), send)


def is_json(scope: Scope) -> bool:
    """Whether strawberry would read the body as JSON (it looks for this substring)."""
    for name, value in scope["headers"]:
        if name == b"content-type":
            return b"application/json" in value.lower()
    return False


def checked_body(scope: Scope) -> dict[str, Any] | None:
    """The body CheckedBody parsed for this request, if it did."""
    body: dict[str, Any] | None = scope.get("state", {}).get(STATE_KEY)
    return body


class TextLiteralRule(ASTValidationRule):
    """The same text rule for strings written in the document itself."""

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        problem = text_problem(node.value)
        if problem:
            self.report_error(GraphQLError(f"A string in the document {problem}.", node))

"""Glue shared by every domain's resolvers: mutations as one transaction with userErrors,
connections from service pages, and pagination arguments."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, ParamSpec, TypeVar

from graphql import (
    GraphQLArgument,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLObjectType,
    GraphQLOutputType,
    get_named_type,
    get_nullable_type,
)
from strawberry.dataloader import DataLoader

from resolvers.context import Context, Info
from resolvers.ids import decode_cursor, to_cursor
from schema.errors import USER_ERROR_TYPES, UserError
from schema.relay import Connection, Edge, PageInfo
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.naming import camel_case
from services.pagination import Page, PageRequest

log = logging.getLogger("batchtrack.user_errors")
P = ParamSpec("P")
T = TypeVar("T")
N = TypeVar("N")
K = TypeVar("K")
V = TypeVar("V")


PayloadT = TypeVar("PayloadT")


def user_errors(error: UserInputError, info: Info, root: str | None = "input") -> list[UserError]:
    """The payload's userErrors, of the domain type its `userErrors` field declares; each
    `field` is a path into the operation's arguments."""
    prefix = [root] if root else []
    raw = info._raw_info
    arguments = raw.parent_type.fields[raw.field_name].args
    error_type, codes = _user_error_type(raw.return_type)
    return [
        error_type(
            field=_existing_path(
                [*prefix, *(camel_case(part) for part in problem.field)], arguments
            )
            or None,
            message=problem.message,
            code=_listed_code(problem.code, codes),  # type: ignore[call-arg]
        )
        for problem in error.problems
    ]


def _user_error_type(
    payload: GraphQLOutputType,
) -> tuple[type[UserError], frozenset[ErrorCode]]:
    payload_type = get_named_type(payload)
    assert isinstance(payload_type, GraphQLObjectType), "userErrors live on a payload object"
    named = get_named_type(payload_type.fields["userErrors"].type)
    return USER_ERROR_TYPES[named.name]


def _listed_code(code: ErrorCode, codes: frozenset[ErrorCode]) -> ErrorCode:
    """`code` if the domain's enum lists it. A code it does not list could not be sent, so
    it is answered as INVALID and logged: tests/services/test_error_codes.py keeps the
    enums complete, and the test suite fails on this log."""
    if code in codes:
        return code
    log.error(
        "a userError code is missing from its domain's enum", extra={"fields": {"code": code}}
    )
    return ErrorCode.INVALID


def _existing_path(path: list[str], arguments: dict[str, GraphQLArgument]) -> list[str]:
    """`path` if it names an input of the operation (an entry of a list by its index,
    "0", "1" ...); else the part of it that does, and an error in the log: a userError
    must point at something the caller sent."""
    if not path:
        return path
    argument = arguments.get(path[0])
    if argument is None:
        _log_missing(path)
        return []
    type_: GraphQLInputType = argument.type
    for depth, name in enumerate(path[1:], start=1):
        listed = get_nullable_type(type_)
        if isinstance(listed, GraphQLList) and name.isdigit():
            type_ = listed.of_type  # an entry of a list input, by its index
            continue
        named = get_named_type(type_)
        field = named.fields.get(name) if isinstance(named, GraphQLInputObjectType) else None
        if field is None:
            _log_missing(path)
            return path[:depth]
        type_ = field.type
    return path


def _log_missing(path: list[str]) -> None:
    log.error("a userError names an input that does not exist", extra={"fields": {"path": path}})


def mutation(
    payload: Callable[..., PayloadT],
    details: Callable[[UserInputError, PayloadT], None] | None = None,
) -> Callable[[Callable[P, Awaitable[PayloadT]]], Callable[P, Awaitable[PayloadT]]]:
    """Turn a UserInputError raised by a mutation resolver (whose transaction is
    `info.context.writing()`, so the error has rolled it back) into the payload's
    userErrors, and whatever else `details` puts on the payload from it; run the
    after-commit hooks once the change has landed."""

    def decorate(resolve: Callable[P, Awaitable[PayloadT]]) -> Callable[P, Awaitable[PayloadT]]:
        @functools.wraps(resolve)
        async def run(*args: P.args, **kwargs: P.kwargs) -> PayloadT:
            info: Info = kwargs["info"]  # type: ignore[assignment]
            try:
                result = await resolve(*args, **kwargs)
            except UserInputError as error:
                root = "input" if "input" in kwargs else None
                failed = payload(user_errors=user_errors(error, info, root=root))
                if details is not None:
                    details(error, failed)
                return failed
            await info.context.committed()
            return result

        return run

    return decorate


def page_request(
    first: int | None, after: str | None, last: int | None, before: str | None
) -> PageRequest:
    request = PageRequest(
        first=first,
        after=decode_cursor(after, "after"),
        last=last,
        before=decode_cursor(before, "before"),
    )
    request.size()  # refuse a bad page size as the arguments arrive, like other validation
    return request


def page_info(page: Page[Any]) -> PageInfo:
    return PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=to_cursor(page.keys[0]) if page.keys else None,
        end_cursor=to_cursor(page.keys[-1]) if page.keys else None,
    )


def connection(page: Page[Any], to_node: Callable[[Any], N]) -> Connection[N]:
    nodes = [to_node(item) for item in page.items]
    cursors = [to_cursor(key) for key in page.keys]
    return Connection(
        edges=[Edge(cursor=c, node=n) for c, n in zip(cursors, nodes, strict=True)],
        nodes=nodes,
        page_info=page_info(page),
    )


def first_or_none(items: Sequence[T]) -> T | None:
    return items[0] if items else None


def request_loader(
    info: Info, name: str, load: Callable[[Context, Sequence[K]], Awaitable[Sequence[V]]]
) -> DataLoader[K, V]:
    """The request's DataLoader called `name` (by convention `<Thing>By<Key>Loader`),
    made on first use: it batches the keys asked for in one tick into one `load`."""
    context = info.context
    found = context.loaders.get(name)
    if found is None:

        async def load_batch(keys: list[K]) -> Sequence[V]:
            return await load(context, keys)

        found = context.loaders[name] = DataLoader(load_fn=load_batch)
    return found

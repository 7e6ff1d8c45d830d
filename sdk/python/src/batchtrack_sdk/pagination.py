"""Every page of any connection: pass the generated method and its arguments (`first`,
filters...); `after` is added page by page.

    async for item in paginate(client.inventory_items, first=100):
        ...
    for item in iter_nodes(client.inventory_items, first=100):
        ...
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

N = TypeVar("N", covariant=True)
T = TypeVar("T")


class PageInfo(Protocol):
    @property
    def has_next_page(self) -> bool: ...
    @property
    def end_cursor(self) -> str | None: ...


class Connection(Protocol[N]):
    @property
    def nodes(self) -> Sequence[N]: ...
    @property
    def page_info(self) -> PageInfo: ...


def _next_cursor(connection: Connection[Any]) -> str | None:
    """The cursor of the next page, or None after the last."""
    info = connection.page_info
    return info.end_cursor if info.has_next_page else None


async def paginate_pages(
    fetch: Callable[..., Awaitable[Connection[T]]], **arguments: Any
) -> AsyncIterator[Sequence[T]]:
    after: str | None = arguments.pop("after", None)
    while True:
        connection = await fetch(**arguments, after=after)
        yield connection.nodes
        if (after := _next_cursor(connection)) is None:
            return


async def paginate(
    fetch: Callable[..., Awaitable[Connection[T]]], **arguments: Any
) -> AsyncIterator[T]:
    async for page in paginate_pages(fetch, **arguments):
        for node in page:
            yield node


def iter_pages(fetch: Callable[..., Connection[T]], **arguments: Any) -> Iterator[Sequence[T]]:
    after: str | None = arguments.pop("after", None)
    while True:
        connection = fetch(**arguments, after=after)
        yield connection.nodes
        if (after := _next_cursor(connection)) is None:
            return


def iter_nodes(fetch: Callable[..., Connection[T]], **arguments: Any) -> Iterator[T]:
    for page in iter_pages(fetch, **arguments):
        yield from page

"""Keyset pagination over a statement ordered by an integer key (the row id).

Callers pass decoded cursors (the key of the row after/before which to start); the API
layer owns the cursor encoding and the page-size cap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from services.bound import lift
from services.error_codes import ErrorCode
from services.errors import UserInputError

T = TypeVar("T")
# Names of a model's columns to read instead of whole objects: read paths that serve many
# rows (GraphQL's planned reads) spend more building ORM objects than reading the rows.
Columns = Sequence[str] | None

MAX_PAGE_SIZE = 250
DEFAULT_PAGE_SIZE = 50
# Keys are 64-bit signed row ids; a position past the last one a key can take (a log
# position is an unsigned 64-bit number) means the same as that last one.
MAX_KEY = 2**63 - 1


@dataclass(frozen=True)
class PageRequest:
    first: int | None = None
    after: int | None = None
    last: int | None = None
    before: int | None = None

    def size(self) -> int:
        """The page size, checked (when bound at execution, checked then)."""
        if self.first is not None and self.last is not None:
            raise UserInputError(
                ErrorCode.INVALID_PAGINATION, "Pass either first or last, not both.", ("first",)
            )
        size = self.first if self.first is not None else self.last
        name = "first" if self.first is not None else "last"
        if size is None:
            return DEFAULT_PAGE_SIZE
        return lift(size, lambda given: _checked_size(name, given))

    @property
    def backwards(self) -> bool:
        return self.last is not None

    # `has_more`: the page query found a row beyond the page, in its direction.
    def has_next_page(self, has_more: Any) -> Any:
        return has_more if not self.backwards else self.before is not None

    def has_previous_page(self, has_more: Any) -> Any:
        return has_more if self.backwards else self.after is not None


def _checked_size(name: str, size: int) -> int:
    if size < 0 or size > MAX_PAGE_SIZE:
        raise UserInputError(
            ErrorCode.INVALID_PAGINATION, f"{name} must be between 0 and {MAX_PAGE_SIZE}.", (name,)
        )
    return size


def _key_bound(key: int) -> int:
    return min(key, MAX_KEY)


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    keys: Sequence[int]
    has_next_page: bool
    has_previous_page: bool


def selecting(model: type[Any], columns: Columns) -> Select[Any]:
    """`select(model)`, or only the named columns of it (the statement then yields rows
    with those attribute names instead of objects)."""
    if columns is None:
        return select(model)
    return select(*(getattr(model, name) for name in columns))


async def selected(session: AsyncSession, statement: Select[Any], columns: Columns) -> list[Any]:
    """The rows of a statement made with `selecting(model, columns)`: its objects, or its
    rows of the named columns."""
    result = await session.execute(statement)
    return list(result.scalars() if columns is None else result.all())


async def selected_one(session: AsyncSession, statement: Select[Any], columns: Columns) -> Any:
    """The first row of a statement made with `selecting(model, columns)` (an object, or a
    row of the named columns), or None."""
    result = await session.execute(statement)
    return result.scalar() if columns is None else result.first()


def yields_objects(statement: Select[Any]) -> bool:
    described = statement.column_descriptions
    return len(described) == 1 and described[0]["expr"] is described[0]["entity"]


def page_rows(
    statement: Select[Any], key: InstrumentedAttribute[int], request: PageRequest
) -> Select[Any]:
    """`statement` narrowed to one page along `key`, plus one row that tells whether more
    follow: the rows after/before the cursors, in key order (descending for `last`)."""
    one_more = lift(request.size(), lambda size: size + 1)
    if request.after is not None:
        statement = statement.where(key > lift(request.after, _key_bound))
    if request.before is not None:
        statement = statement.where(key < lift(request.before, _key_bound))
    return statement.order_by(key.desc() if request.backwards else key.asc()).limit(one_more)


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    key: InstrumentedAttribute[int],
    request: PageRequest,
) -> Page[Any]:
    """Run `statement` (selecting one ORM entity, or columns including `key`) one page
    at a time along `key`."""
    size = request.size()
    paged = page_rows(statement, key, request)
    result = await session.execute(paged)
    rows = list(result.scalars().all() if yields_objects(paged) else result.all())
    has_more = len(rows) > size
    rows = rows[:size]
    if request.backwards:
        rows.reverse()
    keys = [getattr(row, key.key) for row in rows]
    return Page(
        items=rows,
        keys=keys,
        has_next_page=request.has_next_page(has_more),
        has_previous_page=request.has_previous_page(has_more),
    )

"""Values known only when a statement runs: a statement built with them is compiled once
and run for any caller and arguments of the same shape (planned reads, resolvers/planned/).

A `Bound` stands in for a value (the caller's organization, a variable) while a statement
is built; in SQL it is a bound parameter, read from the request when the statement runs.
Statement builders pass every value through `lift` with the conversion the value needs
(strip, decode, check): given a plain value it converts it at once, given a `Bound` it
defers the conversion to execution, so one function holds the rule either way. A Bound is
truthy (falsy values are never bound, they are part of the statement's shape); any other
Python operation on it fails loudly instead of baking one caller's value in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from sqlalchemy import bindparam
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.types import NullType

U = TypeVar("U")


class Bound:
    """A value read from the request (`get(request)`) when the statement runs."""

    __slots__ = ("get",)

    def __init__(self, get: Callable[[Any], Any]) -> None:
        self.get = get

    def map(self, convert: Callable[[Any], Any]) -> Bound:
        get = self.get
        return Bound(lambda request: convert(get(request)))

    def __bool__(self) -> bool:
        return True

    def __clause_element__(self) -> BindParameter[Any]:
        # Typed by what it is compared with, as a plain value would be.
        return bindparam(None, value=self, type_=NullType(), unique=True)

    def __iter__(self) -> Any:
        raise TypeError("a value bound at execution cannot be iterated; pass it through lift")


def lift(value: Any, convert: Callable[[Any], U]) -> U:
    """`convert(value)`, now for a plain value, at execution for a Bound one (whose
    stand-in is then typed as the converted value)."""
    if isinstance(value, Bound):
        return cast(U, value.map(convert))
    return convert(value)

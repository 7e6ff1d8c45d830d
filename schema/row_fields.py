"""How a plain field is computed from its row (the columns it reads, its value, and its
SQL form): the types' `from_row` and the planned reads (resolvers/planned/) both build
from the field tables made of these, so a field's rule is written once.

This is the vocabulary both sides share, so it lives here and imports nothing from
resolvers/planned/: the fast path reads the schema's field tables, never the reverse
(tests/resolvers/planned/test_layering.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import strawberry

from resolvers.ids import to_global_id
from schema.units import Quantity
from services.ids import global_id_sql

Row = Any


@dataclass(frozen=True)
class Env:
    """What a row's values need beyond the row: the organization's currency and, for lots
    and ledger rows, their item's base unit. In a plan run as SQL they are SQL expressions
    of the same values."""

    currency: Any
    unit: Any = ""


@dataclass(frozen=True)
class SqlObject:
    """The SQL form of a value object (Quantity, Money): its attributes' expressions by
    Python name, and when the value is optional, the condition for it to be present."""

    attributes: dict[str, Any]
    present: Any = None


@dataclass(frozen=True)
class ValueField:
    """A field computed from its row: `value` returns the Python value the GraphQL type
    serializes (a scalar, an enum member or a value object such as Quantity). `sql`, when
    given, is the same value as an SQL expression (or SqlObject) of the row's columns, for
    plans run as one PostgreSQL statement (resolvers/planned/sql_plan.py)."""

    columns: tuple[str, ...]
    value: Callable[[Row, Env], Any]
    sql: Callable[[Row, Env], Any] | None = None


def optional_id(type_name: str, key: int | None) -> strawberry.ID | None:
    return None if key is None else strawberry.ID(to_global_id(type_name, key))


def global_id(type_name: str, key: str = "id") -> ValueField:
    """The row's global ID, of its `key` column (its id, or an event's position)."""
    return ValueField(
        (key,),
        lambda row, env: strawberry.ID(to_global_id(type_name, getattr(row, key))),
        lambda row, env: global_id_sql(type_name, getattr(row, key)),
    )


def optional_global_id(type_name: str, name: str) -> ValueField:
    return ValueField(
        (name,),
        lambda row, env: optional_id(type_name, getattr(row, name)),
        lambda row, env: global_id_sql(type_name, getattr(row, name)),
    )


def column(name: str) -> ValueField:
    def value(row: Any, env: Env) -> Any:  # the same in Python and in SQL
        return getattr(row, name)

    return ValueField((name,), value, value)


def enum_column(name: str, enum: type[Enum]) -> ValueField:
    # Stored as the member's value; the SQL form leaves the naming to the type's serializer.
    return ValueField(
        (name,), lambda row, env: enum(getattr(row, name)), lambda row, env: getattr(row, name)
    )


def optional_enum_column(name: str, enum: type[Enum]) -> ValueField:
    """`enum_column` of a column that may be null (then so is the field)."""
    return ValueField(
        (name,),
        lambda row, env: None if getattr(row, name) is None else enum(getattr(row, name)),
        lambda row, env: getattr(row, name),
    )


def quantity_as_entered(amount: str, unit: str) -> ValueField:
    """A quantity kept as the maker entered it: an amount column and a unit column."""
    return ValueField(
        (amount, unit),
        lambda row, env: Quantity(amount=getattr(row, amount), unit=getattr(row, unit)),
        lambda row, env: SqlObject({"amount": getattr(row, amount), "unit": getattr(row, unit)}),
    )

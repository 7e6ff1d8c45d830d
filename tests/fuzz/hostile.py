"""Hostile values for the custom scalars and for variables: what a broken client or an
attacker sends. Shared by the scalar parsers' property tests (tests/schema/) and the
schemathesis runs over a live server (tests/fuzz/).

The values are plain data; `*_nodes()` wrap them as GraphQL literals for schemathesis, and
`encode_json` writes variables, including JSON that Python's own encoder refuses to write
(numbers of 5,000 digits, NaN, nesting 100,000 deep)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, timedelta, timezone
from decimal import Decimal
from typing import Any

import graphql
from hypothesis import strategies as st
from schemathesis.graphql import nodes


@dataclass(frozen=True)
class Raw:
    """JSON text sent exactly as written."""

    text: str

    def __repr__(self) -> str:
        return f"Raw({self.text[:40]!r}{'...' if len(self.text) > 40 else ''})"


def deep_list(depth: int) -> Raw:
    return Raw("[" * depth + "]" * depth)


def deep_object(depth: int) -> Raw:
    return Raw('{"a":' * depth + "1" + "}" * depth)


# Decimal strings that hung a server process before issue 11 (the exponent was unbounded, so
# arithmetic or formatting worked through a billion digits): every run sends them.
HANGING_DECIMALS = ("1e-999999999", "1E+999999999", "-9.5e999999999", "1e-99999999")

HOSTILE_DECIMALS = (
    "",
    " ",
    "NaN",
    "-NaN",
    "sNaN",
    "-sNaN123",
    "Infinity",
    "-Infinity",
    "inf",
    "-0",
    "0E+10",
    "0e-40",
    "1e-40",
    "1e40",
    "1E-41",
    "1E+41",
    "1e-7",
    "9" * 40,
    "9" * 41,
    "1" + "0" * 45,
    "0." + "0" * 37 + "1",
    "-" + "9" * 39,
    "0.0000001",
    "1234567890123.123456",
    "12.50",
    "1_000",
    "1,5",
    "0x10",
    "\u0661\u0662\u0663",  # Arabic-Indic digits: Decimal() reads them as 123
    "\uff11\uff12",  # full-width digits
    "--1",
    "+-1",
    "1e",
    "e5",
    ".",
    "-",
    "1..2",
    "\x00",
    "1\x00",
    "\u00a01",
    "1" * 10_000,
)

# The values most likely to break arithmetic, storage or formatting further in.
SHARP_DECIMALS = (
    "",
    "NaN",
    "sNaN",
    "Infinity",
    "-0",
    "0E+10",
    "1e-7",
    "1E-41",
    "1E+41",
    "1e40",
    "9" * 41,
    "0." + "0" * 37 + "1",
    "1234567890123.123456",
    "\u0661\u0662\u0663",
)

HOSTILE_DATETIMES = (
    "",
    "2026-11-24T10:00:00",  # no offset
    "2026-11-24",
    "10:00:00Z",
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-11-24T24:00:00Z",
    "2026-11-24T10:00:60Z",
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00+01:00",  # in range as written, before year 1 in UTC
    "9999-12-31T23:59:59-01:00",  # after year 9999 in UTC
    "9999-12-31T23:59:59.999999Z",
    "0001-01-01T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "2026-11-24T10:00:00+24:00",
    "2026-11-24T10:00:00+23:59",
    "2026-11-24T10:00:00.1234567890Z",
    "2026-11-24 10:00:00Z",
    "2026-W48-2T10:00:00Z",
    "20261124T100000Z",
    "2026-11-24T10:00:00z",
    "2026-11-24T10:00:00ZZ",
    "1e10",
    "now",
    "\x00",
    "x" * 10_000,
)

SHARP_DATETIMES = (
    "",
    "2026-11-24T10:00:00",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-01:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999Z",
    "2026-02-30T00:00:00Z",
    "+275760-09-13T00:00:00Z",
)

HOSTILE_UNSIGNED_STRINGS = (
    "",
    "-1",
    "-0",
    "0",
    "18446744073709551615",
    "18446744073709551616",
    "1" * 21,
    "1" * 5000,
    " 1",
    "1.0",
    "1e3",
    "0x10",
    "\u0664\u0662",  # Arabic-Indic 42
    "\u00b2",  # superscript two: str.isdigit() says yes, int() says no
    "+1",
    "0" * 22 + "1",
    "\x00",
)
HOSTILE_UNSIGNED_INTS = (-1, 0, 2**31, 2**63, 2**64 - 1, 2**64, 10**40, -(2**64))

HOSTILE_JSON: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    2**64,
    10**40,
    1.5,
    "",
    "x" * 100_000,
    [],
    {},
    {"": None},
    [[[[[[[[[[]]]]]]]]]],
    {"a": {"b": {"c": [1, {"d": None}]}}},
)

# Values put in place of one variable (or one field inside an input object), whatever its
# type: strings for Ints, unknown enum values, huge and non-finite numbers, deep nesting.
HOSTILE_VARIABLE_VALUES: tuple[Any, ...] = (
    "10",
    "-1",
    "",
    "NOT_A_VALUE",
    "2026-11-24T10:00:00",
    -1,
    0,
    2**31,
    2**63,
    2**64,
    -(2**64),
    Raw("1" * 5000),
    Raw("-" + "9" * 5000),
    Raw("1e400"),
    Raw("-1e-400"),
    Raw("NaN"),
    Raw("Infinity"),
    Raw("-Infinity"),
    1.5,
    -0.0,
    True,
    None,
    [],
    {},
    [None],
    {"": None},
    ["10"],
    "x" * 100_000,
    "\x00",
    "\ud800",  # a lone surrogate: valid JSON (escaped), not encodable as UTF-8
    deep_list(100_000),
    deep_object(20_000),
)

# Bounds the property tests hold the parsers to when schema/scalars.py does not declare
# them (see tests/schema/test_scalar_properties.py).
MAX_ERROR_MESSAGE_LENGTH = 200


def encode_json(value: Any) -> str:
    """JSON text of `value`, with Raw parts written as they are."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        items = (json.dumps(str(key)) + ":" + encode_json(item) for key, item in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(encode_json(item) for item in value) + "]"
    return json.dumps(value)


# GraphQL literals for schemathesis (schemathesis.graphql.scalar takes value nodes).


def _int_node(text: str) -> graphql.IntValueNode:
    return graphql.IntValueNode(value=text)


def _utc_offsets() -> st.SearchStrategy[timezone]:
    return st.sampled_from([UTC, timezone(timedelta(hours=14)), timezone(-timedelta(hours=12))])


def decimal_nodes(*, include_hanging: bool) -> st.SearchStrategy[graphql.ValueNode]:
    hostile = HOSTILE_DECIMALS + (HANGING_DECIMALS if include_hanging else ())
    plain = st.decimals(
        min_value=Decimal("-1e9"),
        max_value=Decimal("1e9"),
        places=6,
        allow_nan=False,
        allow_infinity=False,
    )
    return st.one_of(
        st.sampled_from(hostile).map(nodes.String),
        plain.map(str).map(nodes.String),
        st.sampled_from(["1", "-1", "0", "12", "9" * 50]).map(_int_node),
        st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
        st.text(max_size=45).map(nodes.String),
    )


def datetime_nodes() -> st.SearchStrategy[graphql.ValueNode]:
    return st.one_of(
        st.sampled_from(HOSTILE_DATETIMES).map(nodes.String),
        st.datetimes(timezones=_utc_offsets())
        .map(lambda moment: moment.isoformat())
        .map(nodes.String),
        st.text(max_size=40).map(nodes.String),
        st.integers().map(nodes.Int),
    )


def unsigned_int64_nodes() -> st.SearchStrategy[graphql.ValueNode]:
    return st.one_of(
        st.sampled_from(HOSTILE_UNSIGNED_STRINGS).map(nodes.String),
        st.sampled_from(HOSTILE_UNSIGNED_INTS).map(str).map(_int_node),
        st.just(_int_node("1" * 5000)),
        st.integers(min_value=0, max_value=2**64 - 1).map(str).map(nodes.String),
        st.text(max_size=30).map(nodes.String),
    )


def _literal(value: Any) -> graphql.ValueNode:
    node: graphql.ValueNode | None = None
    if isinstance(value, bool | int | float | str) or value is None:
        node = _scalar_literal(value)
    elif isinstance(value, list):
        node = graphql.ListValueNode(values=tuple(_literal(item) for item in value))
    elif isinstance(value, dict):
        node = graphql.ObjectValueNode(
            fields=tuple(
                graphql.ObjectFieldNode(name=graphql.NameNode(value=key), value=_literal(item))
                for key, item in value.items()
                if key.isidentifier()
            )
        )
    assert node is not None
    return node


def _scalar_literal(value: bool | int | float | str | None) -> graphql.ValueNode:
    if value is None:
        return graphql.NullValueNode()
    if isinstance(value, bool):
        return graphql.BooleanValueNode(value=value)
    if isinstance(value, int):
        return _int_node(str(value))
    if isinstance(value, float):
        return graphql.FloatValueNode(value=repr(value))
    return graphql.StringValueNode(value=value)


def deep_list_node(depth: int) -> graphql.ValueNode:
    node: graphql.ValueNode = graphql.ListValueNode(values=())
    for _ in range(depth):
        node = graphql.ListValueNode(values=(node,))
    return node


def json_nodes() -> st.SearchStrategy[graphql.ValueNode]:
    return st.one_of(
        st.sampled_from(HOSTILE_JSON).map(_literal),
        st.just(deep_list_node(150)),  # graphql-core parses at most 200 levels
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=10),
            lambda children: (
                st.lists(children, max_size=3)
                | st.dictionaries(
                    st.from_regex(r"[a-z]{1,5}", fullmatch=True), children, max_size=3
                )
            ),
            max_leaves=10,
        ).map(_literal),
    )

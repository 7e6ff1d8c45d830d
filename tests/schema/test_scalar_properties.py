"""Properties of our scalars' parsers, for any input: a valid value within the documented
bounds, or a clear refusal (a ValueError or GraphQLError with a short message) - never
another exception, never an unbounded value that later arithmetic could hang on.

The parsers are taken from the built schema (graphql-core's GraphQLScalarType), so both
paths the server uses are checked: parse_value (variables) and parse_literal (values
written in the document). Bounds come from schema/scalars.py when it declares them;
otherwise the defaults below, which are assumptions this test documents:

- Decimal: at most MAX_DECIMAL_DIGITS significant digits and an adjusted exponent within
  +-MAX_DECIMAL_EXPONENT; both default to MAX_DECIMAL_LENGTH (40), which is what a plain
  number of at most 40 characters can hold.
- DateTime: an aware datetime in UTC.
- UnsignedInt64: an int in 0..MAX_UNSIGNED_INT64.
- JSON: JSON data (finite numbers, string keys) nested at most MAX_JSON_DEPTH (64) deep.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

import graphql
import pytest
from graphql.language.parser import MAX_NESTING_DEPTH
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import schema.scalars as scalars
from schema.root import build_schema
from tests.fuzz.hostile import (
    HANGING_DECIMALS,
    HOSTILE_DATETIMES,
    HOSTILE_DECIMALS,
    HOSTILE_JSON,
    HOSTILE_UNSIGNED_INTS,
    HOSTILE_UNSIGNED_STRINGS,
    MAX_ERROR_MESSAGE_LENGTH,
    datetime_nodes,
    decimal_nodes,
    deep_list_node,
    json_nodes,
    unsigned_int64_nodes,
)

pytestmark = [pytest.mark.api, pytest.mark.fuzz]

MAX_DECIMAL_DIGITS: int = getattr(scalars, "MAX_DECIMAL_DIGITS", scalars.MAX_DECIMAL_LENGTH)
MAX_DECIMAL_EXPONENT: int = getattr(scalars, "MAX_DECIMAL_EXPONENT", scalars.MAX_DECIMAL_LENGTH)
MAX_UNSIGNED_INT64: int = scalars.MAX_UNSIGNED_INT64
MAX_JSON_DEPTH: int = getattr(scalars, "MAX_JSON_DEPTH", 64)

REFUSALS = (ValueError, graphql.GraphQLError)
# graphql-core's parser refuses documents nested deeper than this, so no literal that
# reaches a scalar is deeper.
DEEPEST_LITERAL = MAX_NESTING_DEPTH - 10
# Parsing is string work on at most a few kilobytes: a slow example is a hang in waiting.
PROPERTY = settings(
    max_examples=150, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.too_slow]
)


@cache
def scalar_type(name: str) -> graphql.GraphQLScalarType:
    found = build_schema()._schema.type_map[name]
    assert isinstance(found, graphql.GraphQLScalarType)
    return found


def deep_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def deep_object(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


# Anything a variable can hold once the body is decoded (Python's json reads NaN too).
JSON_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)
NUMBER_TEXT = st.from_regex(r"[+-]?\d{0,45}(\.\d{0,45})?([eE][+-]?\d{1,12})?", fullmatch=True)
HOSTILE = st.sampled_from(
    [
        *HOSTILE_DECIMALS,
        *HANGING_DECIMALS,
        "0e-999999999",
        *HOSTILE_DATETIMES,
        *HOSTILE_UNSIGNED_STRINGS,
        *HOSTILE_UNSIGNED_INTS,
        *HOSTILE_JSON,
        10**5000,
        -(10**5000),
        math.nan,
        math.inf,
        deep_list(10_000),
        deep_object(10_000),
    ]
)
VALUES = st.one_of(
    HOSTILE,
    NUMBER_TEXT,
    st.decimals().map(str),
    st.datetimes(timezones=st.none() | st.timezones()).map(datetime.isoformat),
    JSON_DATA,
)
LITERALS = st.one_of(
    decimal_nodes(include_hanging=True),
    NUMBER_TEXT.map(lambda text: graphql.StringValueNode(value=text)),
    datetime_nodes(),
    unsigned_int64_nodes(),
    json_nodes(),
    st.just(deep_list_node(DEEPEST_LITERAL)),
    st.just(graphql.IntValueNode(value="9" * 5000)),
    st.just(graphql.FloatValueNode(value="1e999999999")),
    st.just(graphql.EnumValueNode(value="NaN")),
)
CORPUS_LITERALS: list[graphql.ValueNode] = [
    *(
        graphql.StringValueNode(value=text)
        for text in (
            *HOSTILE_DECIMALS,
            *HANGING_DECIMALS,
            *HOSTILE_DATETIMES,
            *HOSTILE_UNSIGNED_STRINGS,
        )
    ),
    *(graphql.IntValueNode(value=str(number)) for number in HOSTILE_UNSIGNED_INTS),
    graphql.IntValueNode(value="9" * 5000),
    graphql.FloatValueNode(value="1e999999999"),
    graphql.EnumValueNode(value="NaN"),
    graphql.NullValueNode(),
    deep_list_node(DEEPEST_LITERAL),
]


def json_depth_and_kinds_ok(value: Any) -> bool:
    """JSON data no deeper than MAX_JSON_DEPTH (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return False
        if isinstance(item, dict):
            if not all(isinstance(key, str) for key in item):
                return False
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, float):
            if not math.isfinite(item):
                return False
        elif not (item is None or isinstance(item, bool | int | str)):
            return False
    return True


def check_valid(name: str, parsed: Any) -> None:
    if name == "Decimal":
        assert isinstance(parsed, Decimal), parsed
        assert parsed.is_finite(), parsed
        digits = len(parsed.as_tuple().digits)
        assert digits <= MAX_DECIMAL_DIGITS, f"{digits} digits"
        assert abs(parsed.adjusted()) <= MAX_DECIMAL_EXPONENT, f"exponent {parsed.adjusted()}"
    elif name == "DateTime":
        assert isinstance(parsed, datetime), parsed
        assert parsed.utcoffset() == timedelta(0), parsed
    elif name == "UnsignedInt64":
        assert type(parsed) is int, parsed
        assert 0 <= parsed <= MAX_UNSIGNED_INT64, parsed
    else:
        assert json_depth_and_kinds_ok(parsed), "not bounded JSON data"
    if name != "JSON":
        # Only now, with the value known to be bounded, is formatting it safe.
        assert isinstance(scalar_type(name).serialize(parsed), str)


def parse_or_refuse(name: str, parse: Any, value: Any) -> None:
    try:
        parsed = parse(value)
    except REFUSALS as error:
        refusal = error
    else:
        check_valid(name, parsed)
        return
    assert str(refusal), f"{type(refusal).__name__} without a message"


def message_of_refusal(parse: Any, value: Any) -> str | None:
    try:
        parse(value)
    except REFUSALS as error:
        return str(error)
    except Exception:  # the other tests report those
        return None
    return None


SCALARS = ["Decimal", "DateTime", "UnsignedInt64", "JSON"]


@pytest.mark.parametrize("name", SCALARS)
@PROPERTY
@given(value=VALUES)
def test_a_variable_parses_to_a_bounded_value_or_is_refused(name: str, value: Any) -> None:
    parse_or_refuse(name, scalar_type(name).parse_value, value)


@pytest.mark.parametrize("name", SCALARS)
@PROPERTY
@given(node=LITERALS)
def test_a_literal_parses_to_a_bounded_value_or_is_refused(
    name: str, node: graphql.ValueNode
) -> None:
    parse_or_refuse(name, scalar_type(name).parse_literal, node)


@pytest.mark.parametrize("name", ["Decimal", "DateTime", "UnsignedInt64", "JSON"])
@PROPERTY
@given(value=VALUES)
def test_refusals_are_short(name: str, value: Any) -> None:
    """A refusal quotes at most a little of the input: error messages reach responses
    and logs, so a megabyte sent must not be a megabyte echoed."""
    message = message_of_refusal(scalar_type(name).parse_value, value)
    assert message is None or len(message) <= MAX_ERROR_MESSAGE_LENGTH, message[:300]


CORPUS: list[Any] = [
    *HOSTILE_DECIMALS,
    *HANGING_DECIMALS,
    "0e-999999999",
    *HOSTILE_DATETIMES,
    *HOSTILE_UNSIGNED_STRINGS,
    *HOSTILE_UNSIGNED_INTS,
    *HOSTILE_JSON,
    10**5000,
    math.nan,
    math.inf,
    deep_list(10_000),
    deep_object(10_000),
]


def violation(name: str, parse: Any, value: Any) -> str | None:
    try:
        parse_or_refuse(name, parse, value)
    except AssertionError as error:
        return f"{value!r:.60}: {str(error).splitlines()[0]:.200}"
    except Exception as error:
        return f"{value!r:.60}: {type(error).__name__}: {error!s:.200}"
    return None


@pytest.mark.parametrize("name", SCALARS)
def test_every_hostile_value_parses_to_a_bounded_value_or_is_refused(name: str) -> None:
    """The hostile corpus in full, as variables and as literals: deterministic, so a value
    the random properties may miss (0001-01-01T00:00:00+01:00) is always tried."""
    parse_value, parse_literal = scalar_type(name).parse_value, scalar_type(name).parse_literal
    found = [violation(name, parse_value, value) for value in CORPUS]
    found += [violation(name, parse_literal, literal) for literal in CORPUS_LITERALS]
    problems = [problem for problem in found if problem]
    assert not problems, "\n".join(problems)

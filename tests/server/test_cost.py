"""The requested cost of a query is a function of what it asks for, however it is
written: arguments inline or in variables cost the same, and no page costs more than the
largest page that is served."""

from __future__ import annotations

import json

import orjson
import pytest
from graphql import parse
from hypothesis import given, settings
from hypothesis import strategies as st

from schema.root import build_schema
from server.cost import actual_cost, cost_variables, objects_in_answer_text, requested_cost
from services.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

pytestmark = pytest.mark.api

SCHEMA = build_schema([])._schema
IDS = [f"id{n}" for n in range(200)]


def _cost(query: str, variables: dict[str, object] | None = None) -> int:
    return requested_cost(SCHEMA, parse(query), None, variables)


def test_a_literal_list_of_ids_costs_what_the_same_list_in_a_variable_costs():
    literal = "{{ nodes(ids: [{}]) {{ id }} }}".format(", ".join(f'"{i}"' for i in IDS))
    variable = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    assert _cost(literal) == _cost(variable, {"ids": IDS}) == 200


def test_the_cost_reads_the_variables_of_page_sizes_and_ids_and_no_others():
    query = """query($item: ID!, $n: Int, $m: Int, $ids: [ID!]!, $search: String) {
      inventoryItem(id: $item) { lots(first: $n) { nodes { id } } }
      inventoryItems(last: $m, filter: {search: $search}) { nodes { id } }
      nodes(ids: $ids) { id } }"""
    assert cost_variables(parse(query)) == ("ids", "m", "n")
    base = {"item": "a", "n": 3, "m": 4, "ids": ["x"], "search": "oil"}
    others = {**base, "item": "b", "search": None}
    assert _cost(query, base) == _cost(query, others)
    assert _cost(query, base) != _cost(query, {**base, "n": 9})


@pytest.mark.parametrize("size", [0, 10, MAX_PAGE_SIZE])
def test_page_sizes_cost_the_same_inline_and_as_variables(size):
    inline = f"{{ inventoryItems(first: {size}) {{ nodes {{ id }} }} }}"
    variable = "query($n: Int) { inventoryItems(first: $n) { nodes { id } } }"
    assert _cost(inline) == _cost(variable, {"n": size})


@pytest.mark.parametrize("size", [MAX_PAGE_SIZE + 1, 10**30, "10", 1.5])
def test_a_page_beyond_the_largest_costs_no_more_than_the_largest(size):
    query = "query($n: Int) { inventoryItems(first: $n) { nodes { id } } }"
    assert _cost(query, {"n": size}) <= _cost(query, {"n": MAX_PAGE_SIZE})


def test_a_connection_without_a_page_size_costs_the_default_page_it_is_served():
    without = "{ inventoryItems { nodes { id lots { nodes { id } } } } }"
    explicit = "{ inventoryItems(first: %d) { nodes { id lots(first: %d) { nodes { id } } } } }"
    assert _cost(without) == _cost(explicit.replace("%d", str(DEFAULT_PAGE_SIZE)))


# An answer's data: objects keyed by GraphQL names, lists, and leaves, strings among them
# full of the characters JSON text is made of.
_NAMES = st.sampled_from(["a", "b", "name", "nodes", "_x1", "pageInfo"])
_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.text(alphabet='{}[]",: \n\t\\ab', max_size=8)
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_NAMES, inner, min_size=1),
    max_leaves=20,
)
_DATA = st.dictionaries(_NAMES, _VALUES | st.dictionaries(_NAMES, _VALUES, min_size=1))


@settings(max_examples=200, deadline=None)
@given(data=_DATA)
def test_the_objects_of_an_answer_are_counted_alike_on_its_json_text(data):
    # as orjson writes it (compact), and as PostgreSQL's json functions do: `{"a" : 1}`,
    # json_agg's elements separated by ", " and a new line
    for text in (
        orjson.dumps(data).decode(),
        json.dumps(data, separators=(", ", " : "), ensure_ascii=False),
        json.dumps(data, separators=(", \n ", " : "), ensure_ascii=False),
    ):
        assert objects_in_answer_text(text) == actual_cost(data, is_mutation=False), text

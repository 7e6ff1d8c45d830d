"""The requested cost of a query is a function of what it asks for, however it is
written: arguments inline or in variables cost the same, and no page costs more than the
largest page that is served."""

from __future__ import annotations

import pytest
from graphql import parse

from schema.root import build_schema
from server.cost import requested_cost
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

"""The checked-in contract is current: schema/schema.graphql and the generated section of
docs/api.md are what `make schema` would write now. A change to the schema, the
permissions, the event catalog or a userError code fails here until `make schema` runs."""

from __future__ import annotations

import json
import re

import pytest

from schema.root import SCHEMA_FILE, build_schema, export_schema
from server.api_docs import (
    API_DOC,
    END,
    START,
    render_operations,
    with_operations,
)
from server.openapi import webhook_body_schema
from services.error_codes import DESCRIPTIONS, ErrorCode
from services.webhooks.catalog import EVENT_TYPES
from tests.json_schema_subset import errors

pytestmark = pytest.mark.api

STALE = "is out of date: run `make schema` and commit the result"


def test_schema_graphql_is_current() -> None:
    assert SCHEMA_FILE.read_text() == export_schema(), f"{SCHEMA_FILE} {STALE}"


def test_the_operations_in_docs_api_md_are_current() -> None:
    document = API_DOC.read_text()
    assert document == with_operations(document, build_schema()), f"{API_DOC} {STALE}"


def test_the_generated_section_names_every_operation_and_event_type() -> None:
    schema = build_schema()
    section = render_operations(schema)
    graphql = schema._schema
    for root in (graphql.query_type, graphql.mutation_type):
        assert root is not None
        for name in root.fields:
            assert f"#### `{name}`" in section
    for event_type in EVENT_TYPES:
        assert f"| `{event_type}` |" in section


def test_every_user_error_code_is_documented() -> None:
    section = render_operations(build_schema())
    for code in ErrorCode:
        assert f"| `{code}` | {DESCRIPTIONS[code]} |" in section


def test_a_document_without_markers_is_refused() -> None:
    with pytest.raises(ValueError, match=START):
        with_operations("# no markers\n", build_schema())
    assert END in with_operations(f"a\n{START}\nold\n{END}\nb\n", build_schema())


def test_the_example_webhook_bodies_in_docs_api_md_are_valid_bodies_of_their_type() -> None:
    blocks = re.findall(r"```json\n(.*?)```", API_DOC.read_text(), re.DOTALL)
    bodies = []
    for block in blocks:
        try:
            bodies.append(json.loads(block))
        except json.JSONDecodeError:
            continue  # a sketch with "..." in it
    examples = [body for body in bodies if body.get("type") in EVENT_TYPES]
    assert examples, "docs/api.md shows a whole webhook body"
    for body in examples:
        schema = webhook_body_schema(EVENT_TYPES[body["type"]])
        assert errors(schema, body, strict=True) == [], body["type"]

"""Every root field of the contract has an operation in sdk/operations.graphql, so both
SDKs offer it: a new query or mutation fails here until its operation is added (the
message gives a draft to paste) and `make sdk` regenerates the SDKs."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    OperationDefinitionNode,
    OperationType,
    build_schema,
    parse,
    validate,
)

from schema.root import SCHEMA_FILE
from tests.sdk.drafts import draft_operation, operation_name

pytestmark = pytest.mark.api

OPERATIONS = Path(__file__).resolve().parents[2] / "sdk" / "operations.graphql"
KIND = {OperationType.QUERY: "query", OperationType.MUTATION: "mutation"}


def _covered() -> dict[str, set[str]]:
    covered: dict[str, set[str]] = {"query": set(), "mutation": set()}
    for definition in parse(OPERATIONS.read_text()).definitions:
        if isinstance(definition, OperationDefinitionNode):
            for selection in definition.selection_set.selections:
                if isinstance(selection, FieldNode):
                    covered[KIND[definition.operation]].add(selection.name.value)
    return covered


def test_the_operations_are_valid_against_the_schema() -> None:
    schema = build_schema(SCHEMA_FILE.read_text())
    assert validate(schema, parse(OPERATIONS.read_text())) == []


def test_every_root_field_has_an_operation() -> None:
    schema = build_schema(SCHEMA_FILE.read_text())
    covered = _covered()
    fragments = frozenset(
        definition.type_condition.name.value
        for definition in parse(OPERATIONS.read_text()).definitions
        if isinstance(definition, FragmentDefinitionNode)
    )
    missing = []
    for kind, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        assert root is not None
        missing += [
            (kind, name, draft_operation(schema, kind, name, fragments))
            for name in root.fields
            if name not in covered[kind]
        ]
    drafts = "\n".join(
        f"# {kind} {name}: the SDKs get `{operation_name(name)}`\n{text}"
        for kind, name, text in missing
    )
    assert not missing, (
        f"{len(missing)} root field(s) have no operation in sdk/operations.graphql."
        f" Add these (a draft from the schema: trim the selection to what clients need),"
        f" then run `make sdk` and commit the regenerated SDKs:\n\n{drafts}"
    )

"""The breaking-change check of the contract: graphql-core's detection, passed only when
schema/CHANGELOG.md lists each breaking change with the text the check prints."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from schema.changes import CHANGELOG_PATH, SCHEMA_PATH, compare, explain, main

pytestmark = pytest.mark.api

OLD = "type Query { item(id: ID!): String, items: [String!]! }"
REMOVED = "type Query { item(id: ID!): String }"
ADDED = "type Query { item(id: ID!): String, items: [String!]!, count: Int! }"


def test_an_added_field_is_not_breaking() -> None:
    report = compare(OLD, ADDED, changelog="")
    assert report.breaking == []
    assert report.unlisted == []


def test_a_removed_field_is_breaking_until_the_changelog_lists_it() -> None:
    report = compare(OLD, REMOVED, changelog="")
    assert report.unlisted == ["Field Query.items was removed."]
    assert "- Field Query.items was removed." in explain(report)

    listed = compare(OLD, REMOVED, changelog="## 2027-01\n- Field Query.items was removed.\n")
    assert listed.breaking == ["Field Query.items was removed."]
    assert listed.unlisted == []


def test_a_new_required_argument_is_breaking() -> None:
    changed = "type Query { item(id: ID!, version: Int!): String, items: [String!]! }"
    assert compare(OLD, changed, changelog="").unlisted == [
        "A required argument Query.item(version:) was added."
    ]


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def _commit_schema(root: Path, sdl: str) -> None:
    (root / SCHEMA_PATH).write_text(sdl)
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "s")


def test_the_command_compares_with_the_first_parent(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    _git(tmp_path, "init", "-q")
    assert main(["--root", str(tmp_path)]) == 0  # no commit yet: nothing to compare
    _commit_schema(tmp_path, OLD)
    assert main(["--root", str(tmp_path)]) == 0  # the first commit has no parent
    _commit_schema(tmp_path, REMOVED)
    assert main(["--root", str(tmp_path)]) == 1
    (tmp_path / CHANGELOG_PATH).write_text("- Field Query.items was removed.\n")
    assert main(["--root", str(tmp_path)]) == 0

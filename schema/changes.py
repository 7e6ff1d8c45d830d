"""The contract may only break on purpose: `python -m schema.changes` compares
schema/schema.graphql with the one of a base commit (the previous commit of main in CI:
`HEAD^1`, the first parent, so a merge commit compares with the main it was merged into)
using graphql-core's breaking-change detection, and fails on a breaking change that
schema/CHANGELOG.md does not list. Deprecate first, remove later; a removal is listed
there with the text this check prints.

Dangerous changes (an argument's default changed, an enum value added...) are printed
but pass: clients keep working, though some should look."""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from graphql import build_schema, find_breaking_changes, find_dangerous_changes

SCHEMA_PATH = "schema/schema.graphql"
CHANGELOG_PATH = "schema/CHANGELOG.md"
DEFAULT_BASE = "HEAD^1"


@dataclass(frozen=True)
class Report:
    breaking: list[str]
    dangerous: list[str]
    unlisted: list[str]


def compare(old_sdl: str, new_sdl: str, changelog: str) -> Report:
    old, new = build_schema(old_sdl), build_schema(new_sdl)
    breaking = [change.description for change in find_breaking_changes(old, new)]
    dangerous = [change.description for change in find_dangerous_changes(old, new)]
    unlisted = [description for description in breaking if description not in changelog]
    return Report(breaking, dangerous, unlisted)


def base_schema(root: Path, base: str) -> str | None:
    """The schema at `base`, or None when there is none to compare with (the first
    commit, a shallow clone, a base from before the schema file existed)."""
    result = subprocess.run(  # noqa: S603 - a fixed git command, the ref given by CI
        ["git", "show", f"{base}:{SCHEMA_PATH}"],  # noqa: S607 - git from PATH
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


def explain(report: Report) -> str:
    lines = [f"dangerous (allowed): {description}" for description in report.dangerous]
    if report.unlisted:
        lines.append(
            f"{SCHEMA_PATH} breaks the contract; deprecate first, or list each change in "
            f"{CHANGELOG_PATH} under the release that makes it, as these lines:"
        )
        lines += [f"- {description}" for description in report.unlisted]
    elif report.breaking:
        lines.append(f"breaking changes, each listed in {CHANGELOG_PATH}:")
        lines += [f"- {description}" for description in report.breaking]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=DEFAULT_BASE, help="git ref to compare with")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository")
    args = parser.parse_args(argv)
    old = base_schema(args.root, args.base)
    if old is None:
        print(f"schema changes: no {SCHEMA_PATH} at {args.base}; nothing to compare")
        return 0
    changelog_file = args.root / CHANGELOG_PATH
    changelog = changelog_file.read_text() if changelog_file.exists() else ""
    report = compare(old, (args.root / SCHEMA_PATH).read_text(), changelog)
    text = explain(report)
    if text:
        print(text, file=sys.stderr if report.unlisted else sys.stdout)
    print(
        f"schema changes against {args.base}: {len(report.breaking)} breaking, "
        f"{len(report.unlisted)} unlisted, {len(report.dangerous)} dangerous"
    )
    return 1 if report.unlisted else 0


if __name__ == "__main__":
    sys.exit(main())

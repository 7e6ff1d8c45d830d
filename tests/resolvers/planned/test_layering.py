"""The fast path's layering: resolvers/planned/ reads the schema's field tables, and
nothing under schema/ reaches into resolvers/planned/, so a field's rule is declared once
in the schema and a planned domain adds declarations, not a second executor."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_schema_module_imports_the_planned_read_path() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name for name in _imported_modules(path) if name.startswith("resolvers.planned")
        )
        for path in sorted((ROOT / "schema").rglob("*.py"))
    }
    assert {path: names for path, names in offenders.items() if names} == {}

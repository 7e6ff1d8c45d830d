"""Every userError code an operation can answer is in its domain's enum (the schema's
`...UserErrorCode`), read from the source: the codes named by the domain's resolvers and
services and by the shared modules they import, and by the domains it builds on.

What this reading misses, the running code catches: resolvers/common.py logs a code its
domain's enum lacks, and tests/conftest.py fails the test that provoked it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.error_codes import DESCRIPTIONS, DOMAIN_ERROR_CODES, ErrorCode

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("services", "resolvers")


def _modules() -> dict[str, ast.Module]:
    """Every module but the code catalog itself, which names them all."""
    modules = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts): ast.parse(path.read_text())
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    del modules["services.error_codes"]
    return modules


MODULES = _modules()


def _named_codes(node: ast.AST) -> Iterator[str]:
    for child in ast.walk(node):
        if (
            isinstance(child, ast.Attribute)
            and isinstance(child.value, ast.Name)
            and child.value.id == "ErrorCode"
        ):
            yield child.attr


def _fixed_codes() -> dict[str, set[str]]:
    """Error classes whose constructor always answers one code (NotFound: NOT_FOUND): the
    code counts where the class is raised, not where it is defined."""
    fixed: dict[str, set[str]] = {}
    for tree in MODULES.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and _is_error_class(node):
                codes = set(_named_codes(node))
                if codes:
                    fixed[node.name] = codes
    return fixed


def _is_error_class(node: ast.ClassDef) -> bool:
    return any(isinstance(base, ast.Name) and base.id.endswith("Error") for base in node.bases)


FIXED = _fixed_codes()


def _codes_of(tree: ast.Module, only: set[str] | None = None) -> set[str]:
    """The codes the module names (in `only` its functions of these names)."""
    codes: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in FIXED:
            continue
        if only is not None and getattr(node, "name", None) not in only:
            continue
        codes |= set(_named_codes(node))
        for call in ast.walk(node):
            if isinstance(call, ast.Call):
                func = call.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                codes |= FIXED.get(str(name), set())
    return codes


def _imports(name: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(MODULES[name]):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found & MODULES.keys()


# Domains whose operations pass caller input through another domain's rules.
BUILDS_ON = {"inventory": {"units"}, "recipes": {"units"}}
# Functions of another domain whose rule a domain applies to its own input as it is:
# their codes count for it (recipes check quantities by inventory's rule).
APPLIES = {"recipes": {"services.inventory.quantities": {"to_base"}}}


def _domain_of(module: str) -> str | None:
    """services.inventory.stock -> inventory; resolvers.inventory_loaders -> inventory;
    a shared module (services.validation, resolvers.ids) -> None."""
    package, *rest = module.split(".")
    if package == "services" and len(rest) > 1:
        return rest[0]
    if package == "resolvers":
        name = rest[0].split("_")[0]
        return name if name in DOMAIN_ERROR_CODES else None
    return None


def reachable_codes(domain: str) -> set[str]:
    """The codes named by the domain's modules and the shared and built-on modules they
    import (an import into an unrelated domain is for reading, not for input rules)."""
    allowed = {domain, None, *BUILDS_ON.get(domain, ())}
    todo = [name for name in MODULES if _domain_of(name) in {domain, *BUILDS_ON.get(domain, ())}]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(i for i in _imports(name) if _domain_of(i) in allowed)
    applied = APPLIES.get(domain, {})
    return set().union(
        *(_codes_of(MODULES[name]) for name in seen),
        *(_codes_of(MODULES[name], functions) for name, functions in applied.items()),
    )


@pytest.mark.parametrize("domain", sorted(DOMAIN_ERROR_CODES))
def test_each_domain_enum_lists_every_code_its_operations_can_answer(domain: str) -> None:
    missing = reachable_codes(domain) - DOMAIN_ERROR_CODES[domain]
    assert not missing, f"add to DOMAIN_ERROR_CODES[{domain!r}]: {sorted(missing)}"


def test_every_code_is_described_and_used_by_some_domain() -> None:
    assert set(DESCRIPTIONS) == set(ErrorCode)
    assert set().union(*DOMAIN_ERROR_CODES.values()) == set(ErrorCode)

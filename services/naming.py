"""Names as the public contract spells them."""

from __future__ import annotations


def camel_case(name: str) -> str:
    """A Python name as its GraphQL field name: `base_unit` -> `baseUnit`. Error fields
    and event payloads name fields exactly as the schema does."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def snake_case(name: str) -> str:
    """A GraphQL name as its Python one: `baseUnit` -> `base_unit`."""
    return "".join(f"_{letter.lower()}" if letter.isupper() else letter for letter in name)

"""A validator for the part of JSON Schema 2020-12 the event catalog uses (type, enum,
const, pattern, format date-time, minLength, minimum, properties, required, items,
additionalProperties), written here so the tests need no extra dependency.

`strict=True` also refuses properties a schema does not declare: a payload field that is
written but not documented then fails the test, although the published schemas allow
extra properties (adding a field is not a breaking change).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
SUPPORTED = {
    "$schema",
    "title",
    "description",
    "type",
    "enum",
    "const",
    "pattern",
    "format",
    "minLength",
    "minimum",
    "properties",
    "required",
    "items",
    "additionalProperties",
}


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def errors(
    schema: dict[str, Any], value: Any, *, strict: bool = False, path: str = "$"
) -> list[str]:
    """Every way `value` breaks `schema`, as "path: problem" lines (empty when valid)."""
    unknown = set(schema) - SUPPORTED
    assert not unknown, f"{path}: the test validator does not implement {sorted(unknown)}"
    found: list[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, name) for name in names):
            return [f"{path}: {value!r} is not of type {names}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{path}: {value!r} is not {schema['const']!r}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if "minLength" in schema and len(value) < schema["minLength"]:
            found.append(f"{path}: {value!r} is shorter than {schema['minLength']}")
        if schema.get("format") == "date-time" and not _is_date_time(value):
            found.append(f"{path}: {value!r} is not an RFC 3339 date-time")
    if _is_type(value, "number") and "minimum" in schema and value < schema["minimum"]:
        found.append(f"{path}: {value!r} is under {schema['minimum']}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{path}: {name!r} is required")
        for name, item in value.items():
            if name in properties:
                found += errors(properties[name], item, strict=strict, path=f"{path}.{name}")
            elif isinstance(schema.get("additionalProperties"), dict):
                found += errors(
                    schema["additionalProperties"], item, strict=strict, path=f"{path}.{name}"
                )
            elif schema.get("additionalProperties") is False or (strict and properties):
                found.append(f"{path}: {name!r} is not a declared property")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors(schema["items"], item, strict=strict, path=f"{path}[{index}]")
    return found


def _is_date_time(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True

"""Failures the fuzz runs find today that issue 11 already describes, and are being fixed.

While any of them shows up the run is an expected failure (xfail) - as long as every
finding is one of these; anything else fails the test. When issue 11's fixes are merged,
empty KNOWN_ISSUE_11: then any finding fails."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tests.fuzz.harness import Finding, Fuzzer
from tests.fuzz.hostile import HANGING_DECIMALS


@dataclass(frozen=True)
class Known:
    description: str
    kind: str  # regular expressions, searched in the finding's fields
    cause: str = ""
    origin: str = ""
    request: str = ""

    def matches(self, finding: Finding) -> bool:
        return all(
            re.search(pattern, value) is not None
            for pattern, value in (
                (self.kind, finding.kind),
                (self.cause, finding.cause),
                (self.origin, finding.origin),
                (self.request, finding.request),
            )
        )


_HANGING = "|".join(re.escape(text) for text in HANGING_DECIMALS)

KNOWN_ISSUE_11: tuple[Known, ...] = (
    Known(
        "a value the scalar parsers or graphql-core's coercion refuse (Decimal '', DateTime "
        "without offset, UnsignedInt64 -1, Int sent as '10', unknown enum values, missing "
        "input fields) is masked as INTERNAL_SERVER_ERROR instead of BAD_REQUEST",
        kind="^INTERNAL_SERVER_ERROR$",
        origin=r"^$|^graphql/|^schema/scalars\.py:",
    ),
    Known(
        "a JSON body that is not an object (null, a list...) is a plain-text 500",
        kind="^HTTP 500$",
        cause="^AttributeError: '(NoneType|list|int|float|str|bool)' object has no attribute",
    ),
    Known(
        "a body that is not UTF-8 is a plain-text 500",
        kind="^HTTP 500$",
        cause="^UnicodeDecodeError",
    ),
    Known(
        "deeply nested JSON (body or variables) is a plain-text 500",
        kind="^HTTP 500$",
        cause="^RecursionError",
    ),
    Known(
        "huge integers: one of more than 4,300 digits in the JSON body, or an Int variable "
        "past 64 bits that makes the query cost unencodable (orjson), is a plain-text 500",
        kind="^HTTP 500$",
        cause="^(ValueError: Exceeds the limit|TypeError: Integer exceeds 64-bit range)",
    ),
    Known(
        "no body gate yet: a body field of the wrong type (operationName an object) is not "
        "refused with 400 when the query does not parse",
        kind="^schemathesis ST201",
        cause="at /properties/(operationName|variables|extensions) ",
    ),
    Known(
        "a Decimal with a huge exponent (1e-999999999) hangs the server",
        kind="^hang",
        request=_HANGING or "(?!)",
    ),
    Known(
        "a Decimal with a huge exponent (1E+999999999, 1e-99999999) reaches the services' "
        "arithmetic and fails there (decimal.Overflow, InvalidOperation)",
        kind="^INTERNAL_SERVER_ERROR$",
        request=r'"-?[0-9.]+[eE][+-]?[0-9]{3,}"',
    ),
)


def expect_only_known_failures(fuzzer: Fuzzer, title: str) -> None:
    """Passes with no findings; xfails if every finding is known from issue 11; else fails,
    listing the unknown findings first."""
    if not fuzzer.findings:
        return
    unknown = [
        finding
        for finding in fuzzer.findings
        if not any(known.matches(finding) for known in KNOWN_ISSUE_11)
    ]
    if unknown:
        pytest.fail(
            f"{fuzzer.report(title + ' - NOT known from issue 11', unknown)}\n\n"
            f"All findings:\n{fuzzer.report(title)}",
            pytrace=False,
        )
    seen = [
        known.description
        for known in KNOWN_ISSUE_11
        if any(known.matches(finding) for finding in fuzzer.findings)
    ]
    pytest.xfail("issue 11 (known, being fixed): " + "; ".join(seen))

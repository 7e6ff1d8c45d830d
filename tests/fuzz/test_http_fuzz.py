"""The HTTP side on a live server: schemathesis over /openapi.json (every REST endpoint
and both methods of /graphql, valid and invalid requests, schemathesis' conformance
checks against the document), then hand-written hostile bodies, content types and methods
that no generator writes (null, invalid UTF-8, nesting 100,000 deep, 5,000-digit numbers),
each sent anonymously, as the owner, and as the owner with an Idempotency-Key."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.fuzz.conftest import FIXED_SEED, Workshop, random_seed
from tests.fuzz.harness import Fuzzer, Principal, expect_no_findings
from tests.fuzz.hostile import deep_list, deep_object
from tests.fuzz.live_server import LiveServer

pytestmark = pytest.mark.fuzz

EXAMPLES_PER_OPERATION = 6  # per generation mode and seed
# Conformance to /openapi.json (a 5xx is reported by the harness itself, with its cause).
CHECKS = [
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    positive_data_acceptance,
]
# A JSON schema cannot say which strings are GraphQL documents: GET /graphql refuses every
# query by design (nothing runs over GET), and POST /graphql refuses a `query` that does
# not parse or validate with 400 (GraphQL over HTTP). Both are documented; valid-looking
# strings are refused there.
_WITHOUT_ACCEPTANCE = [check for check in CHECKS if check is not positive_data_acceptance]
CHECKS_FOR = {"GET /graphql": _WITHOUT_ACCEPTANCE, "POST /graphql": _WITHOUT_ACCEPTANCE}
HYPOTHESIS: dict[str, Any] = {
    "max_examples": EXAMPLES_PER_OPERATION,
    "database": None,
    "deadline": None,
    "phases": [Phase.generate],
    "suppress_health_check": list(HealthCheck),
}

VIEWER = "{ viewer { role } }"
UNITS = "query($d: UnitDimension) { units(dimension: $d) { name } }"
ITEMS = "query($n: Int) { inventoryItems(first: $n) { nodes { id } } }"
DEEP = 100_000

# (name, method, path, body, headers). Headers here replace the JSON content type.
Request = tuple[str, str, str, bytes | None, dict[str, str]]


def _raw(name: str, body: str | bytes) -> Request:
    return name, "POST", "/graphql", body.encode() if isinstance(body, str) else body, {}


def _query(name: str, query: str, variables: str | None = None, **fields: str) -> Request:
    """A body with `query` JSON-encoded and `variables` (and other fields) as raw JSON."""
    parts = [f'"query": {json.dumps(query)}']
    if variables is not None:
        parts.append(f'"variables": {variables}')
    parts += [f"{json.dumps(key)}: {value}" for key, value in fields.items()]
    return _raw(name, "{" + ", ".join(parts) + "}")


def _typed(name: str, content_type: str, body: bytes) -> Request:
    return name, "POST", "/graphql", body, {"Content-Type": content_type}


def _search(text: str) -> str:
    return '{ inventoryItems(filter: {search: "' + text + '"}) { nodes { id } } }'


HOSTILE_REQUESTS: list[Request] = [
    _raw("body null", "null"),
    _raw("body a list", "[]"),
    _raw("body a number", "1"),
    _raw("body a string", json.dumps(VIEWER)),
    _raw("body true", "true"),
    _raw("body empty", ""),
    _raw("body {}", "{}"),
    _raw("query null", '{"query": null}'),
    _raw("query a number", '{"query": 1}'),
    _query("query empty", ""),
    _query("query blank", "   "),
    _query("variables a string", VIEWER, '"x"'),
    _query("variables a list", VIEWER, "[]"),
    _query("operationName a number", VIEWER, operationName="1"),
    _query("unknown operationName", VIEWER, operationName='"Nope"'),
    _query("extensions a string", VIEWER, extensions='"x"'),
    _raw("duplicate keys", '{"query": "{ units { name } }", "query": ' + json.dumps(VIEWER) + "}"),
    _raw("truncated JSON", '{"query": "{ viewer'),
    _raw("invalid UTF-8 in the query", b'{"query": "{ viewer { role } } \xff"}'),
    _raw("invalid UTF-8 body", b"\xff\xfe\x00"),
    _raw("UTF-16 body", json.dumps({"query": VIEWER}).encode("utf-16")),
    _raw("UTF-8 BOM", b"\xef\xbb\xbf" + json.dumps({"query": VIEWER}).encode()),
    _query("NaN variable", ITEMS, '{"n": NaN}'),
    _query("Infinity variable", ITEMS, '{"n": Infinity}'),
    _query("1e400 variable", ITEMS, '{"n": 1e400}'),
    _query("5000-digit variable", ITEMS, '{"n": ' + "9" * 5000 + "}"),
    _query("Int variable as a string", ITEMS, '{"n": "10"}'),
    _query("unknown enum variable", UNITS, '{"d": "LIGHT"}'),
    _raw("body nested 100,000 deep", deep_list(DEEP).text),
    _query("variables nested 100,000 deep", UNITS, '{"d": ' + deep_list(DEEP).text + "}"),
    _query("objects nested 20,000 deep", UNITS, deep_object(20_000).text),
    _query("lone surrogate in a string", _search("\ud800")),
    _query("lone surrogate escape", _search("\\ud800")),
    _query("NUL in a string", _search("\\u0000")),
    _query("raw NUL in the document", _search("\x00")),
    _query("selection nested 1,500 deep", "{" + " nodes(ids: []) {" * 1500 + " id" + "}" * 1501),
    _query("list literal nested 2,000 deep", "{ nodes(ids: " + deep_list(2000).text + ") { id } }"),
    _query("5000-digit literal", "{ inventoryItems(first: " + "9" * 5000 + ") { nodes { id } } }"),
    _query(
        "1e400 literal",
        '{ convertQuantity(quantity: {amount: 1e400, unit: "g"}, toUnit: "kg") { exact } }',
    ),
    _query("fragment cycle", "query { ...A } fragment A on Query { ...A }"),
    _query("50,000 fields", "{" + " __typename" * 50_000 + "}"),
    _typed("no content type", "", json.dumps({"query": VIEWER}).encode()),
    _typed("text/plain", "text/plain", json.dumps({"query": VIEWER}).encode()),
    _typed("application/graphql", "application/graphql", VIEWER.encode()),
    _typed("form", "application/x-www-form-urlencoded", b"query=%7B__typename%7D"),
    _typed(
        "multipart",
        "multipart/form-data; boundary=x",
        b'--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--\r\n',
    ),
    _typed("JSON as latin-1", "application/json; charset=latin-1", b'{"query": "{ __typename }"}'),
    _typed("JSON, bad charset", "application/json; charset=nope", b'{"query": "{ __typename }"}'),
    ("GET, a browser", "GET", "/graphql", None, {"Accept": "text/html"}),
    ("GET, JSON only", "GET", "/graphql", None, {"Accept": "application/json"}),
    ("GET with a query", "GET", "/graphql?query=%7B__typename%7D", None, {}),
    ("GET with a mutation", "GET", "/graphql?query=mutation%7BlogOut%7Bok%7D%7D", None, {}),
    ("GET with a huge query", "GET", "/graphql?query=" + "a" * 60_000, None, {}),
]
# Answers that are not JSON, by design: GraphiQL's page.
NOT_JSON = {"GET, a browser"}


def fuzz_openapi(
    fuzzer: Fuzzer, principals: tuple[Principal, ...], seed: int, base_url: str
) -> None:
    api = schemathesis.openapi.from_url(base_url + "/openapi.json")
    for result in api.get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(generation_mode=mode)
            run = given(case=strategy)(_sender(fuzzer, principals, operation.label))
            try:
                hypothesis_seed(seed)(settings(**HYPOTHESIS)(run))()
            except Unsatisfiable:  # nothing to make invalid: GET /healthz has no input
                assert mode == GenerationMode.NEGATIVE, operation.label


def _sender(fuzzer: Fuzzer, principals: tuple[Principal, ...], label: str) -> Any:
    def send(case: schemathesis.Case[Any]) -> None:
        for principal in principals:
            # Conformance to the document is judged for a caller with a token: without one,
            # the Idempotency-Key header (and its constraints) is ignored by design.
            checks = CHECKS_FOR.get(label, CHECKS) if principal.token else []
            fuzzer.send_case(label, principal, case, checks)

    return send


def send_hostile_requests(fuzzer: Fuzzer, principals: tuple[Principal, ...]) -> None:
    keys = itertools.count()
    for (name, method, path, body, headers), principal in itertools.product(
        HOSTILE_REQUESTS, principals
    ):
        fuzzer.send(
            name,
            principal,
            body,
            method=method,
            path=path,
            headers=headers,
            expect_json=name not in NOT_JSON,
        )
        if principal.token and method == "POST":
            key = {"Idempotency-Key": f"fuzz-{next(keys)}"}
            fuzzer.send(
                name,
                Principal(principal.name + " + Idempotency-Key", principal.token),
                body,
                headers={**headers, **key},
                expect_json=True,
            )


def test_http_endpoints_survive_hostile_requests(
    live_server: LiveServer, workshop: Workshop
) -> None:
    callers = (Principal("anonymous", None), workshop.owner)
    fuzzer = Fuzzer(live_server)
    seeds = [FIXED_SEED, random_seed()]
    started = time.monotonic()
    try:
        for seed in seeds:
            fuzz_openapi(fuzzer, callers, seed, live_server.base_url)
        send_hostile_requests(fuzzer, callers)
    finally:
        fuzzer.close()
    title = (
        f"/openapi.json fuzzed with seeds {seeds} (replay the second with "
        f"FUZZ_SEED={seeds[1]}) and {len(HOSTILE_REQUESTS)} hostile requests, "
        f"{time.monotonic() - started:.0f} s"
    )
    print(fuzzer.report(title))
    expect_no_findings(fuzzer, title)

"""The HTTP surface around GraphQL: health and readiness, security headers, GraphiQL,
CORS, the body size limit and request ids."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from server.settings import Settings
from tests.api_helpers import page_references
from tests.conftest import make_settings
from tests.server.conftest import AppClient

pytestmark = pytest.mark.api

UNREACHABLE_DATABASE = "postgresql+asyncpg://postgres@127.0.0.1:1/nope"
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"
HTML = {"Accept": "text/html"}


# --- health and readiness --------------------------------------------------------------


async def test_healthz_answers_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_checks_the_database_and_redis_when_configured(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ready"
    expected = {"database": "ok"} | ({"redis": "ok"} if settings.redis_url else {})
    assert body["checks"] == expected


async def test_readyz_is_unavailable_when_the_database_is_unreachable(
    app_client: AppClient,
) -> None:
    settings = make_settings(UNREACHABLE_DATABASE, redis_url=None)
    async with app_client(settings) as client:
        response = await client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"].startswith("unreachable")
    assert "nope" not in response.text  # the URL is not disclosed


async def test_readyz_is_unavailable_when_redis_is_unreachable(
    database_url: str, engine: AsyncEngine, app_client: AppClient
) -> None:
    settings = make_settings(database_url, redis_url=UNREACHABLE_REDIS)
    async with app_client(settings) as client:
        response = await client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == "ok"
    assert checks["redis"].startswith("unreachable")


# --- security headers ------------------------------------------------------------------


async def test_json_responses_carry_security_headers_and_no_hsts_over_http(
    client: httpx.AsyncClient,
) -> None:
    # X-Forwarded-Proto is not trusted by default: a client cannot switch HSTS on
    response = await client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    headers = response.headers
    assert headers["content-type"].startswith("application/json")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "strict-transport-security" not in headers


async def test_hsts_behind_a_trusted_tls_proxy(
    database_url: str, engine: AsyncEngine, app_client: AppClient
) -> None:
    settings = make_settings(database_url, trust_forwarded_proto=True)
    async with app_client(settings) as client:
        over_tls = await client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
        plain = await client.get("/healthz", headers={"X-Forwarded-Proto": "http"})
    assert "max-age=" in over_tls.headers["strict-transport-security"]
    assert "strict-transport-security" not in plain.headers


async def test_graphql_errors_carry_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ nope }"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


# --- GraphiQL --------------------------------------------------------------------------


async def test_graphiql_loads_nothing_from_another_host(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()
    # no URL of any host in the page: what it loads, it loads from this API
    assert "http://" not in response.text
    assert "https://" not in response.text
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts
    assert all(' src="' in script for script in scripts)  # no inline script
    references = page_references(response.text)
    assert len(references) == len(scripts) + len(re.findall(r"<link\b", response.text))
    for url in references:
        assert re.match(r"/[^/]", url), url  # a path on this host
        asset = await client.get(url)
        assert asset.status_code == 200, url
        expected = "text/javascript" if url.endswith(".js") else "text/css"
        assert asset.headers["content-type"].startswith(expected), url
        assert asset.content


async def test_graphiql_csp_allows_this_api_only(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers=HTML)
    csp = response.headers["content-security-policy"]
    directives = {
        name: value for name, _, value in (d.strip().partition(" ") for d in csp.split(";"))
    }
    assert directives["script-src"] == "'self'"  # no inline script, no other host
    assert directives["connect-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "http" not in csp


async def test_graphiql_assets_are_revalidated_by_etag(client: httpx.AsyncClient) -> None:
    first = await client.get("/graphiql/static/graphiql.min.js")
    assert first.status_code == 200
    assert first.headers["cache-control"].startswith("public")
    again = await client.get(
        "/graphiql/static/graphiql.min.js", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""


async def test_graphiql_serves_only_the_assets_its_page_names(client: httpx.AsyncClient) -> None:
    for name in ("views.py", "style.css", "..%2F__init__.py", "graphiql.min.js.map"):
        response = await client.get(f"/graphiql/static/{name}")
        assert response.status_code == 404, name


async def test_graphiql_can_be_switched_off(
    database_url: str, engine: AsyncEngine, app_client: AppClient
) -> None:
    settings = make_settings(database_url, graphiql=False)
    async with app_client(settings) as client:
        response = await client.get("/graphql", headers=HTML)
        asset = await client.get("/graphiql/static/graphiql.min.js")
    # strawberry answers 404 when no IDE is configured and queries via GET are off
    assert response.status_code == 404
    assert "graphiql" not in response.text.lower()
    assert asset.status_code == 404


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("{ __typename }", 400),  # a query: not run over GET
        ("mutation { logOut { ok } }", 400),  # nor a mutation
        ("{ __typename", 400),  # does not parse: its syntax error, as over POST
        ("", 400),  # no query found
    ],
)
async def test_nothing_runs_over_get_as_openapi_json_says(
    client: httpx.AsyncClient, query: str, status: int
) -> None:
    response = await client.get("/graphql", params={"query": query}, headers=HTML)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert [error["extensions"]["code"] for error in response.json()["errors"]] == ["BAD_REQUEST"]
    documented = (await client.get("/openapi.json")).json()["paths"]["/graphql"]["get"]
    assert str(status) in documented["responses"]


async def test_an_empty_query_is_refused_as_openapi_json_says(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": ""})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    request = (await client.get("/openapi.json")).json()["components"]["schemas"]
    assert request["GraphQLRequest"]["properties"]["query"]["minLength"] == 1


# --- CORS ------------------------------------------------------------------------------


def _preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }


async def test_cors_allows_configured_origins_only(
    database_url: str, engine: AsyncEngine, app_client: AppClient
) -> None:
    settings = make_settings(database_url, cors_origins=["https://app.example.com"])
    async with app_client(settings) as client:
        allowed = await client.options("/graphql", headers=_preflight("https://app.example.com"))
        refused = await client.options("/graphql", headers=_preflight("https://evil.example"))
        simple = await client.post(
            "/graphql",
            json={"query": "{ __typename }"},
            headers={"Origin": "https://app.example.com"},
        )
        foreign = await client.post(
            "/graphql", json={"query": "{ __typename }"}, headers={"Origin": "https://evil.example"}
        )

    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.example.com"
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()

    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers

    assert simple.headers["access-control-allow-origin"] == "https://app.example.com"
    assert "x-request-id" in simple.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-origin" not in foreign.headers


# --- body size limit -------------------------------------------------------------------


def _assert_too_large(response: httpx.Response) -> None:
    assert response.status_code == 413, response.text
    body = response.json()
    assert [error["extensions"]["code"] for error in body["errors"]] == ["BAD_REQUEST"]
    assert "1000 bytes" in body["errors"][0]["message"]


def _padded_query(size: int) -> bytes:
    query = b'{"query": "{ __typename }", "padding": "'
    return query + b"x" * (size - len(query) - 2) + b'"}'


async def test_oversized_body_is_refused_by_content_length(
    database_url: str, engine: AsyncEngine, app_client: AppClient
) -> None:
    settings = make_settings(database_url, max_body_bytes=1000)
    async with app_client(settings) as client:
        big = await client.post(
            "/graphql", content=_padded_query(5000), headers={"Content-Type": "application/json"}
        )
        small = await client.post("/graphql", json={"query": "{ __typename }"})
    _assert_too_large(big)
    assert small.status_code == 200
    assert small.json()["data"] == {"__typename": "Query"}


async def test_oversized_chunked_body_without_length_is_refused(
    database_url: str, engine: AsyncEngine, app_client: AppClient
) -> None:
    payload = _padded_query(5000)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(payload), 500):
            yield payload[start : start + 500]

    settings = make_settings(database_url, max_body_bytes=1000)
    async with app_client(settings) as client:
        request = client.build_request(
            "POST", "/graphql", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert "content-length" not in request.headers
        assert request.headers["transfer-encoding"] == "chunked"
        response = await client.send(request)
    _assert_too_large(response)


# --- request ids -----------------------------------------------------------------------


async def test_sane_request_id_is_echoed(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"X-Request-Id": "req-2026.11_abcDEF"})
    assert response.headers["x-request-id"] == "req-2026.11_abcDEF"


@pytest.mark.parametrize(
    "incoming",
    [None, "short", "has spaces in it", "x" * 65, "semi;colon-12345", "ünïcode-12345"],
)
async def test_request_id_is_generated_when_missing_or_not_sane(
    client: httpx.AsyncClient, incoming: str | None
) -> None:
    headers = {b"X-Request-Id": incoming.encode()} if incoming else {}
    first = await client.get("/healthz", headers=headers)
    second = await client.get("/healthz", headers=headers)
    generated = first.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    assert second.headers["x-request-id"] != generated

"""GraphiQL served offline: the page on GET /graphql and its assets under ASSETS_PATH.

React, ReactDOM, GraphiQL and its explorer plugin come built in the pinned wheel
`graphene-django-graphiql-static` (installed from the lock; only its static files are read,
nothing of it is imported beyond the package itself, so Django is never needed). The page,
its bootstrap script and its stylesheet are ours (server/static/). The page loads nothing
from another host, so the explorer works without internet and its CSP can allow 'self'.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

ASSETS_PATH = "/graphiql/static"

_PACKAGED = files("graphene_django_graphiql_static") / "static" / "graphene_django_graphiql_static"
_OURS = files("server") / "static"
_JS = "text/javascript; charset=utf-8"
_CSS = "text/css; charset=utf-8"
# The URLs carry no version, so browsers revalidate after an hour (ETag: a 304 is cheap).
_CACHE_CONTROL = "public, max-age=3600"


@dataclass(frozen=True)
class Asset:
    name: str  # its file name under ASSETS_PATH
    source: Traversable
    media_type: str


# In the order the page loads them: each script needs the globals of those before it.
STYLES = (
    Asset("graphiql.min.css", _PACKAGED / "graphiql.min.css", _CSS),
    Asset("graphiql-plugin-explorer.css", _PACKAGED / "style.css", _CSS),
    Asset("batchtrack-graphiql.css", _OURS / "graphiql.css", _CSS),
)
SCRIPTS = (
    Asset("react.production.min.js", _PACKAGED / "react.production.min.js", _JS),
    Asset("react-dom.production.min.js", _PACKAGED / "react-dom.production.min.js", _JS),
    Asset("graphiql.min.js", _PACKAGED / "graphiql.min.js", _JS),
    Asset("graphiql-plugin-explorer.umd.js", _PACKAGED / "graphiql-plugin-explorer.umd.js", _JS),
    Asset("batchtrack-graphiql.js", _OURS / "graphiql.js", _JS),
)


def asset_url(asset: Asset) -> str:
    return f"{ASSETS_PATH}/{asset.name}"


def page() -> str:
    """The HTML GraphiQL runs in: no inline script, no inline style, no other host."""
    links = "".join(
        f'    <link rel="stylesheet" href="{html.escape(asset_url(a))}">\n' for a in STYLES
    )
    scripts = "".join(f'    <script src="{html.escape(asset_url(a))}"></script>\n' for a in SCRIPTS)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "  <head>\n"
        '    <meta charset="utf-8">\n'
        '    <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "    <title>BatchTrack API · GraphiQL</title>\n"
        f"{links}"
        "  </head>\n"
        "  <body>\n"
        '    <div id="graphiql">Loading GraphiQL…</div>\n'
        f"{scripts}"
        "  </body>\n"
        "</html>\n"
    )


@dataclass(frozen=True)
class _Loaded:
    body: bytes
    media_type: str
    etag: str


def asset_routes() -> list[Route]:
    """One route serving exactly the assets the page names, read once into memory
    (about 1.6 MB); any other name under ASSETS_PATH is a 404."""
    loaded: dict[str, _Loaded] = {}
    for asset in (*STYLES, *SCRIPTS):
        body = asset.source.read_bytes()
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        loaded[asset.name] = _Loaded(body, asset.media_type, etag)

    async def serve_asset(request: Request) -> Response:
        found = loaded.get(request.path_params["name"])
        if found is None:
            return Response("Not Found", status_code=404, media_type="text/plain")
        headers = {"etag": found.etag, "cache-control": _CACHE_CONTROL}
        cached = request.headers.get("if-none-match", "").split(",")
        if found.etag in {tag.strip() for tag in cached}:
            return Response(status_code=304, headers=headers)
        return Response(found.body, media_type=found.media_type, headers=headers)

    return [Route(ASSETS_PATH + "/{name}", serve_asset, methods=["GET"])]

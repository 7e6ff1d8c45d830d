"""`GET /openapi.json`: an OpenAPI 3.1 document of the REST endpoints beside GraphQL and of
every outbound webhook, generated from the code (the event catalog and its schemas), so
it cannot drift from what is sent."""

from __future__ import annotations

import copy
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from services.events import API_VERSION
from services.idempotency import MAX_KEY_LENGTH
from services.ids import to_global_id
from services.webhooks.catalog import EVENT_TYPES, EventType
from services.webhooks.deliveries import JITTER, MAX_ATTEMPTS, RETRY_DELAYS
from services.webhooks.payload_schemas import DIALECT
from webhooks.sender import TIMEOUT_SECONDS

OPENAPI_VERSION = "3.1.0"
Schema = dict[str, Any]
_RETRY_HOURS = round(sum(delay.total_seconds() for delay in RETRY_DELAYS) / 3600)

_JSON_OBJECT: Schema = {"type": "object"}

_GRAPHQL_REQUEST: Schema = {
    "type": "object",
    "required": ["query"],
    "properties": {
        "query": {
            "type": "string",
            "minLength": 1,
            "description": (
                'The GraphQL document. Missing, null or empty (`{"query": ""}`): 400 '
                "BAD_REQUEST, no GraphQL query found. A document that does not parse or "
                "validate (blank, say) is a 400 with its BAD_REQUEST errors."
            ),
        },
        "variables": {"type": ["object", "null"], "description": "The operation's variables."},
        "operationName": {
            "type": ["string", "null"],
            "description": "Which operation of the document to run.",
        },
        "extensions": {
            "type": ["object", "null"],
            "description": "Accepted as GraphQL over HTTP allows; no extension is read today.",
        },
    },
}

_GRAPHQL_ERROR: Schema = {
    "type": "object",
    "required": ["message"],
    "properties": {
        "message": {"type": "string"},
        "path": {"type": "array", "items": {"type": ["string", "integer"]}},
        "locations": {"type": "array", "items": _JSON_OBJECT},
        "extensions": {
            "type": "object",
            "properties": {
                "code": {
                    "type": "string",
                    "enum": [
                        "UNAUTHENTICATED",
                        "FORBIDDEN",
                        "THROTTLED",
                        "QUERY_TOO_COMPLEX",
                        "BAD_REQUEST",
                        "INTERNAL_SERVER_ERROR",
                    ],
                },
                "requestId": {
                    "type": "string",
                    "description": "With INTERNAL_SERVER_ERROR: finds the fault in the logs.",
                },
                "reason": {
                    "type": "string",
                    "description": "What exactly was refused, such as IDEMPOTENCY_KEY_REUSED.",
                },
                "field": {
                    "type": "array",
                    "items": {"type": ["string", "integer"]},
                    "description": "With BAD_REQUEST from an input check: the input's path.",
                },
            },
        },
    },
}

_COST: Schema = {
    "type": "object",
    "properties": {
        "requestedQueryCost": {"type": "integer"},
        "actualQueryCost": {"type": "integer"},
        "throttleStatus": {
            "type": "object",
            "properties": {
                "maximumAvailable": {"type": "number"},
                "currentlyAvailable": {"type": "number"},
                "restoreRate": {"type": "number"},
            },
        },
    },
}

_GRAPHQL_RESPONSE: Schema = {
    "type": "object",
    "properties": {
        "data": {"type": ["object", "null"], "description": "The result, shaped as asked."},
        "errors": {"type": "array", "items": {"$ref": "#/components/schemas/GraphQLError"}},
        "extensions": {"type": "object", "properties": {"cost": _COST}},
    },
}

_GRAPHQL_REFUSAL: Schema = {
    "type": "object",
    "required": ["errors"],
    "description": "A request refused before GraphQL ran: no `data`, one error with its code.",
    "properties": {
        "errors": {
            "type": "array",
            "minItems": 1,
            "items": {"$ref": "#/components/schemas/GraphQLError"},
        },
    },
}

_HEALTH: Schema = {
    "type": "object",
    "required": ["status"],
    "properties": {"status": {"type": "string", "const": "ok"}},
}

_READINESS: Schema = {
    "type": "object",
    "required": ["status", "checks"],
    "properties": {
        "status": {"type": "string", "enum": ["ready", "unavailable"]},
        "checks": {
            "type": "object",
            "description": "`ok` or why each dependency (database, redis) is unreachable.",
            "additionalProperties": {"type": "string"},
        },
    },
}


def _json(schema: Schema, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


# Printable characters (as str.isprintable() has them, within the Latin-1 a header is
# read as), at least one of them not a space.
_VISIBLE = r"\x21-\x7E\xA1-\xAC\xAE-\xFF"
_PRINTABLE_KEY = f"^[ {_VISIBLE}]*[{_VISIBLE}][ {_VISIBLE}]*$"


def _graphql_path() -> dict[str, Any]:
    graphql_response = {"$ref": "#/components/schemas/GraphQLResponse"}
    refused = {"$ref": "#/components/schemas/GraphQLRefusal"}
    return {
        "get": {
            "operationId": "graphiql",
            "summary": "GraphiQL in a browser; GraphQL itself is POST only.",
            "description": (
                "With the GRAPHIQL setting on (the default), the GraphiQL IDE: an HTML page "
                "for any client that accepts HTML (404 with GRAPHIQL off). Nothing is ever "
                "run over GET, so a link cannot change anything: a `query` parameter that "
                "holds a query or a mutation is refused with 400 BAD_REQUEST; one that does "
                "not parse is a 400 with its syntax error, as it would be over POST; an "
                "empty one, or a GET from a client that accepts only JSON, gets 400 "
                "BAD_REQUEST (no GraphQL query found)."
            ),
            "security": [{"bearer": []}, {}],
            "parameters": [
                {
                    "name": "query",
                    "in": "query",
                    "required": False,
                    "description": "Never run over GET; see above.",
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                "200": {
                    "description": "The GraphiQL page.",
                    "content": {"text/html": {"schema": {"type": "string"}}},
                },
                "400": _json(
                    refused,
                    "A query or mutation sent with GET, a `query` that does not parse, or "
                    "only JSON accepted.",
                ),
                "401": _json(refused, "The bearer token is not valid (UNAUTHENTICATED)."),
                "404": _json(refused, "GraphiQL is off (GRAPHIQL=false)."),
            },
        },
        "post": {
            "operationId": "graphql",
            "summary": "Run a GraphQL query or mutation.",
            "description": (
                "The GraphQL API (schema.graphql is the contract). Mutations accept an "
                "`Idempotency-Key` header: a retry with the same key and body returns the "
                "first response without applying the change again."
            ),
            "security": [{"bearer": []}, {}],
            "parameters": [
                {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": False,
                    "description": (
                        f"1 to {MAX_KEY_LENGTH} printable characters (else 400, "
                        "`extensions.reason` "
                        "IDEMPOTENCY_KEY_INVALID). Keys belong to a caller: without a bearer "
                        "token the header is ignored."
                    ),
                    "schema": {
                        "type": "string",
                        "maxLength": MAX_KEY_LENGTH,
                        "pattern": _PRINTABLE_KEY,
                    },
                }
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/GraphQLRequest"}}
                },
            },
            "responses": {
                "200": _json(
                    graphql_response,
                    "The operation ran; what went wrong as it ran (a missing permission, an "
                    "ID that names nothing...) is in `errors`, beside `data`.",
                ),
                "400": _json(
                    refused,
                    "The request could not run (BAD_REQUEST, or QUERY_TOO_COMPLEX), with no "
                    "`data`: a body that is not UTF-8 JSON or not an object, nested over 32 "
                    "levels, holding a NUL or a lone surrogate; no or an empty `query`; "
                    "`variables` not an object; a document that does not parse or validate; "
                    "a variable of the wrong form; an unknown `operationName`; another "
                    "content type than application/json; or an Idempotency-Key that is not "
                    "valid (`extensions.reason` IDEMPOTENCY_KEY_INVALID).",
                ),
                "429": _json(
                    refused,
                    "Over the caller's cost budget (THROTTLED), with a `Retry-After` header "
                    "and `extensions.retryAfterSeconds`.",
                ),
                "401": _json(refused, "The bearer token is not valid (UNAUTHENTICATED)."),
                "409": _json(
                    refused,
                    "The first request with this Idempotency-Key is still running "
                    "(`extensions.reason` IDEMPOTENCY_KEY_IN_USE).",
                ),
                "413": _json(refused, "The body is larger than MAX_BODY_BYTES."),
                "422": _json(
                    refused,
                    "This Idempotency-Key was used with another body "
                    "(`extensions.reason` IDEMPOTENCY_KEY_REUSED).",
                ),
            },
        },
    }


_WEBHOOK_HEADERS = [
    (
        "webhook-id",
        "The event's id (evt_...): the same on every retry and redelivery; drop duplicates.",
        {"type": "string", "pattern": "^evt_"},
    ),
    (
        "webhook-timestamp",
        "When this attempt was signed, in seconds since the Unix epoch; refuse old ones.",
        {"type": "string", "pattern": "^[0-9]+$"},
    ),
    (
        "webhook-signature",
        "Space-separated `v1,<base64 HMAC-SHA256>` signatures of "
        "`<webhook-id>.<webhook-timestamp>.<body>` with the endpoint's secret (whsec_...), "
        "and during a rotation also with the previous one. Any Standard Webhooks "
        "verifier checks it.",
        {"type": "string", "pattern": "^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$"},
    ),
]


def _embedded(schema: Schema) -> Schema:
    """A catalog schema placed inside this document: `$schema` belongs at a root only."""
    found = copy.deepcopy(schema)
    found.pop("$schema", None)
    return found


def webhook_body_schema(event_type: EventType) -> Schema:
    """The JSON body of a delivery of this type (services.webhooks.deliveries.webhook_body)."""
    return {
        "type": "object",
        "required": [
            "id",
            "type",
            "timestamp",
            "createdAt",
            "apiVersion",
            "organizationId",
            "entity",
            "data",
        ],
        "properties": {
            "id": {"type": "string", "pattern": "^evt_", "description": "The event's id."},
            "type": {"type": "string", "const": event_type.name},
            "timestamp": {
                "type": "string",
                "format": "date-time",
                "description": "When the event happened (the Standard Webhooks field), UTC.",
            },
            "createdAt": {
                "type": "string",
                "format": "date-time",
                "description": "The same moment as timestamp.",
            },
            "apiVersion": {
                "type": "string",
                "description": "The shape's version, such as 2026-11.",
            },
            "organizationId": {"type": "string", "description": "The organization's global ID."},
            "entity": {
                "type": "object",
                "description": "What the event is about, and its place among that entity's events.",
                "required": ["type", "id", "sequence"],
                "properties": {
                    "type": {"type": "string", "description": "The GraphQL type name."},
                    "id": {"type": "string", "description": "The entity's global ID."},
                    "sequence": {
                        "type": "integer",
                        "minimum": 1,
                        "description": "1, 2, 3... per entity: a gap means a missed event.",
                    },
                },
            },
            "data": _embedded(event_type.data_schema),
        },
    }


# Which entity each kind of event is about, and where its ID is in the example's data.
# Every inventory event is on its item's stream (services/inventory/stream.py).
_EXAMPLE_ENTITIES = [
    ("inventory.", "InventoryItem", ("item", "id")),
    ("webhook.", "WebhookEndpoint", ("endpointId",)),
    ("organization.", "Organization", ("organization", "id")),
    # Every recipe event is on its lineage's stream (services/recipes/stream.py).
    ("recipe.", "Recipe", ("recipe", "firstVersionId")),
    # A batch's events are on its stream; a split's on its base batch's.
    ("batch.", "Batch", ("batch", "id")),
    # A subscription's events are on its organization's subscription stream.
    ("subscription.", "Subscription", ("subscription", "organizationId")),
]


def webhook_body_example(event_type: EventType) -> dict[str, Any]:
    entity_type, path = next(
        (type_name, path)
        for prefix, type_name, path in _EXAMPLE_ENTITIES
        if event_type.name.startswith(prefix)
    )
    entity_id: Any = event_type.example
    for key in path:
        entity_id = entity_id[key]
    return {
        "id": "evt_3f9a1c2b4d5e6f708192a3b4c5d6e7f8",
        "type": event_type.name,
        "timestamp": "2026-11-24T10:00:00Z",
        "createdAt": "2026-11-24T10:00:00Z",
        "apiVersion": API_VERSION,
        "organizationId": to_global_id("Organization", 1),
        "entity": {"type": entity_type, "id": entity_id, "sequence": 1},
        "data": copy.deepcopy(event_type.example),
    }


def _webhook(event_type: EventType) -> dict[str, Any]:
    return {
        "post": {
            "operationId": event_type.name,
            "summary": event_type.description,
            "description": (
                f"Sent to the endpoints subscribed to `{event_type.name}` (or a wildcard "
                f"such as `inventory.*`). Answer 2xx within {TIMEOUT_SECONDS:g} s; anything "
                f"else is retried {MAX_ATTEMPTS - 1} times over about {_RETRY_HOURS} hours "
                f"(each retry up to {JITTER:.0%} earlier or later, at random). "
                "410 Gone disables the endpoint."
            ),
            "parameters": [
                {
                    "name": name,
                    "in": "header",
                    "required": True,
                    "description": description,
                    "schema": schema,
                }
                for name, description, schema in _WEBHOOK_HEADERS
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": webhook_body_schema(event_type),
                        "example": webhook_body_example(event_type),
                    }
                },
            },
            "responses": {
                "2XX": {"description": "Received: the delivery succeeded."},
                "410": {"description": "Gone: the endpoint is disabled, nothing more is sent."},
                "default": {"description": "Any other answer, or none in time: retried."},
            },
        }
    }


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": OPENAPI_VERSION,
        "jsonSchemaDialect": DIALECT,
        "info": {
            "title": "BatchTrack Platform API",
            "version": API_VERSION,
            "description": (
                "The REST endpoints beside the GraphQL API (POST /graphql), and every "
                "outbound webhook, signed with the Standard Webhooks scheme."
            ),
        },
        "paths": {
            "/healthz": {
                "get": {
                    "operationId": "healthz",
                    "summary": "The process is up.",
                    "responses": {"200": _json({"$ref": "#/components/schemas/Health"}, "Up.")},
                }
            },
            "/readyz": {
                "get": {
                    "operationId": "readyz",
                    "summary": "The database (and Redis, when configured) answer.",
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/Readiness"}, "Ready."),
                        "503": _json({"$ref": "#/components/schemas/Readiness"}, "Not ready."),
                    },
                }
            },
            "/graphql": _graphql_path(),
            "/billing/stripe/webhook": _STRIPE_WEBHOOK,
        },
        "webhooks": {name: _webhook(event_type) for name, event_type in EVENT_TYPES.items()},
        "components": {
            "schemas": {
                "GraphQLRequest": _GRAPHQL_REQUEST,
                "GraphQLResponse": _GRAPHQL_RESPONSE,
                "GraphQLError": _GRAPHQL_ERROR,
                "GraphQLRefusal": _GRAPHQL_REFUSAL,
                "Health": _HEALTH,
                "Readiness": _READINESS,
            },
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key (bt_live_...) or a session token from logIn.",
                }
            },
        },
    }


_STRIPE_RESULT: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "description": "The Stripe event id."},
        "result": {"type": "string", "enum": ["processed", "duplicate", "ignored"]},
        "error": {"type": "string"},
    },
}
_STRIPE_WEBHOOK: dict[str, Any] = {
    "post": {
        "operationId": "stripeWebhook",
        "summary": "Stripe's events (for Stripe only): verified, stored by id, processed once.",
        "description": (
            "The Stripe-Signature header is verified on the raw body with the official "
            "library (five minutes' tolerance). Each event names a subscription, which is "
            "refetched from Stripe: the state never depends on the order events arrive in."
        ),
        "parameters": [
            {
                "name": "Stripe-Signature",
                "in": "header",
                "required": True,
                "schema": {"type": "string"},
            }
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}}},
        },
        "responses": {
            "200": _json(_STRIPE_RESULT, "Processed now, processed before, or not ours."),
            "400": _json(_STRIPE_RESULT, "The signature does not verify; nothing changed."),
            "404": _json(_STRIPE_RESULT, "Billing is not configured on this server."),
            "503": _json(_STRIPE_RESULT, "Stripe could not be reached; deliver it again."),
        },
    }
}


async def openapi_json(request: Request) -> JSONResponse:
    return JSONResponse(openapi_document())

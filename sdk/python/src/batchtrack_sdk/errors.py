"""Errors as typed exceptions. A top-level GraphQL error becomes the subclass of its
`extensions.code`; a payload's `userErrors` (anything the caller can fix) become
`UserErrors`, which keeps the errors and the whole payload (`shortages`, for one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class BatchTrackError(Exception):
    """Every error the SDK raises."""


class TransportError(BatchTrackError):
    """No GraphQL answer: a non-JSON body, or an HTTP status without GraphQL errors."""

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class GraphQLError(BatchTrackError):
    """A top-level error; `code` is its `extensions.code`."""

    code = ""

    def __init__(self, errors: list[dict[str, Any]], data: dict[str, Any] | None) -> None:
        first = errors[0] if errors else {}
        super().__init__(first.get("message", "GraphQL error"))
        self.errors = errors
        self.data = data
        self.extensions: dict[str, Any] = first.get("extensions") or {}


class Unauthenticated(GraphQLError):
    code = "UNAUTHENTICATED"


class Forbidden(GraphQLError):
    code = "FORBIDDEN"


class Throttled(GraphQLError):
    """Still over the cost budget after the retries; `retry_after` seconds to wait."""

    code = "THROTTLED"

    @property
    def retry_after(self) -> float:
        return float(self.extensions.get("retryAfterSeconds") or 1)


class QueryTooComplex(GraphQLError):
    code = "QUERY_TOO_COMPLEX"


class BadRequest(GraphQLError):
    code = "BAD_REQUEST"


class ServiceBusy(GraphQLError):
    code = "SERVICE_BUSY"


class InternalServerError(GraphQLError):
    """The server's fault; `request_id` names it for support."""

    code = "INTERNAL_SERVER_ERROR"

    @property
    def request_id(self) -> str | None:
        value = self.extensions.get("requestId")
        return str(value) if value is not None else None


BY_CODE: dict[str, type[GraphQLError]] = {
    error.code: error
    for error in (
        Unauthenticated,
        Forbidden,
        Throttled,
        QueryTooComplex,
        BadRequest,
        ServiceBusy,
        InternalServerError,
    )
}


def graphql_error(errors: list[dict[str, Any]], data: dict[str, Any] | None) -> GraphQLError:
    code = ((errors[0].get("extensions") or {}).get("code")) if errors else None
    return BY_CODE.get(str(code), GraphQLError)(errors, data)


@dataclass(frozen=True)
class UserError:
    field: list[str] | None
    message: str
    code: str


class UserErrors(BatchTrackError):
    """The operation refused the input and changed nothing. `errors` say which field
    and why, with a stable `code`; `payload` is the root field's whole answer."""

    def __init__(self, operation: str, errors: list[UserError], payload: dict[str, Any]) -> None:
        summary = "; ".join(f"{'.'.join(e.field or [])}: {e.code}: {e.message}" for e in errors)
        super().__init__(f"{operation}: {summary}")
        self.operation = operation
        self.errors = errors
        self.payload = payload

    @property
    def codes(self) -> list[str]:
        return [error.code for error in self.errors]


def raise_user_errors(data: dict[str, Any]) -> None:
    """Raise for the first root field whose payload carries userErrors."""
    for name, payload in data.items():
        if isinstance(payload, dict) and payload.get("userErrors"):
            errors = [
                UserError(error.get("field"), error.get("message", ""), error.get("code", ""))
                for error in payload["userErrors"]
            ]
            raise UserErrors(name, errors, payload)

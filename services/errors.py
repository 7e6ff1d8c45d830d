"""Errors the services raise. Each carries a stable code that the API exposes as-is.

`UserInputError` is anything the caller can fix: the API turns it into a `userErrors`
entry and rolls the transaction back. The other classes become top-level errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from services.error_codes import ErrorCode


class ServiceError(Exception):
    """An expected, coded failure (never reported to Sentry as a fault)."""

    code = "SERVICE_ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with the input: which field, what is wrong, a stable code."""

    code: ErrorCode
    message: str
    field: tuple[str, ...] = ()


class UserInputError(ServiceError):
    """The caller can fix this; one or more field problems, nothing was changed."""

    code = "INVALID_INPUT"

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        field: Sequence[str] = (),
        *,
        more: Sequence[FieldProblem] = (),
    ) -> None:
        super().__init__(message)
        self.code = code
        self.problems: tuple[FieldProblem, ...] = (
            FieldProblem(code, message, tuple(field)),
            *more,
        )

    @classmethod
    def of(cls, problems: Sequence[FieldProblem]) -> UserInputError:
        first, *rest = problems
        return cls(first.code, first.message, first.field, more=rest)


@dataclass(frozen=True)
class Shortage:
    """Of one item: how much a change asked for and how much it could have had."""

    item_id: int
    requested: Decimal
    available: Decimal
    unit: str


class InsufficientStock(UserInputError):
    """A change needs more than is available; what was short is data, not only prose."""

    def __init__(
        self, message: str, field: Sequence[str], *, shortages: Sequence[Shortage]
    ) -> None:
        super().__init__(ErrorCode.INSUFFICIENT_STOCK, message, field)
        self.shortages = tuple(shortages)


class NotFound(UserInputError):
    """The ID names nothing this organization can see (it may exist in another one)."""

    def __init__(self, what: str, field: Sequence[str] = ("id",)) -> None:
        super().__init__(ErrorCode.NOT_FOUND, f"No {what} with this ID exists.", field)


class Unauthenticated(ServiceError):
    code = "UNAUTHENTICATED"


class PermissionDenied(ServiceError):
    code = "FORBIDDEN"

    def __init__(self, permission: str) -> None:
        super().__init__(f"This operation needs the permission '{permission}'.")
        self.permission = permission


class PlanRestricted(ServiceError):
    """The organization is restricted (unpaid past its grace period, canceled or
    suspended): reads and billing work, changes wait until it pays."""

    code = "PLAN_RESTRICTED"


class ApiAccessNotIncluded(ServiceError):
    """An API key of an organization whose plan has no API access."""

    code = "FORBIDDEN"


class Throttled(ServiceError):
    code = "THROTTLED"

    def __init__(self, message: str, *, retry_after_seconds: int) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class Busy(ServiceError):
    """The embedded database stayed locked by other writers past its busy timeout: the
    caller may simply retry (nothing was changed)."""

    code = "SERVICE_BUSY"

    def __init__(self) -> None:
        super().__init__("The database is busy with other changes; retry in a moment.")

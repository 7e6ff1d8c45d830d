"""How far an organization's plan lets its reads reach: history (ledger rows, purchases,
events and the reports over them) back to the standing's `history_since`, and the reports
only the advanced-reports add-on (or Enterprise) includes. Older rows are kept, never
deleted: a plan or add-on that reaches further shows them again at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, true

from services.billing.plans import LOCAL, PLANS
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.permissions import Principal


def within_history(principal: Principal, created_at: Any) -> ColumnElement[bool]:
    """The condition that keeps a history row the plan reaches (`created_at`: its time)."""
    since = principal.standing.history_since
    return true() if since is None else created_at >= since


def require_history_reaches(principal: Principal, start: datetime, field: Sequence[str]) -> None:
    """Refuse a report that starts before the history the plan reaches (PLAN_LIMIT_REACHED
    on `field`, naming the earliest start allowed)."""
    since = principal.standing.history_since
    if since is None or start >= since:
        return
    plan = PLANS.get(principal.standing.plan, LOCAL).name
    raise UserInputError(
        ErrorCode.PLAN_LIMIT_REACHED,
        f"The {plan} plan includes {principal.standing.entitlements.history_days} days of "
        f"history: start at {since.isoformat()} or later, or upgrade the plan or buy the "
        "extended_history add-on (createCheckoutSession).",
        field,
    )


def require_advanced_reports(principal: Principal, field: Sequence[str] = ()) -> None:
    """Refuse a report of the advanced-reports add-on the plan does not include."""
    if principal.standing.entitlements.advanced_reports:
        return
    plan = PLANS.get(principal.standing.plan, LOCAL).name
    raise UserInputError(
        ErrorCode.NOT_IN_PLAN,
        f"The {plan} plan does not include advanced reports: buy the advanced_reports "
        "add-on or upgrade to Enterprise (createCheckoutSession).",
        field,
    )

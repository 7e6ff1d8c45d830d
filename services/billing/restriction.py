"""The one check that holds a restricted organization's changes: every write unit of work
a principal opens passes through it (resolvers/context.py `writing`), so no domain needs
its own, and a payment that lands lifts it at the caller's next request."""

from __future__ import annotations

from services.errors import PlanRestricted
from services.permissions import Principal

HOW_TO_PAY = (
    "Pay the open invoice in the billing portal (createBillingPortalSession) or choose a "
    "plan (createCheckoutSession); reads and exports keep working, nothing was deleted."
)


SUSPENDED = (
    "The organization is suspended and changes are on hold: contact BatchTrack support to "
    "lift it; reads and exports keep working, nothing was deleted."
)


def refuse_if_restricted(principal: Principal | None) -> None:
    if principal is None or not principal.standing.restricted:
        return
    standing = principal.standing
    if standing.suspended:
        raise PlanRestricted(SUSPENDED)
    raise PlanRestricted(
        f"The organization's subscription is {standing.status.value.lower().replace('_', ' ')}"
        f" and changes are on hold. {HOW_TO_PAY}"
    )

"""Who may do what: roles map to named permissions; API keys carry a subset as scopes.

Every service checks access through `require_permission` (or `has_permission` where the
answer shapes the result rather than refusing the operation).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from services.billing.standing import LOCAL_STANDING, Standing
from services.errors import PermissionDenied, Unauthenticated

PERMISSIONS: dict[str, str] = {
    "organization.read": "See the organization and its settings.",
    "organization.manage": "Rename the organization and change its settings.",
    "members.read": "List the members of the organization.",
    "members.manage": "Invite, re-role and remove members.",
    "api_keys.manage": "Create, list and revoke API keys.",
    "units.read": "List units and convert quantities.",
    "units.manage": "Create custom units and set densities.",
    "inventory.read": "See items, lots, history and reports.",
    "inventory.manage": "Create, update and archive inventory items.",
    "inventory.adjust": "Receive, adjust, reserve and write off stock.",
    "recipes.read": "See recipes.",
    "recipes.manage": "Create, change, publish and archive recipes.",
    "batches.read": "See batches and lot genealogy.",
    "batches.manage": "Plan, start, finish, split, cancel and fail batches.",
    "webhooks.manage": "Manage webhook endpoints, deliveries and replays.",
    "events.read": "Read the event log.",
    "billing.read": "See the subscription and invoices.",
    "billing.manage": "Change the plan, pay and cancel.",
}


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MANAGER = "manager"
    MAKER = "maker"
    VIEWER = "viewer"


# The organization's subscription and invoices are for those who run it: owners (who
# also pay and cancel) and admins.
_READ = frozenset(p for p in PERMISSIONS if p.endswith(".read")) - {"billing.read"}
_MAKER = _READ | {"inventory.adjust", "batches.manage"}
_MANAGER = _MAKER | {"units.manage", "inventory.manage", "recipes.manage"}
_ADMIN = frozenset(PERMISSIONS) - {"billing.manage"}

ROLE_PERMISSIONS: dict[Role, frozenset[str]] = {
    Role.OWNER: frozenset(PERMISSIONS),
    Role.ADMIN: _ADMIN,
    Role.MANAGER: frozenset(_MANAGER),
    Role.MAKER: frozenset(_MAKER),
    Role.VIEWER: _READ,
}

# A member can hand out roles no stronger than their own; only owners make owners.
ROLE_RANK: dict[Role, int] = {
    Role.VIEWER: 0,
    Role.MAKER: 1,
    Role.MANAGER: 2,
    Role.ADMIN: 3,
    Role.OWNER: 4,
}


@dataclass(frozen=True)
class Principal:
    """Who is acting, for which organization, with which permissions."""

    organization_id: int
    permissions: frozenset[str]
    user_id: int | None = None
    role: Role | None = None
    session_id: int | None = None
    api_key_id: int | None = None
    # The organization's plan, what it grants and whether it is restricted, as worked out
    # at authentication (services/billing/standing.py).
    standing: Standing = LOCAL_STANDING

    @property
    def kind(self) -> str:
        return "api_key" if self.api_key_id is not None else "user"


def has_permission(principal: Principal | None, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    return principal is not None and permission in principal.permissions


def require_principal(principal: Principal | None) -> Principal:
    if principal is None:
        raise Unauthenticated("Sign in or send an API key in the Authorization header.")
    return principal


def require_permission(principal: Principal | None, permission: str) -> Principal:
    acting = require_principal(principal)
    if not has_permission(acting, permission):
        raise PermissionDenied(permission)
    return acting


def require_user(principal: Principal | None, permission: str) -> Principal:
    """Operations that act for a person (not an API key), such as managing members."""
    acting = require_permission(principal, permission)
    if acting.user_id is None:
        raise PermissionDenied(permission)
    return acting

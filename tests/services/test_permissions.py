"""The role table and the permission checks every service goes through."""

from __future__ import annotations

import itertools

import pytest

from services.errors import PermissionDenied, Unauthenticated
from services.permissions import (
    PERMISSIONS,
    ROLE_PERMISSIONS,
    ROLE_RANK,
    Principal,
    Role,
    has_permission,
    require_permission,
    require_user,
)

pytestmark = pytest.mark.auth

ROLES_FROM_WEAKEST = sorted(Role, key=lambda role: ROLE_RANK[role])


def test_every_role_has_a_rank_and_a_permission_set_of_known_permissions() -> None:
    assert set(ROLE_RANK) == set(Role) == set(ROLE_PERMISSIONS)
    assert ROLES_FROM_WEAKEST == [Role.VIEWER, Role.MAKER, Role.MANAGER, Role.ADMIN, Role.OWNER]
    for permissions in ROLE_PERMISSIONS.values():
        assert permissions <= set(PERMISSIONS)


def test_the_owner_has_every_permission() -> None:
    assert ROLE_PERMISSIONS[Role.OWNER] == frozenset(PERMISSIONS)


@pytest.mark.parametrize(("weaker", "stronger"), list(itertools.pairwise(ROLES_FROM_WEAKEST)))
def test_each_role_can_do_strictly_more_than_the_one_below(weaker: Role, stronger: Role) -> None:
    assert ROLE_PERMISSIONS[weaker] < ROLE_PERMISSIONS[stronger]


def test_only_the_owner_manages_billing() -> None:
    assert [role for role in Role if "billing.manage" in ROLE_PERMISSIONS[role]] == [Role.OWNER]


def test_a_viewer_only_reads() -> None:
    reads = {name for name in PERMISSIONS if name.endswith(".read")}
    assert ROLE_PERMISSIONS[Role.VIEWER] == reads - {"billing.read"}


def test_billing_is_seen_by_owners_and_admins_only() -> None:
    assert [role for role in Role if "billing.read" in ROLE_PERMISSIONS[role]] == [
        Role.OWNER,
        Role.ADMIN,
    ]


def test_makers_and_above_run_batches_and_every_role_sees_them() -> None:
    managing = [role for role in ROLES_FROM_WEAKEST if "batches.manage" in ROLE_PERMISSIONS[role]]
    assert managing == [Role.MAKER, Role.MANAGER, Role.ADMIN, Role.OWNER]
    assert all("batches.read" in ROLE_PERMISSIONS[role] for role in Role)


def _principal(*permissions: str, user_id: int | None = 1) -> Principal:
    return Principal(
        organization_id=1,
        permissions=frozenset(permissions),
        user_id=user_id,
        api_key_id=None if user_id is not None else 7,
    )


def test_has_permission_answers_for_known_permissions_only() -> None:
    reader = _principal("inventory.read")
    assert has_permission(reader, "inventory.read") is True
    assert has_permission(reader, "inventory.adjust") is False
    assert has_permission(None, "inventory.read") is False
    with pytest.raises(ValueError, match="unknown permission"):
        has_permission(reader, "inventory.reed")


def test_require_permission_refuses_the_anonymous_and_the_unauthorised() -> None:
    reader = _principal("inventory.read")
    assert require_permission(reader, "inventory.read") is reader
    with pytest.raises(Unauthenticated):
        require_permission(None, "inventory.read")
    with pytest.raises(PermissionDenied) as denied:
        require_permission(reader, "inventory.adjust")
    assert denied.value.permission == "inventory.adjust"
    assert denied.value.code == "FORBIDDEN"


def test_require_user_refuses_an_api_key_even_with_the_permission() -> None:
    key = _principal("members.manage", user_id=None)
    assert key.kind == "api_key"
    with pytest.raises(PermissionDenied):
        require_user(key, "members.manage")
    person = _principal("members.manage")
    assert require_user(person, "members.manage") is person

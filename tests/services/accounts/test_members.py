"""Members: invitations, roles, removal, and the organization's last owner."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool

from services.accounts import service
from services.accounts.models import Invitation, Membership, Organization, UserSession
from services.accounts.secrets import INVITATION_TOKEN_PREFIX
from services.db import unit_of_work, utcnow
from services.errors import PermissionDenied, Unauthenticated, UserInputError
from services.mail import OutboundEmail
from services.permissions import ROLE_PERMISSIONS, Principal, Role
from tests.services.accounts.givens import (
    PASSWORD,
    Sessions,
    actor,
    add_member,
    authenticate,
    invite,
    new_email,
    principal_of,
    refused,
    sign_up,
)
from tests.timing import eventually

pytestmark = pytest.mark.auth


async def _owner_count(sessions: Sessions, organization_id: int) -> int:
    async with unit_of_work(sessions, write=False) as session:
        count = await session.scalar(
            select(func.count(Membership.id)).where(
                Membership.organization_id == organization_id, Membership.role == "owner"
            )
        )
    return count or 0


# --- invitations -----------------------------------------------------------------------


async def test_an_invitation_is_queued_as_an_email_carrying_its_token(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions, organization_name="Lye & Lavender")

    # when
    async with unit_of_work(sessions) as session:
        invitation, token = await service.invite_member(
            session, owner.principal, email="New.Maker@Example.com", role="MAKER"
        )

    # then
    assert token.startswith(INVITATION_TOKEN_PREFIX)
    assert (invitation.email, invitation.role) == ("new.maker@example.com", "maker")
    assert token not in invitation.token_hash
    async with unit_of_work(sessions, write=False) as session:
        emails = (
            await session.scalars(
                select(OutboundEmail).where(OutboundEmail.subject.contains("invited"))
            )
        ).all()
    assert len(emails) == 1
    email = emails[0]
    assert email.to_address == "new.maker@example.com"
    assert email.organization_id == owner.organization_id
    assert "Lye & Lavender" in email.subject
    assert token in email.body
    assert email.sent_at is None


async def test_the_invited_person_signs_up_into_the_organization_with_the_role(
    sessions: Sessions,
) -> None:
    # given
    owner = await sign_up(sessions)
    email = new_email()
    token = await invite(sessions, owner.principal, email=email, role="maker")

    # when
    async with unit_of_work(sessions) as session:
        grant = await service.sign_up(
            session, None, email=email.upper(), password=PASSWORD, invitation_token=token
        )

    # then
    assert grant.organization.id == owner.organization_id
    assert grant.membership.role == "maker"
    principal = await principal_of(sessions, grant.token)
    assert principal.organization_id == owner.organization_id
    assert principal.role is Role.MAKER
    assert principal.permissions == ROLE_PERMISSIONS[Role.MAKER]
    async with unit_of_work(sessions, write=False) as session:
        assert await session.scalar(select(func.count()).select_from(Organization)) == 1
        invitation = await session.scalar(select(Invitation))
    assert invitation is not None
    assert invitation.accepted_at is not None


async def test_an_invitation_is_used_only_once(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    email = new_email()
    token = await invite(sessions, owner.principal, email=email, role="maker")
    await sign_up(sessions, email=email, invitation_token=token)

    # when
    problem = await refused(
        sessions,
        lambda session: service.sign_up(
            session, None, email=email, password=PASSWORD, invitation_token=token
        ),
    )

    # then
    assert (problem.code, problem.field) == ("INVITATION_INVALID", ("invitation_token",))


async def test_an_invitation_is_only_for_the_email_it_was_sent_to(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    token = await invite(sessions, owner.principal, email=new_email(), role="maker")

    # when
    problem = await refused(
        sessions,
        lambda session: service.sign_up(
            session, None, email=new_email(), password=PASSWORD, invitation_token=token
        ),
    )

    # then
    assert (problem.code, problem.field) == ("INVITATION_EMAIL_MISMATCH", ("invitation_token",))


async def test_an_expired_invitation_cannot_be_used(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    email = new_email()
    token = await invite(sessions, owner.principal, email=email, role="maker")
    async with unit_of_work(sessions) as session:
        invitation = await session.scalar(select(Invitation))
        assert invitation is not None
        invitation.expires_at = utcnow() - timedelta(seconds=1)

    # when
    problem = await refused(
        sessions,
        lambda session: service.sign_up(
            session, None, email=email, password=PASSWORD, invitation_token=token
        ),
    )

    # then
    assert (problem.code, problem.field) == ("INVITATION_EXPIRED", ("invitation_token",))


async def test_someone_with_an_account_accepts_an_invitation(sessions: Sessions) -> None:
    # given Ada has her own organization and is invited as a manager into Grace's
    grace = await sign_up(sessions)
    ada = await sign_up(sessions)
    token = await invite(sessions, grace.principal, email=ada.email, role="manager")

    # when
    async with unit_of_work(sessions) as session:
        grant = await service.accept_invitation(session, ada.principal, token=token)

    # then she gets a session for Grace's organization and keeps her own
    principal = await principal_of(sessions, grant.token)
    assert principal.organization_id == grace.organization_id
    assert principal.user_id == ada.user_id
    assert principal.role is Role.MANAGER
    assert (await principal_of(sessions, ada.token)).organization_id == ada.organization_id


async def test_a_member_cannot_be_invited_again(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    maker = await add_member(sessions, owner.principal, role="maker")

    # when
    problem = await refused(
        sessions,
        lambda session: service.invite_member(
            session, owner.principal, email=maker.email.upper(), role="viewer"
        ),
    )

    # then
    assert (problem.code, problem.field) == ("ALREADY_MEMBER", ("email",))


async def test_nobody_grants_a_role_above_their_own(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    admin = await add_member(sessions, owner.principal, role="admin")

    # when
    problem = await refused(
        sessions,
        lambda session: service.invite_member(
            session, admin.principal, email=new_email(), role="owner"
        ),
    )

    # then
    assert (problem.code, problem.field) == ("ROLE_TOO_HIGH", ("role",))
    # ...and an admin may not re-role the owner either
    problem = await refused(
        sessions,
        lambda session: service.update_member_role(
            session, admin.principal, membership_id=owner.membership_id, role="viewer"
        ),
    )
    assert (problem.code, problem.field) == ("ROLE_TOO_HIGH", ("id",))


async def test_members_are_managed_only_with_members_manage(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    manager = await add_member(sessions, owner.principal, role="manager")
    maker = await add_member(sessions, owner.principal, role="maker")

    # when / then
    with pytest.raises(PermissionDenied):
        async with unit_of_work(sessions) as session:
            await service.invite_member(
                session, manager.principal, email=new_email(), role="viewer"
            )
    with pytest.raises(PermissionDenied):
        async with unit_of_work(sessions) as session:
            await service.update_member_role(
                session, manager.principal, membership_id=maker.membership_id, role="viewer"
            )
    with pytest.raises(PermissionDenied):
        async with unit_of_work(sessions) as session:
            await service.remove_member(
                session, manager.principal, membership_id=maker.membership_id
            )


# --- roles and removal -----------------------------------------------------------------


async def test_a_new_role_applies_from_the_member_next_request(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    maker = await add_member(sessions, owner.principal, role="maker")
    assert "inventory.manage" not in maker.principal.permissions

    # when
    async with unit_of_work(sessions) as session:
        member = await service.update_member_role(
            session, owner.principal, membership_id=maker.membership_id, role="MANAGER"
        )

    # then
    assert member.membership.role == "manager"
    principal = await principal_of(sessions, maker.token)
    assert principal.role is Role.MANAGER
    assert principal.permissions == ROLE_PERMISSIONS[Role.MANAGER]


@pytest.mark.parametrize("change", ["demote", "remove"])
async def test_the_last_owner_can_be_neither_demoted_nor_removed(
    sessions: Sessions, change: str
) -> None:
    # given the only owner, and an admin who could take over
    owner = await sign_up(sessions)
    await add_member(sessions, owner.principal, role="admin")

    # when
    if change == "demote":
        problem = await refused(
            sessions,
            lambda session: service.update_member_role(
                session, owner.principal, membership_id=owner.membership_id, role="admin"
            ),
        )
    else:
        problem = await refused(
            sessions,
            lambda session: service.remove_member(
                session, owner.principal, membership_id=owner.membership_id
            ),
        )

    # then
    assert problem.code == "LAST_OWNER"
    assert problem.field == (("role",) if change == "demote" else ("id",))
    assert await _owner_count(sessions, owner.organization_id) == 1


async def test_an_owner_steps_down_once_there_is_another_owner(sessions: Sessions) -> None:
    # given
    first = await sign_up(sessions)
    second = await add_member(sessions, first.principal, role="owner")

    # when
    async with unit_of_work(sessions) as session:
        await service.update_member_role(
            session, first.principal, membership_id=first.membership_id, role="admin"
        )

    # then
    assert await _owner_count(sessions, first.organization_id) == 1
    assert (await principal_of(sessions, second.token)).role is Role.OWNER


async def _demote(sessions: Sessions, acting: Principal, membership_id: int) -> None:
    async with unit_of_work(sessions) as session:
        await service.update_member_role(session, acting, membership_id=membership_id, role="admin")


async def _blocked_or_done(engine: AsyncEngine, task: asyncio.Task[None]) -> bool:
    """Whether the concurrent transaction has gone as far as it can: waiting for a lock
    the first one holds (or, were there no such lock, finished)."""
    if task.done():
        return True
    if engine.dialect.name == "postgresql":
        async with engine.connect() as connection:
            waiting = await connection.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            )
        return bool(waiting)
    # SQLite: it holds a connection of its own, so its BEGIN IMMEDIATE queues for the
    # write lock behind the first transaction.
    pool = engine.pool
    assert isinstance(pool, QueuePool)
    return pool.checkedout() >= 2


async def test_two_owners_demoting_each_other_at_once_leave_one_owner(
    sessions: Sessions, engine: AsyncEngine
) -> None:
    # given two owners
    ada = await sign_up(sessions)
    grace = await add_member(sessions, ada.principal, role="owner")

    # when Ada demotes Grace and, before Ada's transaction commits, Grace demotes Ada
    async with unit_of_work(sessions) as session:
        await service.update_member_role(
            session, ada.principal, membership_id=grace.membership_id, role="admin"
        )
        concurrent = asyncio.create_task(_demote(sessions, grace.principal, ada.membership_id))
        # let Grace's transaction run as far as it can
        await eventually(lambda: _blocked_or_done(engine, concurrent))

    # then the second change is refused once the first has committed
    with pytest.raises(UserInputError) as raised:
        await concurrent
    assert raised.value.code == "LAST_OWNER"
    assert await _owner_count(sessions, ada.organization_id) == 1


async def test_removing_a_member_ends_their_sessions_for_that_organization(
    sessions: Sessions,
) -> None:
    # given Ada has her own organization and joined Grace's as a maker
    grace = await sign_up(sessions)
    ada = await sign_up(sessions)
    token = await invite(sessions, grace.principal, email=ada.email, role="maker")
    async with unit_of_work(sessions) as session:
        grant = await service.accept_invitation(session, ada.principal, token=token)
    joined = await actor(sessions, grant)

    # when
    async with unit_of_work(sessions) as session:
        await service.remove_member(session, grace.principal, membership_id=joined.membership_id)

    # then
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, joined.token)
    async with unit_of_work(sessions, write=False) as session:
        revoked = await session.scalar(
            select(UserSession.revoked_at).where(UserSession.id == joined.principal.session_id)
        )
        membership = await session.get(Membership, joined.membership_id)
    assert revoked is not None
    assert membership is None
    assert (await principal_of(sessions, ada.token)).organization_id == ada.organization_id


@pytest.mark.parametrize("change", ["update role", "remove"])
async def test_a_member_of_another_organization_is_not_found(
    sessions: Sessions, change: str
) -> None:
    # given
    ada = await sign_up(sessions)
    grace = await sign_up(sessions)
    grace_maker = await add_member(sessions, grace.principal, role="maker")

    # when
    if change == "update role":
        problem = await refused(
            sessions,
            lambda session: service.update_member_role(
                session, ada.principal, membership_id=grace_maker.membership_id, role="viewer"
            ),
        )
    else:
        problem = await refused(
            sessions,
            lambda session: service.remove_member(
                session, ada.principal, membership_id=grace_maker.membership_id
            ),
        )

    # then
    assert (problem.code, problem.field) == ("NOT_FOUND", ("id",))
    assert (await principal_of(sessions, grace_maker.token)).role is Role.MAKER

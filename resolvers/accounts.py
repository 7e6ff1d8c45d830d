"""Accounts: GraphQL input -> accounts service -> GraphQL types."""

from __future__ import annotations

from datetime import timedelta

import strawberry

from resolvers.common import connection, mutation, page_request
from resolvers.context import Info
from resolvers.ids import decode_id, to_global_id
from schema import accounts as gql
from schema.money import CurrencyCode
from services.accounts import models, organizations, sessions, tokens
from services.accounts import service as accounts
from services.accounts.service import Device, Member, SessionGrant


def user_node(user: models.User) -> gql.User:
    return gql.User(
        id=strawberry.ID(to_global_id("User", user.id)),
        email=user.email,
        name=user.name,
        created_at=user.created_at,
        email_verified_at=user.email_verified_at,
    )


def organization_node(organization: models.Organization) -> gql.Organization:
    return gql.Organization(
        id=strawberry.ID(to_global_id("Organization", organization.id)),
        name=organization.name,
        currency_code=CurrencyCode(organization.currency_code),
        cost_method=gql.CostMethod(organization.cost_method),
        created_at=organization.created_at,
    )


def member_node(member: Member) -> gql.Member:
    return gql.Member(
        id=strawberry.ID(to_global_id("Member", member.membership.id)),
        user=user_node(member.user),
        role=gql.Role(member.membership.role),
        created_at=member.membership.created_at,
    )


def api_key_node(key: models.ApiKey) -> gql.ApiKey:
    return gql.ApiKey(
        id=strawberry.ID(to_global_id("ApiKey", key.id)),
        name=key.name,
        prefix=key.prefix,
        scopes=list(key.scopes),
        created_at=key.created_at,
        last_used_at=key.last_used_at,
        revoked_at=key.revoked_at,
        expires_at=key.expires_at,
    )


def session_node(user_session: models.UserSession, current_id: int | None) -> gql.Session:
    return gql.Session(
        id=strawberry.ID(to_global_id("Session", user_session.id)),
        created_at=user_session.created_at,
        expires_at=user_session.expires_at,
        last_used_at=user_session.last_used_at,
        ip_address=user_session.ip_address,
        user_agent=user_session.user_agent,
        current=user_session.id == current_id,
    )


def _device(info: Info) -> Device:
    """Where the request comes from, as a new session records it."""
    request = info.context.request
    client = getattr(request, "client", None)
    headers = getattr(request, "headers", None)
    return Device(
        ip_address=client.host if client else None,
        user_agent=headers.get("user-agent") if headers is not None else None,
    )


def _session_id(info: Info) -> int | None:
    principal = info.context.principal
    return principal.session_id if principal else None


def invitation_node(invitation: models.Invitation) -> gql.Invitation:
    return gql.Invitation(
        id=strawberry.ID(to_global_id("Invitation", invitation.id)),
        email=invitation.email,
        role=gql.Role(invitation.role),
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
    )


def _grant_fields(grant: SessionGrant) -> dict[str, object]:
    return {
        "user": user_node(grant.user),
        "organization": organization_node(grant.organization),
        "token": grant.token,
        "expires_at": grant.expires_at,
    }


@strawberry.type
class AccountsQuery:
    @strawberry.field(description="Who is calling, for which organization.")
    async def viewer(self, info: Info) -> gql.Viewer:
        async with info.context.reading() as session:
            viewer = await accounts.get_viewer(session, info.context.principal)
        membership = viewer.membership
        return gql.Viewer(
            organization=organization_node(viewer.organization),
            user=user_node(viewer.user) if viewer.user else None,
            role=gql.Role(membership.role) if membership else None,
            api_key=api_key_node(viewer.api_key) if viewer.api_key else None,
            permissions=sorted(viewer.permissions),
        )

    @strawberry.field(description="The organization's API keys, revoked ones included.")
    async def api_keys(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.ApiKeyConnection:
        request = page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await accounts.list_api_keys(session, info.context.principal, page=request)
        return connection(page, api_key_node)

    @strawberry.field(description="Your sessions that still work, across your organizations.")
    async def sessions(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.SessionConnection:
        request = page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await sessions.list_sessions(session, info.context.principal, page=request)
        current = _session_id(info)
        return connection(page, lambda found: session_node(found, current))

    @strawberry.field(description="The organization's members.")
    async def members(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.MemberConnection:
        request = page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await accounts.list_members(session, info.context.principal, page=request)
        return connection(page, member_node)


@strawberry.type
class AccountsMutation:
    @strawberry.mutation(description="Create an account and its organization; logs in.")
    @mutation(gql.SignUpPayload)
    async def sign_up(self, info: Info, input: gql.SignUpInput) -> gql.SignUpPayload:
        async with info.context.writing() as session:
            grant = await accounts.sign_up(
                session,
                info.context.principal,
                email=input.email,
                password=input.password,
                name=input.name,
                organization_name=input.organization_name,
                currency_code=input.currency_code.value,
                invitation_token=input.invitation_token,
                device=_device(info),
            )
        return gql.SignUpPayload(**_grant_fields(grant))  # type: ignore[arg-type]

    @strawberry.mutation(description="Open a session; returns a bearer token.")
    @mutation(gql.LogInPayload)
    async def log_in(self, info: Info, input: gql.LogInInput) -> gql.LogInPayload:
        organization_id = (
            decode_id(input.organization_id, "Organization", ("organization_id",))
            if input.organization_id
            else None
        )
        # Two steps: the password is checked before the write transaction starts; a
        # refusal is counted in a transaction of its own (the lockout's count).
        try:
            async with info.context.reading() as session:
                credentials = await accounts.check_credentials(
                    session, email=input.email, password=input.password
                )
        except accounts.LoginRefusedError as refused:
            async with info.context.writing() as session:
                await accounts.record_login_failure(session, refused)
            await info.context.committed()  # a lock's email goes out now
            raise
        async with info.context.writing() as session:
            grant = await accounts.log_in(
                session,
                info.context.principal,
                credentials=credentials,
                organization_id=organization_id,
                device=_device(info),
            )
        return gql.LogInPayload(**_grant_fields(grant))  # type: ignore[arg-type]

    @strawberry.mutation(description="Prove your email address with the token mailed to it.")
    @mutation(gql.VerifyEmailPayload)
    async def verify_email(self, info: Info, input: gql.VerifyEmailInput) -> gql.VerifyEmailPayload:
        async with info.context.writing() as session:
            user = await tokens.verify_email(session, info.context.principal, token=input.token)
        return gql.VerifyEmailPayload(user=user_node(user))

    @strawberry.mutation(
        description="Mail yourself a new verification token (the earlier one stops working)."
    )
    @mutation(gql.SendVerificationEmailPayload)
    async def send_verification_email(self, info: Info) -> gql.SendVerificationEmailPayload:
        async with info.context.writing() as session:
            user = await tokens.resend_verification(session, info.context.principal)
        return gql.SendVerificationEmailPayload(user=user_node(user))

    @strawberry.mutation(
        description="Mail a password reset token to the address if an account has it."
    )
    @mutation(gql.RequestPasswordResetPayload)
    async def request_password_reset(
        self, info: Info, input: gql.RequestPasswordResetInput
    ) -> gql.RequestPasswordResetPayload:
        async with info.context.writing() as session:
            await tokens.request_password_reset(session, info.context.principal, email=input.email)
        return gql.RequestPasswordResetPayload(requested=True)

    @strawberry.mutation(description="Set a new password with a reset token; ends every session.")
    @mutation(gql.ResetPasswordPayload)
    async def reset_password(
        self, info: Info, input: gql.ResetPasswordInput
    ) -> gql.ResetPasswordPayload:
        async with info.context.writing() as session:
            user = await tokens.reset_password(
                session, info.context.principal, token=input.token, new_password=input.new_password
            )
        return gql.ResetPasswordPayload(user=user_node(user))

    @strawberry.mutation(description="End the calling session.")
    @mutation(gql.LogOutPayload)
    async def log_out(self, info: Info) -> gql.LogOutPayload:
        # Ending one's own session is not a change to the organization: allowed when
        # restricted, as changing one's password is.
        async with info.context.writing(while_restricted=True) as session:
            await accounts.log_out(session, info.context.principal)
        return gql.LogOutPayload(logged_out=True)

    @strawberry.mutation(description="Change your password; ends your other sessions.")
    @mutation(gql.ChangePasswordPayload)
    async def change_password(
        self, info: Info, input: gql.ChangePasswordInput
    ) -> gql.ChangePasswordPayload:
        async with info.context.writing(while_restricted=True) as session:
            user = await accounts.change_password(
                session,
                info.context.principal,
                current_password=input.current_password,
                new_password=input.new_password,
            )
        return gql.ChangePasswordPayload(user=user_node(user))

    @strawberry.mutation(description="Create an API key with the given scopes.")
    @mutation(gql.CreateApiKeyPayload)
    async def create_api_key(
        self, info: Info, input: gql.CreateApiKeyInput
    ) -> gql.CreateApiKeyPayload:
        async with info.context.writing() as session:
            created = await accounts.create_api_key(
                session,
                info.context.principal,
                name=input.name,
                scopes=[gql.permission_of(scope) for scope in input.scopes],
                expires_at=input.expires_at,
            )
        return gql.CreateApiKeyPayload(api_key=api_key_node(created.api_key), token=created.token)

    @strawberry.mutation(
        description=(
            "Give an API key a new secret; the current one keeps working for overlapSeconds."
        )
    )
    @mutation(gql.RotateApiKeyPayload)
    async def rotate_api_key(
        self, info: Info, input: gql.RotateApiKeyInput
    ) -> gql.RotateApiKeyPayload:
        key_id = decode_id(input.id, "ApiKey")
        async with info.context.writing() as session:
            rotated = await sessions.rotate_api_key(
                session,
                info.context.principal,
                api_key_id=key_id,
                overlap=timedelta(seconds=input.overlap_seconds),
            )
        return gql.RotateApiKeyPayload(api_key=api_key_node(rotated.api_key), token=rotated.token)

    @strawberry.mutation(description="End one of your sessions.")
    @mutation(gql.RevokeSessionPayload)
    async def revoke_session(
        self, info: Info, input: gql.RevokeSessionInput
    ) -> gql.RevokeSessionPayload:
        session_id = decode_id(input.id, "Session")
        async with info.context.writing() as session:
            ended = await sessions.revoke_session(
                session, info.context.principal, session_id=session_id
            )
        return gql.RevokeSessionPayload(session=session_node(ended, _session_id(info)))

    @strawberry.mutation(description="End every session of yours but this one.")
    @mutation(gql.RevokeOtherSessionsPayload)
    async def revoke_other_sessions(self, info: Info) -> gql.RevokeOtherSessionsPayload:
        async with info.context.writing() as session:
            count = await sessions.revoke_other_sessions(session, info.context.principal)
        return gql.RevokeOtherSessionsPayload(revoked_count=count)

    @strawberry.mutation(description="Revoke an API key; requests with it fail from now on.")
    @mutation(gql.RevokeApiKeyPayload)
    async def revoke_api_key(
        self, info: Info, input: gql.RevokeApiKeyInput
    ) -> gql.RevokeApiKeyPayload:
        key_id = decode_id(input.id, "ApiKey")
        async with info.context.writing() as session:
            key = await accounts.revoke_api_key(session, info.context.principal, api_key_id=key_id)
        return gql.RevokeApiKeyPayload(api_key=api_key_node(key))

    @strawberry.mutation(description="Invite someone by email to join with a role.")
    @mutation(gql.InviteMemberPayload)
    async def invite_member(
        self, info: Info, input: gql.InviteMemberInput
    ) -> gql.InviteMemberPayload:
        async with info.context.writing() as session:
            invitation, _token = await accounts.invite_member(
                session, info.context.principal, email=input.email, role=input.role.value
            )
        return gql.InviteMemberPayload(invitation=invitation_node(invitation))

    @strawberry.mutation(description="Join an organization you were invited to.")
    @mutation(gql.AcceptInvitationPayload)
    async def accept_invitation(
        self, info: Info, input: gql.AcceptInvitationInput
    ) -> gql.AcceptInvitationPayload:
        async with info.context.writing() as session:
            grant = await accounts.accept_invitation(
                session, info.context.principal, token=input.token, device=_device(info)
            )
        return gql.AcceptInvitationPayload(
            member=member_node(Member(grant.membership, grant.user)),
            organization=organization_node(grant.organization),
            token=grant.token,
        )

    @strawberry.mutation(description="Change a member's role.")
    @mutation(gql.UpdateMemberRolePayload)
    async def update_member_role(
        self, info: Info, input: gql.UpdateMemberRoleInput
    ) -> gql.UpdateMemberRolePayload:
        membership_id = decode_id(input.id, "Member")
        async with info.context.writing() as session:
            member = await accounts.update_member_role(
                session,
                info.context.principal,
                membership_id=membership_id,
                role=input.role.value,
            )
        return gql.UpdateMemberRolePayload(member=member_node(member))

    @strawberry.mutation(description="Remove a member; their sessions end.")
    @mutation(gql.RemoveMemberPayload)
    async def remove_member(
        self, info: Info, input: gql.RemoveMemberInput
    ) -> gql.RemoveMemberPayload:
        membership_id = decode_id(input.id, "Member")
        async with info.context.writing() as session:
            await accounts.remove_member(
                session, info.context.principal, membership_id=membership_id
            )
        return gql.RemoveMemberPayload(removed_member_id=input.id)

    @strawberry.mutation(
        description="Rename your organization or change its currency (until stock is received)."
    )
    @mutation(gql.UpdateOrganizationPayload)
    async def update_organization(
        self, info: Info, input: gql.UpdateOrganizationInput
    ) -> gql.UpdateOrganizationPayload:
        currency = input.currency_code.value if input.currency_code is not None else None
        method = input.cost_method.name if input.cost_method is not None else None
        async with info.context.writing() as session:
            organization = await organizations.update_organization(
                session,
                info.context.principal,
                name=input.name,
                currency_code=currency,
                cost_method=method,
            )
        return gql.UpdateOrganizationPayload(organization=organization_node(organization))

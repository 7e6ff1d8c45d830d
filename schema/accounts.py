from __future__ import annotations

from datetime import datetime
from enum import Enum, EnumMeta
from typing import cast

import strawberry

from schema.errors import AccountUserError
from schema.money import CurrencyCode
from schema.relay import Connection, Node
from services.permissions import PERMISSIONS


@strawberry.enum(description="A member's role; each role grants a fixed set of permissions.")
class Role(Enum):
    OWNER = "owner"
    ADMIN = "admin"
    MANAGER = "manager"
    MAKER = "maker"
    VIEWER = "viewer"


def scope_name(permission: str) -> str:
    """The schema's name of a permission: `inventory.read` is INVENTORY_READ."""
    return permission.replace(".", "_").upper()


ApiKeyScope = strawberry.enum(
    cast(
        EnumMeta,
        Enum(
            "ApiKeyScope",
            {
                scope_name(permission): strawberry.enum_value(permission, description=meaning)
                for permission, meaning in PERMISSIONS.items()
            },
        ),
    ),
    description=(
        "A permission: what an API key's scopes and a member's role allow. Webhook "
        "payloads and logs name it in its dotted form (INVENTORY_READ is inventory.read)."
    ),
)


def permission_of(scope: Enum) -> str:
    """The permission an ApiKeyScope value names, in the services' dotted form."""
    return str(scope.value)


@strawberry.type
class User(Node):
    email: str
    name: str
    created_at: datetime
    email_verified_at: datetime | None = strawberry.field(
        description=(
            "When the person proved the address (verifyEmail, an accepted invitation or a "
            "password reset). Until then they cannot invite members or create API keys."
        )
    )


@strawberry.enum(description="How a batch costs its lines; quantities are always drawn FIFO.")
class CostMethod(Enum):
    FIFO = strawberry.enum_value("FIFO", description="Each line costs exactly the lots it drew.")
    AVERAGE = strawberry.enum_value(
        "AVERAGE", description="Each line costs its quantity at the item's average cost at start."
    )


@strawberry.type
class Organization(Node):
    name: str
    currency_code: CurrencyCode = strawberry.field(
        description=(
            "The currency of every amount of money the organization records; it can change "
            "only until stock is first received."
        )
    )
    cost_method: CostMethod = strawberry.field(
        description="How batches cost what they draw; each batch keeps the method in force "
        "when it started."
    )
    created_at: datetime


@strawberry.type(description="A person's membership of the organization.")
class Member(Node):
    user: User
    role: Role
    created_at: datetime


@strawberry.type(description="An API key. The secret itself is shown only once, at creation.")
class ApiKey(Node):
    name: str
    prefix: str = strawberry.field(description="The first characters of the key.")
    scopes: list[ApiKeyScope]  # type: ignore[valid-type]
    created_at: datetime
    last_used_at: datetime | None = strawberry.field(
        description="When the key was last used, to the minute (written at most once a minute)."
    )
    revoked_at: datetime | None
    expires_at: datetime | None = strawberry.field(
        description="When the key stops working; null: it does not expire."
    )


@strawberry.type
class Invitation(Node):
    email: str
    role: Role
    created_at: datetime
    expires_at: datetime


@strawberry.type(description="Who is calling: a user session or an API key, and for whom.")
class Viewer:
    organization: Organization
    user: User | None
    role: Role | None
    api_key: ApiKey | None
    permissions: list[ApiKeyScope]  # type: ignore[valid-type]


@strawberry.type(description="One of your logged-in sessions.")
class Session(Node):
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None = strawberry.field(
        description="When it was last used, to the minute."
    )
    ip_address: str | None = strawberry.field(
        description="The client address it was opened from (see TRUSTED_PROXIES)."
    )
    user_agent: str | None = strawberry.field(description="The device's User-Agent at login.")
    current: bool = strawberry.field(description="Whether it is the session making this call.")


ApiKeyConnection = Connection[ApiKey]
SessionConnection = Connection[Session]
MemberConnection = Connection[Member]


@strawberry.input
class SignUpInput:
    email: str
    password: str
    name: str = ""
    organization_name: str | None = strawberry.field(
        default=None, description="Required unless invitationToken is given."
    )
    currency_code: CurrencyCode = strawberry.field(
        default=CurrencyCode.USD,
        description=(
            "The new organization's currency. With invitationToken it is not used: the "
            "organization joined keeps its own."
        ),
    )
    invitation_token: str | None = None


@strawberry.type
class SignUpPayload:
    user: User | None = None
    organization: Organization | None = None
    token: str | None = strawberry.field(default=None, description="A session bearer token.")
    expires_at: datetime | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class LogInInput:
    email: str
    password: str
    organization_id: strawberry.ID | None = strawberry.field(
        default=None, description="Which organization to act for; the first one if omitted."
    )


@strawberry.type
class LogInPayload:
    user: User | None = None
    organization: Organization | None = None
    token: str | None = None
    expires_at: datetime | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.type
class LogOutPayload:
    logged_out: bool = False
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.type
class ChangePasswordPayload:
    user: User | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateApiKeyInput:
    name: str
    scopes: list[ApiKeyScope] = strawberry.field(  # type: ignore[valid-type]
        description="Permissions such as INVENTORY_READ; you can only grant ones you hold."
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="When the key stops working (in the future); null: never."
    )


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKey | None = None
    token: str | None = strawberry.field(
        default=None, description="The secret key (bt_live_...). Shown only this once."
    )
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class RevokeApiKeyInput:
    id: strawberry.ID


@strawberry.type
class RevokeApiKeyPayload:
    api_key: ApiKey | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class InviteMemberInput:
    email: str
    role: Role


@strawberry.type
class InviteMemberPayload:
    invitation: Invitation | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class AcceptInvitationInput:
    token: str


@strawberry.type
class AcceptInvitationPayload:
    member: Member | None = None
    organization: Organization | None = None
    token: str | None = strawberry.field(
        default=None, description="A session token for the organization just joined."
    )
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class UpdateMemberRoleInput:
    id: strawberry.ID
    role: Role


@strawberry.type
class UpdateMemberRolePayload:
    member: Member | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class RemoveMemberInput:
    id: strawberry.ID


@strawberry.type
class RemoveMemberPayload:
    removed_member_id: strawberry.ID | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class UpdateOrganizationInput:
    name: str | None = strawberry.field(default=None, description="Null: unchanged.")
    currency_code: CurrencyCode | None = strawberry.field(
        default=None,
        description=(
            "Null: unchanged. Refused (CURRENCY_LOCKED) once any stock has been received: "
            "recorded costs and reports are amounts in the current currency."
        ),
    )
    cost_method: CostMethod | None = strawberry.field(
        default=None, description="Null: unchanged. Batches started from now on use it."
    )


@strawberry.type
class UpdateOrganizationPayload:
    organization: Organization | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class VerifyEmailInput:
    token: str = strawberry.field(description="The bt_verify_... token from the email.")


@strawberry.type
class VerifyEmailPayload:
    user: User | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.type
class SendVerificationEmailPayload:
    user: User | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class RequestPasswordResetInput:
    email: str


@strawberry.type
class RequestPasswordResetPayload:
    requested: bool = strawberry.field(
        default=False,
        description=(
            "True for any well-formed address: whether an account has it is not told. "
            "When one has, a token valid for one hour is emailed to it."
        ),
    )
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class ResetPasswordInput:
    token: str = strawberry.field(description="The bt_reset_... token from the email.")
    new_password: str


@strawberry.type
class ResetPasswordPayload:
    user: User | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class RotateApiKeyInput:
    id: strawberry.ID
    overlap_seconds: int = strawberry.field(
        default=86_400,
        description=(
            "How long the current secret keeps working beside the new one: 0 to 604800 "
            "(7 days); a day by default."
        ),
    )


@strawberry.type
class RotateApiKeyPayload:
    api_key: ApiKey | None = None
    token: str | None = strawberry.field(
        default=None, description="The new secret key (bt_live_...). Shown only this once."
    )
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.input
class RevokeSessionInput:
    id: strawberry.ID


@strawberry.type
class RevokeSessionPayload:
    session: Session | None = None
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)


@strawberry.type
class RevokeOtherSessionsPayload:
    revoked_count: int = 0
    user_errors: list[AccountUserError] = strawberry.field(default_factory=list)

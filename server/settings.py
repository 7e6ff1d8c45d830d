"""Every setting of the service, read from the environment once, here and nowhere else."""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

VAR_DIR = Path("var")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", frozen=True)

    database_url: str = Field(
        default=f"sqlite+aiosqlite:///{VAR_DIR}/batchtrack.db",
        description="SQLAlchemy async URL; PostgreSQL as postgresql+asyncpg://user@host/db.",
    )
    redis_url: str | None = Field(
        default=None, description="Redis for the throttle buckets shared by all API processes."
    )
    host: str = Field(default="127.0.0.1", description="Address `batchtrack serve` binds.")
    port: int = Field(default=8000, description="Port `batchtrack serve` listens on.")
    secret_key: str | None = Field(
        default=None,
        description="Server secret; generated into ./var/secret_key on first embedded run.",
    )
    sentry_dsn: str | None = Field(default=None, description="Send faults to Sentry.")
    sentry_environment: str = Field(default="development", description="Sentry environment.")
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed by CORS (JSON list)."
    )
    log_level: str = Field(default="INFO", description="Python log level.")
    graphiql: bool = Field(default=True, description="Serve GraphiQL on GET /graphql.")
    introspection: bool = Field(default=True, description="Allow schema introspection.")
    max_query_depth: int = Field(default=12, description="Deepest selection allowed.")
    max_query_tokens: int = Field(default=5000, description="Most tokens in one document.")
    max_query_aliases: int = Field(default=30, description="Most aliases in one document.")
    max_query_cost: int = Field(default=1000, description="Most points one query may cost.")
    planned_reads: bool = Field(
        default=True,
        description=(
            "Answer queries that planned reads cover without the field-by-field executor "
            "(same answers, several times faster); false to measure or rule them out."
        ),
    )
    api_key_cache_seconds: float = Field(
        default=2.0,
        ge=0,
        description=(
            "How long a process keeps an API key it verified (server/verified_keys.py): "
            "the longest another process may accept a revoked key; 0 looks every key up."
        ),
    )
    throttle_maximum: int = Field(default=2000, description="Cost points a caller may bank.")
    throttle_restore_rate: float = Field(
        default=100.0, description="Cost points a caller regains per second."
    )
    public_throttle_scale: float = Field(
        default=1.0,
        description=(
            "Multiplies the per-address buckets of logIn, signUp, requestPasswordReset, "
            "resetPassword and verifyEmail (server/public_limits.py); above 1 for load tests."
        ),
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description=(
            'Reverse proxies whose X-Forwarded-For is believed, as JSON: ["10.0.0.0/8"]. '
            "None by default, not even loopback: the peer is the client."
        ),
    )
    max_body_bytes: int = Field(default=1_000_000, description="Largest request body.")
    auto_migrate: bool | None = Field(
        default=None,
        description="Apply migrations at start; defaults to on for SQLite, off otherwise.",
    )
    smtp_url: str | None = Field(
        default=None, description="smtp://user:pass@host:port for outgoing mail; else logged."
    )
    mail_from: str = Field(default="BatchTrack <no-reply@batchtrack.local>")
    webhook_allow_http: bool = Field(
        default=False, description="Allow http:// webhook endpoints (development only)."
    )
    webhook_allowed_hosts: list[str] = Field(
        default_factory=list,
        description='Hosts exempt from the private-address check, as JSON: ["hooks.internal"].',
    )
    stripe_api_key: str | None = Field(
        default=None,
        description="Stripe secret key; without it billing is off and every organization "
        "runs on the local plan (Team limits).",
    )
    stripe_webhook_secret: str | None = Field(
        default=None, description="Signing secret (whsec_...) of POST /billing/stripe/webhook."
    )
    stripe_api_base: str | None = Field(
        default=None, description="Stripe API base URL, to point at a local Stripe peer."
    )
    billing_grace_days: int = Field(
        default=7, ge=0, description="Days a past-due organization keeps working."
    )
    billing_return_url: str = Field(
        default="http://localhost:8000/",
        description="Where Stripe Checkout and the billing portal send the customer back.",
    )
    trust_forwarded_proto: bool = Field(
        default=False, description="Behind a TLS proxy: honour X-Forwarded-Proto (for HSTS)."
    )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def should_auto_migrate(self) -> bool:
        return self.is_sqlite if self.auto_migrate is None else self.auto_migrate

    @cached_property
    def resolved_secret_key(self) -> str:
        if self.secret_key:
            return self.secret_key
        if not self.is_sqlite:
            raise RuntimeError("SECRET_KEY must be set outside the embedded SQLite mode")
        path = VAR_DIR / "secret_key"
        if not path.exists():
            VAR_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()

    def prepare_var_dir(self) -> None:
        if self.is_sqlite and ":memory:" not in self.database_url:
            path = self.database_url.split("///", 1)[-1]
            Path(path).parent.mkdir(parents=True, exist_ok=True)


def load_settings() -> Settings:
    return Settings()

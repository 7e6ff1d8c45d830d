"""JSON logs with a request id, and Sentry, both scrubbed of every secret by one function
(`scrub`): log records by the `RedactSecrets` filter that `configure_logging` installs,
Sentry events by `before_send`."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

import sentry_sdk
from graphql import GraphQLError
from sentry_sdk.integrations.logging import ignore_logger
from sentry_sdk.integrations.starlette import StarletteIntegration
from sentry_sdk.integrations.strawberry import StrawberryIntegration

from services.errors import ServiceError

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)

# Our own secrets and Stripe's, recognised by their prefix wherever they appear.
SECRET_PATTERN = re.compile(
    r"(bt_(?:live|sess|inv|verify|reset)_|whsec_|sk_(?:live|test)_)[A-Za-z0-9_\-+/=]+"
)
# Names whose values are secret: dictionary keys, URL query parameters, "name: value" text.
SECRET_KEYS = re.compile(
    r"pass(word)?|secret|token|api_?key|authorization|cookie|dsn|credential", re.IGNORECASE
)
REDACTED = "[redacted]"
# Credentials in an HTTP Authorization value.
_AUTH_SCHEME = re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=\-]+")
# A query parameter in a URL (reset links, webhook URLs with ?token=).
_QUERY_PARAM = re.compile(r"([?&;])([^=&#\s\"'<>]+)=([^&#\s\"'<>]*)")
# "token: ...", "password=...", '"secret": "..."' in free text (a mail body, a message).
_NAMED_VALUE = re.compile(
    r"\b(\w*?(?:token|secret|passw(?:or)?d|api[ _-]?key)\w*)([\"']?\s*[:=]\s*[\"']?)"
    r"(?!\[redacted\])([^\s\"',;&]+)",
    re.IGNORECASE,
)


class RedactSecrets(logging.Filter):
    """Scrubs a record in place before it is written: its message (with the arguments
    merged in), its `fields`, its traceback and stack. A handler's filter runs before
    the handler formats, and later handlers get the scrubbed record too."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            # A message that does not format is the handler's to report; nothing of it
            # is written but the format string, which holds no value.
            return True
        record.msg, record.args = scrub_text(message), ()
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            record.fields = scrub(fields)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub_text(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub_text(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in getattr(record, "fields", {}).items():
            entry[key] = value
        if record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, default=str)


def configure_logging(level: str, stream: TextIO | None = None) -> None:
    """JSON lines to stdout (or `stream`), every record scrubbed of secrets first."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Strawberry logs every resolver error with its traceback; ours are logged once, masked.
    logging.getLogger("strawberry.execution").setLevel(logging.CRITICAL)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = name != "uvicorn.access"


def _query_param(match: re.Match[str]) -> str:
    separator, name, value = match.groups()
    if value and SECRET_KEYS.search(name):
        value = REDACTED
    return f"{separator}{name}={value}"


def scrub_text(text: str) -> str:
    """Text with every secret in it replaced by [redacted]: prefixed tokens and keys,
    Authorization credentials, secret-named URL query parameters, "token: ..."."""
    text = SECRET_PATTERN.sub(lambda m: m.group(1) + REDACTED, text)
    text = _AUTH_SCHEME.sub(lambda m: f"{m.group(1)} {REDACTED}", text)
    text = _QUERY_PARAM.sub(_query_param, text)
    return _NAMED_VALUE.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)


def scrub(value: Any) -> Any:
    """Redact secret-looking values and anything under a secret-looking key: the one
    scrubbing function of logs and Sentry events."""
    if isinstance(value, dict):
        return {
            key: REDACTED if isinstance(key, str) and SECRET_KEYS.search(key) else scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    if isinstance(value, str):
        return scrub_text(value)
    return value


def is_expected(error: BaseException | None) -> bool:
    """Errors the caller caused (bad query, permission, user input) are not faults."""
    if isinstance(error, GraphQLError):
        return error.original_error is None or is_expected(error.original_error)
    return isinstance(error, ServiceError)


def before_send(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any] | None:
    exc_info = hint.get("exc_info")
    if exc_info and is_expected(exc_info[1]):
        return None
    request = event.get("request")
    if isinstance(request, dict):
        # GraphQL variables carry passwords and tokens: the body never leaves the server.
        request.pop("data", None)
        request.pop("cookies", None)
    scrubbed: dict[str, Any] = scrub(event)
    return scrubbed


def init_sentry(dsn: str | None, environment: str) -> None:
    if not dsn:
        return
    # A resolver fault is captured once by the Strawberry integration; the log line that
    # server/graphql.py writes for it would otherwise become a second, duplicate event.
    ignore_logger("batchtrack.graphql")
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        # No send_default_pii (deprecated): off by default, so no user data is collected;
        # before_send scrubs what integrations still attach.
        include_local_variables=False,
        integrations=[StarletteIntegration(), StrawberryIntegration(async_execution=True)],
        before_send=before_send,  # type: ignore[arg-type]
        traces_sample_rate=0.0,
    )


def tag_request(request_id: str) -> None:
    """The id quoted to the caller in an internal error finds the Sentry event."""
    sentry_sdk.get_isolation_scope().set_tag("request_id", request_id)


def tag_principal(organization_id: int | None, user_id: int | None) -> None:
    scope = sentry_sdk.get_isolation_scope()
    if organization_id is not None:
        scope.set_tag("organization_id", str(organization_id))
    if user_id is not None:
        scope.set_tag("user_id", str(user_id))

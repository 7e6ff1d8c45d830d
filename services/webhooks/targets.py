"""Where a webhook may be sent. Only https (unless http is allowed), and never to a
private, loopback, link-local, reserved or cloud-metadata address unless the host is
allow-listed. Checked when an endpoint is saved and again before every delivery, with
the addresses the delivery then connects to (so DNS rebinding gains nothing)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from services.error_codes import ErrorCode
from services.errors import UserInputError

MAX_URL_LENGTH = 2000
# A resolver that does not answer in this time counts as "does not resolve".
RESOLVE_SECONDS = 5.0
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class TargetPolicy:
    allow_http: bool = False
    # Hosts (names or literal addresses) exempt from the address check, e.g. an
    # internal receiver: the WEBHOOK_ALLOWED_HOSTS setting.
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Target:
    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]


class TargetRefused(UserInputError):
    pass


def _refuse(message: str, field_path: Sequence[str]) -> TargetRefused:
    return TargetRefused(ErrorCode.URL_NOT_ALLOWED, message, field_path)


def is_public(address: IpAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
        or not address.is_global
    )


def parse_url(url: str, policy: TargetPolicy, field_path: Sequence[str] = ("url",)) -> Target:
    """The URL's shape only (no DNS): scheme, host, port; no credentials."""
    text = url.strip()
    if not text or len(text) > MAX_URL_LENGTH:
        raise UserInputError(
            ErrorCode.INVALID_URL, f"url must be 1 to {MAX_URL_LENGTH} characters.", field_path
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise UserInputError(ErrorCode.INVALID_URL, "url is not a valid URL.", field_path) from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise UserInputError(
            ErrorCode.INVALID_URL, "url must be an absolute https:// URL.", field_path
        )
    if parts.scheme == "http" and not policy.allow_http:
        raise UserInputError(
            ErrorCode.HTTPS_REQUIRED,
            "url must use https (http is allowed only in development).",
            field_path,
        )
    if parts.username or parts.password:
        raise UserInputError(
            ErrorCode.INVALID_URL,
            "url cannot carry credentials; authenticate by signature.",
            field_path,
        )
    default_port = 443 if parts.scheme == "https" else 80
    return Target(text, parts.scheme, parts.hostname.lower(), port or default_port, ())


async def resolve(url: str, policy: TargetPolicy, field_path: Sequence[str] = ("url",)) -> Target:
    """Parse and resolve the URL; refuse it unless every address it resolves to is public
    (or the host is allow-listed)."""
    target = parse_url(url, policy, field_path)
    try:
        literal: IpAddress | None = ipaddress.ip_address(target.host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            async with asyncio.timeout(RESOLVE_SECONDS):
                infos = await asyncio.get_running_loop().getaddrinfo(
                    target.host, target.port, type=socket.SOCK_STREAM
                )
        except (OSError, UnicodeError, TimeoutError):
            raise _refuse(f"The host {target.host} does not resolve.", field_path) from None
        addresses = sorted({str(info[4][0]) for info in infos})
    allowed = target.host in policy.allowed_hosts or target.host.strip("[]") in policy.allowed_hosts
    if not allowed:
        for address in addresses:
            if not is_public(ipaddress.ip_address(address.split("%")[0])):
                raise _refuse(
                    f"{target.host} resolves to {address}, a private or reserved address; "
                    "webhooks go to public hosts only (or allow-list it in "
                    "WEBHOOK_ALLOWED_HOSTS).",
                    field_path,
                )
    return Target(target.url, target.scheme, target.host, target.port, tuple(addresses))

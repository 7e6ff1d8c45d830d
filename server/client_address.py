"""The client's address, as the throttles and the session list see it.

Behind a reverse proxy every request comes from the proxy, and the client's address is in
X-Forwarded-For, a header anyone can write. It is read only when the peer is one of the
TRUSTED_PROXIES (addresses or networks; none by default, not even loopback, which is
what uvicorn trusts unless told otherwise), walking from the right past trusted hops: the
first address no trusted proxy vouches for is the client. A client adding its own
X-Forwarded-For entries only adds entries left of the one its proxy appended."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

from starlette.types import ASGIApp, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """TRUSTED_PROXIES entries as networks; a bad entry stops the start (ValueError)."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values)


def _trusted(address: str, networks: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(
    peer: str | None, forwarded_for: str | None, networks: Sequence[Network]
) -> str | None:
    if peer is None or not forwarded_for or not _trusted(peer, networks):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # garbage where an address should be: trust nothing in it
    return hops[0] if hops else peer  # every hop is a trusted proxy


class ClientAddress:
    """Puts the client's address (above) in scope["client"] for everything downstream."""

    def __init__(self, app: ASGIApp, *, trusted_proxies: Sequence[Network]) -> None:
        self.app = app
        self.networks = tuple(trusted_proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.networks and scope.get("client"):
            peer, port = scope["client"]
            header = [v for k, v in scope["headers"] if k == b"x-forwarded-for"]
            forwarded = ",".join(v.decode("latin-1") for v in header) if header else None
            address = client_address(peer, forwarded, self.networks)
            if address != peer:
                scope = dict(scope, client=(address, port))
        await self.app(scope, receive, send)

"""Verified API keys, kept for a few seconds per process: authenticating a key costs a
database round trip and a principal built from its row, more than a planned read itself.

An entry is keyed by the token's SHA-256 (the token itself is never kept), holds the
principal the lookup made and lives `ttl` seconds of `services.db.utcnow()` (the clock
tests move). What bounds a revocation's delay:
- in the process that commits any mutation (revokeApiKey, rotateApiKey, a plan change...),
  `forget_all` runs after the commit, so that process refuses the key on its next request;
- in the other processes, an entry lives at most `ttl` seconds.
Only API keys are kept: a session's principal also changes with its member's role.
Failures (an unknown, revoked or expired key) are never kept, so a key works as soon as
it is created.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime, timedelta

from services.accounts.secrets import token_digest
from services.db import utcnow
from services.permissions import Principal

DEFAULT_TTL = timedelta(seconds=2)  # API_KEY_CACHE_SECONDS's default
MAX_KEYS = 10_000


class VerifiedKeys:
    def __init__(self, ttl: timedelta = DEFAULT_TTL, maxsize: int = MAX_KEYS) -> None:
        self.ttl = ttl
        self.maxsize = maxsize
        self._entries: OrderedDict[str, tuple[Principal, datetime]] = OrderedDict()

    def get(self, token: str) -> Principal | None:
        """The principal a recent lookup of this token made, if still fresh."""
        digest = token_digest(token)
        found = self._entries.get(digest)
        if found is None:
            return None
        principal, until = found
        if utcnow() >= until:
            del self._entries[digest]
            return None
        return principal

    def keep(self, token: str, principal: Principal) -> None:
        if self.ttl <= timedelta(0):
            return
        self._entries[token_digest(token)] = (principal, utcnow() + self.ttl)
        if len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)

    def forget_all(self) -> None:
        self._entries.clear()

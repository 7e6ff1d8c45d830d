"""Per-address buckets for the operations anyone may call without a token (logIn,
signUp, requestPasswordReset, resetPassword, verifyEmail), beside the cost bucket: a
guesser or a sign-up spammer runs out of attempts long before the cost budget would stop
them. Each root field is one attempt, so aliasing thirty logIns into one document buys
nothing. The buckets are shared through Redis when there is one (server/throttle.py)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)
from graphql.utilities import get_operation_ast

from server.throttle import CostBucket
from services.errors import Throttled


@dataclass(frozen=True)
class Limit:
    burst: int  # attempts an address may make at once
    per_minute: float  # attempts it regains each minute


# Stricter where a guess is worth most (a password, a reset) or an attempt costs most
# (argon2, an email sent); verifyEmail's token is 256 random bits, not guessable.
PUBLIC_LIMITS: dict[str, Limit] = {
    "logIn": Limit(burst=10, per_minute=6),
    "signUp": Limit(burst=10, per_minute=2),
    "requestPasswordReset": Limit(burst=5, per_minute=1),
    "resetPassword": Limit(burst=10, per_minute=6),
    "verifyEmail": Limit(burst=20, per_minute=20),
}

BucketFactory = Callable[[int, float], CostBucket]


def root_fields(document: DocumentNode, operation_name: str | None) -> Iterator[str]:
    """The names of the operation's root fields, fragments followed, once per occurrence."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }

    def walk(selection_set: SelectionSetNode, seen: frozenset[str]) -> Iterator[str]:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield selection.name.value
            elif isinstance(selection, InlineFragmentNode):
                yield from walk(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:  # a cycle is invalid anyway
                    yield from walk(fragment.selection_set, seen | {name})

    yield from walk(operation.selection_set, frozenset())


class PublicLimits:
    def __init__(self, make_bucket: BucketFactory, scale: float = 1.0) -> None:
        self.buckets = {
            name: make_bucket(max(1, round(limit.burst * scale)), limit.per_minute * scale / 60)
            for name, limit in PUBLIC_LIMITS.items()
        }

    async def check(self, address: str, document: DocumentNode, name: str | None) -> None:
        """Take one attempt per public root field from the address's buckets; Throttled
        (with the seconds until one is back) when any bucket is empty."""
        wanted: dict[str, int] = {}
        for field in root_fields(document, name):
            if field in self.buckets:
                wanted[field] = wanted.get(field, 0) + 1
        for field, attempts in sorted(wanted.items()):
            bucket = self.buckets[field]
            state = await bucket.take(f"public:{field}:{address}", attempts)
            if not state.allowed:
                wait = max(1, math.ceil((attempts - state.available) / bucket.restore_rate))
                raise Throttled(
                    f"Too many {field} attempts from your address; retry in about {wait} s.",
                    retry_after_seconds=wait,
                )

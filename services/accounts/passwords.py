"""The password policy: long enough, not too long to hash, and not guessable.

Guessability is judged by zxcvbn (dictionaries, keyboard walks, repeats, dates, l33t),
which also penalizes the person's own email, name and organization name: a password
built from what an attacker already knows about the account is a weak one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence

from zxcvbn import zxcvbn

from services.error_codes import ErrorCode
from services.errors import FieldProblem, UserInputError

PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 256
# zxcvbn's score: 3 is "safely unguessable: moderate protection from offline slow-hash
# scenario" (about 10^10 guesses), the level OWASP ASVS 2.1.7's estimators aim at.
MIN_STRENGTH_SCORE = 3
# zxcvbn refuses longer input (its matching grows quickly with length); a password's first
# 72 characters being strong is enough for it to be strong.
_ESTIMATED_PREFIX = 72


def _user_inputs(values: Iterable[str | None]) -> list[str]:
    words: list[str] = []
    for value in values:
        if not value:
            continue
        words.append(value.lower())
        if "@" in value:
            words.append(value.split("@", 1)[0].lower())  # the email's local part
        words.extend(part.lower() for part in value.split() if len(part) > 2)
    return words


def _weakness(password: str, user_inputs: list[str]) -> str | None:
    """The estimator's feedback when the password is guessable, else None."""
    result = zxcvbn(password[:_ESTIMATED_PREFIX], user_inputs=user_inputs)
    if result["score"] >= MIN_STRENGTH_SCORE:
        return None
    feedback = result["feedback"]
    own = any(m.get("dictionary_name") == "user_inputs" for m in result["sequence"])
    warning = feedback.get("warning") or (
        "It is built from your email, name or organization name."
        if own
        else "This password is easy to guess."
    )
    advice = [warning]
    advice += feedback.get("suggestions") or []
    advice.append("A few uncommon words make a strong, memorable password.")
    return " ".join(line for line in advice if line)


async def check_new_password(
    password: str,
    *,
    user_inputs: Iterable[str | None] = (),
    field: Sequence[str] = ("password",),
) -> str:
    """The password when acceptable, else a UserInputError naming every problem: too
    short (PASSWORD_TOO_SHORT), too long (TOO_LONG), guessable (PASSWORD_TOO_WEAK, with
    the estimator's feedback). The estimate costs milliseconds of CPU: it runs in a
    thread, beside the event loop."""
    field = tuple(field)
    if len(password) > PASSWORD_MAX_LENGTH:
        raise UserInputError(
            ErrorCode.TOO_LONG,
            f"password must have at most {PASSWORD_MAX_LENGTH} characters.",
            field,
        )
    problems: list[FieldProblem] = []
    if len(password) < PASSWORD_MIN_LENGTH:
        problems.append(
            FieldProblem(
                ErrorCode.PASSWORD_TOO_SHORT,
                f"password must have at least {PASSWORD_MIN_LENGTH} characters.",
                field,
            )
        )
    weakness = await asyncio.to_thread(_weakness, password, _user_inputs(user_inputs))
    if weakness is not None:
        problems.append(FieldProblem(ErrorCode.PASSWORD_TOO_WEAK, weakness, field))
    if problems:
        raise UserInputError.of(problems)
    return password

from __future__ import annotations

import strawberry


@strawberry.type(
    description=(
        "Something the caller can fix. `field` is the path to the input field at fault; "
        "`code` is stable and safe to branch on."
    )
)
class UserError:
    field: list[str] | None
    message: str
    code: str

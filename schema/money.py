from __future__ import annotations

from decimal import Decimal
from enum import Enum

import strawberry

from services.currencies import CURRENCY_CODES

# The members are the codes of services/currencies.py, the one list the services check too.
CurrencyCode = strawberry.enum(
    Enum("CurrencyCode", {code: code for code in CURRENCY_CODES}),
    description=(
        "An active ISO 4217 currency code. Amounts are exact to 6 decimal places of the "
        "currency's main unit, whatever its minor unit."
    ),
)  # type: ignore[call-overload]


@strawberry.type(description="An exact amount of money in the organization's currency.")
class Money:
    amount: Decimal
    currency_code: CurrencyCode  # type: ignore[valid-type]

"""Every type and root field planned reads cover: each domain's catalog, merged."""

from __future__ import annotations

from resolvers.planned import events, inventory, recipes
from resolvers.planned.plan import Catalog

CATALOG = Catalog(
    roots={**inventory.CATALOG.roots, **recipes.CATALOG.roots, **events.CATALOG.roots},
    types={**inventory.CATALOG.types, **recipes.CATALOG.types, **events.CATALOG.types},
)

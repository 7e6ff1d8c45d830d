"""Instruction steps: inherited, not copied.

Each version stores a layer of step rows (`Layer`): its own steps, and overrides and
omissions of steps it inherits, each by the step's stable key. An original recipe's
layer is all its own steps. A variation's or test's steps are resolved when read: the
steps of its source lineage's current version (themselves resolved the same way, up to
the original), then its own layer on top. So an edit to a source's step reaches every
descendant, at every level, that has not overridden that step, and an override in
between is what the levels below it inherit.

- An own step of a descendant goes right after the inherited step named by its `after`
  key (steps after the same one keep their order), or at the end without one; if that
  inherited step disappears from the source, the own step moves to the end.
- A step the source adds appears in every descendant; a step it removes disappears, and
  a descendant's override of it is kept but shows nowhere.
- An override replaces the inherited step's text, duration and temperature as a whole;
  an omission leaves the step out (of the recipe and of its own descendants).
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.recipes.models import Recipe, RecipeStep, StepKind

# A source chain is as deep as the variations of variations a maker made; this bounds
# the walk should a chain ever be corrupt.
MAX_DESCENT = 100


@dataclass(frozen=True)
class StepContent:
    text: str
    duration_minutes: int | None = None
    temperature: Decimal | None = None
    temperature_unit: str | None = None


@dataclass(frozen=True)
class OwnStep:
    key: str
    content: StepContent
    after: str | None = None


@dataclass(frozen=True)
class Layer:
    """What one version says about its steps."""

    own: tuple[OwnStep, ...] = ()
    overrides: Mapping[str, StepContent] = field(default_factory=dict)
    omitted: frozenset[str] = frozenset()

    def overrides_or_omits(self, key: str) -> bool:
        return key in self.overrides or key in self.omitted


EMPTY = Layer()


@dataclass(frozen=True)
class ResolvedStep:
    key: str
    content: StepContent
    # The version whose layer holds the content shown.
    defined_in: int
    # Replaced by the recipe resolved (not by one between it and the step's origin).
    overridden: bool = False
    # For an override: the inherited step it replaces, as the source gives it now.
    replaces: ResolvedStep | None = None


def new_step_key() -> str:
    """Keys name a step across a whole tree of variations (overrides and `after` refer
    to them), so they are random rather than numbered per recipe."""
    return "st_" + secrets.token_hex(8)


def _carried(step: ResolvedStep) -> ResolvedStep:
    return replace(step, overridden=False, replaces=None)


def apply(layer: Layer, recipe_id: int, inherited: Sequence[ResolvedStep]) -> list[ResolvedStep]:
    """The steps of a version whose layer is `layer`, over the steps it inherits."""
    keys = {step.key for step in inherited}
    anchored: dict[str | None, list[OwnStep]] = defaultdict(list)
    for own in layer.own:
        anchored[own.after if own.after in keys else None].append(own)

    def mine(own: OwnStep) -> ResolvedStep:
        return ResolvedStep(own.key, own.content, recipe_id)

    steps: list[ResolvedStep] = []
    for step in inherited:
        if step.key in layer.overrides:
            content = layer.overrides[step.key]
            steps.append(ResolvedStep(step.key, content, recipe_id, True, _carried(step)))
        elif step.key not in layer.omitted:
            steps.append(_carried(step))
        steps.extend(mine(own) for own in anchored.pop(step.key, ()))
    steps.extend(mine(own) for own in anchored.pop(None, ()))
    return steps


def resolve(chain: Sequence[tuple[int, Layer]]) -> list[ResolvedStep]:
    """The steps at the end of a chain of (version id, layer), from the original down."""
    steps: list[ResolvedStep] = []
    for recipe_id, layer in chain:
        steps = apply(layer, recipe_id, steps)
    return steps


def materialize(base: Sequence[ResolvedStep], target: Sequence[ResolvedStep]) -> Layer:
    """The layer that, over `base`, gives `target`'s steps (keys and contents): how a
    test's resolved steps become its source's next version (promoteRecipeTest). Steps of
    `base` that `target` changes become overrides, those it lacks omissions, the others
    own steps placed where `target` has them."""
    base_keys = [step.key for step in base]
    by_key = {step.key: step for step in base}
    own: list[OwnStep] = []
    overrides: dict[str, StepContent] = {}
    for index, step in enumerate(target):
        if step.key in by_key:
            if step.content != by_key[step.key].content:
                overrides[step.key] = step.content
            continue
        following = next((s.key for s in target[index + 1 :] if s.key in by_key), None)
        after = None  # after the last inherited step: at the end
        if following is not None:
            preceding = next((s.key for s in reversed(target[:index]) if s.key in by_key), None)
            if preceding is None:
                # Before the first inherited step shown: the steps before that one are
                # omitted (a step can only follow one), so it follows the last of them.
                position = base_keys.index(following)
                assert position > 0, "nothing precedes the first step"
                preceding = base_keys[position - 1]
            after = preceding
        own.append(OwnStep(step.key, step.content, after))
    shown = {step.key for step in target}
    return Layer(tuple(own), overrides, frozenset(k for k in base_keys if k not in shown))


# --- stored layers ---------------------------------------------------------------------


def content_of(row: RecipeStep) -> StepContent:
    return StepContent(
        text=row.text or "",
        duration_minutes=row.duration_minutes,
        temperature=row.temperature,
        temperature_unit=row.temperature_unit,
    )


def layer_of(rows: Iterable[RecipeStep]) -> Layer:
    own: list[OwnStep] = []
    overrides: dict[str, StepContent] = {}
    omitted: set[str] = set()
    for row in sorted(rows, key=lambda r: (r.position, r.id)):
        if row.kind == StepKind.OWN:
            own.append(OwnStep(row.key, content_of(row), row.after_key))
        elif row.kind == StepKind.OVERRIDE:
            overrides[row.key] = content_of(row)
        else:
            omitted.add(row.key)
    return Layer(tuple(own), overrides, frozenset(omitted))


def rows_of(layer: Layer, organization_id: int, recipe_id: int) -> list[RecipeStep]:
    """The rows that store `layer` for a version."""

    def row(
        key: str,
        kind: StepKind,
        content: StepContent | None,
        position: int = 0,
        after: str | None = None,
    ) -> RecipeStep:
        return RecipeStep(
            organization_id=organization_id,
            recipe_id=recipe_id,
            key=key,
            kind=kind.value,
            position=position,
            after_key=after,
            text=content.text if content else None,
            duration_minutes=content.duration_minutes if content else None,
            temperature=content.temperature if content else None,
            temperature_unit=content.temperature_unit if content else None,
        )

    rows = [
        row(own.key, StepKind.OWN, own.content, position, own.after)
        for position, own in enumerate(layer.own, start=1)
    ]
    for key, content in sorted(layer.overrides.items()):
        rows.append(row(key, StepKind.OVERRIDE, content))
    rows.extend(row(key, StepKind.OMIT, None) for key in sorted(layer.omitted))
    return rows


async def layers(session: AsyncSession, recipe_ids: Iterable[int]) -> dict[int, Layer]:
    wanted = set(recipe_ids)
    if not wanted:
        return {}
    rows = await session.scalars(select(RecipeStep).where(RecipeStep.recipe_id.in_(wanted)))
    grouped: dict[int, list[RecipeStep]] = defaultdict(list)
    for row in rows:
        grouped[row.recipe_id].append(row)
    return {key: layer_of(grouped.get(key, ())) for key in wanted}


async def current_versions(
    session: AsyncSession, organization_id: int, lineage_ids: Iterable[int]
) -> dict[int, Recipe]:
    """The current version of each lineage, by lineage id."""
    wanted = set(lineage_ids)
    if not wanted:
        return {}
    rows = await session.scalars(
        select(Recipe).where(
            Recipe.organization_id == organization_id,
            Recipe.lineage_id.in_(wanted),
            Recipe.is_current.is_(True),
        )
    )
    return {row.lineage_id: row for row in rows}


async def resolved_steps(
    session: AsyncSession, organization_id: int, recipes: Sequence[Recipe]
) -> dict[int, list[ResolvedStep]]:
    """The steps of each version, by id: one query per level of descent, whatever the
    number of versions."""
    chains: dict[int, list[Recipe]] = {recipe.id: [recipe] for recipe in recipes}
    pending = {recipe.id: recipe for recipe in recipes if recipe.source_lineage_id is not None}
    for _ in range(MAX_DESCENT):
        if not pending:
            break
        wanted = {r.source_lineage_id for r in pending.values() if r.source_lineage_id}
        sources = await current_versions(session, organization_id, wanted)
        reached: dict[int, Recipe] = {}
        for recipe_id, deepest in pending.items():
            assert deepest.source_lineage_id is not None
            source = sources[deepest.source_lineage_id]
            chains[recipe_id].append(source)
            if source.source_lineage_id is not None:
                reached[recipe_id] = source
        pending = reached
    stored = await layers(session, {r.id for chain in chains.values() for r in chain})
    return {
        recipe_id: resolve([(r.id, stored[r.id]) for r in reversed(chain)])
        for recipe_id, chain in chains.items()
    }


async def inherited_steps(
    session: AsyncSession, organization_id: int, source_lineage_id: int | None
) -> list[ResolvedStep]:
    """What a descendant of `source_lineage_id` inherits: the steps of that lineage's
    current version (none for an original)."""
    if source_lineage_id is None:
        return []
    source = (await current_versions(session, organization_id, [source_lineage_id]))[
        source_lineage_id
    ]
    return (await resolved_steps(session, organization_id, [source]))[source.id]

"""Steps are inherited: a source's edit reaches every descendant that has not overridden
the step, through every level; overrides are explicit and can be reverted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.recipes.content import TemperatureInput
from services.recipes.steps import (
    Layer,
    OwnStep,
    StepContent,
    apply,
    materialize,
    resolve,
)
from tests.services.accounts.givens import Actor, refused, sign_up
from tests.services.recipes.givens import (
    create_recipe,
    kitchen,
    override,
    overriding,
    publish,
    reverting,
    run,
    soap_recipe,
    step,
    steps_now,
    texts,
    update_recipe,
    variation,
    varying,
)

pytestmark = pytest.mark.recipes


def _own(*pairs: tuple[str, str | None]) -> tuple[OwnStep, ...]:
    return tuple(OwnStep(key, StepContent(key.upper()), after) for key, after in pairs)


def _keys(layers: list[tuple[int, Layer]]) -> list[str]:
    return [s.key for s in resolve(layers)]


# --- the rules, without a database -----------------------------------------------------

ORIGINAL = (1, Layer(_own(("a", None), ("b", None), ("c", None))))


def test_own_steps_of_a_descendant_go_after_the_step_they_name_or_at_the_end():
    child = Layer(_own(("x", "a"), ("y", "a"), ("z", None), ("w", "gone")))
    assert _keys([ORIGINAL, (2, child)]) == ["a", "x", "y", "b", "c", "z", "w"]


def test_an_omitted_step_keeps_the_steps_placed_after_it():
    child = Layer(_own(("x", "a")), omitted=frozenset({"a"}))
    assert _keys([ORIGINAL, (2, child)]) == ["x", "b", "c"]


def test_an_override_shows_in_place_and_says_what_it_replaces():
    child = Layer(overrides={"b": StepContent("B, slowly", 5)})
    [a, b, c] = resolve([ORIGINAL, (2, child)])
    assert (b.content, b.defined_in, b.overridden) == (StepContent("B, slowly", 5), 2, True)
    assert b.replaces is not None
    assert (b.replaces.content.text, b.replaces.defined_in) == ("B", 1)
    assert (a.defined_in, a.overridden, c.overridden) == (1, False, False)


def test_an_override_below_is_inherited_plainly_one_level_further_down():
    middle = Layer(overrides={"b": StepContent("B, slowly")})
    [_, b, _] = resolve([ORIGINAL, (2, middle), (3, Layer())])
    assert (b.content.text, b.defined_in, b.overridden, b.replaces) == ("B, slowly", 2, False, None)


def test_an_override_of_a_step_the_source_removed_shows_nowhere():
    child = Layer(overrides={"gone": StepContent("G")})
    assert _keys([ORIGINAL, (2, child)]) == ["a", "b", "c"]


@pytest.mark.parametrize(
    "child",
    [
        Layer(),
        Layer(_own(("x", "a"), ("y", None))),
        Layer(_own(("x", "a")), omitted=frozenset({"a"})),
        Layer(_own(("x", "b"), ("y", "b")), {"c": StepContent("C!")}, frozenset({"a", "b"})),
        Layer(_own(("x", None)), omitted=frozenset({"a", "b", "c"})),
    ],
)
def test_materializing_a_resolved_list_over_its_base_gives_the_same_list(child):
    base = resolve([ORIGINAL])
    target = apply(child, 2, base)
    again = apply(materialize(base, target), 3, base)
    assert [(s.key, s.content) for s in again] == [(s.key, s.content) for s in target]


# --- through the service -----------------------------------------------------------------


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


@pytest.fixture
async def family(sessions, owner):
    """A published castile soap (melt, lye, pour), its variation Lavender, and
    Lavender's own variation Lavender & honey."""
    k = await kitchen(sessions, owner.principal)
    base = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, steps=[step("Melt"), step("Add the lye"), step("Pour", minutes=5)]),
    )
    await publish(sessions, owner.principal, base.id)
    lavender = await variation(sessions, owner.principal, base.id, "Lavender")
    honey = await variation(sessions, owner.principal, lavender.id, "Lavender & honey")
    return base, lavender, honey


async def test_a_variation_inherits_its_sources_steps_without_copying_them(sessions, owner, family):
    base, lavender, honey = family
    keys = [s.key for s in await steps_now(sessions, owner.principal, base.id)]
    for descendant in (lavender, honey):
        found = await steps_now(sessions, owner.principal, descendant.id)
        assert [(s.key, s.content.text, s.defined_in) for s in found] == [
            (keys[0], "Melt", base.id),
            (keys[1], "Add the lye", base.id),
            (keys[2], "Pour", base.id),
        ]


async def test_an_edit_of_the_source_reaches_two_levels_down_except_where_overridden(
    sessions, owner, family
):
    base, lavender, honey = family
    melt, lye, pour = await steps_now(sessions, owner.principal, base.id)
    # given the middle recipe overrides the lye step
    lavender = await override(
        sessions, owner.principal, lavender.id, lye.key, "Add the lye, then the lavender"
    )
    # when the source's melt and lye steps are reworded and published
    v2 = await update_recipe(
        sessions,
        owner.principal,
        base.id,
        steps=[
            step("Melt at 45 C", key=melt.key),
            step("Add the lye solution", key=lye.key),
            step("Pour", key=pour.key, minutes=5),
        ],
    )
    # (a draft: descendants follow the current version, which is still version 1)
    assert (await texts(sessions, owner.principal, honey.id))[0] == "Melt"
    await publish(sessions, owner.principal, v2.id)

    # then the melt edit reaches both levels; the lye step shows the middle's override
    assert await texts(sessions, owner.principal, lavender.id) == [
        "Melt at 45 C",
        "Add the lye, then the lavender",
        "Pour",
    ]
    [m, y, p] = await steps_now(sessions, owner.principal, honey.id)
    assert (m.content.text, m.defined_in, m.overridden) == ("Melt at 45 C", v2.id, False)
    assert (y.content.text, y.defined_in, y.overridden) == (
        "Add the lye, then the lavender",
        lavender.id,
        False,
    )
    assert (p.content.duration_minutes, p.defined_in) == (5, v2.id)
    # and in the middle, the override says what it replaces now
    middle = (await steps_now(sessions, owner.principal, lavender.id))[1]
    assert middle.overridden is True
    assert middle.replaces is not None
    assert (middle.replaces.content.text, middle.replaces.defined_in) == (
        "Add the lye solution",
        v2.id,
    )


async def test_reverting_an_override_brings_the_inherited_step_back(sessions, owner, family):
    base, lavender, honey = family
    _, lye, _ = await steps_now(sessions, owner.principal, base.id)
    await override(sessions, owner.principal, lavender.id, lye.key, "Lye and lavender")
    assert (await texts(sessions, owner.principal, honey.id))[1] == "Lye and lavender"
    # when
    await run(sessions, reverting(owner.principal, lavender.id, lye.key))
    # then both levels show the source's step again, and follow it
    for descendant in (lavender, honey):
        assert (await texts(sessions, owner.principal, descendant.id))[1] == "Add the lye"
    problem = await refused(sessions, reverting(owner.principal, lavender.id, lye.key))
    assert (problem.code, problem.field) == ("STEP_NOT_OVERRIDDEN", ("step_key",))


async def test_an_override_keeps_what_it_does_not_give_from_the_inherited_step(
    sessions, owner, family
):
    base, lavender, _ = family
    _, _, pour = await steps_now(sessions, owner.principal, base.id)
    await override(
        sessions,
        owner.principal,
        lavender.id,
        pour.key,
        temperature=TemperatureInput(Decimal("40.5"), "C"),
    )
    shown = (await steps_now(sessions, owner.principal, lavender.id))[2]
    assert shown.content == StepContent("Pour", 5, Decimal("40.5"), "C")


async def test_an_omitted_step_disappears_below_too(sessions, owner, family):
    base, lavender, honey = family
    melt, _, _ = await steps_now(sessions, owner.principal, base.id)
    await override(sessions, owner.principal, lavender.id, melt.key, omitted=True)
    assert await texts(sessions, owner.principal, honey.id) == ["Add the lye", "Pour"]


async def test_a_descendants_own_steps_sit_after_the_inherited_step_they_name(
    sessions, owner, family
):
    base, lavender, honey = family
    melt, lye, pour = await steps_now(sessions, owner.principal, base.id)
    await update_recipe(
        sessions,
        owner.principal,
        lavender.id,
        steps=[step("Add the lavender oil", after=lye.key), step("Top with buds")],
    )
    assert await texts(sessions, owner.principal, honey.id) == [
        "Melt",
        "Add the lye",
        "Add the lavender oil",
        "Pour",
        "Top with buds",
    ]
    # when the source drops the lye step, the step placed after it moves to the end
    v2 = await update_recipe(
        sessions,
        owner.principal,
        base.id,
        steps=[step("Melt", key=melt.key), step("Pour", key=pour.key)],
    )
    await publish(sessions, owner.principal, v2.id)
    assert await texts(sessions, owner.principal, lavender.id) == [
        "Melt",
        "Pour",
        "Add the lavender oil",
        "Top with buds",
    ]


async def test_overriding_a_published_variation_makes_its_next_version(sessions, owner, family):
    base, lavender, _ = family
    _, lye, _ = await steps_now(sessions, owner.principal, base.id)
    published = await publish(sessions, owner.principal, lavender.id)
    # when
    edited = await override(sessions, owner.principal, lavender.id, lye.key, "Lye, lavender")
    # then version 2 holds the override; version 1 still shows the inherited step
    assert (edited.version, edited.lineage_id) == (2, published.id)
    assert (await texts(sessions, owner.principal, published.id))[1] == "Add the lye"
    assert (await texts(sessions, owner.principal, edited.id))[1] == "Lye, lavender"


async def test_only_inherited_steps_are_overridden(sessions, owner, family):
    base, lavender, _ = family
    own = await steps_now(sessions, owner.principal, base.id)
    problem = await refused(sessions, overriding(owner.principal, base.id, own[0].key, "No"))
    assert (problem.code, problem.field) == ("STEP_NOT_INHERITED", ("step_key",))
    problem = await refused(sessions, overriding(owner.principal, lavender.id, "st_none", "No"))
    assert (problem.code, problem.field) == ("NOT_FOUND", ("step_key",))
    # an own step's `after` must name an inherited step
    problem = await refused(
        sessions, varying(owner.principal, base.id, steps=[step("X", after="st_none")])
    )
    assert (problem.code, problem.field) == ("NOT_FOUND", ("changes", "steps", "0", "after"))

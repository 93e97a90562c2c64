"""Pure rules of the home page: which sections a person sees, a meeting's pack state in
words, and what counts as new for the Director. No database, no requests.

- Sections: every role's home leads to its work, so each role held adds its section, in
  a fixed order: the Director's page first, then each role's work, then the actions the
  person's posts lead, then the summaries. Anyone holding a post today sees the actions
  their posts lead. A viewer sees the plan and scorecard summaries, and so does anyone
  for whom nothing else applies: nobody's home is only "you hold no posts".
- Heading: the Director's page is "The Director's view"; a home whose only work is the
  actions a person leads is "Your actions"; one with no work but the summaries, "Where
  the plan and the scorecard stand"; any other mix of work, "Your work".
- Pack state: what a meeting's papers have reached, read from its packs: published
  (a published pack not withdrawn), built and waiting to be published, being built,
  failed, or not built. A withdrawn pack is not published.
- Papers: due while the papers deadline is today or ahead; past once it has passed and
  no pack has been built.
- New: an action's latest update is new to the Director when it came after the last
  review she recorded (of any action), or when she has never recorded one.
- Change since the last board, per priority: actions whose RAG got better or worse,
  newly overdue and completed (improvement_plan.domain.changes decides each), in words.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from governance import roles
from governance.domain.minutes import day_in_words

DIRECTOR, ACTIONS, PERFORMANCE = "director", "actions", "performance"
DEMOCRATIC, ADMINISTRATOR, SUMMARIES = "democratic", "administrator", "summaries"

SECTION_ORDER = (DIRECTOR, PERFORMANCE, DEMOCRATIC, ADMINISTRATOR, ACTIONS, SUMMARIES)
ROLE_SECTIONS = {
    roles.DIRECTOR: DIRECTOR,
    roles.LEAD_OFFICER: ACTIONS,
    roles.BOARD_MEMBER: ACTIONS,
    roles.PERFORMANCE_OFFICER: PERFORMANCE,
    roles.DEMOCRATIC_SERVICES: DEMOCRATIC,
    roles.ADMINISTRATOR: ADMINISTRATOR,
    roles.VIEWER: SUMMARIES,
}


def home_sections(*, held_roles: Iterable[str], holds_posts: bool) -> tuple[str, ...]:
    """The sections of a person's home, in page order (module docstring)."""
    wanted = {ROLE_SECTIONS[role] for role in held_roles if role in ROLE_SECTIONS}
    if holds_posts:
        wanted.add(ACTIONS)
    if not wanted - {ACTIONS} and not holds_posts:
        wanted.add(SUMMARIES)
    return tuple(section for section in SECTION_ORDER if section in wanted)


def home_heading(sections: tuple[str, ...]) -> str:
    """The home page's heading for the sections it shows (module docstring)."""
    if DIRECTOR in sections:
        return "The Director’s view"
    work = tuple(section for section in sections if section != SUMMARIES)
    if work == (ACTIONS,):
        return "Your actions"
    return "Your work" if work else "Where the plan and the scorecard stand"


@dataclass(frozen=True)
class PackFacts:
    """What the pack state needs of one pack: its build state ("queued", "building",
    "built" or "failed"), and whether it was published and withdrawn."""

    state: str
    published: bool = False
    withdrawn: bool = False


PUBLISHED, BUILT, BUILDING = "published", "built", "building"
FAILED, NOT_BUILT = "failed", "not_built"
PACK_WORDS = {
    PUBLISHED: ("Pack published", "govuk-tag--green"),
    BUILT: ("Pack built, not published", "govuk-tag--blue"),
    BUILDING: ("Pack being built", "govuk-tag--light-blue"),
    FAILED: ("Pack build failed", "govuk-tag--red"),
    NOT_BUILT: ("Pack not built", "govuk-tag--grey"),
}


def pack_state(packs: Iterable[PackFacts]) -> str:
    """The furthest state a meeting's packs have reached (module docstring)."""
    packs = [pack for pack in packs if not pack.withdrawn]
    if any(pack.published for pack in packs):
        return PUBLISHED
    states = {pack.state for pack in packs}
    for state, name in (("built", BUILT), ("building", BUILDING), ("queued", BUILDING)):
        if state in states:
            return name
    return FAILED if "failed" in states else NOT_BUILT


def papers_in_words(
    *, deadline: datetime.date | None, today: datetime.date, state: str
) -> tuple[str, bool]:
    """The papers deadline in words, and whether it needs someone now (due or missed)."""
    if deadline is None:
        return "No papers deadline set", False
    day = day_in_words(deadline)
    if deadline >= today:
        return f"Papers due by {day}", state in (NOT_BUILT, FAILED)
    if state in (NOT_BUILT, FAILED):
        return f"Papers were due by {day}; no pack built", True
    return f"Papers were due by {day}", False


def is_new(*, updated_at: datetime.datetime | None, last_review_at: datetime.datetime | None):
    """Whether an action's latest update is new to the Director (module docstring)."""
    if updated_at is None:
        return False
    return last_review_at is None or updated_at > last_review_at


def change_in_words(*, better: int, worse: int, newly_overdue: int, completed: int) -> str:
    """A priority's change since the last board in words: "1 better, 2 worse, 1 newly
    overdue", leaving out what did not happen; "No change" when nothing did."""
    parts = [
        f"{count} {words}"
        for count, words in (
            (better, "better"), (worse, "worse"), (newly_overdue, "newly overdue"),
            (completed, "completed"),
        )
        if count
    ]  # fmt: skip
    return ", ".join(parts) if parts else "No change"

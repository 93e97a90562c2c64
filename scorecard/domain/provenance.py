"""Where a figure came from (issue 12, section 7): imported from which file, when and by
whom; or entered by whom and approved by whom. Said correctly, or not at all.

Rules:
- A figure's history is its audit trail (django-simple-history), oldest first. Each
  change carries the reason the service wrote: "Imported from <file>" by the importer
  (scorecard.importing), "Entered", "Changed" or "Changed after approval: ..." by entry,
  "Submitted", "Approved" and "Returned: ..." by the approval steps.
- The figure's origin is the change that gave the figure (its value, or its reason for
  being missing) the form it has now: the earliest change of the latest run of changes
  holding today's figure. A later import of the same figure, or an approval, does not
  move it.
- Imported: "Imported from <file> on <date> by <person>"; figures from a published
  scorecard arrive approved, so nothing more is said of approval.
- Entered: "Entered by <person> on <date>", then "approved by <person> on <date>" from the
  latest approval after the origin, "submitted, waiting for approval" or "a draft, not
  yet submitted"; an approved figure with no approval in its trail says it is approved
  and by whom is not recorded.
- Anything else (a change made outside the service's own steps, or a trail from before
  reasons were kept): "Recorded on <date> by <person>; how it was recorded is not
  known". No trail at all: "Where this figure came from was not recorded".
- No person in the trail reads "a person not recorded"; a date is written
  the English way ("3 December 2026"), in Europe/London (the caller passes local times).
"""

import datetime
from dataclasses import dataclass

IMPORTED_FROM = "Imported from "
ENTERED = ("Entered", "Changed")
APPROVED = "Approved"
REASON_LENGTH = 100  # the history's change reason holds at most this many characters
DRAFT, SUBMITTED, APPROVED_STATE = "draft", "submitted", "approved"
NO_TRAIL = "Where this figure came from was not recorded"
UNNAMED = "a person not recorded"


@dataclass(frozen=True)
class Change:
    """One entry of a figure's history: when, by whom (a name, "" when none), the reason
    written, the figure after it (value and missing reason) and the state after it."""

    when: datetime.datetime
    who: str
    reason: str
    figure: tuple
    state: str


def import_reason(filename: str) -> str:
    """The reason an import writes on a figure's history: "Imported from <file>", the
    file's name shortened with "..." to fit the history's 100 characters."""
    name = " ".join(filename.split()) or "a file with no name"
    room = REASON_LENGTH - len(IMPORTED_FROM)
    return IMPORTED_FROM + (name if len(name) <= room else name[: room - 3] + "...")


def day_in_words(moment: datetime.datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def origin(changes: list[Change]) -> Change | None:
    """Rule: the earliest change of the latest run holding today's figure."""
    if not changes:
        return None
    figure, first = changes[-1].figure, len(changes) - 1
    while first > 0 and changes[first - 1].figure == figure:
        first -= 1
    return changes[first]


def approval_words(changes: list[Change], since: Change, state: str) -> str:
    """After an entered figure: who approved it and when, or where it waits."""
    if state == DRAFT:
        return "a draft, not yet submitted"
    if state == SUBMITTED:
        return "submitted, waiting for approval"
    later = changes[changes.index(since) :]
    approvals = [c for c in later if c.reason == APPROVED and c.state == APPROVED_STATE]
    if not approvals:
        return "approved; who approved it was not recorded"
    last = approvals[-1]
    return f"approved by {last.who or UNNAMED} on {day_in_words(last.when)}"


def provenance_in_words(changes: list[Change], *, state: str) -> str:
    """Where the figure came from, in words (module docstring has every rule)."""
    start = origin(changes)
    if start is None:
        return NO_TRAIL
    who, when = start.who or UNNAMED, day_in_words(start.when)
    if start.reason.startswith(IMPORTED_FROM):
        return f"{start.reason} on {when} by {who}"
    if start.reason.startswith(ENTERED):
        return f"Entered by {who} on {when}; {approval_words(changes, start, state)}"
    return f"Recorded on {when} by {who}; how it was recorded is not known"

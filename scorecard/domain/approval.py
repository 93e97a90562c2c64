"""Who may approve a figure or a commentary; messages in GOV.UK wording.

Rule: a figure is approved by someone other than the person who entered it or last
changed it (the same for a commentary and its author), so every figure a board sees has
been checked by a second person. A council whose team is too small for that may allow the
same person (settings.SCORECARD_ALLOW_SELF_APPROVAL, off by default). A figure with no
one recorded as entering it (imported) may be approved by anyone who approves.

Rule: an approver decides on what they saw. A figure or commentary changed after the
approval page was opened is not approved or returned until they have seen it again.
"""

from common.concurrency import canonical


def self_approval_problem(
    *, entered_by_id: int | None, approver_id: int | None, allow_self: bool, what: str
) -> str:
    """Why the approver may not approve `what` ("FD1, June 2023"), or "" when they may."""
    if allow_self or entered_by_id is None or entered_by_id != approver_id:
        return ""
    return f"{what} was entered by you: another person must approve it"


def figure_version(*, value, missing_reason: str, note: str) -> str:
    """What an approver saw of a figure, as one string: approving or returning it is
    refused when the figure is no longer what they saw (someone changed it meanwhile)."""
    return "|".join([canonical(value), canonical(missing_reason), canonical(note)])


def changed_since_seen(what: str) -> str:
    return f"{what} was changed after you opened this page: check it and choose again"


def seen_versions(*, values, commentaries) -> dict[str, str]:
    """What an approval page shows, by key: "value-<id>" and "commentary-<id>"."""
    seen = {
        f"value-{v.pk}": figure_version(value=v.value, missing_reason=v.missing_reason, note=v.note)
        for v in values
    }
    for commentary in commentaries:
        seen[f"commentary-{commentary.pk}"] = figure_version(
            value=None, missing_reason="", note=commentary.text
        )
    return seen

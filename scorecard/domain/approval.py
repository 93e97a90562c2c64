"""Who may approve a figure or a commentary; messages in GOV.UK wording.

Rule: a figure is approved by someone other than the person who entered it or last
changed it (the same for a commentary and its author), so every figure a board sees has
been checked by a second person. A council whose team is too small for that may allow the
same person (settings.SCORECARD_ALLOW_SELF_APPROVAL, off by default). A figure with no
one recorded as entering it (imported) may be approved by anyone who approves.
"""


def self_approval_problem(
    *, entered_by_id: int | None, approver_id: int | None, allow_self: bool, what: str
) -> str:
    """Why the approver may not approve `what` ("FD1, June 2023"), or "" when they may."""
    if allow_self or entered_by_id is None or entered_by_id != approver_id:
        return ""
    return f"{what} was entered by you: another person must approve it"

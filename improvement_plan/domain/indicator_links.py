"""Which scorecard indicators an action is linked to after someone saves the form.

Rule: the links are a set, and a person changes only what they ticked or unticked. What
they added since the form opened is added, what they removed is removed, and every
other link stays as it is now, so two people linking indicators at the same time both
keep their changes. (Two people cannot disagree about one indicator: each can only
flip it from what it was when they opened the form, so both flips agree.)
"""

from collections.abc import Iterable


def links_after(*, opened: Iterable, current: Iterable, submitted: Iterable) -> set:
    """The links to keep: the current ones, plus this person's additions, less their removals."""
    opened, submitted = set(opened), set(submitted)
    return (set(current) | (submitted - opened)) - (opened - submitted)

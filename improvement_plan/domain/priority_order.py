"""The order of priorities on the plan overview: worst first.

Rule: the priority with the most Red actions comes first; on a tie, the one with
the most Amber; on a tie again, the lower priority number. Green and Blue actions
never make a priority look worse, so they do not move it. Counts, not shares: a
board asks "where are the most actions in trouble?", and one Red action out of two
is not more urgent than ten out of forty.
"""


def worst_first_key(*, red: int, amber: int, number: int) -> tuple[int, int, int]:
    """Sort key for the rule above: sorted(rows, key=...) puts the worst priority first."""
    return (-red, -amber, number)

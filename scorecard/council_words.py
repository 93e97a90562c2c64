"""The council's own RAG letter and arrow, as imported with its scorecard, in words.

They are shown beside ours, labelled as theirs ("Council: Green"), and never used in
any calculation of ours.
"""

COUNCIL_RAG_WORDS = {"R": "Red", "A": "Amber", "G": "Green", "N/A": "not rated (N/A)"}
COUNCIL_ARROW_WORDS = {"↑": "up", "↓": "down", "↔": "level", "→": "level"}


def council_rag_in_words(letter: str) -> str:
    """The council's own RAG letter for the month in words ("Council: Green"); "" when
    none was published."""
    letter = letter.strip()
    if not letter:
        return ""
    return f"Council: {COUNCIL_RAG_WORDS.get(letter.upper(), letter)}"


def council_arrow_in_words(arrow: str) -> str:
    """The council's own arrow for the month, labelled as theirs; "" when none."""
    arrow = arrow.strip()
    if not arrow:
        return ""
    return f"Council’s arrow: {COUNCIL_ARROW_WORDS.get(arrow, 'as published')} {arrow}"

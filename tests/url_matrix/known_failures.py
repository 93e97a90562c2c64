"""Cells that fail on the committed code because of a finding still being fixed.

Write the cell in the table as it SHOULD be and add its key here with the finding as
the reason: the cell is marked xfail(strict=True), so when the fix lands the cell
passes, the strict mark fails, and the line here is deleted.
Keys: (URL name, case label, audience, method), e.g.
    ("meeting_minutes", "", VIEWER, GET): "issue 11, finding 2: ...".

None today. On fb02c83 (before issue 11's fixes) the matrix failed 31 cells: finding 1
(the public pack holding an item made exempt after publication was served to all 11
audiences), finding 2 (the exempt minute's title and the interest declared on the
exempt item on /meetings/N/minutes/ and in minutes.docx, for the 7 staff audiences not
on the board) and finding 3 (the submitted figure and its note on the indicator page,
for the 6 audiences who do not work on the figure). Fixed by 1ca12a6 and f1087a5.
"""

KNOWN_FAILURES: dict[tuple[str, str, str, str], str] = {}

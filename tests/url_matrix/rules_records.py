"""Part D (issue 12, section 4): a meeting's record "as presented": staff who may see
the meeting read it (governance.view_meetings); it is read only."""

from tests.url_matrix.expectations import pk, staff_page

RULES = {
    "meeting_record": [staff_page("meeting_record", pk("meeting"))],
}

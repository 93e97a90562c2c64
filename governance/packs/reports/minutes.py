"""The minutes of the board's previous meeting, as the council prints them.

Rules:
- The previous meeting is the board's last one before this, not cancelled
  (governance.minutes.selectors.previous_meeting); its record comes from minutes_for().
- The heading gives the board and the date; then Commenced and Terminated, Present
  (with the chair and vice-chair marked, and deputies saying for whom), Apologies,
  declarations of interest, and the numbered minutes with their text and RESOLVED.
- In the public pack a minute of an exempt item says it is exempt, and under which
  paragraph of Schedule 12A, instead of its text; the full pack shows it marked
  NOT FOR PUBLICATION.
"""

from governance.minutes.selectors import minutes_for, previous_meeting
from governance.models import Attendance, Membership
from governance.packs import words

MARKED_ROLES = {Membership.Role.CHAIR: "Chair", Membership.Role.VICE_CHAIR: "Vice-chair"}


def attendee(attendance: Attendance) -> str:
    """A name as the minutes list it: "Tafheen Sharif (Chair)", "Ann Lee (GMP)"."""
    notes = []
    membership = attendance.membership
    if membership is not None and membership.role in MARKED_ROLES:
        notes.append(MARKED_ROLES[membership.role])
    if attendance.organisation is not None:
        notes.append(attendance.organisation.name)
    name = words.person_name(attendance.person)
    return f"{name} ({', '.join(notes)})" if notes else name


def deputy(attendance: Attendance) -> str:
    return f"{words.person_name(attendance.deputy)} (for {words.person_name(attendance.person)})"


def minute_entry(minute, *, public: bool) -> dict:
    item = minute.agenda_item
    exempt = item is not None and item.is_exempt
    entry = {
        "number": minute.number,
        "title": minute.title.upper(),
        "exempt": exempt,
        "hidden": exempt and public,
        "text": minute.text,
        "resolved": minute.resolved,
    }
    if exempt:
        entry["exempt_words"] = words.exempt_paragraph(item.exempt_paragraph)
    return entry


def time_or_unknown(moment) -> str:
    return words.clock(moment, spaced=False) if moment else "Not recorded"


def context(job) -> dict:
    previous = previous_meeting(job.meeting)
    if previous is None:
        return {"previous": None}
    record = minutes_for(meeting=previous)
    present = [attendee(a) for a in record.present] + [deputy(a) for a in record.deputies]
    return {
        "previous": previous,
        "previous_date": words.long_date(previous.starts_at),
        "commenced": time_or_unknown(previous.commenced_at),
        "terminated": time_or_unknown(previous.terminated_at),
        "present": present,
        "apologies": [attendee(a) for a in record.apologies],
        "declarations": [
            {
                "name": words.person_name(d.person),
                "item": d.agenda_item.order,
                "kind": d.get_kind_display(),
                "interest": d.interest,
            }
            for d in record.declarations
        ],
        "minutes": [minute_entry(m, public=job.public) for m in record.minutes],
    }

"""The minutes of the board's previous meeting, as the council prints them.

Rules:
- The previous meeting is the board's last one before this, not cancelled
  (governance.minutes.selectors.previous_meeting); its record comes from minutes_for().
- The heading gives the board and the date; then Commenced and Terminated, the
  attendance as the meeting's minutes page words it (governance.minutes.selectors.
  attendance_in_words: members present with the chair first, deputies saying for whom,
  others in attendance, apologies, absent), declarations of interest, and the numbered
  minutes with their text and RESOLVED.
- In the public pack a minute of an exempt item says it is exempt, and under which
  paragraph of Schedule 12A, instead of its text; the full pack shows it marked
  NOT FOR PUBLICATION.
"""

from governance.domain.exempt import interest_seen, minute_seen
from governance.minutes.selectors import attendance_in_words, minutes_for, previous_meeting
from governance.packs import words


def minute_entry(minute, *, public: bool) -> dict:
    """A minute as the pack's audience may read it (governance.domain.exempt)."""
    item = minute.agenda_item
    exempt = item is not None and item.is_exempt
    seen = minute_seen(
        number=minute.number, title=minute.title, item_title=item.title if item else None,
        exempt_paragraph=item.exempt_paragraph if item else None, full_papers=not public,
    )  # fmt: skip
    entry = {
        "number": minute.number,
        "title": seen.title.upper(),
        "exempt": exempt,
        "hidden": bool(seen.withheld),
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
    job.holds([d.agenda_item for d in record.declarations])
    job.holds([m.agenda_item for m in record.minutes])
    attendance = attendance_in_words(record)
    return {
        "previous": previous,
        "previous_date": words.long_date(previous.starts_at),
        "commenced": time_or_unknown(previous.commenced_at),
        "terminated": time_or_unknown(previous.terminated_at),
        "present": attendance.present,
        "in_attendance": attendance.in_attendance,
        "apologies": attendance.apologies,
        "absent": attendance.absent,
        "declarations": [
            {
                "name": words.person_name(d.person),
                "item": d.agenda_item.order,
                "kind": d.get_kind_display(),
                "interest": interest_seen(
                    interest=d.interest,
                    exempt_paragraph=d.agenda_item.exempt_paragraph,
                    full_papers=not job.public,
                ),
            }
            for d in record.declarations
        ],
        "minutes": [minute_entry(m, public=job.public) for m in record.minutes],
    }

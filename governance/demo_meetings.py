"""The demo council's meeting record and papers, from the January 2023 scrutiny pack.

- The Children's Services Scrutiny Panel of 2 November 2022: attendance, the times it
  commenced and terminated, minutes 16 to 22 (numbered on through the municipal year, as
  printed) and the actions arising from them (minutes-2022-11-02.json). Its minutes are
  approved as a correct record at the meeting of 11 January 2023.
- The meeting of 11 January 2023 gets the papers of the real pack: the previous minutes,
  the "Children who go missing" presentation as an uploaded PDF (rendered here from the
  project's text of it, children-who-go-missing.md), the improvement plan progress report
  and the October 2022 scorecard; then a full and a public pack are built and the public
  one is published, so the public pages have a pack to show.
- The latest Improvement Board held before today gets its standing reports (the plan's
  progress, the latest scorecard) and its packs, published, so a board was recently held.

Each part comes in only once the story (moved to stand around today) has reached it: a
meeting still ahead has no record, and a pack is built once its agenda is out.

Everything goes through the ordinary services, so the demo obeys the product's rules.
Each step is skipped when what it makes is already there: loading twice adds nothing.
"""

import datetime
import json
import re
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape

from governance.meetings import paper_services
from governance.minutes import services as minutes
from governance.minutes.selectors import year_of
from governance.models import Attendance, Board, Meeting, Minute, Pack, Paper, User
from governance.packs import services as packs
from governance.records.services import meeting_record_keep
from scorecard.models import IndicatorValue

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "demo"
RECORD = FIXTURES / "minutes-2022-11-02.json"
PRESENTATION = FIXTURES / "children-who-go-missing.md"
PRESENTATION_ITEM = "Children missing from home and care"
SCORECARD_MONTH = datetime.date(2022, 10, 1)
CLERK = "democratic.services@demo.tameside.example"
IMPROVEMENT_BOARD = "improvement-board"
PLAN_ITEM = "Improvement plan: progress by priority"
SCORECARD_ITEM = "Performance scorecard"
AGENDA_NOTICE = datetime.timedelta(days=7)  # an agenda is out a week before its meeting


def _meeting(board: Board, starts_at: str) -> Meeting:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    moment = datetime.datetime.fromisoformat(starts_at).replace(tzinfo=zone)
    return Meeting.objects.get(board=board, starts_at=moment)


def demo_held_board_day(meetings: list[dict]) -> datetime.date:
    """The day of the demo's latest held board as written: the meeting after the recorded
    one on its board (11 January 2023), with its papers and published pack."""
    record = json.loads(RECORD.read_text(encoding="utf-8"))["meeting"]
    later = sorted(
        row["starts_at"]
        for row in meetings
        if row["board"] == record["board"] and row["starts_at"] > record["starts_at"]
    )
    return datetime.datetime.fromisoformat(later[0]).date()


def demo_meeting_record(
    *, boards: dict[str, Board], people: dict[str, User], story_today: datetime.date
) -> None:
    """Loads the 2 November 2022 record and the 11 January 2023 papers (by their written
    dates: demo_meeting_packs builds the packs once the story is moved), as far as the
    story has reached on `story_today` (in the written dates): a meeting still ahead has
    no record yet, minutes are approved only once the approving meeting is held, and the
    January papers come in once November's meeting is over."""
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    board = boards[record["meeting"]["board"]]
    held = _meeting(board, record["meeting"]["starts_at"])
    following = Meeting.objects.filter(board=board, starts_at__gt=held.starts_at)
    next_meeting = following.order_by("starts_at").first()
    clerk = people[CLERK]
    if not _held_before(held, story_today):
        return
    if not Minute.objects.filter(meeting=held).exists():
        _record(held, record, people, clerk)
    if _held_before(next_meeting, story_today) and held.minutes_approved_at_id is None:
        minutes.minutes_approve(meeting=held, at_meeting=next_meeting, user=clerk)
    if not Paper.objects.filter(agenda_item__meeting=next_meeting).exists():
        _papers(next_meeting, previous=held, user=clerk)


def _held_before(meeting: Meeting, day: datetime.date) -> bool:
    return timezone.localdate(meeting.starts_at) < day


def demo_meeting_packs(
    *, boards: dict[str, Board], people: dict[str, User], today: datetime.date
) -> None:
    """Builds the packs once the story's dates are final (after the move), so the packs
    print the dates the pages show: the January panel's once its agenda is out (a week
    before it; until then its papers wait for democratic services to build the pack), and
    the latest Improvement Board held before `today`, so a board was recently held with
    its pack published (and so its record kept: governance.packs.services.pack_publish)."""
    clerk = people[CLERK]
    board = boards[json.loads(RECORD.read_text(encoding="utf-8"))["meeting"]["board"]]
    with_papers = Meeting.objects.filter(board=board, agenda_items__papers__isnull=False)
    meeting = with_papers.order_by("starts_at").first()
    agenda_out = meeting is not None and timezone.localdate(meeting.starts_at) <= (
        today + AGENDA_NOTICE
    )
    if agenda_out and not Pack.objects.filter(meeting=meeting).exists():
        _packs(meeting, user=clerk)
    _latest_board_pack(boards[IMPROVEMENT_BOARD], today=today, user=clerk)


def _latest_board_pack(board: Board, *, today: datetime.date, user: User) -> None:
    """The latest Improvement Board before today gets its standing reports (the plan's
    progress; the scorecard of the latest month held before it) and its packs."""
    held = board.meetings.filter(starts_at__date__lt=today).order_by("-starts_at").first()
    if held is None or Pack.objects.filter(meeting=held).exists():
        return
    items = {item.title: item for item in held.agenda_items.all()}
    if PLAN_ITEM in items and not items[PLAN_ITEM].papers.exists():
        paper_services.paper_add_report(
            item=items[PLAN_ITEM], kind=Paper.Kind.PLAN_REPORT, user=user
        )
    month = _scorecard_month_before(timezone.localdate(held.starts_at))
    if SCORECARD_ITEM in items and month and not items[SCORECARD_ITEM].papers.exists():
        paper_services.paper_add_report(
            item=items[SCORECARD_ITEM], kind=Paper.Kind.SCORECARD_REPORT,
            scorecard_period=month, user=user,
        )  # fmt: skip
    if Paper.objects.filter(agenda_item__meeting=held).exists():
        # The board sat before the demo was loaded: its record judges the plan as on
        # that day, so "since the last board" shows what has changed since it sat.
        meeting_record_keep(meeting=held, user=user, judged_on=timezone.localdate(held.starts_at))
        _packs(held, user=user)


def _scorecard_month_before(day: datetime.date) -> datetime.date | None:
    """The latest month with approved figures that ended before `day`."""
    approved = IndicatorValue.objects.filter(
        state=IndicatorValue.State.APPROVED, period__lt=day.replace(day=1)
    )
    return approved.aggregate(month=Max("period"))["month"]


def _record(meeting: Meeting, record: dict, people: dict[str, User], clerk: User) -> None:
    """Attendance, times, the numbered minutes as printed, and the actions arising."""
    entries = [
        minutes.AttendanceEntry(person=people[email], status=status)
        for key, status in (
            ("present", Attendance.Status.PRESENT),
            ("apologies", Attendance.Status.APOLOGIES),
        )
        for email in record[key]
    ]
    minutes.attendance_record(meeting=meeting, entries=entries, user=clerk)
    minutes.meeting_times_record(
        meeting=meeting,
        commenced_at=datetime.time.fromisoformat(record["commenced"]),
        terminated_at=datetime.time.fromisoformat(record["terminated"]),
        user=clerk,
    )
    numbered = {entry["number"]: _minute(meeting, entry, clerk) for entry in record["minutes"]}
    for entry in record["actions"]:
        _action(numbered[entry["minute"]], entry, people, clerk)


def _minute(meeting: Meeting, entry: dict, clerk: User) -> Minute:
    """A minute with the number it was printed with (the panel's earlier meetings of the
    year took 1 to 15), linked to the agenda item of the same title."""
    item = meeting.agenda_items.filter(title__iexact=entry["title"]).first()
    minute = Minute(
        meeting=meeting,
        board_id=meeting.board_id,
        municipal_year=year_of(meeting),
        number=entry["number"],
        agenda_item=item,
        title=entry["title"],
        text=entry["text"],
        resolved=entry.get("resolved", ""),
    )
    minute._history_user, minute._change_reason = clerk, "Demo minutes"
    minute.save()
    return minute


def _action(minute: Minute, entry: dict, people: dict[str, User], clerk: User) -> None:
    action = minutes.action_arising_add(
        minute=minute,
        description=entry["description"],
        owner=people[entry["owner"]],
        due_date=datetime.date.fromisoformat(entry["due_date"]),
        user=clerk,
    )
    completed = entry.get("completed_on")
    minutes.action_arising_update(
        action=action,
        status=entry["status"],
        progress=entry.get("progress", ""),
        completed_on=datetime.date.fromisoformat(completed) if completed else None,
        user=clerk,
    )


def _papers(meeting: Meeting, *, previous: Meeting, user: User) -> None:
    """The papers of the January 2023 pack, in the pack's order."""
    from governance.domain.minutes import day_in_words
    from governance.meetings import standard_items

    items = {item.title.casefold(): item for item in meeting.agenda_items.all()}
    minutes_item = items["minutes"]
    Paper.objects.create(
        agenda_item=minutes_item,
        order=1,
        title=standard_items.previous_minutes_title(day_in_words(previous.starts_at)),
        kind=Paper.Kind.PREVIOUS_MINUTES,
        added_by=user,
    )
    upload = SimpleUploadedFile(
        "children-who-go-missing.pdf", presentation_pdf(), content_type="application/pdf"
    )
    paper_services.paper_upload(
        item=items[PRESENTATION_ITEM.casefold()],
        uploaded_file=upload,
        user=user,
        title="Children who go missing: presentation to the Panel",
    )
    for title, kind, period in (
        ("tameside children's social care improvement plan", Paper.Kind.PLAN_REPORT, None),
        ("children's performance scorecard", Paper.Kind.SCORECARD_REPORT, SCORECARD_MONTH),
    ):
        paper_services.paper_add_report(
            item=items[title], kind=kind, scorecard_period=period, user=user
        )


def _packs(meeting: Meeting, *, user: User) -> None:
    """Version 1 of the full and public packs, built here; the public one is published."""
    for audience in (Pack.Audience.FULL, Pack.Audience.PUBLIC):
        pack = packs.pack_create(meeting=meeting, audience=audience, user=user)
        pack = packs.pack_build(pack_id=pack.pk)
        if audience == Pack.Audience.PUBLIC and pack.state == Pack.State.BUILT:
            packs.pack_publish(pack=pack, user=user)


def presentation_html(text: str) -> str:
    """The presentation's text as slides: a line in capitals starts a slide and is its
    heading; "- " and "1. " lines are list items; other lines are paragraphs."""
    parts, in_list = [], False
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        bullet = re.match(r"^(?:-|\d+\.)\s+(.*)$", line)
        if in_list and not bullet:
            parts.append("</ul>")
            in_list = False
        if bullet:
            parts.append("" if in_list else "<ul>")
            parts.append(f"<li>{escape(bullet.group(1))}</li>")
            in_list = True
        elif line.isupper():
            parts.append(f"<h1>{escape(line.title())}</h1>")
        else:
            parts.append(f"<p>{escape(line)}</p>")
    if in_list:
        parts.append("</ul>")
    style = (
        "@page { size: A4 landscape; margin: 2cm 2.5cm; } body { font-family: sans-serif; "
        "font-size: 15pt; } h1 { break-before: page; color: #1d70b8; font-size: 24pt; } "
        "h1:first-of-type { break-before: auto; }"
    )
    return f"<!doctype html><html lang='en-GB'><style>{style}</style><body>{''.join(parts)}"


def presentation_pdf() -> bytes:
    from weasyprint import HTML

    html = presentation_html(PRESENTATION.read_text(encoding="utf-8"))
    return HTML(string=html).write_pdf()

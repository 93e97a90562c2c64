"""Reminders for returns and meetings: scorecard figures to indicator owners, papers to
report authors, and a published pack to its board's members.

Rules (the dates in governance.domain.reminders; the numbers in settings):
- Scorecard: a monthly indicator's owner is the holder today of its owner post, else of
  its service area's head of service post. Each owner gets one mail listing their
  indicators whose figure for the month is neither submitted nor approved.
- Papers: the report author of an item with no papers yet, of a meeting not cancelled,
  from PAPERS_REMINDER_DAYS before its papers deadline until the deadline.
- Packs: each member of the board (membership current today) when a version of a pack
  is published, within PACK_PUBLISHED_NOTICE_DAYS of its publishing (a missed day is
  caught up; an old pack is never announced).
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from governance.domain import reminders as rules
from governance.models import AgendaItem, Meeting, Membership, Pack, Paper, PostHolder, Reminder
from governance.reminders.messages import MailItem, MailSection, Planned, day_in_words, link
from governance.selectors import current_holdings
from scorecard.models import Indicator, IndicatorValue

RETURNED = (IndicatorValue.State.SUBMITTED, IndicatorValue.State.APPROVED)


def holders_by_post(today: datetime.date, post_ids: set[int] | None = None) -> dict[int, list]:
    """The active people holding each post (of `post_ids`, or every post) today. One
    query."""
    found = defaultdict(list)
    holders = PostHolder.objects.filter(current_holdings(today=today), person__is_active=True)
    if post_ids is not None:
        holders = holders.filter(post_id__in=post_ids)
    for holder in holders.select_related("person"):
        found[holder.post_id].append(holder.person)
    return found


def scorecard_reminders(*, today: datetime.date) -> list[Planned]:
    """Owners' reminders before the month's deadline, and chasers after it."""
    due = rules.scorecard_return_due(
        today=today,
        working_day=settings.SCORECARD_RETURN_WORKING_DAY,
        notice_working_days=settings.SCORECARD_REMINDER_WORKING_DAYS,
    )
    if due is None:
        return []
    stage, period = due
    returned = IndicatorValue.objects.filter(
        indicator=OuterRef("pk"), period=period, state__in=RETURNED
    )
    missing = list(
        Indicator.objects.filter(frequency=Indicator.Frequency.MONTHLY)
        .exclude(Exists(returned))
        .select_related("service_area")
        .order_by("service_area__order", "service_area__prefix", "order", "ref")
    )
    post_of = {i.pk: i.owner_id or i.service_area.head_of_service_id for i in missing}
    holders = holders_by_post(today, {p for p in post_of.values() if p})
    by_person, people = defaultdict(list), {}
    for indicator in missing:
        for person in holders.get(post_of[indicator.pk], []):
            by_person[person.pk].append(indicator)
            people[person.pk] = person
    deadline = rules.scorecard_deadline(period, working_day=settings.SCORECARD_RETURN_WORKING_DAY)
    return [
        _scorecard(people[pk], found, stage, period, deadline) for pk, found in by_person.items()
    ]


def _scorecard(person, indicators, stage: str, period, deadline) -> Planned:
    month = f"{period:%B %Y}"
    items = tuple(
        MailItem(
            f"{indicator.ref} {indicator.title}",
            link("scorecard_value_entry", indicator.service_area.prefix, f"{period:%Y-%m}"),
            "Not submitted",
        )
        for indicator in indicators
    )
    late = stage == "chaser"
    count = f"{len(items)} figure{'s' if len(items) != 1 else ''}"
    return Planned(
        recipient=person,
        kind=Reminder.Kind.SCORECARD_LATE if late else Reminder.Kind.SCORECARD_DUE,
        about_key=f"scorecard:{period:%Y-%m}", about=f"Scorecard, {month}",
        reason=f"{count} not submitted; due {day_in_words(deadline)}",
        for_date=period,
        subject=(f"Late: {count} for the {month} scorecard" if late
                 else f"{count} for the {month} scorecard due by {day_in_words(deadline)}"),
        intro=(f"The {month} figures were due on {day_in_words(deadline)}. Submit them now so "
               "the scorecard can be approved." if late else
               f"The {month} figures for the indicators you own are due by "
               f"{day_in_words(deadline)}."),
        sections=(MailSection(f"Figures for {month}", items),),
    )  # fmt: skip


def papers_reminders(*, today: datetime.date) -> list[Planned]:
    """Report authors whose item has no papers as the papers deadline comes."""
    notice = datetime.timedelta(days=settings.PAPERS_REMINDER_DAYS)
    items = (
        AgendaItem.objects.filter(
            report_author__is_active=True,
            meeting__papers_deadline__gte=today,
            meeting__papers_deadline__lte=today + notice,
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .exclude(Exists(Paper.objects.filter(agenda_item=OuterRef("pk"))))
        .select_related("meeting__board", "report_author")
    )
    return [
        _papers(item, today)
        for item in items
        if rules.papers_due(
            deadline=item.meeting.papers_deadline,
            today=today,
            notice_days=settings.PAPERS_REMINDER_DAYS,
        )  # fmt: skip
    ]


def _papers(item: AgendaItem, today) -> Planned:
    meeting, deadline = item.meeting, item.meeting.papers_deadline
    day = day_in_words(timezone.localtime(meeting.starts_at).date())
    return Planned(
        recipient=item.report_author, kind=Reminder.Kind.PAPERS_DUE,
        about_key=f"item:{item.pk}", about=f"{meeting.board.name}, {day}: item {item.order}",
        reason=f"Papers deadline {day_in_words(deadline)}", for_date=deadline,
        subject=f"Your report for {meeting.board.name} on {day} is due by {day_in_words(deadline)}",
        intro=f"You are the report author for an item at the meeting of {meeting.board.name} on "
        f"{day}. Send your report to democratic services by {day_in_words(deadline)}.",
        sections=(MailSection("Agenda item", (
            MailItem(f"{item.order}. {item.title}", link("meeting_detail", meeting.pk),
                     "No papers yet"),
        )),),
    )  # fmt: skip


def pack_reminders(*, today: datetime.date, pack: Pack | None = None) -> list[Planned]:
    """Members of the board of each pack published lately (or of `pack`). Two queries."""
    packs = Pack.objects.filter(state=Pack.State.BUILT, published_at__isnull=False)
    if pack is not None:
        packs = packs.filter(pk=pack.pk)
    else:
        since = today - datetime.timedelta(days=settings.PACK_PUBLISHED_NOTICE_DAYS)
        packs = packs.filter(published_at__date__gte=since, published_at__date__lte=today)
    members = Membership.objects.filter(
        current_holdings(today=today), person__is_active=True
    ).select_related("person")
    packs = packs.select_related("meeting__board").prefetch_related(
        Prefetch("meeting__board__memberships", queryset=members, to_attr="current")
    )
    planned = []
    for found in packs:
        people = {m.person.pk: m.person for m in found.meeting.board.current}
        planned += [_pack(person, found) for person in people.values()]
    return planned


def _pack(person, pack: Pack) -> Planned:
    meeting = pack.meeting
    day = day_in_words(timezone.localtime(meeting.starts_at).date())
    published = timezone.localtime(pack.published_at).date()
    label = pack.get_audience_display().split(",")[0].lower()
    return Planned(
        recipient=person, kind=Reminder.Kind.PACK_PUBLISHED,
        about_key=f"pack:{pack.pk}", about=f"{meeting.board.name}, {day}: version {pack.version}",
        reason=f"Published {day_in_words(published)}", for_date=published,
        subject=f"Agenda pack published: {meeting.board.name}, {day}",
        intro=f"The {label} for the meeting of {meeting.board.name} on {day} is published.",
        sections=(MailSection("Agenda pack", (
            MailItem(f"Version {pack.version}, {pack.page_count} pages",
                     link("pack_detail", pack.pk)),
        )),),
    )  # fmt: skip

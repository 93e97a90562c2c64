"""Reads for entering and signing off a month's values and commentary.

Who may enter what follows scorecard.rules: the rule is asked of every indicator, so the
pages and the services agree. Figures not yet approved are shown only to the people who
work on them (scorecard.view_unapproved): the entry pages show only figures the user may
enter, and the approval queue only figures the user may see. The number of queries never
grows with the number of indicators, values or areas.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from governance.selectors import post_ids_held
from scorecard.domain.approval import self_approval_problem
from scorecard.models import Commentary, Indicator, IndicatorValue, ServiceArea

ENTER = "scorecard.enter_values"
COMMENT = "scorecard.write_commentary"
SEE_UNAPPROVED = "scorecard.view_unapproved"
SUBMITTED = IndicatorValue.State.SUBMITTED
APPROVED = IndicatorValue.State.APPROVED
TAG_CLASSES = {
    "draft": "govuk-tag--yellow",
    "submitted": "govuk-tag--blue",
    "approved": "govuk-tag--green",
}
NOT_ENTERED_TAG = "govuk-tag--grey"


def figure(value, indicator: Indicator) -> str:
    """A figure rounded half up to the indicator's decimal places, thousands separated,
    "%" after a percentage; "" for none."""
    if value is None:
        return ""
    step = Decimal(1).scaleb(-indicator.decimal_places)
    shown = f"{Decimal(value).quantize(step, rounding=ROUND_HALF_UP):,f}"
    return f"{shown}%" if indicator.unit == Indicator.Unit.PERCENTAGE else shown


def held_in_words(held: IndicatorValue | None) -> str:
    """A value held for a month, in words: the figure, or "Missing: <reason>"."""
    if held is None:
        return ""
    if held.value is None:
        return f"Missing: {held.missing_reason}" if held.missing_reason else "No value"
    return figure(held.value, held.indicator)


@dataclass(frozen=True)
class EntryRow:
    """One indicator on the entry pages: its value for the month (if any) and, to check
    the new figure against, the latest approved value before the month."""

    indicator: Indicator
    current: IndicatorValue | None
    previous_value: Decimal | None = None
    previous_period: datetime.date | None = None

    @property
    def previous_shown(self) -> str:
        return figure(self.previous_value, self.indicator)

    @property
    def current_shown(self) -> str:
        return held_in_words(self.current)

    @property
    def state_label(self) -> str:
        return self.current.get_state_display() if self.current else "Not entered"

    @property
    def tag_class(self) -> str:
        return TAG_CLASSES[self.current.state] if self.current else NOT_ENTERED_TAG

    @property
    def returned_because(self) -> str:
        """The approver's reason, while a returned value is still a draft."""
        note = self.current.note if self.current and self.current.state == "draft" else ""
        return (
            note.split("\n")[0].removeprefix("Returned: ") if note.startswith("Returned: ") else ""
        )


@dataclass(frozen=True)
class MonthProgress:
    """Where a month's figures on the entry page stand, by reference, to say what remains."""

    to_enter: list[str]
    drafts: list[str]
    waiting: list[str]
    approved: list[str]


def month_progress(rows: list[EntryRow]) -> MonthProgress:
    def refs(state):
        return [row.indicator.ref for row in rows if (row.current and row.current.state) == state]

    return MonthProgress(
        to_enter=[row.indicator.ref for row in rows if row.current is None],
        drafts=refs("draft"),
        waiting=refs("submitted"),
        approved=refs("approved"),
    )


@dataclass
class AreaEntry:
    """A service area as the "Enter values" page lists it."""

    area: ServiceArea
    rows: list[EntryRow] = field(default_factory=list)
    commentary: Commentary | None = None
    may_comment: bool = False

    @property
    def commentary_state(self) -> str:
        return self.commentary.get_state_display() if self.commentary else "Not written"

    @property
    def commentary_tag_class(self) -> str:
        return TAG_CLASSES[self.commentary.state] if self.commentary else NOT_ENTERED_TAG


def entered_by_you(entered_by_id: int | None, user) -> bool:
    """Whether another person must approve what `user` entered (scorecard.domain.approval)."""
    return bool(
        self_approval_problem(
            entered_by_id=entered_by_id, approver_id=user.pk, what="It",
            allow_self=settings.SCORECARD_ALLOW_SELF_APPROVAL,
        )
    )  # fmt: skip


@dataclass(frozen=True)
class ApprovalItem:
    """A submitted value beside the indicator's latest approved value before it.
    `entered_by_you`: the approver entered it, so another person must approve it."""

    value: IndicatorValue
    entered_by_you: bool = False

    @property
    def indicator(self) -> Indicator:
        return self.value.indicator

    @property
    def label(self) -> str:
        return f"Select {self.indicator.ref}, {self.value.period:%B %Y}"

    @property
    def shown(self) -> str:
        return held_in_words(self.value)

    @property
    def previous_shown(self) -> str:
        return figure(self.value.previous_value, self.indicator)


@dataclass
class ApprovalGroup:
    """Everything awaiting approval for one service area and month."""

    area: ServiceArea
    period: datetime.date
    items: list[ApprovalItem] = field(default_factory=list)
    commentary: Commentary | None = None
    commentary_by_you: bool = False


def _previous_approved(column: str, *, period=None) -> Subquery:
    """The indicator's latest approved `column` before `period` (or the outer row's period)."""
    before = period if period is not None else OuterRef("period")
    indicator = OuterRef("pk") if period is not None else OuterRef("indicator_id")
    latest = IndicatorValue.objects.filter(
        indicator_id=indicator, state=APPROVED, period__lt=before
    ).order_by("-period")
    return Subquery(latest.values(column)[:1])


def _indicators(user, *, period: datetime.date, area=None) -> QuerySet[Indicator]:
    """Candidates in scorecard order; an owner's only, unless the user may enter all."""
    indicators = (
        Indicator.objects.select_related("service_area")
        .order_by("service_area__order", "service_area__prefix", "order", "ref")
        .annotate(
            previous_value=_previous_approved("value", period=period),
            previous_period=_previous_approved("period", period=period),
        )
        .prefetch_related(
            Prefetch("values", IndicatorValue.objects.filter(period=period), to_attr="month_values")
        )
    )
    if area is not None:
        indicators = indicators.filter(service_area=area)
    if not user.has_perm(ENTER):
        held = post_ids_held(person=user, today=timezone.localdate())
        indicators = indicators.filter(owner_id__in=held)
    return indicators


def entry_rows(user, *, period: datetime.date, area=None) -> list[EntryRow]:
    """The indicators the user may enter (in one area, or all), each with its month."""
    return [
        EntryRow(
            indicator=indicator,
            current=indicator.month_values[0] if indicator.month_values else None,
            previous_value=indicator.previous_value,
            previous_period=indicator.previous_period,
        )
        for indicator in _indicators(user, period=period, area=area)
        if user.has_perm(ENTER, indicator)
    ]


def may_enter_any(user, *, area=None) -> bool:
    """Whether the user may enter at least one indicator (of the area, if given)."""
    if user.has_perm(ENTER):
        return True
    held = post_ids_held(person=user, today=timezone.localdate())
    candidates = Indicator.objects.filter(owner_id__in=held)
    if area is not None:
        candidates = candidates.filter(service_area=area)
    return any(user.has_perm(ENTER, indicator) for indicator in candidates)


def commentary_areas(user) -> list[ServiceArea]:
    """The service areas whose commentary the user may write."""
    return [area for area in ServiceArea.objects.all() if user.has_perm(COMMENT, area)]


def entry_list(user, *, period: datetime.date) -> list[AreaEntry]:
    """Areas with the indicators the user may enter and, where the user may write it, the
    month's commentary; in scorecard order."""
    areas: dict[int, AreaEntry] = {}
    for area in commentary_areas(user):
        areas[area.pk] = AreaEntry(area=area, may_comment=True)
    for row in entry_rows(user, period=period):
        area = row.indicator.service_area
        areas.setdefault(area.pk, AreaEntry(area=area)).rows.append(row)
    commentaries = Commentary.objects.filter(period=period, service_area_id__in=list(areas))
    for commentary in commentaries:
        areas[commentary.service_area_id].commentary = commentary
    return sorted(areas.values(), key=lambda entry: (entry.area.order, entry.area.prefix))


def commentary_for(area: ServiceArea, *, period: datetime.date) -> Commentary | None:
    return Commentary.objects.filter(service_area=area, period=period).first()


def last_return_reason(record) -> str:
    """Why the value or commentary was last returned, when that is its latest change."""
    if record is None or record.state != "draft":
        return ""
    latest = record.history.order_by("-history_date", "-history_id").first()
    reason = (latest.history_change_reason or "") if latest else ""
    return reason.removeprefix("Returned: ") if reason.startswith("Returned: ") else ""


def _awaiting_values() -> QuerySet[IndicatorValue]:
    return (
        IndicatorValue.objects.filter(state=SUBMITTED)
        .select_related("indicator__service_area", "entered_by")
        .annotate(
            previous_value=_previous_approved("value"),
            previous_period=_previous_approved("period"),
        )
        .order_by("period", "indicator__order", "indicator__ref")
    )


def approval_groups(user) -> list[ApprovalGroup]:
    """Submitted values and commentaries the user may see, grouped by area and month,
    oldest month first; each marked when the user entered it."""
    groups: dict[tuple[int, datetime.date], ApprovalGroup] = {}
    for value in _awaiting_values():
        if not user.has_perm(SEE_UNAPPROVED, value.indicator):
            continue
        key = (value.indicator.service_area_id, value.period)
        group = groups.setdefault(key, ApprovalGroup(value.indicator.service_area, value.period))
        group.items.append(ApprovalItem(value, entered_by_you(value.entered_by_id, user)))
    commentaries = Commentary.objects.filter(state=Commentary.State.SUBMITTED).select_related(
        "service_area", "author"
    )
    for commentary in commentaries:
        key = (commentary.service_area_id, commentary.period)
        group = groups.setdefault(key, ApprovalGroup(commentary.service_area, commentary.period))
        group.commentary = commentary
        group.commentary_by_you = entered_by_you(commentary.author_id, user)
    return sorted(groups.values(), key=lambda g: (g.period, g.area.order, g.area.prefix))

"""Moves the demo council's story dates by whole years (governance.domain.demo_dates).

The demo is loaded as its documents were written and then moved, so the importers and
the meeting record always match what they made by its own dates. A later load moves the
story back to its written dates first, loads (creating nothing), and moves it forward
again: loading twice never moves twice.

Only the story's dates move: plan timeframes and due dates, milestones, due-date
changes, scorecard months (figures, targets, commentary, SPC baselines, report
periods), meetings and their papers deadlines and municipal years, minutes' municipal
years, actions arising, board memberships and post holders. The moments the product
itself recorded (when a pack was built or published, when an update was written) stay
as they happened. Rows are moved with plain updates: no history entry for a date the
demo chose.
"""

import datetime
from collections.abc import Callable

from django.db import models, transaction
from django.utils import timezone

from governance.domain.demo_dates import municipal_year_later, years_later
from governance.models import ActionArising, Meeting, Membership, Minute, Paper, PostHolder
from improvement_plan.models import Action, ActionIndicatorLink, DueDateChange, Milestone, Plan
from scorecard.models import Commentary, Indicator, IndicatorValue, Target


def _moved_moment(moment: datetime.datetime, years: int) -> datetime.datetime:
    """The same local wall-clock time, `years` years later."""
    return years_later(timezone.localtime(moment), years)


def _move(queryset: models.QuerySet, field: str, change: Callable, *, years: int) -> None:
    """Moves one field of the rows, one distinct value at a time, latest first when moving
    forward (earliest first when moving back) so no unique value is ever taken twice."""
    values = queryset.exclude(**{f"{field}__isnull": True}).values_list(field, flat=True)
    for value in sorted({value for value in values if value}, reverse=years > 0):
        queryset.filter(**{field: value}).update(**{field: change(value, years)})


@transaction.atomic
def demo_dates_move(
    *,
    years: int,
    plan_title: str,
    board_slugs: list[str],
    people_emails: list[str],
    service_area_prefixes: list[str],
) -> None:
    """Moves every story date of the demo council by `years` whole years."""
    if not years:
        return
    day, moment, label = years_later, _moved_moment, municipal_year_later
    on_boards = {"board__slug__in": board_slugs}
    in_plan = {"objective__priority__plan__title": plan_title}
    of_actions = {"action__objective__priority__plan__title": plan_title}
    in_areas = {"indicator__service_area__prefix__in": service_area_prefixes}
    moves = [
        (Plan.objects.filter(title=plan_title), ("starts_on", "ends_on"), day),
        (Action.objects.filter(**in_plan), ("due_date",), day),
        (Milestone.objects.filter(**of_actions), ("due_date",), day),
        (ActionIndicatorLink.objects.filter(**of_actions), ("expected_by",), day),
        (DueDateChange.objects.filter(**of_actions), ("from_date", "to_date"), day),
        (IndicatorValue.objects.filter(**in_areas), ("period",), day),
        (Target.objects.filter(**in_areas), ("effective_from",), day),
        (Commentary.objects.filter(service_area__prefix__in=service_area_prefixes),
         ("period",), day),
        (Indicator.objects.filter(service_area__prefix__in=service_area_prefixes),
         ("spc_baseline_from", "spc_baseline_to"), day),
        (Meeting.objects.filter(**on_boards), ("starts_at", "ends_at"), moment),
        (Meeting.objects.filter(**on_boards), ("papers_deadline",), day),
        (Meeting.objects.filter(**on_boards), ("municipal_year",), label),
        (Minute.objects.filter(**on_boards), ("municipal_year",), label),
        (ActionArising.objects.filter(minute__meeting__board__slug__in=board_slugs),
         ("due_date", "completed_on"), day),
        (Paper.objects.filter(agenda_item__meeting__board__slug__in=board_slugs),
         ("scorecard_period",), day),
        (Membership.objects.filter(**on_boards), ("start_date", "end_date"), day),
        (PostHolder.objects.filter(person__email__in=people_emails),
         ("start_date", "end_date"), day),
    ]  # fmt: skip
    for queryset, fields, change in moves:
        # An end moves before its start going forward (after it going back): a row's end
        # is never before its start on the way.
        for field in reversed(fields) if years > 0 else fields:
            _move(queryset, field, change, years=years)


def demo_figures_not_yet_reported_remove(
    *, story_today: datetime.date, service_area_prefixes: list[str]
) -> int:
    """Removes the demo scorecards' figures, targets and commentary for months not yet
    over on `story_today` (in the written dates): a story standing in December 2022 has
    October's scorecard, not June 2023's. Returns how many figures went."""
    month = story_today.replace(day=1)
    areas = {"service_area__prefix__in": service_area_prefixes}
    values = IndicatorValue.objects.filter(
        period__gte=month, indicator__in=Indicator.objects.filter(**areas)
    )
    removed, _ = values.delete()
    Target.objects.filter(
        effective_from__gte=month, indicator__service_area__prefix__in=service_area_prefixes
    ).delete()
    Commentary.objects.filter(period__gte=month, **areas).delete()
    return removed

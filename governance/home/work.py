"""The performance officer's and the administrator's sections of the home page.

Rules:
- This month's returns are the figures for last month, the month the "Enter values" page
  opens on (scorecard.forms.MonthForm). Per service area, the month's completeness
  (scorecard.selectors.completeness): expected by frequency, approved, entered and
  waiting approval, missing with a reason, missing without one. Four queries.
- The approvals queue: submitted figures and commentaries, by service area and month,
  oldest month first (the approvals page's order). Two queries.
- People to look at: active people with no role, and active people holding no post today.
- Failed reminders: reminders whose sending failed, newest first.
- Locked accounts: sign-in attempts (django-axes) that reached the failure limit within
  the cool-off time, so the person cannot sign in now.
"""

import datetime
from dataclasses import dataclass

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Count, Exists, OuterRef

from governance.models import PostHolder, Reminder, User
from governance.selectors import current_holdings
from scorecard.domain.completeness import Completeness
from scorecard.domain.periods import add_months
from scorecard.models import Commentary, IndicatorValue, ServiceArea
from scorecard.selectors.completeness import month_completeness

SHOWN = 10


@dataclass(frozen=True)
class Returns:
    """This month's returns: the month, its completeness in all areas, and each area's."""

    period: datetime.date
    total: Completeness
    areas: list[tuple[ServiceArea, Completeness]]


def returns_month(today: datetime.date) -> datetime.date:
    return add_months(today.replace(day=1), -1)


def returns(*, today: datetime.date) -> Returns:
    """This month's returns by service area (module docstring)."""
    period = returns_month(today)
    month = month_completeness(period)
    areas = ServiceArea.objects.order_by("order", "prefix")
    return Returns(
        period,
        month.total,
        [(area, month.by_area.get(area.pk, Completeness(period))) for area in areas],
    )


@dataclass(frozen=True)
class Waiting:
    area: str
    period: datetime.date
    figures: int = 0
    commentaries: int = 0


def _submitted_by_area_and_month(model, area: str) -> list[tuple[tuple, int]]:
    """((month, area order, area title), how many) of `model`'s submitted rows."""
    rows = (
        model.objects.filter(state="submitted")
        .values_list("period", f"{area}__order", f"{area}__title")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [((period, order, title), n) for period, order, title, n in rows]


def approvals_queue() -> list[Waiting]:
    """Submitted figures and commentaries by area and month, oldest month first."""
    queue: dict[tuple, dict] = {}
    for kind, model, area in (
        ("figures", IndicatorValue, "indicator__service_area"),
        ("commentaries", Commentary, "service_area"),
    ):
        for key, n in _submitted_by_area_and_month(model, area):
            queue.setdefault(key, {})[kind] = n
    return [Waiting(key[2], key[0], **counts) for key, counts in sorted(queue.items())]


@dataclass(frozen=True)
class AdministratorWork:
    without_role: list[User]
    without_role_count: int
    without_post: list[User]
    without_post_count: int
    failed_reminders: list[Reminder]
    failed_count: int
    locked: list[AccessAttempt]


def locked_attempts(*, now: datetime.datetime) -> list[AccessAttempt]:
    """Sign-in attempts locked out now (module docstring), newest first."""
    since = now - settings.AXES_COOLOFF_TIME
    return list(
        AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
        ).order_by("-attempt_time")
    )


def administrator_work(*, today: datetime.date, now: datetime.datetime) -> AdministratorWork:
    """What an administrator should look at (module docstring)."""
    active = User.objects.filter(is_active=True).order_by("full_name", "email")
    without_role = active.filter(groups__isnull=True, is_superuser=False)
    holds = PostHolder.objects.filter(current_holdings(today=today), person=OuterRef("pk"))
    without_post = active.exclude(Exists(holds))
    failed = Reminder.objects.filter(state=Reminder.State.FAILED).select_related("recipient")
    return AdministratorWork(
        without_role=list(without_role[:SHOWN]),
        without_role_count=without_role.count(),
        without_post=list(without_post[:SHOWN]),
        without_post_count=without_post.count(),
        failed_reminders=list(failed.order_by("-created_at", "-pk")[:SHOWN]),
        failed_count=failed.count(),
        locked=locked_attempts(now=now),
    )

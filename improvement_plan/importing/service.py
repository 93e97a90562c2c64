"""Importing a plan file into the database (docs: formats/improvement-plan.md).

All or nothing: the import runs in one transaction, and a dry run rolls it back. An
action is matched by plan and reference ("1.2.3"), so importing the same file again
updates in place and creates nothing new.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from governance.models import Post, PostAlias
from improvement_plan.domain import statuses
from improvement_plan.domain.due_dates import days_overdue
from improvement_plan.domain.timeframe import Timeframe, parse_timeframe
from improvement_plan.importing.layout import (
    ParsedAction,
    ParsedPriority,
    RowWarning,
    parse_plan_rows,
)
from improvement_plan.importing.reading import Source, read_rows
from improvement_plan.models import Action, Objective, Plan, Priority, ProgressUpdate


@dataclass
class PlanImportReport:
    filename: str
    plan_title: str
    dry_run: bool
    plan_id: int | None = None
    priorities_created: int = 0
    objectives_created: int = 0
    actions_read: int = 0
    actions_created: int = 0
    actions_updated: int = 0
    progress_created: int = 0
    posts_created: list[str] = field(default_factory=list)
    overdue: int = 0
    warnings: list[RowWarning] = field(default_factory=list)

    def warn(self, row: int, message: str) -> None:
        self.warnings.append(RowWarning(row, message))

    @property
    def summary(self) -> str:
        return (
            f"{self.priorities_created} priorities, {self.objectives_created} items and "
            f"{self.actions_created} actions created; {self.actions_updated} actions updated; "
            f"{self.progress_created} progress entries and {len(self.posts_created)} posts "
            f"created; {len(self.warnings)} warnings"
        )


@transaction.atomic
def plan_import(
    *,
    source: Source,
    filename: str,
    plan_title: str,
    dry_run: bool,
    user=None,
    today: datetime.date,
) -> PlanImportReport:
    """Imports a plan file into the plan titled `plan_title`, creating it when new.

    Raises PlanFileError or PlanLayoutError when the file cannot be read at all.
    """
    parsed = parse_plan_rows(read_rows(source, filename))
    report = PlanImportReport(filename=filename, plan_title=plan_title, dry_run=dry_run)
    report.warnings.extend(parsed.warnings)
    plan, _ = Plan.objects.get_or_create(title=plan_title)
    report.plan_id = plan.pk
    leads = _LeadPosts(report)
    context = _Context(report=report, leads=leads, user=user, now=timezone.now(), today=today)
    for parsed_priority in parsed.priorities:
        _import_priority(plan, parsed_priority, context)
    report.warnings.sort(key=lambda warning: warning.row)
    if dry_run:
        transaction.set_rollback(True)
    return report


@dataclass
class _Context:
    report: PlanImportReport
    leads: "_LeadPosts"
    user: object
    now: datetime.datetime
    today: datetime.date


class _LeadPosts:
    """Finds the post for each lead: known names and aliases, else a post to review."""

    def __init__(self, report: PlanImportReport):
        self.report = report
        self.by_name: dict[str, Post] = {}
        for post in Post.objects.filter(needs_review=False):
            self.by_name[post.name.lower()] = post
        for alias in PostAlias.objects.filter(post__needs_review=False).select_related("post"):
            self.by_name.setdefault(alias.alias.lower(), alias.post)
        self.known = tuple(sorted(self.by_name))

    def posts_for(self, row: int, timeframe: Timeframe) -> list[Post]:
        posts: dict[int, Post] = {}
        for lead in timeframe.leads:
            post = self.by_name.get((lead.known_as or "").lower()) or self._for_review(row, lead)
            posts.setdefault(post.pk, post)
        return list(posts.values())

    def _for_review(self, row: int, lead) -> Post:
        """Rule: a lead matching no known post becomes a post an administrator reviews."""
        name = " ".join(lead.written.split())[:120]
        post = Post.objects.filter(name__iexact=name).first()
        if post is None:
            post = Post.objects.create(name=name, needs_review=True)
            self.report.posts_created.append(name)
            self.report.warn(row, f'Lead "{name}" matched no known post: created for review.')
        return post


def _import_priority(plan: Plan, parsed: ParsedPriority, context: _Context) -> None:
    priority, created = Priority.objects.get_or_create(
        plan=plan, number=parsed.number, defaults={"title": parsed.title}
    )
    context.report.priorities_created += created
    _update(priority, title=parsed.title)
    for parsed_objective in parsed.objectives:
        objective, created = Objective.objects.get_or_create(
            priority=priority,
            order=parsed_objective.order,
            defaults={"title": parsed_objective.title},
        )
        context.report.objectives_created += created
        _update(objective, title=parsed_objective.title)
        for parsed_action in parsed_objective.actions:
            _import_action(plan, objective, parsed_action, context)


def _update(instance, **values) -> bool:
    """Saves only the fields that changed; True when something did."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)
    return bool(changed)


def _import_action(plan: Plan, objective: Objective, parsed: ParsedAction, context) -> None:
    report = context.report
    report.actions_read += 1
    timeframe = _read_timeframe(parsed, context)
    readings = statuses.read_statuses("\n".join(parsed.rag_lines))
    action = Action.objects.filter(
        objective__priority__plan=plan, reference=parsed.reference
    ).first()
    status = statuses.current_status(readings)
    values = {
        "objective": objective,
        "order": parsed.order,
        "description": parsed.description,
        "timeframe_as_written": parsed.timeframe,
        "due_date": timeframe.due_date,
    }
    if action is None:
        values["status"] = status or Action.Status.NOT_STARTED
        action = Action.objects.create(reference=parsed.reference, **values)
        report.actions_created += 1
    else:
        values["status"] = status or action.status
        report.actions_updated += _update(action, **values)
    _set_leads(action, context.leads.posts_for(parsed.row, timeframe))
    _import_progress(action, parsed, readings, context)
    late = days_overdue(
        due_date=action.due_date, is_complete=action.is_complete, today=context.today
    )
    report.overdue += late is not None


def _set_leads(action: Action, posts: list[Post]) -> None:
    if {post.pk for post in posts} != set(action.lead_posts.values_list("pk", flat=True)):
        action.lead_posts.set(posts)


def _read_timeframe(parsed: ParsedAction, context: _Context) -> Timeframe:
    """Reads the Lead/ Timeframe cell and reports whatever could not be read."""
    timeframe = parse_timeframe(parsed.timeframe, known_posts=context.leads.known)
    warn = context.report.warn
    if not parsed.timeframe:
        warn(parsed.row, f"Action {parsed.reference} has no lead and no timeframe.")
        return timeframe
    if not timeframe.leads:
        warn(parsed.row, f"Action {parsed.reference}: no lead found in {parsed.timeframe!r}.")
    if not timeframe.milestones and not timeframe.recurrence:
        warn(parsed.row, f"Action {parsed.reference}: no date, so recurring with no due date.")
    for text in timeframe.leftovers:
        warn(parsed.row, f'Action {parsed.reference}: "{text}" is neither a lead nor a date.')
    return timeframe


def _import_progress(action: Action, parsed: ParsedAction, readings, context: _Context) -> None:
    """Each progress line is one imported entry, dated to the import, oldest first."""
    report = context.report
    for reading in readings:
        if not reading.is_understood:
            report.warn(
                parsed.row, f'Action {parsed.reference}: RAG "{reading.written}" is unknown.'
            )
    counts = (len(parsed.progress_lines), len(parsed.rag_lines))
    if counts[0] and counts[1] > 1 and counts[0] != counts[1]:
        report.warn(
            parsed.row,
            f"Action {parsed.reference}: progress entries {counts[0]}, RAG lines {counts[1]}; "
            "the last RAG line is taken as current.",
        )
    written = statuses.rag_line_for_each(len(parsed.progress_lines), parsed.rag_lines)
    existing = {u.text: u for u in action.progress_updates.filter(is_imported=True)}
    for text, status_written in zip(parsed.progress_lines, written, strict=True):
        reading = statuses.read_status(status_written)
        values = {"status_as_written": reading.written[:60], "reported_rag": reading.rag}
        if text in existing:
            _update(existing[text], **values)
            continue
        ProgressUpdate.objects.create(
            action=action, text=text, author=context.user, created_at=context.now,
            is_imported=True, **values,
        )  # fmt: skip
        report.progress_created += 1

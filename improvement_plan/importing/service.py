"""Importing a plan file into the database (docs: formats/improvement-plan.md).

All or nothing: the import runs in one transaction, and a dry run rolls it back. An
action is matched by plan and reference ("1.2.3"), so importing the same file again
updates in place and creates nothing new. The file is the plan's own table or a file
export_plan wrote (improvement_plan.importing.export_layout).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from governance.models import Post, PostAlias
from improvement_plan.domain import statuses
from improvement_plan.domain.due_dates import days_overdue
from improvement_plan.domain.timeframe import Timeframe, parse_timeframe
from improvement_plan.importing.export_layout import parse_rows
from improvement_plan.importing.layout import ParsedAction, ParsedPriority
from improvement_plan.importing.milestones import written_milestones
from improvement_plan.importing.reading import Source, read_table
from improvement_plan.importing.report import (
    CREATED,
    UNCHANGED,
    UPDATED,
    ActionPreview,
    PlanImportReport,
    PriorityPreview,
)
from improvement_plan.models import Action, Milestone, Objective, Plan, Priority, ProgressUpdate


@transaction.atomic
def plan_import(
    *,
    source: Source,
    filename: str,
    plan_title: str,
    dry_run: bool,
    user=None,
    today: datetime.date,
    progress: Callable[[int, int], None] | None = None,
) -> PlanImportReport:
    """Imports a plan file into the plan titled `plan_title`, creating it when new.

    Raises PlanFileError or PlanLayoutError when the file cannot be read at all.
    `progress(done, total)` is told of the actions imported as the import goes (a task
    shows it on the page).
    """
    rows, notes = read_table(source, filename)
    parsed = parse_rows(rows)
    report = PlanImportReport(filename=filename, plan_title=plan_title, dry_run=dry_run)
    report.warnings.extend(parsed.warnings)
    for note in notes:
        report.warn(note.row, f"Column {note.column_letter}: {note.message}")
    plan, report.plan_created = Plan.objects.get_or_create(title=plan_title)
    report.plan_id = None if dry_run and report.plan_created else plan.pk
    leads = _LeadPosts(report)
    context = _Context(report=report, leads=leads, user=user, now=timezone.now(), today=today)
    context.progress = _Progress(progress, total=len(parsed.actions))
    for parsed_priority in parsed.priorities:
        _import_priority(plan, parsed_priority, context)
    report.warnings.sort(key=lambda warning: warning.row)
    if dry_run:
        transaction.set_rollback(True)
    return report


class _Progress:
    """Tells `report(done, total)` every EVERY actions and at the end; nothing if None."""

    EVERY = 25

    def __init__(self, report: Callable[[int, int], None] | None, *, total: int):
        self.report, self.total, self.done = report, total, 0

    def step(self) -> None:
        self.done += 1
        if self.report and (self.done % self.EVERY == 0 or self.done == self.total):
            self.report(self.done, self.total)


@dataclass
class _Context:
    report: PlanImportReport
    leads: "_LeadPosts"
    user: object
    now: datetime.datetime
    today: datetime.date
    progress: _Progress | None = None


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
    preview = PriorityPreview(number=parsed.number, title=parsed.title, is_new=created)
    context.report.priorities.append(preview)
    for parsed_objective in parsed.objectives:
        objective, created = Objective.objects.get_or_create(
            priority=priority,
            order=parsed_objective.order,
            defaults={"title": parsed_objective.title},
        )
        context.report.objectives_created += created
        _update(objective, title=parsed_objective.title)
        for parsed_action in parsed_objective.actions:
            preview.actions.append(_import_action(plan, objective, parsed_action, context))
            context.progress.step()


def _update(instance, **values) -> bool:
    """Saves only the fields that changed; True when something did."""
    return bool(_update_fields(instance, values))


def _update_fields(instance, values: dict) -> list[str]:
    """Saves only the fields that changed, and names them."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)
    return changed


def _import_action(plan: Plan, objective: Objective, parsed: ParsedAction, context):
    """Creates or updates one action, its leads, milestones and progress; says which."""
    report = context.report
    report.actions_read += 1
    timeframe = _read_timeframe(parsed, context)
    readings = statuses.read_statuses("\n".join(parsed.rag_lines))
    action, fields = _save_action(plan, objective, parsed, timeframe, readings, report)
    change = CREATED if fields is None else UPDATED if fields else UNCHANGED
    moved = bool(fields and {"timeframe_as_written", "due_date"} & set(fields))
    changed = [
        _set_leads(action, context.leads.posts_for(parsed.row, timeframe)),
        _set_milestones(action, parsed, timeframe, context, moved=moved),
        _import_progress(action, parsed, readings, context),
    ]
    if change == UNCHANGED and any(changed):
        change = UPDATED
    report.actions_created += change == CREATED
    report.actions_updated += change == UPDATED
    late = days_overdue(
        due_date=action.due_date, is_complete=action.is_complete, today=context.today
    )
    report.overdue += late is not None
    return _preview(action, parsed, change)


def _save_action(plan, objective, parsed: ParsedAction, timeframe: Timeframe, readings, report):
    """The action matched by reference, and the fields changed: None when it is new."""
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
    if parsed.reported_rag is not None:
        values["reported_rag"] = parsed.reported_rag
    _free_place(objective, parsed.order, keep=action)
    if action is None:
        values["status"] = status or Action.Status.NOT_STARTED
        return Action.objects.create(reference=parsed.reference, **values), None
    values["status"] = status or action.status
    _keep_what_was_tracked(action, values, parsed, report)
    return action, _update_fields(action, values)


def _free_place(objective: Objective, order: int, *, keep: Action | None) -> None:
    """Rule: an action the file moves takes its place; the one there moves to the end.

    Actions are matched by reference, so a file can reorder them: action 1.1.2 may come
    to stand where 1.1.1 stood. Each item holds one action at each place (the database
    says so: action_order_unique), so the action standing there moves after the item's
    last; the file's own row for it, if any, puts it back in its place later on.
    """
    there = Action.objects.filter(objective=objective, order=order)
    if keep is not None:
        there = there.exclude(pk=keep.pk)
    if there.exists():
        last = Action.objects.filter(objective=objective).aggregate(m=Max("order"))["m"]
        there.update(order=last + 1)


TRACKED_SINCE = {"due_date": "due date", "status": "status", "reported_rag": "reported RAG"}


def _keep_what_was_tracked(action: Action, values: dict, parsed: ParsedAction, report) -> None:
    """A re-import never reverts what was recorded in the system after the file was made.

    A due date moved here (a DueDateChange) stays; a status or reported RAG set by a
    lead's own progress update stays. The file's value is named in a warning instead.
    """
    kept = []
    if action.due_date_changes.exists():
        kept.append("due_date")
    if action.progress_updates.filter(is_imported=False).exists():
        kept += ["status", "reported_rag"]
    for name in kept:
        if name in values and values[name] != getattr(action, name):
            report.warn(
                parsed.row,
                f"Action {parsed.reference}: {TRACKED_SINCE[name]} kept as recorded here "
                f"({_shown(getattr(action, name))}), not the file's {_shown(values[name])}.",
            )
            del values[name]


def _shown(value) -> str:
    if value is None or value == "":
        return "none"
    if hasattr(value, "strftime"):
        return value.strftime("%-d %B %Y")
    return str(value).replace("_", " ")


def _preview(action: Action, parsed: ParsedAction, change: str) -> ActionPreview:
    return ActionPreview(
        row=parsed.row,
        reference=action.reference,
        description=action.description,
        leads=sorted(post.name for post in action.lead_posts.all()),
        due_date=action.due_date,
        status=action.get_status_display(),
        change=change,
    )


def _set_leads(action: Action, posts: list[Post]) -> bool:
    if {post.pk for post in posts} == set(action.lead_posts.values_list("pk", flat=True)):
        return False
    action.lead_posts.set(posts)
    return True


def _set_milestones(action: Action, parsed: ParsedAction, timeframe, context, *, moved) -> bool:
    """One milestone per date, with its words as written; True when any changed.

    Milestones the file no longer names are removed only when the action's timeframe
    changed in this import, so a lead's own milestones survive importing the same file.
    An export gives dates only, so the words of milestones already there are kept.
    """
    if parsed.given is not None:
        wanted = {date: date.isoformat() for date in timeframe.milestones}
    else:
        wanted = dict(written_milestones(parsed.timeframe, timeframe.milestones))
    existing = {milestone.due_date: milestone for milestone in action.milestones.all()}
    created = [
        Milestone(action=action, due_date=date, written=written)
        for date, written in wanted.items()
        if date not in existing
    ]
    Milestone.objects.bulk_create(created)
    context.report.milestones_created += len(created)
    changed = bool(created)
    for date, milestone in existing.items():
        if date in wanted and parsed.given is None:
            changed |= _update(milestone, written=wanted[date])
        elif date not in wanted and moved:
            milestone.delete()
            changed = True
    return changed


def _read_timeframe(parsed: ParsedAction, context: _Context) -> Timeframe:
    """Reads the Lead/ Timeframe cell and reports whatever could not be read."""
    if parsed.given is not None:
        return parsed.given
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


def _import_progress(action: Action, parsed: ParsedAction, readings, context: _Context) -> int:
    """Each progress line is one imported entry, dated to the import, oldest first.

    An entry whose text the action already has is not added again. An export's entry
    (its status column, not the RAG as written) leaves an entry already there as it is.
    """
    report = context.report
    _warn_about_rag(parsed, readings, report)
    written = statuses.rag_line_for_each(len(parsed.progress_lines), parsed.rag_lines)
    updates = list(action.progress_updates.all())
    imported = {u.text: u for u in updates if u.is_imported}
    others = {u.text for u in updates if not u.is_imported}
    created = 0
    for text, status_written in zip(parsed.progress_lines, written, strict=True):
        reading = statuses.read_status(status_written)
        values = {"status_as_written": reading.written[:60], "reported_rag": reading.rag}
        if text in imported and parsed.given is None:
            _update(imported[text], **values)
        elif text not in imported and text not in others:
            ProgressUpdate.objects.create(
                action=action, text=text, author=context.user, created_at=context.now,
                is_imported=True, **values,
            )  # fmt: skip
            created += 1
    report.progress_created += created
    return created


def _warn_about_rag(parsed: ParsedAction, readings, report: PlanImportReport) -> None:
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

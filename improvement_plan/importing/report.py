"""What an import did, or in a dry run would do: counts, warnings by row, and a preview."""

import datetime
from dataclasses import asdict, dataclass, field

from improvement_plan.importing.layout import RowWarning

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"


@dataclass
class ActionPreview:
    """One action of the file as the import reads it, and what happens to it."""

    row: int
    reference: str
    description: str
    leads: list[str]
    due_date: datetime.date | None
    status: str
    change: str = UNCHANGED


@dataclass
class PriorityPreview:
    number: int
    title: str
    is_new: bool
    actions: list[ActionPreview] = field(default_factory=list)


@dataclass
class PlanImportReport:
    filename: str
    plan_title: str
    dry_run: bool
    plan_id: int | None = None
    plan_created: bool = False
    priorities_created: int = 0
    objectives_created: int = 0
    actions_read: int = 0
    actions_created: int = 0
    actions_updated: int = 0
    progress_created: int = 0
    milestones_created: int = 0
    posts_created: list[str] = field(default_factory=list)
    overdue: int = 0
    warnings: list[RowWarning] = field(default_factory=list)
    priorities: list[PriorityPreview] = field(default_factory=list)

    def warn(self, row: int, message: str) -> None:
        self.warnings.append(RowWarning(row, message))

    @property
    def actions_unchanged(self) -> int:
        return self.actions_read - self.actions_created - self.actions_updated

    @property
    def summary(self) -> str:
        return (
            f"{self.priorities_created} priorities, {self.objectives_created} items and "
            f"{self.actions_created} actions created; {self.actions_updated} actions updated; "
            f"{self.progress_created} progress entries, {self.milestones_created} milestones "
            f"and {len(self.posts_created)} posts created; {len(self.warnings)} warnings"
        )

    def lines(self) -> list[str]:
        """The summary, then every warning with its row, then the posts created for review."""
        lines = [f"{'Dry run of' if self.dry_run else 'Imported'} {self.filename} into "
                 f'{"new" if self.plan_created else "existing"} plan "{self.plan_title}".',
                 self.summary]  # fmt: skip
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        if self.warnings:
            lines.append(f"Warnings ({len(self.warnings)}):")
            lines += [f"  Row {w.row}: {w.message}" for w in self.warnings]
        if self.posts_created:
            lines.append("Posts created for an administrator to review or merge:")
            lines += [f"  {name}" for name in self.posts_created]
        return lines


def report_as_data(report: PlanImportReport) -> dict:
    """The report as JSON-ready data, for an import run by a task (see background)."""
    data = asdict(report)
    for priority in data["priorities"]:
        for action in priority["actions"]:
            action["due_date"] = action["due_date"].isoformat() if action["due_date"] else None
    return data


def report_from_data(data: dict) -> PlanImportReport:
    """The report back from report_as_data()."""
    data = dict(data)
    warnings = [RowWarning(**warning) for warning in data.pop("warnings")]
    priorities = []
    for priority in data.pop("priorities"):
        actions = [
            ActionPreview(**action | {"due_date": _date(action["due_date"])})
            for action in priority.pop("actions")
        ]
        priorities.append(PriorityPreview(**priority, actions=actions))
    return PlanImportReport(**data, warnings=warnings, priorities=priorities)


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None

"""What a scorecard import did, or would do in a dry run: counts, changes and problems."""

import datetime
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from scorecard.domain.polarity_evidence import EvidenceRow
from scorecard.importing.layout import ScorecardWarning


@dataclass(frozen=True)
class NewIndicator:
    row: int
    sheet: str
    ref: str
    title: str
    service_area: str
    section: str


@dataclass(frozen=True)
class ValueChange:
    """A month already held that the file changes: which fields, and the figure held and
    the figure in the file."""

    row: int
    sheet: str
    ref: str
    period: datetime.date
    before: str
    after: str
    fields: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.sheet}, row {self.row}" if self.sheet else f"Row {self.row}"

    @property
    def what(self) -> str:
        """ "Value 58 to 60" or "Previous year, reported direction"."""
        figure = ("value", "missing reason")
        names = [name for name in self.fields if name not in figure]
        if any(name in figure for name in self.fields):
            names.insert(0, f"value {self.before} to {self.after}")
        text = ", ".join(names) or "approved"
        return text[0].upper() + text[1:]


@dataclass(frozen=True)
class Learned:
    """A polarity or amber tolerance learned from evidence (or kept, where a person chose)."""

    ref: str
    what: str
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class ConflictRow(EvidenceRow):
    """A row of evidence that conflicts (where, and what it implies), and what it was
    about: "polarity" or "amber tolerance"."""

    about: str = ""

    @property
    def line(self) -> str:
        if not self.letter:
            return f"{self.about}, {self.ref}: the target {self.target} says {self.implies}"
        return (
            f"{self.about}, {self.ref} {self.month}: {self.value} against {self.target}, "
            f"marked {self.letter}: {self.implies}"
        )


def shown(value: Decimal | None, missing_reason: str = "") -> str:
    """A held or imported figure in words: "78.1", "Not Yet Available" or "Nothing"."""
    if value is not None:
        return f"{value.normalize():f}"
    return missing_reason or "Nothing"


@dataclass
class ScorecardImportReport:
    filename: str
    period: datetime.date | None
    dry_run: bool
    tables: int = 0
    indicators_read: int = 0
    service_areas_created: int = 0
    sections_created: int = 0
    indicators_created: int = 0
    indicators_updated: int = 0
    values_created: int = 0
    values_updated: int = 0
    values_unchanged: int = 0
    targets_created: int = 0
    targets_updated: int = 0
    benchmarks_created: int = 0
    benchmarks_updated: int = 0
    rows_skipped: int = 0
    cell_errors: int = 0
    rolled_back: bool = False
    columns_not_stored: list[str] = field(default_factory=list)
    warnings: list[ScorecardWarning] = field(default_factory=list)
    new_indicators: list[NewIndicator] = field(default_factory=list)
    value_changes: list[ValueChange] = field(default_factory=list)
    learned: list[Learned] = field(default_factory=list)
    reasons_updated: int = 0
    polarities_kept: list[Learned] = field(default_factory=list)
    conflicts: list[ConflictRow] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"{self.tables} tables, {self.indicators_read} indicator rows: "
            f"{self.indicators_created} indicators created, {self.indicators_updated} updated; "
            f"{self.sections_created} sections created; {self.values_created} values "
            f"created, {self.values_updated} updated, {self.values_unchanged} unchanged; "
            f"{self.targets_created} targets and {self.benchmarks_created} benchmarks created; "
            f"{self.rows_skipped} rows skipped; {len(self.warnings)} warnings"
        )

    def lines(self) -> list[str]:
        """The summary, what is not stored, then every problem with its row and column."""
        month = f" for {self.period:%B %Y}" if self.period else ""
        lines = [
            f"{'Dry run of' if self.dry_run else 'Imported'} {self.filename}{month}.",
            self.summary,
        ]
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        elif self.rolled_back:
            lines.append("Nothing was saved: the file has cells that cannot be read.")
        if self.columns_not_stored:
            lines.append(f"Read but not stored: {', '.join(self.columns_not_stored)}.")
        if self.value_changes:
            lines.append(f"Values {'to change' if self.dry_run else 'changed'}:")
        lines += [
            f"  {change.where}, {change.ref} {change.period:%b %Y}: {change.what}"
            for change in self.value_changes
        ]
        lines += self.evidence_lines()
        if self.warnings:
            lines.append(f"Problems ({len(self.warnings)}):")
            lines += [f"  {warning.where}: {warning.message}" for warning in self.warnings]
        return lines

    def evidence_lines(self) -> list[str]:
        """What was learned from evidence, what a person's choice kept, what conflicts."""
        lines = []
        if self.learned:
            lines.append(f"Learned from evidence{' (would be)' if self.dry_run else ''}:")
        lines += [
            f"  {item.ref} {item.what}: {item.before} to {item.after}. {item.reason}"
            for item in self.learned
        ]
        if self.reasons_updated:
            lines.append(
                f"Reasons brought up to date with more evidence, values unchanged: "
                f"{self.reasons_updated}"
            )
        if self.polarities_kept:
            lines.append("Kept as a person set them, though the evidence says otherwise:")
        lines += [
            f"  {item.ref} {item.what}: {item.before} kept; evidence: {item.after}. {item.reason}"
            for item in self.polarities_kept
        ]
        if self.conflicts:
            lines.append("Evidence that conflicts, so nothing is learned from it:")
        lines += [f"  {row.line}" for row in self.conflicts]
        return lines


def report_as_data(report: ScorecardImportReport) -> dict:
    """The report as JSON-ready data, for an import run by a task (see background)."""
    data = asdict(report)
    data["period"] = report.period.isoformat() if report.period else None
    for change in data["value_changes"]:
        change["period"] = change["period"].isoformat()
    return data


def report_from_data(data: dict) -> ScorecardImportReport:
    """The report back from report_as_data()."""
    data = dict(data)
    period = datetime.date.fromisoformat(data.pop("period")) if data.get("period") else None
    data.pop("period", None)
    return ScorecardImportReport(
        **data
        | {
            "period": period,
            "warnings": [ScorecardWarning(**w) for w in data["warnings"]],
            "new_indicators": [NewIndicator(**n) for n in data["new_indicators"]],
            "learned": [Learned(**item) for item in data.get("learned", [])],
            "polarities_kept": [Learned(**item) for item in data.get("polarities_kept", [])],
            "conflicts": [ConflictRow(**row) for row in data.get("conflicts", [])],
            "value_changes": [
                ValueChange(
                    **c
                    | {
                        "period": datetime.date.fromisoformat(c["period"]),
                        "fields": tuple(c["fields"]),
                    }
                )
                for c in data["value_changes"]
            ],
        }
    )

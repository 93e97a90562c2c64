"""An action's timeline: one list, newest first, of typed entries: progress updates,
due-date changes, the Director's reviews, RAG changes and other changes from the action's
history (django-simple-history).

Each source is read in a fixed number of queries whatever its length, and historical records are
compared in Python, so the page's query count does not grow with the action's history.
The page shows PER_PAGE entries at a time (issue 13): progress updates and the computed
RAG changes recorded with them, the parts that grow, are read as keys only as far back as
the page reaches (Timeline), and only the page's are read whole.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet, Window
from django.db.models.functions import Lag
from django.utils.formats import date_format

from improvement_plan.link_selectors import link_history_entries
from improvement_plan.models import Action, DirectorReview, DueDateChange, ProgressUpdate

STATUS_WORDS = dict(Action.Status.choices)
NOT_SHOWN_IN_HISTORY = ("updated_at", "created_at", "order")
M2M_FIELDS = {
    "lead_posts": ("post", "Lead posts"),
}
IMPORTED = "Imported from the plan document"


# The timeline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One thing that happened to the action. `kind` picks how the page shows it."""

    kind: str
    at: datetime.datetime
    who: str
    pk: int = 0


@dataclass(frozen=True)
class RecordEntry(Entry):
    """A progress update ("progress"), due-date change ("due_date") or review ("review")."""

    record: ProgressUpdate | DueDateChange | DirectorReview | None = None


@dataclass(frozen=True)
class RagChangeEntry(Entry):
    which: str = "Reported"  # or "Computed"
    from_rag: str = ""
    to_rag: str = ""
    reason: str = ""


@dataclass(frozen=True)
class ChangeEntry(Entry):
    """A history record: what changed, in sentences, and the reason it was saved with."""

    changes: tuple[str, ...] = ()
    reason: str = ""
    created: bool = False


ORDER = {"change": 0, "due_date": 1, "rag": 2, "progress": 3, "review": 4}
PER_PAGE = 25  # timeline entries on a page


class Timeline:
    """Everything that happened to the action, newest first, as the paginator reads it:
    its length, and a slice. Progress updates and the computed RAG changes recorded with
    them, the parts that grow with the action's life, are read only as far back as the
    slice reaches (the newest `stop` of each, as keys: timeline_page() fills in the
    page's); the other parts (due-date moves, reviews, history, links) are read whole."""

    def __init__(self, action: Action):
        self.action = action
        updates = action.progress_updates.order_by()
        self.updates = updates.order_by("-created_at", "-id")
        self.rag_changes = computed_rag_changes(updates)
        moves = list(action.due_date_changes.select_related("changed_by"))
        reviews = action.reviews.select_related("reviewer", "answered_by__author")
        self.others: list[Entry] = [
            *(RecordEntry("due_date", m.changed_at, _name(m.changed_by), m.pk, m) for m in moves),
            *(RecordEntry("review", r.reviewed_at, _name(r.reviewer), r.pk, r) for r in reviews),
            *history_entries(action, moves=moves),
            *link_history_entries(action),
        ]
        self.length = len(self.others) + updates.count() + self.rag_changes.count()

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, wanted: slice) -> list[Entry]:
        stop = wanted.stop
        entries = [
            *self.others,
            *(
                RecordEntry("progress", at, "", pk)
                for pk, at in self.updates[:stop].values_list("pk", "created_at")
            ),
            *(_rag_change(*row) for row in self.rag_changes[:stop]),
        ]
        entries.sort(key=lambda e: (e.at, ORDER[e.kind], e.pk), reverse=True)
        return entries[wanted]


def timeline_page(action: Action, *, number=1) -> Page:
    """One page (PER_PAGE entries, newest first) of the action's timeline, its progress
    updates and computed RAG changes filled in with who wrote them and their evidence:
    the page's queries and rendering do not grow with the action's history. A page
    number that is not one (or past the end) gives the nearest page."""
    page = Paginator(Timeline(action), PER_PAGE).get_page(number)
    wanted = {entry.pk for entry in page if _is_update(entry)}
    if wanted:
        updates = action.progress_updates.select_related("author").prefetch_related("evidence")
        page.object_list = _filled(list(page), updates.in_bulk(wanted))
    return page


def latest_update(action: Action) -> ProgressUpdate | None:
    """The action's newest progress update (the timeline's order), with who wrote it."""
    return action.progress_updates.select_related("author").order_by("-created_at", "-id").first()


def _is_update(entry: Entry) -> bool:
    """A progress update's entry or the computed RAG change it recorded (pk: the update's)."""
    return entry.kind == "progress" or getattr(entry, "which", "") == "Computed"


def _filled(entries: list[Entry], updates: dict[int, ProgressUpdate]) -> list[Entry]:
    """The page's update entries with their update and who wrote it."""
    filled = []
    for entry in entries:
        update = updates.get(entry.pk) if _is_update(entry) else None
        if update is None:
            filled.append(entry)
        elif entry.kind == "progress":
            filled.append(replace(entry, who=_who(update), record=update))
        else:
            filled.append(replace(entry, who=_who(update)))
    return filled


def _name(person) -> str:
    return str(person) if person is not None else "someone no longer listed"


def _who(update: ProgressUpdate) -> str:
    return IMPORTED if update.is_imported else _name(update.author)


def computed_rag_changes(updates: QuerySet[ProgressUpdate]) -> QuerySet:
    """The updates whose computed RAG differs from the one recorded before it (an update
    with none recorded is passed over), newest first, as (pk, at, from, to) rows: the
    rule of the timeline's "Computed" RAG changes, in SQL so that a page reads only as
    many as it shows."""
    recorded = updates.exclude(computed_rag="").annotate(
        previous=Window(Lag("computed_rag"), order_by=(F("created_at").asc(), F("id").asc()))
    )
    changed = recorded.filter(previous__isnull=False).exclude(previous=F("computed_rag"))
    return changed.order_by("-created_at", "-id").values_list(
        "pk", "created_at", "previous", "computed_rag"
    )


def _rag_change(pk, at, from_rag, to_rag) -> RagChangeEntry:
    """A computed RAG change; who wrote the update is filled in for the page shown."""
    return RagChangeEntry(
        "rag", at, "", pk, which="Computed", from_rag=from_rag, to_rag=to_rag,
        reason="Recorded with a progress update",
    )  # fmt: skip


# History records -------------------------------------------------------------------------


def history_entries(action: Action, *, moves: list[DueDateChange]) -> list[Entry]:
    """Entries for the action's historical records, each compared with the one before.

    Due-date moves already shown by a DueDateChange and reported-RAG changes (shown as
    RAG changes) are not repeated; a record that changed nothing shown is left out.
    """
    records = list(action.history.select_related("history_user").order_by("history_date", "pk"))
    m2m = _m2m_snapshots([record.pk for record in records])
    owners = _owner_names(records)
    recorded_moves = {(m.from_date, m.to_date) for m in moves}
    entries: list[Entry] = []
    previous = None
    for record in records:
        who = _name(record.history_user) if record.history_user_id else "the system"
        if previous is None:
            entries.append(
                ChangeEntry(
                    "change",
                    record.history_date,
                    who,
                    record.pk,
                    reason=record.history_change_reason or "",
                    created=True,
                )  # fmt: skip
            )
        else:
            entries.extend(_record_entries(record, previous, who, m2m, owners, recorded_moves))
        previous = record
    return entries


def _record_entries(record, previous, who, m2m, owners, recorded_moves) -> list[Entry]:
    delta = record.diff_against(previous, excluded_fields=[*M2M_FIELDS, *NOT_SHOWN_IN_HISTORY])
    changed = {change.field: change for change in delta.changes}
    entries: list[Entry] = []
    rag = changed.pop("reported_rag", None)
    if rag is not None:
        changed.pop("reported_rag_reason", None)
        entries.append(
            RagChangeEntry(
                "rag",
                record.history_date,
                who,
                record.pk,
                which="Reported",
                from_rag=rag.old,
                to_rag=rag.new,
                reason=record.reported_rag_reason,
            )  # fmt: skip
        )
    due = changed.get("due_date")
    if due is not None and (due.old, due.new) in recorded_moves:
        changed.pop("due_date")
    sentences = [_sentence(name, c.old, c.new, owners) for name, c in changed.items()]
    sentences += _m2m_sentences(m2m[previous.pk], m2m[record.pk])
    if sentences:
        entries.append(
            ChangeEntry(
                "change",
                record.history_date,
                who,
                record.pk,
                changes=tuple(sentences),
                reason=record.history_change_reason or "",
            )  # fmt: skip
        )
    return entries


def _m2m_snapshots(record_ids: list[int]) -> dict[int, dict[str, frozenset[str]]]:
    """For each historical record, the names of its lead posts and linked indicators then."""
    snapshots: dict[int, dict[str, frozenset[str]]] = defaultdict(
        lambda: {name: frozenset() for name in M2M_FIELDS}
    )
    history_model = Action.history.model
    for name, (target, _) in M2M_FIELDS.items():
        through = history_model._meta.get_field(f"historicalaction_{name}").related_model
        names = defaultdict(set)
        for history_id, label in _through_rows(through, target, record_ids):
            names[history_id].add(label)
        for history_id, labels in names.items():
            snapshots[history_id][name] = frozenset(labels)
    return snapshots


def _through_rows(through, target: str, record_ids: list[int]):
    label = "post__name" if target == "post" else "indicator__ref"
    return through.objects.filter(history_id__in=record_ids).values_list("history_id", label)


def _m2m_sentences(old: dict, new: dict) -> list[str]:
    sentences = []
    for name, (_, label) in M2M_FIELDS.items():
        added, removed = sorted(new[name] - old[name]), sorted(old[name] - new[name])
        parts = [f"added {', '.join(added)}"] * bool(added)
        parts += [f"removed {', '.join(removed)}"] * bool(removed)
        if parts:
            sentences.append(f"{label} changed: {'; '.join(parts)}")
    return sentences


def _owner_names(records) -> dict[int, str]:
    ids = {r.owner_id for r in records if r.owner_id}
    if not ids:
        return {}
    people = get_user_model().objects.filter(pk__in=ids)  # not governance's model: imports run down
    return {user.pk: str(user) for user in people}


LABELS = {
    "status": "Status",
    "due_date": "Due date",
    "reference": "Reference",
    "description": "Description",
    "timeframe_as_written": "Lead and timeframe as written",
    "reported_rag_reason": "Reason for the reported RAG",
    "owner": "Named owner",
}
QUOTED = frozenset({"description", "timeframe_as_written", "reported_rag_reason"})


def _sentence(name: str, old, new, owners: dict[int, str]) -> str:
    """ "Status changed from In progress to Complete", in words."""
    if name == "objective":
        return "Moved to another item of the plan"
    label = LABELS.get(name, name.replace("_", " ").capitalize())
    words = {"status": STATUS_WORDS, "owner": owners}.get(name, {})
    return f"{label} changed from {_words(name, old, words)} to {_words(name, new, words)}"


def _words(name: str, value, words: dict) -> str:
    if value in (None, ""):
        return "no due date" if name == "due_date" else "none"
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    shown = words.get(value, value)
    return f"“{shown}”" if name in QUOTED else str(shown)

"""Writes for a meeting's agenda: adding, changing, moving and deleting items.

Items are numbered 1, 2, 3... in agenda order, and the database refuses two items with
one number in a meeting. Renumbering therefore moves the items that change out of the
way first (by a temporary offset), then gives each its new number, saved with history.
The meeting row is locked while its agenda changes, so two changes cannot interleave.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from governance.meetings.audit import DELETION, log_change, save_with_history
from governance.meetings.paper_services import delete_file_after_commit
from governance.meetings.standard_items import insert_index
from governance.meetings.versions import apply, changes_to_write
from governance.models import AgendaItem, Meeting, Minute
from governance.packs.services import packs_withdraw_for_item
from scorecard.services import plain_text

OFFSET = 10_000  # above any real item number, below PositiveSmallIntegerField's limit
DIRECTIONS = ("up", "down")


def _agenda(meeting_id: int) -> list[AgendaItem]:
    """Locks the meeting and returns its items in order."""
    Meeting.objects.select_for_update().get(pk=meeting_id)
    return list(AgendaItem.objects.filter(meeting_id=meeting_id).order_by("order"))


def _renumber(numbered: list[tuple[AgendaItem, int]], *, user, reason: str) -> None:
    """Gives each item its number, moving the ones that change out of the way first."""
    changed = [(item, number) for item, number in numbered if item.order != number]
    if not changed:
        return
    AgendaItem.objects.filter(pk__in=[item.pk for item, _ in changed]).update(
        order=F("order") + OFFSET
    )
    for item, number in changed:
        item.order = number
        save_with_history(item, user=user, reason=reason, fields=["order"])


def _item_values(*, title, description, presenters, report_author, exempt_paragraph) -> dict:
    """An item needs a title; an exempt item names its paragraph of Schedule 12A."""
    values = {
        "title": plain_text(title)[:300],
        "description": plain_text(description),
        "presenters": plain_text(presenters)[:500],
        "report_author": report_author,
        "exempt_paragraph": exempt_paragraph or None,
    }
    problems = {}
    if not values["title"]:
        problems["title"] = "Enter the item's title"
    if values["exempt_paragraph"] not in (None, *AgendaItem.ExemptParagraph.values):
        problems["exempt_paragraph"] = "Select a paragraph of Schedule 12A, or not exempt"
    if problems:
        raise ValidationError(problems)
    return values


@transaction.atomic
def agenda_item_add(
    *, meeting: Meeting, title: str, user, description: str = "", presenters: str = "",
    report_author=None, exempt_paragraph: int | None = None,
) -> AgendaItem:  # fmt: skip
    """Adds an item of business before the closing standard items (date of next meeting,
    urgent items), which move down; at the end when there are none."""
    values = _item_values(
        title=title, description=description, presenters=presenters,
        report_author=report_author, exempt_paragraph=exempt_paragraph,
    )  # fmt: skip
    items = _agenda(meeting.pk)
    index = insert_index([item.standard for item in items])
    numbered = [(item, n) for n, item in enumerate(items[:index], start=1)]
    numbered += [(item, n) for n, item in enumerate(items[index:], start=index + 2)]
    _renumber(numbered, user=user, reason="Renumbered: an item was added above")
    item = AgendaItem(meeting_id=meeting.pk, order=index + 1, **values)
    save_with_history(item, user=user, reason="Item added")
    return item


ITEM_LABELS = {
    "title": "Title", "description": "Description", "presenters": "Presented by",
    "report_author": "Report author", "exempt_paragraph": "Exemption",
}  # fmt: skip


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, user, title: str, description: str = "", presenters: str = "",
    report_author=None, exempt_paragraph: int | None = None, opened=None, changed=None,
) -> AgendaItem:  # fmt: skip
    """Changes an item's wording, presenters, report author or exemption; standard items
    too, which stay marked standard. With `opened` and `changed` (the form's), only the
    fields this person changed are written, and a change someone else made to the same
    field since the form was opened is refused (governance.meetings.versions).
    Rule: an item made exempt withdraws at once every public pack that holds it and
    starts a corrected build (governance.packs.services.packs_withdraw_for_item)."""
    values = _item_values(
        title=title, description=description, presenters=presenters,
        report_author=report_author, exempt_paragraph=exempt_paragraph,
    )  # fmt: skip
    _agenda(item.meeting_id)
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    was_exempt = item.is_exempt
    writes = changes_to_write(item, values, opened=opened, changed=changed, labels=ITEM_LABELS)
    if writes:
        fields = apply(item, writes)
        save_with_history(item, user=user, reason="Item changed", fields=fields)
    if item.is_exempt and not was_exempt:
        packs_withdraw_for_item(item=item, user=user)
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str, user) -> AgendaItem:
    """Swaps an item with the one above or below it; the agenda is numbered 1, 2, 3..."""
    if direction not in DIRECTIONS:
        raise ValidationError("Choose to move the item up or down")
    items = _agenda(item.meeting_id)
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        where = "first" if direction == "up" else "last"
        raise ValidationError(f"Item {items[index].order} is already {where} on the agenda")
    items[index], items[target] = items[target], items[index]
    _renumber(
        [(other, n) for n, other in enumerate(items, start=1)],
        user=user, reason=f"Moved {direction}",
    )  # fmt: skip
    return items[target]


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, user) -> None:
    """Deletes an item and its papers and renumbers the agenda. An item with a minute or
    declarations of interest recorded against it is part of the record: it stays."""
    items = _agenda(item.meeting_id)
    item = next(other for other in items if other.pk == item.pk)
    if item.declarations.exists() or Minute.objects.filter(agenda_item=item).exists():
        raise ValidationError(
            f"Item {item.order} has minutes or declarations of interest recorded against "
            "it: it cannot be deleted"
        )
    for paper in item.papers.all():
        log_change(paper, user=user, flag=DELETION, message=f"Deleted with item {item.order}")
        delete_file_after_commit(paper.file)
    item._history_user, item._change_reason = user, "Item deleted"
    item.delete()
    rest = [other for other in items if other.pk != item.pk]
    _renumber(
        [(other, n) for n, other in enumerate(rest, start=1)],
        user=user, reason="Renumbered: an item above was deleted",
    )  # fmt: skip

"""The next meetings with their pack's state and papers deadline (the Director's and
democratic services' homes).

Rules (governance.domain.home): a meeting is next while it has not started and is not
cancelled, soonest first. An item "needs papers" unless it is a standard item (apologies,
declarations, minutes, urgent items, next meeting) or already has a paper. The pack
linked from a row is one the person may open without asking per meeting: a public pack
not withdrawn, or any pack for those who manage meetings. Three queries for any number
of meetings, items or packs.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from governance.domain import home as rules
from governance.models import AgendaItem, Meeting, Pack, Paper

MANAGE = "governance.manage_meetings"


@dataclass(frozen=True)
class MeetingRow:
    """A next meeting, what its pack has reached and its papers deadline, in words."""

    meeting: Meeting
    state: str
    papers_words: str
    papers_need_action: bool
    items_without_papers: int
    pack: Pack | None

    @property
    def state_words(self) -> str:
        return rules.PACK_WORDS[self.state][0]

    @property
    def state_colour(self) -> str:
        return rules.PACK_WORDS[self.state][1]

    @property
    def to_build(self) -> bool:
        return self.state in (rules.NOT_BUILT, rules.FAILED)

    @property
    def to_publish(self) -> bool:
        return self.state == rules.BUILT


def _items_without_papers() -> Subquery:
    items = (
        AgendaItem.objects.filter(meeting=OuterRef("pk"), standard="")
        .exclude(Exists(Paper.objects.filter(agenda_item=OuterRef("pk"))))
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(items, output_field=IntegerField()), 0)


def _pack_to_open(packs: list[Pack], *, may_manage: bool) -> Pack | None:
    """The newest pack the person may open, published before built, built before the rest."""
    open_to_them = [
        p for p in packs if may_manage or (p.audience == "public" and p.withdrawn_at is None)
    ]
    ranked = sorted(
        open_to_them,
        key=lambda p: (
            p.withdrawn_at is not None,
            p.published_at is None,
            p.state != Pack.State.BUILT,
            -p.version,
        ),  # fmt: skip
    )
    return ranked[0] if ranked else None


def _row(meeting: Meeting, *, today: datetime.date, may_manage: bool) -> MeetingRow:
    packs = list(meeting.packs.all())
    facts = [
        rules.PackFacts(p.state, p.published_at is not None, p.withdrawn_at is not None)
        for p in packs
    ]
    state = rules.pack_state(facts)
    words, needs = rules.papers_in_words(deadline=meeting.papers_deadline, today=today, state=state)
    return MeetingRow(
        meeting, state, words, needs, meeting.items_without_papers,
        _pack_to_open(packs, may_manage=may_manage),
    )  # fmt: skip


def next_meetings(
    *, user, now: datetime.datetime, today: datetime.date, limit: int = 5
) -> list[MeetingRow]:
    """The next `limit` meetings of every board, soonest first (module docstring)."""
    meetings = (
        Meeting.objects.filter(starts_at__gte=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("board")
        .annotate(items_without_papers=_items_without_papers())
        .prefetch_related(Prefetch("packs", queryset=Pack.objects.order_by("-version", "pk")))
        .order_by("starts_at", "pk")[:limit]
    )
    may_manage = user.has_perm(MANAGE)
    return [_row(meeting, today=today, may_manage=may_manage) for meeting in meetings]

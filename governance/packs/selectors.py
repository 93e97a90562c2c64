"""Reads for agenda packs: the meeting as a pack needs it, who may see which pack, and
the packs panel on the meeting page.

Rules (permissions are governance/rules.py's):
- A full pack is for those who may read the meeting's full papers
  (governance.view_full_papers); a public pack for every member of staff
  (governance.view_meetings).
- A withdrawn public pack (an item in it was made exempt after it was built) is, like
  the full pack, only for those who may read the full papers; it shows as "Withdrawn".
- Building and publishing need governance.build_pack.
- The panel lists, per audience the person may see, every version newest first; a
  built version older than the newest built one is "superseded".
- The panel reads the packs in one query however many there are.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from governance.models import AgendaItem, Meeting, Pack, Paper

VIEW_PERMISSION = {
    Pack.Audience.FULL: "governance.view_full_papers",
    Pack.Audience.PUBLIC: "governance.view_meetings",
}
BUILD_PERMISSION = "governance.build_pack"
STATE_WORDS = {
    Pack.State.QUEUED: "Waiting to be built",
    Pack.State.BUILDING: "Building",
    Pack.State.BUILT: "Built",
    Pack.State.FAILED: "Failed",
}
STATE_COLOURS = {
    Pack.State.QUEUED: "govuk-tag--grey",
    Pack.State.BUILDING: "govuk-tag--blue",
    Pack.State.BUILT: "govuk-tag--green",
    Pack.State.FAILED: "govuk-tag--red",
}


def meeting_for_pack(meeting_id: int) -> Meeting:
    """The meeting with its board, agenda in order and each item's papers in order."""
    papers = Paper.objects.order_by("order", "pk")
    items = AgendaItem.objects.order_by("order").prefetch_related(
        Prefetch("papers", queryset=papers)
    )
    return (
        Meeting.objects.select_related("board")
        .prefetch_related(Prefetch("agenda_items", queryset=items))
        .get(pk=meeting_id)
    )


def packs_with_meeting() -> QuerySet[Pack]:
    return Pack.objects.select_related("meeting__board", "requested_by")


def view_permission(pack: Pack) -> str:
    """The permission needed to see this pack and download it (module docstring)."""
    if pack.withdrawn_at is not None:
        return VIEW_PERMISSION[Pack.Audience.FULL]
    return VIEW_PERMISSION[pack.audience]


def may_view_pack(user, pack: Pack) -> bool:
    """Whether `user` may see this pack and download it (module docstring)."""
    return user.has_perm(view_permission(pack), pack.meeting)


def holds_exempt_item(pack: Pack) -> bool:
    """Rule, checked again where a pack is served: a pack holding an item that is exempt
    now is never served, even if it was not withdrawn. A pack built before packs recorded
    what they hold is taken to hold every item of its meeting it did not leave out as
    exempt (governance.domain.exempt.pack_holds). One query."""
    exempt_now = AgendaItem.objects.filter(exempt_paragraph__isnull=False)
    if pack.held_items:
        return exempt_now.filter(pk__in=pack.held_items).exists()
    left_out = [e.get("item_id") for e in pack.item_pages if e.get("exempt_omitted")]
    return exempt_now.filter(meeting_id=pack.meeting_id).exclude(pk__in=left_out).exists()


def state_in_words(pack: Pack) -> tuple[str, str]:
    """The pack's state in words and its tag colour; a withdrawn pack says so."""
    if pack.withdrawn_at is not None:
        return "Withdrawn", "govuk-tag--red"
    return STATE_WORDS[pack.state], STATE_COLOURS[pack.state]


def newer_built(pack: Pack) -> Pack | None:
    """The newest built version of the same meeting and audience, when newer than this."""
    return (
        Pack.objects.filter(
            meeting_id=pack.meeting_id,
            audience=pack.audience,
            state=Pack.State.BUILT,
            version__gt=pack.version,
        )
        .order_by("-version")
        .first()
    )


@dataclass(frozen=True)
class PanelRow:
    pack: Pack
    state_words: str
    state_colour: str
    superseded: bool


@dataclass(frozen=True)
class PanelGroup:
    audience: str
    label: str
    rows: list[PanelRow]


def panel_rows(packs: list[Pack]) -> list[PanelRow]:
    """Packs newest first with their state in words; superseded when an earlier built
    version has a newer built one (module docstring)."""
    rows, newest_built_seen = [], False
    for pack in packs:
        built = pack.state == Pack.State.BUILT
        superseded = built and newest_built_seen and pack.withdrawn_at is None
        newest_built_seen = newest_built_seen or built
        words, colour = state_in_words(pack)
        if superseded:
            words, colour = "Superseded", "govuk-tag--grey"
        rows.append(PanelRow(pack, words, colour, superseded))
    return rows


def packs_panel(*, meeting: Meeting, user) -> dict:
    """What the meeting page's packs panel shows this person (module docstring)."""
    audiences = [a for a in Pack.Audience if user.has_perm(VIEW_PERMISSION[a], meeting)]
    packs = list(
        Pack.objects.filter(meeting=meeting, audience__in=audiences).order_by("-version", "pk")
    )
    groups = [
        PanelGroup(
            audience, audience.label, panel_rows([p for p in packs if p.audience == audience])
        )
        for audience in audiences
    ]
    return {
        "meeting": meeting,
        "groups": groups,
        "may_build": user.has_perm(BUILD_PERMISSION, meeting),
        "audiences": [(a.value, a.label) for a in Pack.Audience],
    }

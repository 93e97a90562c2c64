"""Every page family the benchmarks measure, who opens it, and where.

A page is measured as the person who would open it (the Director's home as the
Director, the approvals queue as the performance officer); public pages signed out.
Each is timed against the bare page (benchmarks.measure.interleaved), a download against
writing its own rows alone (benchmarks.downloads), and its queries counted at 1× and at
10× (they must be equal: no query per row). Every one must be within 10× of its floor.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.test import Client
from django.urls import reverse

from benchmarks.downloads import against_writing_alone
from benchmarks.measure import interleaved, page_queries
from benchmarks.world import World

PUBLIC = None


@dataclass(frozen=True)
class Page:
    name: str
    who: str | None  # a key of World.people; None: signed out
    url: Callable[[World], str]
    download: str = ""  # "csv" or "xlsx": timed against writing its rows alone


def _at(name: str, *args) -> Callable[[World], str]:
    return lambda world: reverse(name, args=[arg(world) if callable(arg) else arg for arg in args])


def _query(name: str, query: str) -> Callable[[World], str]:
    return lambda world: f"{reverse(name)}?{query}"


PAGES = [
    Page("home, Director (the Director's page)", "director", _at("home")),
    Page("home, lead", "lead", _at("home")),
    Page("home, performance officer", "performance", _at("home")),
    Page("home, democratic services", "democratic", _at("home")),
    Page("home, administrator", "administrator", _at("home")),
    Page("home, viewer", "viewer", _at("home")),
    Page("plan overview", "director", _at("plan_overview")),
    Page("action list", "director", _at("action_list")),
    Page("action list, Red", "director", _query("action_list", "rag=red")),
    Page("action list, search", "director", _query("action_list", "q=board")),
    Page("action list, CSV download", "director", _query("action_list", "download=csv"), "csv"),
    Page("action list, XLSX download", "director", _query("action_list", "download=xlsx"), "xlsx"),
    Page("action page, longest history", "director", _at("action_detail", lambda w: w.action_id)),
    Page("my actions", "lead", _at("my_actions")),
    Page("slippage", "director", _at("slippage")),
    Page("updates to review", "director", _at("review_list")),
    Page("impact", "director", _at("plan_impact")),
    Page("scorecard overview", "viewer", _at("scorecard_overview")),
    Page("service-area month", "viewer", _at("scorecard_service_area", lambda w: w.area_prefix)),
    Page("indicator page", "viewer", _at("indicator_detail", lambda w: w.indicator_ref)),
    Page("exceptions", "director", _at("scorecard_exceptions")),
    Page("approvals queue", "performance", _at("scorecard_approvals")),
    Page("indicator settings", "performance", _at("scorecard_indicator_settings")),
    Page("meeting list", "democratic", _at("meeting_list")),
    Page("meeting page", "democratic", _at("meeting_detail", lambda w: w.meeting_id)),
    Page("board page", "democratic", _at("board_detail", lambda w: w.board_slug)),
    Page("public boards", PUBLIC, _at("public_board_list")),
    Page("public board", PUBLIC, _at("public_board_detail", lambda w: w.board_slug)),
    Page("public meeting", PUBLIC, _at("public_meeting_detail", lambda w: w.public_meeting_id)),
    Page("board iCal feed", PUBLIC, _at("board_ical", lambda w: w.board_slug)),
]


def clients(world: World) -> dict[str | None, Client]:
    """A signed-in client per person, and one signed out."""
    signed_in = {}
    for role, person in world.people.items():
        signed_in[role] = Client()
        signed_in[role].force_login(person)
    return {**signed_in, PUBLIC: Client()}


def queries(world: World, pages=PAGES) -> dict[str, int]:
    """Each page's queries at this size."""
    by_who = clients(world)
    return {page.name: page_queries(by_who[page.who], page.url(world)) for page in pages}


def timings(world: World, *, rounds: int, pages=PAGES) -> dict[str, dict]:
    """Each page against the bare page (the viewer opens the bare page beside a public
    page: the bare page is a signed-in one); a download against writing its own rows
    with the csv module or openpyxl's write-only mode alone."""
    by_who = clients(world)
    bare = reverse("bench_bare")
    found = {}
    for page in pages:
        client, url = by_who[page.who], page.url(world)
        if page.download:
            found[page.name] = against_writing_alone(client, url, kind=page.download, rounds=rounds)
            continue
        found[page.name] = interleaved(
            client, url, bare_url=bare, rounds=rounds,
            bare_client=by_who["viewer"] if page.who is PUBLIC else None,
        )  # fmt: skip
    return found

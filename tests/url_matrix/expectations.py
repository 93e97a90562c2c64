"""Who may open each URL: the rule the matrix holds every view to (README, "Who may do
what"; governance/rules.py, improvement_plan/rules.py, scorecard/rules.py).

One entry per URL pattern (tests/url_matrix/patterns.py names them), a list of cases
when one pattern serves things with different rules (an exempt paper and a public one).
A case says which audiences pass the page's rule (`may`) and which methods it takes.
What each audience is sent follows from that (see `expected`):

- may, method taken: GET is sent `get_status` (200 unless said); a POST is not refused
  (no 403, 405 or sign-in) and nothing is a server error;
- may, method not taken: 405;
- may not, signed in: `refused` (403 on staff pages, 404 on public ones, or any of a set);
- may not, signed out (or with a switched-off account): sent to sign in (`signed_out`),
  or `refused` on public pages.

Staff views check their rule before the method (a viewer POSTing to a read-only page is
403, not 405); public views check the method first (`method_first`).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.urls import reverse

from tests.url_matrix.world import (
    ADMINISTRATOR,
    ANONYMOUS,
    AUDIENCES,
    DEMOCRATIC,
    DIRECTOR,
    ENTRY_MONTH,
    LEAD,
    MEMBER,
    OWNER,
    PERFORMANCE,
    SIGNED_IN,
    SIGNED_OUT,
    World,
)

DEMO = Path(__file__).resolve().parents[2] / "governance" / "fixtures" / "demo"
PLAN_SAMPLE = DEMO / "improvement-plan-2022-sample.csv"
SCORECARD_SAMPLE = DEMO / "scorecard-2023-06.tsv"

SIGN_IN = "sign-in"
GET, POST = "GET", "POST"

EVERYONE = frozenset(AUDIENCES)
STAFF = frozenset(SIGNED_IN)
NOBODY = frozenset()
# governance.manage_boards, manage_meetings, record_minutes, build_pack
MANAGERS = frozenset({ADMINISTRATOR, DEMOCRATIC})
# governance.view_full_papers: those who manage meetings, and the board's members
FULL_PAPERS = MANAGERS | {MEMBER}
# governance.update_action_arising: those who record minutes, and the action's owner
ACTION_ARISING_UPDATERS = MANAGERS | {OWNER}
# improvement_plan.change_action / add_progressupdate: the Director, administrators, leads
PLAN_CHANGERS = frozenset({ADMINISTRATOR, DIRECTOR, LEAD})
# add_directorreview, link_indicators, import_plan
DIRECTOR_AND_ADMINISTRATOR = frozenset({ADMINISTRATOR, DIRECTOR})
# scorecard.import_scorecard, change_indicator
SCORECARD_MANAGERS = frozenset({ADMINISTRATOR, PERFORMANCE})
# scorecard.enter_values (the indicator's owner post) and write_commentary (the area's head)
SCORECARD_ENTRY = SCORECARD_MANAGERS | {LEAD}
# scorecard.approve_values
APPROVERS = SCORECARD_MANAGERS | {DIRECTOR}
# Who may be sent figures not yet approved (issue 11, finding 3): those who work on them.
SEE_UNAPPROVED = frozenset({ADMINISTRATOR, DIRECTOR, PERFORMANCE, LEAD})


@dataclass(frozen=True)
class Case:
    url: Callable[[World], str]
    may: frozenset
    methods: tuple = (GET, POST)
    get_status: int | dict = 200
    refused: int | frozenset = 403
    signed_out: str | int | frozenset = SIGN_IN
    method_first: bool = False
    post_status: int | None = None
    prepare: Callable | None = None
    label: str = ""
    notes: str = field(default="", compare=False)

    def expected(self, audience: str, method: str) -> str | int:
        """The status (or SIGN_IN, or "allowed" for a POST that passes) the cell expects."""
        passes = audience in self.may
        if self.method_first and method not in self.methods:
            return 405
        if not passes:
            if audience in SIGNED_OUT:
                return self.signed_out
            return self.refused
        if method not in self.methods:
            return 405
        if method == POST:
            return self.post_status or "allowed"
        if isinstance(self.get_status, dict):
            seen_as = ANONYMOUS if audience in SIGNED_OUT else audience
            return self.get_status.get(seen_as, self.get_status["*"])
        return self.get_status


def to(name: str, *args: Callable[[World], object], query: str = "") -> Callable[[World], str]:
    """The URL of `name` with arguments read from the world (and a query string)."""
    suffix = f"?{query}" if query else ""
    return lambda world: reverse(name, args=[arg(world) for arg in args]) + suffix


def pk(thing: str):
    return lambda world: getattr(world, thing).pk


def slug(world):
    return world.board.slug


def private_slug(world):
    return world.private_board.slug


def staff_page(name, *args, may=STAFF, query="", **kwargs) -> Case:
    """A page staff read: GET only."""
    return Case(to(name, *args, query=query), may, methods=(GET,), **kwargs)


def form(name, *args, may, query="", **kwargs) -> Case:
    """A page with a form: GET shows it, POST saves it."""
    return Case(to(name, *args, query=query), may, **kwargs)


def button(name, *args, may, **kwargs) -> Case:
    """A button's POST: no page of its own."""
    return Case(to(name, *args), may, methods=(POST,), **kwargs)


def public(name, *args, may=EVERYONE, **kwargs) -> Case:
    """A public page: GET only, no sign-in; what is not public is not found."""
    kwargs.setdefault("refused", 404)
    kwargs.setdefault("signed_out", 404)
    return Case(to(name, *args), may, methods=(GET,), method_first=True, **kwargs)


def plan_file_waiting(client) -> None:
    """The visitor's session holds a plan file uploaded for a dry run."""
    from improvement_plan.importing.pending import pending_keep

    session = client.session
    pending_keep(
        session, data=PLAN_SAMPLE.read_bytes(), kind="csv", filename="plan.csv",
        plan_id=None, plan_title="Improvement Plan (imported in the matrix)",
    )  # fmt: skip
    session.save()


def scorecard_file_waiting(client) -> None:
    """The visitor's session holds a scorecard file uploaded for a dry run."""
    from scorecard.importing.pending import pending_keep

    session = client.session
    pending_keep(
        session, data=SCORECARD_SAMPLE.read_bytes(), kind="tsv", filename="scorecard.tsv",
        period=datetime.date(2023, 6, 1),
    )  # fmt: skip
    session.save()


WITHDRAWN = frozenset({404, 410})  # not found, or gone: a withdrawn public pack
SIGNED_IN_GOES_HOME = {ANONYMOUS: 200, "*": 302}
SUBMITTED_MONTH = f"period={ENTRY_MONTH}"  # the month whose figure is submitted, not approved

RULES: dict[str, list[Case]] = {
    # Accounts and the frame
    "home": [staff_page("home")],
    "healthz": [Case(to("healthz"), EVERYONE, methods=(GET,), method_first=True)],
    "login": [Case(to("login"), EVERYONE, get_status=SIGNED_IN_GOES_HOME)],
    "logout": [Case(to("logout"), EVERYONE, methods=(POST,), method_first=True, post_status=302)],
    "reminder_preferences": [form("reminder_preferences", may=STAFF)],
    "password_change": [form("password_change", may=STAFF)],
    "password_change_done": [staff_page("password_change_done")],
    "password_reset": [Case(to("password_reset"), EVERYONE)],
    "password_reset_done": [
        Case(to("password_reset_done"), EVERYONE, methods=(GET,), method_first=True)
    ],
    "password_reset_confirm": [
        Case(
            lambda world: reverse("password_reset_confirm", args=["MQ", "no-such-token"]),
            EVERYONE,
            notes="a link that is not valid: the page says so",
        )
    ],
    "password_reset_complete": [
        Case(to("password_reset_complete"), EVERYONE, methods=(GET,), method_first=True)
    ],
    "admin:index": [form("admin:index", may=frozenset({ADMINISTRATOR}))],
    # The improvement plan
    "plan_overview": [staff_page("plan_overview")],
    "action_list": [
        staff_page("action_list"),
        staff_page("action_list", query="download=csv", label="csv"),
        staff_page("action_list", query="download=xlsx", label="xlsx"),
    ],
    "my_actions": [staff_page("my_actions")],
    "slippage": [staff_page("slippage")],
    "action_detail": [staff_page("action_detail", pk("action"))],
    "action_update": [form("action_update", pk("action"), may=PLAN_CHANGERS)],
    "action_review": [form("action_review", pk("action"), may=DIRECTOR_AND_ADMINISTRATOR)],
    "evidence_download": [staff_page("evidence_download", pk("evidence"))],
    "review_list": [staff_page("review_list", may=DIRECTOR_AND_ADMINISTRATOR)],
    "plan_import": [form("plan_import", may=DIRECTOR_AND_ADMINISTRATOR)],
    "plan_import_preview": [
        staff_page(
            "plan_import_preview",
            may=DIRECTOR_AND_ADMINISTRATOR,
            get_status=302,
            notes="nothing uploaded yet: back to the upload page",
        ),
        staff_page(
            "plan_import_preview",
            may=DIRECTOR_AND_ADMINISTRATOR,
            prepare=plan_file_waiting,
            label="file-waiting",
        ),
    ],
    "plan_import_confirm": [
        button("plan_import_confirm", may=DIRECTOR_AND_ADMINISTRATOR),
        button(
            "plan_import_confirm",
            may=DIRECTOR_AND_ADMINISTRATOR,
            prepare=plan_file_waiting,
            label="file-waiting",
        ),
    ],
    "plan_import_cancel": [
        button(
            "plan_import_cancel",
            may=DIRECTOR_AND_ADMINISTRATOR,
            prepare=plan_file_waiting,
            label="file-waiting",
        )
    ],
    # A big file's import task: its progress page (none under way: back to the upload
    # page) and its progress as JSON.
    "plan_import_progress": [
        staff_page("plan_import_progress", may=DIRECTOR_AND_ADMINISTRATOR, get_status=302)
    ],
    "plan_import_status": [staff_page("plan_import_status", may=DIRECTOR_AND_ADMINISTRATOR)],
    # The scorecard
    "scorecard_overview": [
        staff_page("scorecard_overview"),
        staff_page("scorecard_overview", query=SUBMITTED_MONTH, label="submitted-month"),
    ],
    "scorecard_exceptions": [
        staff_page("scorecard_exceptions"),
        staff_page("scorecard_exceptions", query=SUBMITTED_MONTH, label="submitted-month"),
    ],
    "scorecard_not_judged": [staff_page("scorecard_not_judged")],
    "scorecard_service_area": [
        staff_page("scorecard_service_area", lambda w: w.area.prefix),
        staff_page(
            "scorecard_service_area",
            lambda w: w.area.prefix,
            query=SUBMITTED_MONTH,
            label="submitted-month",
        ),
    ],
    "indicator_detail": [staff_page("indicator_detail", lambda w: w.indicator.ref)],
    "scorecard_entry_list": [staff_page("scorecard_entry_list", may=SCORECARD_ENTRY)],
    "scorecard_value_entry": [
        form(
            "scorecard_value_entry",
            lambda w: w.area.prefix,
            lambda w: ENTRY_MONTH,
            may=SCORECARD_ENTRY,
        )
    ],
    "scorecard_commentary": [
        form(
            "scorecard_commentary",
            lambda w: w.area.prefix,
            lambda w: ENTRY_MONTH,
            may=SCORECARD_ENTRY,
        )
    ],
    "scorecard_approvals": [form("scorecard_approvals", may=APPROVERS)],
    "scorecard_import": [form("scorecard_import", may=SCORECARD_MANAGERS)],
    "scorecard_import_preview": [
        staff_page(
            "scorecard_import_preview",
            may=SCORECARD_MANAGERS,
            get_status=302,
            notes="nothing uploaded yet: back to the upload page",
        ),
        staff_page(
            "scorecard_import_preview",
            may=SCORECARD_MANAGERS,
            prepare=scorecard_file_waiting,
            label="file-waiting",
        ),
    ],
    "scorecard_import_confirm": [
        button("scorecard_import_confirm", may=SCORECARD_MANAGERS),
        button(
            "scorecard_import_confirm",
            may=SCORECARD_MANAGERS,
            prepare=scorecard_file_waiting,
            label="file-waiting",
        ),
    ],
    "scorecard_import_cancel": [
        button(
            "scorecard_import_cancel",
            may=SCORECARD_MANAGERS,
            prepare=scorecard_file_waiting,
            label="file-waiting",
        )
    ],
    "scorecard_import_progress": [
        staff_page("scorecard_import_progress", may=SCORECARD_MANAGERS, get_status=302)
    ],
    "scorecard_import_status": [staff_page("scorecard_import_status", may=SCORECARD_MANAGERS)],
    # Boards and meetings
    "board_list": [staff_page("board_list")],
    "board_detail": [staff_page("board_detail", slug)],
    "board_create": [form("board_create", may=MANAGERS)],
    "board_update": [form("board_update", slug, may=MANAGERS)],
    "membership_add": [form("membership_add", slug, may=MANAGERS)],
    "membership_update": [form("membership_update", slug, pk("membership"), may=MANAGERS)],
    "meeting_list": [staff_page("meeting_list")],
    "meeting_create": [form("meeting_create", may=MANAGERS)],
    "meeting_detail": [staff_page("meeting_detail", pk("meeting"))],
    "meeting_update": [form("meeting_update", pk("meeting"), may=MANAGERS)],
    "meeting_publish_agenda": [button("meeting_publish_agenda", pk("meeting"), may=MANAGERS)],
    "meeting_mark_held": [button("meeting_mark_held", pk("meeting"), may=MANAGERS)],
    "meeting_cancel": [form("meeting_cancel", pk("meeting"), may=MANAGERS)],
    "agenda_item_add": [form("agenda_item_add", pk("meeting"), may=MANAGERS)],
    "agenda_item_update": [form("agenda_item_update", pk("exempt_item"), may=MANAGERS)],
    "agenda_item_move": [button("agenda_item_move", pk("public_item"), may=MANAGERS)],
    "agenda_item_delete": [form("agenda_item_delete", pk("public_item"), may=MANAGERS)],
    "paper_add_upload": [form("paper_add_upload", pk("exempt_item"), may=MANAGERS)],
    "paper_add_report": [form("paper_add_report", pk("public_item"), may=MANAGERS)],
    "paper_delete": [form("paper_delete", pk("exempt_paper"), may=MANAGERS)],
    "paper_move": [button("paper_move", pk("public_paper"), may=MANAGERS)],
    "paper_download": [
        staff_page("paper_download", pk("public_paper"), label="public-item"),
        staff_page("paper_download", pk("exempt_paper"), may=FULL_PAPERS, label="exempt-item"),
    ],
    # The record of the meeting
    "meeting_attendance": [form("meeting_attendance", pk("meeting"), may=MANAGERS)],
    "meeting_declarations": [form("meeting_declarations", pk("meeting"), may=MANAGERS)],
    "declaration_delete": [button("declaration_delete", pk("declaration"), may=MANAGERS)],
    "meeting_minutes": [staff_page("meeting_minutes", pk("meeting"))],
    "minute_add": [form("minute_add", pk("meeting"), may=MANAGERS)],
    "minute_update": [form("minute_update", pk("public_minute"), may=MANAGERS)],
    "minutes_from_agenda": [button("minutes_from_agenda", pk("meeting"), may=MANAGERS)],
    "minutes_publish": [button("minutes_publish", pk("meeting"), may=MANAGERS)],
    "minutes_approve": [button("minutes_approve", pk("meeting"), may=MANAGERS)],
    "meeting_times": [form("meeting_times", pk("meeting"), may=MANAGERS)],
    "action_arising_add": [form("action_arising_add", pk("public_minute"), may=MANAGERS)],
    "action_arising_update": [
        form("action_arising_update", pk("action_arising"), may=ACTION_ARISING_UPDATERS),
        form(
            "action_arising_update",
            pk("exempt_action_arising"),
            may=MANAGERS,
            label="exempt-minute",
        ),
    ],
    "board_action_log": [
        staff_page("board_action_log", slug),
        staff_page("board_action_log", slug, query="download=csv", label="csv"),
    ],
    "board_attendance": [staff_page("board_attendance", slug)],
    "board_work_programme": [staff_page("board_work_programme", slug)],
    "work_programme_item_add": [form("work_programme_item_add", slug, may=MANAGERS)],
    "work_programme_item_update": [
        form("work_programme_item_update", pk("work_item"), may=MANAGERS)
    ],
    "meeting_agenda_docx": [staff_page("meeting_agenda_docx", pk("meeting"))],
    "meeting_minutes_docx": [staff_page("meeting_minutes_docx", pk("meeting"))],
    # Agenda packs
    "pack_build": [button("pack_build", pk("meeting"), may=MANAGERS)],
    "pack_detail": [
        staff_page("pack_detail", pk("public_pack"), label="public-pack"),
        staff_page("pack_detail", pk("full_pack"), may=FULL_PAPERS, label="full-pack"),
    ],
    "pack_status": [
        staff_page("pack_status", pk("public_pack"), label="public-pack"),
        staff_page("pack_status", pk("full_pack"), may=FULL_PAPERS, label="full-pack"),
    ],
    "pack_download": [
        staff_page("pack_download", pk("public_pack"), label="public-pack"),
        staff_page("pack_download", pk("full_pack"), may=FULL_PAPERS, label="full-pack"),
    ],
    "pack_publish": [button("pack_publish", pk("public_pack"), may=MANAGERS)],
    # Public pages: no sign-in, never an exempt item
    "public_board_list": [public("public_board_list")],
    "public_board_detail": [
        public("public_board_detail", slug),
        public("public_board_detail", private_slug, may=NOBODY, label="private-board"),
    ],
    "board_ical": [
        public("board_ical", slug),
        public("board_ical", private_slug, may=NOBODY, label="private-board"),
    ],
    "public_meeting_detail": [
        public("public_meeting_detail", pk("meeting")),
        public("public_meeting_detail", pk("late_meeting"), label="item-made-exempt"),
        public("public_meeting_detail", pk("private_meeting"), may=NOBODY, label="private-board"),
        public(
            "public_meeting_detail",
            pk("scheduled_meeting"),
            may=NOBODY,
            label="agenda-not-published",
        ),
    ],
    "public_minutes": [
        public("public_minutes", pk("meeting")),
        public("public_minutes", pk("late_meeting"), may=NOBODY, label="minutes-not-published"),
    ],
    "public_pack_download": [
        public("public_pack_download", pk("public_pack"), label="public-pack"),
        public("public_pack_download", pk("full_pack"), may=NOBODY, label="full-pack"),
        public("public_pack_download", pk("older_public_pack"), may=NOBODY, label="older-version"),
        public("public_pack_download", pk("unpublished_pack"), may=NOBODY, label="not-published"),
        public(
            "public_pack_download",
            pk("late_public_pack"),
            may=NOBODY,
            label="holds-item-made-exempt",
            refused=WITHDRAWN,
            signed_out=WITHDRAWN,
            notes="issue 11, finding 1: withdrawn when an item in it is made exempt",
        ),
    ],
    "public_paper_download": [
        public("public_paper_download", pk("public_paper"), label="public-item"),
        public("public_paper_download", pk("exempt_paper"), may=NOBODY, label="exempt-item"),
        public(
            "public_paper_download",
            pk("late_exempt_paper"),
            may=NOBODY,
            label="item-made-exempt",
        ),
    ],
}


def _part_rules() -> dict[str, list[Case]]:
    """Rules kept in tests/url_matrix/rules_*.py (one module per part of the product, each
    defining RULES), so parts built side by side never edit one shared dictionary."""
    import importlib
    import pkgutil

    import tests.url_matrix as package

    found: dict[str, list[Case]] = {}
    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("rules_"):
            part = importlib.import_module(f"tests.url_matrix.{module.name}")
            overlap = set(found) & set(part.RULES) | set(RULES) & set(part.RULES)
            assert not overlap, f"{module.name} repeats rules for {sorted(overlap)}"
            found.update(part.RULES)
    return found


RULES.update(_part_rules())

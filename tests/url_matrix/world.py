"""A small world with one of each thing a URL can name, and the people who visit it.

Built once for the matrix module (tests/test_url_matrix.py) from the factories and the
public pages' fixtures: a public board with a held meeting whose agenda has a public
item and an exempt one (Schedule 12A) with papers, declarations and minutes; full and
public packs, built and published (small PDFs, no WeasyPrint); an action arising; a
work programme item; a plan with an action led by a post, a progress update and
evidence; a service area with an indicator holding an approved and a submitted figure.
Every exempt or unapproved text is a marker the matrix looks for in what it is sent.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone

from governance import roles
from governance.models import AgendaItem, Declaration, Membership, Minute, Pack
from improvement_plan.models import Evidence
from scorecard.models import IndicatorValue
from tests.governance.factories import (
    ActionArisingFactory,
    AgendaItemFactory,
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PackFactory,
    PaperFactory,
    PostFactory,
    PostHolderFactory,
    UserFactory,
    WorkProgrammeItemFactory,
)
from tests.governance.public.conftest import (
    JANUARY,
    SECRETS,
    agenda,
    minutes,
    packs,
    pdf,
    pdf_file,
    public_meeting,
)
from tests.improvement_plan.factories import (
    ActionFactory,
    PlanFactory,
    ProgressUpdateFactory,
)
from tests.scorecard.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    ServiceAreaFactory,
    TargetFactory,
)

# Who visits. Each is one person (or nobody, for anonymous); ids name the test cells.
ANONYMOUS = "anonymous"
ADMINISTRATOR = "administrator"
DIRECTOR = "director"
MEMBER = "board-member-on-board"
NON_MEMBER = "board-member-not-on-board"
LEAD = "lead-officer-holding-post"
OTHER_LEAD = "lead-officer-other-post"
PERFORMANCE = "performance-officer"
DEMOCRATIC = "democratic-services"
VIEWER = "viewer"
OWNER = "viewer-owning-action-arising"

ROLE_OF = {
    ADMINISTRATOR: roles.ADMINISTRATOR,
    DIRECTOR: roles.DIRECTOR,
    MEMBER: roles.BOARD_MEMBER,
    NON_MEMBER: roles.BOARD_MEMBER,
    LEAD: roles.LEAD_OFFICER,
    OTHER_LEAD: roles.LEAD_OFFICER,
    PERFORMANCE: roles.PERFORMANCE_OFFICER,
    DEMOCRATIC: roles.DEMOCRATIC_SERVICES,
    VIEWER: roles.VIEWER,
    OWNER: roles.VIEWER,
}
SIGNED_IN = tuple(ROLE_OF)
# An administrator whose account was switched off after signing in: their session
# counts for nothing, so they are treated as signed out everywhere.
SWITCHED_OFF = "administrator-switched-off"
SIGNED_OUT = (ANONYMOUS, SWITCHED_OFF)
AUDIENCES = (ANONYMOUS, *SIGNED_IN, SWITCHED_OFF)

# Text only those who may see the full papers may be sent (exempt item, its paper, its
# minute, the interests declared on it): governance.view_full_papers.
EXEMPT_ACTION = "SECRET_ACTION_DESCRIPTION"
EXEMPT_PROGRESS = "SECRET_ACTION_PROGRESS"
LATE_EXEMPT_DESCRIPTION = "SECRET_LATE_EXEMPT_DESCRIPTION"
LATE_EXEMPT_PAPER = "SECRET_LATE_EXEMPT_PAPER"
EXEMPT_MARKERS = (
    *SECRETS,
    EXEMPT_ACTION,
    EXEMPT_PROGRESS,
    LATE_EXEMPT_DESCRIPTION,
    LATE_EXEMPT_PAPER,
)
# Text only those who work on the figure may be sent (issue 11, finding 3).
UNAPPROVED_NOTE = "UNAPPROVED_FIGURE_NOTE"
UNAPPROVED_FIGURE = "61.3"
UNAPPROVED_MARKERS = (UNAPPROVED_NOTE, UNAPPROVED_FIGURE)

ENTRY_MONTH = "2023-06"


@dataclass
class World:
    people: dict = field(default_factory=dict)
    things: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["things"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_people() -> dict:
    """One person per audience but anonymous, each in the group of its role."""
    people = {
        audience: UserFactory(email=f"{audience}@matrix.example.gov.uk", roles=[role])
        for audience, role in ROLE_OF.items()
    }
    people[SWITCHED_OFF] = UserFactory(
        email=f"{SWITCHED_OFF}@matrix.example.gov.uk", roles=[roles.ADMINISTRATOR]
    )
    return people


def switch_off(world: World) -> None:
    """Switches off the account of SWITCHED_OFF, once their session exists."""
    person = world.people[SWITCHED_OFF]
    person.is_active = False
    person.save(update_fields=["is_active"])


def build_not_public(world: World) -> None:
    """What the public pages must not find: a private board's meeting, a meeting whose
    agenda is not published, an older and an unpublished version of the public pack."""
    private = BoardFactory(name="Case Review Group", slug="case-review-group", is_public=False)
    world.things.update(
        private_board=private,
        private_meeting=public_meeting(private, starts_at=JANUARY),
        scheduled_meeting=MeetingFactory(
            board=world.board, starts_at=JANUARY + datetime.timedelta(days=56)
        ),
        unpublished_pack=PackFactory(
            meeting=world.meeting,
            audience=Pack.Audience.PUBLIC,
            version=3,
            state=Pack.State.BUILT,
            built_at=timezone.now(),
            file=pdf_file("unpublished.pdf"),
        ),
    )


def build_meetings(world: World) -> None:
    people = world.people
    board = BoardFactory(name="Children's Services Scrutiny Panel", slug="scrutiny-panel")
    chair = MembershipFactory(
        board=board,
        person=people[MEMBER],
        organisation=OrganisationFactory(name="Tameside Council"),
        role=Membership.Role.CHAIR,
    )
    meeting = public_meeting(
        board,
        starts_at=JANUARY,
        status="held",
        minutes_published_at=timezone.now(),
    )
    items = meeting.items_made = agenda(meeting)  # as the public pages' fixture does
    minutes(meeting, items)
    made = packs(meeting)
    public_minute = Minute.objects.get(meeting=meeting, agenda_item=items["public"])
    exempt_minute = Minute.objects.get(meeting=meeting, agenda_item=items["exempt"])
    world.things.update(
        board=board,
        membership=chair,
        meeting=meeting,
        public_item=items["public"],
        exempt_item=items["exempt"],
        public_paper=items["paper"],
        exempt_paper=items["exempt_paper"],
        full_pack=made["full"],
        older_public_pack=made["older"],
        public_pack=made["public"],
        public_minute=public_minute,
        declaration=Declaration.objects.filter(agenda_item=items["public"]).first(),
        action_arising=ActionArisingFactory(minute=public_minute, owner=people[OWNER]),
        exempt_action_arising=ActionArisingFactory(
            minute=exempt_minute, description=EXEMPT_ACTION, progress=EXEMPT_PROGRESS
        ),
        work_item=WorkProgrammeItemFactory(board=board),
    )


def build_late_exemption(world: World) -> None:
    """Issue 11, finding 1: the February meeting's public pack is built (WeasyPrint, once)
    and published, then an item in it is made exempt through the agenda service."""
    from governance.meetings import services as meeting_services
    from governance.packs import services as pack_services

    meeting = public_meeting(world.board, starts_at=JANUARY + datetime.timedelta(days=28))
    item = AgendaItemFactory(meeting=meeting, order=1, title="Residential placements")
    paper = PaperFactory(agenda_item=item, title=LATE_EXEMPT_PAPER, file=pdf_file())
    pack = pack_services.pack_create(meeting=meeting, audience=Pack.Audience.PUBLIC, user=None)
    pack = pack_services.pack_build(pack_id=pack.pk)
    pack_services.pack_publish(pack=pack, user=world.people[DEMOCRATIC])
    meeting_services.agenda_item_update(
        item=item,
        user=world.people[DEMOCRATIC],
        title=item.title,
        description=LATE_EXEMPT_DESCRIPTION,
        exempt_paragraph=AgendaItem.ExemptParagraph.P3,
    )
    world.things.update(late_meeting=meeting, late_exempt_paper=paper, late_public_pack=pack)


def build_plan(world: World, post) -> None:
    plan = PlanFactory(title="Improvement Plan (matrix)", starts_on=datetime.date(2030, 1, 1))
    action = ActionFactory(objective__priority__plan=plan, lead_posts=[post])
    update = ProgressUpdateFactory(action=action, author=world.people[LEAD])
    evidence = Evidence.objects.create(
        action=action,
        progress_update=update,
        file=ContentFile(pdf(), name="evidence.pdf"),
        original_name="evidence.pdf",
        kind="pdf",
        size=1000,
        uploaded_by=world.people[LEAD],
        uploaded_at=timezone.now(),
    )
    world.things.update(plan=plan, action=action, progress_update=update, evidence=evidence)


def build_scorecard(world: World, post) -> None:
    area = ServiceAreaFactory(prefix="MX", title="Matrix Area", head_of_service=post)
    indicator = IndicatorFactory(service_area=area, ref="MX1", owner=post)
    TargetFactory(indicator=indicator)
    IndicatorValueFactory(
        indicator=indicator,
        period=datetime.date(2023, 5, 1),
        value=78.1,
        state=IndicatorValue.State.APPROVED,
    )
    IndicatorValueFactory(
        indicator=indicator,
        period=datetime.date(2023, 6, 1),
        value=61.3,
        note=UNAPPROVED_NOTE,
        state=IndicatorValue.State.SUBMITTED,
        entered_by=world.people[LEAD],
    )
    world.things.update(area=area, indicator=indicator)


def build_world() -> World:
    """Everything the URL patterns name, and who holds which post."""
    world = World(people=build_people())
    post = PostFactory(name="AD Matrix")
    PostHolderFactory(post=post, person=world.people[LEAD])
    PostHolderFactory(post=PostFactory(name="AD Elsewhere"), person=world.people[OTHER_LEAD])
    build_meetings(world)
    build_late_exemption(world)
    build_not_public(world)
    build_plan(world, post)
    build_scorecard(world, post)
    return world

import datetime

import factory
from django.contrib.auth.models import Group

from governance.domain.municipal_year import municipal_year
from governance.models import (
    ActionArising,
    AgendaItem,
    Attendance,
    Board,
    Declaration,
    Meeting,
    Membership,
    Minute,
    Organisation,
    Pack,
    Paper,
    Post,
    PostAlias,
    PostHolder,
    User,
    WorkProgrammeItem,
)

PASSWORD = "correct horse battery staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.COUNCIL


class UserFactory(factory.django.DjangoModelFactory):
    """A member of staff. `UserFactory(roles=["Viewer"])` puts them in those groups."""

    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Post {n}")


class PostAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostAlias

    post = factory.SubFactory(PostFactory)
    alias = factory.Sequence(lambda n: f"Alias {n}")


class PostHolderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostHolder

    post = factory.SubFactory(PostFactory)
    person = factory.SubFactory(UserFactory)
    start_date = datetime.date(2022, 1, 1)
    end_date = None


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Board {n}")
    slug = factory.Sequence(lambda n: f"board-{n}")
    kind = Board.Kind.IMPROVEMENT_BOARD


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    board = factory.SubFactory(BoardFactory)
    person = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER
    start_date = datetime.date(2022, 5, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    starts_at = factory.Sequence(
        lambda n: (
            datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)
            + datetime.timedelta(days=30 * n)
        )
    )
    place = "Committee Room 1 - Tameside One"
    municipal_year = factory.LazyAttribute(lambda meeting: municipal_year(meeting.starts_at.date()))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class PaperFactory(factory.django.DjangoModelFactory):
    """An uploaded PDF paper; pass file=ContentFile(pdf_bytes, name="paper.pdf")."""

    class Meta:
        model = Paper

    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Paper {n}")
    kind = Paper.Kind.UPLOADED


class PackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pack

    meeting = factory.SubFactory(MeetingFactory)
    audience = Pack.Audience.FULL
    version = factory.Sequence(lambda n: n + 1)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(UserFactory)
    status = Attendance.Status.PRESENT


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    agenda_item = factory.SubFactory(AgendaItemFactory)
    meeting = factory.SelfAttribute("agenda_item.meeting")
    person = factory.SubFactory(UserFactory)
    kind = Declaration.Kind.NON_REGISTRABLE
    interest = "A relative works in the service under review."


class MinuteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minute

    meeting = factory.SubFactory(MeetingFactory)
    board = factory.SelfAttribute("meeting.board")
    municipal_year = factory.SelfAttribute("meeting.municipal_year")
    number = factory.Sequence(lambda n: n + 16)
    title = factory.Sequence(lambda n: f"Minute {n}")


class ActionArisingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionArising

    minute = factory.SubFactory(MinuteFactory)
    description = factory.Sequence(lambda n: f"Circulate briefing note {n} to members")
    owner = factory.SubFactory(UserFactory)
    due_date = datetime.date(2023, 3, 8)


class WorkProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkProgrammeItem

    board = factory.SubFactory(BoardFactory)
    topic = factory.Sequence(lambda n: f"Topic {n}")

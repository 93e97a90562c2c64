"""The agenda and minutes as Word documents, in the seed document's layout; exempt items
without their text for readers without the full papers."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from governance import roles
from governance.minutes import services
from governance.minutes.documents import DOCX_TYPE
from governance.minutes.services import AttendanceEntry
from governance.models import AgendaItem
from tests.governance.factories import AgendaItemFactory, MembershipFactory, UserFactory
from tests.governance.minutes.factories import member

pytestmark = pytest.mark.django_db

SECRET = "The placement costs of child A"


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    document = Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    return paragraphs, tables


@pytest.fixture
def agenda(january):
    items = [
        ("Apologies for absence", "", AgendaItem.Standard.APOLOGIES, None),
        ("Declarations of interest", "To receive any declarations of interest from members "
         "of the Scrutiny Panel.", AgendaItem.Standard.DECLARATIONS, None),
        ("Children missing from home and care", "The Panel to meet Councillor Bill Fairfoull.",
         "", None),
        ("Placement costs", SECRET, "", 3),
    ]  # fmt: skip
    for order, (title, description, standard, paragraph) in enumerate(items, start=1):
        AgendaItemFactory(
            meeting=january, order=order, title=title, description=description,
            standard=standard, exempt_paragraph=paragraph,
        )  # fmt: skip
    return january


@pytest.fixture
def minuted(board, november, clerk):
    """The minutes of 2 November 2022 as the seed has them, with an exempt item added."""
    seats = {"T Sharif": "present", "Martin": "present", "Owen": "present"}
    seats.update({"J Homer": "apologies", "T Smith": "apologies", "Welsh": "apologies"})
    entries = [
        AttendanceEntry(member(board, name, role="chair" if name == "T Sharif" else "member")
                        .person, status)
        for name, status in seats.items()
    ]  # fmt: skip
    services.attendance_record(meeting=november, entries=entries, user=clerk)
    services.meeting_times_record(
        meeting=november, commenced_at=datetime.time(18), terminated_at=datetime.time(19, 35),
        user=clerk,
    )  # fmt: skip
    declarations = AgendaItemFactory(meeting=november, order=1, title="Declarations of interest",
                                     standard=AgendaItem.Standard.DECLARATIONS)  # fmt: skip
    exempt = AgendaItemFactory(meeting=november, order=3, title="Placement costs",
                               exempt_paragraph=3)  # fmt: skip
    AgendaItemFactory(meeting=november, order=2, title="Children's placement sufficiency")
    services.minutes_from_agenda(meeting=november, user=clerk)
    sufficiency = november.minutes.get(number=2)
    services.minute_update(
        minute=sufficiency, title=sufficiency.title, user=clerk,
        text="The Panel welcomed Tony Decrop, Assistant Director.\n\nChallenges include:\n"
        "- The mental health of teenagers\n- Bespoke placements",
        resolved="That the update be noted.",
    )  # fmt: skip
    services.minute_update(minute=exempt.minute, title=exempt.title, text=SECRET,
                           resolved="Agreed in private.", user=clerk)  # fmt: skip
    services.action_arising_add(
        minute=sufficiency, description="Circulate the sufficiency strategy",
        owner=UserFactory(full_name="Susan Harris"), due_date=datetime.date(2023, 1, 11),
        user=clerk,
    )  # fmt: skip
    assert declarations.minute.number == 1
    return november


def test_the_agenda_follows_the_front_sheet(client, agenda, clerk):
    client.force_login(clerk)

    response = client.get(reverse("meeting_agenda_docx", args=[agenda.pk]))

    paragraphs, (table,) = read(response)
    assert paragraphs[:5] == [
        "CHILDREN'S SERVICES SCRUTINY PANEL",
        "Day: Wednesday",
        "Date: 11 January 2023",
        "Time: 6.00 pm",
        "Place: Committee Room 1 - Tameside One",
    ]
    assert table[0] == ["Item No.", "AGENDA", "Page No."]
    assert table[2] == [
        "2.",
        "DECLARATIONS OF INTEREST\nTo receive any declarations of interest from members of "
        "the Scrutiny Panel.",
        "",
    ]
    assert SECRET in table[4][1]
    assert paragraphs[-1].startswith("From: Democratic Services Unit – any further information")
    assert "Paul Radcliffe, Policy and Strategy Lead" in paragraphs[-1]
    assert response["Content-Disposition"] == (
        'attachment; filename="childrens-services-scrutiny-panel-2023-01-11-agenda.docx"'
    )


def test_the_agenda_withholds_exempt_items_without_the_full_papers(client, agenda, viewer):
    client.force_login(viewer)

    _, (table,) = read(client.get(reverse("meeting_agenda_docx", args=[agenda.pk])))

    assert table[4][1] == (
        "PLACEMENT COSTS\nExempt under paragraph 3 of Part 1 of Schedule 12A to the Local "
        "Government Act 1972"
    )
    assert SECRET not in str(table)


def test_the_minutes_follow_the_seed_layout(client, minuted, clerk):
    client.force_login(clerk)

    response = client.get(reverse("meeting_minutes_docx", args=[minuted.pk]))

    paragraphs, tables = read(response)
    assert paragraphs[:6] == [
        "Children's Services Scrutiny Panel 2 November 2022",
        "Commenced: 6.00pm",
        "Terminated: 7.35pm",
        "Present: T Sharif (Chair), Martin, Owen",
        "Apologies: J Homer, T Smith, Welsh",
        "1. DECLARATIONS OF INTEREST",
    ]
    text = "\n".join(paragraphs)
    assert "There were no declarations of interest." in text
    assert (
        "2. CHILDREN'S PLACEMENT SUFFICIENCY\nThe Panel welcomed Tony Decrop, Assistant Director."
        "\nChallenges include:\nThe mental health of teenagers\nBespoke placements\n"
        "RESOLVED\nThat the update be noted.\nActions arising"
    ) in text
    assert tables == [
        [["Action", "Owner", "Due date"],
         ["Circulate the sufficiency strategy", "Susan Harris", "11 January 2023"]],
    ]  # fmt: skip
    assert f"3. PLACEMENT COSTS\n{SECRET}\nRESOLVED\nAgreed in private." in text
    assert paragraphs[-1] == "CHAIR"
    assert response["Content-Disposition"] == (
        'attachment; filename="childrens-services-scrutiny-panel-2022-11-02-minutes.docx"'
    )


def test_the_minutes_withhold_exempt_items_without_the_full_papers(client, minuted, viewer):
    client.force_login(viewer)

    paragraphs, _ = read(client.get(reverse("meeting_minutes_docx", args=[minuted.pk])))

    text = "\n".join(paragraphs)
    assert (
        "3. PLACEMENT COSTS\nExempt under paragraph 3 of Part 1 of Schedule 12A to the Local "
        "Government Act 1972: the minute is not published."
    ) in text
    assert SECRET not in text
    assert "Agreed in private." not in text


def test_board_members_read_exempt_minutes(client, minuted, user_with_role):
    person = user_with_role(roles.BOARD_MEMBER)
    MembershipFactory(board=minuted.board, person=person)
    client.force_login(person)

    paragraphs, _ = read(client.get(reverse("meeting_minutes_docx", args=[minuted.pk])))

    assert SECRET in "\n".join(paragraphs)


def test_declarations_are_listed_in_their_minute(client, minuted, clerk):
    services.declaration_add(
        meeting=minuted, agenda_item=minuted.agenda_items.get(order=2),
        person=UserFactory(full_name="Reid"), kind="non_registrable",
        interest="A relative is a foster carer.", user=clerk,
    )  # fmt: skip
    client.force_login(clerk)

    paragraphs, _ = read(client.get(reverse("meeting_minutes_docx", args=[minuted.pk])))

    index = paragraphs.index("1. DECLARATIONS OF INTEREST")
    assert paragraphs[index + 1] == (
        "Reid, item 2 (Children's placement sufficiency): Non-registrable interest. "
        "A relative is a foster carer."
    )

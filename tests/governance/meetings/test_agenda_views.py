"""The agenda and papers pages: adding, changing, moving and deleting items; uploading,
adding, moving, deleting and downloading papers; exempt items kept from non-members."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance import roles
from governance.meetings import services
from governance.models import AgendaItem, Paper
from scorecard.models import IndicatorValue
from tests.governance.factories import BoardFactory, MembershipFactory, UserFactory
from tests.governance.meetings.editing import edit
from tests.governance.meetings.factories import arranged_meeting, pdf_upload
from tests.scorecard.factories import IndicatorValueFactory

pytestmark = pytest.mark.django_db

JANUARY = datetime.datetime(2023, 1, 11, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.DEMOCRATIC_SERVICES])


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def meeting(officer):
    board = BoardFactory(name="Improvement Board", slug="improvement-board")
    return arranged_meeting(board, officer, starts_at=JANUARY)


@pytest.fixture
def item(meeting, officer):
    return services.agenda_item_add(meeting=meeting, title="Performance scorecard", user=officer)


def titles(meeting):
    return list(meeting.agenda_items.order_by("order").values_list("title", flat=True))


def test_adding_an_item(officer_client, meeting):
    author = UserFactory(full_name="Rita Author")

    response = officer_client.post(
        reverse("agenda_item_add", args=[meeting.pk]),
        {"title": "Children missing from home and care", "presenters": "Paula Sumner",
         "description": "To receive an update.", "report_author": author.pk,
         "exempt_paragraph": ""},
    )  # fmt: skip

    item = AgendaItem.objects.get(meeting=meeting, title="Children missing from home and care")
    assert response.url == reverse("meeting_detail", args=[meeting.pk]) + f"#item-{item.pk}"
    assert (item.order, item.report_author, item.exempt_paragraph) == (4, author, None)
    assert titles(meeting)[-2:] == ["Date of next meeting", "Urgent items"]


def test_the_item_form_shows_its_errors(officer_client, meeting):
    response = officer_client.post(
        reverse("agenda_item_add", args=[meeting.pk]), {"title": "", "exempt_paragraph": "8"}
    )

    text = response.text
    assert "<title>Error: Add an agenda item" in text
    assert "Enter the item&#x27;s title" in text
    assert "Select a valid choice" in text
    assert len(titles(meeting)) == 5


def test_changing_an_item(officer_client, item):
    url = reverse("agenda_item_update", args=[item.pk])
    assert officer_client.get(url).context["form"].initial["title"] == "Performance scorecard"

    edit(officer_client, url, {"title": "Scorecard", "exempt_paragraph": "3"})

    item.refresh_from_db()
    assert (item.title, item.exempt_paragraph) == ("Scorecard", 3)


def test_moving_an_item_and_refusing_to_move_the_first_up(officer_client, meeting, item):
    move = reverse("agenda_item_move", args=[item.pk])

    response = officer_client.post(move, {"direction": "up"}, follow=True)

    assert titles(meeting)[2:4] == ["Performance scorecard", "Minutes"]
    assert "Performance scorecard is now item 3" in response.text
    first = meeting.agenda_items.get(order=1)
    response = officer_client.post(
        reverse("agenda_item_move", args=[first.pk]), {"direction": "up"}, follow=True
    )
    assert "Item 1 is already first on the agenda" in response.text


def test_deleting_an_item_asks_first(officer_client, meeting, item):
    url = reverse("agenda_item_delete", args=[item.pk])

    assert "Delete item 4, Performance scorecard?" in officer_client.get(url).text
    response = officer_client.post(url)

    assert response.url == reverse("meeting_detail", args=[meeting.pk])
    assert "Performance scorecard" not in titles(meeting)
    assert [i.order for i in meeting.agenda_items.all()] == [1, 2, 3, 4, 5]


def test_uploading_a_paper(officer_client, item):
    response = officer_client.post(
        reverse("paper_add_upload", args=[item.pk]),
        {"title": "Scorecard, December", "file": pdf_upload(pages=14)},
    )

    paper = Paper.objects.get(agenda_item=item)
    assert response.status_code == 302
    assert (paper.title, paper.page_count) == ("Scorecard, December", 14)
    text = officer_client.get(reverse("meeting_detail", args=[item.meeting_id])).text
    assert f'href="{reverse("paper_download", args=[paper.pk])}">Scorecard, December</a>' in text
    assert "(PDF, 14 pages)" in text


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("scorecard.pdf", b"GIF89a not a pdf"), "must be a PDF"),
        (pdf_upload(password="secret"), "protected with a password"),
        (None, "Select a PDF file"),
    ],
)
def test_the_upload_form_says_what_is_wrong_with_the_file(officer_client, item, upload, message):
    data = {"title": "Scorecard"} | ({"file": upload} if upload else {})

    response = officer_client.post(reverse("paper_add_upload", args=[item.pk]), data)

    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert message in response.text
    assert not Paper.objects.exists()


def test_the_upload_form_refuses_a_file_too_big(officer_client, item, settings):
    settings.PAPER_MAX_BYTES = 2048

    response = officer_client.post(
        reverse("paper_add_upload", args=[item.pk]), {"file": pdf_upload(pages=50)}
    )

    text = response.text.replace("\xa0", " ")
    assert "The selected file must be smaller than 2.0 KB" in text
    assert "A PDF smaller than 2.0 KB, without a password." in text
    assert not Paper.objects.exists()


def test_adding_a_scorecard_report(officer_client, item):
    IndicatorValueFactory(period=datetime.date(2023, 6, 1), state=IndicatorValue.State.APPROVED)
    url = reverse("paper_add_report", args=[item.pk])
    assert "June 2023" in officer_client.get(url).text

    officer_client.post(url, {"kind": "scorecard_report", "scorecard_period": "2023-06-01"})

    paper = Paper.objects.get()
    assert (paper.kind, paper.title) == ("scorecard_report", "Performance scorecard, June 2023")
    text = officer_client.get(reverse("meeting_detail", args=[item.meeting_id])).text
    assert "made when the agenda pack is built" in text
    assert officer_client.get(reverse("paper_download", args=[paper.pk])).status_code == 404


def test_the_report_form_shows_the_rules_broken(officer_client, item):
    url = reverse("paper_add_report", args=[item.pk])

    response = officer_client.post(url, {"kind": "plan_report"})

    assert "There is no improvement plan yet: import the plan first" in response.text
    response = officer_client.post(url, {"kind": "scorecard_report"})
    assert "Select a month with approved scorecard figures" in response.text
    assert not Paper.objects.exists()


def test_moving_and_deleting_a_paper(officer_client, item, officer):
    first = services.paper_upload(item=item, uploaded_file=pdf_upload(), title="A", user=officer)
    services.paper_upload(item=item, uploaded_file=pdf_upload(), title="B", user=officer)

    officer_client.post(reverse("paper_move", args=[first.pk]), {"direction": "down"})
    assert list(item.papers.order_by("order").values_list("title", flat=True)) == ["B", "A"]

    assert "Delete A?" in officer_client.get(reverse("paper_delete", args=[first.pk])).text
    response = officer_client.post(reverse("paper_delete", args=[first.pk]))
    assert response.status_code == 302
    assert list(item.papers.values_list("title", "order")) == [("B", 1)]


def test_downloading_a_paper(client, item, officer):
    paper = services.paper_upload(
        item=item, uploaded_file=pdf_upload(), title="Scorecard: December", user=officer
    )
    client.force_login(UserFactory(roles=[roles.VIEWER]))

    response = client.get(reverse("paper_download", args=[paper.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="scorecard-december.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == paper.file.open("rb").read()


@pytest.fixture
def exempt(item, officer):
    services.agenda_item_update(
        item=item, user=officer, title="Placement costs", description="Named child's placement",
        presenters="Tony Decrop", exempt_paragraph=1,
    )  # fmt: skip
    return services.paper_upload(
        item=item, uploaded_file=pdf_upload(), title="Placement costs report", user=officer
    )


@pytest.mark.parametrize(("who", "sees"), [("viewer", False), ("member", True), ("officer", True)])
def test_an_exempt_items_details_are_for_board_members(client, meeting, exempt, who, sees):
    person = {
        "viewer": lambda: UserFactory(roles=[roles.VIEWER]),
        "member": lambda: (
            MembershipFactory(
                board=meeting.board, person=UserFactory(roles=[roles.BOARD_MEMBER])
            ).person
        ),
        "officer": lambda: UserFactory(roles=[roles.DEMOCRATIC_SERVICES]),
    }[who]()
    client.force_login(person)

    text = client.get(reverse("meeting_detail", args=[meeting.pk])).text

    assert "4. Placement costs" in text
    hidden = (
        "Exempt under paragraph 1 of Schedule 12A to the Local Government Act 1972: its "
        "papers are for board members only"
    )
    assert (hidden in text) is not sees
    for secret in ["Named child", "Tony Decrop", "Placement costs report",
                   reverse("paper_download", args=[exempt.pk])]:  # fmt: skip
        assert (secret in text) is sees


def test_a_board_member_of_another_board_does_not_see_exempt_details(client, meeting, exempt):
    client.force_login(MembershipFactory(person=UserFactory(roles=[roles.BOARD_MEMBER])).person)

    text = client.get(reverse("meeting_detail", args=[meeting.pk])).text

    assert "Named child" not in text
    assert client.get(reverse("paper_download", args=[exempt.pk])).status_code == 403

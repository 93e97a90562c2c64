"""Building a pack: page ranges, blank pages, stamps, bookmarks, exempt items, versions
and failures, read back from the PDF with pypdf."""

import io

from django.core.files.base import ContentFile
from pypdf import PdfReader

from governance.models import Pack
from governance.packs import services
from tests.governance.factories import AgendaItemFactory, PaperFactory
from tests.governance.packs.conftest import (
    build,
    front_length,
    front_sheet_ranges,
    item_starts,
    pack_bytes,
    page_texts,
    stamped_number,
    uploaded,
)


def test_front_sheet_page_ranges_match_where_each_item_starts(agenda):
    pack = build(agenda[1].meeting)
    texts = page_texts(pack_bytes(pack))

    ranges = front_sheet_ranges(texts)
    starts = item_starts(texts)
    assert pack.state == Pack.State.BUILT, pack.error
    assert ranges == {1: "", 2: "1-4", 3: "5-6", 4: "7"}
    for number, written in ranges.items():
        if written:
            assert starts[number] == int(written.split("-")[0])
    assert [entry["first"] for entry in pack.item_pages] == [1, 5, 7]
    assert pack.page_count == len(texts) == front_length(texts) + 7


def test_front_sheet_says_who_when_and_where(agenda):
    front = page_texts(pack_bytes(build(agenda[1].meeting)))[0]

    assert "CHILDREN'S SERVICES SCRUTINY PANEL" in front
    assert "Day: Wednesday" in front
    assert "Date: 11 January 2023" in front
    assert "Time: 6.00 pm" in front
    assert "Place: Committee Room 1 - Tameside One" in front
    assert "from Paul Radcliffe, Policy and Strategy Lead, to whom any apologies" in " ".join(
        front.split()
    )


def test_blank_pages_only_when_items_start_on_odd_pages(agenda, board):
    texts = page_texts(pack_bytes(build(agenda[1].meeting)))
    assert "This page is intentionally left blank" in texts[front_length(texts) + 3]

    board.items_start_on_odd_pages = False
    board.save()
    texts = page_texts(pack_bytes(build(agenda[1].meeting)))
    assert not any("intentionally left blank" in text for text in texts)
    assert front_sheet_ranges(texts) == {1: "", 2: "1-3", 3: "4-5", 4: "6"}
    assert item_starts(texts) == {2: 1, 3: 4, 4: 6}


def test_every_numbered_page_is_stamped_in_order_and_the_front_sheet_is_not(agenda):
    texts = page_texts(pack_bytes(build(agenda[1].meeting)))
    front = front_length(texts)

    assert [stamped_number(text) for text in texts[:front]] == [None] * front
    assert [stamped_number(text) for text in texts[front:]] == list(range(1, 8))
    assert "Item 3 paper page 2 of 2" in texts[front + 5]


def test_uploaded_papers_get_their_item_stamped_on_their_first_page_only(agenda):
    texts = page_texts(pack_bytes(build(agenda[1].meeting)))
    front = front_length(texts)

    assert "Agenda Item 2" in texts[front]
    assert "Agenda Item 2" not in texts[front + 1]


def test_outline_has_the_front_sheet_and_one_entry_per_item(agenda):
    reader = PdfReader(io.BytesIO(pack_bytes(build(agenda[1].meeting))))
    front = front_length([page.extract_text() for page in reader.pages])

    entries = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert entries == [
        ("Front sheet", 0),
        ("1. Apologies for absence", 0),
        ("2. Children missing from home", front),
        ("3. Workforce strategy", front + 4),
        ("4. Placement contract", front + 6),
    ]


def test_public_pack_leaves_out_exempt_papers_and_says_so(agenda):
    pack = build(agenda[1].meeting, Pack.Audience.PUBLIC)
    texts = page_texts(pack_bytes(pack))
    front = " ".join(" ".join(texts[: front_length(texts)]).split())

    assert not any("Exempt contract" in text for text in texts)
    assert front_sheet_ranges(texts)[4] == "Not for publication"
    assert (
        "Item 4 is exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972: "
        "its papers are not included in this pack" in front
    )
    assert pack.item_pages[-1] == {
        "item_id": agenda[4].pk,
        "number": 4,
        "title": "Placement contract",
        "exempt_omitted": True,
        "paragraph": 3,
    }


def test_full_pack_has_exempt_papers_marked_not_for_publication(agenda):
    texts = page_texts(pack_bytes(build(agenda[1].meeting)))
    exempt_page = next(text for text in texts if "Exempt contract" in text)

    assert "Agenda Item 4" in exempt_page
    assert "NOT FOR PUBLICATION" in exempt_page
    assert "NOT FOR PUBLICATION" in texts[0]


def test_page_numbers_sit_bottom_centre_on_landscape_and_letter_pages(meeting):
    item = AgendaItemFactory(meeting=meeting, order=1, title="Odd sizes")
    uploaded(item, 1, size="landscape", label="Wide")
    uploaded(item, 1, size="letter", label="Letter")
    reader = PdfReader(io.BytesIO(pack_bytes(build(meeting))))

    for page in reader.pages[-2:]:
        found = []

        def visit(text, cm, tm, font, size, found=found):
            found.append((text, tm[4], tm[5]))

        page.extract_text(visitor_text=visit)
        x = next(x for text, x, _ in found if text.startswith("Page "))
        y = next(y for text, _, y in found if text.startswith("Page "))
        middle = float(page.mediabox.width) / 2
        assert abs(x + 15 - middle) < 10
        assert y < 30


def test_a_long_front_sheet_moves_nothing(meeting):
    for order in range(1, 41):
        item = AgendaItemFactory(
            meeting=meeting, order=order, title=f"Item {order}", description="Words " * 40
        )
    uploaded(item, 2)
    pack = build(meeting)
    texts = page_texts(pack_bytes(pack))

    assert front_length(texts) > 1
    assert pack.item_pages == [
        {"item_id": item.pk, "number": 40, "title": "Item 40", "first": 1, "last": 2}
    ]
    assert item_starts(texts) == {40: 1}


def test_a_rebuild_is_a_new_version_and_keeps_the_old_file(agenda):
    first = build(agenda[1].meeting)
    second = build(agenda[1].meeting)

    assert (first.version, second.version) == (1, 2)
    assert first.file.name != second.file.name
    assert first.file.name.endswith("scrutiny-panel-2023-01-11-full-v1.pdf")
    first.refresh_from_db()
    assert first.state == Pack.State.BUILT
    assert first.file.storage.exists(first.file.name)


def test_building_a_built_pack_again_changes_nothing(agenda):
    pack = build(agenda[1].meeting)
    again = services.pack_build(pack_id=pack.pk)

    assert again.file.name == pack.file.name
    assert again.built_at == pack.built_at


def test_a_corrupt_stored_pdf_leaves_the_pack_failed_with_the_reason(agenda):
    PaperFactory(
        agenda_item=agenda[3],
        title="Broken appendix",
        file=ContentFile(b"%PDF-1.7 not really a pdf", name="broken.pdf"),
    )
    pack = build(agenda[1].meeting)

    assert pack.state == Pack.State.FAILED
    assert "The uploaded paper “Broken appendix” for item 3 could not be read" in pack.error
    assert "Upload it again" in pack.error
    assert not pack.file


def test_an_unexpected_error_is_logged_and_leaves_the_pack_failed(agenda, monkeypatch, caplog):
    def explode(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("governance.packs.services.assemble", explode)
    pack = build(agenda[1].meeting)

    assert pack.state == Pack.State.FAILED
    assert "unexpected error (ZeroDivisionError: division by zero)" in pack.error
    assert "failed to build" in caplog.text


def test_progress_is_saved_in_words_as_the_build_goes(agenda, monkeypatch):
    seen = []
    real_update = Pack.objects.filter

    def spy(*args, **kwargs):
        queryset = real_update(*args, **kwargs)
        original = queryset.update

        def update(**values):
            if "step" in values:
                seen.append((values.get("progress"), values["step"]))
            return original(**values)

        queryset.update = update
        return queryset

    monkeypatch.setattr(Pack.objects, "filter", spy)
    build(agenda[1].meeting)

    steps = [step for _, step in seen]
    assert "Rendering item 2 (1 of 3 with papers)" in steps
    assert "Rendering the front sheet" in steps
    assert [p for p, _ in seen] == sorted(p for p, _ in seen)

"""`manage.py build_pack MEETING_ID [--public] -o FILE.pdf`."""

import io

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from governance.models import Pack
from tests.governance.packs.conftest import front_sheet_ranges


def test_the_command_writes_a_new_version_of_the_pack(agenda, meeting, tmp_path):
    target = tmp_path / "pack.pdf"
    output = io.StringIO()
    call_command("build_pack", str(meeting.pk), "--public", "-o", str(target), stdout=output)

    texts = [page.extract_text() for page in PdfReader(target).pages]
    assert front_sheet_ranges(texts)[4] == "Not for publication"
    assert "Wrote version 1" in output.getvalue()
    assert Pack.objects.get().audience == Pack.Audience.PUBLIC

    call_command("build_pack", str(meeting.pk), "-o", str(target), stdout=io.StringIO())
    assert Pack.objects.filter(audience="full").get().version == 1


def test_the_command_refuses_an_unknown_meeting(db, tmp_path):
    with pytest.raises(CommandError, match="There is no meeting with id 999"):
        call_command("build_pack", "999", "-o", str(tmp_path / "pack.pdf"))


def test_the_command_refuses_a_path_it_cannot_write(meeting, tmp_path):
    with pytest.raises(CommandError, match="Cannot write the pack to"):
        call_command("build_pack", str(meeting.pk), "-o", str(tmp_path / "missing" / "p.pdf"))
    assert not Pack.objects.exists()


def test_the_command_reports_a_failed_build(agenda, meeting, tmp_path, monkeypatch):
    monkeypatch.setattr(
        "governance.packs.services.assemble",
        lambda *a, **k: (_ for _ in ()).throw(RuntimeError("no fonts")),
    )
    with pytest.raises(CommandError, match="could not be built: .*RuntimeError: no fonts"):
        call_command("build_pack", str(meeting.pk), "-o", str(tmp_path / "pack.pdf"))

"""The benchmark harness measures what it says: ratios of medians against a floor taken
in the same rounds, the bare page is a signed-in page, every page family it names
resolves, and its database is a fresh one beside the one named."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from benchmarks import measure, suite
from benchmarks.databases import fresh_beside
from benchmarks.world import PEOPLE
from tests.governance.factories import UserFactory


def test_against_floor_is_the_ratio_of_the_medians_and_resets_before_each_run():
    calls = []
    found = measure.against_floor(
        lambda: calls.append("work"), lambda: calls.append("floor"), rounds=3,
        reset=lambda: calls.append("reset"),
    )  # fmt: skip
    assert calls == ["reset", "floor", "reset", "work"] * 3
    assert found["rounds"] == 3
    assert set(found) == {"ms", "floor_ms", "ratio", "rounds"}


def test_ratio_of_medians():
    assert measure._ratio([10, 30, 20], [1, 3, 2], floor_name="bare_ms") == {
        "ms": 20, "bare_ms": 2, "ratio": 10.0, "rounds": 3,
    }  # fmt: skip


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="benchmarks.urls")
def test_the_bare_page_is_signed_in_and_timed_against(client):
    bare = reverse("bench_bare")
    assert client.get(bare).status_code == 302
    client.force_login(UserFactory(full_name="Bea Bench"))
    assert "Signed in as Bea Bench" in client.get(bare).text
    timed = measure.interleaved(client, bare, bare_url=bare, rounds=2)
    assert timed["ratio"] > 0
    assert measure.page_queries(client, bare) >= 1  # the session and the user


def test_every_page_family_names_a_person_who_signs_in_or_none():
    assert {page.who for page in suite.PAGES} <= {*PEOPLE, None}
    assert len({page.name for page in suite.PAGES}) == len(suite.PAGES)


def test_a_sqlite_database_is_a_fresh_file_beside_the_named_one(tmp_path):
    named = tmp_path / "council.sqlite3"
    beside = tmp_path / "council.bench.sqlite3"
    beside.write_text("left by an earlier run")
    assert fresh_beside(f"sqlite:///{named}") == f"sqlite:///{beside}"
    assert not beside.exists()


def test_a_streamed_download_is_read_to_its_end(rf):
    from django.http import StreamingHttpResponse

    read = []

    def rows():
        for n in range(3):
            read.append(n)
            yield b"row\n"

    class Streaming(Client):
        def get(self, url, **kwargs):
            return StreamingHttpResponse(rows())

    measure.get_call(Streaming(), "/x")()
    assert read == [0, 1, 2]


def test_a_downloads_floor_writes_its_own_rows_again():
    from benchmarks import downloads

    rows = [["Ref", "Action"], ["1.1.1", "Audit, then report"], ["1.1.2", "Café"]]
    written = downloads.csv_floor(rows)()
    assert downloads._csv_rows(written) == rows
    assert downloads._xlsx_rows(downloads.xlsx_floor(rows)()) == rows

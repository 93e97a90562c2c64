"""The bookkeeping of a big file's task (common.import_jobs), shared by both importers:
status files replaced at once, a task that runs once however often it is delivered,
and its progress in words."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from common.import_jobs import FAILED, NOT_STARTED, ImportJobs, JobRefused, progress_words

TOKEN = "a" * 43


@dataclass(frozen=True)
class Kept:
    token: str
    path: Path

    def as_data(self) -> dict:
        return {"token": self.token}


class Refused(Exception):
    pass


@pytest.fixture
def jobs(tmp_path):
    return ImportJobs(folder=lambda: tmp_path, name="Test")


@pytest.fixture
def kept(tmp_path):
    path = tmp_path / f"{TOKEN}.csv"
    path.write_bytes(b"file")
    return Kept(TOKEN, path)


class Task:
    def __init__(self, broken=False):
        self.started, self.broken = [], broken

    def delay(self, *args):
        if self.broken:
            raise ConnectionError("broker down")
        self.started.append(args)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (None, (0, "Waiting to start")),
        ({"state": "queued"}, (0, "Waiting to start")),
        ({"state": "running", "done": 0, "total": 0}, (0, "0 of 0 actions read")),
        ({"state": "running", "done": 1200, "total": 4800}, (25, "1,200 of 4,800 actions read")),
        ({"state": "done", "done": 3, "total": 9}, (100, "Finished")),
        ({"state": "refused"}, (100, "Finished")),
        ({"state": "failed"}, (100, "Finished")),
    ],
)
def test_progress_in_words(status, expected):
    assert progress_words(status, rows="actions") == expected


@pytest.mark.parametrize(
    ("token", "mode"), [("../../etc", "check"), (TOKEN, "delete"), ("", "import")]
)
def test_a_status_path_is_built_only_from_a_kept_token_and_a_mode(jobs, token, mode):
    with pytest.raises(ValueError, match="Not a kept import"):
        jobs.status_path(token, mode)


def test_a_status_is_written_whole_and_read_back(jobs):
    assert jobs.status_read(TOKEN, "check") is None
    jobs.status_write(TOKEN, "check", {"state": "running", "done": 1})
    assert jobs.status_read(TOKEN, "check") == {"state": "running", "done": 1}
    jobs.status_path(TOKEN, "check").write_text("{half", encoding="utf-8")
    assert jobs.status_read(TOKEN, "check") is None


def test_the_task_is_started_once_with_ids_only(jobs, kept):
    task = Task()
    first = jobs.start(kept, "check", task=task, user_id=7)
    again = jobs.start(kept, "check", task=task, user_id=7)
    assert first == again == {"state": "queued", "pending": {"token": TOKEN}, "done": 0, "total": 0}
    assert task.started == [(TOKEN, "check", 7)]


def test_when_the_broker_is_down_the_file_is_kept_and_nothing_is_queued(jobs, kept):
    status = jobs.start(kept, "import", task=Task(broken=True), user_id=7)
    assert status == {"state": "not started", "error": NOT_STARTED}
    assert jobs.status_read(TOKEN, "import") is None
    assert kept.path.is_file()


def _run(jobs, kept, work, mode="import"):
    jobs.start(kept, mode, task=Task(), user_id=None)
    load = lambda data: kept if data.get("token") == TOKEN else None  # noqa: E731
    return jobs.run(token=TOKEN, mode=mode, load=load, work=work, refused=(Refused,))


def test_a_task_reports_its_progress_then_its_report_and_runs_once(jobs, kept):
    calls = []

    def work(pending, *, dry_run, progress):
        calls.append(dry_run)
        progress(2, 4)
        assert jobs.status_read(TOKEN, "check")["state"] == "running"
        return {"created": 4}

    assert _run(jobs, kept, work, mode="check") == "done"
    assert jobs.run(token=TOKEN, mode="check", load=None, work=work) == "done"
    assert calls == [True]
    status = jobs.status_read(TOKEN, "check")
    assert (status["state"], status["report"]) == ("done", {"created": 4})


@pytest.mark.parametrize(
    ("error", "state", "words"),
    [
        (JobRefused("The plan has gone."), "refused", "The plan has gone."),
        (Refused("Row 3 has no title."), "refused", "Row 3 has no title."),
        (ZeroDivisionError("bug"), "failed", FAILED),
    ],
)
def test_a_task_that_stops_says_why_in_words(jobs, kept, error, state, words):
    def work(pending, *, dry_run, progress):
        raise error

    assert _run(jobs, kept, work) == state
    assert jobs.status_read(TOKEN, "import")["error"] == words


def test_a_task_whose_file_has_gone_is_refused_and_one_never_queued_does_nothing(jobs, kept):
    kept.path.unlink()
    jobs.start(kept, "import", task=Task(), user_id=None)
    gone = jobs.run(token=TOKEN, mode="import", load=lambda data: None, work=None)
    assert gone == "refused"
    assert jobs.status_read(TOKEN, "import")["error"] == "The file has gone."
    assert jobs.run(token=TOKEN, mode="check", load=None, work=None) == "gone"


def test_forgetting_a_kept_file_removes_its_status_files(jobs, kept):
    jobs.status_write(TOKEN, "check", {"state": "done"})
    jobs.status_write(TOKEN, "import", {"state": "queued"})
    jobs.forget(kept)
    assert list(kept.path.parent.iterdir()) == []

"""Requesting, building by task, and publishing packs (governance.packs.services)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance import tasks
from governance.models import Pack
from governance.packs import services
from tests.governance.factories import PackFactory, UserFactory
from tests.governance.packs.conftest import build


def test_a_request_makes_the_next_version_and_builds_it_on_commit(
    agenda, meeting, django_capture_on_commit_callbacks, tasks_in_process
):
    PackFactory(meeting=meeting, audience=Pack.Audience.FULL, version=3, state="built")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        pack = services.pack_request(meeting=meeting, audience="full", user=None)
        assert pack.state == Pack.State.QUEUED

    assert len(callbacks) == 1
    pack.refresh_from_db()
    assert (pack.version, pack.state, pack.progress, pack.step) == (4, "built", 100, "Built")


def test_a_request_while_one_is_queued_or_building_returns_it(
    meeting, django_capture_on_commit_callbacks
):
    building = PackFactory(meeting=meeting, audience="public", version=1, state="building")
    with django_capture_on_commit_callbacks() as callbacks:
        again = services.pack_request(meeting=meeting, audience="public", user=None)

    assert again == building
    assert callbacks == []
    assert Pack.objects.count() == 1


def test_a_pack_stuck_building_for_too_long_is_failed_and_replaced(
    meeting, django_capture_on_commit_callbacks
):
    stuck = PackFactory(meeting=meeting, audience="full", version=1, state="building")
    Pack.objects.filter(pk=stuck.pk).update(
        requested_at=timezone.now() - datetime.timedelta(hours=3)
    )
    with django_capture_on_commit_callbacks():
        fresh = services.pack_request(meeting=meeting, audience="full", user=None)

    stuck.refresh_from_db()
    assert fresh.version == 2
    assert stuck.state == Pack.State.FAILED
    assert "stopped without finishing" in stuck.error


def test_an_unknown_audience_is_refused_in_words(meeting):
    with pytest.raises(ValidationError, match="full pack or the public pack"):
        services.pack_request(meeting=meeting, audience="everyone", user=None)


def test_a_queue_that_does_not_answer_leaves_the_pack_failed(
    meeting, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.build_pack, "delay", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        pack = services.pack_request(meeting=meeting, audience="full", user=None)

    pack.refresh_from_db()
    assert pack.state == Pack.State.FAILED
    assert "task queue did not answer" in pack.error


def test_the_task_builds_once_and_is_idempotent(agenda, meeting):
    pack = services.pack_create(meeting=meeting, audience="full", user=None)

    assert tasks.build_pack(pack.pk) == Pack.State.BUILT
    built = Pack.objects.get(pk=pack.pk)
    assert tasks.build_pack(pack.pk) == Pack.State.BUILT
    again = Pack.objects.get(pk=pack.pk)
    assert (again.file.name, again.built_at) == (built.file.name, built.built_at)


def test_the_task_leaves_a_failed_pack_failed(meeting):
    pack = PackFactory(meeting=meeting, state="failed", error="Broken")

    assert tasks.build_pack(pack.pk) == Pack.State.FAILED
    pack.refresh_from_db()
    assert pack.error == "Broken"


def test_publishing_a_built_pack_sets_when_once(agenda, meeting):
    pack = build(meeting)
    published = services.pack_publish(pack=pack, user=UserFactory())
    first = published.published_at

    assert first is not None
    assert services.pack_publish(pack=pack, user=None).published_at == first


def test_only_a_built_pack_may_be_published(meeting):
    pack = PackFactory(meeting=meeting, state="building")

    with pytest.raises(ValidationError, match="cannot be published because it is not built"):
        services.pack_publish(pack=pack, user=None)
    pack.refresh_from_db()
    assert pack.published_at is None

"""The daily reminders run on the volume plan (benchmarks.plan_pages: 3,000 actions,
30,000 updates, 24 lead posts, each held here by its own person): planning what is due
(governance.reminders.services.reminders_due) and recording it (rendering each mail).
Runs after plan_pages, on its data; what it adds is rolled back."""

import datetime
import statistics
import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.models import Post, PostHolder, User
from governance.reminders import services

RUNS = 5


def _holders() -> None:
    for post in Post.objects.filter(name__startswith="Bench post").exclude(holders__isnull=False):
        person = User.objects.create_user(f"{post.pk}.bench@example.gov.uk", full_name=post.name)
        PostHolder.objects.create(post=post, person=person, start_date=datetime.date(2020, 1, 1))


def _timed(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return (time.perf_counter() - started) * 1000, result


def run():
    today = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    with transaction.atomic():
        _holders()
        with CaptureQueriesContext(connection) as queries:
            planned = services.reminders_due(today=today)
        plans = [_timed(lambda: services.reminders_due(today=today))[0] for _ in range(RUNS)]
        record_ms, recorded = _timed(lambda: services.reminders_record(planned=planned))
        transaction.set_rollback(True)
    label = f"reminders due (3,000 actions): {len(planned)} planned"
    yield f"{label:<55} median {statistics.median(plans):8.1f} ms   {len(queries):3d} queries"
    label = f"  recording them, each mail rendered ({len(recorded.new)})"
    yield f"{label:<55} once   {record_ms:8.1f} ms"

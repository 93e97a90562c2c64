"""How the benchmarks measure: always as a ratio to a floor measured in the same run,
interleaved so that a slower moment of the machine falls on both alike.

- A page is timed against the bare page (a signed-in page rendering a trivial template
  through the same middleware, benchmarks.urls): each round times the bare page, then
  the page; the figures are the medians of each, and the ratio of the medians.
- Work that is not a page (an import, the reminder sweep) is timed against its floor,
  the least the database must do for the same result (a bulk_create of the same rows, one
  query and one bulk_create): each round runs the floor, then the work, with `reset`
  before each (outside the timing) so every round starts from the same state.
- Query counts are taken from one request or one run, outside the timing.
"""

import statistics
import time
from collections.abc import Callable

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def get_call(client: Client, url: str) -> Callable[[], object]:
    def call():
        response = client.get(url)
        if response.status_code != 200:
            raise AssertionError(f"{url} answered {response.status_code}")
        if getattr(response, "streaming", False):
            for _ in response.streaming_content:
                pass
        return response

    return call


def page_queries(client: Client, url: str) -> int:
    """The queries one GET of `url` issues (after a warming request)."""
    get_call(client, url)()
    reset_queries()  # each request empties the log as it starts; so must we
    with CaptureQueriesContext(connection) as captured:
        get_call(client, url)()
    return len(captured)


def interleaved(
    client: Client, url: str, *, bare_url: str, rounds: int, bare_client: Client | None = None
) -> dict:
    """Median server time of `url` and of the bare page, in alternating rounds. The bare
    page is opened by `bare_client` (a signed-in one) when `client` is signed out."""
    page, bare = get_call(client, url), get_call(bare_client or client, bare_url)
    page()
    bare()  # warm both: templates, caches, the session
    page_ms, bare_ms = [], []
    for _ in range(rounds):
        bare_ms.append(_timed(bare))
        page_ms.append(_timed(page))
    return _ratio(page_ms, bare_ms, floor_name="bare_ms")


def against_floor(
    work: Callable[[], object],
    floor: Callable[[], object],
    *,
    rounds: int,
    reset: Callable[[], object] | None = None,
) -> dict:
    """Median time of `work` and of its `floor`, alternating, each from the same state."""
    work_ms, floor_ms = [], []
    for _ in range(rounds):
        if reset:
            reset()
        floor_ms.append(_timed(floor))
        if reset:
            reset()
        work_ms.append(_timed(work))
    return _ratio(work_ms, floor_ms, floor_name="floor_ms")


def queries_of(call: Callable[[], object]) -> int:
    """The queries one call issues."""
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def _ratio(samples: list[float], floor: list[float], *, floor_name: str) -> dict:
    ms, floor_ms = statistics.median(samples), statistics.median(floor)
    return {
        "ms": round(ms, 2),
        floor_name: round(floor_ms, 2),
        "ratio": round(ms / floor_ms, 2) if floor_ms else None,
        "rounds": len(samples),
    }

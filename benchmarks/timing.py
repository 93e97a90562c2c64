"""Timing helpers shared by the benchmarks."""

import statistics
import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


def time_get(client: Client, url: str, *, runs: int = 20) -> dict:
    """Median and p90 server time (ms) of GET url, and the queries one request issues."""
    client.get(url)  # warm caches and template loading
    # Each request empties the query log when it starts; empty it first too, or the
    # context would count from the previous request's length and report too few.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(runs):
        reset_queries()
        started = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "median_ms": statistics.median(samples),
        "p90_ms": samples[int(len(samples) * 0.9) - 1],
        "queries": len(queries),
    }


def line(label: str, figures: dict) -> str:
    return (
        f"{label:<55} median {figures['median_ms']:8.1f} ms   "
        f"p90 {figures['p90_ms']:8.1f} ms   {figures['queries']:3d} queries"
    )

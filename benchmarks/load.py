"""A bounded load run: gunicorn (4 sync workers) on 127.0.0.1 serving the benchmark
database, 20 concurrent signed-in clients for DURATION seconds on each of the plan
overview, a service-area month, an action page and the bare page, one after another,
after a few seconds of uncounted load on each so that every worker has warmed up.
Reports requests a second and the 95th percentile of response time for each, and each
page's throughput as a share of the bare page's.

The clients run in this process (threads with keep-alive connections), on the same
machine as the server: both share its CPUs, as they say in the report.
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.test import Client
from django.urls import reverse

from benchmarks.world import World

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 20
DURATION = 30
WARM_UP = 5  # seconds of load on each page first, not counted: every worker warms up
WORKERS = 4


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _session_cookie(person) -> str:
    client = Client()
    client.force_login(person)
    from django.conf import settings

    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _server(port: int) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
    command = [
        sys.executable, "-m", "gunicorn", "governance.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 (our own argv)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def _hammer(port: int, path: str, cookie: str, until: float, times: list, errors: list) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie, "Host": "127.0.0.1"}
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            errors.append(path)
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            continue
        if response.status != 200:
            errors.append(response.status)
        times.append((time.perf_counter() - started) * 1000)
    connection.close()


def _load(port: int, path: str, cookie: str, duration: float) -> dict:
    times: list[float] = []
    errors: list = []
    until = time.perf_counter() + duration
    threads = [
        threading.Thread(target=_hammer, args=(port, path, cookie, until, times, errors))
        for _ in range(CLIENTS)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)] if times else None
    return {
        "rps": round(len(times) / elapsed, 2),
        "p95_ms": round(p95, 1) if p95 is not None else None,
        "median_ms": round(statistics.median(times), 1) if times else None,
        "requests": len(times),
        "errors": len(errors),
        "load": f"{CLIENTS} clients, {duration:.0f} s, gunicorn {WORKERS} workers",
    }


def run(world: World, *, duration: float = DURATION) -> dict[str, dict]:
    """The load figures (module docstring), keyed "load: <page>"."""
    cookie = _session_cookie(world.people["director"])
    paths = {
        "bare page": reverse("bench_bare"),
        "plan overview": reverse("plan_overview"),
        "service-area month": reverse("scorecard_service_area", args=[world.area_prefix]),
        "action page": reverse("action_detail", args=[world.action_id]),
    }
    port = _free_port()
    server = _server(port)
    try:
        for path in paths.values():
            _load(port, path, cookie, min(WARM_UP, duration))
        found = {name: _load(port, path, cookie, duration) for name, path in paths.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)
    bare = found["bare page"]["rps"] or 1
    for row in found.values():
        row["share_of_bare"] = round(row["rps"] / bare, 3)
    return {f"load: {name}": row for name, row in found.items()}

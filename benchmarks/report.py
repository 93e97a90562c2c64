"""Runs the benchmarks in order and reports them: printed as a table, written as JSON.

Order: migrate; the pack against WeasyPrint alone, on the empty database; the demo (1×)
and its query counts; grow to 10×; each page's query count and time against the bare
page; the imports and the reminder sweep, each against its floor; the load run.
"""

import datetime
import importlib
import json
import os
import platform
import time

from django.core.management import call_command
from django.db import connection

from benchmarks import suite, world

# The pack is measured first, on the empty database (its meeting, plan and scorecard are
# its own, all rolled back); the others after the pages, on the 10× council.
BEFORE_PAGES = ("benchmarks.packs",)
AFTER_PAGES = ("benchmarks.imports", "benchmarks.reminders")


def machine() -> str:
    """The machine's name, CPU model and count, in words."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            names = [line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line]
        model = names[0] if names else model
    except OSError:
        pass
    return f"{platform.node()}: {model}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def database() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]} ({connection.settings_dict['NAME']})"
        cursor.execute("SELECT sqlite_version()")
        return f"SQLite {cursor.fetchone()[0]}"


def figures(modules, *, scale: int) -> dict[str, dict]:
    """The figures of each of `modules` that has a `figures(scale=...)`."""
    found = {}
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        if hasattr(module, "figures"):
            print(f"  {name} ...", flush=True)
            found.update(module.figures(scale=scale))
    return found


def pages(rounds: int, *, limit: float) -> tuple[dict[str, dict], world.World]:
    """Each page's time at 10× against the bare page, with its queries at 1× and 10×;
    and the 10× world, for the load run."""
    print("Loading the demo council (1×) ...", flush=True)
    one = world.demo_world()
    queries_1x = suite.queries(one)
    print("Growing it to ten times a council (10×) ...", flush=True)
    started = time.perf_counter()
    ten = world.grow_to_ten_times(one)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    queries_10x = suite.queries(ten)
    print(f"Timing {len(suite.PAGES)} pages against the bare page, {rounds} rounds ...", flush=True)
    timed = suite.timings(ten, rounds=rounds)
    return {
        name: {
            **timed[name],
            "limit": limit,
            "queries_1x": queries_1x[name],
            "queries_10x": queries_10x[name],
        }  # fmt: skip
        for name in timed
    }, ten


def run_and_report(args, *, page_limit: float, floor_limit: float) -> int:
    rounds = args.rounds or (3 if args.quick else 15)
    scale = 1 if args.quick else 10
    call_command("migrate", verbosity=0)
    print("The pack against WeasyPrint alone ...", flush=True)
    pack = figures(BEFORE_PAGES, scale=scale)
    results, ten = pages(rounds, limit=page_limit)
    print("Figures against their floors ...", flush=True)
    results.update(figures(AFTER_PAGES, scale=scale))
    results.update(pack)
    if not (args.quick or args.no_load):
        from benchmarks import load

        print("Load run (gunicorn, 20 clients) ...", flush=True)
        results.update(load.run(ten))
    run = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "database": database(),
        "mode": "quick" if args.quick else "full",
        "rounds": rounds,
    }
    args.out.write_text(json.dumps({"_run": run, **results}, indent=2) + "\n")
    print_table(run, results, page_limit=page_limit, floor_limit=floor_limit)
    print(f"Written to {args.out}")
    return 0


def print_table(run: dict, results: dict, *, page_limit: float, floor_limit: float) -> None:
    print(f"\n{run['machine']}\n{run['database']}, {run['mode']} run, {run['rounds']} rounds\n")
    over = []
    for name, row in results.items():
        print(_line(name, row))
        limit = row.get("limit", page_limit if "bare_ms" in row else floor_limit)
        if row.get("ratio") is not None and "load" not in row and row["ratio"] > limit:
            over.append(f"{name} ({row['ratio']}×, limit {limit}×)")
        if row.get("queries_1x") is not None and row["queries_1x"] != row.get("queries_10x"):
            over.append(f"{name} (queries {row['queries_1x']} at 1×, {row['queries_10x']} at 10×)")
    print("\nOver a limit:" if over else "\nEvery figure within its limit.")
    for line in over:
        print(f"  {line}")


def _line(name: str, row: dict) -> str:
    if "rps" in row:
        return f"{name:<58} {row['rps']:8.1f} req/s   p95 {row['p95_ms']:8.1f} ms"
    floor = row.get("bare_ms", row.get("floor_ms"))
    queries = ""
    if "queries_1x" in row:
        queries = f"   queries {row['queries_1x']:3d} at 1×, {row['queries_10x']:3d} at 10×"
    elif "queries" in row:
        queries = f"   queries {row['queries']}"
    return f"{name:<58} {row['ms']:9.1f} ms  floor {floor:8.1f} ms  {row['ratio']:7.2f}×{queries}"

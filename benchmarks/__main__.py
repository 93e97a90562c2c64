"""`make bench`: every page family, the imports, the reminder sweep and the pack, each as
a ratio to its floor measured in the same run, on the database DATABASE_URL names.

- Database: a fresh one beside the one DATABASE_URL names (its name + `_bench`, made
  anew each run, so a council's data is never touched); a throw-away SQLite file when
  DATABASE_URL is unset. DEBUG is off (benchmarks.settings).
- Sizes: the demo council (1×), then grown to ten times a council (10×,
  benchmarks.world). Queries are counted at both; times are taken at 10×.
- `--quick` (CI-sized): 3 rounds a page, figures at 1×, no load run. The full run: 15
  rounds, figures at 10×, and the load run (benchmarks.load).
- Prints a table and writes benchmarks/results.json: {name: {ms, bare_ms or floor_ms,
  ratio, queries_1x, queries_10x}} with the run's facts under "_run".
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.json"
PAGE_LIMIT = 10  # at 10×: times the bare page, or for a download times writing its rows alone
FLOOR_LIMIT = 3  # times the floor, for imports and the reminder sweep


def arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="CI-sized: 3 rounds, no load run")
    parser.add_argument("--rounds", type=int, help="rounds per page (default 3 quick, 15 full)")
    parser.add_argument("--no-load", action="store_true", help="skip the load run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the results")
    return parser.parse_args(argv)


def bench_database_url(url: str | None) -> str:
    """A fresh database beside the one `url` names (module docstring)."""
    if not url:
        return f"sqlite:///{tempfile.mkdtemp(prefix='governance-bench-')}/bench.sqlite3"
    from benchmarks.databases import fresh_beside

    return fresh_beside(url)


def main(argv=None) -> int:
    args = arguments(argv)
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = bench_database_url(os.environ.get("DATABASE_URL"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ["CELERY_BROKER_URL"] = ""  # tasks in-process: the work is measured here

    import django

    django.setup()
    from benchmarks.report import run_and_report

    return run_and_report(args, page_limit=PAGE_LIMIT, floor_limit=FLOOR_LIMIT)


if __name__ == "__main__":
    raise SystemExit(main())

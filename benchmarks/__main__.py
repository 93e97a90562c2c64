"""Runs every benchmark against a throw-away SQLite database and prints the figures.

Each figure is the server time of a request through Django's test client (URL
resolving, middleware, view, template), median and 90th percentile of repeated runs,
with the number of database queries it issued.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    workdir = tempfile.mkdtemp(prefix="governance-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "governance.settings")
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["ALLOWED_HOSTS"] = "testserver"

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from benchmarks import packs, pages, plan_pages, reminders, scorecard_pages

    # packs first: it rolls back what it makes, and needs none of the volume data;
    # reminders after plan_pages, whose plan it reads.
    for module in (packs, pages, plan_pages, reminders, scorecard_pages):
        for line in module.run():
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`manage.py build_pack MEETING_ID [--public] -o FILE.pdf`: builds a new version of a
meeting's agenda pack now, through the same services as the pages, and writes it.

Rules:
- Always a new version (governance.packs.services.pack_create), built in this process
  whether or not a task queue is configured; the version is kept like any other.
- An unknown meeting, an output path that cannot be written, or a build that fails
  stops with a message saying what is wrong.
"""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.models import Meeting, Pack
from governance.packs import services


def writable(path: Path) -> bool:
    """Whether a file can be written at `path`: an existing file we may overwrite, or
    a new one in a directory that exists and we may write to."""
    if path.is_dir():
        return False
    if path.exists():
        return os.access(path, os.W_OK)
    return path.parent.is_dir() and os.access(path.parent, os.W_OK)


class Command(BaseCommand):
    help = "Builds a new version of a meeting's agenda pack and writes it to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", type=int, help="The meeting's id")
        parser.add_argument(
            "--public", action="store_true", help="Build the public pack (no exempt papers)"
        )
        parser.add_argument("-o", "--output", required=True, help="Where to write the PDF")

    def handle(self, *args, meeting_id, public, output, **options):
        meeting = Meeting.objects.filter(pk=meeting_id).select_related("board").first()
        if meeting is None:
            raise CommandError(f"There is no meeting with id {meeting_id}.")
        path = Path(output).expanduser()
        if not writable(path):
            raise CommandError(f"Cannot write the pack to {path}: choose a writable file path.")
        audience = Pack.Audience.PUBLIC if public else Pack.Audience.FULL
        pack = services.pack_create(meeting=meeting, audience=audience, user=None)
        self.stdout.write(f"Building {pack}…")
        pack = services.pack_build(pack_id=pack.pk)
        if pack.state != Pack.State.BUILT:
            raise CommandError(f"The pack could not be built: {pack.error}")
        try:
            with pack.file.open("rb") as built, path.open("wb") as target:
                target.write(built.read())
        except OSError as exc:
            raise CommandError(f"Cannot write the pack to {path}: {exc.strerror}.") from exc
        self.stdout.write(
            self.style.SUCCESS(f"Wrote version {pack.version}, {pack.page_count} pages, to {path}")
        )

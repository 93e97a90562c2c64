"""`manage.py meeting_record_retake MEETING_ID --reason "..."`: deliberately replaces a
meeting's record "as presented" with the judgements now (governance.records.services).

A record is otherwise kept once, when the meeting's pack is first published, and never
changed; this is the one deliberate way to take it again, for example after the plan's
figures were found wrong when the pack went out. An unknown meeting, or no reason,
stops with a message.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from governance.models import Meeting
from governance.records.services import meeting_record_retake


class Command(BaseCommand):
    help = "Takes a meeting's record of the plan's and scorecard's judgements again, now."

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", type=int, help="The meeting's id")
        parser.add_argument("--reason", required=True, help="Why it is taken again (logged)")

    def handle(self, *args, meeting_id, reason, **options):
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is None:
            raise CommandError(f"There is no meeting {meeting_id}.")
        try:
            record = meeting_record_retake(meeting=meeting, reason=reason, user=None)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        if record is None:
            self.stdout.write(
                "No record kept: the meeting was presented neither plan nor scorecard."
            )
            return
        self.stdout.write(f"Record taken again: {record.occasion}, {len(record.actions)} actions.")

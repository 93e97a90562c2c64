"""`manage.py demo_signins`: one demo sign-in per role, for the README and `make run`."""

from django.core.management.base import BaseCommand

from governance.demo import demo_sign_ins
from governance.models import User


class Command(BaseCommand):
    help = "Lists the demo sign-ins (email, password, role) that load_demo sets up."

    def handle(self, *args, **options):
        sign_ins = demo_sign_ins()
        width = max(len(s.email) for s in sign_ins)
        self.stdout.write(f"{'Email':<{width}}  {'Password':<20}  Role")
        for sign_in in sign_ins:
            self.stdout.write(f"{sign_in.email:<{width}}  {sign_in.password:<20}  {sign_in.role}")
        emails = [s.email for s in sign_ins]
        if User.objects.filter(email__in=emails).count() < len(emails):
            self.stdout.write(self.style.WARNING("Run `python manage.py load_demo` first."))

"""Mail backends for the reminder tests: one that refuses every message, as a mail
server that is down or rejects the sender would."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.gov.uk": (550, b"Mailbox unavailable")})

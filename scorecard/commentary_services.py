"""Writes for the head of service's commentary on a service area's month.

A commentary goes draft → submitted → approved, like a figure (scorecard.services), and a
changed approved one goes back to submitted. Two people saving it never silently
overwrite each other (common.concurrency): the text is written only when this person
changed it since they opened the page, and refused, theirs beside yours, when someone
else changed it too meanwhile. Its length is limited to COMMENTARY_MAX characters.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.concurrency import check_no_conflicts
from common.forms import COMMENT_LIMIT
from scorecard.models import Commentary, ServiceArea
from scorecard.services import check_period, plain_text, save_states

COMMENTARY_MAX = COMMENT_LIMIT  # the head of service's words on a month: a page or so


def _checked_text(text: str) -> str:
    text = plain_text(text)
    if not text:
        raise ValidationError({"text": "Enter the commentary"})
    if len(text) > COMMENTARY_MAX:
        too_long = f"Commentary must be {COMMENTARY_MAX:,} characters or fewer"
        raise ValidationError({"text": too_long})
    return text


def _write(commentary: Commentary, text: str, *, user) -> None:
    """Writes changed text; a changed approved commentary goes back to submitted."""
    if commentary.pk is not None and commentary.text == text:
        return
    reason = "Written" if commentary.pk is None else "Changed"
    if commentary.state == Commentary.State.APPROVED:
        commentary.state, reason = Commentary.State.SUBMITTED, "Changed after approval"
    commentary.text, commentary.author = text, user
    commentary._history_user, commentary._change_reason = user, reason
    commentary.save()


@transaction.atomic
def commentary_save(
    *,
    area: ServiceArea,
    period: datetime.date,
    text: str,
    user,
    today=None,
    submit=False,
    opened: Mapping[str, str] | None = None,
    changed: Iterable[str] | None = None,
) -> Commentary:
    """Saves the area's commentary for the month as a draft, or updates it. With `opened`
    and `changed` (from the form), the text is written only if this person changed it, and
    EditConflict is raised when someone else changed it too. With `submit`, submits it."""
    check_period(period, today=today or timezone.localdate())
    text = _checked_text(text)
    commentary = Commentary.objects.select_for_update().filter(service_area=area, period=period)
    commentary = commentary.first() or Commentary(service_area=area, period=period, text="")
    changed = set(changed) if changed is not None else {"text"}
    if opened is not None:
        check_no_conflicts(
            opened=opened, current={"text": commentary.text}, submitted={"text": text},
            changed=changed, labels={"text": "Commentary"},
        )  # fmt: skip
    if "text" in changed or commentary.pk is None:
        _write(commentary, text, user=user)
    if submit:
        commentary_submit(area=area, period=period, user=user)
        commentary.refresh_from_db()
    return commentary


@transaction.atomic
def commentary_submit(*, area: ServiceArea, period: datetime.date, user) -> Commentary:
    """Submits the area's draft commentary for the month for approval."""
    commentary = Commentary.objects.select_for_update().filter(service_area=area, period=period)
    commentary = commentary.first()
    if commentary is None:
        raise ValidationError({"text": "Enter the commentary"})
    if commentary.state == Commentary.State.DRAFT:
        commentary.state = Commentary.State.SUBMITTED
        save_states([commentary], Commentary, fields=["state"], user=user, reason="Submitted")
    return commentary

"""Writes for agenda packs: requesting, building and publishing a version.

Rules:
- Each (meeting, audience) has versions 1, 2, 3...; the next is worked out with the
  meeting locked (select_for_update), so two requests never take the same number.
  A rebuild is a new version; earlier versions and their files are kept.
- A request while a version of the same meeting and audience is queued or building
  returns that version: nothing is built twice. One that has been waiting longer than
  STALE_AFTER is taken to have died: it is marked failed and a new version is made.
- The build runs in a Celery task (governance.tasks.build_pack) started once the
  request's transaction commits; with no broker the task runs in-process.
- Building is idempotent: a built (or failed) pack is returned untouched. While it
  builds, its progress (per cent) and step in words are saved as it goes. Any failure
  leaves it failed with the reason in words, and the exception logged; it never raises.
- Only a built pack can be published. Publishing tells the board's members, by a task
  started on commit (governance.reminders). The first publication of a meeting's pack
  (either way below) keeps the meeting's record "as presented", in the same transaction
  (governance.records.services.meeting_record_keep): a later one leaves it as it was.
- Exemption is enforced where a pack is made and where it is served: an agenda item
  made exempt withdraws at once every public pack that holds it (packs_withdraw_for_item,
  called by the service that changes the item), stops any public build under way, and
  requests a corrected public build for each meeting whose public pack was withdrawn,
  published as soon as it is built. A build that finishes holding an item exempt by
  then, or that was stopped meanwhile, is not saved as built.
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from governance.domain.exempt import pack_holds
from governance.models import AgendaItem, Meeting, Pack
from governance.packs.assembly import AssembledPack, assemble
from governance.packs.errors import PackBuildError
from governance.packs.selectors import meeting_for_pack
from governance.records.services import meeting_record_keep

logger = logging.getLogger(__name__)

ACTIVE = (Pack.State.QUEUED, Pack.State.BUILDING)
STALE_AFTER = datetime.timedelta(minutes=getattr(settings, "PACK_BUILD_STALE_MINUTES", 60))
UNEXPECTED = (
    "The pack could not be built because of an unexpected error ({error}). It has been "
    "logged. Build the pack again; if it fails again, tell the service's administrators."
)
NOT_STARTED = (
    "The build could not be started because the task queue did not answer. "
    "Build the pack again in a few minutes."
)
STALLED = "The build stopped without finishing, so a new version was started."
WITHDRAWN = "Withdrawn: item {number}, {title}, was made exempt after this pack was built."
STOPPED = "Stopped: item {number} was made exempt while this pack was building."
HOLDS_EXEMPT = (
    "An item in this pack was made exempt while it was building, so it was not saved. "
    "A corrected version has been started."
)


def _check_audience(audience: str) -> None:
    if audience not in Pack.Audience.values:
        raise ValidationError("Choose whether to build the full pack or the public pack.")


@transaction.atomic
def pack_create(*, meeting: Meeting, audience: str, user) -> Pack:
    """A new queued version of the meeting's pack for `audience` (module docstring).
    Nothing is started: pack_request starts the task, the command builds at once."""
    _check_audience(audience)
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    latest = Pack.objects.filter(meeting=meeting, audience=audience).aggregate(n=Max("version"))
    return Pack.objects.create(
        meeting=meeting,
        audience=audience,
        version=(latest["n"] or 0) + 1,
        state=Pack.State.QUEUED,
        step="Waiting to be built",
        requested_by=user,
    )


def _is_stale(pack: Pack) -> bool:
    return timezone.now() - pack.requested_at > STALE_AFTER


@transaction.atomic
def pack_request(*, meeting: Meeting, audience: str, user) -> Pack:
    """A version being built for (meeting, audience): the one already queued or
    building, else a new one whose build starts on commit (module docstring)."""
    _check_audience(audience)
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    active = (
        Pack.objects.filter(meeting=meeting, audience=audience, state__in=ACTIVE)
        .order_by("-version")
        .first()
    )
    if active is not None and not _is_stale(active):
        return active
    if active is not None:
        _fail(active, STALLED)
    pack = pack_create(meeting=meeting, audience=audience, user=user)
    transaction.on_commit(partial(_enqueue, pack.pk))
    return pack


def _enqueue(pack_id: int) -> None:
    """Starts the build task; a queue that does not answer leaves the pack failed."""
    from governance.tasks import build_pack

    try:
        build_pack.delay(pack_id)
    except Exception:
        logger.exception("Could not start the build of pack %s", pack_id)
        Pack.objects.filter(pk=pack_id, state=Pack.State.QUEUED).update(
            state=Pack.State.FAILED, error=NOT_STARTED, step="Not started"
        )


@transaction.atomic
def _claim(pack_id: int) -> Pack:
    """The pack, marked building unless it is already built or failed."""
    pack = Pack.objects.select_for_update().get(pk=pack_id)
    if pack.state in ACTIVE:
        pack.state, pack.progress, pack.step, pack.error = Pack.State.BUILDING, 0, "Starting", ""
        pack.save(update_fields=["state", "progress", "step", "error"])
    return pack


def _reporter(pack_id: int):
    """Saves progress as the build goes, outside any transaction so pages see it."""

    def report(progress: int, step: str) -> None:
        Pack.objects.filter(pk=pack_id).update(progress=progress, step=step[:200])

    return report


def pack_file_name(pack: Pack) -> str:
    """ "improvement-board-2023-01-11-public-v2.pdf"."""
    day = timezone.localtime(pack.meeting.starts_at).date()
    return f"{pack.meeting.board.slug}-{day:%Y-%m-%d}-{pack.audience}-v{pack.version}.pdf"


@transaction.atomic
def _finish(pack: Pack, assembled: AssembledPack) -> Pack:
    """Saves the built pack, unless it was stopped meanwhile or (public) holds an item
    that is exempt by now (module docstring)."""
    current = Pack.objects.select_for_update().get(pk=pack.pk)
    if current.state != Pack.State.BUILDING:
        return current
    exempt_now = AgendaItem.objects.filter(
        pk__in=assembled.held_items, exempt_paragraph__isnull=False
    )
    if pack.audience == Pack.Audience.PUBLIC and exempt_now.exists():
        raise PackBuildError(HOLDS_EXEMPT)
    pack.file.save(pack_file_name(pack), ContentFile(assembled.pdf), save=False)
    pack.page_count = assembled.page_count
    pack.item_pages = assembled.item_pages
    pack.held_items = assembled.held_items
    pack.built_at = timezone.now()
    pack.state, pack.progress, pack.step, pack.error = Pack.State.BUILT, 100, "Built", ""
    if current.publish_when_built:
        pack.published_at = pack.built_at
    pack.save()
    if pack.published_at:
        meeting_record_keep(meeting=pack.meeting, user=pack.requested_by)
    return pack


def _fail(pack: Pack, error: str) -> Pack:
    pack.state, pack.error, pack.step = Pack.State.FAILED, error, "Failed"
    pack.save(update_fields=["state", "error", "step"])
    return pack


def pack_build(*, pack_id: int) -> Pack:
    """Builds the pack (module docstring). Not one transaction on purpose: claiming and
    finishing are each atomic, and progress commits as it goes so the page sees it."""
    pack = _claim(pack_id)
    if pack.state != Pack.State.BUILDING:
        return pack
    try:
        meeting = meeting_for_pack(pack.meeting_id)
        pack.meeting = meeting
        assembled = assemble(
            meeting,
            audience=pack.audience,
            version=pack.version,
            as_at=timezone.localdate(),
            report=_reporter(pack.pk),
        )
        _reporter(pack.pk)(96, "Saving the pack")
        return _finish(pack, assembled)
    except PackBuildError as exc:
        logger.warning("Pack %s could not be built: %s", pack_id, exc)
        return _fail(pack, str(exc))
    except Exception as exc:
        logger.exception("Pack %s failed to build", pack_id)
        error = f"{exc.__class__.__name__}: {str(exc)[:200]}"
        return _fail(pack, UNEXPECTED.format(error=error))


@transaction.atomic
def pack_publish(*, pack: Pack, user) -> Pack:
    """Publishes a built pack (sets published_at); publishing twice changes nothing."""
    pack = Pack.objects.select_for_update().get(pk=pack.pk)
    if pack.state != Pack.State.BUILT:
        raise ValidationError(
            f"Version {pack.version} cannot be published because it is not built "
            f"({pack.get_state_display().lower()}). Build the pack, then publish it."
        )
    if pack.published_at is None:
        pack.published_at = timezone.now()
        pack.save(update_fields=["published_at"])
        meeting_record_keep(meeting=pack.meeting, user=user)
        logger.info("Pack %s published by %s", pack.pk, getattr(user, "pk", None))
        transaction.on_commit(partial(_announce, pack.pk))
    return pack


def _announce(pack_id: int) -> None:
    """Starts telling the board's members (governance.tasks.announce_pack); a queue that
    does not answer is logged, and the daily reminders run tells them instead."""
    from governance.tasks import announce_pack

    try:
        announce_pack.delay(pack_id)
    except Exception:
        logger.exception("Could not start announcing pack %s", pack_id)


def _holds(pack: Pack, item: AgendaItem) -> bool:
    return pack_holds(
        held_items=pack.held_items,
        item_pages=pack.item_pages,
        same_meeting=pack.meeting_id == item.meeting_id,
        item_id=item.pk,
    )


@transaction.atomic
def packs_withdraw_for_item(*, item: AgendaItem, user) -> list[Pack]:
    """Rule (module docstring): the item is now exempt, so every public pack that holds
    it is withdrawn at once, public builds under way are stopped, and a corrected public
    build is requested (started on commit) for each meeting whose published public pack
    was withdrawn or whose build was stopped. Packs of the item's meeting and of the
    board's later meetings (their previous minutes and action log) are looked at."""
    packs = Pack.objects.select_for_update().filter(
        audience=Pack.Audience.PUBLIC,
        withdrawn_at__isnull=True,
        meeting__board_id=item.meeting.board_id,
        meeting__starts_at__gte=item.meeting.starts_at,
    )
    now, withdrawn, rebuild = timezone.now(), [], set()
    for pack in packs:
        if pack.state in ACTIVE:
            _fail(pack, STOPPED.format(number=item.order))
            rebuild.add(pack.meeting_id)
        elif pack.state == Pack.State.BUILT and _holds(pack, item):
            pack.withdrawn_at = now
            pack.withdrawn_reason = WITHDRAWN.format(number=item.order, title=item.title)[:300]
            pack.save(update_fields=["withdrawn_at", "withdrawn_reason"])
            withdrawn.append(pack)
            if pack.published_at:
                rebuild.add(pack.meeting_id)
    for meeting in Meeting.objects.filter(pk__in=rebuild):
        corrected = pack_request(meeting=meeting, audience=Pack.Audience.PUBLIC, user=user)
        Pack.objects.filter(pk=corrected.pk).update(publish_when_built=True)
    if withdrawn:
        logger.warning(
            "Packs %s withdrawn: item %s made exempt", [p.pk for p in withdrawn], item.pk
        )
    return withdrawn

"""Writes for the governance domain."""

import socket
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from governance.models import Post, PostAlias, User, WorkerHeartbeat


@transaction.atomic
def worker_heartbeat_record(*, name: str) -> WorkerHeartbeat:
    """Records that a worker ran just now. Running it twice leaves one row, newer time."""
    beat, _ = WorkerHeartbeat.objects.update_or_create(
        name=name,
        defaults={"last_seen": timezone.now(), "hostname": socket.gethostname()[:255]},
    )
    return beat


@dataclass(frozen=True)
class PostMergeResult:
    """What a merge moved onto the post kept."""

    kept: Post
    merged_names: tuple[str, ...]
    actions: int
    aliases: int
    holders: int
    indicators: int
    service_areas: int

    @property
    def summary(self) -> str:
        return (
            f"Merged {', '.join(self.merged_names)} into {self.kept.name}: moved {self.actions} "
            f"actions, {self.aliases} aliases, {self.holders} post holders, {self.indicators} "
            f"indicators and {self.service_areas} service areas."
        )


@transaction.atomic
def post_merge(*, keep: Post, merge, user) -> PostMergeResult:
    """Merges posts into `keep`, all or nothing, and deletes them.

    Actions they lead, their aliases, holders, the indicators they own and the service
    areas they head move to `keep`; each merged post's name becomes an alias of `keep`,
    so the next import reads it as `keep`. `user` is named in the actions' history.
    """
    merge = [post for post in merge if post.pk != keep.pk]
    if not merge:
        raise ValueError("Choose at least one post to merge into the one kept.")
    counts = {"actions": 0, "aliases": 0, "holders": 0, "indicators": 0, "service_areas": 0}
    for post in merge:
        counts["actions"] += _move_actions(post, keep, user)
        counts["holders"] += _move_holders(post, keep)
        counts["indicators"] += post.indicators.update(owner=keep)
        counts["service_areas"] += post.service_areas.update(head_of_service=keep)
        counts["aliases"] += post.aliases.update(post=keep)
        _fill_blanks(keep, post)
    names = tuple(post.name for post in merge)
    Post.objects.filter(pk__in=[post.pk for post in merge]).delete()
    for name in names:
        counts["aliases"] += _alias(keep, name)
    keep.save()
    return PostMergeResult(kept=keep, merged_names=names, **counts)


def _move_actions(post: Post, keep: Post, user) -> int:
    """Each action led by `post` is led by `keep` instead, recorded in its history."""
    actions = list(post.actions.all())
    for action in actions:
        action._history_user = user
        action.lead_posts.remove(post)
        action.lead_posts.add(keep)
    return len(actions)


def _move_holders(post: Post, keep: Post) -> int:
    """Holdings move over; one the kept post already has (same person, same dates) goes."""
    moved = 0
    for holder in post.holders.all():
        if keep.holders.filter(
            person=holder.person_id, start_date=holder.start_date, end_date=holder.end_date
        ).exists():
            holder.delete()
        else:
            holder.post = keep
            holder.save(update_fields=["post"])
            moved += 1
    return moved


def _fill_blanks(keep: Post, post: Post) -> None:
    keep.title = keep.title or post.title
    keep.organisation_id = keep.organisation_id or post.organisation_id


def _alias(keep: Post, name: str) -> int:
    """The merged post's name as an alias of `keep`, unless already known (any case)."""
    if name.lower() == keep.name.lower() or PostAlias.objects.filter(alias__iexact=name).exists():
        return 0
    PostAlias.objects.create(post=keep, alias=name)
    return 1


@transaction.atomic
def reminder_mode_set(*, person: User, mode: str) -> User:
    """Records which reminders the person wants by email (User.ReminderMode); the next
    reminders run follows it (governance.reminders.services.apply_digest_choice)."""
    if mode not in User.ReminderMode.values:
        raise ValueError(f"Unknown reminder choice {mode!r}")
    person.reminder_mode = mode
    person.save(update_fields=["reminder_mode"])
    return person

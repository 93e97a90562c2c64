"""Reads for the governance domain."""

import datetime

from django.db.models import Q, QuerySet

from governance.models import Post, PostHolder


def current_holdings(*, today: datetime.date) -> Q:
    """The rule for "holds the post today": started on or before today, not yet ended."""
    return Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))


def post_ids_held(*, person, today: datetime.date) -> frozenset[int]:
    """Ids of the posts `person` holds on `today`, cached on the person for the request."""
    cache = person.__dict__.setdefault("_post_ids_held", {})
    if today not in cache:
        cache[today] = frozenset(
            PostHolder.objects.filter(current_holdings(today=today), person=person).values_list(
                "post_id", flat=True
            )
        )
    return cache[today]


def posts_held(*, person, today: datetime.date) -> QuerySet[Post]:
    return Post.objects.filter(pk__in=post_ids_held(person=person, today=today)).order_by("name")

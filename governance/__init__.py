"""Project package and governance domain: people, posts, boards, meetings, packs."""

from governance.celery import app as celery_app

__all__ = ("celery_app",)

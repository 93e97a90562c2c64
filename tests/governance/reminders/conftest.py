"""Fixtures for the reminders: a current plan whose actions are led by posts people hold,
the Director, and mail kept in memory (Django's locmem backend)."""

import datetime

import pytest

from governance import roles
from tests.governance.factories import PostFactory, PostHolderFactory, UserFactory
from tests.improvement_plan.factories import ActionFactory, ObjectiveFactory

TODAY = datetime.date(2023, 3, 6)  # a Monday: the digest's day


@pytest.fixture(autouse=True)
def mail_in_memory(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://improvement.example.gov.uk"


@pytest.fixture
def lead(db):
    person = UserFactory(full_name="Ana Lead", email="ana.lead@example.gov.uk")
    post = PostFactory(name="AD CSC")
    PostHolderFactory(post=post, person=person, start_date=datetime.date(2020, 1, 1))
    person.post = post
    return person


@pytest.fixture
def objective(db):
    return ObjectiveFactory()


@pytest.fixture
def action_due(objective, lead):
    """Makes an action of the current plan led by the lead's post, due on a day."""

    def make(due: datetime.date | None, **kwargs):
        return ActionFactory(objective=objective, lead_posts=[lead.post], due_date=due, **kwargs)

    return make


@pytest.fixture
def director(db):
    return UserFactory(roles=[roles.DIRECTOR], full_name="Dee Director", email="dcs@example.gov.uk")

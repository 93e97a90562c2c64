import datetime

import factory
from django.utils import timezone

from improvement_plan.models import (
    Action,
    DueDateChange,
    Objective,
    Plan,
    Priority,
    ProgressUpdate,
)
from improvement_plan.tracking import tracking_refresh
from tests.governance.factories import PostFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ["title"]

    title = factory.Sequence(lambda n: f"Improvement Plan {n}")
    starts_on = datetime.date(2022, 6, 1)
    ends_on = datetime.date(2023, 6, 30)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority {n}")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    priority = factory.SubFactory(PriorityFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Objective {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    """An action; `ActionFactory(lead_posts=[post])` sets its leads."""

    class Meta:
        model = Action
        skip_postgeneration_save = True

    objective = factory.SubFactory(ObjectiveFactory)
    order = factory.Sequence(lambda n: n + 1)
    reference = factory.Sequence(lambda n: f"1.1.{n + 1}")
    description = factory.Sequence(lambda n: f"Action {n}")
    due_date = datetime.date(2023, 3, 31)
    status = Action.Status.IN_PROGRESS

    @factory.post_generation
    def lead_posts(self, create, extracted, **kwargs):
        if extracted is None:
            extracted = [PostFactory()]
        self.lead_posts.set(extracted)


def keep_tracking_facts(action: Action) -> None:
    """What the services do after adding a progress update or a due-date change
    (improvement_plan.tracking); the action passed in is refreshed too."""
    tracking_refresh(action_ids=[action.pk])
    action.refresh_from_db(fields=["last_update_at", "rebaseline_count"])


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate
        skip_postgeneration_save = True

    action = factory.SubFactory(ActionFactory)
    text = factory.Sequence(lambda n: f"Progress {n}")
    created_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tracking(self, create, extracted, **kwargs):
        if create:
            keep_tracking_facts(self.action)


class DueDateChangeFactory(factory.django.DjangoModelFactory):
    """A due-date change, with the action's tracking facts kept as the services keep them."""

    class Meta:
        model = DueDateChange
        skip_postgeneration_save = True

    action = factory.SubFactory(ActionFactory)
    reason = "leave"
    changed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tracking(self, create, extracted, **kwargs):
        if create:
            keep_tracking_facts(self.action)

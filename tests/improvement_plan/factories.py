import datetime

import factory
from django.utils import timezone

from improvement_plan.models import Action, Objective, Plan, Priority, ProgressUpdate
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


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    text = factory.Sequence(lambda n: f"Progress {n}")
    created_at = factory.LazyFunction(timezone.now)

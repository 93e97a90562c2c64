"""Page benchmarks: the home page of a lead with many actions, and /healthz."""

import datetime
import random

from django.db import transaction
from django.test import Client
from django.urls import reverse

from benchmarks.timing import line, time_get
from governance import roles
from governance.models import Post, PostHolder, User
from improvement_plan.models import Action, Objective, Plan, Priority

ACTIONS_LED = 500


@transaction.atomic
def seed_lead_with_actions(count: int) -> User:
    from django.contrib.auth.models import Group

    lead = User.objects.create_user("bench.lead@example.gov.uk", "x", full_name="Bench Lead")
    lead.groups.add(Group.objects.get(name=roles.LEAD_OFFICER))
    post = Post.objects.create(name="AD CSC")
    PostHolder.objects.create(post=post, person=lead, start_date=datetime.date(2020, 1, 1))
    plan = Plan.objects.create(title="Benchmark plan")
    priority = Priority.objects.create(plan=plan, number=1, title="Priority")
    objective = Objective.objects.create(priority=priority, order=1, title="Objective")
    rng = random.Random(7)
    actions = Action.objects.bulk_create(
        Action(
            objective=objective,
            order=n,
            reference=f"1.1.{n}",
            description=f"Benchmark action {n}",
            due_date=datetime.date(2022, 6, 1) + datetime.timedelta(days=rng.randint(0, 900)),
        )
        for n in range(1, count + 1)
    )
    # Through rows directly: post.actions.add() would fire simple-history's m2m signal,
    # which expects history on the Post side too.
    through = Action.lead_posts.through
    through.objects.bulk_create(through(action=action, post=post) for action in actions)
    return lead


def run():
    lead = seed_lead_with_actions(ACTIONS_LED)
    client = Client()
    client.force_login(lead)
    yield line(f"home page, lead of {ACTIONS_LED} actions", time_get(client, reverse("home")))
    yield line("/healthz", time_get(Client(), reverse("healthz")))

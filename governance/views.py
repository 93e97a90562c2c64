"""Pages of the governance domain: home and the health check."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import JsonResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from django_tables2 import RequestConfig

from governance import health
from governance.domain.minutes import days_overdue, overdue_in_words
from governance.minutes.selectors import open_actions_arising_for
from governance.selectors import posts_held
from improvement_plan.action_selectors import open_challenges_for
from improvement_plan.selectors import actions_led_by, overdue_q
from improvement_plan.tables import MyActionsTable


def actions_arising_rows(*, person, today) -> list[dict]:
    """The person's open actions from meetings' minutes, with overdue in words."""
    return [
        {
            "action": action,
            "overdue": overdue_in_words(
                days_overdue(status=action.status, due_date=action.due_date, today=today)
            ),
        }
        for action in open_actions_arising_for(person=person)
    ]


class HomeView(LoginRequiredMixin, TemplateView):
    """What is the signed-in person's own: the posts they hold, the actions those lead,
    the Director's challenges on those actions not yet answered, and the actions agreed
    in meetings' minutes that they own."""

    template_name = "governance/home.html"
    actions_per_page = 20

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        person = self.request.user
        actions = actions_led_by(person=person, today=today)
        table = MyActionsTable(actions, today=today)
        RequestConfig(self.request, paginate={"per_page": self.actions_per_page}).configure(table)
        return super().get_context_data(
            posts=posts_held(person=person, today=today),
            actions_table=table,
            action_count=table.paginator.count,
            challenges=list(open_challenges_for(person=person, today=today)),
            overdue_count=actions.filter(overdue_q(today=today)).count(),
            actions_arising=actions_arising_rows(person=person, today=today),
            today=today,
            **kwargs,
        )


class HealthView(View):
    """JSON health: 200 when the database answers, 503 when it does not."""

    def get(self, request):
        database = health.check_database()
        broker = health.check_broker()
        healthy = database["status"] == "ok"
        body = {
            "status": "ok"
            if healthy and broker["status"] != "unreachable"
            else ("degraded" if healthy else "unavailable"),
            "database": database,
            "broker": broker,
            "worker_last_seen": health.last_worker_heartbeat() if healthy else None,
        }
        return JsonResponse(body, status=200 if healthy else 503)

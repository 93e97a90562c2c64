"""Pages of the governance domain: home and the health check."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import JsonResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from django_tables2 import RequestConfig

from governance import health
from governance.home.page import home_page
from governance.home.tables import HomeActionsTable
from improvement_plan.selectors import overdue_q


class HomeView(LoginRequiredMixin, TemplateView):
    """Every role's home leads to its work (governance.domain.home): the Director's page,
    the actions a person's posts lead, the performance officer's returns and approvals,
    democratic services' meetings, the administrator's checks, and summaries."""

    template_name = "governance/home.html"
    actions_per_page = 20

    def get_context_data(self, **kwargs):
        today, now = timezone.localdate(), timezone.now()
        page = home_page(person=self.request.user, today=today, now=now)
        actions = page.pop("my_actions", None)
        if actions is not None:
            table = HomeActionsTable(actions, today=today, user=self.request.user)
            RequestConfig(self.request, paginate={"per_page": self.actions_per_page}).configure(
                table
            )
            page.update(
                actions_table=table,
                action_count=table.paginator.count,
                overdue_count=actions.filter(overdue_q(today=today)).count(),
            )
        return super().get_context_data(**page, today=today, **kwargs)


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

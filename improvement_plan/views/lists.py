"""The improvement plan's list pages: overview, action list, my actions, slippage.

Every signed-in member of staff reads them (improvement_plan.view_action in rules.py);
anyone else is sent to sign in. Queries are shaped in improvement_plan.selectors.
"""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from django_filters.views import FilterView
from django_tables2 import RequestConfig, SingleTableMixin, SingleTableView

from governance.selectors import posts_held
from improvement_plan import list_export, selectors, slippage_selectors
from improvement_plan.filters import ActionFilter, SlippageFilter
from improvement_plan.rag_selectors import thresholds
from improvement_plan.records.charts import rag_chart
from improvement_plan.records.selectors import changes_since_last_record, rag_at_each_board
from improvement_plan.tables import ActionListTable, SlippageTable

PER_PAGE = 25  # GOV.UK lists page at a few screens; also half the cells to render (issue 13)


class PlanPageMixin(PermissionRequiredMixin):
    """Read permission, today's date and the current plan, read once per request."""

    permission_required = "improvement_plan.view_action"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.today = timezone.localdate()

    @cached_property
    def plan(self):
        return selectors.current_plan()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plan=self.plan, today=self.today, rag_thresholds=thresholds(), **kwargs
        )


class PlanOverviewView(PlanPageMixin, TemplateView):
    """The current plan: each priority's computed-RAG counts and % complete, worst first."""

    template_name = "improvement_plan/plan_overview.html"

    def get_context_data(self, **kwargs):
        plan = self.plan
        overview = selectors.plan_overview(plan, today=self.today) if plan else None
        return super().get_context_data(
            overview=overview, **self.since_last_board(plan, overview), **kwargs
        )

    def since_last_board(self, plan, overview) -> dict:
        """What changed since the last board, and the RAG at each board (records)."""
        since = changes_since_last_record(plan=plan, today=self.today)
        if since is None:
            return {"since": None}
        totals = overview.totals
        now = {value: getattr(totals, value) for value in ("red", "amber", "green", "blue")}
        boards = rag_at_each_board(plan=plan, today=self.today, now=now)
        return {"since": since, "boards": boards, "chart": rag_chart(boards)}


class SinceLastBoardView(PlanPageMixin, TemplateView):
    """Every change since the last board, listed in full (the overview shows the first
    of each kind and links here)."""

    template_name = "improvement_plan/since_last_board.html"

    def get_context_data(self, **kwargs):
        since = changes_since_last_record(plan=self.plan, today=self.today) if self.plan else None
        return super().get_context_data(since=since, **kwargs)


class ActionListView(PlanPageMixin, SingleTableMixin, FilterView):
    """Every action of the current plan: filtered, sorted, 50 a page; as CSV or XLSX too."""

    template_name = "improvement_plan/action_list.html"
    filterset_class = ActionFilter
    table_class = ActionListTable
    table_pagination = {"per_page": PER_PAGE}

    def get_queryset(self):
        return selectors.plan_action_rows(self.plan, today=self.today)

    def get_filterset_kwargs(self, filterset_class):
        return {
            **super().get_filterset_kwargs(filterset_class),
            "plan": self.plan,
            "today": self.today,
        }

    def get_table_kwargs(self):
        return {"today": self.today}

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("download")
        if kind not in list_export.KINDS:
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        table = self.get_table_class()(rows, **self.get_table_kwargs())
        RequestConfig(request, paginate=False).configure(table)
        # table.data.data is the queryset as the table sorted it: every row, not one page.
        return list_export.download(kind, table.data.data, today=self.today)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        downloads = {}
        for kind in list_export.KINDS:
            query["download"] = kind
            downloads[kind] = query.urlencode()
        is_filtered = self.filterset.is_bound and self.filterset.form.has_changed()
        return super().get_context_data(downloads=downloads, is_filtered=is_filtered, **kwargs)


class MyActionsView(PlanPageMixin, SingleTableView):
    """What the signed-in person leads through the posts they hold today, overdue first."""

    template_name = "improvement_plan/action_list_mine.html"
    table_class = ActionListTable
    table_pagination = {"per_page": PER_PAGE}

    def get_queryset(self):
        return selectors.my_action_rows(person=self.request.user, today=self.today)

    def get_table_kwargs(self):
        return {"today": self.today, "caption": "Actions your posts lead"}

    def get_context_data(self, **kwargs):
        posts = list(posts_held(person=self.request.user, today=self.today))
        return super().get_context_data(posts=posts, **kwargs)


class SlippageView(PlanPageMixin, SingleTableMixin, FilterView):
    """Actions re-baselined at least once: how often, by how many days, why, who and when."""

    template_name = "improvement_plan/slippage_list.html"
    filterset_class = SlippageFilter
    table_class = SlippageTable
    table_pagination = {"per_page": PER_PAGE}

    def get_queryset(self):
        return slippage_selectors.slipped_actions(self.plan)

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "plan": self.plan}

    def get_table(self, **kwargs):
        """The table, sorted and paginated, with the changes of the rows on its page."""
        table = super().get_table(**kwargs)
        slippage_selectors.slippage_page_fill(row.record for row in table.paginated_rows)
        return table

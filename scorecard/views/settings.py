"""One page for a performance officer to set many indicators' polarity, amber tolerance
and target at once (issue 12), those not set first, filtered by service area and by
"polarity not set", 50 a page.

Performance officers and administrators only (scorecard.change_indicator); others get
403 and people signed out are sent to sign in. Saving is all or nothing: any row with a
problem, or changed by someone else since the page was opened, stops the save, and the
page comes back with everything typed kept and each problem linked from the summary.

The rows saved are the rows the page was opened on (named in its signed opened version),
never the page as it would be now: a row that left the filter meanwhile is still saved.
"""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from common.concurrency import EditConflict, read_opened_token
from common.forms import OPENED_FIELD
from scorecard import settings_services
from scorecard.selectors.settings import settings_indicators
from scorecard.settings_forms import IndicatorSettingsFilter, IndicatorSettingsForm
from scorecard.views.entry import add_service_errors

PER_PAGE = 50


def ids_opened(token: str) -> list[int]:
    """The indicators a page was opened on, from its signed opened version ("i12-...")."""
    opened = read_opened_token(token) or {}
    ids = {name[1:].partition("-")[0] for name in opened if name.startswith("i")}
    return sorted(int(pk) for pk in ids if pk.isdigit())


def saved_in_words(written: list) -> str:
    if not written:
        return "Nothing changed, so nothing was saved"
    refs = ", ".join(indicator.ref for indicator in written)
    return f"{len(written)} indicator{'' if len(written) == 1 else 's'} saved: {refs}"


class IndicatorSettingsView(PermissionRequiredMixin, FormView):
    permission_required = "scorecard.change_indicator"
    template_name = "scorecard/indicator_settings.html"
    form_class = IndicatorSettingsForm

    def get_permission_object(self):
        return None

    @cached_property
    def filter(self) -> IndicatorSettingsFilter:
        return IndicatorSettingsFilter(self.request.GET or None, queryset=settings_indicators())

    @cached_property
    def page_obj(self):
        found = self.filter.qs if not self.filter.form.errors else settings_indicators().none()
        return Paginator(found, PER_PAGE).get_page(self.request.GET.get("page"))

    @cached_property
    def indicators(self) -> list:
        """The rows of the form: on a save, those the page was opened on."""
        if self.request.method == "POST":
            ids = ids_opened(self.request.POST.get(OPENED_FIELD, ""))
            if ids:
                return list(settings_indicators().filter(pk__in=ids))
        return list(self.page_obj.object_list)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "indicators": self.indicators,
            "today": timezone.localdate(),
        }

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter=self.filter,
            page_obj=self.page_obj,
            page_query=query.urlencode(),
            here=self.request.get_full_path(),
            nav_section="scorecard",
            **kwargs,
        )

    def form_valid(self, form):
        try:
            written = settings_services.indicator_settings_apply(
                changes=form.changes(), reason=form.cleaned_data["reason"], user=self.request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except EditConflict as conflict:
            form.show_conflict(conflict, form.current())
            return self.form_invalid(form)
        messages.success(self.request, saved_in_words(written))
        return redirect(self.request.get_full_path())

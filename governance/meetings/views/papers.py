"""An item's papers: uploading a PDF, adding a generated report, ordering, deleting
(governance.manage_meetings) and downloading (governance.view_meetings, or
governance.view_full_papers when the item is exempt)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.text import slugify
from django.views import View
from django.views.generic import FormView, TemplateView

from governance.meetings import services
from governance.meetings.formatting import when_in_words
from governance.meetings.forms import PaperReportForm, PaperUploadForm
from governance.meetings.selectors import papers
from governance.meetings.views.agenda import ItemMixin, agenda_url
from governance.meetings.views.common import ObjectMixin, ServiceActionView, add_service_errors


class PaperFormMixin(ItemMixin):
    """A form that adds a paper to the item in the URL."""

    def save(self, data: dict):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            paper = self.save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{paper.title} is added to item {self.get_object().order}")
        return redirect(agenda_url(self.get_object()))


class PaperUploadView(PaperFormMixin, FormView):
    form_class = PaperUploadForm
    template_name = "governance/paper_upload_form.html"

    def save(self, data):
        return services.paper_upload(
            item=self.get_object(), uploaded_file=data["file"], title=data["title"],
            user=self.request.user,
        )  # fmt: skip


class PaperReportView(PaperFormMixin, FormView):
    form_class = PaperReportForm
    template_name = "governance/paper_report_form.html"

    def save(self, data):
        return services.paper_add_report(item=self.get_object(), user=self.request.user, **data)


class PaperMixin(ObjectMixin):
    permission_required = "governance.manage_meetings"

    def get_queryset(self):
        return papers()


class PaperDeleteView(PaperMixin, TemplateView):
    template_name = "governance/paper_confirm_delete.html"

    def get_context_data(self, **kwargs):
        paper = self.get_object()
        item = paper.agenda_item
        when = when_in_words(item.meeting.starts_at)
        return super().get_context_data(
            paper=paper, item=item, meeting=item.meeting, when=when, **kwargs
        )

    def post(self, request, *args, **kwargs):
        paper = self.get_object()
        services.paper_delete(paper=paper, user=request.user)
        messages.success(request, f"{paper.title} is deleted")
        return redirect(agenda_url(paper.agenda_item))


class PaperMoveView(PaperMixin, ServiceActionView):
    def act(self, paper):
        direction = self.request.POST.get("direction", "")
        services.paper_move(paper=paper, direction=direction, user=self.request.user)
        return f"{paper.title} is moved {direction}"

    def redirect_to(self, paper):
        return agenda_url(paper.agenda_item)


class PaperDownloadView(PaperMixin, View):
    """Sends an uploaded paper as a PDF download. A generated report has no file until
    the pack is built: not found."""

    def get_permission_required(self):
        if self.get_object().agenda_item.is_exempt:
            return ("governance.view_full_papers",)
        return ("governance.view_meetings",)

    def get_permission_object(self):
        return self.get_object().agenda_item.meeting

    def get(self, request, *args, **kwargs):
        paper = self.get_object()
        if not paper.file:
            raise Http404("A generated report has no file of its own")
        try:
            handle = paper.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404("The file is missing from storage") from exc
        name = f"{slugify(paper.title)[:80] or 'paper'}.pdf"
        response = FileResponse(
            handle, as_attachment=True, filename=name, content_type="application/pdf"
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response

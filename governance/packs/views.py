"""Pages for agenda packs: build one, watch it build, download it, publish it.

Rules (permissions are governance/rules.py's, through governance.packs.selectors):
- Building and publishing need governance.build_pack on the meeting.
- Seeing a pack, its progress and its file: a full pack needs
  governance.view_full_papers on the meeting, a public pack governance.view_meetings.
- Anyone signed out is sent to sign in; anyone else without permission gets 403.
- The pack's page shows progress while it builds: a <progress> element and the step
  in words in a polite live region, updated by a small script polling pack_status;
  without JavaScript, a "Refresh to see progress" link (no meta refresh).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView
from django.views.generic.detail import SingleObjectMixin
from rules.contrib.views import PermissionRequiredMixin

from governance.meetings.formatting import when_in_words
from governance.models import Meeting, Pack
from governance.packs import selectors, services


class PackBuildView(PermissionRequiredMixin, SingleObjectMixin, View):
    """POST audience=full|public: starts a new version (or finds the one building)."""

    permission_required = selectors.BUILD_PERMISSION
    model = Meeting
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        meeting = self.get_object()
        try:
            pack = services.pack_request(
                meeting=meeting, audience=request.POST.get("audience", ""), user=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("meeting_detail", pk=meeting.pk)
        return redirect("pack_detail", pk=pack.pk)


class PackPermissionMixin(PermissionRequiredMixin):
    """Seeing a pack: the permission depends on its audience (module docstring)."""

    def get_queryset(self):
        return selectors.packs_with_meeting()

    def get_permission_required(self):
        return (selectors.view_permission(self.get_object()),)

    def get_object(self, queryset=None):
        if not hasattr(self, "_pack"):
            self._pack = super().get_object(queryset)
        return self._pack

    def get_permission_object(self):
        return self.get_object().meeting


def status_payload(pack: Pack) -> dict:
    """What the pack's page polls: state, progress and step, in words as well."""
    return {
        "state": pack.state,
        "state_words": selectors.STATE_WORDS[pack.state],
        "progress": pack.progress,
        "step": pack.step,
        "error": pack.error,
        "finished": pack.state in (Pack.State.BUILT, Pack.State.FAILED),
    }


def stored_size(field_file) -> int | None:
    """The stored file's size in bytes, or None when there is none (or storage lost it)."""
    if not field_file:
        return None
    try:
        return field_file.size
    except OSError:
        return None


class PackDetailView(PackPermissionMixin, DetailView):
    template_name = "governance/packs/pack_detail.html"
    context_object_name = "pack"

    def get_context_data(self, **kwargs):
        pack = self.object
        user = self.request.user
        state_words, state_colour = selectors.state_in_words(pack)
        return super().get_context_data(
            when=when_in_words(pack.meeting.starts_at),
            state_words=state_words,
            state_colour=state_colour,
            building=pack.state in services.ACTIVE,
            newer=selectors.newer_built(pack),
            may_build=user.has_perm(selectors.BUILD_PERMISSION, pack.meeting),
            status_url=reverse("pack_status", kwargs={"pk": pack.pk}),
            file_size=stored_size(pack.file),
            nav_section="meetings",
            **kwargs,
        )


class PackStatusView(PackPermissionMixin, SingleObjectMixin, View):
    def get(self, request, *args, **kwargs):
        response = JsonResponse(status_payload(self.get_object()))
        response["Cache-Control"] = "no-store"
        return response


class PackDownloadView(PackPermissionMixin, SingleObjectMixin, View):
    def get(self, request, *args, **kwargs):
        pack = self.get_object()
        if pack.state != Pack.State.BUILT or not pack.file:
            raise Http404("This version of the pack has not been built.")
        full = request.user.has_perm(selectors.VIEW_PERMISSION[Pack.Audience.FULL], pack.meeting)
        if not full and selectors.holds_exempt_item(pack):
            raise Http404("This pack holds an item that is exempt now.")
        name = services.pack_file_name(pack)
        return FileResponse(pack.file.open("rb"), as_attachment=True, filename=name)


class PackPublishView(PermissionRequiredMixin, View):
    permission_required = selectors.BUILD_PERMISSION
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.pack().meeting

    def pack(self) -> Pack:
        if not hasattr(self, "_pack"):
            self._pack = get_object_or_404(selectors.packs_with_meeting(), pk=self.kwargs["pk"])
        return self._pack

    def post(self, request, *args, **kwargs):
        try:
            pack = services.pack_publish(pack=self.pack(), user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"Version {pack.version} of the pack is published.")
        return redirect("pack_detail", pk=self.pack().pk)

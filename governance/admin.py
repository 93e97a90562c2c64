from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.db.models import Count
from django.template.response import TemplateResponse

from governance.models import (
    AgendaItem,
    Board,
    Meeting,
    Membership,
    Organisation,
    Post,
    PostAlias,
    PostHolder,
    User,
    WorkerHeartbeat,
)
from governance.packs.services import packs_withdraw_for_item
from governance.services import post_merge


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "organisation", "is_active", "last_login"]
    list_filter = ["is_active", "groups", "organisation"]
    search_fields = ["full_name", "email"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name", "job_title", "organisation"]}),
        ("Roles", {"fields": ["is_active", "groups", "is_staff", "is_superuser"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "password1", "password2"]}),
    ]


admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(admin.ModelAdmin):
    """Roles are groups; what a role may do is in the rules (governance.permissions), not
    in permission rows, so a group has only its name here."""

    fields = ["name"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class PostAliasInline(admin.TabularInline):
    model = PostAlias
    extra = 1


class PostHolderInline(admin.TabularInline):
    model = PostHolder
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organisation", "needs_review"]
    list_filter = ["needs_review", "organisation"]
    search_fields = ["name", "title", "aliases__alias"]
    inlines = [PostAliasInline, PostHolderInline]
    actions = ["merge_posts"]

    @admin.action(description="Merge selected posts into one")
    def merge_posts(self, request, queryset):
        """First the page to choose the post to keep; then, on "Merge posts", the merge."""
        posts = list(
            queryset.annotate(action_count=Count("actions", distinct=True))
            .prefetch_related("aliases")
            .order_by("needs_review", "-action_count", "name")
        )
        if len(posts) < 2:
            self.message_user(request, "Select two or more posts to merge.", messages.WARNING)
            return None
        keep_id = request.POST.get("keep", "")
        keep = next((post for post in posts if str(post.pk) == keep_id), None)
        if "apply" in request.POST and keep is not None:
            others = [post for post in posts if post.pk != keep.pk]
            result = post_merge(keep=keep, merge=others, user=request.user)
            self.message_user(request, result.summary, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge posts: choose the post to keep",
            "opts": self.model._meta,
            "posts": posts,
            "keep_id": keep_id or str(posts[0].pk),
            "error": "apply" in request.POST,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/governance/post/merge.html", context)


@admin.register(PostHolder)
class PostHolderAdmin(admin.ModelAdmin):
    list_display = ["post", "person", "start_date", "end_date", "is_acting"]
    list_select_related = ["post", "person"]
    autocomplete_fields = ["post", "person"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["person", "deputy"]


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "board", "role", "organisation", "start_date", "end_date"]
    list_select_related = ["person", "board", "organisation"]
    list_filter = ["board", "role"]


def _withdraw_if_made_exempt(item: AgendaItem, form, user) -> None:
    """Rule of the agenda's service, kept in the admin too: an item made exempt withdraws
    at once every public pack that holds it and starts a corrected build."""
    was_exempt = form.initial.get("exempt_paragraph") is not None
    if item.pk and item.is_exempt and not was_exempt:
        packs_withdraw_for_item(item=item, user=user)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 1


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["board", "starts_at", "place", "status"]
    list_select_related = ["board"]
    list_filter = ["board", "status"]
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is AgendaItem:
            for item_form in formset.forms:
                if item_form.instance.pk and "exempt_paragraph" in item_form.changed_data:
                    _withdraw_if_made_exempt(item_form.instance, item_form, request.user)


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["meeting", "order", "title", "exempt_paragraph"]
    list_select_related = ["meeting__board"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            _withdraw_if_made_exempt(obj, form, request.user)


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["name", "last_seen", "hostname"]


@admin.register(PostAlias)
class PostAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "post"]
    list_select_related = ["post"]
    search_fields = ["alias", "post__name"]


from governance import admin_records, admin_reminders  # noqa: E402, F401  (they register)

"""Who may do what: role predicates shared by every app, and the administrator backend.

Roles are Django groups (governance.roles). Object rules live in each app's rules.py
and are built from these predicates, so each rule is written once.
"""

import rules
from django.contrib.auth.backends import BaseBackend, ModelBackend

from governance import roles


@rules.predicate
def is_administrator(user) -> bool:
    """Administrators may do everything, including the Django admin."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or _has_role(user, roles.ADMINISTRATOR)


def _has_role(user, role: str) -> bool:
    """Group membership, read once per request-user and cached on the instance."""
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return role in cached


def role_predicate(role: str) -> rules.Predicate:
    @rules.predicate(name=f"has_role:{role}")
    def has_role(user) -> bool:
        return bool(user.is_authenticated and user.is_active and _has_role(user, role))

    return has_role


is_director = role_predicate(roles.DIRECTOR)
is_board_member = role_predicate(roles.BOARD_MEMBER)
is_lead_officer = role_predicate(roles.LEAD_OFFICER)
is_performance_officer = role_predicate(roles.PERFORMANCE_OFFICER)
is_democratic_services = role_predicate(roles.DEMOCRATIC_SERVICES)
is_viewer = role_predicate(roles.VIEWER)

is_staff_member = rules.is_authenticated & rules.is_active


class AdministratorBackend(BaseBackend):
    """Grants every permission to active administrators, so no permission rows are needed."""

    def has_perm(self, user_obj, perm, obj=None):
        return is_administrator(user_obj)

    def has_module_perms(self, user_obj, app_label):
        return is_administrator(user_obj)


class SignInBackend(ModelBackend):
    """Signs people in by email and password (Django's ModelBackend) and grants nothing.

    Permissions come from roles only (AdministratorBackend and each app's rules), so a
    permission row cannot widen a role past its rules, and no page asks the database
    about permission rows: two queries fewer on every signed-in page (issue 13).
    """

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

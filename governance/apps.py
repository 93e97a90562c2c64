from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance: people, posts, boards and meetings"


class GovernanceAdminConfig(AdminConfig):
    """The Django admin, open to administrators only (see governance.admin_site)."""

    default_site = "governance.admin_site.AdministratorAdminSite"

"""Pages of the meeting record. Thin class-based views: each checks its rule from
governance/rules.py (rules' PermissionRequiredMixin), reads through the selectors,
writes through the services, and puts the services' errors on its form."""

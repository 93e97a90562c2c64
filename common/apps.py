from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Helpers every app stands on. No models; its template tags and the table speed-up."""

    name = "common"

    def ready(self):
        from common.tables_cells import remember_signatures

        remember_signatures()

"""Why a pack could not be built, in words the pack's page can show."""


class PackBuildError(Exception):
    """A failure the build can explain: its message is shown on the pack's page."""

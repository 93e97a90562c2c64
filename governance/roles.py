"""The roles staff hold, kept as Django groups. Names are the council's own."""

ADMINISTRATOR = "Administrator"
DIRECTOR = "Director (DCS)"
BOARD_MEMBER = "Board member"
LEAD_OFFICER = "Lead officer"
PERFORMANCE_OFFICER = "Performance officer"
DEMOCRATIC_SERVICES = "Democratic services officer"
VIEWER = "Viewer"

ALL_ROLES = (
    ADMINISTRATOR,
    DIRECTOR,
    BOARD_MEMBER,
    LEAD_OFFICER,
    PERFORMANCE_OFFICER,
    DEMOCRATIC_SERVICES,
    VIEWER,
)

"""Helpers for the meeting record's tests: the scrutiny panel of the seed document, its
meetings in UK time, and members from named organisations."""

import datetime
from zoneinfo import ZoneInfo

from governance.models import Board, Meeting, Membership
from tests.governance.factories import (
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

LONDON = ZoneInfo("Europe/London")


def uk(year: int, month: int, day: int, hour: int = 18, minute: int = 0) -> datetime.datetime:
    """A moment in UK time: the panel meets at 6pm."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def panel(**kwargs) -> Board:
    defaults = {
        "name": "Children's Services Scrutiny Panel",
        "slug": "childrens-services-scrutiny-panel",
        "kind": Board.Kind.SCRUTINY_PANEL,
        "contact_name": "Paul Radcliffe, Policy and Strategy Lead",
    }
    return BoardFactory(**{**defaults, **kwargs})


def meeting_on(board: Board, day: datetime.datetime, **kwargs) -> Meeting:
    kwargs.setdefault("status", Meeting.Status.HELD)
    return MeetingFactory(board=board, starts_at=day, **kwargs)


def member(board: Board, name: str, organisation: str | None = None, **kwargs) -> Membership:
    """A member of the board from an organisation (by name), since May 2022."""
    org = OrganisationFactory(name=organisation) if organisation else None
    person = UserFactory(full_name=name, organisation=org)
    kwargs.setdefault("start_date", datetime.date(2022, 5, 1))
    return MembershipFactory(board=board, person=person, organisation=org, **kwargs)

"""The Lead/ Timeframe rule (improvement_plan.domain.timeframe), as tables.

The first table holds every distinct Lead/ Timeframe cell of the sample plan kept in
governance/fixtures/demo/, read against the demo council's posts and aliases. A lead
written "?X" is unknown: the importer creates a post for an administrator to review.
"""

import csv
import datetime
from pathlib import Path

import pytest

from improvement_plan.domain.timeframe import parse_timeframe

D = datetime.date
SAMPLE_PLAN = (
    Path(__file__).resolve().parents[2]
    / "governance"
    / "fixtures"
    / "demo"
    / "improvement-plan-2022-sample.csv"
)
KNOWN_POSTS = (
    "DCS", "AD CSC", "ADCSC", "AD Children's Social Care", "AD EH&P", "AD EHP", "AD EH & P",
    "ADEH&P", "HoS QA & Safeguarding", "HoS QA", "CEX", "Lead Member Children",
    "Lead member Children", "Board Chair", "Independent Chair", "Improvement Board Chair",
    "Principal SW", "Principle SW", "Director of PH", "DPH", "GMP Area Commander",
    "BCU Commander", "GMP", "ICB Accountable Officer", "Tameside HR", "HR",
    "Tameside Performance Team", "Project Lead Family Hubs", "All Board Members",
    "All Partners", "All", "ADs", "All HOS", "All Managers in CSC",
)  # fmt: skip

SAMPLE_CELLS = [
    ("", [], [], []),
    ("20th June 2022", [], [D(2022, 6, 20)], []),
    ("By August 2022 DCS and All Partners", ["DCS", "All Partners"], [D(2022, 8, 31)], []),
    (
        "By July 2022 All Partners Named Lead by Agency",
        ["All Partners"],
        [D(2022, 7, 31)],
        ["Named Lead by Agency"],
    ),
    ("Independent Chair/ All By end August 22", ["Independent Chair", "All"], [D(2022, 8, 31)], []),
    (
        "DCS, GMP ICB Accountable Officer/CEX by October 22",
        ["DCS", "GMP", "ICB Accountable Officer", "CEX"],
        [D(2022, 10, 31)],
        [],
    ),
    (
        "Lead Member Children/ CEX/ DCS June 22",
        ["Lead Member Children", "CEX", "DCS"],
        [D(2022, 6, 30)],
        [],
    ),
    (
        "CEX/Lead member Children ongoing each meeting review by December 22",
        ["CEX", "Lead member Children"],
        [D(2022, 12, 31)],
        ["ongoing", "each meeting review"],
    ),
    ("DCS/ADs/ Sept 22", ["DCS", "ADs"], [D(2022, 9, 30)], []),
    ("Board Chair/DCS Feb 23", ["Board Chair", "DCS"], [D(2023, 2, 28)], []),
    (
        "DCS/AD CSC/AD EHP and HR By July 2022",
        ["DCS", "AD CSC", "AD EHP", "HR"],
        [D(2022, 7, 31)],
        [],
    ),
    ("DCS/ADCSC/All Managers in CSC", ["DCS", "ADCSC", "All Managers in CSC"], [], []),
    (
        "AD CSC & HR July 2022\nSeptember 2022",
        ["AD CSC", "HR"],
        [D(2022, 7, 31), D(2022, 9, 30)],
        [],
    ),
    ("April 2023", [], [D(2023, 4, 30)], []),
    (
        "AD CSC, HR & All HOS and Managers by October 2022",
        ["AD CSC", "HR", "All HOS", "?Managers"],
        [D(2022, 10, 31)],
        [],
    ),
    ("Tameside HR and AD CSC", ["Tameside HR", "AD CSC"], [], []),
    ("Tameside HR, Principle SW, AD CSC", ["Tameside HR", "Principle SW", "AD CSC"], [], []),
    ("AD CSC by October 2022", ["AD CSC"], [D(2022, 10, 31)], []),
    ("AD CSC by October 22", ["AD CSC"], [D(2022, 10, 31)], []),
    ("DCS by August 22", ["DCS"], [D(2022, 8, 31)], []),
    ("DCS/AD CSC AD EH&P March 23", ["DCS", "AD CSC", "AD EH&P"], [D(2023, 3, 31)], []),
    ("AD CSC/HoS QA report January 2023", ["AD CSC", "HoS QA"], [D(2023, 1, 31)], ["report"]),
    ("AD CSC/AD EH&P by March 23", ["AD CSC", "AD EH&P"], [D(2023, 3, 31)], []),
    (
        "AD EH&P/Principal SW By December 22 and June 23",
        ["AD EH&P", "Principal SW"],
        [D(2022, 12, 31), D(2023, 6, 30)],
        [],
    ),
    (
        "Agency Comms Leads/CICC/Youth Council",
        ["?Agency Comms Leads", "?CICC", "?Youth Council"],
        [],
        [],
    ),
    ("DCS/ CICC/AD EH&P by Feb 2023", ["DCS", "?CICC", "AD EH&P"], [D(2023, 2, 28)], []),
    (
        "DCS/Board/All Board Members April 2023",
        ["DCS", "?Board", "All Board Members"],
        [D(2023, 4, 30)],
        [],
    ),
    ("Project Lead Family Hubs", ["Project Lead Family Hubs"], [], []),
    ("GMP Area Commander June 2022", ["GMP Area Commander"], [D(2022, 6, 30)], []),
    ("August 2022", [], [D(2022, 8, 31)], []),
    ("September and October 22", [], [D(2022, 9, 30), D(2022, 10, 31)], []),
    (
        "Director of PH, NHS Provider by end June 2022",
        ["Director of PH", "?NHS Provider"],
        [D(2022, 6, 30)],
        [],
    ),
    (
        "Director of PH, NHS Provider April 2023",
        ["Director of PH", "?NHS Provider"],
        [D(2023, 4, 30)],
        [],
    ),
    (
        "July 2022 All Board Members Tameside Performance Team",
        ["All Board Members", "Tameside Performance Team"],
        [D(2022, 7, 31)],
        [],
    ),
    (
        "DCS/AD EH&P All Board members by July 2022 And ongoing review built in to Board business",
        ["DCS", "AD EH&P", "All Board members"],
        [D(2022, 7, 31)],
        ["ongoing", "review built in to Board business"],
    ),
    (
        "AD EH&P / Phil Davies BCU Commander since August 22/ AD CSC/ September 2022 Board Meeting",
        ["AD EH&P", "BCU Commander", "AD CSC"],
        [D(2022, 9, 30)],
        ["Phil Davies", "since August 22", "Board Meeting"],
    ),
    ("AD EH&P July 22", ["AD EH&P"], [D(2022, 7, 31)], []),
    ("AD CSC/AD EH&P/HoS QA Sept 22", ["AD CSC", "AD EH&P", "HoS QA"], [D(2022, 9, 30)], []),
    (
        "AD EH&P Tameside Performance Team by August 2022 Board Chair – AD EH & P By April 2023",
        ["AD EH&P", "Tameside Performance Team", "Board Chair"],
        [D(2022, 8, 31), D(2023, 4, 30)],
        [],
    ),
]


def _shown(timeframe) -> list[str]:
    return [lead.written if lead.is_known else f"?{lead.written}" for lead in timeframe.leads]


@pytest.mark.parametrize(("written", "leads", "milestones", "leftovers"), SAMPLE_CELLS)
def test_every_cell_of_the_sample_plan(written, leads, milestones, leftovers):
    timeframe = parse_timeframe(written, known_posts=KNOWN_POSTS)

    assert _shown(timeframe) == leads
    assert list(timeframe.milestones) == milestones
    assert timeframe.due_date == (milestones[-1] if milestones else None)
    assert list(timeframe.leftovers) == leftovers


def test_the_table_covers_every_distinct_cell_of_the_sample_plan():
    with SAMPLE_PLAN.open(encoding="utf-8-sig", newline="") as handle:
        cells = {row["Lead/ Timeframe"] for row in csv.DictReader(handle)}

    assert cells == {written for written, *_ in SAMPLE_CELLS}


@pytest.mark.parametrize(
    ("written", "recurring", "recurrence"),
    [
        ("Improvement Board Chair on a monthly basis", True, "on a monthly basis"),
        ("DCS ongoing", True, "ongoing"),
        ("Project Lead Family Hubs", True, ""),
        ("AD CSC by March 23", False, ""),
        ("", False, ""),
    ],
)
def test_no_date_means_recurring_with_no_due_date(written, recurring, recurrence):
    timeframe = parse_timeframe(written, known_posts=KNOWN_POSTS)

    assert timeframe.is_recurring is recurring
    assert timeframe.recurrence == recurrence
    if recurring:
        assert timeframe.due_date is None


@pytest.mark.parametrize(
    ("written", "milestones"),
    [
        ("by March 23", [D(2023, 3, 31)]),
        ("20th June 2022", [D(2022, 6, 20)]),
        ("1st July 22", [D(2022, 7, 1)]),
        ("Sept 22", [D(2022, 9, 30)]),
        ("Feb 2023", [D(2023, 2, 28)]),
        ("February 24", [D(2024, 2, 29)]),
        ("December 22 and June 23", [D(2022, 12, 31), D(2023, 6, 30)]),
        ("September and October 22", [D(2022, 9, 30), D(2022, 10, 31)]),
        ("January-March 23", [D(2023, 1, 31), D(2023, 3, 31)]),
        ("by the end of May 2023", [D(2023, 5, 31)]),
        ("31st June 2022", []),
        ("since August 22", []),
    ],
)
def test_dates(written, milestones):
    assert list(parse_timeframe(written).milestones) == milestones


@pytest.mark.parametrize(
    ("written", "known_as"),
    [
        ("HoS QA & Safeguarding Sept 22", "HoS QA & Safeguarding"),
        ("hos qa & safeguarding", "HoS QA & Safeguarding"),
        ("HoS QA &Safeguarding", "HoS QA & Safeguarding"),
        ("AD EH & P", "AD EH&P"),
        ("ad eh&p by March 23", "AD EH&P"),
    ],
)
def test_known_names_match_whole_ignoring_case_and_spaces_round_punctuation(written, known_as):
    timeframe = parse_timeframe(written, known_posts=["HoS QA", "HoS QA & Safeguarding", "AD EH&P"])

    assert [lead.known_as for lead in timeframe.leads] == [known_as]


@pytest.mark.parametrize(
    ("written", "leads"),
    [
        ("AD CSC & HR July 2022", ["?AD CSC", "?HR"]),
        ("AD EH&P July 22", ["?AD EH&P"]),
        ("DCS, GMP/CEX and Lead Member", ["?DCS", "?GMP", "?CEX", "?Lead Member"]),
        ("By August 2022 DCS and All Partners", ["?DCS", "?All Partners"]),
        ("Agency Comms Leads/CICC", ["?Agency Comms Leads", "?CICC"]),
    ],
)
def test_with_no_known_posts_role_like_text_leads_as_unknown(written, leads):
    assert _shown(parse_timeframe(written)) == leads


@pytest.mark.parametrize(
    ("written", "leftovers"),
    [
        ("By July 2022 All Partners Named Lead by Agency", ["All Partners Named Lead by Agency"]),
        ("each meeting review", ["each meeting review"]),
        ("September 2022 Board Meeting", ["Board Meeting"]),
    ],
)
def test_text_that_is_neither_role_nor_date_is_kept(written, leftovers):
    assert list(parse_timeframe(written).leftovers) == leftovers

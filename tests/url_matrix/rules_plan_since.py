"""Every change since the last board, in full: every member of staff reads it, as the
plan overview it comes from."""

from tests.url_matrix.expectations import staff_page

RULES = {"plan_since_last_board": [staff_page("plan_since_last_board")]}

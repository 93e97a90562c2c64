"""en-GB date formats as councils write them: "12 March 2023"."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, g:i a"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "g:i a"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]
FIRST_DAY_OF_WEEK = 1

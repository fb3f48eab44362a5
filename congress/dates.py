"""Dates as UN documents write them: "26 March 2019", "from 26 to 28 March 2019", "20–27 April 2020"."""

from django.utils.dateformat import format as date_format


def long_date(day):
    return date_format(day, "j F Y")


def date_range(start, end, *, style="words"):
    """A span of days, either "from 26 to 28 March 2019" (style="words") or "26–28 March 2019" (style="dash")."""
    if start == end:
        return ("on " if style == "words" else "") + long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        first = date_format(start, "j")
    elif start.year == end.year:
        first = date_format(start, "j F")
    else:
        first = long_date(start)
    if style == "words":
        return f"from {first} to {long_date(end)}"
    return f"{first}–{long_date(end)}"


def ordinal(number):
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"

"""Dates known only to the month or the ISO week: `2022-03`, `2022-W10`.

An article often says "in March" or "that week". Such an event keeps the first day of its
span as its date and says how exactly it is known (its precision); it covers the whole span,
so a time window that touches March includes an event of "March 2022". Written back, it is
the same short form, so a file read and exported is the file it was.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

DAY, WEEK, MONTH = "day", "week", "month"
PRECISIONS = (DAY, WEEK, MONTH)  # how exactly a date is known, the most exact first

# A month or a week as written, and its near misses: the near misses get a message of their
# own ("there is no month 13"), anything else the one message that lists the forms.
MONTH_FORM = re.compile(r"^(\d{4})-(\d{1,2})$")
WEEK_FORM = re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")
FORMS = (
    "a real date written YYYY-MM-DD, e.g. 2022-03-01; or, known only to the month or the ISO "
    "week, YYYY-MM (2022-03) or YYYY-Www (2022-W10)"
)


class DateFormError(ValueError):
    """A month or week written almost right: the message says what to write instead."""


def read_short(text: str) -> tuple[dt.date, str] | None:
    """`2022-03` → (1 March 2022, month); `2022-W10` → (Monday 7 March 2022, week); None for
    anything that is neither (a full day, or text for the day schema to refuse)."""
    found = MONTH_FORM.match(text)
    if found:
        year, month = int(found.group(1)), int(found.group(2))
        if not 1 <= month <= 12:
            raise DateFormError(
                f"there is no month {month} in {text!r}; write a month as YYYY-MM with 01 to "
                f"12, e.g. {year}-03"
            )
        if len(found.group(2)) != 2:
            raise DateFormError(f"write the month with two digits: {year}-{month:02d}")
        return dt.date(year, month, 1), MONTH
    found = WEEK_FORM.match(text)
    if found:
        year, week = int(found.group(1)), int(found.group(2))
        weeks = weeks_in(year)
        if not 1 <= week <= weeks:
            raise DateFormError(
                f"{year} has ISO weeks 01 to {weeks}, not {week}; write a week as YYYY-Www, "
                f"e.g. {year}-W10"
            )
        if text != f"{year}-W{week:02d}":
            raise DateFormError(f"write an ISO week as {year}-W{week:02d} (capital W, two digits)")
        return dt.date.fromisocalendar(year, week, 1), WEEK
    return None


def weeks_in(year: int) -> int:
    """52 or 53: 28 December is always in the last ISO week of its year."""
    return dt.date(year, 12, 28).isocalendar()[1]


def span_end(first: dt.date, precision: str) -> dt.date:
    """The last day a date of this precision covers."""
    if precision == MONTH:
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if precision == WEEK:
        return first + dt.timedelta(days=6)
    return first


def starts_span(day: dt.date, precision: str) -> bool:
    """Whether `day` is the first day of a span of this precision (a month's 1st, a Monday)."""
    if precision == MONTH:
        return day.day == 1
    if precision == WEEK:
        return day.isoweekday() == 1
    return True


def written(day: dt.date, precision: str = DAY) -> str:
    """A date as an events file writes it: 2022-03-01, 2022-03 or 2022-W10."""
    if precision == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if precision == WEEK:
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()

"""Partial dates as a news report gives them: a year, a year and month, a full date, or a month and day with no year.

Each precision has its XSD lexical form and datatype (``2023`` gYear,
``2023-09`` gYearMonth, ``2023-09-13`` date, ``--09-13`` gMonthDay), so a
month-day stays a month-day in every format and is never completed with a
guessed year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from enum import Enum

__all__ = ["Precision", "PartialDate", "parse_partial_date", "PATTERNS"]

XSD = "http://www.w3.org/2001/XMLSchema#"


class Precision(str, Enum):
    """How much of a date the text gives."""

    year = "year"
    year_month = "year_month"
    date = "date"
    month_day = "month_day"

    @property
    def datatype(self) -> str:
        """The XSD datatype IRI that carries a value of this precision."""
        return XSD + _DATATYPES[self]


_DATATYPES = {
    Precision.year: "gYear",
    Precision.year_month: "gYearMonth",
    Precision.date: "date",
    Precision.month_day: "gMonthDay",
}

# Years are four digits: the XSD forms allow more, and signs, but no news report needs them.
PATTERNS = {
    Precision.year: r"^[0-9]{4}$",
    Precision.year_month: r"^[0-9]{4}-(0[1-9]|1[0-2])$",
    Precision.date: r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    Precision.month_day: r"^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
}
_COMPILED = {p: re.compile(rx) for p, rx in PATTERNS.items()}


@dataclass(frozen=True)
class PartialDate:
    """A date known to ``precision``; missing parts are ``None``, never invented."""

    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        if self.precision is Precision.year:
            return f"{self.year:04d}"
        if self.precision is Precision.year_month:
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision is Precision.date:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"--{self.month:02d}-{self.day:02d}"

    @property
    def datatype(self) -> str:
        """The XSD datatype IRI for this value."""
        return self.precision.datatype


def parse_partial_date(text: str, precision: Precision) -> PartialDate:
    """Parse the XSD lexical form ``text`` of the given precision, rejecting impossible days.

    Raises ``ValueError`` with a message naming what was expected.
    """
    if not isinstance(text, str) or not _COMPILED[precision].match(text):
        raise ValueError(f"{text!r} is not a {precision.value} in the form {_EXAMPLES[precision]}")
    if precision is Precision.month_day:
        month, day = int(text[2:4]), int(text[5:7])
        # With no year, February 29 is possible; February 30 never is.
        limit = 29 if month == 2 else calendar.monthrange(2001, month)[1]
        if day > limit:
            raise ValueError(f"{text!r}: month {month} has no day {day}")
        return PartialDate(precision, None, month, day)
    year = int(text[0:4])
    if precision is Precision.year:
        return PartialDate(precision, year)
    month = int(text[5:7])
    if precision is Precision.year_month:
        return PartialDate(precision, year, month)
    day = int(text[8:10])
    limit = calendar.monthrange(year, month)[1]
    if day > limit:
        raise ValueError(f"{text!r}: {calendar.month_name[month]} {year} has no day {day}")
    return PartialDate(precision, year, month, day)


_EXAMPLES = {
    Precision.year: "YYYY (2023)",
    Precision.year_month: "YYYY-MM (2023-09)",
    Precision.date: "YYYY-MM-DD (2023-09-13)",
    Precision.month_day: "--MM-DD (--09-13)",
}

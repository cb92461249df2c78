"""Dates as the text gives them: "June 19, 2024" is a date, "September 13" a month-day, "in 2019" a year.

A missing year is never filled in: the text's precision is kept (``--09-13``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import PartialDate, Precision, parse_partial_date
from .text import MONTHS

__all__ = ["DateMention", "find_dates"]

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)[0-9]{2})"
_PATTERNS = [
    re.compile(rf"\b{_MONTH} {_DAY}(?:, {_YEAR}\b)?(?![0-9])"),          # June 19, 2024 / June 19
    re.compile(rf"\b{_DAY} {_MONTH}(?: {_YEAR}\b)?"),                    # 19 June 2024 / 19 June
    re.compile(rf"\b{_MONTH} (?:of )?{_YEAR}\b"),                        # June 2024
    re.compile(rf"\b(?:in|since|by|until|before|after|from|of|during) (?:early |late |mid-)?{_YEAR}\b(?![-/])"),
]


@dataclass
class DateMention:
    """A date the text states, its span, and its value at the text's precision."""

    start: int
    end: int
    value: PartialDate

    @property
    def field(self) -> str:
        """The Time field the value goes in (year, year_month, date or month_day)."""
        return self.value.precision.value


def _month(name: str) -> int:
    key = name.rstrip(".").lower()
    return next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(key[:3]))


def find_dates(text: str) -> list[DateMention]:
    """Every date in ``text``, in order, without overlaps; impossible dates (February 30) are skipped."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for rx in _PATTERNS:
        for m in rx.finditer(text):
            g = m.groupdict()
            year, day = g.get("year"), g.get("day")
            month = _month(g["month"]) if g.get("month") else None
            if year and month and day:
                raw, prec = f"{year}-{month:02d}-{int(day):02d}", Precision.date
            elif month and day:
                raw, prec = f"--{month:02d}-{int(day):02d}", Precision.month_day
            elif year and month:
                raw, prec = f"{year}-{month:02d}", Precision.year_month
            else:
                raw, prec = year, Precision.year
            start, end = (m.start("year"), m.end()) if prec is Precision.year else (m.start(), m.end())
            if any(s < end and start < e for s, e in taken):
                continue
            try:
                value = parse_partial_date(raw, prec)
            except ValueError:
                continue
            taken.append((start, end))
            found.append(DateMention(start, end, value))
    return sorted(found, key=lambda d: d.start)

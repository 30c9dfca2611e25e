"""Dates as official Vietnamese documents write them, turned into ISO dates.

`find_dates(text)` finds every date expression (`ngày 23 tháng 12 năm 2021`, `03/11/2022`,
`tháng 02/2022`, `Quý I năm 2022`, `6 tháng đầu năm 2025`, `năm 2030`) with its grain; a month,
quarter, half-year or year stands for its last day, since that is what a deadline means.
Regexes, not a general date parser: dateparser misses quarters and invents months for years.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

# One pass over the text; the alternatives are tried in order at each position, the most
# specific first, so `ngày 23 tháng 12 năm 2021` is never read as `năm 2021`.
# The lookahead first: every alternative opens with a digit or with "n" (ngày, năm), "q" (quý)
# or "t" (tháng), in any case; `re` enters each of the six alternatives at each position it
# tries (about 2,600 instructions where none can start), one class test rules most of them out.
_DATE = re.compile(r"""
  (?= [\dnqt] )
  (?:
    (?P<words>                                   # ngày 23 tháng 12 năm 2021, trước 30 tháng 11 năm 2025
        (?: ngày \s+ )? (?P<d1>\d{1,2}) \s+ tháng \s+ (?P<m1>\d{1,2}) \s*,?\s+ năm \s+ (?P<y1>\d{4})
    )
  | (?P<numeric>                                 # 23/12/2021, 23-12-2021, 23.12.2021
        (?<![\d/.,-]) (?P<d2>\d{1,2}) \s?(?P<sep>[/.-])\s? (?P<m2>\d{1,2}) \s?(?P=sep)\s? (?P<y2>(?:19|20|21)\d\d)
        (?![\d/])
    )
  | (?P<quarter>                                 # Quý I năm 2022, quý IV/2024, quý 2-2025
        quý \s+ (?: (?:IV|I{1,3}|[1-4]) \s*(?:,|-|–|và)\s* )*    # Quý III, IV/2026: the last one
        (?P<q>IV|I{1,3}|[1-4]) (?![\w])
        (?: \s*,?\s+ năm \s+ | \s?[/-]\s? ) (?P<yq>\d{4})
    )
  | (?P<half>                                    # 6 tháng đầu năm 2025, 6 tháng cuối năm 2025
        (?:06|6) \s+ tháng \s+ (?P<which>đầu|cuối) \s+ năm \s+ (?P<yh>\d{4})
    )
  | (?P<month>                                   # tháng 02/2022, tháng 6 năm 2025, tháng 12-2024
        tháng \s+ (?: \d{1,2} \s*(?:,|-|–|và)\s* )*              # tháng 7-8/2026: the last one
        (?P<m3>\d{1,2}) (?: \s*,?\s+ năm \s+ | \s?[/.-]\s? ) (?P<y3>\d{4})
    )
  | (?P<year>                                    # năm 2030
        năm \s+ (?P<y4>(?:19|20|21)\d\d) (?![\d/])
    )
  )
""", re.VERBOSE | re.IGNORECASE)

# Every expression ends with its year: find the years (a cheap scan), then match the full
# pattern only in the few characters before each one.
_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_REACH = 40                           # longest expression before its year ("ngày 23 tháng 12 năm ")

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


class DateMatch(NamedTuple):          # a tuple: built several times faster than a frozen dataclass
    start: int
    end: int
    iso: str            # the day, or the last day of the month / quarter / half / year
    grain: str          # "day", "month", "quarter", "half", "year"
    text: str


@lru_cache(maxsize=4096)              # pure, and the same days recur (a few thousand at most)
def iso_day(day: int, month: int, year: int) -> str | None:
    """An ISO date, or None when the day does not exist.

    >>> iso_day(5, 3, 2024)
    '2024-03-05'
    >>> iso_day(31, 2, 2024) is None
    True
    """
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def month_end(month: int, year: int) -> str | None:
    """The last day of a month.

    >>> month_end(2, 2022)
    '2022-02-28'
    >>> month_end(2, 2024)
    '2024-02-29'
    >>> month_end(13, 2024) is None
    True
    """
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _resolve(m: re.Match[str]) -> tuple[str | None, str]:
    # The alternative that matched is the last group to close (its own groups close inside
    # it): one attribute instead of asking each named group in turn.
    kind = m.lastgroup
    if kind == "words":
        return iso_day(int(m["d1"]), int(m["m1"]), int(m["y1"])), "day"
    if kind == "numeric":
        return iso_day(int(m["d2"]), int(m["m2"]), int(m["y2"])), "day"
    if kind == "quarter":
        quarter = _QUARTERS.get(m["q"].lower())     # "İ" matches "I" in re, but lower-cases to "i̇"
        return (month_end(3 * quarter, int(m["yq"])) if quarter else None), "quarter"
    if kind == "half":
        return month_end(6 if m["which"].lower() == "đầu" else 12, int(m["yh"])), "half"
    if kind == "month":
        return month_end(int(m["m3"]), int(m["y3"])), "month"
    return month_end(12, int(m["y4"])), "year"


def find_dates(text: str) -> list[DateMatch]:
    """Every date expression in the text, in order, with the day it stands for.

    >>> [(d.iso, d.grain) for d in find_dates("Hoàn thành trong Quý I năm 2022 và trước ngày 20/01/2022")]
    [('2022-03-31', 'quarter'), ('2022-01-20', 'day')]
    >>> [(d.iso, d.grain) for d in find_dates("trong tháng 02/2022; 6 tháng đầu năm 2025")]
    [('2022-02-28', 'month'), ('2025-06-30', 'half')]
    >>> [d.iso for d in find_dates("Hà Tĩnh, ngày 23 tháng 12 năm 2021")]
    ['2021-12-23']
    >>> [(d.iso, d.text) for d in find_dates("hoàn thành trước 15 tháng 11 năm 2025")]
    [('2025-11-15', '15 tháng 11 năm 2025')]
    >>> [(d.iso, d.grain) for d in find_dates("Quý III, IV/2026; tháng 7-8/2026; tháng 12-2024")]
    [('2026-12-31', 'quarter'), ('2026-08-31', 'month'), ('2024-12-31', 'month')]
    >>> [d.iso for d in find_dates("tỷ lệ 26/28 chỉ tiêu, 45.799/36.875 tỷ đồng, 31/2/2024")]
    []
    """
    out: list[DateMatch] = []
    if "19" not in text and "20" not in text and "21" not in text:
        return out                    # every year _YEAR matches starts so; `in` is fast
    last_end = 0
    for y_start in _year_starts(text):
        y_end = y_start + 4
        # A date's year follows "năm", "/", "-" or "." ("ngày 3/11/2022", "quý I năm 2022");
        # "giai đoạn 2021", "2021-2030" and bare years need no further look.
        lead = text[max(0, y_start - 5):y_start].rstrip().lower()
        if not lead.endswith(("năm", "/", "-", ".")):
            continue
        lo = _first_start(text, max(last_end, y_start - _REACH), y_start)
        for m in _DATE.finditer(text, lo, y_end):
            if m.end() != y_end:
                continue
            iso, grain = _resolve(m)
            if iso:
                out.append(DateMatch(m.start(), m.end(), iso, grain, m.group(0)))
                last_end = m.end()
            break
    return out


# Every alternative of `_DATE` starts with a digit or with one of these words (any case).
_DATE_WORDS = ("ngày", "quý", "tháng", "năm")
_DIGIT = re.compile(r"\d")


def _first_start(text: str, lo: int, year: int) -> int:
    """Where a `_DATE` match can first start in `text[lo:]`, given a year at `year`: at a digit
    or at a date word. Searching from there finds the same matches as from `lo`, and the
    case-insensitive pattern is not tried at the characters before it.

    >>> t = "Hoàn thành trong Quý I năm 2022"
    >>> t[_first_start(t, 0, 27):]
    'Quý I năm 2022'
    """
    low = text[lo:year].lower()
    if len(low) != year - lo:            # "İ" lower-cases to two characters: no shortcut
        return lo
    first = _DIGIT.search(text, lo, year)
    best = first.start() - lo if first else year - lo
    for word in _DATE_WORDS:
        i = low.find(word)
        if 0 <= i < best:
            best = i
    return lo + best


def _year_starts(text: str) -> list[int]:
    """Where `_YEAR.finditer(text)` finds a year, from str.find of "19", "20" and "21" (`re`
    would try every position of the text, its pattern opening with a look-behind).

    >>> _year_starts("năm 2025, 12019, 2030/31, 1999")
    [4, 17, 26]
    """
    found = []
    for lead in ("19", "20", "21"):
        i = text.find(lead)
        while i >= 0:
            digits = text[i + 2:i + 4]                  # \d is str.isdecimal, as in _YEAR
            if (len(digits) == 2 and digits.isdecimal() and not text[i + 4:i + 5].isdecimal()
                    and not (i and text[i - 1].isdecimal())):
                found.append(i)
            i = text.find(lead, i + 1)
    return sorted(found)


# Dates without their year, as annual plans write them: "trước 30/6", "Quý II", "trong tháng 3".
_NO_YEAR = re.compile(r"""
    (?P<words> ngày \s+ (?P<d2>\d{1,2}) \s+ tháng \s+ (?P<m2>\d{1,2}) (?![\d/]|[.-]\d) (?!\s*,?\s*năm\s+\d) )
  | (?P<numeric> (?<![\d/.,-]) (?P<d>\d{1,2}) \s?/\s? (?P<m>\d{1,2}) (?![\d/]|[.,-]\d) )
  | (?P<quarter> quý \s+ (?P<q>IV|I{1,3}|[1-4]) (?![\w/-]) (?!\s*,?\s*năm\s+\d) )
  | (?P<month> tháng \s+ (?P<m3>\d{1,2}) (?![\d/]|[.-]\d) (?!\s*,?\s*năm\s+\d) )
""", re.VERBOSE | re.IGNORECASE)


def _yearless_starts(text: str) -> list[int]:
    """Where a date without a year may start: before a "/" (its day), at "ngày", "tháng",
    "quý" (str.find: `re` would try every position of the text)."""
    starts = []
    for word in ("/", "tháng", "Tháng", "quý", "Quý"):
        i = text.find(word)
        while i >= 0:
            if word == "/":                       # "30/6", "30 / 6": back over a space, then digits
                j = i - 1 if i > 0 and text[i - 1] == " " else i
                while j > 0 and text[j - 1].isdecimal() and i - j < 3:
                    j -= 1
                starts.append(j)
            else:
                day = max(text.rfind("ngày", max(0, i - 10), i), text.rfind("Ngày", max(0, i - 10), i))
                starts.append(day if day >= 0 else i)     # "ngày 15 tháng 12"
                if day >= 0:
                    starts.append(i)
            i = text.find(word, i + 1)
    return sorted(starts)


def find_yearless(text: str, year: int, not_before: str = "") -> list[DateMatch]:
    """Dates written without a year, placed in `year`, or the next one when that would fall
    before `not_before` (an ISO day: a plan signed in December for "Quý I" means next year).

    >>> [(d.iso, d.grain) for d in find_yearless("trước 30/6; Quý I; trong tháng 3", 2024, "2024-02-10")]
    [('2024-06-30', 'day'), ('2024-03-31', 'quarter'), ('2024-03-31', 'month')]
    >>> [d.iso for d in find_yearless("trước ngày 15 tháng 12; Quý I", 2024, "2024-12-20")]
    ['2025-12-15', '2025-03-31']
    >>> find_yearless("đạt 26/28 chỉ tiêu; 31/2; tháng 02/2022; Quý I năm 2022; 1.234/5.678", 2024)
    []
    >>> [d.iso for d in find_yearless("Hoàn thành trước 30/6.", 2024)]
    ['2024-06-30']
    """
    out: list[DateMatch] = []
    last_end = 0
    for start in _yearless_starts(text):
        if start < last_end:
            continue
        m = _NO_YEAR.match(text, start)
        if m is None:
            continue
        last_end = m.end()
        for y in (year, year + 1):
            if m.group("words"):
                iso, grain = iso_day(int(m["d2"]), int(m["m2"]), y), "day"
            elif m.group("numeric"):
                iso, grain = iso_day(int(m["d"]), int(m["m"]), y), "day"
            elif m.group("quarter"):
                quarter = _QUARTERS.get(m["q"].lower())
                iso, grain = (month_end(3 * quarter, y) if quarter else None), "quarter"
            else:
                iso, grain = month_end(int(m["m3"]), y), "month"
            if iso is None or iso >= not_before:
                break
        if iso:
            out.append(DateMatch(m.start(), m.end(), iso, grain, m.group(0)))
    return out


def parse_date(text: str) -> str | None:
    """The ISO day of the first date expression in `text` (last day for coarser ones).

    >>> parse_date("ngày 05/5/2023")
    '2023-05-05'
    >>> parse_date("Quảng Trị, ngày 05 tháng 3 năm 2024")
    '2024-03-05'
    >>> parse_date("quý IV/2024")
    '2024-12-31'
    >>> parse_date("không có ngày") is None
    True
    """
    found = find_dates(text)
    return found[0].iso if found else None

"""Where a paragraph's figures sit: its sentences, the clause marks inside a sentence (";",
":", list labels "(12)", "1)", "a)") and the time phrases ("đến năm 2030", "Giai đoạn
2021-2030", "so với năm 2020") a figure takes its year from.

Pure functions over strings, split from `figures_text` (the words around a number);
`figures.py` strings them together. The regexes start with a literal or a character class
wherever the rule allows: `re` tries a pattern that does not at every character.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .figures_scan import full_stops

if TYPE_CHECKING:
    from .numbers import Quantity

# ---------------------------------------------------------------- sentences and clauses

# A sentence ends at ". " before a capital, a bullet or a list label, or at the end of the text.
# `figures_scan.full_stops` finds what this regex finds (with `str.find`: `re` stopped at the dot
# of every "17.900"); the letter before the dot and the one after the space are checked in Python.
_DOT = re.compile(r"\.\.*(?:\s+|$)")
_OPENERS = set("(-+*•\"“")
_LIST_LABEL = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])\.?$")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph.

    >>> t = "Tỷ lệ hộ nghèo giảm còn 3%. Đạt 28 giường bệnh/vạn dân; trên 9 bác sĩ/vạn dân."
    >>> [t[a:b] for a, b in sentences(t)]
    ['Tỷ lệ hộ nghèo giảm còn 3%', 'Đạt 28 giường bệnh/vạn dân; trên 9 bác sĩ/vạn dân']
    >>> t = "Thu 7.3 tỷ đồng, v.v. còn lại"
    >>> [t[a:b] for a, b in sentences(t)]
    ['Thu 7.3 tỷ đồng, v.v. còn lại']
    >>> sentences("Đạt 7%."), sentences("II."), sentences("Đạt 7% ."), sentences(".")
    ([(0, 6)], [(0, 3)], [(0, 8)], [(0, 1)])
    """
    last = len(text) - 1
    first_dot = text.find(".")
    if first_dot < 0:                    # no full stop: one sentence (`find` is fast, `re` is not)
        return [(0, len(text))] if text else []
    if first_dot == last:                # one full stop, at the end: the loop below, unrolled
        if last == 0 or text[last - 1].isspace() or _LIST_LABEL.match(text, 0, last):
            return [(0, len(text))]
        return [(0, last)]
    return _split(text)


def _split(text: str) -> list[tuple[int, int]]:
    """`sentences` of a text, read at every full stop (what its shortcuts must agree with)."""
    out, start = [], 0
    for i, dots_end, j in full_stops(text):         # _DOT.finditer, found with str.find
        if i == 0 or text[i - 1].isspace():
            continue
        dots = dots_end - i
        nxt = text[j] if j < len(text) else ""
        if not (nxt == "" or dots >= 3 or nxt.isupper() or nxt in _OPENERS):
            continue
        if _LIST_LABEL.match(text, start, i):
            continue                     # "1. Tốc độ ...", "2.1. ...", "II. ...": a label, no sentence
        out.append((start, i))
        start = j
    if start < len(text):
        out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


# Clause boundaries inside a sentence: ";", ":", a list label "(12)" or "1)" before a capital.
_BOUNDARY = re.compile(r"""
      ;\s*
    | :\s+
    | \(\d{1,3}\)\s*                    # "(12) Tỷ lệ ..." numbered target lists
    | \d{1,2}[.)]\s+(?=[A-ZĐÀ-Ỹ])        # "1) Tốc độ ...", "2. GRDP ..." inline lists
    | [a-zđ]\)\s+                         # "a) Tổng sản phẩm ..." lettered items
""", re.VERBOSE)
# `_BOUNDARY` as `boundaries` finds it: every alternative holds a character `str.find` reaches
# at C speed (";", ":", "(", or the "." or ")" after a label's digits), where `re` tested every
# character of the sentence against a class (digits are frequent in these sentences). Each
# alternative is matched where its character stands; the matches are then taken left to right
# without overlap, as `finditer` takes them.
_SEMICOLON = re.compile(r";\s*")
_COLON = re.compile(r":\s+")
_PAREN_LABEL = re.compile(r"\(\d{1,3}\)\s*")
_DIGIT_LABEL = re.compile(r"\d\d?[.)]\s+(?=[A-ZĐÀ-Ỹ])")
_LETTER_ITEM = re.compile(r"[a-zđ]\)\s+")
_LABEL = re.compile(r"\((\d{1,3})\)|(\d{1,2})[.)]\s")
# Every alternative of _BOUNDARY holds ";", ":", ")" or a full stop before a blank; a sentence
# without any has no boundary. (`re` finds "." quickly: the pattern starts with a literal.)
_DOT_BLANK = re.compile(r"\.\s")


def _boundary_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `_BOUNDARY.finditer(text)`, found faster.

    >>> t = "a) Thu 7; b) chi: 2. Đạt (3) x; 123. Y"
    >>> _boundary_spans(t) == [m.span() for m in _BOUNDARY.finditer(t)]
    True

    A digit label starts one or two digits before its "." or ")": "123. Y" is matched from
    the "2" (where `finditer`, failing at "1", finds it). The lettered items start with a
    letter, the other alternatives with ";", ":", "(" or a digit, so no two share a start, and
    no lettered item overlaps another mark.
    """
    found = []
    for char, rx in ((";", _SEMICOLON), (":", _COLON), ("(", _PAREN_LABEL)):
        i = text.find(char)
        while i >= 0:
            m = rx.match(text, i)
            if m:
                found.append(m.span())
            i = text.find(char, i + 1)
    letters = []
    last = len(text) - 1
    for char in ".)":
        j = text.find(char, 1)
        while j >= 0:
            # Both label patterns want a blank right after the "." or ")": no regex is tried
            # at the others (the "." of every "17.900"). \s is str.isspace, \d str.isdecimal.
            if j < last and text[j + 1].isspace():
                if text[j - 1].isdecimal():
                    m = _DIGIT_LABEL.match(text, j - 2 if j >= 2 and text[j - 2].isdecimal() else j - 1)
                    if m:
                        found.append(m.span())
                if char == ")" and (m := _LETTER_ITEM.match(text, j - 1)):
                    letters.append(m.span())
            j = text.find(char, j + 1)
    found.sort()
    spans, end = [], 0
    for a, b in found:
        if a >= end:                                  # not inside the mark taken before it
            spans.append((a, b))
            end = b
    if letters:
        spans.extend(letters)
        spans.sort()
    return spans


def may_number(text: str) -> bool:
    """Whether a sentence can hold a numbered list label ("(12)", "3) ", "2. "): a boundary
    `boundaries` gives a number to holds ")" or a full stop before a blank. False says the
    numbers `boundaries` would find are none, without its scan.

    >>> may_number("Thu 7; chi: 2"), may_number("(1) Tốc độ"), may_number("Mục 2. Đạt")
    (False, True, True)
    """
    return ")" in text or bool(_DOT_BLANK.search(text))


def boundaries(text: str) -> list[tuple[int, int, int | None]]:
    """(start, end, list number) of each boundary mark in a sentence.

    >>> [(text[a:b], n) for text in ["(1) Tốc độ đạt 7%; (2) GRDP đạt 91 triệu đồng"]
    ...  for a, b, n in boundaries(text)]
    [('(1) ', 1), ('; ', None), ('(2) ', 2)]
    """
    if not (";" in text or ":" in text or ")" in text or _DOT_BLANK.search(text)):
        return []                        # faster than letting the regex crawl the sentence
    out = []
    for i, j in _boundary_spans(text):
        c = text[i]
        if c == ";" or c == ":":
            out.append((i, j, None))     # most marks: no label starts with either
            continue
        if (c.isdigit() or c.isalpha()) and i > 0 \
                and (text[i - 1].isalnum() or text[i - 1] in "/.,"):
            continue                     # "7,3. Tiếp", "2.1. ", "(a)" are not list labels
        lab = _LABEL.match(text, i, j)
        number = int(lab.group(1) or lab.group(2)) if lab else None
        out.append((i, j, number))
    return out


# ---------------------------------------------------------------- years and periods

_TIME = re.compile(r"""
      (?P<period>(?:[Gg]iai\s+đoạn|[Tt]hời\s+kỳ|[Tt]rong)\s+(?P<p1>(?:19|20)\d\d)\s*-\s*(?P<p2>(?:19|20)\d\d))
    | (?P<base>(?:so\s+với\s+(?:cùng\s+kỳ\s+)?|lần\s+)năm\s+(?P<by>(?:19|20)\d\d))   # "gấp 1,5 lần năm 2020"
    | (?P<cmp>giá\s+(?:so\s+sánh|cố\s+định|hiện\s+hành)\s+năm\s+(?:19|20)\d\d)
    | (?:[Đđ]ến|[Tt]ính\s+đến|[Tt]ính\s+tới)\s+(?:hết\s+|cuối\s+)?  # a date, a month or a quarter:
        (?:ngày\s+\d{1,2}/\d{1,2}/|\d{1,2}/\d{1,2}/                 # "đến (ngày) 31/12/2026",
          |tháng\s+\d{1,2}(?:/|\s+năm\s+)                           # "đến tháng 6/2026",
          |[Qq]uý\s+(?:[IV]{1,3}|[1-4])(?:/|\s+năm\s+))             # "đến hết quý III/2026"
        (?P<dyear>(?:19|20)\d\d)
    | [Nn]hiệm\s+kỳ\s+(?P<k1>(?:19|20)\d\d)\s*-\s*(?P<k2>(?:19|20)\d\d)(?P<kc>(?=\s*,))?
                                        # a term: a period when it opens a clause ("Nhiệm kỳ 2020-2025, ...")
    | (?:(?:[Đđ]ến|[Tt]ới|[Tt]rước)\s+(?:hết\s+)?(?:năm\s+)?
        |[Nn]ăm\s+(?:học\s+(?:19|20)\d\d\s*-\s*)?)     # "Năm học 2024 - 2025": the school year's end
      (?P<year>(?:19|20)\d\d)(?![\d/])
""", re.VERBOSE)
# Years are rare: find them first (a fast scan), then read the words just before each one.
_YEAR4 = re.compile(r"(?:19|20)\d\d")


@dataclass
class TimeMark:
    start: int
    end: int
    year: int | None = None
    period: str | None = None
    base_year: int | None = None
    term: bool = False               # "Nhiệm kỳ 2020 - 2025,": a period only for averages, totals


def time_marks(text: str) -> list[TimeMark]:
    """Years, periods and base years stated in a sentence, left to right.

    "so với năm 2020" (or "gấp 2 lần năm 2020") is a base year and "giá so sánh năm 2010" a
    price base: neither is the year a figure is due. Dates (`21/10/2010`) are ignored, and so
    are terms (`Đại hội ... nhiệm kỳ 2020-2025`) unless one opens a clause as a period does
    ("Nhiệm kỳ 2020 - 2025, thu nhập tăng bình quân 9%/năm").

    >>> [(m.year, m.period, m.base_year) for m in time_marks(
    ...     "Giai đoạn 2021 - 2030, ... Đến năm 2030, tăng 3 lần so với năm 2020 (giá so sánh năm 2010)")]
    [(2030, '2021-2030', None), (2030, None, None), (None, None, 2020)]
    >>> [(m.year, m.period) for m in time_marks("nhiệm kỳ 2020 - 2025, giá trị tăng 9%/năm")]
    [(2025, '2020-2025')]
    >>> time_marks("Đại hội Đảng bộ nhiệm kỳ 2025 - 2030 họp với 350 đại biểu")
    []
    >>> [(m.year, m.period) for m in time_marks("Năm học 2024 - 2025, toàn tỉnh có 1.786 trường")]
    [(2025, None)]
    """
    out: list[TimeMark] = []
    if "19" not in text and "20" not in text:
        return out                       # no year: `in` answers faster than _YEAR4
    last_end = 0
    for y in _YEAR4.finditer(text):
        y_start, y_end = y.span()
        if y_start < last_end:
            continue
        m = _time_over(text, max(last_end, y_start - 30), min(len(text), y_end + 8), y_start)
        if m is None:
            continue
        last_end = m.end()
        if m.group("period"):
            if _in_aside(text, m.start(), m.end()):
                continue                 # "(theo chuẩn nghèo giai đoạn 2026 - 2030)" names a standard
            out.append(TimeMark(m.start(), m.end(), int(m.group("p2")),
                                f"{m.group('p1')}-{m.group('p2')}"))
        elif m.group("k1"):              # a term opening a clause, as "Giai đoạn 2021-2025,"
            if m.group("kc") is None:
                continue                 # "Đại hội ... nhiệm kỳ 2025 - 2030 họp": a name
            out.append(TimeMark(m.start(), m.end(), int(m.group("k2")),
                                f"{m.group('k1')}-{m.group('k2')}", term=True))
        elif m.group("base"):
            out.append(TimeMark(m.start(), m.end(), base_year=int(m.group("by"))))
        elif m.group("year") or m.group("dyear"):
            out.append(TimeMark(m.start(), m.end(), int(m.group("year") or m.group("dyear"))))
    return out


# Where a match of `_TIME` can start: the first letter of each of its words, before the rest
# of that word (a filter that lets `re` skip to those letters; `_TIME` itself decides).
_TIME_START = re.compile(r"[GgTtslĐđNn](?=iai|hời|rong|o\s|ần|iá|ến|ính|hiệm|ới|rước|ăm)")


def _time_over(text: str, start: int, end: int, at: int) -> re.Match[str] | None:
    """The first match of `_TIME.finditer(text, start, end)` that covers position `at`.

    >>> t = "so với năm 2020, đến năm 2030 đạt"
    >>> _time_over(t, 0, len(t), 11).group(), _time_over(t, 12, len(t), 25).group()
    ('so với năm 2020', 'đến năm 2030')

    `_TIME` starts with no literal, so `re` tried it at every character of the window. Every
    match starts at a `_TIME_START`, which `re` skips to: the matches are taken from those
    places, each search going on after the last match as `finditer` does, until one covers
    `at` (a match starting after it cannot).
    """
    pos = start
    while (c := _TIME_START.search(text, pos, end)) is not None and (i := c.start()) <= at:
        m = _TIME.match(text, i, end)
        if m is None:
            pos = i + 1
        elif at < m.end():
            return m
        else:
            pos = m.end()
    return None


def _in_aside(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside brackets that hold no number but it.

    >>> t = "Tỷ lệ hộ nghèo (theo chuẩn giai đoạn 2026 - 2030) dưới 1%"
    >>> _in_aside(t, 27, 48), _in_aside("Giai đoạn 2026 - 2030, đạt 7%", 0, 21)
    (True, False)
    """
    if "(" not in text:
        return False
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", opened, start) >= 0:
        return False
    closed = text.find(")", end)
    return closed >= 0 and not any(c.isdigit() for c in text[end:closed]) \
        and not any(c.isdigit() for c in text[opened:start])


# ---------------------------------------------------------------- changes

# "từ 3,1% xuống còn 2,2%", "từ 45% lên 60%": the first number is where the change started.
_FROM = re.compile(r"(?:^|\s)[Tt]ừ\s*$")
_TO = re.compile(r"\s*(?:xuống(?:\s+còn)?|lên(?:\s+mức)?|còn)\s*")


def baseline(text: str, q: Quantity, nxt: Quantity) -> bool:
    """Whether `q` is the starting level of a change written "từ q xuống còn/lên nxt".

    >>> from nghiquyet.extract.numbers import find_quantities
    >>> t = "Tỷ lệ hộ nghèo giảm từ 3,1% xuống còn 2,2%"
    >>> a, b = find_quantities(t)
    >>> baseline(t, a, b)
    True
    """
    return q.unit == nxt.unit and bool(_TO.fullmatch(text, q.end, nxt.start)) \
        and bool(_FROM.search(text, max(0, q.start - 6), q.start))


# --- the time of a figure: marks before it, a year or period written after it ----------------

def ending(periods: tuple[str, ...], year: int) -> str | None:
    """The period that ends in `year`.

    >>> ending(("2020-2025", "2025-2030"), 2030), ending(("2020-2025",), 2030)
    ('2025-2030', None)
    """
    for p in periods:
        if int(p[-4:]) == year:
            return p
    return None


def when(marks: list[TimeMark], pos: int) -> tuple[int | None, str | None, int | None, bool]:
    """Year, period and base year of a figure at `pos` from the sentence's time marks, and
    whether the period is a term ("Nhiệm kỳ 2020 - 2025,")."""
    year = period = base = None
    term = False
    for m in marks:
        if m.start >= pos:
            if m.base_year and base is None and m.start - pos < 80:
                base = m.base_year
            continue
        if m.base_year:
            continue
        year, period, term = m.year, m.period, m.term
    return year, period, base, term


# "... 1.200 phòng học trong giai đoạn 2026 - 2030": a period written after the figure's words.
PERIOD_AFTER = re.compile(r"\s*,?\s*(?:trong\s+)?(?:giai\s+đoạn|thời\s+kỳ)\s+((?:19|20)\d\d)\s*[-–]\s*"
                           r"((?:19|20)\d\d)(?![\d/])")


def may_open_period(text: str, i: int, end: int) -> bool:
    """Whether `PERIOD_AFTER` can match at `i` (before `end`): only after a blank, a comma or
    the "t" of "trong"/"thời" or the "g" of "giai" (one character read, where a search for
    "đoạn" or "kỳ" read the rest of the sentence).

    >>> t = "1.200 phòng học trong giai đoạn 2026 - 2030; 85%"
    >>> may_open_period(t, 15, len(t)), may_open_period(t, 42, len(t)), may_open_period(t, 5, 5)
    (True, False, False)
    """
    if i >= end:
        return False                     # the pattern needs at least "giai đoạn 2026-2030"
    c = text[i]
    return c == " " or c in ",tg" or c.isspace()       # \s is str.isspace


# "... lên 60 triệu đồng/năm vào năm 2027", "... trước ngày 31/12/2025": a due year written just
# after the figure (or after the words that name it).
YEAR_AFTER = re.compile(r"""\s*,?\s*(?:vào|trong|đến|tới|trước)\s+(?:hết\s+|cuối\s+)?
    (?:[Nn]ăm\s+|ngày\s+\d{1,2}/\d{1,2}/|tháng\s+\d{1,2}/|[Qq]uý\s+[IV]{1,3}(?:/|\s+năm\s+))
    ((?:19|20)\d\d)(?!\d)""", re.VERBOSE)

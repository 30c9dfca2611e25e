"""Quantities in a sentence: a number (or a range, or an achieved/planned pair) with its unit.

A quantity is only what could be a figure: a number written as Vietnamese writes it, followed by a
unit from `units.yaml`. Years, dates (`21/10/2010`), document symbols (`26-NQ/TW`,
`1946/QĐ-TTg`), ordinals (`lần thứ 4`), list labels (`(12)`) and names (`500kV`, `Đề án 06`)
have no unit after them and are never quantities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import parse_number
from .units import match_unit

# One number: 17.900 | 1.234,5 | 7,3 | 53 | 2.5 (sloppy English decimal; parse_number decides).
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"

_QUANTITY = re.compile(rf"""
    (?P<a>{_NUM})
    (?:                                 # a range: "8 - 10", "2,5-3", "5 đến 7", "40% - 45%"
        \s*%?\s*(?:-|đến|tới)\s*
        (?P<b>{_NUM})
    |                                   # or achieved/planned: "45.799/36.875", "26/28"
        /(?P<c>{_NUM})
    )?
    (?![\d/.,]\d|[\d/])                 # not the first part of a date or a symbol ("21/10/2010")
""", re.VERBOSE)

# The fast scan (in C): a number, perhaps a range or a pair, followed by a letter or "%" where a
# unit could start. Each candidate is then read with `_QUANTITY` anchored at its start.
_CANDIDATE_RULE = r"\d[\d.,]*(?:\s*%?\s*(?:-|đến|tới)\s*\d[\d.,]*|/\d[\d.,]*)?\s*(?=%|[^\W\d_])"
# `_CANDIDATE_RULE` as the scan runs it, with the same matches (tests/test_numbers_scan.py), fewer
# tries: `re` tries the pattern at every digit, but one after a digit can only match when the
# try at that digit (which comes first and reads the same rest) has already, so
# `(?<!\d\d)` drops it after one character. No run of digits, dots, commas or blanks can give
# back a character and let the rest match (what follows each starts with none of them), so the
# runs are possessive (`*+`): a failing try does not step back through them.
# One thing more: its group 1 is set (`lastindex` is 1) when its first run of digits, dots and
# commas ends with a dot or a comma ("2030, tầm", "1. Mục": a third of the candidates of real
# text). No quantity comes of such a candidate: what `_QUANTITY` matches there ends inside that
# run (a number ends with a digit; no range or pair starts with a dot or a comma) just before
# a dot or a comma (before a digit its look-ahead fails), where no unit can start; so
# `find_quantities` drops it without reading it with `_QUANTITY` (tests/test_numbers_scan.py).
# The group is atomic: a try that fails later does not come back for its other branch.
_CANDIDATE = re.compile(r"\d(?<!\d\d)[\d.,]*+(?>(?<=\d)|())"
                        r"(?:\s*+%?\s*+(?:-|đến|tới)\s*+\d[\d.,]*+|/\d[\d.,]*+)?"
                        r"\s*+(?=%|[^\W\d_])")


def _ascii(pattern: str) -> str:
    r"""`pattern` with `\d` written `0-9` inside a character class and `[0-9]` outside one.

    >>> _ascii(r"\d[\d.,]*(?=[^\W\d_])")
    '[0-9][0-9.,]*(?=[^\\W0-9_])'
    """
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            pair = pattern[i:i + 2]
            out.append(("0-9" if in_class else "[0-9]") if pair == "\\d" else pair)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class and pattern[i - 1] != "[":
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


# The same for a text whose digits are all ASCII (see `text.ascii_digits_only`): `re` tests a
# character against `[0-9]` about twice as fast as against `\d`, and the scan tests every one.
_CANDIDATE_ASCII = re.compile(_ascii(_CANDIDATE.pattern))
_QUANTITY_ASCII = re.compile(_ascii(_QUANTITY.pattern), re.VERBOSE)
_GLUE = "./,-_"

# "lần thứ 4", "thứ 3", "khóa 12", "số 06" (an ordinal or a name, never a quantity).
# `_ordinal_before` applies this rule with str methods.
_ORDINAL_BEFORE = re.compile(r"(?:thứ|khóa|khoá|số|Số|loại|mạch|lần\s+thứ|Đề\s+án|đề\s+án"
                             r"|[Nn]ăm|[Tt]háng|[Nn]gày|[Qq]uý|[Đđ]iều|[Kk]hoản|[Mm]ục)\s*$")
_ORDINAL_AFTER = re.compile(r"\s*thứ\b")
# _ORDINAL_BEFORE's words as str suffixes ("lần thứ" ends with "thứ"; "Đề án" is tested apart).
_ORDINAL_WORDS = ("thứ", "khóa", "khoá", "số", "Số", "loại", "mạch", "năm", "Năm", "tháng", "Tháng",
                  "ngày", "Ngày", "quý", "Quý", "điều", "Điều", "khoản", "Khoản", "mục", "Mục")
# The same words keyed by their last character; "n" also ends "Đề án".
_ORDINAL_BY_LAST = {c: tuple(w for w in _ORDINAL_WORDS if w[-1] == c)
                    for c in {w[-1] for w in _ORDINAL_WORDS} | {"n"}}
# A range of years ("2021 - 2025") is a period, never a quantity.
_YEARISH = re.compile(r"^(?:19|20|21)\d\d$")


def _ordinal_before(text: str, i: int) -> bool:
    """Whether `_ORDINAL_BEFORE` matches the end of the 12 characters before `i`, by
    str.endswith within them (`re` would try every position of the window; a slice and
    `rstrip` would copy it).

    >>> t = "Nghị quyết số 26, thực hiện Đề  án 06, đạt 5"
    >>> _ordinal_before(t, t.index("26")), _ordinal_before(t, t.index("06")), _ordinal_before(t, len(t) - 1)
    (True, True, False)
    """
    lo = max(0, i - 12)
    k = i
    while k > lo and text[k - 1].isspace():     # the window as `str.rstrip` leaves it
        k -= 1
    # A word ends with the window's last character: half the windows end with none of theirs
    # ("đạt 5", "là 7"), and the rest try the two or three words ending with it.
    words = _ORDINAL_BY_LAST.get(text[k - 1]) if k > lo else None
    if words is None:
        return False
    if text.endswith(words, lo, k):
        return True
    if not text.endswith("án", lo, k):
        return False
    head = text[lo:k - 2]
    return head != head.rstrip() and head.rstrip().endswith(("Đề", "đề"))


@dataclass(slots=True)              # slots: built and read faster (tens per paragraph)
class Quantity:
    start: int                 # offset of the first digit
    end: int                   # offset just after the unit
    value: float
    value_max: float | None
    planned: float | None      # "45.799/36.875": the second number (plan, or the whole)
    unit: str
    family: str                # percent | multiplier | money | count | measure
    number_end: int            # offset just after the digits (before the unit)

    @property
    def text(self) -> str:     # for debugging
        return f"{self.value}-{self.value_max} {self.unit}"


def find_quantities(text: str, ascii_digits: bool = False) -> list[Quantity]:
    """Every number-with-unit in `text`, left to right.

    `ascii_digits=True` says every digit of `text` is one of ASCII 0-9 (a faster scan).

    >>> [(q.value, q.value_max, q.unit) for q in find_quantities(
    ...     "Giai đoạn 2021 - 2030, tăng trưởng đạt khoảng 8 - 10%/năm; thu 900 - 1.000 tỷ đồng/năm")]
    [(8.0, 10.0, '%/năm'), (900.0, 1000.0, 'tỷ đồng/năm')]
    >>> [(q.value, q.planned, q.unit) for q in find_quantities("Có 26/28 chỉ tiêu đạt; thu 45.799/36.875 tỷ đồng")]
    [(26.0, 28.0, 'chỉ tiêu'), (45799.0, 36875.0, 'tỷ đồng')]
    >>> find_quantities("Quyết định số 1946/QĐ-TTg ngày 21/10/2010, lần thứ 4, đường điện 500kV mạch 3, Đề án 06")
    []
    >>> [(q.value, q.unit) for q in find_quantities("GRDP tăng khoảng 2,5-3 lần; 12 bác sĩ/1 vạn dân")]
    [(2.5, 'lần'), (12.0, 'bác sĩ/vạn dân')]
    """
    out: list[Quantity] = []
    pos = 0
    candidate = _CANDIDATE_ASCII.search if ascii_digits else _CANDIDATE.search
    quantity = _QUANTITY_ASCII.match if ascii_digits else _QUANTITY.match
    n = len(text)
    while True:
        d = candidate(text, pos)
        if d is None:
            break
        i = d.start()
        pos = d.end()                    # its digits are done with, whatever the verdict
        if d.lastindex:
            continue                     # "2030, tầm", "1. Mục": no quantity (see `_CANDIDATE`)
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] in _GLUE):
            continue                     # glued to a word, a symbol or a date before it
        m = quantity(text, i)
        if m is None:
            continue
        j = number_end = m.end()         # the match starts at i
        while j < n and text[j] == " ":
            j += 1
        if j >= n or not (text[j] == "%" or text[j].isalpha()):
            continue                     # units start with a letter or "%": "26-NQ", "(28)" stop here
        if _ordinal_before(text, i):
            continue                     # "năm 2024", "lần thứ 4", "Đề án 06": no quantity
        unit = match_unit(text, number_end)
        if unit is None:
            continue
        if unit.family == "multiplier" and _ORDINAL_AFTER.match(text, unit.end):
            continue                     # "2 lần thứ ..." counts occasions, no multiple
        sa, sb, sc = m.groups()          # a, b, c: `_QUANTITY` has no other group
        a = parse_number(sa)
        b = parse_number(sb) if sb else None
        c = parse_number(sc) if sc else None
        if a is None or (sb and b is None) or (sc and c is None):
            continue
        if sb and _YEARISH.match(sa) and _YEARISH.match(sb):
            continue
        if b is not None and b < a:      # "10 - 8%" is not a range we understand
            continue
        # Positional: a dataclass call with keywords costs twice as much (~1.5 µs here).
        out.append(Quantity(i, unit.end, a, b, c, unit.unit, unit.family, number_end))
        pos = unit.end
    return out

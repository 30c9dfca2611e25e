"""Quantities in a sentence: a number (or a range, or an achieved/planned pair) with its unit.

A quantity is only what could be a figure: a number written as Vietnamese writes it, followed by a
unit from `units.yaml`. Years, dates (`21/10/2010`), document symbols (`26-NQ/TW`,
`1946/QĐ-TTg`), ordinals (`lần thứ 4`), list labels (`(12)`) and names (`500kV`, `Đề án 06`)
have no unit after them and are never quantities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import parse_number, zero_digits
from .units import match_unit

# One number: 17.900 | 1.234,5 | 7,3 | 53 | 2.5 (sloppy English decimal; parse_number decides).
# As `re` runs it: the look-ahead rules out the first branch at once for a number without a
# thousands dot (most), where trying `\d{1,3}` three ways costs more; it only states what the
# branch needs. `(?:X|)` is `X?`, tried in the same order, without the repeat `re` allocates
# for a group with `?`.
_NUM = r"(?=\d{1,3}\.\d{3})\d{1,3}(?:\.\d{3})+(?:,\d+|)|\d+(?:[.,]\d+|)"

_QUANTITY = re.compile(rf"""
    (?P<a>{_NUM})
    (?:                                 # a range: "8 - 10", "2,5-3", "5 đến 7", "40% - 45%"
        \s*[%‰]?\s*(?:-|đến|tới)\s*
        (?P<b>{_NUM})
    |                                   # or achieved/planned: "45.799/36.875", "26/28"
        /(?P<c>{_NUM})
    |                                   # or neither
    )
    (?![\d/.,]\d|[\d/])                 # not the first part of a date or a symbol ("21/10/2010")
""", re.VERBOSE)

# The fast scan (in C): a number, perhaps a range or a pair, followed by a letter or "%" where a
# unit could start. Each candidate is then read with `_QUANTITY` anchored at its start, unless
# it is glued to what stands before it (a letter, a digit, "./,-_": "500kV", "NQ-26", a date),
# which passes over the whole candidate.
_CANDIDATE_RULE = r"\d[\d.,]*(?:\s*[%‰]?\s*(?:-|đến|tới)\s*\d[\d.,]*|/\d[\d.,]*)?\s*(?=[%‰]|[^\W\d_])"
_GLUE = "./,-_"
# `_CANDIDATE_RULE` as the scan runs it: the same candidates read with `_QUANTITY`, fewer tries
# and fewer candidates (tests/test_numbers_scan.py). `re` tries the pattern at every digit, but
# one after a digit can only match when the try at that digit (which comes first and reads the
# same rest) has already, so `(?<!\d\d)` drops it after one character. No run of digits, dots,
# commas or blanks can give back a character and let the rest match (what follows each starts
# with none of them), so the runs are possessive (`*+`): a failing try does not step back.
# Two kinds of candidate give no quantity and are passed over whole: one glued to what stands
# before it, and one whose first run of digits, dots and commas ends with a dot or a comma
# ("2030, tầm", "1. Mục": what `_QUANTITY` matches there ends inside the run, before a dot or
# a comma, where no unit starts). Those are half the candidates of real text, and the scan
# does not report them: the digits of the rest of the run are glued to a digit, a dot or a
# comma and end the same run, and blanks follow, so no candidate starts before the end of
# the one not reported, where the scan goes on as `find_quantities` would. Only when a range
# or a pair follows the run ("1. - 5 tỷ đồng") is the candidate reported, with a group set
# (`lastindex`): passing over it whole skips the number after the dash. The groups are
# atomic: a try that fails later does not come back for another branch.
_RANGE_OR_PAIR = r"(?:\s*+[%‰]?\s*+(?:-|đến|tới)\s*+\d[\d.,]*+|/\d[\d.,]*+)"
_CANDIDATE = re.compile(rf"""
    \d(?<!\d\d)
    (?>
        (?<![\w./,\-]\d)                # not glued (\w: a letter, a digit or "_")
        [\d.,]*+
        (?>(?<=\d)|(?={_RANGE_OR_PAIR})())  # ends with a digit, or is passed over whole
      |
        [\d.,]*+(?={_RANGE_OR_PAIR})()  # glued: passed over whole
    )
    (?:{_RANGE_OR_PAIR}|)
    \s*+(?=[%‰]|[^\W\d_])
""", re.VERBOSE)


def _ascii(pattern: str, digit: str = "[0-9]", in_class: str = "0-9") -> str:
    r"""`pattern` with `\d` written `in_class` inside a character class and `digit` outside one.

    >>> _ascii(r"\d[\d.,]*(?=[^\W\d_])")
    '[0-9][0-9.,]*(?=[^\\W0-9_])'
    >>> _ascii(r"\d(?<!\d\d)[\d.,]*", "0", "0")
    '0(?<!00)[0.,]*'
    """
    out, inside, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            pair = pattern[i:i + 2]
            out.append((in_class if inside else digit) if pair == "\\d" else pair)
            i += 2
            continue
        if c == "[" and not inside:
            inside = True
        elif c == "]" and inside and pattern[i - 1] != "[":
            inside = False
        out.append(c)
        i += 1
    return "".join(out)


# The same for a text whose digits are all ASCII (see `text.ascii_digits_only`): `re` tests a
# character against `[0-9]` about twice as fast as against `\d`, and the scan tests every one.
_QUANTITY_ASCII = re.compile(_ascii(_QUANTITY.pattern), re.VERBOSE)
_CANDIDATE_ASCII = re.compile(_ascii(_CANDIDATE.pattern), re.VERBOSE)
# And the scan of such a text with every digit written "0" (`text.zero_digits`): it matches
# where `_CANDIDATE_ASCII` matches in the text itself (it only asks whether a character is a
# digit, and there every digit is a "0"), and a pattern that starts with a literal is searched
# for by a tight loop in C, where `[0-9]` first costs a class test at every character (the
# scan tests every character of every paragraph with a digit: ~15% of `find_quantities`).
_CANDIDATE_ZERO = re.compile(_ascii(_CANDIDATE.pattern, "0", "0"), re.VERBOSE)
# Shorter paragraphs are scanned as they are: there the nine `str.replace` calls of
# `zero_digits` cost more than they save (callgrind on the seeds and the corpus: 60 and 150
# cost 1% more than 100 on the corpus, the same on the seeds).
_ZERO_FROM = 100

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
    str.endswith on them (`re` would try every position of the window).

    >>> t = "Nghị quyết số 26, thực hiện Đề  án 06, đạt 5"
    >>> _ordinal_before(t, t.index("26")), _ordinal_before(t, t.index("06")), _ordinal_before(t, len(t) - 1)
    (True, True, False)
    """
    head = text[i - 12 if i > 12 else 0:i].rstrip()
    # A word ends with the window's last character: half the windows end with none of theirs
    # ("đạt 5", "là 7"), and the rest try the two or three words ending with it.
    words = _ORDINAL_BY_LAST.get(head[-1:])
    if words is None:
        return False
    if head.endswith(words):
        return True
    if not head.endswith("án"):
        return False
    head = head[:-2]
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
    if not ascii_digits:
        scanned, candidate, quantity = text, _CANDIDATE.search, _QUANTITY.match
    elif len(text) < _ZERO_FROM:
        scanned, candidate, quantity = text, _CANDIDATE_ASCII.search, _QUANTITY_ASCII.match
    else:                                # the same offsets (see `_CANDIDATE_ZERO`)
        scanned, candidate, quantity = zero_digits(text), _CANDIDATE_ZERO.search, _QUANTITY_ASCII.match
    n = len(text)
    while True:
        d = candidate(scanned, pos)
        if d is None:
            break
        pos = d.end()                    # its digits are done with, whatever the verdict
        if d.lastindex:
            continue                     # "1. - 5 tỷ", "NQ-5 - 7 lần": passed over (see `_CANDIDATE`)
        i = d.start()
        m = quantity(text, i)
        if m is None:
            continue
        j = number_end = m.end()         # the match starts at i
        while j < n and text[j] == " ":
            j += 1
        if j >= n or not (text[j] in "%‰" or text[j].isalpha()):
            continue                     # units start with a letter, "%" or "‰": "26-NQ", "(28)" stop here
        if _ordinal_before(text, i):
            continue                     # "năm 2024", "lần thứ 4", "Đề án 06": no quantity
        unit = match_unit(text, number_end)
        if unit is None:
            continue
        spelled, family, end = unit
        if family == "multiplier" and _ORDINAL_AFTER.match(text, end):
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
        out.append(Quantity(i, end, a, b, c, spelled, family, number_end))
        pos = end
    return out

"""Heading labels: which lines open a numbered section (`II.`, `Điều 2.`, `2.1.`, `a)`), with
the label's style and usual depth, and the year a heading states. Split from `outline`, which
nests the sections by order of appearance.
"""
from __future__ import annotations

import re
from functools import cache

# Heading labels, most specific first: (style, static level, pattern capturing label and rest).
_HEADINGS: list[tuple[str, int, re.Pattern[str]]] = [
    # "Phần thứ nhất", "PHẦN I", "Chương II", "CHƯƠNG 2", "Mục 1"
    ("part", 0, re.compile(r"""^((?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+
                               (?:thứ\s+\w+|THỨ\s+\w+|[IVXLC]+|\d+))(?!\w)\s*[.:\-]?\s*(.*)$""",
                           re.VERBOSE)),
    # "I. MỤC TIÊU", "II- NHIỆM VỤ", "III/ ..."
    ("roman", 1, re.compile(r"^([IVXLC]{1,6})\s*[.\-/:)]\s*(\S.*)$")),
    # "Điều 1. ..." in decisions and People's Council resolutions
    ("article", 2, re.compile(r"^(Điều\s+\d+)\s*[.:]\s*(.*)$")),
    # "A. PHẦN MỞ ĐẦU" (an upper-case letter before an upper-case heading)
    ("upper", 1, re.compile(r"^([A-H])\s*[.)]\s+([^a-zà-ỹđ]+)$")),
    # "2.1.3. ...", "2.1. ...", "2.1 ..." (a label opens with an ASCII digit: `_match_heading`
    # refuses any other first character, "٣" too, though `\d` would take it)
    ("num3", 4, re.compile(r"^([0-9]\d?\.\d{1,2}\.\d{1,2})\.?\s+(\S.*)$")),
    ("num2", 3, re.compile(r"^([0-9]\d?\.\d{1,2})\.?\s+(\S.*)$")),
    # "1. ...", "1) ...", "1/ ..."
    ("num", 2, re.compile(r"^([0-9]\d?)\s*[.)/]\s+(\S.*)$")),
    # "a) ...", "b. ..." (lower-case letter items)
    ("letter", 5, re.compile(r"^([a-zđ])\s*[).]\s+(\S.*)$")),
]
# `\b(19[5-9]\d|20\d\d|21\d\d)\b`, written to start with the class [12] so that `re` skips to
# the digits instead of trying the pattern at every character: after the first digit, the
# look-behinds say which one it was and that no word character stood before it.
_YEAR = re.compile(r"([12](?<!\w[12])(?:(?<=1)9[5-9]\d|(?<=2)[01]\d\d))\b")
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def heading_year(heading: str) -> int | None:
    """The horizon a heading states: the last year after `năm`, `đến`, or in a period.

    >>> heading_year("Một số chỉ tiêu cụ thể đến năm 2030")
    2030
    >>> heading_year("MỤC TIÊU, CHỈ TIÊU NĂM 2025")
    2025
    >>> heading_year("Giai đoạn 2021-2025")
    2025
    >>> heading_year("Tầm nhìn đến 2050")
    2050
    >>> heading_year("Mục tiêu chung") is None
    True
    """
    if "19" not in heading and "20" not in heading and "21" not in heading:
        return None                   # every year _YEAR matches starts so; `in` is much faster
    years = [int(y) for y in _YEAR.findall(heading)]
    return max(years) if years else None


_HEADING_FIRST = frozenset("0123456789IVXLCPCMĐABCDEFGHpcmđ")
# A label's second character, when it is a letter: "PHẦN"/"Phần", "CHƯƠNG"/"Chương", "MỤC"/"Mục",
# "Điều", or a Roman numeral going on ("II", "XV"). Every other label has a blank, a digit or a
# mark there ("A.", "a)", "2.1").
_HEADING_SECOND = frozenset("HhỤụiIVXLC")


def _match_heading(line: str) -> tuple[str, int, str, str] | None:
    """(style, level, label, rest) of a heading line, else None.

    >>> _match_heading("Đẩy mạnh cải cách") is None, _match_heading("Chương II. Nhiệm vụ")[:3]
    (True, ('part', 0, 'Chương II'))
    """
    first = line[:1]
    if first not in _HEADING_FIRST and not (first.isalpha() and line[1:2] in (")", ".", " ")):
        return None                   # cheap reject: most lines open with a word
    second = line[1:2]
    if second.isalpha() and second not in _HEADING_SECOND:
        return None                   # a capitalised word ("Các", "Đẩy mạnh"): no label
    styles = _headings_from(first)
    if first in _DIGITS:
        # "2.1.3." needs two dots within its first six characters, "2.1" one as its second or
        # third: a plain "1. ..." goes straight to the `num` pattern.
        styles = styles[(line.count(".", 0, 6) < 2) + (line[1:3].count(".") == 0):]
    return first_match(styles, line)


def first_match(styles, line: str):
    """(style, level, label, rest) of the first of `styles` whose pattern matches `line`.

    >>> first_match(_HEADINGS, "IV. KẾT QUẢ")[:3], first_match(_HEADINGS, "Mọi người")
    (('roman', 1, 'IV'), None)
    """
    for style, level, pattern in styles:
        m = pattern.match(line)
        if m:
            label, rest = m.group(1), m.group(2).strip()
            if style in ("roman", "part") and not _roman_ok(label):
                continue
            return style, level, label, rest
    return None


_DIGITS = frozenset("0123456789")

# The characters each label style can open with; styles a line's first character rules out
# are not tried (most lines open with a capital that only one or two styles could take).
_STYLE_FIRST = {
    "part": "PCM", "roman": "IVXLC", "article": "Đ", "upper": "ABCDEFGH",
    "num3": "0123456789", "num2": "0123456789", "num": "0123456789",
    "letter": "abcdefghijklmnopqrstuvwxyzđ",
}


@cache
def _headings_from(first: str) -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    """The heading patterns, in order, whose label can start with `first`.

    >>> [style for style, _, _ in _headings_from("C")], _headings_from("T")
    (['part', 'roman', 'upper'], ())
    """
    return tuple(h for h in _HEADINGS if first in _STYLE_FIRST[h[0]])


def classify_line(line: str) -> tuple[int, str, str] | None:
    """(level, label, heading) when a line opens a numbered section, else None.

    The level is the label style's usual depth; `parse` nests by order of appearance.

    >>> classify_line("II. MỤC TIÊU, TẦM NHÌN")
    (1, 'II', 'MỤC TIÊU, TẦM NHÌN')
    >>> classify_line("2.1. Đối với cấp tỉnh: Tổ chức hội nghị")
    (3, '2.1', 'Đối với cấp tỉnh: Tổ chức hội nghị')
    >>> classify_line("a) Về kinh tế")
    (5, 'a', 'Về kinh tế')
    >>> classify_line("Điều 2. Tổ chức thực hiện")
    (2, 'Điều 2', 'Tổ chức thực hiện')
    >>> classify_line("- Tỷ lệ hộ nghèo giảm còn 3%") is None
    True
    >>> classify_line("2030 là năm cuối") is None
    True
    >>> classify_line("Phần Công việc còn lại") is None
    True
    """
    found = _match_heading(line)
    return None if found is None else found[1:]


def _roman_ok(label: str) -> bool:
    """A Roman numeral, or a part label whose number is Arabic or spelled out."""
    last = label.split()[-1]
    if not last.isalpha() or not last.isupper():
        return True
    return bool(_ROMAN.fullmatch(last))

"""Which quantities of a paragraph can be figures: every number with a unit (`numbers`) but a
denominator ("trên 1 ha"), an age naming a group ("trẻ em dưới 5 tuổi") or the size of a group
ranked in ("nhóm 200 trường"); plus rankings ("nằm trong nhóm 20 tỉnh", "xếp thứ 8/63") and
counts of years ("số năm sống khỏe đạt 68 năm"), which have no unit of their own. Split from
`figures`.
"""
from __future__ import annotations

import re

from ..text import parse_number
from .figures_parts import age_group
from .numbers import Quantity, find_quantities

# "nằm trong nhóm 20 tỉnh", "top 10 địa phương", "xếp thứ 15 cả nước": rankings.
_RANK = re.compile(r"""                      # matched on lower-cased text
    (?:nhóm|top|tốp)\s+(?:(?:đầu|dẫn\s+đầu)\s+)?(?P<n>\d{1,3})\s+
        (?=(?:tỉnh|địa\s+phương|huyện|đơn\s+vị|thành\s+phố|quốc\s+gia|nước|xã|cả\s+nước|toàn\s+quốc)\b)
  | (?:xếp|đứng|xếp\s+hạng|xếp\s+vị\s+trí|vị\s+trí)\s+thứ\s+(?P<m>\d{1,3})(?:/(?P<of>\d{1,3}))?(?!\d)
""", re.VERBOSE)
_RANK_OPENERS = ("nhóm", "top", "tốp", "xếp", "đứng", "vị")
_GROUP_WORDS = ("nhóm ", "top ", "tốp ")
# "trên 1 ha", "mỗi 1 km": a denominator, not a figure.
_PER_ONE = re.compile(r"(?:trên|mỗi|/|cho)\s*$", re.IGNORECASE)


def quantities(text: str, lowered: str, ascii_digits: bool = False) -> list[Quantity]:
    """The quantities of a paragraph and its rankings; `lowered` is `ft.low(text)`.

    `ascii_digits` says every digit of the text is ASCII (see `find_quantities`).
    """
    qs = [q for q in find_quantities(text, ascii_digits)
          if not (q.value == 1 and q.value_max is None and q.family in ("measure", "count")
                  and _PER_ONE.search(text, max(0, q.start - 8), q.start))
          and not (q.unit == "tuổi" and age_group(text, q))     # the unit first: no call
          # "nằm trong nhóm 200 trường hàng đầu châu Á": the size of a group named, no figure
          and not (q.family == "count" and lowered.endswith(_GROUP_WORDS, max(0, q.start - 6), q.start))]
    if "ố" in lowered and "số năm" in lowered:        # one character first: `in` finds it fast
        qs.extend(_years_counted(text, lowered))
        qs.sort(key=lambda q: q.start)
    # Each rank word has a letter that is rare in other words: test that one first (fast).
    # "thứ" ranks only after "xếp", "đứng" or "vị trí" (the second half of _RANK).
    if not (("ó" in lowered and "nhóm" in lowered)
            or ("p" in lowered and ("top" in lowered or ("ố" in lowered and "tốp" in lowered)))
            or ("ứ" in lowered and " thứ " in lowered
                and ("xếp" in lowered or "đứng" in lowered or "trí" in lowered))):
        return qs
    for m in _ranks(lowered):
        g = "n" if m.group("n") else "m"
        end = m.end("of") if m.group("of") else m.end(g)     # "xếp thứ 8/63 tỉnh"
        qs.append(Quantity(start=m.start(g), end=end, value=float(m.group(g)), value_max=None,
                           planned=float(m.group("of")) if m.group("of") else None,
                           unit="thứ hạng", family="rank", number_end=end))
    return sorted(qs, key=lambda q: q.start)


def _ranks(lowered: str) -> list[re.Match[str]]:
    """What `_RANK.finditer(lowered)` gives, tried only where an opening word stands.

    Every branch of `_RANK` starts with one of `_RANK_OPENERS` and it has no look-behind, so a
    match starts only where one of them does; `finditer` tries every position (hundreds of
    characters of a paragraph) and goes on after each match's end, as this loop does.

    >>> [m.group() for m in _ranks("xếp thứ 8/63 tỉnh, nằm trong nhóm 20 tỉnh, nhóm giải pháp")]
    ['xếp thứ 8/63', 'nhóm 20 ']
    """
    starts = set()
    for word in _RANK_OPENERS:
        i = lowered.find(word)
        while i >= 0:
            starts.add(i)
            i = lowered.find(word, i + 1)
    out = []
    end = 0
    for i in sorted(starts):
        if i >= end:
            m = _RANK.match(lowered, i)
            if m:
                out.append(m)
                end = m.end()
    return out


# "số năm sống khỏe đạt tối thiểu 68 năm": a count of years, which "năm" after a number
# otherwise never is ("sau 3 năm thực hiện", "kế hoạch 5 năm").
_YEARS_COUNTED = re.compile(r"số\s+năm\s[^\d;.]{0,50}?\s(\d{1,3}(?:,\d)?)\s+năm\b")


def _years_counted(text: str, lowered: str) -> list[Quantity]:
    """Quantities in years of an indicator named "số năm ..." (matched on lower-cased text).

    >>> t = "Tuổi thọ đạt 75,5 tuổi, trong đó số năm sống khỏe đạt tối thiểu 68 năm"
    >>> [(q.value, q.unit, t[q.start:q.end]) for q in _years_counted(t, t.lower())]
    [(68.0, 'năm', '68 năm')]
    """
    out = []
    for m in _YEARS_COUNTED.finditer(lowered):
        i, j = m.span(1)
        value = parse_number(text[i:j])
        if value is not None:
            out.append(Quantity(start=i, end=m.end(), value=value, value_max=None, planned=None,
                                unit="năm", family="measure", number_end=j))
    return out

"""The number scan as `find_quantities` runs it finds what its plain rule finds.

`numbers._CANDIDATE` is `_CANDIDATE_RULE` written to try fewer places (no try after a digit,
possessive runs) and to report fewer candidates (none glued to what stands before it, none
ending with a dot or a comma, unless a range or a pair follows); `_QUANTITY` is the number rule
below with a look-ahead that rules out its first branch early; the `_ASCII` patterns are the
same with `[0-9]` for `\\d`, and `_CANDIDATE_ZERO` is searched in the text with every digit
written "0". Random texts built from numbers, dates, ranges, units and blanks go through
`find_quantities` with the fast patterns and with the plain rule; the quantities must be the
same.
"""
from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import numbers
from nghiquyet.extract.numbers import find_quantities

# Digits, the marks that join them (dates, ranges, pairs, decimals), blanks and units: a few
# pieces each, so that most texts put numbers side by side in the ways a scan can go wrong.
_PIECES = ["1", "5", "12", "2030", "7,3", "17.900", "2.5", "1.", "5,", "/", "-", " - ", " ", "  ",
           "\t", "%", " đến ", "tới", "x", "_", " tỷ đồng", " người", " lần", "năm ", "số ", ".", ",",
           "(", "٢", "５", "‰"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join) | st.text(max_size=8)
# And every number written as the scan reads it: what stands before, a number, perhaps a range
# or a pair, what follows (6,720 texts, each tried).
_BEFORE = ["", " ", "x", "/", ".", ",", "-", "năm "]
_FIRST = ["5", "2030", "7,3", "17.900", "1."]
_JOIN = ["", " - ", "-", " đến ", "/", "% - ", "."]
_SECOND = ["", "7", "2.031", "10/2010"]
_AFTER = [" tỷ đồng", "%", "‰", " lần thứ", ". ", " x", ""]


# The number rule as first written (`numbers._NUM` without its look-ahead).
_NUM_RULE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_QUANTITY_RULE = re.compile(rf"""(?P<a>{_NUM_RULE})
    (?:\s*%?\s*(?:-|đến|tới)\s*(?P<b>{_NUM_RULE})|/(?P<c>{_NUM_RULE}))?
    (?![\d/.,]\d|[\d/])""", re.VERBOSE)


class _PlainScan:
    """The candidate rule as first written, tried at every position; a candidate glued to what
    stands before it (a letter, a digit or one of `_GLUE`) is passed over whole."""

    def __init__(self) -> None:
        self.rule = re.compile(numbers._CANDIDATE_RULE)

    def search(self, text: str, pos: int):
        while (d := self.rule.search(text, pos)) is not None:
            i = d.start()
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in numbers._GLUE):
                return d
            pos = d.end()
        return None


def _found(text: str, ascii_digits: bool, zero_from: int = numbers._ZERO_FROM) -> list[tuple]:
    saved = numbers._ZERO_FROM
    numbers._ZERO_FROM = zero_from
    try:
        return [(q.start, q.end, q.value, q.value_max, q.planned, q.unit, q.family, q.number_end)
                for q in find_quantities(text, ascii_digits)]
    finally:
        numbers._ZERO_FROM = saved


def _fast(text: str) -> list[tuple]:
    """The quantities by each fast path that may read `text`: they must agree."""
    found = _found(text, False)
    if all(c in "0123456789" or not c.isdecimal() for c in text):
        assert _found(text, True, 0) == _found(text, True, 10**9) == found, text
    return found


def _with_plain_patterns(text: str) -> list[tuple]:
    """`find_quantities` with the candidate and quantity patterns as first written."""
    names = ("_CANDIDATE", "_CANDIDATE_ASCII", "_CANDIDATE_ZERO", "_QUANTITY", "_QUANTITY_ASCII",
             "zero_digits")
    saved = [getattr(numbers, name) for name in names]
    plain = _PlainScan()
    numbers._CANDIDATE = numbers._CANDIDATE_ASCII = numbers._CANDIDATE_ZERO = plain
    numbers._QUANTITY = numbers._QUANTITY_ASCII = _QUANTITY_RULE
    numbers.zero_digits = str
    try:
        return _found(text, False)
    finally:
        for name, value in zip(names, saved):
            setattr(numbers, name, value)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_fast_scan_finds_what_the_rule_finds(text: str) -> None:
    assert _fast(text) == _with_plain_patterns(text)


def test_every_number_shape_is_read_as_the_rule_reads_it() -> None:
    texts = ["".join(parts) for parts in itertools.product(_BEFORE, _FIRST, _JOIN, _SECOND, _AFTER)]
    for text in texts:
        assert _fast(text) == _with_plain_patterns(text), text


def test_the_scan_skips_no_number_the_rule_reads() -> None:
    assert _found("a/5 - 7 tỷ đồng", True) == []      # glued to "a/": the range is skipped whole
    text = "ngày 21/10/2010 đạt 17.900 tỷ đồng, 12 - 15% và 2,5-3 lần; mục 1. Tỷ lệ 45.799/36.875 tỷ đồng"
    assert _fast(text) == _with_plain_patterns(text)
    assert [q[2:4] for q in _found(text, True)] == [(17900.0, None), (12.0, 15.0), (2.5, 3.0),
                                                      (45799.0, None)]

"""The number scan as `find_quantities` runs it finds what its plain rule finds.

`numbers._CANDIDATE` is `_CANDIDATE_RULE` written to try fewer places (no try after a digit,
possessive runs), and the `_ASCII` patterns are the same with `[0-9]` for `\\d`. Random texts
built from numbers, dates, ranges, units and blanks go through `find_quantities` with the fast
patterns and with the plain ones; the quantities must be the same.
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
           "(", "٢", "５"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join) | st.text(max_size=8)
# And every number written as the scan reads it: what stands before, a number, perhaps a range
# or a pair, what follows (6,720 texts, each tried).
_BEFORE = ["", " ", "x", "/", ".", ",", "-", "năm "]
_FIRST = ["5", "2030", "7,3", "17.900", "1."]
_JOIN = ["", " - ", "-", " đến ", "/", "% - ", "."]
_SECOND = ["", "7", "2.031", "10/2010"]
_AFTER = [" tỷ đồng", "%", " lần thứ", ". ", " x", ""]


def _found(text: str, ascii_digits: bool) -> list[tuple]:
    return [(q.start, q.end, q.value, q.value_max, q.planned, q.unit, q.family, q.number_end)
            for q in find_quantities(text, ascii_digits)]


def _with_plain_patterns(text: str, ascii_digits: bool) -> list[tuple]:
    """`find_quantities` with the candidate and quantity patterns as first written."""
    saved = numbers._CANDIDATE, numbers._CANDIDATE_ASCII, numbers._QUANTITY_ASCII
    plain = re.compile(numbers._CANDIDATE_RULE)
    numbers._CANDIDATE = numbers._CANDIDATE_ASCII = plain
    numbers._QUANTITY_ASCII = numbers._QUANTITY
    try:
        return _found(text, ascii_digits)
    finally:
        numbers._CANDIDATE, numbers._CANDIDATE_ASCII, numbers._QUANTITY_ASCII = saved


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_fast_scan_finds_what_the_rule_finds(text: str) -> None:
    assert _found(text, False) == _with_plain_patterns(text, False)


@settings(max_examples=200, deadline=None)
@given(_TEXTS.filter(lambda t: all(c in "0123456789" or not c.isdecimal() for c in t)))
def test_ascii_scan_finds_what_the_rule_finds(text: str) -> None:
    assert _found(text, True) == _with_plain_patterns(text, True)


def test_every_number_shape_is_read_as_the_rule_reads_it() -> None:
    texts = ["".join(parts) for parts in itertools.product(_BEFORE, _FIRST, _JOIN, _SECOND, _AFTER)]
    for text in texts:
        assert _found(text, True) == _found(text, False) == _with_plain_patterns(text, False), text


def test_the_scan_skips_no_number_the_rule_reads() -> None:
    assert _found("a/5 - 7 tỷ đồng", True) == []      # glued to "a/": the range is skipped whole
    text = "ngày 21/10/2010 đạt 17.900 tỷ đồng, 12 - 15% và 2,5-3 lần; mục 1. Tỷ lệ 45.799/36.875 tỷ đồng"
    assert _found(text, True) == _with_plain_patterns(text, True) == _found(text, False)
    assert [q[2:4] for q in _found(text, True)] == [(17900.0, None), (12.0, 15.0), (2.5, 3.0),
                                                      (45799.0, None)]

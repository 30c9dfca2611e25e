"""`dates._DATE` opens with a lookahead on its first character, so `re` rules out at once the
positions where no date can start. These properties pin it to the same pattern without the
lookahead: the same matches, at the same places, from the same groups, on any text (other
cases, other digits, the characters that lower-case to two)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.dates import _DATE, find_dates

_GUARD = r"(?= [\dnqt] )"
# the pattern as it was before the lookahead: the oracle
_PLAIN = re.compile(_DATE.pattern.replace(_GUARD, "", 1), _DATE.flags)

PIECES = st.sampled_from(
    list(" /.-,:\t\u00a0NnTtQqİı١٢") + [
        "ngày ", "Ngày ", "NGÀY ", "tháng ", "Tháng ", "THÁNG ", "quý ", "Quý ", "QUÝ ", "năm ",
        "Năm ", "NĂM ", "6 tháng đầu năm ", "06 tháng cuối năm ", "I", "IV", "II, ", "và ",
        "23", "3", "12", "06", "2021", "2025", "1999", "21", "trước ", "đạt ", "30/6/2025",
        "23 tháng 12 năm 2021", "Quý I năm 2022", "tháng 7-8/2026", "\u0662\u0660\u0662\u0665"])
TEXT = st.lists(PIECES, max_size=25).map("".join)


def _matches(pattern, text, lo=0):
    return [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(text, lo)]


def test_the_oracle_is_the_pattern_without_its_lookahead():
    assert _GUARD in _DATE.pattern and _PLAIN.pattern != _DATE.pattern


@settings(max_examples=1500, deadline=None)
@given(TEXT, st.integers(0, 12))
def test_the_lookahead_changes_no_match(text, lo):
    assert _matches(_DATE, text, lo) == _matches(_PLAIN, text, lo)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_find_dates_reads_what_the_plain_pattern_reads(text):
    # find_dates reads each year's window (the text cut after the year): so does the oracle
    for d in find_dates(text):
        m = _PLAIN.match(text, d.start, d.end)
        assert m is not None and m.end() == d.end and m.group(0) == d.text

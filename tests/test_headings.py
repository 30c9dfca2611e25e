"""`headings._match_heading` skips the label patterns a line's first characters rule out;
this property pins it to trying every pattern in order, on lines made of label pieces."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.headings import _HEADINGS, _match_heading, first_match

LINES = st.lists(st.sampled_from(
    list("0123456789.)/-: aAĐđIVXCPMbh٣") + ["Phần ", "PHẦN ", "Chương ", "Điều ", "Mục ", "thứ ",
                                           "II", "MỤC TIÊU", "Nhiệm vụ", "1.", "2.1", "10.", "  "]),
    min_size=1, max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(LINES)
def test_heading_match_is_the_first_pattern_that_matches(line):
    assert _match_heading(line) == first_match(_HEADINGS, line)    # every pattern, in order


def test_numbered_labels():
    assert _match_heading("2.1.3. Tổ chức")[:3] == ("num3", 4, "2.1.3")
    assert _match_heading("2.1 Tổ chức")[:3] == ("num2", 3, "2.1")
    assert _match_heading("12. Tổ chức 1.2.3")[:3] == ("num", 2, "12")

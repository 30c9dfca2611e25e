"""`issuer.issuing_body` finds what its pattern found when the look-behind opened it.

The speed work moved the pattern's opening `(?:^|(?<=[,.;:])\\s*|(?<=\\s))` out of the regex
into a test on each match; this property pins the new search to the old one on any text."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.issuer import _ISSUING, _TOPIC, issuing_body
from nghiquyet.text import squash

# The pattern as it was: the same name and verb, preceded by the look-behind.
_OLD = re.compile(r"(?:^|(?<=[,.;:])\s*|(?<=\s))" + _ISSUING.pattern, re.VERBOSE)

PIECES = st.lists(st.sampled_from(
    ["Ban Thường vụ", "Tỉnh ủy", "Ban Tuyên giáo", "Ủy ban Kiểm tra", "UBND", "Sở", "xBan", "Ban",
     " ", "  ", "\n", "\t", ",", ", ", ".", ";", ":", "(", "về ", "của ", "tỉnh ", "Hà Tĩnh ",
     "ban hành", " ban hành ", " xây dựng", "thống nhất ", "Kế hoạch", "a", "Đ", "\u00a0"]),
    max_size=14).map("".join)


def issuing_body_before(text: str) -> str | None:
    for m in _OLD.finditer(text):
        who = squash(m["who"])
        if not _TOPIC.search(who):
            return who
    return None


@settings(max_examples=1500, deadline=None)
@given(PIECES)
def test_issuing_body_finds_what_the_look_behind_pattern_found(text):
    assert issuing_body(text) == issuing_body_before(text)


def test_a_name_inside_a_word_is_not_the_issuer():
    assert issuing_body("xBan Thường vụ ban hành") is None
    assert issuing_body("Thực hiện,Ban Thường vụ Tỉnh ủy ban hành") == "Ban Thường vụ Tỉnh ủy"

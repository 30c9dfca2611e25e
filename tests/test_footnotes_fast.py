"""The footnote calls found with `str.find` are the ones `_CALL` finds, blanked the same way.

`footnotes._calls` replaces a regex that tried its class of marks at every character; random
texts built from marks, blanks, units ("km²") and words go through both.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import footnotes as fn
from nghiquyet.extract.outline import parse

_PIECES = list(fn.MARKS) + ["¹⁰", "²³", " ", "  ", "\n", "\u00a0", "\u2003", "km", "m", "m²", "%",
                            "7,3", "đồng", "NQ/TW", "-", "(", ")", ".", "Tỷ lệ", "a", "Đ", "t"]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_calls_are_the_regex_matches(text: str) -> None:
    assert fn._calls(text, fn.MARKS) == [m.span() for m in fn._CALL.finditer(text)]
    assert fn.blank_calls(text) == fn._CALL.sub(fn._blank, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "1. ", "2.1. ", "a) ", "II. ", "- "]), _TEXTS).map(
    lambda pair: (pair[0] + pair[1]).replace("\n", " ")), min_size=1, max_size=6))
def test_layout_paragraphs_read_the_blanked_text(lines: list[str]) -> None:
    text = "\n".join(["I. MỤC TIÊU"] + lines)
    layout = parse(text)
    plain = fn._CALL.sub(fn._blank, text)
    assert layout.plain_text == plain
    for p in layout.paragraphs:
        assert p.text == plain[p.span[0]:p.span[1]]
    # The headings: blanked as a whole regex over each would blank them.
    keep = fn.blank_layout                   # `parse` calls it through the module
    try:
        fn.blank_layout = lambda layout: None
        raw = parse(text)
    finally:
        fn.blank_layout = keep
    assert [s.heading for s in layout.sections] == [fn._CALL.sub(fn._blank, s.heading)
                                                     for s in raw.sections]

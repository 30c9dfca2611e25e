"""The line-by-line cleaning of emphasis marks gives what the whole-text rules gave.

`clean._clean_chars` removes `**`/`__` and `*emphasis*` only in the lines holding a star or an
underscore, with an emphasis pattern that looks behind its opening star; the reference here is
the plain version: the whole text until no double mark is left, the look-behind first.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.read import clean

# The emphasis pattern as first written: the look-behind before the star.
_PLAIN_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")

_PIECES = ["*", "**", "_", "__", " ", "  ", "\n", "\t", "\r\n", "- ", "* ", "a", "Đ", "ế", "1", ":",
           "*Cơ cấu*", "**T/M**", "_x_", "*__*", "_**_", "[bookmark: _Hlk1]", "\u00a0"]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=2), max_size=24).map("".join)


def _plain_clean_chars(text: str) -> list[str]:
    if "[bookmark:" in text:
        text = clean._BOOKMARK.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ").replace("\f", " ").replace("\v", " ")
    while "**" in text or "__" in text:
        text = "".join("".join(text.split("**")).split("__"))
    lines = []
    for line in text.split("\n"):
        while "  " in line:
            line = line.replace("  ", " ")
        lines.append(_PLAIN_EMPHASIS.sub(r"\1", line).strip())
    return lines


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_emphasis_pattern_matches_as_written(text: str) -> None:
    assert [m.span() for m in clean._EMPHASIS.finditer(text)] == \
        [m.span() for m in _PLAIN_EMPHASIS.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_clean_chars_cleans_as_the_whole_text_rules(text: str) -> None:
    assert clean._clean_chars(text) == _plain_clean_chars(text)

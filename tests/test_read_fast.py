"""The byte-level shortcuts of the readers answer what the checks on decoded text answer.

`txt._no_control_bytes` looks at UTF-8 bytes instead of the decoded text for the control
characters that mark a binary file; random texts over controls, blanks, Latin-1 and Vietnamese
letters go through both.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.read import txt

_CHARS = st.sampled_from(["\x00", "\x01", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x0e", "\x1f",
                          "\x7f", "\x80", "\x85", "\x9f", "\xa0", "°", "§", "¹", "ÿ", "Ā", "ạ", "ế",
                          "đ", "a", " ", "\u2028", "🙂"])
_TEXTS = st.lists(_CHARS | st.text(max_size=2), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_control_bytes_are_the_control_characters(text: str) -> None:
    assert txt._no_control_bytes(text.encode()) == (txt._CONTROLS.search(text) is None)

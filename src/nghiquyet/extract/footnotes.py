"""Footnotes: their bodies ("¹ Theo chuẩn nghèo đa chiều.", "¹⁰ ..."), where they are called
("7,3%⁹"), and the text with the calls blanked so the rules read "7,3%" and "26-NQ/TW" whole.

Split from `outline`, which calls `note` for each footnote line and then `attach` and
`blank_layout` on the parsed layout.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Footnote, Span
from ..text import may_hold

if TYPE_CHECKING:                     # outline imports this module
    from .outline import Layout

MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPERSCRIPT = str.maketrans(MARKS, "1234567890")
_HIGH_MARKS = "⁴⁵⁶⁷⁸⁹⁰"                # the marks outside Latin-1 (U+2070-U+2079)
_TO_SUPERSCRIPT = str.maketrans("1234567890", MARKS)


def note(line: str, span: Span) -> Footnote:
    """A footnote from its line (which starts with its mark) and the line's span.

    >>> note("¹⁰ Trong đó thu nội địa.", (100, 124))
    Footnote(mark='10', text='Trong đó thu nội địa.', called_at=None, section=None, span=(103, 124))
    """
    n = len(line) - len(line.lstrip(MARKS))          # "¹⁰ ..." is note 10
    body = line[n:].strip()
    return Footnote(mark=line[:n].translate(_SUPERSCRIPT), text=body,
                    span=(span[1] - len(body), span[1]))


def attach(layout: Layout) -> None:
    """Find where each footnote is called (¹ after a word) and record offset and section."""
    for note in layout.footnotes:
        if not note.mark.isdigit():
            continue
        sup = note.mark.translate(_TO_SUPERSCRIPT)
        # A whole run of marks: the call of ¹ is not the start of ¹⁰.
        call = re.compile(f"(?<![{MARKS}]){sup}(?![{MARKS}])")
        for p in layout.paragraphs:
            m = call.search(p.text, 1) if sup in p.text else None     # `in` first: calls are rare
            i = m.start() if m else -1
            if i > 0:
                note.called_at = p.span[0] + i
                note.section = layout.path(p.section)
                break


# A footnote call: superscript digits right after a word or a sign ("7,3%⁹", "26-NQ/TW¹").
# Written to start with the marks' class, so `re` skips to them instead of trying the pattern at
# every character; the same runs as `(?<=[^\s¹...])[¹...]+` (after the first mark, the
# look-behind checks the character before it).
_CALL = re.compile(f"[{MARKS}](?<=[^\\s{MARKS}][{MARKS}])[{MARKS}]*")


def _blank(m: re.Match[str]) -> str:
    if m.group() in ("²", "³") and m.string[m.start() - 1] == "m":
        return m.group()                       # "km²", "m³": a unit, not a call
    return " " * len(m.group())


def blank_calls(text: str) -> str:
    """Footnote calls replaced by spaces, so rules read "7,3%" and "26-NQ/TW" whole.

    >>> blank_calls("đạt 7,3%⁹, thu 17.900 tỷ đồng¹⁰; 120 km²")
    'đạt 7,3% , thu 17.900 tỷ đồng  ; 120 km²'
    """
    return _CALL.sub(_blank, text)


def blank_layout(layout: Layout) -> None:
    """Blank footnote calls in the paragraphs and in `plain` (after the footnotes found them)."""
    # `in` per mark first (faster than any regex here): most texts have no call at all. The
    # marks beyond Latin-1 ("⁴" is U+2074) are slow to look for (`in` stops at every "t"):
    # `may_hold` answers for them from what `normalise` learnt of the text.
    text = layout.text
    if not ("¹" in text or "²" in text or "³" in text or may_hold(text, _HIGH_MARKS)) \
            or not _CALL.search(text):
        return
    layout.plain = blank_calls(layout.text)
    for p in layout.paragraphs:
        p.text = layout.plain[p.span[0]:p.span[1]]
    for s in layout.sections:                  # "4. Tỷ lệ hộ nghèo còn 2,4%¹" as a heading
        s.heading = blank_calls(s.heading)

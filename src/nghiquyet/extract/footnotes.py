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


def _calls(text: str, marks: str) -> list[tuple[int, int]]:
    """(start, end) of each match of `_CALL` in `text`, given the marks `text` may hold.

    `re` tests its class at every character (~25 instructions each); the marks are found with
    `str.find` instead and grouped into runs. A run is a match when the character before it is
    neither a blank nor a mark (the runs are maximal: every mark is found), which is what the
    look-behind asks at the run's first mark; at its later marks the look-behind fails.

    >>> _calls("đạt 7,3%⁹, thu 17.900 tỷ đồng¹⁰; 120 km² ¹ Ghi chú", MARKS)
    [(8, 9), (29, 31), (39, 40)]
    """
    found = []
    for c in marks:
        i = text.find(c)
        while i >= 0:
            found.append(i)
            i = text.find(c, i + 1)
    found.sort()
    out = []
    j, n = 0, len(found)
    while j < n:
        start = end = found[j]
        j += 1
        while j < n and found[j] == end + 1:
            end += 1
            j += 1
        if start and not text[start - 1].isspace():     # `\s` is str.isspace
            out.append((start, end + 1))
    return out


def _present(text: str) -> str:
    """The marks that may be in `text`: "¹²³" by `in` (memchr-fast), the others from what
    `normalise` learnt of the text (see `may_hold`), else by `in` as well."""
    return "".join(c for c in MARKS if (c in text if c in "¹²³" else may_hold(text, c)))


def _blanked(text: str, calls: list[tuple[int, int]]) -> str:
    """The text with the calls found by `_calls` blanked, as `_CALL.sub(_blank, text)` does."""
    parts = []
    done = 0
    for start, end in calls:
        if end - start == 1 and text[start] in "²³" and text[start - 1] == "m":
            continue                           # "km²", "m³": a unit, not a call
        parts.append(text[done:start])
        parts.append(" " * (end - start))
        done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def blank_calls(text: str) -> str:
    """Footnote calls replaced by spaces, so rules read "7,3%" and "26-NQ/TW" whole.

    >>> blank_calls("đạt 7,3%⁹, thu 17.900 tỷ đồng¹⁰; 120 km²")
    'đạt 7,3% , thu 17.900 tỷ đồng  ; 120 km²'
    """
    marks = _present(text)
    return _blanked(text, _calls(text, marks)) if marks else text


def blank_layout(layout: Layout) -> None:
    """Blank footnote calls in the paragraphs and in `plain` (after the footnotes found them)."""
    # `in` per mark first (faster than any regex here): most texts have no call at all. The
    # marks beyond Latin-1 ("⁴" is U+2074) are slow to look for (`in` stops at every "t"):
    # `may_hold` answers for them from what `normalise` learnt of the text.
    text = layout.text
    marks = _present(text)
    calls = _calls(text, marks) if marks else []
    if not calls:
        return
    layout.plain = plain = _blanked(text, calls)
    # Only the paragraphs holding a call can change (the others keep equal text). A call
    # is within one line: the paragraphs are in order, and one walk pairs them with the calls.
    paras = layout.paragraphs
    hit = set()
    k, n = 0, len(paras)
    for start, _ in calls:
        while k < n and paras[k].span[1] <= start:
            k += 1
        if k < n and paras[k].span[0] <= start:
            hit.add(paras[k].span)
            paras[k].text = plain[paras[k].span[0]:paras[k].span[1]]
    # "4. Tỷ lệ hộ nghèo còn 2,4%¹" as a heading. A heading is the end of its paragraph's
    # line, so its calls are calls of that paragraph: the others have none to blank (and
    # `blank_calls` would scan them all, as long as the body, for seven marks).
    for s in layout.sections:
        if s.span in hit:
            s.heading = blank_calls(s.heading)

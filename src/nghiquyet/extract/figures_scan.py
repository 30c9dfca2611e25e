"""Searches of the figure rules found from a literal: what a regex search over a stretch of
text answers, found with `str.find` where every match must start with (or at) a word.

`re` finds a pattern quickly only when it starts with a literal or one character class: it
then skips to the characters that can open a match. A pattern that opens with `\\b`, a group
of spellings or a blank (`\\s+trong`) is tried at every character instead, and the figure
rules search the words around every figure. Each function here answers exactly what its
regex does (`tests/test_figures_fast.py` compares them on random texts) and says why.
Split from `figures` and `figures_build`.
"""
from __future__ import annotations

import re

# A past-tense "đã" between blanks.
PAST = re.compile(r"(?:^|\s)(?:đã|Đã)\s")
# Where the words after a number-first figure stop (a colon opens what the figure lists).
AFTER_STOP = re.compile(r";|:\s|\.\s|\.$|,?\s+trong\s+đó\b|\(\d{1,3}\)")
_AFTER_PUNCT = re.compile(r";|:\s|\.\s|\.$|\(\d{1,3}\)")    # AFTER_STOP but its "trong đó" branch
_TRONG_DO_STOP = re.compile(r",?\s+trong\s+đó\b")              # and that branch


def word_starts(text: str, words: tuple[str, ...], start: int = 0, end: int | None = None) -> list[int]:
    """Where any of `words` starts in text[start:end] (whole within it), in order.

    >>> word_starts("trong đó, Trong số đó", ("trong", "Trong"))
    [0, 10]
    """
    if end is None:
        end = len(text)
    found = []
    for word in words:
        i = text.find(word, start, end)
        while i >= 0:
            found.append(i)
            i = text.find(word, i + 1, end)
    if len(found) > 1:
        found.sort()
    return found


def all_matches(rx: re.Pattern[str], text: str, words: tuple[str, ...], start: int = 0,
                end: int | None = None) -> list[re.Match[str]]:
    """`list(rx.finditer(text, start, end))` for a pattern whose every match starts with one of
    `words` as written and is not empty: like `finditer`, the next match is looked for only
    after the end of the last.

    >>> [m.group() for m in all_matches(re.compile(r"\\bphấn\\s+đấu\\b|\\bPhấn\\s+đấu\\b"),
    ...  "Phấn đấu đạt 7%, phấn đấu", ("phấn", "Phấn"))]
    ['Phấn đấu', 'phấn đấu']
    """
    if end is None:
        end = len(text)
    out = []
    taken = start
    for i in word_starts(text, words, start, end):
        if i >= taken and (m := rx.match(text, i, end)):
            out.append(m)
            taken = m.end()
    return out


def past_marks(text: str, start: int, end: int) -> list[int]:
    """Where `PAST` matches in text[start:end]: the blank before a past-tense "đã" ("Đã").

    >>> t = "Đã giao; tỉnh đã đạt, vđã x, đã đã làm"
    >>> past_marks(t, 0, len(t)), past_marks(t, 1, len(t))
    ([0, 13, 28], [13, 28])

    The same starts as `PAST.finditer`, found from each "đã" (`re` tried the pattern at every
    character: it starts with a group). A match is the blank before the word, or the word at
    the very start of the text (`^` holds only there), and the blank after it; the next match
    starts after that blank, as `finditer` goes on after each match.
    """
    out: list[int] = []
    taken = start                        # where the next match may start
    for i in word_starts(text, ("đã", "Đã"), start, end):
        if i + 2 >= end or not text[i + 2].isspace():
            continue                     # no blank after the word (within the range)
        if i == 0 and taken == 0:
            at = 0                       # "^": the start of the text itself
        elif i > taken and text[i - 1].isspace():
            at = i - 1
        else:
            continue
        out.append(at)
        taken = i + 3
    return out


def after_stop(text: str, start: int, limit: int) -> int:
    """Where `AFTER_STOP` first matches in text[start:limit], else `limit`.

    >>> t = "85% số xã, trong đó 20 xã; 30% (12) hộ: 1.200. x"
    >>> [after_stop(t, i, len(t)) for i in (3, 11, 26, 36, 40)], after_stop(t, 41, 47)
    ([9, 25, 31, 38, 45], 45)

    Every branch but "trong đó" starts with ";", ":", "." or "(", which `re` skips to when
    they are searched without it (the "trong đó" branch may start at any blank, so `re` tried
    the whole pattern at every space). That branch starts at the blanks (and comma) just
    before its "trong", none of them one of those characters: it can only come first where a
    "trong" and a "đó" after it are written before that stop (only blanks stand between
    them), and is matched from each such "trong" in turn.
    """
    stop = _AFTER_PUNCT.search(text, start, limit)
    end = stop.start() if stop else limit
    i = text.find("trong", start, end)
    if i < 0 or text.find("đó", i + 5, end) < 0:
        return end                                   # most figures: no "trong đó" before it
    while i >= 0:
        at = i                                       # back over the blanks, then a comma
        while at > start and text[at - 1].isspace():  # \s is str.isspace
            at -= 1
        if at < i:
            if at > start and text[at - 1] == ",":
                at -= 1
            if _TRONG_DO_STOP.match(text, at, limit):
                return at
        i = text.find("trong", i + 1, end)
    return end


def full_stops(text: str) -> list[tuple[int, int, int]]:
    """(start, end of the dots, end) of each match of `figures_clauses._DOT` (`\\.\\.*(?:\\s+|$)`)
    in the text: a run of dots followed by blanks (taken with them) or by the end.

    >>> full_stops("Đạt 17.900 tỷ. Thu... x. v.v.")
    [(13, 14, 15), (18, 21, 22), (23, 24, 25), (28, 29, 29)]

    The dots are found with `str.find`, where `re` tried the pattern at every dot and went
    through its blanks itself: most dots group thousands ("17.900") and are no match. A run is
    a match from its first dot or from none (from a later dot the same blank or letter
    follows), and `finditer` goes on after a match, as this loop does.
    """
    out = []
    n = len(text)
    i = text.find(".")
    while i >= 0:
        dots = i + 1
        while dots < n and text[dots] == ".":
            dots += 1
        end = dots
        while end < n and text[end].isspace():       # \s is str.isspace
            end += 1
        if end > dots or dots == n:                  # blanks, or the end of the text ($)
            out.append((i, dots, end))
        i = text.find(".", end)
    return out


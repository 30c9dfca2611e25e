"""References: the words around a cited symbol, read from the text at the symbol's place.

    [kind words] [số] SYMBOL [, ngày DATE] [của ISSUER] [về SUBJECT]

`cited_kind` reads the kind words before it, `date_after` the day after it, `subject_after`
what it is about, `group_before` the issuer a list of citations shares ("các nghị quyết của
X: ..."). Split from `references`, which finds the symbols, puts the parts together and
merges the citations of one symbol. Each rule skips work it can prove useless; the tests in
tests/test_references_fast.py pin each to the plain rule it replaced.
"""
from __future__ import annotations

import re
from functools import cache

from ..text import squash
from .dates import find_dates, iso_day
from .vocab import load

# The blanks and the comma between a symbol and what follows it.
_LEAD = re.compile(r"\s*,?\s*")
# "các nghị quyết của X:" opening a list of citations that X issued (`group_before`).
_GROUP_OF = re.compile(r"\bcác\s+(?:nghị\s+quyết|kết\s+luận|chỉ\s+thị|văn\s+bản|quyết\s+định"
                       r"|chương\s+trình|kế\s+hoạch)\s+(?:sau\s+)?của\s+(?P<who>[^:;.]{3,80}?)\s*:",
                       re.IGNORECASE)
_GROUP_WORDS = ("các nghị", "các kết", "các chỉ", "các văn", "các quyết", "các chương", "các kế")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# "... của Bộ Chính trị về <subject>": the subject ends with its clause or its paragraph (a
# blank line; a title wrapped over two lines is still one subject).
# The preamble's last cited subject runs into the issuing clause: "... về <subject>, Ban
# Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:".
_SUBJECT = re.compile(r"\s*,?\s*về\s+(?P<about>(?:(?!\n[ \t]*\n)[^;:.()]){3,200})")
# The same, its subject written as runs of one character class (scanned in C; the lookahead
# at each character made `re` step through the 200 one by one): any character but ";:.()" and
# the line break, or a line break with no blank line after it. Unbounded: `subject_after` cuts it.
_SUBJECT_RUNS = re.compile(r"\s*,?\s*về\s+(?P<about>[^;:.()\n]*(?:\n(?![ \t]*\n)[^;:.()\n]*)*)")
_ISSUING_TAIL = re.compile(r",\s*[^,]{0,80}?\s(?:ban\s+hành|thống\s+nhất|quyết\s+nghị)\b.*$", re.S)
_ISSUING_VERB = re.compile(r"\s(?:ban\s+hành|thống\s+nhất|quyết\s+nghị)\b")    # in every tail


@cache
def _cite_words() -> dict[str, str]:
    """Kind words that may precede a symbol ("nghị quyết", "chương trình hành động") → kind."""
    kinds = load("kinds")
    return {" ".join(w.split()): kind for group in ("documents", "cited_only")
            for kind, entry in kinds[group].items() for w in entry["cite"]}


def cited_kind(before: str) -> tuple[str | None, int]:
    """The kind named by the words just before a symbol, and how many characters they take.

    >>> cited_kind("theo Chương trình hành động số ")
    ('chuong_trinh_hanh_dong', 26)
    >>> cited_kind("tuyên truyền Nghị quyết  ")
    ('nghi_quyet', 12)
    >>> cited_kind("tỷ lệ ")
    (None, 0)
    >>> cited_kind("Căn cứ Luật Tổ chức chính quyền địa phương số ")
    ('luat', 39)
    """
    # The last five words at most are read ("chương trình hành động số"): the rest of the
    # window stays one string (the first item), and counts as a word only if there is one.
    words = before.rsplit(None, 5)
    number = 1 if words and words[-1].lower() in ("số", "số:") else 0
    if number:
        words = words[:-1]
    cite = _cite_words()
    # The phrases of 4 to 1 words before the symbol, longest first; only the lengths of the
    # phrases that end with the last word are tried (a phrase ends with its last word).
    for n in _cite_lengths().get(words[-1].lower(), ()) if words else ():
        if len(words) < n:
            continue
        phrase = " ".join(words[-n:]).lower()
        if phrase in cite:
            at = _last_words_start(before, n + number)
            return cite[phrase], len(before) - at
    if number and "Luật" in before:
        m = _LAW_NAME.search(before)          # a law's name stands between "Luật" and "số"
        if m:
            return "luat", len(before) - m.start()
    return None, 0


@cache
def _cite_lengths() -> dict[str, tuple[int, ...]]:
    """The last word of each citing phrase → the phrases' lengths in words (4 at most, as
    `cited_kind` tries them), longest first: {"quyết": (2,), "động": (4,), ...}."""
    lengths: dict[str, set[int]] = {}
    for phrase in _cite_words():
        words = phrase.split()
        if len(words) <= 4:
            lengths.setdefault(words[-1], set()).add(len(words))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}


_LAW_NAME = re.compile(r"(?<!\w)Luật\s+[A-ZĐÀ-Ỹ][^;:()]{0,120}?\s+số\s*:?\s*$")


def _last_words_start(text: str, n: int) -> int:
    """Offset where the last n whitespace-separated words of text begin.

    >>> _last_words_start("05-NQ/TU,\\nNghị quyết ", 2)
    10
    """
    # str methods, not a loop over characters: they agree on what a blank is (str.isspace).
    text = text.rstrip()
    if n <= 0:
        return len(text)
    parts = text.rsplit(None, n)          # the words before the last n, then the last n
    if len(parts) < n:
        return 0                          # fewer words than asked: from the start
    if len(parts) == n:
        return len(text) - len(text.lstrip())
    return len(text) - len(text[len(parts[0]):].lstrip())


# The two ways a citation's day is written, opening the 40 characters after the symbol: a
# fast path for `date_after`. It is `dates._DATE`'s "words" and "numeric" alternatives with
# the year `_YEAR` requires, anchored at the start (see `date_after` for why they agree).
_DAY_AT = re.compile(r"""
    (?: ngày \s+ | (?=[0-9]) ) (?P<d>\d{1,2})          # as `date_after`'s test: ASCII digits
    (?: \s+ tháng \s+ (?P<m1>\d{1,2}) \s*,?\s+ năm \s+              # 22 tháng 10 năm 2021
      | \s?(?P<sep>[/.-])\s? (?P<m2>\d{1,2}) \s?(?P=sep)\s? )         # 03/11/2022, 3.11.2022
    (?P<y>(?:19|20|21)\d\d) (?!\d)
""", re.VERBOSE | re.IGNORECASE)


def date_after(text: str, pos: int) -> tuple[str | None, int]:
    """A day written right after a symbol: `, ngày 03/11/2022`, ` ngày 22 tháng 10 năm 2021`.

    >>> t = "Nghị quyết 05-NQ/TU, ngày 03/11/2022 của Tỉnh ủy; 06-NQ/TU ngày 5 tháng 3 năm 2021"
    >>> date_after(t, 19), date_after(t, 58), date_after(t, 36)
    (('2022-11-03', 36), ('2021-03-05', 82), (None, 36))
    """
    m = _LEAD.match(text, pos)
    start = m.end()
    # Fast path: `_DAY_AT` matching at the window's start gives what `find_dates(window)[0]`
    # gives. Its year is the window's first (the day and month have two digits at most) and
    # passes find_dates' look at the five characters before it (the separator, or "năm" when
    # the test below holds); find_dates searches from offset 0 (a digit or "ngày" opens the
    # window), where no alternative of `_DATE` matches but the one this copies ("ngày " is no
    # start of another, and the numeric one's look-behind sees the window's start), so its
    # first match is this one: from "ngày" for words, from the day's digits for numbers. An
    # impossible day (31/02) or a long gap before the year (find_dates skips it) goes the
    # slow way.
    day = _DAY_AT.match(text, start, start + 40)
    if day:
        y = day.start("y")
        if day["sep"] or text[max(start, y - 5):y].rstrip().lower().endswith("năm"):
            iso = iso_day(int(day["d"]), int(day["m1"] or day["m2"]), int(day["y"]))
            if iso:
                first = day.start("d") if day["sep"] else start
                return (iso, day.end()) if first - start <= 5 else (None, pos)
    return day_in_window(text, pos, start)


def day_in_window(text: str, pos: int, start: int) -> tuple[str | None, int]:
    """`date_after`'s rule itself (its slow way): the first date `find_dates` reads in the 40
    characters from `start`, when it is a day within their first five; else `(None, pos)`.

    >>> day_in_window("X, ngày 31/02/2022 và 01/03/2022", 1, 3), day_in_window("X ngày 3/2/2022", 1, 2)
    ((None, 1), ('2022-02-03', 15))
    """
    window = text[start:start + 40]
    if not window.lower().startswith(("ngày", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")):
        return None, pos
    found = find_dates(window)
    if found and found[0].grain == "day" and found[0].start <= 5:
        return found[0].iso, start + found[0].end
    return None, pos


def subject_after(text: str, pos: int) -> str | None:
    """The subject after `về` at `pos` (`_SUBJECT`), without the issuing clause it runs into.

    >>> t = "05-NQ/TU về phát triển du lịch, Ban Thường vụ ban hành Kế hoạch"
    >>> subject_after(t, 8), subject_after("X về  ab;", 1), subject_after("X về a;", 1)
    ('phát triển du lịch', 'ab', None)
    """
    sub = _SUBJECT_RUNS.match(text, pos)
    if sub is None:
        return None
    about = sub["about"]
    if len(about) < 3:
        # `_SUBJECT` gives back blanks after "về" to reach its three characters ("về  ab")
        sub = _SUBJECT.match(text, pos)
        if sub is None:
            return None
        about = sub["about"]
    # With three characters or more, `_SUBJECT` takes the same blanks after "về" and then as
    # many of the same characters as it may, 200 at most: the run cut at 200.
    about = about[:200]
    if _ISSUING_VERB.search(about):              # no tail to cut without its verb
        about = _ISSUING_TAIL.sub("", about)
    return squash(about).rstrip(",")


def group_before(chunk: str, lo: int, start: int) -> str | None:
    """X of the last "các nghị quyết của X:" in `chunk` (which starts at `lo` in the text) that
    ends before `start` with no sentence end between, or None.

    >>> t = "Thực hiện các nghị quyết của Tỉnh ủy: Nghị quyết số 05-NQ/TU; Nghị quyết số 06-NQ/TU"
    >>> group_before(t, 0, 48), group_before(t, 0, 20), group_before("Các kế hoạch sau của A B:. X", 0, 27)
    ('Tỉnh ủy', None, None)

    Every "các " (any case) was looked at once: the whole chunk lower-cased and searched, and
    each group matched. A group ends at the first ":" after its start, and nothing between
    them is ":", ";" or "." (`_GROUP_OF`), so only the "các " after the last of those marks
    before a colon can end there; and the last group before `start` is the one that counts
    (an earlier one has the later one's sentence end between it and `start` as well). So the
    colons before `start` are looked at from the last, until a sentence end lies between one
    and `start`, and only the few words before each are lower-cased.
    """
    rel = start - lo
    c = chunk.rfind(":", 0, rel)
    while c >= 0:
        if _SENTENCE_END.search(chunk, c + 1, rel):
            return None
        q = max(chunk.rfind(";", 0, c), chunk.rfind(".", 0, c), chunk.rfind(":", 0, c))
        low = chunk[q + 1:c].lower()
        found = None
        i = low.find("các ")
        while i >= 0:
            if low.startswith(_GROUP_WORDS, i):
                found = _GROUP_OF.match(chunk, q + 1 + i) or found
            i = low.find("các ", i + 4)
        if found:
            return found["who"]
        c = chunk.rfind(":", 0, c)
    return None


def group_lowered(chunk: str, lo: int, start: int) -> str | None:
    """`group_before` as it was done, for a chunk with "İ": lower-casing it makes two
    characters of one, and the offsets in the lower-cased chunk were used as they were."""
    low = chunk.lower()
    groups = []
    i = low.find("các ")
    while i >= 0:
        g = _GROUP_OF.match(chunk, i) if low.startswith(_GROUP_WORDS, i) else None
        if g:
            groups.append((lo + g.end(), g["who"]))
        i = low.find("các ", i + 4)
    for g_end, who in reversed(groups):
        if g_end <= start and not _SENTENCE_END.search(chunk, g_end - lo, start - lo):
            return who
    return None

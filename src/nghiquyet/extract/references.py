"""References: every other document the text cites by its symbol, once per symbol.

A citation is a symbol (`26-NQ/TW`, `892/QĐ-TTg`, see `symbols`) with what surrounds it:

    [kind words] [số] SYMBOL [, ngày DATE] [của ISSUER] [về SUBJECT]

Kind comes from the words before ("Chương trình hành động số ...") or the symbol's code;
an issuer written once for several citations applies to each ("Nghị quyết 05-NQ/TU,
Nghị quyết 06-NQ/TU của Tỉnh ủy"; "các nghị quyết của Ban Chấp hành Đảng bộ tỉnh: Nghị quyết
số 05-NQ/TU, ...; Nghị quyết số 06-NQ/TU ..."). Mentions of one symbol are merged, the first
date, issuer and kind seen winning. Short back-references ("Nghị quyết số 26") carry no symbol
and are not new references; the document's own symbol is not a reference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Reference
from ..text import squash
from .bodies import body_name
from .dates import find_dates, iso_day
from .header import own_symbol
from .outline import Layout
from .symbols import kind_of_code, parse_symbols
from .vocab import load

_OF = re.compile(r"\s*,?\s*của\s+")
_APPROVED_BY = re.compile(r"(?:được|do)\s+(?P<who>[^,;.]{3,80}?)\s+(?:phê\s+duyệt|ban\s+hành)"
                          r"\s+(?:tại|theo)\s+$")
# "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số ...": who sent the submission.
_PROPOSED_BY = re.compile(r"đề\s+nghị\s+của\s+(?P<who>[^,;.]{3,80}?)\s+tại\s+$")
_GROUP_OF = re.compile(r"\bcác\s+(?:nghị\s+quyết|kết\s+luận|chỉ\s+thị|văn\s+bản|quyết\s+định"
                       r"|chương\s+trình|kế\s+hoạch)\s+(?:sau\s+)?của\s+(?P<who>[^:;.]{3,80}?)\s*:",
                       re.IGNORECASE)
# Between a citation and the next in one chain; matched from the first one's end to the
# second's start (`re` treats the end given as the text's end: for `$` and `\b` alike).
_CHAIN_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:(?!của\b)[^.;]){0,40}$")
# Between two symbols of one list: a comma or "và", perhaps "số" again; no kind words.
_BARE_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:số\s*)?$")
_IMPLEMENTS = re.compile(r"\b(?:thực\s+hiện|triển\s+khai|quán\s+triệt|cụ\s+thể\s+hóa|thi\s+hành)\b",
                         re.IGNORECASE)
_LEAD = re.compile(r"\s*,?\s*")
_CLAUSE_BREAK = re.compile(r"\.\s|\n")      # the rule `_last_clause` applies (without re)
_GROUP_WORDS = ("các nghị", "các kết", "các chỉ", "các văn", "các quyết", "các chương", "các kế")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# "... của Bộ Chính trị về <subject>": the subject ends with its clause or its paragraph (a
# blank line; a title wrapped over two lines is still one subject).
# The preamble's last cited subject runs into the issuing clause: "... về <subject>, Ban
# Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:".
_SUBJECT = re.compile(r"\s*,?\s*về\s+(?P<about>(?:(?!\n[ \t]*\n)[^;:.()]){3,200})")
# The same, its subject written as runs of one character class (scanned in C; the lookahead
# at each character made `re` step through the 200 one by one): any character but ";:.()" and
# the line break, or a line break with no blank line after it. Unbounded: `_subject` cuts it.
_SUBJECT_RUNS = re.compile(r"\s*,?\s*về\s+(?P<about>[^;:.()\n]*(?:\n(?![ \t]*\n)[^;:.()\n]*)*)")
_ISSUING_TAIL = re.compile(r",\s*[^,]{0,80}?\s(?:ban\s+hành|thống\s+nhất|quyết\s+nghị)\b.*$", re.S)
_ISSUING_VERB = re.compile(r"\s(?:ban\s+hành|thống\s+nhất|quyết\s+nghị)\b")    # in every tail


@dataclass
class _Mention:
    symbol: str
    kind: str | None
    date: str | None
    issuer: str | None
    about: str | None
    implements: bool
    start: int                # where the citation starts (kind words) in the text
    sym_end: int              # end of the symbol
    end: int                  # end of the citation (after date and issuer)


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
# fast path for `_date_after`. It is `dates._DATE`'s "words" and "numeric" alternatives with
# the year `_YEAR` requires, anchored at the start (see `_date_after` for why they agree).
_DAY_AT = re.compile(r"""
    (?: ngày \s+ | (?=[0-9]) ) (?P<d>\d{1,2})          # as `_date_after`'s test: ASCII digits
    (?: \s+ tháng \s+ (?P<m1>\d{1,2}) \s*,?\s+ năm \s+              # 22 tháng 10 năm 2021
      | \s?(?P<sep>[/.-])\s? (?P<m2>\d{1,2}) \s?(?P=sep)\s? )         # 03/11/2022, 3.11.2022
    (?P<y>(?:19|20|21)\d\d) (?!\d)
""", re.VERBOSE | re.IGNORECASE)


def _date_after(text: str, pos: int) -> tuple[str | None, int]:
    """A day written right after a symbol: `, ngày 03/11/2022`, ` ngày 22 tháng 10 năm 2021`.

    >>> t = "Nghị quyết 05-NQ/TU, ngày 03/11/2022 của Tỉnh ủy; 06-NQ/TU ngày 5 tháng 3 năm 2021"
    >>> _date_after(t, 19), _date_after(t, 58), _date_after(t, 36)
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
    window = text[start:start + 40]
    if not window.lower().startswith(("ngày", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")):
        return None, pos
    found = find_dates(window)
    if found and found[0].grain == "day" and found[0].start <= 5:
        return found[0].iso, m.end() + found[0].end
    return None, pos


def _mentions(layout: Layout) -> list[_Mention]:
    text = layout.plain_text
    own = own_symbol(layout)
    runs = _runs(layout)
    out: list[_Mention] = []
    # Symbols (upper-cased, as `extract` merges them) an earlier citation gave a subject, or
    # showed carried out: `extract` keeps the first subject and any "carried out", so a later
    # citation's are not looked for (nothing else reads them).
    titled: set[str] = set()
    carried: set[str] = set()
    for lo, hi, in_front in runs:
        chunk = text[lo:hi]
        dotted: bool | None = None      # whether the chunk has "İ" (asked when a citation needs it)
        for s in parse_symbols(chunk):
            if s.text == own:
                continue
            start, end = lo + s.start, lo + s.end
            before = text[max(lo, start - 60):start]
            kind, width = cited_kind(before)
            start -= width
            kind = kind or kind_of_code(s.kind_code)
            date, pos = _date_after(text, end)
            issuer = None
            of = _OF.match(text, pos)
            if of:
                # body_name reads 160 characters at most: slicing to `hi` copied the whole run
                issuer = body_name(text[of.end():min(hi, of.end() + 160)])
                if issuer:
                    pos = of.end() + len(issuer)
            if issuer is None:
                by = _approved_by(text[max(lo, start - 120):start])
                if by:
                    # a proposer is a person's office ("Giám đốc Sở ..."), named as written
                    issuer = body_name(by["who"]) if by.re is _APPROVED_BY else squash(by["who"])
            key = s.text.upper()
            about = None if key in titled else _subject(text, pos)
            if about:
                titled.add(key)
            implements = in_front and key not in carried and _implements(text, lo, start)
            if implements:
                carried.add(key)
            out.append(_Mention(s.text, kind, date, issuer, about, implements, start, end, pos))
            if issuer is None:
                # "các nghị quyết của X: Nghị quyết số ...; Nghị quyết số ..." (same sentence)
                if dotted is None:
                    dotted = "İ" in chunk
                who = _group_before(chunk, lo, start) if not dotted else _group_lowered(chunk, lo, start)
                if who is not None:
                    out[-1].issuer = body_name(who) or squash(who)
                if out[-1].issuer is None and s.issuer:
                    out[-1].issuer = s.issuer
    _share_issuers(text, out)
    return out


def _subject(text: str, pos: int) -> str | None:
    """The subject after `về` at `pos` (`_SUBJECT`), without the issuing clause it runs into.

    >>> t = "05-NQ/TU về phát triển du lịch, Ban Thường vụ ban hành Kế hoạch"
    >>> _subject(t, 8), _subject("X về  ab;", 1), _subject("X về a;", 1)
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


def _approved_by(window: str) -> re.Match[str] | None:
    """`_APPROVED_BY.search(window)` (or `_PROPOSED_BY`), skipped when the window cannot end as
    they require ("... tại " / "... theo "): the regex would crawl the whole window to find nothing.

    >>> _approved_by("được Thủ tướng Chính phủ phê duyệt tại ")["who"]
    'Thủ tướng Chính phủ'
    >>> _approved_by("Theo đề nghị của Giám đốc Sở Nội vụ tại ")["who"]
    'Giám đốc Sở Nội vụ'
    """
    stripped = window.rstrip()
    if len(stripped) == len(window) or not stripped.endswith(("tại", "theo")):
        return None
    return _APPROVED_BY.search(window) or (_PROPOSED_BY.search(window) if "nghị" in window else None)


def _group_before(chunk: str, lo: int, start: int) -> str | None:
    """X of the last "các nghị quyết của X:" in `chunk` (which starts at `lo` in the text) that
    ends before `start` with no sentence end between, or None.

    >>> t = "Thực hiện các nghị quyết của Tỉnh ủy: Nghị quyết số 05-NQ/TU; Nghị quyết số 06-NQ/TU"
    >>> _group_before(t, 0, 48), _group_before(t, 0, 20), _group_before("Các kế hoạch sau của A B:. X", 0, 27)
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


def _group_lowered(chunk: str, lo: int, start: int) -> str | None:
    """`_group_before` as it was done, for a chunk with "İ": lower-casing it makes two
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


def _share_issuers(text: str, mentions: list[_Mention]) -> None:
    """`A, B và C của X`: an issuer written after a chain of citations applies to each; so
    does a date after bare symbols (`các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017`:
    one date for the list, as a second symbol without its own kind words shows)."""
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        if a.issuer is None and b.issuer and _CHAIN_GAP.match(text, a.end, b.start):
            a.issuer = b.issuer
        if (a.date is None and b.date and b.start - a.end < 12 and text[b.start].isdigit()
                and _BARE_GAP.match(text, a.end, b.start)):     # b opens with its number: bare
            a.date = b.date


def _last_clause(text: str) -> str:
    r"""What follows the last ". " (a full stop and a blank) or line break: the same as
    `_CLAUSE_BREAK.split(text)[-1]`, found with rfind instead of a regex over 1,500 characters.

    >>> _last_clause("Căn cứ Luật. Thực hiện Nghị quyết 5.2\nĐể triển khai ...")
    'Để triển khai ...'
    >>> _last_clause("a.b. c."), _last_clause("không có")
    ('c.', 'không có')
    """
    end = text.rfind("\n") + 1
    dot = len(text)
    while True:
        dot = text.rfind(".", end, dot)
        if dot < 0:
            return text[end:]
        if dot + 1 < len(text) and text[dot + 1].isspace():
            return text[dot + 2:]


def _implements(text: str, lo: int, start: int) -> bool:
    """The citation is what this document carries out: `Thực hiện ...`, `Để triển khai ...`."""
    sentence = _last_clause(text[max(lo, start - 1500):start])
    clause = sentence.split(";")[-1].strip()
    if clause.lower().startswith("căn cứ"):
        return False
    return bool(_IMPLEMENTS.search(sentence))


def _runs(layout: Layout) -> list[tuple[int, int, bool]]:
    """Character ranges of consecutive title/preamble/body paragraphs (head and tail are not
    cited text), and whether the run is the title or preamble."""
    runs: list[tuple[int, int, bool]] = []
    # Only blank lines and footnote lines lie between two paragraphs that follow each other:
    # without footnotes they are adjacent, and the text between need not be looked at.
    no_notes = not layout.footnotes
    last = -2                                   # index of the run's last paragraph
    lo = hi = -1                                # the open run (lo < 0: none yet)
    front = False
    for i, p in enumerate(layout.paragraphs):
        zone = p.zone
        if zone == "head" or zone == "tail":
            continue
        is_front = zone == "title" or zone == "preamble"
        if lo >= 0 and is_front == front and (
                (no_notes and last == i - 1) or _adjacent(layout, hi, p.span[0])):
            hi = p.span[1]                      # the run goes on (kept in locals, not rebuilt)
        else:
            if lo >= 0:
                runs.append((lo, hi, front))
            lo, hi = p.span
            front = is_front
        last = i
    if lo >= 0:
        runs.append((lo, hi, front))
    # Footnotes cite documents too ("¹ Nghị quyết số 05-NQ/TU ngày ..."), never as what is carried out.
    runs.extend((n.span[0], n.span[1], False) for n in layout.footnotes if n.span)
    return runs


def _adjacent(layout: Layout, end: int, start: int) -> bool:
    return not layout.text[end:start].strip()       # calls are inside paragraphs, not between


def extract(layout: Layout) -> list[Reference]:
    merged: dict[str, Reference] = {}
    for m in _mentions(layout):
        key = m.symbol.upper()
        ref = merged.get(key)
        if ref is None:
            merged[key] = Reference(symbol=m.symbol, kind=m.kind, date=m.date, issuer=m.issuer,
                                    title=m.about, implements=m.implements,
                                    quote=squash(layout.plain_text[m.start:m.end]),
                                    span=(m.start, m.end))
            continue
        ref.kind = ref.kind or m.kind
        ref.date = ref.date or m.date
        ref.issuer = ref.issuer or m.issuer
        ref.title = ref.title or m.about
        ref.implements = ref.implements or m.implements
    return list(merged.values())


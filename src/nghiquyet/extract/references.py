"""References: every other document the text cites by its symbol, once per symbol.

A citation is a symbol (`26-NQ/TW`, `892/QĐ-TTg`, see `symbols`) with what surrounds it:

    [kind words] [số] SYMBOL [, ngày DATE] [của ISSUER] [về SUBJECT]

Kind comes from the words before ("Chương trình hành động số ...") or the symbol's code;
an issuer written once for several citations applies to each ("Nghị quyết 05-NQ/TU,
Nghị quyết 06-NQ/TU của Tỉnh ủy"; "các nghị quyết của Ban Chấp hành Đảng bộ tỉnh: Nghị quyết
số 05-NQ/TU, ...; Nghị quyết số 06-NQ/TU ..."). Mentions of one symbol are merged, the first
date, issuer and kind seen winning. Short back-references ("Nghị quyết số 26") carry no symbol
and are not new references; the document's own symbol is not a reference. The words around
a symbol (kind words, day, subject, a list's issuer) are read by `references_context`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Reference
from ..text import squash
from .bodies import body_name
from .header import own_symbol
from .outline import Layout
from .references_context import cited_kind, date_after, group_before, group_lowered, subject_after
from .symbols import kind_of_code, parse_symbols

_OF = re.compile(r"\s*,?\s*của\s+")
_APPROVED_BY = re.compile(r"(?:được|do)\s+(?P<who>[^,;.]{3,80}?)\s+(?:phê\s+duyệt|ban\s+hành)"
                          r"\s+(?:tại|theo)\s+$")
# "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số ...": who sent the submission.
_PROPOSED_BY = re.compile(r"đề\s+nghị\s+của\s+(?P<who>[^,;.]{3,80}?)\s+tại\s+$")
# Between a citation and the next in one chain; matched from the first one's end to the
# second's start (`re` treats the end given as the text's end: for `$` and `\b` alike).
_CHAIN_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:(?!của\b)[^.;]){0,40}$")
# Between two symbols of one list: a comma or "và", perhaps "số" again; no kind words.
_BARE_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:số\s*)?$")
_IMPLEMENTS = re.compile(r"\b(?:thực\s+hiện|triển\s+khai|quán\s+triệt|cụ\s+thể\s+hóa|thi\s+hành)\b",
                         re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\.\s|\n")      # the rule `_last_clause` applies (without re)


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
            date, pos = date_after(text, end)
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
            about = None if key in titled else subject_after(text, pos)
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
                who = group_before(chunk, lo, start) if not dotted else group_lowered(chunk, lo, start)
                if who is not None:
                    out[-1].issuer = body_name(who) or squash(who)
                if out[-1].issuer is None and s.issuer:
                    out[-1].issuer = s.issuer
    _share_issuers(text, out)
    return out


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


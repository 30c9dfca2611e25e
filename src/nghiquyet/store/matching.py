"""What a citation says of the document it cites, and how well that describes a document
printed without its symbol: pure rules (no database), used by `store.cascade`.

A unique citation that agrees with a document on kind, issuer, what it carries out ("... thực
hiện Nghị quyết số 26-NQ/TW") or title gives that document its symbol and date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from ..text import fold, squash
from .keys import symbol_key

# A document symbol as written in running text: "26-NQ/TW", "531/QĐ-TTg", "30/2020/NĐ-CP".
SYMBOL = re.compile(r"""
    (?<![\w/-])
    \d{1,5}                       # the number
    (?:/\d{4})?                   # optional year   (30/2020/NĐ-CP)
    \s?[-/]\s?
    (?:[A-ZĐ][A-Za-zĐđ]{0,9}[-/])*  # sign parts     (QĐ-, NĐ-)
    [A-ZĐ][A-Za-zĐđ]{0,9}         # last sign part  (TW, TU, TTg, UBND)
    (?![\w])
""", re.VERBOSE)

# Minimum evidence for an inference: kind and issuer agree, plus what it implements or title.
MIN_SCORE = 3.0


def symbols_in(text: str | None) -> set[str]:
    """Symbol keys written in a text.

    >>> sorted(symbols_in("Thực hiện Nghị quyết số 26-NQ/TW và Quyết định số 531/QĐ-TTg"))
    ['26-NQ/TW', '531/QD-TTG']
    """
    return {symbol_key(m.group()) for m in SYMBOL.finditer(text or "")} - {None}


def implemented_in_quote(quote: str, cited: str) -> set[str]:
    """What a citation says the cited document implements: symbols after "thực hiện" that
    follow the cited symbol in the same sentence.

    >>> sorted(implemented_in_quote("Chương trình hành động số 28-CTr/TU, ngày 05/5/2023 của "
    ...     "Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 26-NQ/TW, ngày 03/11/2022", "28-CTr/TU"))
    ['26-NQ/TW']
    >>> implemented_in_quote("Nghị quyết số 26-NQ/TW của Bộ Chính trị", "26-NQ/TW")
    set()
    """
    folded = fold(quote)
    key = symbol_key(cited)
    start = None
    for m in SYMBOL.finditer(quote):
        if symbol_key(m.group()) == key:
            start = m.end()
            break
    if start is None:
        return set()
    rest = folded[start:]
    end = re.search(r"[;.](\s|$)", rest)
    rest_orig = quote[start:start + (end.start() if end else len(rest))]
    pos = fold(rest_orig).find("thuc hien")
    if pos < 0:
        return set()
    return symbols_in(rest_orig[pos:]) - {key}


def citing_sentence(text: str, start: int, limit: int = 600) -> str:
    """The citing text from a citation's start to the end of its sentence (at most `limit`).

    >>> citing_sentence("Thực hiện Chương trình số 27-CTr/TU của Tỉnh ủy thực hiện Nghị quyết "
    ...                 "số 06-NQ/TW. Câu sau.", 10)
    'Chương trình số 27-CTr/TU của Tỉnh ủy thực hiện Nghị quyết số 06-NQ/TW.'
    """
    rest = text[start:start + limit]
    end = re.search(r"[;.](?=\s|$)|\n", rest)
    return rest[:end.end() if end else len(rest)].strip()


def implemented_in_title(title: str | None) -> set[str]:
    """Symbols a document's title says it carries out ("Kế hoạch thực hiện Nghị quyết số ...").

    >>> sorted(implemented_in_title("KẾ HOẠCH Thực hiện Nghị quyết số 26-NQ/TW; Chương trình "
    ...                             "hành động số 28-CTr/TU của Ban Thường vụ Tỉnh ủy"))
    ['26-NQ/TW', '28-CTR/TU']
    >>> implemented_in_title("Về phát triển du lịch theo Nghị quyết số 15-NQ/TU")
    set()
    """
    if not title:
        return set()
    pos = fold(title).find("thuc hien")
    return symbols_in(title[pos:]) if pos >= 0 else set()


@dataclass
class Facts:
    """What is known of a document, or what a citation says of one, for matching."""
    kind: str | None
    issuer: str | None
    title: str | None
    implements: set[str] = field(default_factory=set)      # symbol keys
    written: set[str] = field(default_factory=set)         # the same symbols as written


def same_issuer(a: str | None, b: str | None) -> bool | None:
    """Whether two issuer names agree (None when one is unknown).

    >>> same_issuer("Ban Thường vụ Tỉnh ủy", "BAN THƯỜNG VỤ TỈNH ỦY")
    True
    >>> same_issuer("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Huyện ủy Thạch Hà")
    False
    """
    if not a or not b:
        return None
    return _same_names(a, b)


@lru_cache(maxsize=65536)
def _same_names(a: str, b: str) -> bool:
    # Cached: inference compares the same few hundred issuer names over and over.
    fa, fb = squash(fold(a)), squash(fold(b))
    return fa == fb or fuzz.ratio(fa, fb) >= 90


def match_score(doc: Facts, cited: Facts) -> tuple[float, list[str]] | None:
    """How well a citation describes a document lacking its symbol; None when it cannot be it.

    >>> doc = Facts("chuong_trinh_hanh_dong", "Ban Thường vụ Tỉnh ủy",
    ...             "Chương trình hành động thực hiện Nghị quyết số 26-NQ/TW", {"26-NQ/TW"})
    >>> match_score(doc, Facts("chuong_trinh_hanh_dong", "Ban Thường vụ Tỉnh ủy", None,
    ...                        {"26-NQ/TW"}))[0]
    6.0
    >>> match_score(doc, Facts("ke_hoach", "Ban Thường vụ Tỉnh ủy", None, {"26-NQ/TW"})) is None
    True
    >>> match_score(doc, Facts("chuong_trinh_hanh_dong", "Ban Thường vụ Tỉnh ủy", None,
    ...                        {"29-NQ/TW"})) is None
    True
    """
    score, why = 0.0, []
    if doc.kind and cited.kind and doc.kind != "other":
        if doc.kind != cited.kind:
            return None
        score += 1
        why.append("cùng loại văn bản")
    issuer = same_issuer(doc.issuer, cited.issuer)
    if issuer is False:
        return None
    if issuer:
        score += 2
        why.append("cùng cơ quan ban hành")
    if doc.implements and cited.implements:
        if not doc.implements & cited.implements:
            return None
        score += 3
        why.append("cùng thực hiện " + ", ".join(sorted(doc.implements & cited.implements)))
    if doc.title and cited.title:
        similarity = fuzz.token_set_ratio(_folded_title(doc.title), _folded_title(cited.title))
        if similarity >= 70:
            score += 2 if similarity >= 85 else 1
            why.append(f"trích yếu giống nhau ({similarity:.0f}%)")
    return (score, why) if score >= MIN_SCORE else None


# Titles are compared with every candidate citation's at each inference: folded once each.
_folded_title = lru_cache(maxsize=65536)(fold)


def citation_text(c) -> str:  # noqa: ANN001  (a Citation or a row of its columns)
    """What the citing document says of the cited one: the quote, or the whole rest of the
    citing sentence when that says more."""
    quote = c.quote or ""
    return c.context if c.context and len(c.context) > len(quote) else quote


def cited_implements(quote: str | None, context: str | None, cited_symbol: str) -> str:
    """What a citation says the cited document carries out, as it is stored with the
    citation (`citations.cited_implements`): the symbol keys, sorted, space-separated.

    >>> cited_implements("Chương trình số 28-CTr/TU", "Chương trình số 28-CTr/TU của Ban "
    ...     "Thường vụ thực hiện Nghị quyết số 26-NQ/TW và Kết luận số 12-KL/TW.", "28-CTr/TU")
    '12-KL/TW 26-NQ/TW'
    >>> cited_implements("Nghị quyết số 26-NQ/TW", None, "26-NQ/TW")
    ''
    """
    quote = quote or ""
    said = context if context and len(context) > len(quote) else quote
    return " ".join(sorted(implemented_in_quote(said, cited_symbol)))


@lru_cache(maxsize=65536)
def said_facts(kind: str | None, issuer: str | None, title: str | None,
               implements: str) -> Facts:
    """What a citation says of the document it cites, from its stored columns
    (`implements`: its `cited_implements`)."""
    # Cached by value, and the set frozen, like `facts_of`.
    return Facts(kind, issuer, title, frozenset(implements.split()))


@lru_cache(maxsize=65536)
def facts_of(kind: str | None, issuer: str | None, title: str | None, said: str,
             cited_symbol: str) -> Facts:
    """What a citation says of the document it cites (`said`: its `citation_text`)."""
    # Cached by value: inference scores the same placeholder citations for every document
    # of their kind and issuer. The sets are frozen, since the Facts object is shared.
    return Facts(kind, issuer, title, frozenset(implemented_in_quote(said, cited_symbol)))

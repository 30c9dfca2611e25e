"""Where a query occurs in a text, accent-insensitively, and the snippet around it.

Pure functions (no database), used by `store.search` to highlight what the index found in
the original, accented text: the index only holds a folded copy.
"""
from __future__ import annotations

import re
import unicodedata

from ..text import fold, squash

SNIPPET_CHARS = 160
_WORD = re.compile(r"\w+")

_MARKS = re.compile(r"[\u0300-\u036f]")


def fast_fold(text_: str) -> str:
    """`text.fold` in C-speed steps (NFD, drop the marks, đ → d, lower), for long bodies.

    >>> fast_fold("Đảng ủy NÔNG THÔN MỚI Đắk Lắk")
    'dang uy nong thon moi dak lak'
    >>> s = "Hoà Bình, Quảng Trị, ĐỒNG HỚI; 17.900 tỷ đồng"
    >>> fast_fold(s) == fold(s)
    True
    """
    text_ = unicodedata.normalize("NFD", text_.replace("đ", "d").replace("Đ", "D"))
    return _MARKS.sub("", text_).lower()


def _variants() -> dict[str, str]:
    """Each folded letter → every Latin letter folding to it (both cases): `d` → `dDđĐ`."""
    out: dict[str, set[str]] = {}
    for code in list(range(0x41, 0x250)) + list(range(0x1E00, 0x1F00)):
        c = chr(code)
        f = fold(c)
        if len(f) == 1 and f.isalpha():
            out.setdefault(f, {f, f.upper()}).update({c, c.upper(), c.lower()})
    return {k: "".join(sorted(v)) for k, v in out.items()}


_VARIANTS = _variants()


def token_pattern(token: str) -> str:
    """A regex matching `token` (folded) in original text, whatever its accents and case.

    >>> bool(re.fullmatch(token_pattern("dang"), "Đảng"))
    True
    >>> bool(re.fullmatch(token_pattern("uy"), "ỦY"))
    True
    """
    return "".join(f"[{re.escape(_VARIANTS[ch])}]" if ch in _VARIANTS else re.escape(ch)
                   for ch in token)


def query_tokens(query: str) -> list[str]:
    """The folded words of a query (punctuation and FTS operators dropped).

    >>> query_tokens('Đảng ủy "nông thôn" OR mới-2025')
    ['dang', 'uy', 'nong', 'thon', 'or', 'moi', '2025']
    """
    return _WORD.findall(fold(query))


def find_spans(original: str, tokens: list[str], phrase: str | None = None,
               limit: int = 50) -> list[tuple[int, int]]:
    """Where the query occurs in `original`, accent-insensitively: the whole phrase if it
    occurs, else each token at word starts (at most `limit` spans, sorted, not overlapping).

    >>> find_spans("Xây dựng nông thôn mới ở Đức Thọ", ["nong", "thon", "moi"], "nong thon moi")
    [(9, 22)]
    >>> find_spans("Đảng ủy xã và đảng viên", ["dang"])
    [(0, 4), (14, 18)]
    """
    spans: list[tuple[int, int]] = []
    # Folding NFC text keeps every offset (one letter for one letter): then plain patterns
    # run on the folded copy, several times faster than accent classes on the original.
    folded = fast_fold(original)
    if len(folded) == len(original):
        haystack, pattern = folded, re.escape
    else:
        haystack, pattern = original, token_pattern
    if phrase and len(tokens) > 1:
        pat = r"(?<!\w)" + r"\W+".join(map(pattern, tokens)) + r"(?!\w)"
        spans = [m.span() for _, m in zip(range(limit), re.finditer(pat, haystack))]
    if not spans:
        for tok in tokens:
            spans += [m.span() for _, m in zip(range(limit), re.finditer(
                r"(?<!\w)" + pattern(tok), haystack))]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def first_match(original: str, tokens: list[str], phrase: bool = True,
                chunk: int = 8192, folded: str | None = None) -> int | None:
    """Offset of the first occurrence of the phrase (else of any token) in `original`,
    accent-insensitively; folds and scans chunk by chunk so an early match costs little.
    `folded`: `fast_fold(original)` when already at hand (the index keeps it), used when it
    has the same length (then offsets agree).

    >>> first_match("Tăng cường an toàn; bảo đảm AN NINH, TRẬT TỰ", ["an", "ninh", "trat", "tu"])
    28
    >>> first_match("Đảng ủy xã", ["uy"])
    5
    >>> first_match("Đảng ủy xã", ["uy"], folded="dang uy xa")
    5
    """
    pats = []
    if phrase and len(tokens) > 1:
        pats.append(re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, tokens)) + r"(?!\w)"))
    pats.append(re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, tokens)) + ")"))
    if folded is not None and len(folded) == len(original):
        for pat in pats:
            m = pat.search(folded)
            if m:
                return m.start()
        return None
    overlap = 200                     # a phrase cut by a chunk border is found in the next
    # Chunks grow (2, 4, 8, 8... KB): most matches are early; each is folded once, for both
    # patterns.
    starts, size, pos = [], 2048, 0
    while pos < max(len(original), 1):
        starts.append((pos, min(size, chunk)))
        pos += min(size, chunk)
        size *= 2
    pieces: list[str] = []
    for pat in pats:
        for k, (start, size) in enumerate(starts):
            if k == len(pieces):
                piece = original[start:start + size + overlap]
                folded = fast_fold(piece)
                if len(folded) != len(piece):  # offsets would shift: the slow exact way
                    spans = find_spans(original, tokens, " ".join(tokens) if pat is pats[0]
                                       and len(pats) > 1 else None, limit=1)
                    return spans[0][0] if spans else None
                pieces.append(folded)
            m = pat.search(pieces[k])
            if m:
                return start + m.start()
    return None


def snippet_for(original: str, tokens: list[str], width: int = SNIPPET_CHARS,
                phrase: bool = True, folded: str | None = None) -> tuple[str, list[tuple[int, int]]]:
    """`make_snippet` around the first match, highlighting only inside the window: a long
    body is folded and scanned only up to its first match. `phrase=False` when the index
    says the phrase is not there (no need to scan the whole body for it).

    >>> snippet_for("Đảm bảo an ninh, trật tự xã hội", ["an", "ninh"], width=20)
    ('… m bảo an ninh, trật  …', [(8, 15)])
    """
    first = first_match(original, tokens, phrase, folded=folded)
    if first is None:
        return make_snippet(original, [], width)
    start = max(0, first - width // 3)
    end = min(len(original), start + width)
    start = max(0, min(start, end - width))
    window = original[start:end]
    spans = [(s + start, e + start) for s, e in find_spans(window, tokens, " ".join(tokens))]
    return make_snippet(original, spans or [(first, first)], width)


def make_snippet(original: str, spans: list[tuple[int, int]],
                 width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """A window of `original` around the first match, with the matches inside it.

    >>> make_snippet("Mục tiêu: xây dựng nông thôn mới", [(19, 32)], width=20)
    ('… y dựng nông thôn mới', [(9, 22)])
    """
    if not spans:
        snippet = squash(original[:width])
        return (snippet + ("…" if len(original) > width else ""), [])
    first = spans[0][0]
    start = max(0, first - width // 3)
    end = min(len(original), start + width)
    start = max(0, min(start, end - width))
    # Keep offsets exact: replace line breaks by spaces instead of squashing.
    body = original[start:end].replace("\n", " ").replace("\t", " ")
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(original) else ""
    shift = len(prefix) - start
    inside = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans
              if s < end and e > start]
    return prefix + body + suffix, inside

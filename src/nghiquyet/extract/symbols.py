"""Document symbols (số ký hiệu): `62-KH/TU`, `25/NQ-CP`, `123/2024/NQ-HĐND`, `1283/NQ-UBTVQH15`.

Party documents write number-KIND/BODY (`26-NQ/TW`), state documents number/KIND-BODY
(`892/QĐ-TTg`), laws and decrees may put the year in (`30/2020/NĐ-CP`, `47/2019/QH14`).
Typed text adds spaces (`05 - NQ/TU`) and line breaks (`08-⏎NQ/TU`); `normalise_symbol`
removes them. The kind and, for state symbols, the issuer are read from the codes.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from .vocab import load

# A code: capital first (Đ counts), then letters and digits (UBTVQH15, CTr, QĐi), whole word;
# a typist's "TƯ" for "TW" (Trung ương) keeps its Ư.
_CODE = r"[A-ZĐ][A-Za-zĐđƯư0-9]*(?![\w])"
# An office's section glued on by a dot: "UBND.KT", "NC.TH" (a capital right after the dot,
# no space, so a sentence's full stop after a symbol never joins the next word).
_DOTTED = rf"{_CODE}(?:\.[A-ZĐ][A-ZĐƯ0-9]*(?![\w]))*"
SYMBOL = re.compile(rf"""
    (?P<num>\d{{1,5}})                           # 62, 1283
    (?: \s* / \s* (?P<year>(?:19|20)\d\d) )?     # /2024 in state symbols
    \s* (?P<sep>[-/]) \s*                        # 62-KH or 892/QĐ; spaces and line breaks typed in
    (?P<codes> {_DOTTED} (?: \s* [-/] \s* {_DOTTED} )* )
""", re.VERBOSE)


class Symbol(NamedTuple):          # a tuple: built several times faster than a frozen dataclass
    text: str                 # normalised: "05-NQ/TU"
    kind_code: str | None     # "NQ"
    issuer: str | None        # from a state symbol's body code ("TTg" → "Thủ tướng Chính phủ")
    party: bool               # number-KIND/BODY style (26-NQ/TW)
    start: int
    end: int


def normalise_symbol(text: str) -> str:
    """The symbol without the spaces and line breaks typed into it.

    >>> normalise_symbol("62 -KH/TU"), normalise_symbol("08-\\n\\nNQ/TU")
    ('62-KH/TU', '08-NQ/TU')
    """
    return "".join(text.split())          # as re.sub(r"\s+", ""): both use str.isspace


@cache
def _kind_codes() -> dict[str, str]:
    kinds = load("kinds")
    out = {}
    for group in ("documents", "cited_only"):
        for kind, entry in kinds[group].items():
            for code in entry.get("codes") or []:
                out[code] = kind
    return out


def kind_of_code(code: str | None) -> str | None:
    """The document kind a symbol's kind code stands for.

    >>> kind_of_code("NQ"), kind_of_code("CTr"), kind_of_code("QĐ"), kind_of_code("UBND")
    ('nghi_quyet', 'chuong_trinh_hanh_dong', 'quyet_dinh', None)
    """
    if not code:
        return None
    codes = _kind_codes()
    if code in codes:
        return codes[code]
    upper = {k.upper(): v for k, v in codes.items()}
    return upper.get(code.upper())


def _issuer_of_code(code: str) -> str | None:
    table = load("issuers")["symbol_issuers"]
    if "." in code:
        code = code.split(".", 1)[0]          # "UBND.KT": the body is before the section
    return table.get(code) or table.get(re.sub(r"\d+$", "", code))


_CODE_SEP = re.compile(r"\s*[-/]\s*")
# A digit not glued to a word, a slash or a number before it: `(?<![\w/.,-])\d`, written to start
# with `\d` so `re` skips to the digits (the look-behind then checks the character before).
_NUMBER_START = re.compile(r"\d(?<![\w/.,-]\d)")
# What follows any slash inside a SYMBOL match: a code (`/QĐ-TTg`, `/TU`), or a year and then
# a code (`47/2019/QH14`). A slash without it (dates `03/11/2022`, `26/28`) is in no symbol.
_AFTER_SLASH = re.compile(r"\s*(?:[A-ZĐ]|(?:19|20)\d\d\s*[-/]\s*[A-ZĐ])")


# A slash `_AFTER_SLASH` follows, found by `re` (a scan for the literal "/" in C): most
# slashes are in dates and ratios ("03/11/2022", "26/28"), and testing each from Python cost
# more than all the symbols.
_SYMBOL_SLASH = re.compile(r"/(?=" + _AFTER_SLASH.pattern + ")")


def _candidates(text: str):
    """SYMBOL matches, found from the slashes every symbol has (a scan for them), which is
    several times faster than running the pattern over the whole text."""
    last_end = 0
    for q in _SYMBOL_SLASH.finditer(text):
        slash = q.start()
        if slash < last_end:
            continue                      # inside the symbol just found ("892/QĐ-TTg/...")
        # each number start in turn (`search` again from the next character, as finditer
        # would, without building an iterator for the one or two there are)
        c = _NUMBER_START.search(text, max(last_end, slash - 28), slash + 1)
        while c:
            m = SYMBOL.match(text, c.start())
            if m and m.end() > slash:
                yield m
                last_end = m.end()
                break
            c = _NUMBER_START.search(text, c.end(), slash + 1)


def parse_symbols(text: str) -> list[Symbol]:
    """Every symbol in the text, normalised, with its kind code and (state symbols) issuer.

    >>> [(s.text, s.kind_code, s.issuer) for s in parse_symbols(
    ...     "Nghị quyết số 26-NQ/TW, Quyết định số 892/QĐ-TTg, Luật số 47/2019/QH14")]
    [('26-NQ/TW', 'NQ', None), ('892/QĐ-TTg', 'QĐ', 'Thủ tướng Chính phủ'), ('47/2019/QH14', None, 'Quốc hội')]
    >>> [s.text for s in parse_symbols("Số 62 -KH/TU; 1283/NQ-UBTVQH15; số 05 - NQ/TU")]
    ['62-KH/TU', '1283/NQ-UBTVQH15', '05-NQ/TU']
    >>> parse_symbols("ngày 03/11/2022, 26/28 chỉ tiêu, Covid-19, 2021-2030, 1/TW")
    []
    >>> [s.text for s in parse_symbols("Nghị quyết số 26-NQ/TƯ ngày 03/11/2022")]
    ['26-NQ/TƯ']

    An office's section after a dot stays in the symbol; a full stop does not:

    >>> [(s.text, s.kind_code) for s in parse_symbols("số 1730/QĐ-UBND.KT, 125/UBND-NC.TH ngày")]
    [('1730/QĐ-UBND.KT', 'QĐ'), ('125/UBND-NC.TH', None)]
    >>> [s.text for s in parse_symbols("theo Kế hoạch số 62-KH/TU. Tiếp tục, số 05-NQ/TU.")]
    ['62-KH/TU', '05-NQ/TU']
    """
    out = []
    for m in _candidates(text):
        parts = _symbol_parts(m.group(0))
        if parts is not None:
            out.append(tuple.__new__(Symbol, parts + m.span()))     # Symbol(*parts, start, end)
    return out


@lru_cache(maxsize=4096)          # the same symbols are cited again and again
def _symbol_parts(matched: str) -> tuple[str, str | None, str | None, bool] | None:
    """(normalised text, kind code, issuer, party style) of the text of a SYMBOL match; None
    when it is too weak to be a symbol. The text settles the groups (the number is all the
    digits before "/" or the separator; a year follows "/" where codes start with a capital;
    the codes are the rest), so matching it alone gives the groups the match had.

    >>> _symbol_parts("892/QĐ-TTg")
    ('892/QĐ-TTg', 'QĐ', 'Thủ tướng Chính phủ', False)
    >>> _symbol_parts("10/TTr") is None       # "10/TTr" alone is too weak
    True
    """
    m = SYMBOL.fullmatch(matched)
    codes_text, sep, year = m["codes"], m["sep"], m["year"]
    codes = _CODE_SEP.split(codes_text)
    party = sep == "-" and not year
    if year and len(codes) == 1:
        kind_code, body = None, codes                 # 47/2019/QH14
    elif len(codes) >= 2:
        kind_code, body = codes[0], codes[1:]
    else:
        return None
    issuer = None
    if not party:
        for code in reversed(body):
            issuer = _issuer_of_code(code)
            if issuer:
                break
    if kind_of_code(kind_code) is None and kind_code is not None and not party:
        # "1234/UBND-KT": an office letter, the first code is the issuer's, not a kind.
        kind_code = None
    return normalise_symbol(matched), kind_code, issuer, party

"""`symbols.parse_symbols` finds and reads what it found and read before its fast paths.

The slashes a symbol can hold are found by one pattern scan instead of a test of each slash
from Python, and what a match says (normalised text, kind, issuer) is kept per distinct match.
The properties pin both to the plain loop on random texts made of symbol-like pieces."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import symbols as sym


def candidates_before(text: str) -> list[tuple[int, int, str]]:
    """`_candidates` as it was: every slash found by str.find and tested in turn."""
    out = []
    last_end = 0
    slash = text.find("/")
    while slash >= 0:
        if slash >= last_end and sym._AFTER_SLASH.match(text, slash + 1):
            lo = max(last_end, slash - 28)
            for c in sym._NUMBER_START.finditer(text, lo, slash + 1):
                m = sym.SYMBOL.match(text, c.start())
                if m and m.end() > slash:
                    out.append((m.start(), m.end(), m.group(0)))
                    last_end = m.end()
                    break
        slash = text.find("/", max(slash + 1, last_end))
    return out


def parse_before(text: str) -> list[tuple]:
    """`parse_symbols` as it was, reading each match's groups afresh."""
    out = []
    for start, end, _ in candidates_before(text):
        m = sym.SYMBOL.match(text, start)
        codes = sym._CODE_SEP.split(m["codes"])
        party = m["sep"] == "-" and not m["year"]
        if m["year"] and len(codes) == 1:
            kind_code, body = None, codes
        elif len(codes) >= 2:
            kind_code, body = codes[0], codes[1:]
        else:
            continue
        issuer = None
        if not party:
            for code in reversed(body):
                issuer = sym._issuer_of_code(code)
                if issuer:
                    break
        if sym.kind_of_code(kind_code) is None and kind_code is not None and not party:
            kind_code = None
        out.append((sym.normalise_symbol(m.group(0)), kind_code, issuer, party, start, end))
    return out


_PIECES = ["05", "892", "1", "123456", "2019", "2024", "19", "/", "/ ", " / ", "-", " - ", "–", ".",
           ",", " ", "\n", "NQ", "TU", "TW", "QĐ", "TTg", "UBND", ".KT", "KH", "CTr", "QH14", "TƯ",
           "Đ", "x", "a", "số ", "ngày 03/11/2022", "26/28", "(", "İ"]
_SEP = st.sampled_from(["/", "-", " / ", " -", "\n-", "/ "])
_CODE = st.sampled_from(["NQ", "TU", "QĐ", "TTg", "UBND", "UBND.KT", "KH", "QH14", "TƯ", "Tx", "X1", "đ"])
# Symbol-like runs: a number, perhaps a year, then codes, each part varied.
_SYMBOLS = st.tuples(
    st.sampled_from(["05", "892", "1", "123456", "", "x1"]),
    st.sampled_from(["", "/2019", " / 2024", "/1999", "/2100"]),
    st.lists(st.tuples(_SEP, _CODE).map("".join), min_size=1, max_size=3).map("".join),
    st.sampled_from(["", ".", ",", " ", "/", "-", "a", "5"])).map("".join)
_TEXTS = st.lists(st.one_of(_SYMBOLS, st.sampled_from(_PIECES), st.text(max_size=2)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_candidates_are_the_slash_by_slash_ones(text: str) -> None:
    assert [(m.start(), m.end(), m.group(0)) for m in sym._candidates(text)] == candidates_before(text)
    assert [tuple(s) for s in sym.parse_symbols(text)] == parse_before(text)

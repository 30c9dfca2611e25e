"""Text rules shared by every stage: Unicode normalisation, accent folding, Vietnamese numbers.

Normalise once (NFC → whitespace and dashes), then match. Each rule is a small pure function
whose docstring carries its cases; the doctests run with the test suite.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Dashes and minus signs that Word and PDF exports scatter through official text.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
# Spaces that are not ASCII spaces (no-break, thin, ideographic...) and zero-width marks.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                                 "\u2008\u2009\u200a\u202f\u205f\u3000"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_TRANSLATE = {**_DASHES, **_SPACES, **_ZERO_WIDTH}
# str.translate walks every character through a dict lookup (milliseconds per document), and a
# regex over them is slow too (~20 ns a character); `in` and str.replace per odd character run
# in C and only pay for the characters present.
_ODD_CHARS = tuple(map(chr, _TRANSLATE)) + ("\r",)
# `in` looks for a character by the low byte of its code (memchr); for U+2000 and U+3000 that
# byte is 0, the high byte of every ASCII letter, and a literal regex scans twice as fast.
_SLOW_FIND = {c: re.compile(c) for c in ("\u2000", "\u3000")}


def nfc(text: str) -> str:
    """Compose Vietnamese letters (NFD input from Mac/PDF tools becomes NFC).

    >>> decomposed = unicodedata.normalize("NFD", "Nghị quyết")
    >>> len(decomposed), len(nfc(decomposed))
    (13, 10)
    """
    if text is _known[0] or unicodedata.is_normalized("NFC", text):   # the common case
        return text
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    r"""NFC, unify dashes and spaces, drop zero-width marks, keep line breaks.

    >>> normalise("Giai\u00a0đoạn 2021\u20132030\u200b")
    'Giai đoạn 2021-2030'
    >>> normalise("a\r\nb\rc")
    'a\nb\nc'
    """
    rare = rare_chars(text)
    if rare is not None and all(map(_stable, rare)):
        # Already NFC (no character composes with a neighbour), and the odd characters other
        # than U+00A0 and "\r" are rare ones: looked up in `rare`, not searched for in `text`.
        present = [c for c in _ODD_CHARS if (c in rare if c in _RARE_ODD else c in text)]
        if not present:
            _remember(text, rare)
            return text
    else:
        text = nfc(text)
        present = [c for c in _ODD_CHARS
                   if (c in text if c not in _SLOW_FIND else _SLOW_FIND[c].search(text))]
        rare = None
        if not present:
            return text
    for c in present:
        if c != "\r":
            # One character at a time gives the same text as all at once: no replacement
            # ("-", " ", "") is itself an odd character.
            text = text.replace(c, _TRANSLATE[ord(c)] or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if rare is not None:              # the replacements are ASCII: no character became rare
        _remember(text, rare)
    return text


# --- what is known of one text, so later stages need not scan it again ----------------------
# Vietnamese is written in three blocks of 256 code points (the high byte of a UTF-16 code
# unit): ASCII and Latin-1, Latin Extended-A/B (ă đ ĩ ũ ơ ư), Latin Extended Additional (ạ ế ữ).
# No character of theirs composes with a neighbour in NFC, has a combining class or is a
# decimal digit other than 0-9 (tests/test_text_rare.py checks all three).
_COMMON_BLOCKS = bytes([0x00, 0x01, 0x1E])
_SURROGATES = frozenset(range(0xD8, 0xE0))     # the high bytes of a character beyond U+FFFF
_MAX_RARE = 512                                # more rare characters than this: not listed
_RARE_ODD = frozenset(c for c in _ODD_CHARS if ord(c) >> 8 not in _COMMON_BLOCKS)
# The last text `normalise` returned (or `inherit` passed it on to) with a set holding every
# character of it outside the common blocks (it may hold more), all of them `_stable`: the
# text is NFC, and a character not in the set is not in the text. One tuple, replaced whole
# (never changed in place), so a reader on another thread sees a text with its own set.
_known: tuple[str | None, frozenset[str]] = (None, frozenset())


def _remember(text: str, rare: frozenset[str]) -> None:
    global _known
    _known = (text, rare)


def rare_chars(text: str) -> frozenset[str] | None:
    """The characters of `text` outside the blocks Vietnamese is written in (U+0000-U+01FF,
    U+1E00-U+1EFF), or None when there are more than a few hundred or one is beyond U+FFFF.

    Listing them (the high byte of each UTF-16 code unit, then `bytes.find` for the few that
    are not in the common blocks) costs less than the NFC check or one `in` for a character
    whose low byte is a common letter's (U+2074 "⁴" is found at every "t").

    >>> sorted(rare_chars("Kế hoạch “số 62”–KH")), rare_chars("Nghị quyết")
    (['–', '“', '”'], frozenset())
    >>> rare_chars("đạt 🙂") is None
    True
    """
    if text.isascii():
        return frozenset()
    high = text.encode("utf-16-le", "surrogatepass")[1::2]     # each code unit's high byte
    rest = high.translate(None, _COMMON_BLOCKS)
    if not rest:
        return frozenset()
    blocks = set(rest)
    if len(rest) > _MAX_RARE or not _SURROGATES.isdisjoint(blocks):
        return None                   # many, or code units no longer at their character's index
    found = set()
    for b in blocks:
        i = high.find(b)
        while i >= 0:
            found.add(text[i])
            i = high.find(b, i + 1)
    return frozenset(found)


@lru_cache(maxsize=1024)
def _stable(c: str) -> bool:
    """A character NFC leaves as it is whatever stands around it: composed, of combining class
    0, and never the second of a pair that composes (those are marks and Hangul vowels and
    final consonants). A text of such characters is NFC, and stays so when some are removed.

    >>> _stable("“"), _stable("́"), _stable(" "), _stable("ᅡ")
    (True, False, False, False)
    """
    return (not unicodedata.combining(c) and not unicodedata.category(c).startswith("M")
            and not "ᄀ" <= c <= "ᇿ" and unicodedata.is_normalized("NFC", c))


def inherit(source: str, result: str) -> None:
    """Say that `result` was made from `source` by removing characters and adding ASCII ones
    (what cleaning does), so what is known of `source` holds for it: see `may_hold`.

    >>> text = normalise("Kế hoạch “số 62”"); inherit(text, text.upper()); may_hold(text.upper(), "⁴")
    False
    """
    known = _known
    if source is known[0]:
        _remember(result, known[1])


def may_hold(text: str, chars: str) -> bool:
    """Whether one of `chars` may be in `text`: False only when none is. For the text
    `normalise` last returned, the characters outside the common blocks are looked up in
    what it learnt, without scanning the text (the others are searched for: `in` is fast
    for them).

    >>> may_hold("đạt 7,3%⁴", "⁴⁵"), may_hold(normalise("đạt 7,3%"), "⁴⁵¹")
    (True, False)
    """
    known = _known
    if text is known[0]:
        return any(c in known[1] if ord(c) >> 8 not in _COMMON_BLOCKS else c in text
                   for c in chars)
    return any(c in text for c in chars)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip.

    >>> squash("  Thu   ngân sách\\n đạt ")
    'Thu ngân sách đạt'
    """
    # Same result as re.sub(r"\s+", " ", text).strip(): str.split() and \s agree on what is
    # whitespace (both use str.isspace), and splitting is several times faster than `re`.
    return " ".join(text.split())


def fold(text: str) -> str:
    """Accent-insensitive, lower-case form for search and matching; `đ` folds to `d`.

    >>> fold("Đảng ủy NÔNG THÔN MỚI")
    'dang uy nong thon moi'
    >>> fold("Hoà Bình") == fold("Hòa Bình")
    True
    """
    if text.isascii():                  # nothing to decompose or drop
        return text.lower()
    if len(text) <= 200:                # words and phrases recur: remember them
        return _fold_short(text)
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    combining = unicodedata.combining
    return "".join([c for c in text if not combining(c)]).lower()    # a list joins faster


_fold_short = lru_cache(maxsize=8192)(_fold)


@lru_cache(maxsize=1)
def _other_digit_blocks() -> bytes:
    """The 256-character blocks (high byte of a UTF-16 code unit) that hold a decimal digit
    other than ASCII 0-9 (Arabic-Indic, Devanagari, fullwidth...), plus the surrogates that
    carry every character above U+FFFF. Computed from the running Python's Unicode tables."""
    blocks = {cp >> 8 for cp in range(0x80, 0x10000) if chr(cp).isdecimal()}
    return bytes(sorted(blocks | set(range(0xD8, 0xE0))))


def ascii_digits_only(text: str) -> bool:
    r"""Whether every decimal digit in `text` (what `\d` matches) can only be ASCII 0-9.

    When it holds, `"0" in text or ... "9" in text` answers what `re.search(r"\d", text)`
    does, and `in` is tens of times faster than `re` on Vietnamese text. The test is
    conservative: a character from a block that has foreign digits (a fullwidth bracket, an
    emoji) answers False, and callers fall back to the regex.

    >>> ascii_digits_only("Năm 2025 đạt 7,3% – “khá”"), ascii_digits_only("đạt ５０%")
    (True, False)
    """
    if text.isascii():
        return True
    known = _known
    if text is known[0]:              # no rare character has foreign digits near it: no scan
        other = _other_digit_blocks()
        if not any(ord(c) >> 8 in other for c in known[1]):
            return True
    high = text.encode("utf-16-le", "surrogatepass")[1::2]    # each code unit's high byte
    # Deleting every harmless block's byte (bytes.translate, one pass in C) leaves those with
    # foreign digits: faster than one `in` per such block.
    return not high.translate(None, _digit_free_blocks())


@lru_cache(maxsize=1)
def _digit_free_blocks() -> bytes:
    other = _other_digit_blocks()
    return bytes(b for b in range(256) if b not in other)


def has_ascii_digit(text: str) -> bool:
    """Whether `text` holds one of ASCII 0-9 (`in` scans in C, much faster than `re`).

    >>> has_ascii_digit("Quý I năm 2025"), has_ascii_digit("Quý I")
    (True, False)
    """
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text)


def zero_digits(text: str) -> str:
    r"""`text` with each ASCII digit written "0": the same length, every digit where it was.

    A regex that only asks whether a character is a digit matches there where it matches in
    `text` (with `0` for `[0-9]` when every digit is ASCII, see `ascii_digits_only`), and one
    that starts with the literal "0" is searched for character by character in C; `[0-9]`
    first makes `re` call its class test at every character (several times slower). Nine
    `str.replace` calls find their digit by `memchr` and copy the text only when it is there.

    >>> zero_digits("Năm 2025 đạt 7,3%; 1.946/QĐ")
    'Năm 0000 đạt 0,0%; 0.000/QĐ'
    """
    return (text.replace("1", "0").replace("2", "0").replace("3", "0").replace("4", "0")
            .replace("5", "0").replace("6", "0").replace("7", "0").replace("8", "0")
            .replace("9", "0"))


_NUMBER = re.compile(r"""
    ^\d{1,3}(?:\.\d{3})+(?:,\d+)?$     # 17.900  1.234.567  1.234,5   (dot groups thousands)
  | ^\d+(?:,\d+)?$                     # 7,3  53  0,6              (comma is the decimal mark)
""", re.VERBOSE)


@lru_cache(maxsize=4096)              # the same few hundred numbers recur ("100", "2025")
def parse_number(token: str) -> float | None:
    """Read a number as Vietnamese writes it: `.` groups thousands, `,` marks decimals.

    >>> parse_number("17.900")
    17900.0
    >>> parse_number("7,3")
    7.3
    >>> parse_number("1.234.567,5")
    1234567.5
    >>> parse_number("517,995")
    517.995
    >>> parse_number("2.5")      # a dot before one digit cannot group thousands: a decimal
    2.5
    >>> parse_number("abc") is None
    True
    """
    token = token.strip()
    if not _NUMBER.match(token):
        # English-style decimals ("2.5", "0.6") appear in sloppy text; accept them when the
        # dot cannot be a thousands separator (not followed by exactly three digits).
        m = re.fullmatch(r"(\d+)\.(\d{1,2}|\d{4,})", token)
        if m:
            return float(token)
        return None
    return float(token.replace(".", "").replace(",", "."))


def format_number(value: float | None, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way (thousands `.`, decimal `,`).

    >>> format_number(17900)
    '17.900'
    >>> format_number(7.3)
    '7,3'
    >>> format_number(None)
    ''
    >>> format_number(1234.5678, 2)
    '1.234,57'
    """
    if value is None:
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
        decimals = min(decimals, 4)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_date(iso: str | None) -> str:
    """`2021-12-23` → `23/12/2021` (empty for None).

    >>> format_date("2021-12-23")
    '23/12/2021'
    """
    if not iso:
        return ""
    y, m, d = iso[:10].split("-")
    return f"{d}/{m}/{y}"

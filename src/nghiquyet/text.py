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
    if unicodedata.is_normalized("NFC", text):  # the common case, and much cheaper to check
        return text
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    r"""NFC, unify dashes and spaces, drop zero-width marks, keep line breaks.

    >>> normalise("Giai\u00a0đoạn 2021\u20132030\u200b")
    'Giai đoạn 2021-2030'
    >>> normalise("a\r\nb\rc")
    'a\nb\nc'
    """
    text = nfc(text)
    present = [c for c in _ODD_CHARS
               if (c in text if c not in _SLOW_FIND else _SLOW_FIND[c].search(text))]
    if not present:
        return text
    for c in present:
        if c != "\r":
            # One character at a time gives the same text as all at once: no replacement
            # ("-", " ", "") is itself an odd character.
            text = text.replace(c, _TRANSLATE[ord(c)] or "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


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

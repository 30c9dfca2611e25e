r"""Plain-text files: find the encoding, decode, convert legacy TCVN3/VNI typing.

Vietnamese `.txt` files come in UTF-8 (with or without BOM), UTF-16 (Notepad's "Unicode",
sometimes without BOM), Windows-1258 (which writes tones as combining marks) and the legacy
font encodings TCVN3 and VNI, whose bytes are Latin-1 characters. `decode` tries them in
that order of certainty and returns the text with the encoding's name.

>>> decode("Nghị quyết".encode("utf-16-le"))
('Nghị quyết', 'utf-16')
>>> decode(b"Nghi\xf2 quy\xea\xect")      # cp1258: letter, then the tone as a combining mark
('Nghị quyết', 'cp1258')
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from viparse.normalize.frequency import vietnamese_score

from . import legacy


class NotText(ValueError):
    """The bytes are not a text document; the message is the reason, in Vietnamese."""


_BOMS = [                                  # longest first: UTF-32-LE starts like UTF-16-LE
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
]
_CONTROL_SHARE = 0.01     # more control characters than this: a binary file, not text
# C0 and C1 control characters other than tab, line feed, vertical tab, form feed, return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_C0_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(raw: bytes) -> tuple[str, str]:
    """Decode a text file's bytes: (text, encoding name). Raises `NotText`."""
    text, encoding = _decode_unicode(raw)
    if encoding in ("utf-8", "utf-16", "utf-32"):
        if not (encoding == "utf-8" and _no_control_bytes(raw)):
            _check_text(text)
        found = legacy.detect(text)                   # TCVN3 saved through a Unicode editor
        if found:
            text, encoding = legacy.convert(text, found), found
    return text, encoding


def _decode_unicode(raw: bytes) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), name
            except UnicodeDecodeError:
                raise NotText(f"hỏng mã {name} (invalid {name} text)") from None
    if b"\x00" in raw:
        codec = _utf16_without_bom(raw)
        if codec is None:
            raise NotText("tệp nhị phân, không phải văn bản (binary file: NUL bytes)")
        try:
            return raw.decode(codec), "utf-16"
        except UnicodeDecodeError:
            raise NotText("hỏng mã UTF-16 (invalid UTF-16 text)") from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_8bit(raw)


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte (ASCII's high byte).

    >>> _utf16_without_bom("Kế hoạch 2025".encode("utf-16-le")), _utf16_without_bom(bytes(range(32)))
    ('utf-16-le', None)
    """
    sample = raw[:8192]
    half = len(sample) // 2
    if half < 8:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _decode_8bit(raw: bytes) -> tuple[str, str]:
    """Not UTF-8: Windows-1258, or TCVN3/VNI bytes read as Latin-1, whichever is most Vietnamese."""
    latin = raw.decode("latin-1")                     # never fails: every byte is a char
    _check_text(latin, c1=False)                      # before viparse drops control chars
    candidates: list[tuple[float, str, str]] = []
    try:
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
        candidates.append((vietnamese_score(text[:6000]), text, "cp1258"))
    except UnicodeDecodeError:
        pass
    found = legacy.detect(latin)
    if found:
        text = legacy.convert(latin, found)
        candidates.append((vietnamese_score(text[:6000]), text, found))
    if not candidates:
        raise NotText("không đọc được mã ký tự (unknown text encoding: not UTF-8, "
                      "UTF-16, Windows-1258, TCVN3 or VNI)")
    _, text, name = max(candidates, key=lambda c: c[0])
    return text, name


# The bytes of UTF-8 text that are C0 control characters (what `_CONTROLS` counts below 0x80);
# the C1 ones (U+0080-U+009F) are written C2 80 - C2 9F.
_NOT_C0 = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1F or b == 0x7F))
# A C1 control in UTF-8: C2 is always a lead byte (never a continuation), so this pair is one.
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")


def _no_control_bytes(raw: bytes) -> bool:
    r"""Whether UTF-8 bytes can hold no character `_check_text` counts as a control.

    Deleting every other byte (`bytes.translate`, in C) is several times faster than checking
    the decoded text. A C2 byte also starts U+00A0-U+00BF (the no-break space, "°", "§"), and
    texts that hold one are common: only a C2 before 80-9F (a C1 control) sends the text to
    the full check (`re` skips from C2 to C2 for its literal first byte).

    >>> _no_control_bytes("Kế hoạch\tsố 62\r\n".encode()), _no_control_bytes(b"a\x01b")
    (True, False)
    >>> _no_control_bytes("a\u0085b".encode()), _no_control_bytes("a\u00a0b 30°".encode())
    (False, True)
    """
    return not raw.translate(None, _NOT_C0) and (b"\xc2" not in raw or not _C1_BYTES.search(raw))


def _printable(text: str) -> bool:
    r"""Whether every character is printable once line breaks, tabs and no-break spaces are
    set aside (none of them is one of the control characters `_check_text` counts).

    `str.isprintable` runs in C, much faster than a regex over the text; it is False for any
    control character, but also for a zero-width mark or a line separator (callers then count).

    >>> _printable("Kế hoạch\tsố\u00a062\r\n"), _printable("a\x00b"), _printable("a\u200bb")
    (True, False, False)
    """
    for c in "\n\t\r\v\f\u00a0":
        if c in text:
            text = text.replace(c, "")
    return text.isprintable()


def _check_text(text: str, c1: bool = True) -> None:
    """Refuse decoded bytes with many control characters (a renamed binary file).

    `c1=False` for bytes read as Latin-1, where 0x80-0x9F are cp1252/cp1258 quotes and dashes.
    """
    sample = text[:20000]
    if _printable(sample):
        return                        # control characters are never printable: there are none
    controls = len((_CONTROLS if c1 else _C0_CONTROLS).findall(sample))
    if sample and controls > _CONTROL_SHARE * len(sample):
        raise NotText("tệp nhị phân, không phải văn bản (binary file: control characters)")

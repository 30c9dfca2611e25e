"""Legacy Vietnamese font encodings (TCVN3/ABC `.VnTime`, VNI `VNI-Times`) → Unicode.

Before Unicode, Vietnamese was typed with 8-bit fonts: the bytes are ordinary Latin-1
characters (`Céng hoµ x· héi`, `Coäng hoøa xaõ hoäi`) that only the font drew as Vietnamese.
`viparse` holds the conversion tables; this module decides *whether* and *where* to use them:

- a line is a candidate only when it carries Latin-1 letters and none of the letters that
  exist only in Unicode Vietnamese (`ạ ấ đ ơ ư ...`), so real Unicode text is never touched;
- the encoding is decided once for the document (viparse's detector, or, for text too short
  for it, whichever table turns the text into the most Vietnamese-looking characters);
- `viparse.fix` strips the ends of what it converts, so it runs per line and the line's own
  indentation is put back.
"""
from __future__ import annotations

import re

import viparse
from viparse.normalize.frequency import vietnamese_score

LEGACY_ENCODINGS = ("tcvn3", "vni")
_SAMPLE_CHARS = 6000          # enough for the detector to be decisive, bounded for speed
_ASCII_BYTES = bytes(range(128))     # deleted by bytes.translate to count the others


def _unicode_only(c: str) -> bool:
    """Letters Vietnamese has in Unicode but no legacy text can contain (as decoded bytes)."""
    o = ord(c)
    return 0x1EA0 <= o <= 0x1EF9 or c in "ăĂđĐơƠưƯĩĨũŨ" or 0x0300 <= o <= 0x0323


def _latin1_high(c: str) -> bool:
    return "\u00a0" < c <= "\u00ff"


def legacy_line(line: str) -> bool:
    """Whether a line may be TCVN3/VNI: Latin-1 letters, no Unicode-only Vietnamese letters.

    >>> legacy_line("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    True
    >>> legacy_line("Cộng hòa xã hội chủ nghĩa Việt Nam"), legacy_line("Kế hoạch số 62")
    (False, False)
    """
    high = False
    for c in line:
        if c > "\u00a0":
            if _latin1_high(c):
                high = True
            elif _unicode_only(c):
                return False
    return high


def looks_legacy(text: str) -> bool:
    """Whether a text as a whole is typed in a legacy encoding rather than Unicode.

    >>> looks_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam\\n§éc lËp - Tù do - H¹nh phóc")
    True
    >>> looks_legacy("Cộng hoà xã hội chủ nghĩa Việt Nam\\nĐộc lập - Tự do - Hạnh phúc")
    False
    """
    # Counted with C-level encodes, not a Python loop: this runs on every text read.
    sample = text[:_SAMPLE_CHARS * 2]
    if sample.isascii():
        return False
    # Unicode Vietnamese answers within the first two thirds: its letters beyond Latin-1 are
    # already more than a fifth of what the rest could add, even all Latin-1.
    cut = len(sample) * 2 // 3
    high, beyond = _latin1_counts(sample[:cut])
    if beyond * 5 >= high + len(sample) - cut:
        return False
    more_high, more_beyond = _latin1_counts(sample[cut:])
    high, beyond = high + more_high, beyond + more_beyond
    return high >= 3 and beyond * 5 < high


def _latin1_counts(text: str) -> tuple[int, int]:
    """(Latin-1 letters, characters beyond Latin-1) in a text.

    >>> _latin1_counts("Céng hoµ"), _latin1_counts("Cộng hòa")
    ((2, 0), (1, 1))
    """
    latin1 = text.encode("latin-1", "ignore")
    return len(latin1.translate(None, _ASCII_BYTES)), len(text) - len(latin1)


def detect(text: str) -> str | None:
    """The legacy encoding of a text ("tcvn3", "vni") or None when it is Unicode already.

    >>> detect("Uû ban nh©n d©n tØnh §¾k L¾k quyÕt ®Þnh")
    'tcvn3'
    >>> detect("UÛy ban nhaân daân tænh Ñaék Laék quyeát ñònh")
    'vni'
    >>> detect("Ủy ban nhân dân tỉnh Đắk Lắk quyết định") is None
    True
    """
    if not looks_legacy(text):
        return None
    sample = "\n".join(line for line in text.split("\n") if legacy_line(line))[:_SAMPLE_CHARS]
    found = viparse.detect_text_encoding(sample)
    if found in LEGACY_ENCODINGS:
        return found
    # Too short (or too unusual) for viparse's detector: the right table leaves no Latin-1
    # debris (`©`, `Ø`, `§`) behind; ties go to the more Vietnamese-looking result.
    before = _debris(sample)
    scored = []
    for name in LEGACY_ENCODINGS:
        fixed = viparse.fix(sample, encoding=name)
        scored.append((-_debris(fixed), vietnamese_score(fixed), name))
    debris, _, name = max(scored)
    if -debris * 3 <= before and before >= 2 and _syllables_share(
            viparse.fix(sample, encoding=name)) >= _MIN_SYLLABLES:
        return name
    return None


_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_TONED = frozenset("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
# One Vietnamese syllable: initial consonant(s), one to three vowels, a final consonant.
_SYLLABLE = re.compile(rf"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
                       rf"[{_VOWELS}]{{1,3}}(?:ng|nh|ch|[cmnptk])?$")    # k: Đắk Lắk
_WORD = re.compile(r"[^\W\d_]+")
_MIN_SYLLABLES = 0.8


def _syllables_share(text: str) -> float:
    """Share of the accented words that are well-formed Vietnamese syllables.

    A wrong table (or a German text taken for TCVN3) gives `grửòe`, `stọdte`: not syllables.

    >>> _syllables_share("Uỷ ban nhân dân tỉnh Đắk Lắk quyết định")
    1.0
    >>> _syllables_share("Die Grửòe der Stọdte in ệsterreich") < 0.5
    True
    """
    words = [w for w in _WORD.findall(text.lower()) if not w.isascii()]
    if not words:
        return 0.0
    good = sum(1 for w in words if _SYLLABLE.match(w) and sum(c in _TONED for c in w) <= 1)
    return good / len(words)


_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def _debris(text: str) -> int:
    """Latin-1 characters that are not Vietnamese letters: what legacy bytes look like.

    >>> _debris("Uû ban nh©n d©n"), _debris("Ủy ban nhân dân")
    (3, 0)
    """
    return sum(1 for c in text if _latin1_high(c) and c not in _VIETNAMESE_LATIN1)


def convert(text: str, encoding: str) -> str:
    """Convert the legacy lines of a text, keeping line structure and indentation.

    >>> convert("  Céng hoµ x· héi chñ nghÜa ViÖt Nam\\n\\nSè 62 -KH/TU", "tcvn3")
    '  Cộng hoà xã hội chủ nghĩa Việt Nam\\n\\nSố 62 -KH/TU'
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if legacy_line(line):
            lines[i] = convert_piece(line, encoding)
    return "\n".join(lines)


def convert_piece(piece: str, encoding: str, upper: bool = False) -> str:
    """Convert one run or line, keeping its leading and trailing whitespace.

    `upper` is for TCVN3 "H" fonts (`.VnTimeH`): they draw lower-case bytes as capitals.

    >>> convert_piece(" nghÞ quyÕt ", "tcvn3", upper=True)
    ' NGHỊ QUYẾT '
    """
    core = piece.strip()
    if not core:
        return piece
    lead = piece[:len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()):]
    fixed = viparse.fix(core, encoding=encoding)
    return lead + (fixed.upper() if upper else fixed) + trail


def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name implies (`.VnTime` → tcvn3, `VNI-Times` → vni).

    >>> font_encoding(".VnTimeH"), font_encoding("VNI-Helve"), font_encoding("Times New Roman")
    ('tcvn3', 'vni', None)
    """
    if not font:
        return None
    name = font.split("+", 1)[-1].strip().upper()      # PDF subset tags: "ABCDEF+.VnTime"
    if name.startswith(".VN"):
        return "tcvn3"
    if name.startswith("VNI"):
        return "vni"
    return None


def upper_font(font: str | None) -> bool:
    """TCVN3 capital fonts end in H: `.VnTimeH`, `.VnArialH` (their text is typed lower-case).

    >>> upper_font(".VnTimeH"), upper_font(".VnTime"), upper_font("VNI-Times")
    (True, False, False)
    """
    return bool(font) and font_encoding(font) == "tcvn3" and font.rstrip().endswith("H")

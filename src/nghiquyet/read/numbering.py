"""Word automatic numbering (numbering.xml) turned back into the labels a reader sees.

A paragraph with `w:numPr` (numId, ilvl) shows a label Word computes: the level's `lvlText`
(`%1.`, `%2)`, `%1.%2.`) filled with running counters in each level's `numFmt` (decimal,
upperRoman, lowerLetter ...), deeper levels restarting when a higher one advances. Bullets
become `-` (or the `+`/`*` typed as the bullet), whatever Symbol glyph draws them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Bullet glyphs typed as text keep their meaning; Symbol/Wingdings glyphs become "-".
_BULLETS = {"-": "-", "–": "-", "+": "+", "*": "*"}


def roman(n: int) -> str:
    """Roman numerals for `upperRoman` lists.

    >>> roman(4), roman(14), roman(1990)
    ('IV', 'XIV', 'MCMXC')
    """
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                          (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                          (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def letters(n: int) -> str:
    """Word's letter numbering: a … z, aa, bb …

    >>> letters(1), letters(26), letters(27)
    ('a', 'z', 'aa')
    """
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in a `w:numFmt` format.

    >>> [format_number(3, f) for f in ("decimal", "upperRoman", "lowerLetter", "decimalZero")]
    ['3', 'III', 'c', '03']
    """
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """numbering.xml: levels per list instance, and the running counters."""
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def from_part(cls, element) -> Numbering:
        numbering = cls()
        if element is None:
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for an in element.iter(W + "abstractNum"):
            abstract[an.get(W + "abstractNumId")] = {
                int(lvl.get(W + "ilvl", "0")): _read_level(lvl) for lvl in an.iter(W + "lvl")}
        for num in element.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            levels = dict(abstract.get(ref.get(W + "val") if ref is not None else "", {}))
            for override in num.iter(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                lvl = override.find(W + "lvl")
                base = _read_level(lvl) if lvl is not None else levels.get(ilvl, _Level())
                start = override.find(W + "startOverride")
                if start is not None:
                    base = _Level(base.fmt, base.text, to_int(start.get(W + "val"), 1))
                levels[ilvl] = base
            numbering.levels[num.get(W + "numId")] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """The visible label of the next item of list `num_id` at level `ilvl`."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        level = levels[ilvl]
        if level.fmt == "bullet":
            glyph = level.text.strip()
            return _BULLETS.get(glyph, "-")
        counters = self.counters.setdefault(num_id, [None] * 10)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        label = level.text
        for i in range(9, -1, -1):                   # %10 is not a thing; %1..%9
            token = f"%{i + 1}"
            if token in label:
                lvl = levels.get(i, _Level())
                value = counters[i] if counters[i] is not None else lvl.start
                label = label.replace(token, format_number(value, lvl.fmt))
        return label.strip()


def _read_level(lvl) -> _Level:
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    start = lvl.find(W + "start")
    return _Level(fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                  text.get(W + "val", "") if text is not None else "",
                  to_int(start.get(W + "val") if start is not None else None, 1))


def to_int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default

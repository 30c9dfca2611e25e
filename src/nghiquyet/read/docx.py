"""Word `.docx`: body paragraphs and tables in document order, as plain lines.

What Word keeps out of the text is put back so the extractor sees what a reader sees:
- automatic numbering (`numPr` → numbering.xml) becomes its visible label: `I.`, `1.`, `a)`, `-`;
- a table row becomes one line, cells joined by ` | ` (tables of targets: STT | Chỉ tiêu | ...);
- a footnote call becomes a superscript number (`đô thị¹`) and the footnote bodies follow the
  text as lines `¹ text`, which the outline parser turns into footnotes;
- runs set in legacy fonts (`.VnTime`, `.VnTimeH`, `VNI-Times`) are converted to Unicode.
Headers, footers, comments, deleted revisions and text boxes are left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from docx import Document
from lxml import etree

from . import legacy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Containers whose runs are part of the visible text.
_TRANSPARENT = {W + t for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent",
                                "customXml", "moveTo", "fldSimple", "bdo", "dir")} | {
    MC + "AlternateContent", MC + "Choice"}
# Bullet glyphs (Symbol/Wingdings private-use code points included) shown as "-".
_BULLETS = {"-": "-", "–": "-", "+": "+", "*": "*"}


def superscript(number: int) -> str:
    """`12` → `¹²`.

    >>> superscript(1), superscript(12)
    ('¹', '¹²')
    """
    return str(number).translate(_SUPERSCRIPT)


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
                    base = _Level(base.fmt, base.text, _int(start.get(W + "val"), 1))
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
                  _int(start.get(W + "val") if start is not None else None, 1))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Style:
    based_on: str | None = None
    num: tuple[str, int] | None = None
    font: str | None = None


class Styles:
    """styles.xml: the numbering and font a paragraph or run inherits from its style."""

    def __init__(self, element):
        self.styles: dict[str, _Style] = {}
        self.default_font: str | None = None
        if element is None:
            return
        defaults = element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default_font = _font(defaults)
        for style in element.iter(W + "style"):
            based = style.find(W + "basedOn")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            self.styles[style.get(W + "styleId")] = _Style(
                based.get(W + "val") if based is not None else None,
                _num_pr(num_pr, style_level=True),
                _font(style.find(W + "rPr")))

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def num(self, style_id: str | None) -> tuple[str, int] | None:
        return next((s.num for s in self._chain(style_id) if s.num), None)

    def font(self, style_id: str | None) -> str | None:
        return next((s.font for s in self._chain(style_id) if s.font), None)


def _num_pr(num_pr, style_level: bool = False) -> tuple[str, int] | None:
    if num_pr is None:
        return None
    num_id = num_pr.find(W + "numId")
    ilvl = num_pr.find(W + "ilvl")
    if num_id is None and not style_level:
        return None
    return (num_id.get(W + "val") if num_id is not None else "",
            _int(ilvl.get(W + "val") if ilvl is not None else None, 0))


def _font(rpr) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(W + "rFonts")
    if fonts is None:
        return None
    return fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "cs")


class _Reader:
    def __init__(self, document):
        part = document.part
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        self.numbering = Numbering.from_part(numbering)
        self.styles = Styles(document.styles.element)
        self.footnote_bodies = _footnote_elements(part)
        self.footnotes: list[str] = []               # bodies, in order of their calls
        self.legacy: dict[str, int] = {}             # characters converted per encoding

    # -- body -------------------------------------------------------------------------------
    def lines(self, body) -> list[str]:
        out: list[str] = []
        for child in body:
            self._block(child, out)
        if self.footnotes:
            out.append("")                           # apart from a closing recipients list
        for i, note in enumerate(self.footnotes, 1):
            out.append(f"{superscript(i)} {note}")
        return out

    def _block(self, el, out: list[str]) -> None:
        tag = el.tag
        if tag == W + "p":
            out.append(self.paragraph(el))
        elif tag == W + "tbl":
            for row in el.iter(W + "tr"):
                if _inside_nested_table(row, el):
                    continue
                cells = [self._cell(tc) for tc in row.findall(W + "tc")]
                cells += [self._cell(tc) for sdt in row.findall(W + "sdt")
                          for tc in sdt.iter(W + "tc")]
                if any(cells):
                    out.append(" | ".join(cells))
        elif tag in _TRANSPARENT:
            for child in el:
                self._block(child, out)

    def _cell(self, tc) -> str:
        parts: list[str] = []
        for child in tc:
            self._block(child, parts)
        return " ".join(" ".join(p.split()) for p in parts if p.strip())

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, p) -> str:
        ppr = p.find(W + "pPr")
        style_id = None
        num = None
        if ppr is not None:
            pstyle = ppr.find(W + "pStyle")
            style_id = pstyle.get(W + "val") if pstyle is not None else None
            num = _num_pr(ppr.find(W + "numPr"))
        if num is None:
            num = self.styles.num(style_id)
        para_font = self.styles.font(style_id) or self.styles.default_font
        pieces: list[tuple[str, str | None, bool]] = []
        self._runs(p, para_font, pieces)
        text = self._convert(pieces)
        if num and num[0] not in ("", "0"):
            label = self.numbering.label(*num)
            if label:
                text = f"{label} {text.lstrip()}"
        return text

    def _runs(self, el, para_font, pieces) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "r":
                self._run(child, para_font, pieces)
            elif tag in _TRANSPARENT:
                self._runs(child, para_font, pieces)

    def _run(self, r, para_font, pieces) -> None:
        rpr = r.find(W + "rPr")
        font = _font(rpr)
        if font is None and rpr is not None:
            rstyle = rpr.find(W + "rStyle")
            if rstyle is not None:
                font = self.styles.font(rstyle.get(W + "val"))
        font = font or para_font
        encoding = legacy.font_encoding(font)
        upper = legacy.upper_font(font)
        for child in r:
            tag = child.tag
            if tag == W + "t":
                pieces.append((child.text or "", encoding, upper))
            elif tag in (W + "tab", W + "ptab"):
                pieces.append(("\t", None, False))
            elif tag in (W + "br", W + "cr"):
                pieces.append(("\n", None, False))
            elif tag == W + "noBreakHyphen":
                pieces.append(("-", None, False))
            elif tag == W + "footnoteReference":
                pieces.append((self._footnote(child.get(W + "id")), None, False))

    def _convert(self, pieces: list[tuple[str, str | None, bool]]) -> str:
        """Join run texts; convert consecutive legacy runs of one font kind together."""
        out: list[str] = []
        i = 0
        while i < len(pieces):
            text, encoding, upper = pieces[i]
            j = i + 1
            while j < len(pieces) and pieces[j][1:] == (encoding, upper) and encoding:
                text += pieces[j][0]
                j += 1
            if encoding:
                self.legacy[encoding] = self.legacy.get(encoding, 0) + len(text)
                text = "\n".join(legacy.convert_piece(line, encoding, upper)
                                 for line in text.split("\n"))
            out.append(text)
            i = j
        return "".join(out)

    # -- footnotes -------------------------------------------------------------------------
    def _footnote(self, note_id: str | None) -> str:
        body = self.footnote_bodies.get(note_id or "")
        if body is None:
            return ""
        parts: list[str] = []
        for p in body.iter(W + "p"):
            parts.append(self.paragraph(p))
        self.footnotes.append(" ".join(" ".join(t.split()) for t in parts if t.strip()))
        return superscript(len(self.footnotes))


def _inside_nested_table(row, table) -> bool:
    parent = row.getparent()
    while parent is not None and parent is not table:
        if parent.tag == W + "tbl":
            return True
        parent = parent.getparent()
    return False


def _footnote_elements(part) -> dict[str, object]:
    """Footnote bodies by id, read from the footnotes part (python-docx has no API for it)."""
    for rel in part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            return {fn.get(W + "id"): fn for fn in root.iter(W + "footnote")
                    if fn.get(W + "type") in (None, "normal")}
    return {}


def read_docx(source) -> tuple[str, str | None, list[str]]:
    """Read a .docx (path or file object): (text, legacy encoding or None, warnings)."""
    document = Document(source)
    reader = _Reader(document)
    text = "\n".join(reader.lines(document.element.body))
    warnings: list[str] = []
    encoding = max(reader.legacy, key=reader.legacy.get) if reader.legacy else None
    if len(reader.legacy) > 1:
        warnings.append("văn bản trộn nhiều bảng mã cũ (mixed legacy encodings: "
                        + ", ".join(sorted(reader.legacy)) + ")")
    found = legacy.detect(text)       # legacy bytes under a Unicode font name
    if found:
        text = legacy.convert(text, found)
        encoding = encoding or found
    return text, encoding, warnings

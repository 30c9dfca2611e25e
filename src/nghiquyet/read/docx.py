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

import re
from dataclasses import dataclass

from docx import Document
from lxml import etree

from . import legacy
from .numbering import Numbering, to_int

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# A table of at most two columns holding these is page layout, not data: the header
# (issuer | national motto, symbol | place and date) or the recipients | signer block.
_LAYOUT_TABLE = re.compile(r"""
    Nơi\s+nhận | NƠI\s+NHẬN | \bT/M\b | \bTM\. | \bKT\. | CỘNG\s+HÒA | CỘNG\s+HOÀ
  | ĐẢNG\s+CỘNG\s+SẢN | Độc\s+lập | ^Số\s*:?\s*\d | ngày\s+\d{1,2}\s+tháng
""", re.VERBOSE | re.MULTILINE)
# Containers whose runs are part of the visible text.
_TRANSPARENT = {W + t for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent",
                                "customXml", "moveTo", "fldSimple", "bdo", "dir")} | {
    MC + "AlternateContent", MC + "Choice"}


def superscript(number: int) -> str:
    """`12` → `¹²`.

    >>> superscript(1), superscript(12)
    ('¹', '¹²')
    """
    return str(number).translate(_SUPERSCRIPT)


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
            to_int(ilvl.get(W + "val") if ilvl is not None else None, 0))


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
            self._table(el, out)
        elif tag in _TRANSPARENT:
            for child in el:
                self._block(child, out)

    def _table(self, table, out: list[str]) -> None:
        """A data table gives one line per row (` | ` between cells); a layout table (the
        issuer | motto header, the recipients | signer block) is read column by column."""
        rows: list[list[list[str]]] = []
        for row in table.iter(W + "tr"):
            if _inside_nested_table(row, table):
                continue
            cells = row.findall(W + "tc") + [tc for sdt in row.findall(W + "sdt")
                                             for tc in sdt.iter(W + "tc")]
            rows.append([self._cell_lines(tc) for tc in cells])
        width = max((len(row) for row in rows), default=0)
        text = "\n".join(line for row in rows for cell in row for line in cell)
        if width <= 2 and _LAYOUT_TABLE.search(text):
            for col in range(width):
                if col:
                    out.append("")               # the next column is a block of its own
                out.extend(line for row in rows if col < len(row) for line in row[col])
            return
        for row in rows:
            cells = [" ".join(" ".join(line.split()) for line in cell) for cell in row]
            if any(cells):
                out.append(" | ".join(cells))

    def _cell_lines(self, tc) -> list[str]:
        parts: list[str] = []
        for child in tc:
            self._block(child, parts)
        return [line for part in parts for line in part.split("\n") if line.strip()]

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

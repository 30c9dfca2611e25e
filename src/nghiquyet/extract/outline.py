"""Outline: split the normalised text into paragraphs and build the tree of numbered sections.

Every later rule works on `Layout.paragraphs`, so each extracted item knows its character span
and its section path (`II. MỤC TIÊU › 2. Một số chỉ tiêu cụ thể đến năm 2030`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Footnote, Section, Span

# Heading labels, most specific first. Each pattern captures (label, rest of line).
_HEADINGS: list[tuple[int, re.Pattern[str]]] = [
    # "Phần thứ nhất", "PHẦN I", "Chương II", "CHƯƠNG 2"
    (0, re.compile(r"^((?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d+|thứ\s+\w+|THỨ\s+\w+))[.:]?\s*(.*)$")),
    # "I. MỤC TIÊU", "II- NHIỆM VỤ"
    (1, re.compile(r"^([IVXLC]{1,6})\s*[.\-/:)]\s*(\S.*)$")),
    # "Điều 1. ..." in decisions and People's Council resolutions
    (2, re.compile(r"^(Điều\s+\d+)\s*[.:]\s*(.*)$")),
    # "2.1.3. ...", "2.1. ...", "2.1 ..."
    (4, re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(\S.*)$")),
    (3, re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$")),
    # "1. ...", "1) ...", "1/ ..."
    (2, re.compile(r"^(\d{1,2})\s*[.)/]\s+(\S.*)$")),
    # "a) ...", "b. ..." (lower-case letter items)
    (5, re.compile(r"^([a-zđ])\s*[).]\s+(\S.*)$")),
]
# Bullet items: they belong to the section above them and are not sections themselves.
_BULLET = re.compile(r"^([-+*•–])\s*")
_FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPERSCRIPT = str.maketrans(_FOOTNOTE_MARKS, "1234567890")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")


@dataclass
class Paragraph:
    """One line of the normalised text (after cleaning, a line is a paragraph)."""
    text: str
    span: Span
    section: int | None = None        # index in Layout.sections of the innermost section
    bullet: str | None = None         # "-", "*", "+" when the line is a list item
    is_heading: bool = False


@dataclass
class Layout:
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    def path(self, section: int | None) -> str | None:
        """`II. MỤC TIÊU › 2. Một số chỉ tiêu cụ thể đến năm 2030` for a section index."""
        parts: list[str] = []
        while section is not None:
            s = self.sections[section]
            parts.append(f"{s.label}. {_short(s.heading)}")
            section = s.parent
        return " › ".join(reversed(parts)) or None

    def horizon(self, section: int | None) -> int | None:
        """The nearest year stated by the section's heading or an enclosing one."""
        while section is not None:
            s = self.sections[section]
            if s.year:
                return s.year
            section = s.parent
        return None


def _short(title: str, limit: int = 120) -> str:
    """A heading cut at its first sentence, so a numbered paragraph gives a short title.

    >>> _short("Mục tiêu chung")
    'Mục tiêu chung'
    >>> _short("Đối với cấp tỉnh: Tổ chức Hội nghị cán bộ cốt cán")
    'Đối với cấp tỉnh'
    """
    title = re.split(r"(?<=\w)[:;.](?:\s|$)", title, maxsplit=1)[0].strip()
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def heading_year(heading: str) -> int | None:
    """The horizon a heading states: the last year after `năm`, `đến`, or in a period.

    >>> heading_year("Một số chỉ tiêu cụ thể đến năm 2030")
    2030
    >>> heading_year("MỤC TIÊU, CHỈ TIÊU NĂM 2025")
    2025
    >>> heading_year("Giai đoạn 2021-2025") 
    2025
    >>> heading_year("Tầm nhìn đến 2050")
    2050
    >>> heading_year("Mục tiêu chung") is None
    True
    """
    years = [int(y) for y in _YEAR.findall(heading)]
    return max(years) if years else None


def classify_line(line: str) -> tuple[int, str, str] | None:
    """(level, label, heading) when a line opens a numbered section, else None.

    >>> classify_line("II. MỤC TIÊU, TẦM NHÌN")
    (1, 'II', 'MỤC TIÊU, TẦM NHÌN')
    >>> classify_line("2.1. Đối với cấp tỉnh: Tổ chức hội nghị")
    (3, '2.1', 'Đối với cấp tỉnh: Tổ chức hội nghị')
    >>> classify_line("a) Về kinh tế")
    (5, 'a', 'Về kinh tế')
    >>> classify_line("- Tỷ lệ hộ nghèo giảm còn 3%") is None
    True
    >>> classify_line("2030 là năm cuối") is None
    True
    """
    for level, pattern in _HEADINGS:
        m = pattern.match(line)
        if m:
            label, rest = m.group(1), m.group(2).strip()
            if level == 1 and not _is_roman(label):
                continue
            return level, label, rest
    return None


def _is_roman(label: str) -> bool:
    return bool(re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", label))


def parse(text: str) -> Layout:
    """Split text into paragraphs and sections. Footnote bodies (`¹ text`) become footnotes."""
    layout = Layout(text=text)
    stack: list[int] = []             # open sections, outermost first
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if not line:
            continue
        lead = len(raw) - len(raw.lstrip())
        span = (start + lead, start + lead + len(line))
        if line[0] in _FOOTNOTE_MARKS:
            mark = line[0].translate(_SUPERSCRIPT)
            layout.footnotes.append(Footnote(mark=mark, text=line[1:].strip()))
            continue
        heading = classify_line(line)
        if heading:
            level, label, rest = heading
            while stack and layout.sections[stack[-1]].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            section = Section(label=label, heading=rest, level=level, parent=parent, span=span,
                              year=heading_year(_short(rest, 400)))
            layout.sections.append(section)
            stack.append(len(layout.sections) - 1)
        bullet = _BULLET.match(line)
        layout.paragraphs.append(Paragraph(
            text=line, span=span, section=stack[-1] if stack else None,
            bullet=bullet.group(1) if bullet and not heading else None,
            is_heading=heading is not None))
    _attach_footnotes(layout)
    return layout


def _attach_footnotes(layout: Layout) -> None:
    """Find where each footnote is called (¹ after a word) and record offset and section."""
    for note in layout.footnotes:
        mark = _FOOTNOTE_MARKS["1234567890".index(note.mark)] if note.mark in "1234567890" else None
        if not mark:
            continue
        for p in layout.paragraphs:
            i = p.text.find(mark)
            if i > 0:
                note.called_at = p.span[0] + i
                note.section = layout.path(p.section)
                break

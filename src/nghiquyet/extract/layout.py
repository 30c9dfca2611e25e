"""The layout every extraction stage reads: a document's paragraphs (lines, with span, zone and
section) and its tree of sections, as `outline.parse` builds them. Split from `outline`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Footnote, Section, Span


@dataclass(slots=True)                # made for every line: slots make it and its reads faster
class Paragraph:
    """One line of the normalised text (after cleaning, a line is a paragraph)."""
    text: str
    span: Span
    section: int | None = None        # index in Layout.sections of the innermost section
    bullet: str | None = None         # "-", "*", "+" when the line is a list item
    is_heading: bool = False
    zone: str = "body"                # "head", "title", "preamble", "body", "tail"
    # `text.lower()`, kept by `lowered` for the stages that each lower-case the same paragraph.
    low: str | None = field(default=None, repr=False, compare=False)


def lowered(p: Paragraph) -> str:
    """`p.text.lower()`, computed once for all the stages (the text is final after `parse`).

    >>> lowered(Paragraph("Hoàn thành TRƯỚC", (0, 16)))
    'hoàn thành trước'
    """
    if p.low is None:
        p.low = p.text.lower()
    return p.low


@dataclass
class Layout:
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    kind: str | None = None           # the kind named by the title line ("ke_hoach")
    title_start: int | None = None    # paragraph index of the kind line
    tail_start: int | None = None     # paragraph index where the closing block starts
    plain: str | None = None          # `text` with footnote calls blanked (None: there are none)
    # Section paths already built (every figure and deadline asks for its section's); `parse`
    # empties it once the headings are final (footnote calls blanked).
    paths: dict[int | None, str | None] = field(default_factory=dict, repr=False, compare=False)
    # What later stages read from the final layout more than once (the header's place and date).
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def plain_text(self) -> str:
        """The text with footnote calls ("7,3%⁹") blanked, same length: offsets still hold."""
        return self.text if self.plain is None else self.plain

    def path(self, section: int | None) -> str | None:
        """`II. MỤC TIÊU › 2. Một số chỉ tiêu cụ thể đến năm 2030` for a section index."""
        if section in self.paths:
            return self.paths[section]
        self.paths[section] = path = self._path(section)
        return path

    def _path(self, section: int | None) -> str | None:
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

    def zone(self, name: str) -> list[Paragraph]:
        """The paragraphs of one zone, in order."""
        return [p for p in self.paragraphs if p.zone == name]


# `(?<=\w)[:;.](?:\s|$)`: a colon, semicolon or full stop after a word, before a blank or the
# end. Written to start with the marks, so `re` skips to them instead of trying the look-behind
# at every character (3x faster on headings); the look-behind then checks the word before.
_SENTENCE_CUT = re.compile(r"[:;.](?<=\w[:;.])(?:\s|$)")


@lru_cache(maxsize=4096)            # every figure and deadline asks for its section's path
def _short(title: str, limit: int = 120) -> str:
    """A heading cut at its first sentence, so a numbered paragraph gives a short title.

    >>> _short("Mục tiêu chung")
    'Mục tiêu chung'
    >>> _short("Đối với cấp tỉnh: Tổ chức Hội nghị cán bộ cốt cán")
    'Đối với cấp tỉnh'
    """
    title = _SENTENCE_CUT.split(title, maxsplit=1)[0].strip()
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"

"""Text PDFs: the text layer page by page, without running headers, footers and page numbers,
with hard-wrapped lines joined back into paragraphs.

A PDF has no paragraphs, only lines placed on pages. A line is joined to the next when it
runs (nearly) the full text width and the next line does not open a heading or an item, or
when the next line plainly continues it (lower-case start, a symbol cut at its hyphen: the
rules of `clean.glue`). Lines repeated at the top or bottom of most pages (`TỈNH ỦY HÀ TĨNH`,
`- 2 -`, `Trang 2/5`) are running headers and footers and are dropped.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from typing import NamedTuple

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from . import legacy
from .columns import split_columns
from .clean import _HEADING, _ITEM, _body_start, _ends_sentence, _is_title, glue


class PdfProblem(ValueError):
    """A PDF that gives no text; the message is the reason, in Vietnamese."""


NO_TEXT = "không có lớp văn bản (scanned PDF, no text layer; OCR chưa hỗ trợ)"
_MIN_CHARS_PER_PAGE = 20          # fewer letters than this on average: a scanned image
_EDGE = 3                         # lines at the top and bottom of a page that may be running
_PAGE_NUMBER = re.compile(r"""
    ^(?: [-–—]?\s*\d{1,4}\s*[-–—]?            # 2   - 2 -
       | (?:Trang|TRANG|trang|Page)\s*\d{1,4}(?:\s*/\s*\d{1,4})?   # Trang 2   Trang 2/5
       | \d{1,4}\s*/\s*\d{1,4}                # 2/5
       | (?:Trang|TRANG|trang|Page)\s*\d{1,4}\s*(?:/|của|trên)\s*\d{1,4}   # Trang 3 / 3
    )$
""", re.VERBOSE)
_DIGITS = re.compile(r"\d+")
_FULL_WIDTH = 0.8                 # share of the typical line length that counts as a full line


def read_pdf(source) -> tuple[str, str | None, list[str]]:
    """Read a text PDF (path or file object): (text, legacy encoding or None, warnings)."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)      # malformed-but-readable noise
    try:
        reader = PdfReader(source, strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (PyPdfError, NotImplementedError) as e:
                raise PdfProblem(f"PDF được mã hóa (encrypted PDF: {e})") from None
            if not ok:
                raise PdfProblem("PDF được mã hóa, cần mật khẩu (encrypted PDF, password needed)")
        pages = [_page_lines(_page_text(page), first_page=i == 0)
                 for i, page in enumerate(reader.pages)]
    except PdfProblem:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, AssertionError, RecursionError, OSError) as e:
        raise PdfProblem(f"PDF hỏng, không đọc được (corrupt PDF: {type(e).__name__})") from None
    if not pages:
        raise PdfProblem("PDF không có trang nào (no pages)")
    letters = sum(sum(ch.isalnum() for ch in line.text) for lines in pages for line in lines)
    if letters < _MIN_CHARS_PER_PAGE * len(pages):
        raise PdfProblem(NO_TEXT)
    warnings = [f"trang {i} không có chữ (page {i} has no text layer)"
                for i, lines in enumerate(pages, 1) if not lines]
    lines = join_lines(strip_running(pages))
    text = "\n".join(lines)
    encoding = legacy.detect(text)    # .VnTime fonts give TCVN3 bytes as Latin-1 letters
    if encoding:
        text = legacy.convert(text, encoding)
    return text, encoding, warnings


class Line(NamedTuple):
    """A printed line: its text, how far it is indented, and whether space was left above it."""
    text: str
    indent: int = 0
    gap: bool = False


def _page_text(page) -> str:
    """The page laid out as on paper: vertical gaps as blank lines, indents as spaces."""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception:                 # layout mode is young; plain mode still gives the words
        return page.extract_text() or ""


def _page_lines(text: str, first_page: bool = False) -> list[Line]:
    raws = text.splitlines()
    indents = {" ".join(r.split()): len(r) - len(r.lstrip()) for r in raws if r.strip()}
    lines: list[Line] = []
    gap = False
    for line in split_columns(raws, first_page):
        if line is None:
            gap = bool(lines)
            continue
        # A column's second part has no indent of its own: treat it as a new block's start.
        lines.append(Line(line, indents.get(line, 0), gap))
        gap = False
    return lines


def strip_running(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages.

    A running line is the same text on most pages, or the same text but for the page number
    (`Trang 2/5`, `Báo cáo 12/BC-UBND - 2`). List items that differ only in their numbers
    (`- Chỉ tiêu 8: ...`) are not running lines: their numbers are not the page's.

    >>> pages = [["TỈNH ỦY", "Nội dung một.", "- 1 -"], ["TỈNH ỦY", "Nội dung hai.", "- 2 -"],
    ...          ["TỈNH ỦY", "Nội dung ba.", "Trang 3 / 3"]]
    >>> texts = lambda pages: [[line.text for line in lines] for lines in pages]
    >>> texts(strip_running([[Line(t) for t in lines] for lines in pages]))
    [['Nội dung một.'], ['Nội dung hai.'], ['Nội dung ba.']]
    >>> pages = [["Báo cáo 5 - trang 1", "a"], ["Báo cáo 5 - trang 2", "b"], ["c", "- 8 -"]]
    >>> texts(strip_running([[Line(t) for t in lines] for lines in pages]))
    [['a'], ['b'], ['c']]
    """
    def edges(lines: list[Line]) -> list[int]:
        n = len(lines)
        return sorted(set(range(min(_EDGE, n))) | set(range(max(0, n - _EDGE), n)))

    def keys(line: str, page: int) -> set[str]:
        found = {line}
        if str(page) in _DIGITS.findall(line):       # the page number varies, the rest not
            found.add(_DIGITS.sub("#", line))
        return found

    counts: Counter[str] = Counter()
    for page, lines in enumerate(pages, 1):
        counts.update(set().union(*(keys(lines[i].text, page) for i in edges(lines)))
                      if lines else ())
    needed = max(2, len(pages) * 0.5)
    out = []
    for page, lines in enumerate(pages, 1):
        drop = {i for i in edges(lines)
                if _PAGE_NUMBER.match(lines[i].text)
                or any(counts[key] >= needed for key in keys(lines[i].text, page))}
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def join_lines(pages: list[list[Line]]) -> list[str]:
    """Join hard-wrapped lines into paragraphs (one line each); the header block stays.

    A new paragraph starts after vertical space, at an indented (or centred) line, at a
    heading or item, or after a line that stops short of the text width; `clean.glue`'s plain
    continuations (lower-case start, a symbol cut at its hyphen) always join.

    >>> page = [Line("1. Mục tiêu"), Line("Phát triển kinh tế nhanh và bền vững, giữ vững ổn định"),
    ...         Line("Hà Tĩnh đến năm 2030 trở thành tỉnh khá."), Line("- Tăng trưởng đạt 8%.")]
    >>> join_lines([page])
    ['1. Mục tiêu', 'Phát triển kinh tế nhanh và bền vững, giữ vững ổn định Hà Tĩnh đến năm 2030 trở thành tỉnh khá.', '- Tăng trưởng đạt 8%.']
    """
    lines = [(line, min((x.indent for x in page), default=0)) for page in pages for line in page]
    if not lines:
        return []
    lengths = sorted(len(line.text) for line, _ in lines)
    full = _FULL_WIDTH * lengths[int(len(lengths) * 0.9)]    # a line that fills the width
    # Blank lines carry meaning only when the text is not double-spaced throughout.
    gap_count = sum(line.gap for line, _ in lines)
    gaps_mean = gap_count <= 0.5 * len(lines)
    # Without vertical space between paragraphs, a heading may run straight into its body.
    strict_headings = not (gaps_mean and gap_count)
    texts = [line.text for line, _ in lines]
    # The header block ends at the first heading or the first full-width line of text.
    start = min(_body_start(texts), next(
        (i for i, text in enumerate(texts) if len(text) >= full and not _is_title(text)),
        len(texts)))
    out = texts[:start]
    para: str | None = None
    last = ""                                   # the paragraph's last physical line
    for line, margin in lines[start:]:
        if para is None:
            para = last = line.text
            continue
        how = glue(para, line.text)
        if (how is None and not (line.gap and gaps_mean) and line.indent <= margin + 2
                and _wraps(para, last, line.text, full, strict_headings)):
            how = (0, " ")
        last = line.text
        if how is None:
            out.append(para)
            para = line.text
        else:
            cut, sep = how
            para = (para[:-cut] if cut else para) + sep + line.text
    if para is not None:
        out.append(para)
    return out


def _wraps(para: str, last: str, line: str, full: float, strict_headings: bool = True) -> bool:
    """A full-width line that does not end a sentence continues on the next line.

    A heading (`2. Đẩy mạnh sản xuất ...`) is written in sentence case, so its wrapped part
    starts in lower case (joined by `glue`); a capital after it starts the body text, unless
    the heading is all capitals (`I. KẾT QUẢ ... AN NINH` / `NĂM 2024`).

    >>> _wraps("2. Đẩy mạnh sản xuất công nghiệp", "2. Đẩy mạnh sản xuất công nghiệp", "Triển khai", 20)
    False
    >>> _wraps("I. KẾT QUẢ PHÁT TRIỂN AN NINH", "I. KẾT QUẢ PHÁT TRIỂN AN NINH", "NĂM 2024", 20)
    True
    """
    if len(last) < full or _ends_sentence(para) or _ITEM.match(line) or _HEADING.match(line):
        return False
    if strict_headings and _HEADING.match(para) and not (_is_title(para) and _is_title(line)):
        return _open_ended(last)
    return True


# Grammar words that cannot end a heading or a sentence: a line ending in one runs on
# ("... các chủ trương khác của" / "Trung ương, ..."). A closed word class, not vocabulary.
_CONNECTORS = frozenset("""
    của và với cho theo về trong đến tại từ được những các có là để nhằm số ngày năm tháng
    như hoặc hay thì mà nên vào ra trên dưới giữa sau trước đối gắn thuộc bằng do bởi tới
    """.split())


def _open_ended(line: str) -> bool:
    """Whether a line stops on a word that needs a continuation.

    >>> _open_ended("lồng ghép với các chủ trương khác của"), _open_ended("nâng cao sức cạnh tranh")
    (True, False)
    """
    words = line.rsplit(" ", 1)
    return words[-1].lower() in _CONNECTORS

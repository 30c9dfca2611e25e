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

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from . import legacy
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
        pages = [_page_lines(page.extract_text() or "") for page in reader.pages]
    except PdfProblem:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, AssertionError, RecursionError, OSError) as e:
        raise PdfProblem(f"PDF hỏng, không đọc được (corrupt PDF: {type(e).__name__})") from None
    if not pages:
        raise PdfProblem("PDF không có trang nào (no pages)")
    letters = sum(sum(ch.isalnum() for ch in line) for lines in pages for line in lines)
    if letters < _MIN_CHARS_PER_PAGE * len(pages):
        raise PdfProblem(NO_TEXT)
    warnings = [f"trang {i} không có chữ (page {i} has no text layer)"
                for i, lines in enumerate(pages, 1) if not lines]
    lines = join_lines([line for lines in strip_running(pages) for line in lines])
    text = "\n".join(lines)
    encoding = legacy.detect(text)    # .VnTime fonts give TCVN3 bytes as Latin-1 letters
    if encoding:
        text = legacy.convert(text, encoding)
    return text, encoding, warnings


def _page_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def strip_running(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages.

    A running line is the same text on most pages, or the same text but for the page number
    (`Trang 2/5`, `Báo cáo 12/BC-UBND - 2`). List items that differ only in their numbers
    (`- Chỉ tiêu 8: ...`) are not running lines: their numbers are not the page's.

    >>> pages = [["TỈNH ỦY", "Nội dung một.", "- 1 -"], ["TỈNH ỦY", "Nội dung hai.", "- 2 -"],
    ...          ["TỈNH ỦY", "Nội dung ba.", "Trang 3 / 3"]]
    >>> strip_running(pages)
    [['Nội dung một.'], ['Nội dung hai.'], ['Nội dung ba.']]
    >>> strip_running([["Báo cáo 5 - trang 1", "a"], ["Báo cáo 5 - trang 2", "b"], ["c", "- 8 -"]])
    [['a'], ['b'], ['c']]
    """
    def edges(lines: list[str]) -> list[int]:
        n = len(lines)
        return sorted(set(range(min(_EDGE, n))) | set(range(max(0, n - _EDGE), n)))

    def keys(line: str, page: int) -> set[str]:
        found = {line}
        if str(page) in _DIGITS.findall(line):       # the page number varies, the rest not
            found.add(_DIGITS.sub("#", line))
        return found

    counts: Counter[str] = Counter()
    for page, lines in enumerate(pages, 1):
        counts.update(set().union(*(keys(lines[i], page) for i in edges(lines))) if lines else ())
    needed = max(2, len(pages) * 0.5)
    out = []
    for page, lines in enumerate(pages, 1):
        drop = {i for i in edges(lines)
                if _PAGE_NUMBER.match(lines[i])
                or any(counts[key] >= needed for key in keys(lines[i], page))}
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def join_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs (one line each); the header block stays.

    >>> join_lines(["1. Mục tiêu", "Phát triển kinh tế nhanh và bền vững, giữ vững ổn định",
    ...             "Hà Tĩnh đến năm 2030 trở thành tỉnh khá.", "- Tăng trưởng đạt 8%."])
    ['1. Mục tiêu', 'Phát triển kinh tế nhanh và bền vững, giữ vững ổn định Hà Tĩnh đến năm 2030 trở thành tỉnh khá.', '- Tăng trưởng đạt 8%.']
    """
    if not lines:
        return []
    lengths = sorted(len(line) for line in lines)
    full = _FULL_WIDTH * lengths[int(len(lengths) * 0.9)]    # a line that fills the width
    # The header block ends at the first heading or the first full-width line of text.
    start = min(_body_start(lines), next(
        (i for i, line in enumerate(lines) if len(line) >= full and not _is_title(line)),
        len(lines)))
    out = lines[:start]
    para: str | None = None
    last = ""                                   # the paragraph's last physical line
    for line in lines[start:]:
        if para is None:
            para = last = line
            continue
        how = glue(para, line)
        if how is None and _wraps(para, last, line, full):
            how = (0, " ")
        last = line
        if how is None:
            out.append(para)
            para = line
        else:
            cut, sep = how
            para = (para[:-cut] if cut else para) + sep + line
    if para is not None:
        out.append(para)
    return out


def _wraps(para: str, last: str, line: str, full: float) -> bool:
    """A full-width line that does not end a sentence continues on the next line."""
    return (len(last) >= full and not _ends_sentence(para) and not _is_title(para)
            and not _ITEM.match(line) and not _HEADING.match(line))

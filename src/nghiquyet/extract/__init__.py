"""Extract: turn a document's text into identity, outline, references, targets, results, deadlines.

The stages run in one direction over one `Layout` (see `outline.parse`):

    clean + normalise → outline → identity → references → figures → deadlines

`extract_text` is the library entry point; `extract_file` reads a file first (see `read`).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Extraction
from ..read import read_file
from ..read.clean import clean_text
from ..read.tables import plain_tables
from ..text import nfc, normalise
from . import deadlines, figures, identity, outline, references


def extract_text(text: str, source: str = "<text>", *, cleaned: bool = False) -> Extraction:
    """Extract everything from one document's text (any Unicode form, raw or cleaned).

    `cleaned=True` says the text is already `clean_text(normalise(...))` (what `read_file`
    returns). Cleaning is idempotent and adds no character `normalise` rewrites (it only cuts,
    and joins lines with a space or a line break), so the only change left to check is NFC:
    a removed mark can bring a letter next to a combining accent. Only then are both steps
    run again.
    """
    if not cleaned:
        # a plain-text file's tables, as `read_file` reads them (grid, pipe and tab rows)
        text = clean_text(normalise(plain_tables(text)))
    elif nfc(text) is not text:
        text = clean_text(normalise(text))
    layout = outline.parse(text)
    doc = identity.extract(layout)
    result = Extraction(source=source, document=doc, text=text,
                        outline=layout.sections, footnotes=layout.footnotes)
    result.references = references.extract(layout)
    result.targets, result.results = figures.extract(layout, doc)
    result.deadlines = deadlines.extract(layout)
    return result


def extract_file(path: str | Path) -> Extraction:
    """Read a .txt/.docx/.pdf file and extract it. Raises `read.ReadError` on unreadable input."""
    path = Path(path)
    doc = read_file(path)
    result = extract_text(doc.text, source=path.name, cleaned=True)
    result.file_type, result.encoding = doc.file_type, doc.encoding
    result.warnings = list(doc.warnings)
    return result

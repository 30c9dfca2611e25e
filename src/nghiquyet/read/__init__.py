"""Read: turn a .txt/.docx/.pdf file into clean, NFC-normalised text.

`read_file(path)` picks the reader by content and suffix and returns `ReadText`; any failure
is a `ReadError` naming the file and the reason, never a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..text import normalise
from .clean import clean_text


class ReadError(Exception):
    """A file that cannot be read as a document: the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


@dataclass
class ReadText:
    text: str
    file_type: str                    # "txt", "docx", "pdf"
    encoding: str | None = None       # "utf-8", "utf-16", "cp1258", "tcvn3", "vni"...
    warnings: list[str] = field(default_factory=list)


def read_file(path: str | Path) -> ReadText:
    """Read a document file into cleaned Unicode text (stub: UTF-8 .txt only)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ReadError(path, e.strerror or str(e)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError(path, "not UTF-8 text") from None
    return ReadText(text=clean_text(normalise(text)), file_type="txt", encoding="utf-8")

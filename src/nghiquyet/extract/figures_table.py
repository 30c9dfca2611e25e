"""Tables of targets, as the .docx reader writes them: one row a line, cells joined by " | "."""
from __future__ import annotations

from ..model import Figure


class TableReader:
    """Reads consecutive " | " rows; the header row says which column holds what."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.columns = None

    def row(self, text, para, layout, ctx) -> list[Figure]:
        return []

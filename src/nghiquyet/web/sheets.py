"""An uploaded spreadsheet shown back to the person, with each problem beside its cell.

`track.imports` validates and names problems by file, row and column (the header's text);
this module only lays the sheet out as a table and puts the messages where they belong.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..text import fold, squash

MAX_ROWS = 300      # enough for a unit's sheet; a longer one is cut, its problems still listed


@dataclass
class Sheet:
    rows: list[tuple[int, list]]                       # (row number, cells)
    width: int = 0
    cell_errors: dict[tuple[int, int], str] = field(default_factory=dict)
    row_errors: dict[int, list[str]] = field(default_factory=dict)
    file_errors: list[str] = field(default_factory=list)
    cut: bool = False


def read_sheet(path: Path) -> Sheet:
    """The first sheet (or the CSV) as rows of cells; an unreadable file gives an empty sheet."""
    rows: list[tuple[int, list]] = []
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import load_workbook
            wb = load_workbook(path, read_only=True, data_only=True)
            ws = wb["Số liệu"] if "Số liệu" in wb.sheetnames else wb.worksheets[0]
            for i, r in enumerate(ws.iter_rows(values_only=True), start=1):
                rows.append((i, ["" if c is None else c for c in r]))
                if i > MAX_ROWS:
                    break
            wb.close()
        else:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
            for i, r in enumerate(csv.reader(io.StringIO(text)), start=1):
                rows.append((i, r))
                if i > MAX_ROWS:
                    break
    except Exception:  # noqa: BLE001 — the import's own problem says why it is unreadable
        rows = []
    cut = len(rows) > MAX_ROWS
    rows = rows[:MAX_ROWS]
    # drop trailing empty columns (openpyxl reports the formatted width)
    width = max((max((j + 1 for j, c in enumerate(cells) if str(c).strip()), default=0)
                 for _, cells in rows), default=0)
    return Sheet([(n, list(cells[:width]) + [""] * (width - len(cells))) for n, cells in rows],
                 width, cut=cut)


def _column_index(sheet: Sheet, name: str) -> int | None:
    """Index of the column whose header cell reads `name` (accents and case ignored)."""
    want = squash(fold(name))
    for _, cells in sheet.rows[:15]:
        for j, c in enumerate(cells):
            if squash(fold(str(c))) == want:
                return j
    return None


def annotate(sheet: Sheet, problems) -> Sheet:
    """Attach `track.imports.Problem`s to their cell, their row, or the whole file."""
    for p in problems:
        if not p.row:
            sheet.file_errors.append(p.message)
            continue
        j = _column_index(sheet, p.column) if p.column else None
        if j is None:
            sheet.row_errors.setdefault(p.row, []).append(
                f"{p.column}: {p.message}" if p.column else p.message)
        else:
            key = (p.row, j)
            sheet.cell_errors[key] = "; ".join(filter(None, (sheet.cell_errors.get(key), p.message)))
    return sheet

"""Tables in a plain-text file, written the ways converters write them, as one line a row with
its cells joined by ` | ` (what the .docx and PDF readers give, and what the stages read):

- a grid table (`+----+------+` borders, `| 1  | Rà soát ... |` rows): a cell may wrap onto
  several lines inside one row, and the pieces of each column are joined;
- a pipe table (`| TT | Nội dung |`, then `|----|------|`): the outer bars and the rule go;
- cells separated by tabs, on two or more lines in a row (`1<TAB>Tập huấn<TAB>Quý II/2026`).

Other lines are left exactly as they are.
"""
from __future__ import annotations

import re

# A grid table's border: "+----+-----+", "+====+=====+", "+:---+" (pandoc's alignment marks).
_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
# A pipe table's rule under its header: "|----|:---:|", "---|---".
_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{3,}:?\s*\|?$|^\|?(?:\s*:?-{3,}:?\s*\|)+$")


def plain_tables(text: str) -> str:
    r"""The text with its tables' rows written as ` | `-joined lines.

    >>> print(plain_tables("+----+------------+--------+\n| TT | Nội dung   | Thời   |\n"
    ...                    "+====+============+========+\n| 1  | Rà soát an | Trước  |\n"
    ...                    "|    | toàn       | 30/6   |\n+----+------------+--------+"))
    TT | Nội dung | Thời
    1 | Rà soát an toàn | Trước 30/6
    >>> print(plain_tables("| TT | Nội dung |\n|----|:---|\n| 1 | Tập huấn |\nSau bảng."))
    TT | Nội dung
    1 | Tập huấn
    Sau bảng.
    >>> plain_tables("TT\tNội dung\tThời gian\n1\tTập huấn\tQuý II/2026\n\tTỈNH ỦY HÀ TĨNH").split("\n")
    ['TT | Nội dung | Thời gian', '1 | Tập huấn | Quý II/2026', '\tTỈNH ỦY HÀ TĨNH']
    >>> plain_tables("Không có bảng | chỉ một dấu.")
    'Không có bảng | chỉ một dấu.'
    """
    bar = "|" in text
    tab = "\t" in text and _cell_between_tabs(text)
    if not bar and not tab:
        return text                   # most files: one-character searches
    lines = text.split("\n")
    if bar and ("+-" in text or "+=" in text):
        lines = _grid_tables(lines)
    if bar:
        lines = [_pipe_row(line) for line in lines]
        lines = [line for line in lines if line is not None]
    if tab:
        lines = _tab_rows(lines)
    return "\n".join(lines)


def _grid_tables(lines: list[str]) -> list[str]:
    """Each row between two borders becomes one line, its columns cut where the border's
    `+` marks stand and the pieces of a column joined."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        border = lines[i].strip()
        if not _BORDER.match(border):
            out.append(lines[i])
            i += 1
            continue
        indent = len(lines[i]) - len(lines[i].lstrip())
        cuts = [indent + k for k, c in enumerate(border) if c == "+"]
        i += 1
        row: list[list[str]] = []
        while i < len(lines) and lines[i].strip().startswith("|"):
            line = lines[i].rstrip()
            for col, (a, b) in enumerate(zip(cuts, cuts[1:])):
                piece = line[a + 1:b].strip(" |")
                if len(row) <= col:
                    row.append([])
                if piece:
                    row[col].append(piece)
            i += 1
        if row:                       # the closing border opens the next row
            out.append(" | ".join(" ".join(parts) for parts in row))
    return out


def _pipe_row(line: str) -> str | None:
    """`| 1 | Tập huấn |` → `1 | Tập huấn`; a header's rule → None; other lines unchanged."""
    s = line.strip()
    if not (s.startswith("|") and s.endswith("|") and len(s) > 1) and not (
            "-" in s and "|" in s and _RULE.match(s)):
        return line
    if _RULE.match(s):
        return None
    return " | ".join(c.strip() for c in s[1:-1].split("|"))


def _cell_between_tabs(text: str) -> bool:
    """Whether some line holds text between two tabs (a middle cell), found from the tabs with
    `str.find`: most files have tabs only before a line (alignment), and are not split.

    >>> _cell_between_tabs("\\tTỈNH ỦY\\n\\tNơi nhận:"), _cell_between_tabs("1\\tTập huấn\\tQuý II")
    (False, True)
    """
    i = text.find("\t")
    while i >= 0:
        j = text.find("\t", i + 1)
        if j < 0:
            return False
        line_end = text.find("\n", i)
        if (line_end < 0 or j < line_end) and text[i + 1:j].strip():
            return True
        i = j
    return False


def _tab_rows(lines: list[str]) -> list[str]:
    """Lines of three or more tab-separated cells, two or more such lines in a row."""
    cells: list[list[str] | None] = []
    for line in lines:
        inner = line.strip() if "\t" in line else ""       # most lines: one character test
        cells.append([c.strip() for c in inner.split("\t")] if inner.count("\t") >= 2 else None)
    wide = [c is not None and sum(1 for x in c if x) >= 3 for c in cells]
    out = []
    for j, line in enumerate(lines):
        if wide[j] and ((j and wide[j - 1]) or (j + 1 < len(lines) and wide[j + 1])):
            out.append(" | ".join(x for x in cells[j] if x))   # type: ignore[union-attr]
        else:
            out.append(line)
    return out

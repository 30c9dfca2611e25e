"""Side-by-side columns in a PDF page laid out as text.

Vietnamese official documents print two blocks side by side: the issuer and the symbol on the
left, the national motto and the place and date on the right; at the end the recipients
(`Nơi nhận:`) on the left and the signer (`T/M BAN THƯỜNG VỤ`, position, name) on the right.
A PDF's text layer reads them across, line by line (`Nơi nhận:      T/M BAN THƯỜNG VỤ`). This
module cuts such lines at the wide gap and reads each block column by column, as a person
does. A line with three or more gapped parts is a table row: its cells are joined by ` | `.
"""
from __future__ import annotations

import re

_GAP = re.compile(r" {5,}")             # wider than any justified word space
_SIGNER = re.compile(r"^(?:T/M|TM\.?|KT\.?|Q\.|TL\.?|TUQ\.?|THỪA LỆNH|THAY MẶT)\s")
_TAIL = ("Nơi nhận", "NƠI NHẬN", "Nơi gửi")
_MAX_PLAIN_INSIDE = 2                   # one-column lines a two-column block may hold
_MAX_PLAIN_IN_TAIL = 40                 # recipients listed below the signer's block
_TOP_LINES = 3                          # the issuer/motto block starts within these lines


def _parts(raw: str) -> list[tuple[int, str]]:
    """The gapped parts of a laid-out line with their columns.

    >>> _parts("   Nơi nhận:          T/M BAN THƯỜNG VỤ")
    [(3, 'Nơi nhận:'), (22, 'T/M BAN THƯỜNG VỤ')]
    """
    parts, pos = [], 0
    for piece in _GAP.split(raw):
        start = raw.index(piece, pos) if piece.strip() else pos
        if piece.strip():
            parts.append((start + len(piece) - len(piece.lstrip()), " ".join(piece.split())))
        pos = start + len(piece)
    return parts


def split_columns(raw_lines: list[str], first_page: bool) -> list[str | None]:
    """Lines read column by column where two blocks stand side by side; None marks a gap.

    >>> page = ["   TỈNH ỦY NGHỆ AN                  ĐẢNG CỘNG SẢN VIỆT NAM",
    ...         "         *",
    ...         "   Số 45-KH/TU               Nghệ An, ngày 12 tháng 3 năm 2024",
    ...         "",
    ...         "I. MỤC TIÊU"]
    >>> split_columns(page, first_page=True)
    ['TỈNH ỦY NGHỆ AN', '*', 'Số 45-KH/TU', None, 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Nghệ An, ngày 12 tháng 3 năm 2024', None, 'I. MỤC TIÊU']
    >>> split_columns(["1      Thu ngân sách      tỷ đồng      5.000"], first_page=False)
    ['1 | Thu ngân sách | tỷ đồng | 5.000']
    """
    width = max((len(r.rstrip()) for r in raw_lines), default=0)
    rows: list[list[tuple[int, str]]] = [_parts(r) if r.strip() else [] for r in raw_lines]
    out: list[str | None] = []
    i = 0
    while i < len(rows):
        at_top = first_page and sum(line is not None for line in out) < _TOP_LINES
        end = _block_end(rows, i, width, at_top)
        if end is None:
            parts = rows[i]
            if not parts:
                out.append(None)
            elif len(parts) >= 3:
                out.append(" | ".join(text for _, text in parts))
            else:
                out.append(" ".join(text for _, text in parts))
            i += 1
            continue
        left: list[str] = []
        right: list[str] = []
        for parts in rows[i:end]:
            if len(parts) == 2:
                left.append(parts[0][1])
                right.append(parts[1][1])
            elif len(parts) == 1:
                col, text = parts[0]
                (right if _is_right(col, width) else left).append(text)
        out.extend(left + [None] + right)
        i = end
    return out


def _is_right(col: int, width: int) -> bool:
    return col >= 0.45 * width


def _two(parts: list[tuple[int, str]], width: int) -> bool:
    """Exactly two parts, the second starting in the right half."""
    return len(parts) == 2 and _is_right(parts[1][0], width)


def _block_end(rows, i: int, width: int, at_top: bool) -> int | None:
    """End of a two-column block starting at row `i`, or None when none starts there.

    Only where such blocks belong: the top of the first page, and the recipients/signer
    block (`Nơi nhận:` on the left or `T/M ...` on the right). In the top block a few
    one-column lines (`*`) may sit between two-column ones; in the closing block the
    recipients list runs on in the left column below the signer.
    """
    parts = rows[i]
    if not _two(parts, width):
        return None
    tail = parts[0][1].startswith(_TAIL) or bool(_SIGNER.match(parts[1][1]))
    if not (at_top or tail):
        return None
    limit = _MAX_PLAIN_IN_TAIL if tail else _MAX_PLAIN_INSIDE
    end = last = i + 1                  # `last`: one past the last two-column/right row
    plain = 0
    while end < len(rows):
        row = rows[end]
        if _two(row, width) or (len(row) == 1 and _is_right(row[0][0], width)):
            plain = 0
        elif len(row) <= 1:
            plain += 1
            if plain > limit:
                break
        else:
            break
        end += 1
        if plain == 0:
            last = end
    return end if tail else last


def split_tail(text: str) -> str:
    """A text file copied from a laid-out page keeps its closing block side by side
    (`Nơi nhận:      CHỦ TỊCH`): read that block column by column, as `split_columns` does.
    The rest of the text is left as it is.

    >>> print(split_tail("Điều 3. Thi hành.\\nNơi nhận:        CHỦ TỊCH\\n- Như Điều 3;\\n- Lưu: VT.        Lê Văn A"))
    Điều 3. Thi hành.
    Nơi nhận:
    - Như Điều 3;
    - Lưu: VT.
    <BLANKLINE>
    CHỦ TỊCH
    Lê Văn A
    """
    # The closing block ends the document: searched from the end, its label is found at once.
    for label in ("Nơi ", "NƠI NHẬN"):   # "Nơi nhận", "Nơi gửi" (`_TAIL`) with one search
        at = text.rfind(label)
        while at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if not line[:at - line_start].strip() and line[at - line_start:].startswith(_TAIL):
                if "\t" in line.strip():
                    return text[:line_start] + _tab_tail(text[line_start:])
                if not _GAP.search(line.expandtabs(8).strip()):
                    return text          # the usual closing block: one column
                tail = split_columns([t.expandtabs(8).rstrip("\r")
                                      for t in text[line_start:].split("\n")], first_page=False)
                return text[:line_start] + "\n".join("" if t is None else t for t in tail)
            at = text.rfind(label, 0, at)
    return text


def _tab_tail(tail: str) -> str:
    """A closing block copied from a Word table: the recipients, a tab, the signer's lines
    (`Nơi nhận:<TAB>T/M BAN THƯỜNG VỤ`), the left cells then the right ones.

    >>> print(_tab_tail("Nơi nhận:\\tT/M BAN THƯỜNG VỤ\\n- Như trên,\\tBÍ THƯ\\n- Lưu VT.\\tLê Văn A"))
    Nơi nhận:
    - Như trên,
    - Lưu VT.
    <BLANKLINE>
    T/M BAN THƯỜNG VỤ
    BÍ THƯ
    Lê Văn A
    """
    left: list[str] = []
    right: list[str] = []
    for line in tail.split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        cells = [c for c in cells if c] or [""]
        if len(cells) == 1 and line[:1] == "\t" and left:
            right.append(cells[0])          # only the right cell on this line
            continue
        left.append(cells[0])
        right.extend(cells[1:])
    return "\n".join(left + [""] + right)

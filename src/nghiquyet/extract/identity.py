"""Identity: kind, symbol, place and date, issuer, title, signer, recipients.

Everything comes from the zones `outline.parse` marks: the head (issuer header, `Số: ...`,
`Hà Tĩnh, ngày ...`), the title (`KẾ HOẠCH` and the lines under it), the preamble (`...,
Ban Thường vụ Huyện ủy Thạch Hà ban hành Kế hoạch ...`) and the tail (`Nơi nhận:`, the
signature). Nothing is invented: a field the text does not give stays None.
"""
from __future__ import annotations

import re
from functools import cache

from ..model import Identity, Signer
from ..text import fold, squash
from .header import own_symbol, place_and_date, upper_count
from .issuer import ON_BEHALF, expand, issuer
from .outline import RULE, Layout, Paragraph, is_signature_start, looks_like_name
from .symbols import kind_of_code, parse_symbols
from .vocab import load

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# "Nơi nhận:" and the blanks after it (compiled once: it is tried on every line of the tail).
_RECIPIENTS = re.compile(r"\W*n[oơ]i\s+nh[aậ]n\s*:?\s*", re.IGNORECASE)
# "(Đã ký)", "Đã ký", "[signature]": marks between the position and the name.
_SIGNED = re.compile(r"^\W*(?:đã\s+ký|ký|ký\s+tên|đã\s+ký\s+và\s+đóng\s+dấu|signed|signature)\W*$",
                     re.IGNORECASE)


# "Đã ký: ", "Ký tên: " before the name on the same line.
_SIGNED_BEFORE = re.compile(r"(?:đã\s+ký|ký\s+tên)\s*:\s*", re.IGNORECASE)
# "Đồng chí ", "Đ/c ", "đ/c. " (comrade) before a signer's name: a courtesy, not the name.
_COMRADE = re.compile(r"(?:đồng\s+chí|đ\s*/\s*c)\.?\s+(?=\S)", re.IGNORECASE)


def strip_comrade(line: str) -> str:
    """The line without a leading "Đồng chí" / "Đ/c" (checked by its first letter first).

    >>> strip_comrade("Đồng chí Nguyễn Văn Hùng"), strip_comrade("Đ/c. Lê Thị Mai")
    ('Nguyễn Văn Hùng', 'Lê Thị Mai')
    >>> strip_comrade("ĐỒNG CHÍ TRẦN AN"), strip_comrade("Đồng Văn Chí"), strip_comrade("Đinh Văn An")
    ('TRẦN AN', 'Đồng Văn Chí', 'Đinh Văn An')
    """
    if line[:1] in ("Đ", "đ") and (m := _COMRADE.match(line)):
        return line[m.end():]
    return line


def extract(layout: Layout) -> Identity:
    symbol = own_symbol(layout)
    place, day = place_and_date(layout)
    signer = signer_block(layout)
    kind = layout.kind
    if kind is None and symbol:
        found = parse_symbols(symbol)
        kind = kind_of_code(found[0].kind_code) if found else None
    return Identity(
        kind=kind or "other", symbol=symbol, date=day, place=place,
        issuer=expand(issuer(layout, signer)), title=title(layout), signer=signer,
        recipients=recipients(layout))


def title(layout: Layout) -> str | None:
    if layout.title_start is not None:
        # only the first document's title (an annex has its own)
        lines = []
        for p in layout.paragraphs[layout.title_start:]:
            if p.zone != "title":
                break
            if not RULE.fullmatch(p.text):
                lines.append(p.text)
    else:
        lines = [p.text for p in layout.paragraphs
                 if p.zone == "title" and not RULE.fullmatch(p.text)]
    return squash(" ".join(lines)) or None


# --- signature and recipients ---------------------------------------------------------------

@cache
def _positions() -> list[str]:
    return sorted(load("issuers")["positions"], key=len, reverse=True)


def _tail(layout: Layout) -> list[str]:
    if layout.tail_start is None:
        return []
    out = []
    for p in layout.paragraphs[layout.tail_start:]:
        if p.zone != "tail":
            break
        out.append(p.text)
    return out


def _is_position(line: str) -> bool:
    return line.upper() == line and fold(line).strip(" .") in _folded_positions()


@cache
def _folded_positions() -> frozenset[str]:
    return frozenset(fold(p) for p in _positions())


def signer_block(layout: Layout) -> Signer:
    """`T/M BAN THƯỜNG VỤ` / `PHÓ BÍ THƯ` / `Nguyễn Văn Thắng`; name None when not printed."""
    tail = _tail(layout)
    start = next((i for i, t in enumerate(tail) if is_signature_start(t) or _is_position(t)), None)
    if start is None:
        return Signer()
    upper: list[str] = []
    name = None
    for t in tail[start:start + 8]:
        t = squash(_PAREN.sub(" ", t))
        if t[:2].lower() in ("đã", "ký") and (m := _SIGNED_BEFORE.match(t)):
            t = t[m.end():]                   # "Đã ký: Nguyễn Văn Phúc" on a copy's one line
        t = strip_comrade(t)
        if not t or _SIGNED.match(t):
            continue
        if t.startswith(("-", "+")) or _RECIPIENTS.match(t):
            if upper:
                continue
            break
        words = t.split()
        if upper and t.isupper() and not ON_BEHALF.match(t) and _upper_name(t):
            name = _recase(t)                 # "NGUYỄN VĂN BÌNH": a name typed in capitals
            break
        k = upper_count(words)
        if k < len(words) and all(len(w) == 1 for w in words[:k]):
            k = 0                             # "Y Thanh Hà Niê Kđăm": an Ê Đê name opens with "Y"
        if k:
            upper.append(" ".join(words[:k]))
        rest = " ".join(words[k:])
        if rest:
            if looks_like_name(rest):
                name = rest
            break
    behalf_lines = [u for u in upper if ON_BEHALF.match(u)]
    others = [u for u in upper if not ON_BEHALF.match(u)]
    position = " ".join(others) or None
    behalf = " ".join(behalf_lines) or None
    if position is None and behalf:
        for pos in _positions():
            head = behalf[:-len(pos)].strip() if behalf.endswith(" " + pos) else None
            if head and len(ON_BEHALF.sub("", head).split()) >= 2:
                behalf, position = head, pos
                break
    return Signer(name=name, position=position, on_behalf_of=behalf)


# Words of a title or a body, never of a person's name: "BÍ THƯ TỈNH ỦY" under "TRƯỞNG BAN" is
# the signer's second title, not the name.
_BODY_WORDS = frozenset("ỦY UỶ TỈNH HUYỆN XÃ PHƯỜNG QUẬN BAN SỞ ĐẢNG BỘ HỘI UBND HĐND".split())


def _upper_name(line: str) -> bool:
    """A person's name typed in capitals under the position: 2 to 6 words, none of them a
    title's or a body's, and not opening with a position.

    >>> _upper_name("NGUYỄN VĂN BÌNH"), _upper_name("BÍ THƯ TỈNH ỦY"), _upper_name("PHÓ CHỦ TỊCH")
    (True, False, False)
    >>> _upper_name("Nguyễn Văn Bình"), _upper_name("CHỦ TỊCH HĐND TỈNH")
    (False, False)
    """
    if line.upper() != line or line.startswith(_position_starts()) or _is_position(line):
        return False
    words = line.split()
    return not any(w in _BODY_WORDS for w in words) and looks_like_name(_recase(line))


@cache
def _position_starts() -> tuple[str, ...]:
    return tuple(p + " " for p in _positions())


def _recase(line: str) -> str:
    """ "NGUYỄN VĂN BÌNH" → "Nguyễn Văn Bình" (each word capitalised). """
    return " ".join(w.capitalize() for w in line.split())


def recipients(layout: Layout) -> list[str]:
    """The lines after `Nơi nhận:`, without their leading dash."""
    tail = _tail(layout)
    out: list[str] = []
    collecting = False
    last_was_recipient = False
    for t in tail:
        m = _RECIPIENTS.match(t)
        if m:
            collecting = True
            t = t[m.end():]
            if not t:
                continue
        if not collecting:
            continue
        if t.startswith(("-", "+", "•")):
            out.append(t.lstrip("-+• ").strip())
            last_was_recipient = True
        elif (last_was_recipient and not is_signature_start(t) and t.upper() != t
              and not looks_like_name(t) and len(t) < 150):
            out.append(t)                   # a recipient wrapped onto a second line
        else:
            last_was_recipient = False
    return [r for r in out if r]

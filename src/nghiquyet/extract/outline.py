"""Outline: split the normalised text into paragraphs, zones and the tree of numbered sections.

Every later rule works on `Layout.paragraphs`, so each extracted item knows its character span
and its section path (`II. MỤC TIÊU › 2. Một số chỉ tiêu cụ thể đến năm 2030`).

A document reads, top to bottom, in zones:

    head      issuer header, `Số: 45/QĐ-UBND`, `Hà Tĩnh, ngày ...` (before the kind line)
    title     `KẾ HOẠCH` + the title lines under it
    preamble  `Thực hiện ..., Ban Thường vụ ... ban hành Kế hoạch như sau:` / `Căn cứ ...`
    body      the numbered sections
    tail      `Nơi nhận:`, the signature block (`T/M BAN THƯỜNG VỤ`, position, name)

Only body paragraphs open sections; an annex after the tail (a plan attached to a decision)
opens a new title and body.

Section levels are not fixed per label style: the first style seen becomes the outer level and
a style met again closes everything opened below it, so `Điều 1.` › `1.` › `a)` and
`I.` › `1.` › `1.1.` › `a)` both nest as written.
"""
from __future__ import annotations

import re
from functools import cache

from ..model import Section
from . import footnotes
from ..text import fold
from .headings import _match_heading, classify_line, heading_year  # noqa: F401 (public here too)
from .layout import Layout, Paragraph, _short  # noqa: F401 (the stages import Layout from here)
from .vocab import load

# Bullet items: they belong to the section above them and are not sections themselves.
# A line is one when it opens with one of these marks (a set: "" is not in it).
_BULLETS = frozenset("-+*•–")
_ITEM_MARKS = "-+*•– "                # the bullets and a blank: none is a word character
# The closing block: "Nơi nhận:" and the "on behalf of" line of a signature.
_RECIPIENTS = re.compile(r"^\W*n[oơ]i\s+nh[aậ]n\b", re.IGNORECASE)
_ON_BEHALF = re.compile(r"""^(?:T\s?/\s?M|T\.\s?M|TM|K\s?/\s?T|KT|T\s?/\s?L|TL|TUQ|Q
                               |THAY\s+MẶT|KÝ\s+THAY|THỪA\s+LỆNH|THỪA\s+ỦY\s+QUYỀN)\.?\s+
                            [A-ZĐÀ-Ỹ]""", re.VERBOSE)
# Lines that end the preamble of a decision or resolution without being a section.
_ENACTING = re.compile(r"^(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|KẾT\s+LUẬN|CHỈ\s+THỊ)\s*:\s*$")
_NOTE_MARKS = frozenset(footnotes.MARKS)     # a line opening with one is a footnote's body
_HEAD_LIMIT = 40                      # the kind line sits within the first paragraphs
# A line that only draws a rule ("-----", "___", "* * *") under a title.
RULE = re.compile(r"[-_*=.…\s]+")


@cache
def _title_words() -> list[tuple[str, str]]:
    """(upper-case title words, kind), longest first."""
    pairs = [(w, kind) for kind, entry in load("kinds")["documents"].items() for w in entry["title"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _title_starts() -> tuple[str, ...]:
    return tuple(words for words, _ in _title_words())


def title_kind(line: str) -> str | None:
    """The kind a title line announces (`KẾ HOẠCH`, `NGHỊ QUYẾT ĐẠI HỘI ...`), else None.

    The kind words must be upper case and stand alone, so a sentence starting `Kế hoạch`
    or a header `CHƯƠNG TRÌNH MỤC TIÊU` inside the text is not a title.

    >>> title_kind("KẾ HOẠCH")
    'ke_hoach'
    >>> title_kind("CHƯƠNG TRÌNH HÀNH ĐỘNG")
    'chuong_trinh_hanh_dong'
    >>> title_kind("NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH QUẢNG NAM")
    'nghi_quyet'
    >>> title_kind("Kế hoạch thực hiện") is None, title_kind("QUYẾT ĐỊNH:") is None
    (True, True)
    """
    if not line.startswith(_title_starts()):
        return None                   # one C-level test instead of a loop over the words
    for words, kind in _title_words():
        if line.startswith(words):
            rest = line[len(words):]
            if not rest or (rest[0] == " " and rest.strip() and not rest.strip().startswith(":")):
                return kind
    return None


def is_signature_start(line: str) -> bool:
    """`T/M BAN THƯỜNG VỤ`, `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH` open a signature block.

    >>> is_signature_start("T/M BAN THƯỜNG VỤ"), is_signature_start("TM. ỦY BAN NHÂN DÂN")
    (True, True)
    >>> is_signature_start("TM Ban chỉ đạo đã họp")
    False
    """
    return bool(_ON_BEHALF.match(line)) and line.upper() == line


def _is_upper(line: str) -> bool:
    """A line with a letter and no letter that upper-casing would change.

    Most lines are mixed case: their first letter already answers, without upper-casing the
    whole line (a character whose upper case differs changes `line.upper()` too).

    >>> _is_upper("T/M BAN THƯỜNG VỤ"), _is_upper("Ban Thường vụ"), _is_upper("- 12 -")
    (True, False, False)
    """
    for c in line:
        if c.isalpha():
            if c.upper() != c:
                return False
            break
    else:
        return False                  # no letter at all
    return line.upper() == line


def parse(text: str) -> Layout:
    """Split text into paragraphs, zones and sections. Footnote bodies (`¹ text`) become footnotes."""
    layout = Layout(text=text)
    add = layout.paragraphs.append        # looked up once: this loop runs on every line
    pos = 0
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        if not raw:
            continue                      # a blank line of cleaned text
        line = raw.strip()
        if not line:
            continue
        if line is raw:               # cleaned text: strip() gives back the same object
            span = (start, pos - 1)
        else:
            lead = len(raw) - len(raw.lstrip())
            span = (start + lead, start + lead + len(line))
        if line[0] in _NOTE_MARKS:
            layout.footnotes.append(footnotes.note(line, span))
            continue
        add(Paragraph(line, span))        # positional: twice as fast
    _mark_zones(layout)
    _build_sections(layout)
    footnotes.attach(layout)
    footnotes.blank_layout(layout)
    layout.paths.clear()                  # built from headings that may have had calls blanked
    return layout


def _mark_zones(layout: Layout) -> None:
    paras = layout.paragraphs
    i = _find_title(paras, 0)
    if i is not None:
        layout.title_start = i
        layout.kind = title_kind(paras[i].text)
        for p in paras[:i]:
            p.zone = "head"
    else:
        i = 0
    while i < len(paras):
        i = _mark_document(layout, i)
        # An annex (a plan attached to a decision...) starts at its own title line; an
        # appendix ("PHỤ LỤC" and its table of tasks) after the signature, at its label.
        nxt = _find_title(paras, i)
        appendix = _find_appendix(paras, i, len(paras) if nxt is None else nxt)
        if appendix is not None:
            for p in paras[i:appendix]:
                p.zone = "tail"
            i = _mark_appendix(paras, appendix)
            continue
        for p in paras[i:nxt if nxt is not None else len(paras)]:
            p.zone = "tail"
        if nxt is None:
            break
        i = nxt


# "PHỤ LỤC", "PHỤ LỤC I", "PHỤ LỤC SỐ 02: ...", "Phụ lục 1": an appendix's label; after the
# closing block, an upper-case "DANH MỤC ...", "BIỂU ...", "BẢNG ..." heads one too.
_APPENDIX = re.compile(r"(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:SỐ|số)?\s*[0-9IVXLC]+[a-z]?)?\s*(?:[:.\-–]|$)"
                       r"|(?:DANH\s+MỤC|BIỂU|BẢNG)\b")


def _find_appendix(paras: list[Paragraph], start: int, end: int) -> int | None:
    """The first appendix label among paragraphs start..end (the closing block: a few lines)."""
    for j in range(start, end):
        text = paras[j].text
        if text[:1] in "PDB" and _APPENDIX.match(text) and (text[:1] == "P" or _is_upper(text)):
            return j
    return None


def _mark_appendix(paras: list[Paragraph], j: int) -> int:
    """The label and title lines of an appendix (upper case, "(Kèm theo ...)"), then its content
    as body up to another closing block or appendix; returns where that stops."""
    paras[j].zone = "title"
    k = j + 1
    while k < len(paras) and k - j <= 4 and (_is_upper(paras[k].text) or paras[k].text.startswith("(")):
        paras[k].zone = "title"
        k += 1
    while k < len(paras) and not _closes(paras, k) and not title_kind(paras[k].text) \
            and _find_appendix(paras, k, k + 1) is None:
        paras[k].zone = "body"
        k += 1
    return k


def _find_title(paras: list[Paragraph], start: int) -> int | None:
    for j in range(start, min(len(paras), start + _HEAD_LIMIT)):
        line = paras[j].text
        if title_kind(line):
            return j
        if start == 0 and _match_heading(line):
            return None           # the body has begun: no title line in this document
    return None


def _mark_document(layout: Layout, i: int) -> int:
    """Mark title, preamble and body from paragraph i; return the index where the tail starts."""
    paras = layout.paragraphs
    if title_kind(paras[i].text):
        i = _mark_title(paras, i)
    while i < len(paras) and not _opens_body(paras[i].text) and not _closes(paras, i):
        paras[i].zone = "preamble"
        i += 1
    if i < len(paras) and _ENACTING.match(paras[i].text):
        paras[i].zone = "preamble"
        i += 1
    n = len(paras)
    while i < n:
        # Paragraphs start in the body zone; most are long lines (list items too) whose first
        # word does not open with "n", which `_closes` refuses at once: tested here, no call.
        line = paras[i].text
        if len(line) > 90:
            head = line.lstrip(_ITEM_MARKS)[:1] if line[0] in _ITEM_MARKS else line[0]
            if not (head in "nN" or not (head.isalnum() or head == "_")):
                i += 1
                continue
        if _closes(paras, i):
            break
        paras[i].zone = "body"
        i += 1
    if i < n and layout.tail_start is None:
        layout.tail_start = i
    return i


def _mark_title(paras: list[Paragraph], i: int) -> int:
    """The kind line and the title lines under it; returns the first index after the title."""
    paras[i].zone = "title"
    mixed_seen = not _is_upper(paras[i].text)
    j = i + 1
    while j < len(paras) and j - i <= 8:
        line = paras[j].text
        if (_match_heading(line) or _ENACTING.match(line) or line.startswith(("(", "Căn cứ"))
                or RULE.fullmatch(line) or _dashed_grounds(line)):
            if RULE.fullmatch(line):                      # a rule under the title
                paras[j].zone = "title"
                j += 1
            break
        if _is_upper(line) and mixed_seen and not line.startswith("CỦA"):
            break                 # "HỘI ĐỒNG NHÂN DÂN TỈNH ..." under a decision's title
        if line.endswith((":", ".")) or "như sau" in line or len(line) > 450:
            break                 # the preamble sentence
        mixed_seen = mixed_seen or not _is_upper(line)
        paras[j].zone = "title"
        j += 1
    return j


def _dashed_grounds(line: str) -> bool:
    """A preamble's grounds listed with dashes ("- Căn cứ Điều lệ Đảng;"), which a title
    line never is (a title wraps onto words, not onto a list item).

    >>> _dashed_grounds("- Căn cứ Điều lệ Đảng;"), _dashed_grounds("- Xét đề nghị của Ban Nội chính")
    (True, True)
    >>> _dashed_grounds("Xét công nhận xã đạt chuẩn"), _dashed_grounds("- 2030")
    (False, False)
    """
    return line[:1] in "-+•–" and line.lstrip("-+•– ").startswith(("Căn cứ", "Xét", "Thực hiện", "Theo"))


def _opens_body(line: str) -> bool:
    return _match_heading(line) is not None


def _closes(paras: list[Paragraph], i: int) -> bool:
    """Paragraph i opens the closing block (`Nơi nhận:` or a signature)."""
    line = paras[i].text
    first = line[:1]
    # A line opening with a letter or digit other than "n" cannot match `^\W*n`: no `re` call.
    # Nor can a list item whose first word does not open with "n" ("- Tăng cường ...").
    if first in "nN" or not (first.isalnum() or first == "_"):
        head = line.lstrip(_ITEM_MARKS)[:1] if first in _ITEM_MARKS else first
        if (head in "nN" or not (head.isalnum() or head == "_")) and _RECIPIENTS.match(line):
            return True
    if len(line) > 90:
        return False                  # a signature line is short; skip the upper-case tests
    if first in "TKQ" and is_signature_start(line):     # what every "on behalf" mark opens with
        return True
    if _is_upper(line) and fold(line).replace(".", "").strip() in _position_keys():
        # A bare position ("CHỦ TỊCH") signs only near the end, above a name or `Nơi nhận`.
        rest = paras[i + 1:i + 4]
        return not rest or any(_RECIPIENTS.match(p.text) or looks_like_name(p.text) for p in rest)
    return False


@cache
def _position_keys() -> frozenset[str]:
    return frozenset(fold(p) for p in load("issuers")["positions"])


_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$")


def looks_like_name(line: str) -> bool:
    """A person's name as signed: 2 to 6 capitalised words (`Nguyễn Văn Thắng`).

    >>> looks_like_name("Nguyễn Văn Thắng"), looks_like_name("Lê Thị Thu Hằng")
    (True, True)
    >>> looks_like_name("Nơi nhận:"), looks_like_name("BÍ THƯ"), looks_like_name("Hà")
    (False, False, False)
    """
    words = line.split()
    return 2 <= len(words) <= 6 and all(_NAME_WORD.match(w) for w in words)


def _build_sections(layout: Layout) -> None:
    stack: list[tuple[str, int]] = []         # open (style, section index), outermost first
    current = None                            # the innermost open section
    sections = layout.sections
    for p in layout.paragraphs:
        if p.zone != "body":
            if p.zone == "title":
                stack, current = [], None     # an annex starts its own outline
            continue
        text = p.text
        if text[0] in _BULLETS:               # what `^([-+*•–])\s*` matched, without `re`
            p.bullet = text[0]                # (no heading label opens with these marks)
            p.section = current
            continue
        heading = _match_heading(text)
        if heading:
            style, _, label, rest = heading
            styles = [s for s, _ in stack]
            if style in styles:
                del stack[styles.index(style):]
            parent = stack[-1][1] if stack else None
            # label, heading, level, parent, span, year (positional: keywords cost twice as much)
            # A year starts "19", "20" or "21" (see `heading_year`), and the short heading is a
            # piece of `rest`: without them in `rest`, neither call can find one.
            year = heading_year(_short(rest, 400)) if (
                "20" in rest or "19" in rest or "21" in rest) else None
            sections.append(Section(label, rest, len(stack), parent, p.span, year))
            current = len(sections) - 1
            stack.append((style, current))
            p.is_heading = True
        p.section = current

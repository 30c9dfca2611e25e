r"""Clean conversion debris and re-join broken paragraphs before extraction.

Text reaches the extractor from Word exports, PDF layers and copy-paste, each leaving its own
debris: `[bookmark: _Hlk85726564]` anchors, markdown `**bold**`, tabs used for alignment, and
paragraphs cut in two by a page break (`tạo điều\n\nkiện cho`), sometimes with the page's
footnotes dropped between the halves. `clean_text` removes the debris and re-joins the halves,
so that after cleaning one line is one paragraph (what `extract.outline` expects).

Lines are joined only when the evidence is strong: the first does not end a sentence and the
next starts in lower case (or finishes a document symbol cut at its hyphen: `08-` / `NQ/TU`).
The header block (before the first heading or body paragraph), the tail (from `Nơi nhận`),
upper-case titles, list items, footnote bodies and table rows are never joined.

`clean_text` is pure and idempotent: `clean_text(clean_text(x)) == clean_text(x)`.
"""
from __future__ import annotations

import re

from ..text import may_hold

FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_MARK_SET = frozenset(FOOTNOTE_MARKS)     # a set: "" (an empty line's first character) is not in it
_HIGH_MARKS = "⁴⁵⁶⁷⁸⁹⁰"                 # the marks beyond Latin-1: slow for `in` (see text.may_hold)

# --- character-level debris ---------------------------------------------------------------
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")          # pandoc/Word anchor names
_EMPHASIS = re.compile(r"""
    \*(?<![\w*]\*)        # an opening star not glued to a word or another star (looked
                          #   at after the star, so `re` skips from star to star: ~40x faster
                          #   on a long line than a look-behind tried at every character)
    (?=[^\s*])            #   and followed by text (so "* Thành phần" stays a bullet)
    ([^*\n]*?[^\s*])      # the emphasised words, on one line
    \*(?![\w*])           # the closing star
""", re.VERBOSE)

# --- line classes -------------------------------------------------------------------------
# A line that opens a section: the body (and joining) starts at the first one.
_HEADING = re.compile(r"""
    ^(?: [IVXLC]{1,6} \s*[.\-:)]            # I. MỤC TIÊU   II- NHIỆM VỤ
       | \d{1,2}(?:\.\d{1,2}){0,2} \s*[.)/] (?!\d)  # 1.  2.1.  3)  4/  (not 9.800, 5/2023)
       | (?:Điều|ĐIỀU) \s+\d+               # Điều 1.
       | (?:PHẦN|Phần|CHƯƠNG|Chương) \s+ (?:[IVXLC]+|\d+|thứ|THỨ)\b   # Phần thứ nhất, CHƯƠNG II
    )\s*\S
""", re.VERBOSE)
# A line that starts a new item, so it never continues the line before it.
_ITEM = re.compile(r"""
    ^(?: [-+*•–]\s                 # - item   + item   * Thành phần
       | [a-zđ]\s?[).]\s           # a) item   b. item   đ) item
       | [ivx]{1,4}[).]\s          # i) ii) iii)
       | \(?\d{1,3}[).]\s          # 1) (1) 1.
    )
""", re.VERBOSE)
# A sentence (or a lead-in to a list) ends with these; `;` and `,` do not end a paragraph.
_SENTENCE_END = frozenset(".!?:…")
_CLOSERS = "'\"”’)]" + FOOTNOTE_MARKS                      # may follow the full stop
_SYMBOL_CUT = re.compile(r"\d[A-Za-z]?\s?-$")              # "Nghị quyết số 08-" / "số 08 -"
_SYMBOL_REST = re.compile(r"^[A-ZĐ][A-Za-zĐđ]*(?:[/-][A-Za-zĐđ0-9]+)+")   # NQ/TU  QĐ-TTg
_ASCII_HYPHENATED = re.compile(r"(?<![^\W\d_])[A-Za-z]+-$")   # "logis-" (a split English word)
_ASCII_WORD = re.compile(r"^[a-z]+\b")
_TAIL = ("Nơi nhận", "NƠI NHẬN", "Nơi gửi")                 # the recipients' block
_LONG_LINE = 150               # characters: a header line is never this long; body text is


def clean_text(text: str) -> str:
    r"""Remove conversion debris and re-join paragraphs split by hard wraps or page breaks.

    >>> clean_text("[bookmark: _Hlk85726564]Để triển khai **KẾ HOẠCH**")
    'Để triển khai KẾ HOẠCH'
    >>> clean_text(" \t  TỈNH ỦY HÀ TĨNH\n\t   Số   62 -KH/TU ")
    'TỈNH ỦY HÀ TĨNH\nSố 62 -KH/TU'
    >>> clean_text("I. MỤC TIÊU\n\nTạo điều\n\nkiện cho doanh nghiệp.")
    'I. MỤC TIÊU\n\nTạo điều kiện cho doanh nghiệp.'
    >>> clean_text("1. Theo Nghị quyết số 08-\n\nNQ/TU; Chương trình số 26-CTr/TU")
    '1. Theo Nghị quyết số 08-NQ/TU; Chương trình số 26-CTr/TU'
    >>> clean_text("1. Mục tiêu\n\nHoàn thành.\n\nkhông nối sau dấu chấm")
    '1. Mục tiêu\n\nHoàn thành.\n\nkhông nối sau dấu chấm'
    >>> clean_text("1. Nhiệm vụ\n- Các cấp ủy\n- các ngành\na) Về kinh tế")
    '1. Nhiệm vụ\n- Các cấp ủy\n- các ngành\na) Về kinh tế'

    A footnote block dropped into a paragraph by a page break moves after the paragraph:

    >>> clean_text("1. Văn hóa\n\nĐầu tư 3 đô thị¹, chỉ đạo\n\n¹ Ba đô thị.\n\ntổ chức tốt lễ hội.")
    '1. Văn hóa\n\nĐầu tư 3 đô thị¹, chỉ đạo tổ chức tốt lễ hội.\n\n¹ Ba đô thị.'
    """
    lines = _clean_chars(text)
    start = _body_start(lines)
    # The first-character tests inline `_is_tail` and `is_footnote`'s own: they run on every line.
    end = len(lines)
    for i in range(start, end):
        if lines[i][:1] == "N" and _is_tail(lines[i]):
            end = i
            break
    body = lines[start:end]
    # A footnote line needs a mark in the text: looking for the marks in the whole text first
    # skips the pass over the lines (`may_hold` knows the text `normalise` just returned).
    if ("¹" in text or "²" in text or "³" in text or may_hold(text, _HIGH_MARKS)) \
            and any(line[:1] in _MARK_SET for line in body):
        body = _move_footnotes(body)
    joined = _join_paragraphs(body)
    lines[start:end] = joined
    # At most one blank line in a row, none at the ends.
    kept = [line for j, line in enumerate(lines) if line or (j and lines[j - 1])]
    result = "\n".join(kept).strip("\n")
    # Joining can bring the two stars of an `*emphasis*` onto one line; removing them may
    # allow another join, so clean again (rare: each round removes characters).
    if "*" in text and any("*" in line and _EMPHASIS.search(line) for line in joined):
        return clean_text(result)
    return result


def _clean_chars(text: str) -> list[str]:
    r"""Drop anchors and emphasis marks; tabs and runs of spaces become one space; strip lines.

    >>> _clean_chars("- *Cơ cấu lại các ngành dịch vụ*: Tập trung\t\tphát triển ")
    ['- Cơ cấu lại các ngành dịch vụ: Tập trung phát triển']
    >>> _clean_chars("* Thời gian: trước 30/01/2022\r\n\t")
    ['* Thời gian: trước 30/01/2022', '']
    """
    # str methods, not one big regex: this runs on every document and re is slow on
    # non-ASCII text (the whole-text regex version took 2 ms per 30 KB).
    if "[" in text and "[bookmark:" in text:      # one character first: ten times faster
        text = _BOOKMARK.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text or "\f" in text or "\v" in text:
        text = text.replace("\t", " ").replace("\f", " ").replace("\v", " ")
    lines = text.split("\n")
    # Single-character tests gate the two-character ones (memchr is ~20x faster here).
    if _has_double(text, "*") or _has_double(text, "_"):
        # Neither the marks nor their removal reach across a line break: only the few lines
        # holding one change, and each is cleaned as the whole text would be.
        changed = False
        for row, line in enumerate(lines):
            if "*" in line or "_" in line:
                new = line
                while "**" in new or "__" in new:      # a removal can join halves
                    new = new.replace("**", "").replace("__", "")
                if new != line:
                    lines[row] = new
                    changed = True
        if changed:
            text = "\n".join(lines)
    _squeeze_spaces(text, lines)
    if "*" in text:                                # one-character searches: cheap
        for row, line in enumerate(lines):         # `in` per line: no count of line breaks
            if "*" in line:
                lines[row] = _EMPHASIS.sub(r"\1", line)
    return [line.strip() for line in lines]


def _squeeze_spaces(text: str, lines: list[str]) -> None:
    r"""Runs of spaces become one space in the lines (`text.split("\n")`) that hold one.

    Runs are few and sit in a few lines (an indented `*` under the header): replacing in the
    whole text took one pass over every character per halving of the longest run (~0.2 ms
    per 30 KB); here `find` skips from run to run and only those lines are rewritten.

    >>> lines = "a  b\nc\n   d    e ".split("\n")
    >>> _squeeze_spaces("a  b\nc\n   d    e ", lines); lines
    ['a b', 'c', ' d e ']
    """
    i = text.find("  ")
    row, counted = 0, 0                        # the line holding offset `counted`
    while i >= 0:
        row += text.count("\n", counted, i)
        line = lines[row]
        while "  " in line:
            line = line.replace("  ", " ")
        lines[row] = line
        counted = text.find("\n", i)
        if counted < 0:
            break
        i = text.find("  ", counted)


def _has_double(text: str, c: str) -> bool:
    """`c + c in text` for a character `c` that is rare in text ("*", "_").

    A two-character search walks the whole text (~1 ns a character); `str.find` of one
    character runs at memory speed, so a few finds answer first. Many of them fall back.

    >>> _has_double("* Thời gian: **Quý I**", "*"), _has_double("*a*b*", "*"), _has_double("", "*")
    (True, False, False)
    """
    i = text.find(c)
    for _ in range(32):
        if i < 0:
            return False
        if text.startswith(c, i + 1):
            return True
        i = text.find(c, i + 2)
    return c + c in text


def _is_tail(line: str) -> bool:
    """The recipients' heading (`Nơi nhận:`), not a sentence that starts with the words.

    >>> _is_tail("Nơi nhận:"), _is_tail("NƠI NHẬN"), _is_tail("Nơi gửi:")
    (True, True, True)
    >>> _is_tail("Nơi nhận hồ sơ: Sở Tư pháp")
    False
    """
    if not line.startswith("N"):               # cheap test first: runs on every line
        return False
    prefix = next((p for p in _TAIL if line.startswith(p)), None)
    if prefix is None:
        return False
    rest = line[len(prefix):].lstrip()
    return not rest or rest[0] in ":-–"


def _body_start(lines: list[str]) -> int:
    """Index of the first body line: a section heading or a paragraph too long for a header."""
    for i, line in enumerate(lines):
        if len(line) >= _LONG_LINE or _HEADING.match(line):
            return i
    return len(lines)


def is_footnote(line: str) -> bool:
    """A footnote body as the readers and the outline write it: `¹ text`.

    >>> is_footnote("¹ Ba trung tâm đô thị"), is_footnote("Đô thị¹")
    (True, False)
    """
    return bool(line) and line[0] in FOOTNOTE_MARKS


def _is_title(line: str) -> bool:
    """An upper-case title or signer line (`CỦA BAN CHẤP HÀNH`, `T/M BAN THƯỜNG VỤ`).

    Only the start is looked at, so the answer does not change when text is appended.
    """
    head = line[:60]
    return head.upper() == head and sum(c.isalpha() for c in head) >= 2


def _ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence or introduces a list (`.`, `:`, `?`, closers after them).

    >>> _ends_sentence("đạt 7,3%."), _ends_sentence("đô thị.¹"), _ends_sentence("năm 2024;")
    (True, True, False)
    """
    tail = line[-6:].rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _SENTENCE_END


def glue(a: str, b: str) -> tuple[int, str] | None:
    """How to join line `b` onto line `a`: (characters to cut from `a`, separator), or None.

    >>> glue("tạo điều", "kiện cho các nhà đầu tư")
    (0, ' ')
    >>> glue("Nghị quyết số 08-", "NQ/TU; Chương trình")
    (0, '')
    >>> glue("dịch vụ logis-", "tics cảng biển")
    (1, '')
    >>> glue("tổ chức chính trị-", "xã hội")
    (0, '')
    >>> glue("như sau:", "a) Mục đích") is None, glue("đạt 7%.", "tăng") is None
    (True, True)
    >>> glue("CỦA BAN CHẤP HÀNH", "về phát triển") is None
    True
    """
    if not a or not b:
        return None
    symbol = a[-1] == "-" and _SYMBOL_CUT.search(a[-8:]) and _SYMBOL_REST.match(b)
    if not (symbol or b[0].islower()):        # most lines: a new sentence starts
        return None
    if " | " in a or " | " in b or _is_title(a):
        return None
    if symbol:
        return 0, ""
    if _ends_sentence(a) or _ITEM.match(b):
        return None
    if a[-1] != "-":
        return 0, " "
    if a[-2:-1].isspace():
        return 0, " "                                # "kinh tế -" / "xã hội": a spaced dash
    if _ASCII_HYPHENATED.search(a[-40:]) and _ASCII_WORD.match(b):
        return 1, ""                                 # a hyphenated foreign word
    return 0, ""                                     # a compound: "chính trị-xã hội"


def _join_paragraphs(lines: list[str]) -> list[str]:
    """Join each line with the following ones (across blank lines) while `glue` allows it."""
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        para = lines[i]
        i += 1
        if para:
            while True:
                k = i
                while k < n and not lines[k]:
                    k += 1
                # glue() refuses at once unless the next line starts in lower case or this
                # one ends with "-" (a cut symbol or word): test that here, on every line
                nxt = lines[k] if k < n else ""
                how = glue(para, nxt) if nxt and (nxt[0].islower() or para[-1] == "-") else None
                if how is None:
                    break
                cut, sep = how
                para = (para[:-cut] if cut else para) + sep + lines[k]
                i = k + 1
        out.append(para)
    return out


def _move_footnotes(lines: list[str]) -> list[str]:
    """Move footnote blocks that split a paragraph to after the paragraph's end.

    A page break puts the page's footnotes between the two halves of a paragraph; the
    block moves after the last line the paragraph continues into, keeping its blank lines.
    """
    i, n = 0, len(lines)
    while i < n:
        if not is_footnote(lines[i]):
            i += 1
            continue
        first = i                                   # the block: footnotes and blank lines
        while i < n and (not lines[i] or is_footnote(lines[i])):
            i += 1
        while lines[i - 1] == "":                   # trailing blanks are not part of it
            i -= 1
        prev = first - 1
        while prev >= 0 and not lines[prev]:
            prev -= 1
        nxt = i
        while nxt < n and not lines[nxt]:
            nxt += 1
        if prev < 0 or nxt >= n or is_footnote(lines[prev]) or glue(lines[prev], lines[nxt]) is None:
            i = nxt
            continue
        # Follow the continuation to the paragraph's last line.
        para, last = lines[prev], nxt
        while True:
            cut, sep = glue(para, lines[last])  # type: ignore[misc]
            para = (para[:-cut] if cut else para) + sep + lines[last]
            k = last + 1
            while k < n and not lines[k]:
                k += 1
            if k >= n or glue(para, lines[k]) is None:
                break
            last = k
        block = lines[first:i]
        gap = [""] if lines[first - 1] == "" else []
        lines = lines[:first] + lines[i:last + 1] + gap + block + lines[last + 1:]
        i = first + (last + 1 - i) + len(gap) + len(block)
        n = len(lines)
    return lines


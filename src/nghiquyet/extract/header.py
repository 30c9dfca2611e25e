"""The header block: the document's own number (`Số: 45/QĐ-UBND`), its place and date
(`Hà Tĩnh, ngày 23 tháng 12 năm 2021`) and the upper-case name of the body above them
(`TỈNH ỦY HÀ TĨNH`), from the head zone `outline.parse` marks.
"""
from __future__ import annotations

import re

from .dates import find_dates
from .outline import Layout, Paragraph
from .symbols import SYMBOL, normalise_symbol

# "Số 62 -KH/TU", "Số: 45/QĐ-UBND" in the header.
_NUMBER_LINE = re.compile(r"(?:^|\s)Số\s*:?\s*(?=\d)")      # capital S: "số 26" is a citation
# "Hà Tĩnh, ngày 23 tháng 12 năm 2021" / "Quảng Trị, ngày 05/3/2024": the place before ", ngày"
# (the comma is sometimes lost: "Hà Tĩnh ngày 05 tháng 3 năm 2024").
_PLACE_DATE = re.compile(r"(?P<before>[^,]*?)\s*,?\s*(?=ngày\s+\d)", re.IGNORECASE)
# An unsigned copy leaves the day and month blank: "Hà Tĩnh, ngày    tháng    năm 2026".
_PLACE_BLANK_DATE = re.compile(r"(?P<before>[^,]*?)\s*,\s*ngày[\s._…]*tháng[\s._…]*năm\b", re.IGNORECASE)
_NATIONAL = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI"
                       r"|ĐỘC\s+LẬP\s*-", re.IGNORECASE)


# A Party committee and one of its boards: "TỈNH ỦY X" over "BAN TỔ CHỨC", "ỦY BAN KIỂM TRA",
# "VĂN PHÒNG": the board is named after its committee ("Ban Tổ chức Tỉnh ủy X").
_COMMITTEE = re.compile(r"(?:TỈNH|THÀNH|HUYỆN|THỊ|QUẬN|ĐẢNG) [ỦU]Y\b")
_COMMITTEE_BOARD = re.compile(r"(?:BAN|[ỦU]Y BAN KIỂM TRA|VĂN PHÒNG)\b")


def upper_count(words: list[str]) -> int:
    """How many of `words`, from the first, are in upper case.

    >>> upper_count("T/M BAN THƯỜNG VỤ Nguyễn Văn A".split()), upper_count(["Hà", "TĨNH"])
    (4, 0)
    """
    k = 0
    while k < len(words) and words[k].upper() == words[k]:
        k += 1
    return k


def upper_prefix(text: str) -> str:
    """The upper-case words that open a line, before the first word in lower case.

    >>> upper_prefix("BAN TỔ CHỨC Quảng Trị, ngày 06 tháng 01 năm 2026")
    'BAN TỔ CHỨC'
    >>> upper_prefix("Hà Tĩnh, ngày 05 tháng 3 năm 2024")
    ''
    """
    words = text.split()
    return " ".join(words[:upper_count(words)]).strip(" ,")


def head_paragraphs(layout: Layout) -> list[Paragraph]:
    """The header lines; without a title line, the first few lines stand in for them."""
    if layout.title_start is None:
        return layout.paragraphs[:8]
    # `outline.parse` marks "head" exactly the paragraphs before the (first) title line.
    return layout.paragraphs[:layout.title_start]


def number_line(text: str) -> re.Match[str] | None:
    """`_NUMBER_LINE.search(text)`; `in` first, since the regex crawls a long paragraph slowly.

    >>> number_line("Số: 45/QĐ-UBND").end(), number_line("các số liệu 2025") is None
    (4, True)
    """
    return _NUMBER_LINE.search(text) if "Số" in text else None


def own_symbol(layout: Layout) -> str | None:
    """The document's own number from `Số ...` in the header, or None.

    Read once per layout: identity and references both ask."""
    if "own_symbol" not in layout.memo:
        layout.memo["own_symbol"] = _own_symbol(layout)
    return layout.memo["own_symbol"]  # type: ignore[return-value]


def _own_symbol(layout: Layout) -> str | None:
    for p in head_paragraphs(layout):
        m = number_line(p.text)
        if m and layout.title_start is None and m.start() > 0:
            continue                  # without a header block, only a line opening with "Số"
        if m:
            s = SYMBOL.match(p.text, m.end())
            if s:
                return normalise_symbol(s.group(0))
    return None


def place_and_date(layout: Layout) -> tuple[str | None, str | None]:
    """`Hà Tĩnh, ngày 23 tháng 12 năm 2021` → ("Hà Tĩnh", "2021-12-23").

    Read once per layout: identity and deadlines both ask."""
    found = layout.memo.get("place_and_date")
    if found is None:
        found = layout.memo["place_and_date"] = _place_and_date(layout)
    return found  # type: ignore[return-value]


# The stamp a digital signature leaves on a PDF copy: "Ngày ký: 03-12-2025 09:15:20 +07:00",
# "Thời gian ký: ...", above the header. It dates the signature's copy, not the document.
_SIGNATURE_STAMP = re.compile(r"\s*(?:ngày|thời\s+gian|ký\s+ngày)\s+ký\s*:|\s*ký\s+(?:bởi|ngày)\s*:",
                              re.IGNORECASE)


# "Hà Tĩnh, ngày 23 tháng 12" with "năm 2021" on the next line (a narrow column wrapped).
_YEAR_WRAPPED = re.compile(r"tháng\s+\d{1,2}\s*$", re.IGNORECASE)


def _place_and_date(layout: Layout) -> tuple[str | None, str | None]:
    head = head_paragraphs(layout)
    for i, p in enumerate(head):
        if "ngày" not in p.text.lower() or ("ký" in p.text and _SIGNATURE_STAMP.match(p.text)):
            continue
        text = p.text
        if i + 1 < len(head) and head[i + 1].text.startswith("năm") and _YEAR_WRAPPED.search(text):
            text = f"{text} {head[i + 1].text}"
        days = [d for d in find_dates(text) if d.grain == "day"]
        if not days:
            continue
        m = _PLACE_DATE.search(text)
        place = _place(m["before"]) if m and m.end() <= days[0].start else None
        return place, days[0].iso
    for p in head_paragraphs(layout):
        if "ngày" in p.text.lower():
            m = _PLACE_BLANK_DATE.search(p.text)
            if m:
                return _place(m["before"]), None
    return None, None


_TOWN_ABBR = re.compile(r"^(?:TP|Tp|TX|Tx|TT)\.$")


def _capitalised(word: str) -> bool:
    """A word of a name: a capital, then small letters ("Rịa"; not "ĐẢNG", "do")."""
    return word[:1].isupper() and word[1:].islower()


def _place(before: str) -> str | None:
    """The place name at the end of the text before `, ngày` (header words dropped).

    >>> _place("Hà Tĩnh"), _place("Số: 45/QĐ-UBND Quảng Bình"), _place("CỘNG HÒA Thành phố Huế")
    ('Hà Tĩnh', 'Quảng Bình', 'Thành phố Huế')
    >>> _place("Số: 12/KH-UBND TP. Hồ Chí Minh")
    'TP. Hồ Chí Minh'
    >>> _place("Bà Rịa - Vũng Tàu"), _place("Độc lập - Tự do - Hạnh phúc Hà Nội")
    ('Bà Rịa - Vũng Tàu', 'Hà Nội')
    """
    if "phúc" in before:
        before = before.rsplit("Hạnh phúc", 1)[-1]       # the motto's column flattened beside it
    words = before.split()
    keep: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if _TOWN_ABBR.match(w) and keep:
            keep.append(w)                    # "TP. Hồ Chí Minh", "TX. Hồng Lĩnh"
            break
        if w in "-–" and keep and keep[-1][:1].isupper() and i and _capitalised(words[i - 1]):
            keep.append(w)                    # "Bà Rịa - Vũng Tàu", "Phan Rang - Tháp Chàm"
            continue
        if any(c.isdigit() for c in w) or "/" in w or (w.isupper() and len(w) > 1) or w in "-–*":
            break
        keep.append(w)
    place = " ".join(reversed(keep)).strip(" ,.-")
    return place if place and place[0].isupper() else None


def header_organ(layout: Layout) -> str | None:
    """The upper-case issuer header ("TỈNH ỦY HÀ TĨNH", "ỦY BAN NHÂN DÂN / TỈNH QUẢNG BÌNH").

    An official letter (công văn) has no title line, only "V/v ..." under its number: its
    header is read when a "Số ..." line shows there is one."""
    lines: list[str] = []
    head = head_paragraphs(layout)
    if layout.title_start is None and not any(number_line(p.text) for p in head):
        return None        # no title line and no "Số ...": the first lines may be anything
    for p in head:
        text = p.text
        m = _NATIONAL.search(text)
        if m:
            text = text[:m.start()]
        text = (_NUMBER_LINE.split(text)[0] if "Số" in text else text).strip(" *-_")
        if "ngày" in text:
            text = upper_prefix(text)       # "BAN TỔ CHỨC Quảng Trị, ngày ...": columns joined
            if len(text.split()) < 2 or not all(any(c.isalpha() for c in w) for w in text.split()):
                text = ""                   # a name has words of letters ("SỞ Y TẾ", not "Ă" or "8 -")
        if text and text.upper() == text and any(c.isalpha() for c in text):
            lines.append(text)
        if (m and m.start() == 0) or number_line(p.text) or "ngày" in p.text.lower():
            break
    if not lines:
        return None
    if len(lines) > 1:
        if re.match(r"(BAN CHẤP HÀNH|BAN THƯỜNG VỤ|ĐẠI HỘI|THƯỜNG TRỰC)\b", lines[-1]):
            return " ".join([lines[-1]] + lines[:-1])   # "ĐẢNG BỘ TỈNH X / BAN CHẤP HÀNH"
        if lines[0].startswith("ĐẢNG BỘ") and re.match(r"(TỈNH|THÀNH|HUYỆN|THỊ|QUẬN|ĐẢNG) ỦY\b", lines[-1]):
            return lines[-1]                            # "ĐẢNG BỘ TỈNH X / HUYỆN ỦY Y": the committee
        if _COMMITTEE.match(lines[0]) and _COMMITTEE_BOARD.match(lines[-1]):
            return f"{lines[-1]} {lines[0]}"            # "TỈNH ỦY X / BAN TỔ CHỨC": the committee's board
        if re.match(r"(SỞ|BAN|VĂN PHÒNG|PHÒNG|CHI CỤC|CỤC|TRUNG TÂM|ĐẢNG ỦY|ĐẢNG ĐOÀN)\b", lines[-1]):
            return lines[-1]                            # "UBND TỈNH X / SỞ CÔNG THƯƠNG"
    return " ".join(lines)

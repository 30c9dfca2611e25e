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
from .dates import find_dates
from .outline import Layout, Paragraph, is_signature_start, looks_like_name
from .symbols import SYMBOL, kind_of_code, normalise_symbol, parse_symbols
from .vocab import load

# "Số 62 -KH/TU", "Số: 45/QĐ-UBND" in the header.
_NUMBER_LINE = re.compile(r"(?:^|\s)Số\s*:?\s*(?=\d)")      # capital S: "số 26" is a citation
# "Hà Tĩnh, ngày 23 tháng 12 năm 2021" / "Quảng Trị, ngày 05/3/2024": the place before ", ngày".
_PLACE_DATE = re.compile(r"(?P<before>[^,]*?)\s*,\s*(?=ngày\s+\d)", re.IGNORECASE)
_NATIONAL = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI"
                       r"|ĐỘC\s+LẬP\s*-", re.IGNORECASE)
# The preamble names the issuer as the subject of "ban hành": "..., Ban Thường vụ Huyện ủy
# Thạch Hà ban hành Kế hoạch thực hiện như sau:".
_ISSUING = re.compile(r"""
    (?:^|(?<=[,.;:])\s*|(?<=\s))
    (?P<who>(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Ban\s+Bí\s+thư|Bộ\s+Chính\s+trị|Thường\s+trực
             |Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy|Thị\s+ủy|Quận\s+ủy|Đảng\s+ủy|Chi\s+ủy|Chi\s+bộ
             |Ủy\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND|Ban\s+cán\s+sự\s+đảng
             |Đảng\s+đoàn|Ban\s+chỉ\s+đạo|Sở)\b
       [^,;:.()]{0,80}?)
    \s+(?:thống\s+nhất\s+)?(?:ban\s+hành|quyết\s+nghị|xây\s+dựng|kết\s+luận|thông\s+báo|chỉ\s+thị
         |báo\s+cáo)\b
""", re.VERBOSE)
# "của Bộ Chính trị về xây dựng ...": a body followed by "về" names a cited document's
# issuer and its subject; the verb after it is the subject's, not the issuing act.
_TOPIC = re.compile(r"\s(?:về|của|tại|theo|đối\s+với)(?:\s|$)")


def issuing_body(text: str) -> str | None:
    """The body that issues the document, named in the preamble before "ban hành".

    >>> issuing_body("Thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương về đẩy mạnh "
    ...              "xây dựng, chỉnh đốn Đảng, Ban Thường vụ Tỉnh ủy ban hành Chương trình")
    'Ban Thường vụ Tỉnh ủy'
    """
    for m in _ISSUING.finditer(text):
        who = squash(m["who"])
        if not _TOPIC.search(who):
            return who
    return None


_UPPER_ORGAN = re.compile(r"(ĐẠI HỘI|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|THƯỜNG TRỰC|ỦY BAN|UỶ BAN"
                          r"|HỘI ĐỒNG|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|THÀNH ỦY|ĐẢNG ỦY)")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_MARKER = re.compile(r"^(?:T\s?/\s?M|T\.\s?M|TM|K\s?/\s?T|KT|T\s?/\s?L|TL|TUQ|Q|THAY\s+MẶT|KÝ\s+THAY"
                     r"|THỪA\s+LỆNH|THỪA\s+ỦY\s+QUYỀN)\.?\s+")
# "(Đã ký)", "Đã ký", "[signature]": marks between the position and the name.
_SIGNED = re.compile(r"^\W*(?:đã\s+ký|ký|ký\s+tên|đã\s+ký\s+và\s+đóng\s+dấu|signed|signature)\W*$",
                     re.IGNORECASE)
_ROMAN = re.compile(r"^[IVXLC]+$")


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
        issuer=_expand(issuer(layout, signer)), title=title(layout), signer=signer,
        recipients=recipients(layout))


def _head(layout: Layout) -> list[Paragraph]:
    """The header lines; without a title line, the first few lines stand in for them."""
    head = [p for p in layout.paragraphs if p.zone == "head"]
    if layout.title_start is None:
        head = layout.paragraphs[:8]
    return head


def _number_line(text: str) -> re.Match[str] | None:
    """`_NUMBER_LINE.search(text)`; `in` first, since the regex crawls a long paragraph slowly.

    >>> _number_line("Số: 45/QĐ-UBND").end(), _number_line("các số liệu 2025") is None
    (4, True)
    """
    return _NUMBER_LINE.search(text) if "Số" in text else None


def own_symbol(layout: Layout) -> str | None:
    """The document's own number from `Số ...` in the header, or None."""
    for p in _head(layout):
        m = _number_line(p.text)
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


def _place_and_date(layout: Layout) -> tuple[str | None, str | None]:
    for p in _head(layout):
        if "ngày" not in p.text.lower():
            continue
        days = [d for d in find_dates(p.text) if d.grain == "day"]
        if not days:
            continue
        m = _PLACE_DATE.search(p.text)
        place = _place(m["before"]) if m and m.end() <= days[0].start else None
        return place, days[0].iso
    return None, None


_TOWN_ABBR = re.compile(r"^(?:TP|Tp|TX|Tx|TT)\.$")


def _place(before: str) -> str | None:
    """The place name at the end of the text before `, ngày` (header words dropped).

    >>> _place("Hà Tĩnh"), _place("Số: 45/QĐ-UBND Quảng Bình"), _place("CỘNG HÒA Thành phố Huế")
    ('Hà Tĩnh', 'Quảng Bình', 'Thành phố Huế')
    >>> _place("Số: 12/KH-UBND TP. Hồ Chí Minh")
    'TP. Hồ Chí Minh'
    """
    words = before.split()
    keep: list[str] = []
    for w in reversed(words):
        if _TOWN_ABBR.match(w) and keep:
            keep.append(w)                    # "TP. Hồ Chí Minh", "TX. Hồng Lĩnh"
            break
        if any(c.isdigit() for c in w) or "/" in w or (w.isupper() and len(w) > 1) or w in "-–*":
            break
        keep.append(w)
    place = " ".join(reversed(keep)).strip(" ,.-")
    return place if place and place[0].isupper() else None


def title(layout: Layout) -> str | None:
    lines = [p.text for p in layout.paragraphs if p.zone == "title"
             and not re.fullmatch(r"[-_*=.…\s]+", p.text)]
    if layout.title_start is not None:
        # only the first document's title (an annex has its own)
        first = []
        for p in layout.paragraphs[layout.title_start:]:
            if p.zone != "title":
                break
            if not re.fullmatch(r"[-_*=.…\s]+", p.text):
                first.append(p.text)
        lines = first
    return squash(" ".join(lines)) or None


# --- issuer -------------------------------------------------------------------------------

@cache
def _organs() -> list[tuple[tuple[str, ...], list[str]]]:
    """(folded words, official words) of every organ name, longest first."""
    out = [(tuple(fold(name).split()), name.split()) for name in load("issuers")["organs"]]
    return sorted(out, key=lambda o: -len(o[0]))


@cache
def _organs_by_first() -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    """`_organs()` grouped by their first folded word, each group in the same order, so a
    word is compared with the few names that can start there. (A name with no words would
    match anywhere; the vocabulary has none, and `official_case` checks it.)"""
    groups: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
    for key, official in _organs():
        groups.setdefault(key[0] if key else "", []).append((key, official))
    return groups


@cache
def _acronyms() -> frozenset[str]:
    return frozenset(a.rstrip(".") for a in load("issuers")["acronyms"])


@cache
def _place_after() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    vocab = load("issuers")
    return (frozenset(tuple(w.lower().split()) for w in vocab["place_after"]),   # quận ≠ quan
            frozenset(w.lower() for w in vocab["place_stop"]))   # not folded: năm ≠ Nam


def official_case(text: str) -> str:
    """Re-case an upper-case body name as running text writes it.

    >>> official_case("BAN THƯỜNG VỤ TỈNH ỦY")
    'Ban Thường vụ Tỉnh ủy'
    >>> official_case("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH")
    'Ủy ban nhân dân tỉnh Quảng Bình'
    >>> official_case("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH")
    'Ban Chấp hành Đảng bộ tỉnh'
    >>> official_case("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH QUẢNG NAM LẦN THỨ XXII")
    'Đại hội đại biểu Đảng bộ tỉnh Quảng Nam lần thứ XXII'
    >>> official_case("UBND TỈNH NGHỆ AN"), official_case("SỞ TÀI CHÍNH")
    ('UBND tỉnh Nghệ An', 'Sở Tài chính')
    >>> official_case("Ban Thường vụ Huyện ủy Thạch Hà")
    'Ban Thường vụ Huyện ủy Thạch Hà'
    """
    text = squash(text).strip(" ,.;:")
    if not text or text.upper() != text:
        return text
    words = text.split()
    folded = [fold(w) for w in words]
    places, stops = _place_after()
    out: list[str] = []
    in_place = False
    i = 0
    while i < len(words):
        candidates = _organs() if "" in _organs_by_first() else _organs_by_first().get(folded[i], ())
        for key, official in candidates:
            if tuple(folded[i:i + len(key)]) == key:
                out.extend(official)
                in_place = tuple(w.lower() for w in official) in places
                i += len(key)
                break
        else:
            w = words[i]
            if _ROMAN.match(w) and len(w) > 1 or any(c.isdigit() for c in w) or w.rstrip(".") in _acronyms():
                out.append(w)
            elif out and out[-1] in ("Sở", "Bộ", "Cục", "Chi cục", "Trung tâm") and len(out) == 1:
                out.append(w.lower().capitalize())         # "Sở Tài chính", "Bộ Y tế"
            elif in_place and w.lower() not in stops:
                out.append("-".join(part.capitalize() for part in w.lower().split("-")))
            else:
                out.append(w.lower())
                in_place = False
            two = tuple(x.lower() for x in words[i:i + 2])
            if (w.lower(),) in places:
                in_place = True
            elif two in places:
                out.append(words[i + 1].lower())
                in_place = True
                i += 1
            i += 1
    return " ".join(out)


def issuer(layout: Layout, signer: Signer | None = None) -> str | None:
    """Who issues the document, in the order the text is surest about it."""
    for p in layout.paragraphs:
        if p.zone != "title":
            continue
        line = p.text
        if line.upper() != line:
            continue
        m = re.search(r"\bCỦA\s+(.+)$", line)
        if m:
            return official_case(m.group(1))
        m = _UPPER_ORGAN.search(line)
        if m:
            return official_case(_cut_organ(line[m.start():]))
    preamble = [p.text for p in layout.paragraphs if p.zone == "preamble"]
    for text in preamble:
        who = issuing_body(text)
        if who:
            header = _header_organ(layout)
            full = official_case(header) if header else ""
            # "Ủy ban nhân dân tỉnh ban hành" under "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK": name it fully.
            return full if full and fold(full).startswith(fold(who)) else who
    for text in preamble:
        if text.upper() == text and re.search(r"NHÂN DÂN", text):
            return official_case(_cut_organ(re.sub(r"^CHỦ\s+TỊCH\s+", "", text)))
    header = _header_organ(layout)
    behalf = None
    if signer and signer.on_behalf_of:
        behalf = _MARKER.sub("", signer.on_behalf_of).split(" KT.")[0].strip()
    if behalf and re.match(r"BỘ CHÍNH TRỊ|BAN BÍ THƯ\b", behalf):
        return official_case(behalf)                # under "BAN CHẤP HÀNH TRUNG ƯƠNG"
    if header and behalf:
        h, b = official_case(header), official_case(behalf)
        if fold(b) in fold(h):
            return h
        if re.match(r"(?:tinh|huyen|thanh|thi|quan|dang) uy\b", fold(h)):
            return f"{b} {h}"               # T/M BAN THƯỜNG VỤ under TỈNH ỦY HÀ TĨNH
        return h
    if header:
        return official_case(header)
    if behalf:
        return official_case(behalf)
    return None


_ABBREVIATED = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân",
                "UBMTTQ": "Ủy ban Mặt trận Tổ quốc", "BTV": "Ban Thường vụ", "BCH": "Ban Chấp hành"}


def _expand(issuer: str | None) -> str | None:
    """The issuer's name in full ("UBND tỉnh Nghệ An" → "Ủy ban nhân dân tỉnh Nghệ An").

    >>> _expand("UBND tỉnh Nghệ An"), _expand(None)
    ('Ủy ban nhân dân tỉnh Nghệ An', None)
    """
    if not issuer:
        return issuer
    return " ".join(_ABBREVIATED.get(w, w) for w in issuer.split())


def _cut_organ(text: str) -> str:
    """An organ line without its session details ("..., KHÓA VIII, KỲ HỌP THỨ 25")."""
    text = re.split(r",|\s+(?:KHÓA|KHOÁ|NHIỆM KỲ|KỲ HỌP)\b", text)[0]
    return text.strip()


def _header_organ(layout: Layout) -> str | None:
    """The upper-case issuer header ("TỈNH ỦY HÀ TĨNH", "ỦY BAN NHÂN DÂN / TỈNH QUẢNG BÌNH")."""
    lines: list[str] = []
    for p in _head(layout) if layout.title_start is not None else []:
        text = p.text
        m = _NATIONAL.search(text)
        if m:
            text = text[:m.start()]
        text = (_NUMBER_LINE.split(text)[0] if "Số" in text else text).strip(" *-_")
        if text and text.upper() == text and any(c.isalpha() for c in text):
            lines.append(text)
        if (m and m.start() == 0) or _number_line(p.text) or "ngày" in p.text.lower():
            break
    if not lines:
        return None
    if len(lines) > 1:
        if re.match(r"(BAN CHẤP HÀNH|BAN THƯỜNG VỤ|ĐẠI HỘI|THƯỜNG TRỰC)\b", lines[-1]):
            return " ".join([lines[-1]] + lines[:-1])   # "ĐẢNG BỘ TỈNH X / BAN CHẤP HÀNH"
        if lines[0].startswith("ĐẢNG BỘ") and re.match(r"(TỈNH|THÀNH|HUYỆN|THỊ|QUẬN|ĐẢNG) ỦY\b", lines[-1]):
            return lines[-1]                            # "ĐẢNG BỘ TỈNH X / HUYỆN ỦY Y": the committee
        if re.match(r"(SỞ|BAN|VĂN PHÒNG|PHÒNG|CHI CỤC|CỤC|TRUNG TÂM|ĐẢNG ỦY|ĐẢNG ĐOÀN)\b", lines[-1]):
            return lines[-1]                            # "UBND TỈNH X / SỞ CÔNG THƯƠNG"
    return " ".join(lines)


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
        if not t or _SIGNED.match(t):
            continue
        if t.startswith(("-", "+")) or re.match(r"\W*n[oơ]i\s+nh[aậ]n", t, re.I):
            if upper:
                continue
            break
        words = t.split()
        k = 0
        while k < len(words) and words[k].upper() == words[k]:
            k += 1
        if k:
            upper.append(" ".join(words[:k]))
        rest = " ".join(words[k:])
        if rest:
            if looks_like_name(rest):
                name = rest
            break
    behalf_lines = [u for u in upper if _MARKER.match(u)]
    others = [u for u in upper if not _MARKER.match(u)]
    position = " ".join(others) or None
    behalf = " ".join(behalf_lines) or None
    if position is None and behalf:
        for pos in _positions():
            head = behalf[:-len(pos)].strip() if behalf.endswith(" " + pos) else None
            if head and len(_MARKER.sub("", head).split()) >= 2:
                behalf, position = head, pos
                break
    return Signer(name=name, position=position, on_behalf_of=behalf)


def recipients(layout: Layout) -> list[str]:
    """The lines after `Nơi nhận:`, without their leading dash."""
    tail = _tail(layout)
    out: list[str] = []
    collecting = False
    last_was_recipient = False
    for t in tail:
        m = re.match(r"\W*n[oơ]i\s+nh[aậ]n\s*:?\s*", t, re.I)
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

"""The issuing body: named in an upper-case title line (`... CỦA BAN THƯỜNG VỤ TỈNH ỦY`), in
the preamble before "ban hành", or by the header and the signature's "T/M" line; written in
the case running text uses (`Ban Thường vụ Tỉnh ủy`).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..model import Signer
from ..text import fold, squash
from .header import header_organ
from .outline import Layout
from .vocab import load

# The preamble names the issuer as the subject of "ban hành": "..., Ban Thường vụ Huyện ủy
# Thạch Hà ban hành Kế hoạch thực hiện như sau:". The name starts the text or follows a blank
# or one of ",.;:": `issuing_body` tests that on each match, since a look-behind opening the
# pattern made `re` try it at every character (every name starts with a capital it skips to).
_ISSUING = re.compile(r"""
    (?P<who>(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Ban\s+Bí\s+thư|Bộ\s+Chính\s+trị|Thường\s+trực
             |Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy|Thị\s+ủy|Quận\s+ủy|Đảng\s+ủy|Chi\s+ủy|Chi\s+bộ
             |Ủy\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND|Ban\s+cán\s+sự\s+đảng
             |Đảng\s+đoàn|Ban\s+chỉ\s+đạo|Sở|Văn\s+phòng|Mặt\s+trận
             |Ban\s+(?=[A-ZĐ])\w+|Ủy\s+ban\s+(?=[A-ZĐ])\w+)\b       # Ban Tuyên giáo, Ủy ban Kiểm tra
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
    >>> issuing_body("Thực hiện Công văn số 21/UBND-VX của Ủy ban nhân dân tỉnh, Ban Tuyên giáo "
    ...              "Tỉnh ủy xây dựng kế hoạch như sau:")
    'Ban Tuyên giáo Tỉnh ủy'
    >>> issuing_body("Sau khi nghe Sở Tài chính báo cáo, Chủ tịch UBND tỉnh kết luận như sau:")
    'UBND tỉnh'
    >>> issuing_body("Ban Thường vụ Đảng ủy họp nghe báo cáo tiến độ. Ban Thường vụ Đảng ủy kết luận:")
    'Ban Thường vụ Đảng ủy'
    >>> issuing_body("Thường trực Tỉnh ủy nghe Sở Y tế báo cáo; Thường trực Tỉnh ủy kết luận:")
    'Thường trực Tỉnh ủy'
    """
    pos = 0
    while m := _ISSUING.search(text, pos):
        at = m.start()
        if at and not (text[at - 1] in ",.;:" or text[at - 1].isspace()):
            pos = at + 1              # not where a name can start: look on from the next character
            continue
        who = squash(m["who"])
        # "X họp nghe báo cáo": the report X heard is not its issuing act (its verb comes later)
        if not _TOPIC.search(who) and not _HEARD.search(text, max(0, at - 8), at) \
                and " nghe " not in f"{who} ":
            return who
        pos = m.end()
    return None


# "Sau khi nghe Sở Tài chính báo cáo, ...": the body heard is not the one that writes.
_HEARD = re.compile(r"\bnghe\s+$", re.IGNORECASE)


_UPPER_ORGAN = re.compile(r"(ĐẠI HỘI|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|THƯỜNG TRỰC|ỦY BAN|UỶ BAN"
                          r"|HỘI ĐỒNG|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|THÀNH ỦY|ĐẢNG ỦY)")
_ROMAN = re.compile(r"^[IVXLC]+$")
# "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH": the marks before the body a signer signs for.
ON_BEHALF = re.compile(r"^(?:T\s?/\s?M|T\.\s?M|TM|K\s?/\s?T|KT|T\s?/\s?L|TL|TUQ|Q|THAY\s+MẶT|KÝ\s+THAY"
                       r"|THỪA\s+LỆNH|THỪA\s+ỦY\s+QUYỀN)\.?\s+")


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
def _folded_positions() -> frozenset[str]:
    return frozenset(fold(p) for p in load("issuers")["positions"])


@cache
def _acronyms() -> frozenset[str]:
    return frozenset(a.rstrip(".") for a in load("issuers")["acronyms"])


@cache
def _place_after() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    vocab = load("issuers")
    return (frozenset(tuple(w.lower().split()) for w in vocab["place_after"]),   # quận ≠ quan
            frozenset(w.lower() for w in vocab["place_stop"]))   # not folded: năm ≠ Nam


@lru_cache(maxsize=2048)              # a few hundred names recur: the headers of a province
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
    >>> official_case("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH VĨNH LONG LẦN THỨ I")
    'Đại hội đại biểu Đảng bộ tỉnh Vĩnh Long lần thứ I'
    >>> official_case("UBND TỈNH NGHỆ AN"), official_case("SỞ TÀI CHÍNH")
    ('UBND tỉnh Nghệ An', 'Sở Tài chính')
    >>> official_case("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"), official_case("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
    ('Sở Nông nghiệp và Môi trường', 'Bộ Lao động - Thương binh và Xã hội')
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
            # a numeral: "XXII", and "I" or "V" after "lần thứ" / "khóa" (alone, a letter)
            if _ROMAN.match(w) and (len(w) > 1 or (i and folded[i - 1] in ("thu", "khoa"))) \
                    or any(c.isdigit() for c in w) or w.rstrip(".") in _acronyms():
                out.append(w)
            elif out and out[-1] in ("Sở", "Bộ", "Cục", "Chi cục", "Trung tâm") and len(out) == 1:
                out.append(w.lower().capitalize())         # "Sở Tài chính", "Bộ Y tế"
            elif out and out[0] in ("Sở", "Bộ", "Cục") and i and (
                    words[i - 1] in ("VÀ", "-") or words[i - 1].endswith(",")):
                out.append(w.lower().capitalize())         # each field: "Sở Kế hoạch và Đầu tư"
                in_place = False                           # "Xã hội" is no commune
                i += 1
                continue
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
    # The document's own title lines only: an annex or appendix has its own ("TIẾN ĐỘ TỔ
    # CHỨC ĐẠI HỘI" under "PHỤ LỤC" names no issuer).
    first = layout.title_start
    for p in layout.paragraphs[first:] if first is not None else ():
        if p.zone != "title":
            break
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
            return _named_fully(layout, who)
    for text in preamble:
        if text.upper() == text and re.search(r"NHÂN DÂN", text):
            # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", the authority line of a decision
            return _named_fully(layout, official_case(_cut_organ(re.sub(r"^CHỦ\s+TỊCH\s+", "", text))))
    header = header_organ(layout)
    behalf = None
    if signer and signer.on_behalf_of:
        behalf = ON_BEHALF.sub("", signer.on_behalf_of).split(" KT.")[0].strip()
        if fold(behalf) in _folded_positions():
            behalf = None               # "KT. GIÁM ĐỐC" signs for a person, not for a body
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


def _named_fully(layout: Layout, who: str) -> str:
    """`who` completed by the header's organ when that is the same body with its place:
    "Ủy ban nhân dân tỉnh" under "ỦY BAN NHÂN DÂN / TỈNH ĐẮK LẮK" is that province's. (Only the
    same body: "Ban Thường vụ Tỉnh ủy" under "TỈNH ỦY HÀ TĨNH" stays as the text names itself.)"""
    header = header_organ(layout)
    full = official_case(header) if header else ""
    return full if full and fold(full).startswith(fold(expand(who))) else who


_ABBREVIATED = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân",
                "UBMTTQ": "Ủy ban Mặt trận Tổ quốc", "BTV": "Ban Thường vụ", "BCH": "Ban Chấp hành"}


def expand(issuer: str | None) -> str | None:
    """The issuer's name in full ("UBND tỉnh Nghệ An" → "Ủy ban nhân dân tỉnh Nghệ An").

    >>> expand("UBND tỉnh Nghệ An"), expand(None)
    ('Ủy ban nhân dân tỉnh Nghệ An', None)
    """
    if not issuer:
        return issuer
    return " ".join(_ABBREVIATED.get(w, w) for w in issuer.split())


def _cut_organ(text: str) -> str:
    """An organ line without its session details ("..., KHÓA VIII, KỲ HỌP THỨ 25")."""
    text = re.split(r",|\s+(?:KHÓA|KHOÁ|NHIỆM KỲ|KỲ HỌP)\b", text)[0]
    return text.strip()

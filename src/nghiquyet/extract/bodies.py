"""The name of the body that issued a cited document, read from the words after "của"
(`... của Ban Chấp hành Trung ương Đảng khóa XII về ...` → "Ban Chấp hành Trung ương Đảng
khóa XII"): capitalised words, the lower-case words bodies' names use, a congress's roman
numerals, a meeting's number; ministries and departments name their fields in lower case.
"""
from __future__ import annotations

import re

# Lower-case words allowed inside a body's name after "của" ("Ban Chấp hành Đảng bộ tỉnh",
# "Ủy ban nhân dân tỉnh", "Ban Chấp hành Trung ương Đảng khóa XII"); any other lower-case
# word ("về", "thực hiện", "và") ends the name.
_NAME_LOWER = frozenset("""
    hành vụ nhân dân tỉnh huyện thành phố thị xã trấn phường quận khóa khoá trị phủ đảng bộ
    ủy uỷ ban tịch nước hội quốc đồng chính tướng trung ương thường trực đại biểu cán sự đoàn
    kiểm tra giáo tuyên tổ chức vận phòng chỉ đạo thư bí mặt trận tế sách pháp chế văn hóa hoá
    tộc dục nghiệp an ninh ngân -
""".split())
_ROMAN = re.compile(r"^[IVXLC]+$")
# Words that end a ministry's or department's name even though its own words may be lower case.
_NAME_STOP = frozenset("""
    về tại theo ngày để nhằm thực đã đang trong với cho phê ban số là được của quy hướng
    năm giai đến từ trên này đó các những khi sau
""".split())
_KIND_START = re.compile(r"(?:Nghị|Kết|Chỉ|Thông|Quyết|Chương|Kế|Đề|Báo|Công|Tờ|Luật)$")


def _enumerated(words: list[str]) -> bool:
    """Whether the words after a comma go on with a ministry's name: capitalised fields closed
    by "và" and a capitalised last one ("Thể thao và Du lịch"), not a new body or citation.

    >>> _enumerated("Thể thao và Du lịch về".split()), _enumerated("Bộ Tài chính và Ngân hàng".split())
    (True, False)
    """
    if not words or not words[0][:1].isupper() or words[0] in _NEW_BODY or _KIND_START.match(words[0]):
        return False
    for j, w in enumerate(words):
        if w == "và":
            return j + 1 < len(words) and words[j + 1][:1].isupper()
        if w[-1] in ".;:" or (w[0].isupper() and w in _NEW_BODY):
            return False
    return False


_NEW_BODY = frozenset(("Bộ", "Sở", "Ủy", "Ban", "Thủ", "Chính", "Văn", "Hội", "Tỉnh", "Huyện", "Đảng"))


def body_name(text: str) -> str | None:
    """The body's name at the start of `text` (the words after `của`).

    >>> body_name("Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết")
    'Ban Thường vụ Tỉnh ủy'
    >>> body_name("Ban Chấp hành Trung ương Đảng khóa XII về Chiến lược")
    'Ban Chấp hành Trung ương Đảng khóa XII'
    >>> body_name("Bộ Chính trị, Chương trình hành động số 28")
    'Bộ Chính trị'
    >>> body_name("Tỉnh ủy\\n\\nĐể triển khai")
    'Tỉnh ủy'
    >>> body_name("Bộ Nông nghiệp và Phát triển nông thôn về phòng, chống thiên tai")
    'Bộ Nông nghiệp và Phát triển nông thôn'
    >>> body_name("Bộ Văn hóa, Thể thao và Du lịch về phát triển du lịch")
    'Bộ Văn hóa, Thể thao và Du lịch'
    >>> body_name("Chính phủ ban hành Chương trình hành động")
    'Chính phủ'
    >>> body_name("Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh về dự toán")
    'Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh'
    >>> body_name("các địa phương") is None
    True
    """
    nl = text.find("\n", 0, 160)
    line = text[:nl] if nl >= 0 else text[:160]         # the first line, 160 characters at most
    # A name is a few words: split off the first ones only (splitting the whole line made
    # twenty-odd strings, most of them never read), and all of them when the first do not
    # settle it.
    raw_words = line.split(None, _FIRST_WORDS)
    try:
        words = _name_words(raw_words, _FIRST_WORDS if len(raw_words) > _FIRST_WORDS else None)
    except _ShortSplit:
        words = _name_words(line.split(), None)
    return " ".join(words) if words and words[0][0].isupper() else None


_FIRST_WORDS = 10


class _ShortSplit(Exception):
    """`_name_words` needs a word past those split off."""


def _name_words(raw_words: list[str], exact: int | None) -> list[str]:
    """The words of the name from the line's words; only the first `exact` of them are words
    (the last item holds the rest of the line) unless `exact` is None.

    >>> _name_words("Bộ Y tế về y tế cơ sở".split(None, 3), 3)
    Traceback (most recent call last):
    nghiquyet.extract.bodies._ShortSplit
    >>> _name_words("Bộ Y tế về y tế cơ sở".split(None, 5), 5)
    ['Bộ', 'Y', 'tế']
    """
    words: list[str] = []
    for k, raw in enumerate(raw_words):
        if exact is not None and k + 1 >= exact:
            raise _ShortSplit                 # this word or the next one is not split off
        w = raw.rstrip(",;.:)")
        if not w or (not w[0].isupper() and not words):
            break
        ok = w[0].isupper() or w in _NAME_LOWER or bool(_ROMAN.match(w)) or _meeting_word(words, w)
        if not ok and words and words[0] in ("Bộ", "Sở") and words[1:2] != ["Chính"]:
            # ministries and departments: "Bộ Nông nghiệp và Phát triển nông thôn"
            nxt = raw_words[k + 1] if k + 1 < len(raw_words) else ""
            ok = w not in _NAME_STOP and (w != "và" or (nxt[:1].isupper() and not _KIND_START.match(nxt)))
        if not ok or (w == "ban" and raw_words[k + 1:k + 2] == ["hành"]):
            break                     # "Chính phủ ban hành ...": the verb, not "Ủy ban"
        words.append(w)
        if w != raw and raw.endswith(",") and words[0] in ("Bộ", "Sở"):
            if exact is not None and k + 7 > exact:
                raise _ShortSplit             # `_enumerated` reads the six words after
            if _enumerated(raw_words[k + 1:k + 7]):
                words[-1] = raw       # "Bộ Văn hóa, Thể thao và Du lịch": the comma is in the name
                continue
        if w != raw or len(words) >= 14:
            break
    while words and words[-1] in ("và", "khóa", "khoá", "-"):
        words.pop()
    return words


# "Hội nghị lần thứ sáu Ban Chấp hành Trung ương", "Hội nghị Trung ương 6 khóa XII": a meeting
# of a body issues resolutions; its number is part of the name.
_ORDINALS = frozenset("nhất hai ba tư bốn năm sáu bảy tám chín mười mươi một lăm".split())


def _meeting_word(words: list[str], w: str) -> bool:
    """Whether `w` goes on a meeting's name ("Hội nghị", "lần thứ", its number).

    >>> body_name("Hội nghị Trung ương 6 khóa XII về tiếp tục")
    'Hội nghị Trung ương 6 khóa XII'
    >>> body_name("Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII năm 2023")
    'Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII'
    """
    if words[:1] != ["Hội"]:
        return False
    if len(words) == 1:
        return w == "nghị"
    prev = words[-1]
    return words[1] == "nghị" and (
        (w in ("lần", "thứ") and prev in ("nghị", "lần"))
        or ((w.isdigit() and len(w) <= 2) or w in _ORDINALS) and prev in ("ương", "thứ"))

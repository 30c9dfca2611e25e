"""Who carries out a dated task: the body a sentence or its section names.

`responsible` looks, in order, at "giao X chủ trì ..." / "đề nghị X thực hiện ...", at the body
the sentence opens with ("Ban Tuyên giáo Tỉnh ủy chủ trì, ..."), then at the enclosing
headings ("Đối với X:", "3. Ban cán sự đảng Ủy ban nhân dân tỉnh"). Split from `deadlines`.
"""
from __future__ import annotations

import re
from functools import cache

from ..text import squash
from .outline import Layout, Paragraph
from .vocab import load

# "Đối với cấp tỉnh: Tổ chức Hội nghị ...": the bodies a section is for, then its task.
FOR_WHO = re.compile(r"^Đối\s+với\s+(?P<who>[^:]{3,120}?)\s*:\s*(?P<what>.*)$")


def enclosing(layout: Layout, p: Paragraph):
    s = p.section
    depth = 0
    while s is not None and depth < 3:
        yield layout.sections[s]
        s = layout.sections[s].parent
        depth += 1


@cache
def body_start() -> re.Pattern[str]:
    words = sorted(load("issuers")["body_starts"], key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"^(?:các\s+)?(?:{alts})\b", re.IGNORECASE)


# Verbs that end the subject of a task sentence ("Ban Tuyên giáo Tỉnh ủy chủ trì, ...").
_VERBS = (r"chủ\s+trì|phối\s+hợp|chỉ\s+đạo|lãnh\s+đạo|tổ\s+chức|xây\s+dựng|tham\s+mưu"
          r"|hướng\s+dẫn|triển\s+khai|thực\s+hiện|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm"
          r"|theo\s+dõi|đẩy\s+mạnh|tăng\s+cường|ban\s+hành|rà\s+soát|báo\s+cáo|hoàn\s+thành"
          r"|cụ\s+thể\s+hoá|cụ\s+thể\s+hóa|quán\s+triệt|tuyên\s+truyền|kiểm\s+tra"
          r"|tổng\s+hợp|giám\s+sát|đôn\s+đốc|nghiên\s+cứu|bố\s+trí|phổ\s+biến"
          r"|hoàn\s+thiện|gửi|trình|xử\s+lý|tiếp\s+tục|phê\s+duyệt|đề\s+xuất"
          r"|sơ\s+kết|tổng\s+kết|tập\s+huấn|kiện\s+toàn")
_VERB = re.compile(rf"\s(?:{_VERBS})\b")
# "Giao X chỉ đạo ...", "Đề nghị X báo cáo ...": the body the task is given to.
_LEAD = re.compile(r"(?i:giao|đề\s+nghị|yêu\s+cầu)\s+(?P<who>[A-ZĐÀ-Ỹ].{2,100}?)"
                   r"(?:\s+(?:căn\s+cứ|theo|trên\s+cơ\s+sở)\b.*?)?"
                   rf"\s+(?:{_VERBS})\b")


def subject_body(text: str) -> str | None:
    """The body a sentence opens with, up to its verb.

    >>> subject_body("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy")
    'Ban Tuyên giáo Tỉnh ủy'
    >>> subject_body("Sở Kế hoạch và Đầu tư tham mưu Ủy ban nhân dân tỉnh")
    'Sở Kế hoạch và Đầu tư'
    >>> subject_body("Tập trung triển khai các nhiệm vụ") is None
    True
    >>> subject_body("Các sở, ngành căn cứ Kế hoạch này xây dựng kế hoạch cụ thể")
    'Các sở, ngành'
    """
    text = squash(text.lstrip("-+*•– "))
    start = body_start().match(text)
    if not start:
        return None
    m = _VERB.search(text[:160], start.end() - 1)       # "Các tổ chức ...": a noun, not the verb
    if not m:
        return None
    who = _ON_THE_BASIS.sub("", text[:m.start()]).strip(" ,;:")
    return who if 1 <= len(who.split()) <= 16 else None


# "Các chi bộ, cơ quan, đơn vị căn cứ Kế hoạch này xây dựng ...": what the body acts on, not who.
_ON_THE_BASIS = re.compile(r"\s+(?:căn\s+cứ|trên\s+cơ\s+sở|bám\s+sát|theo\s+chức\s+năng)\b.*$", re.DOTALL)


def _lead(sentence: str) -> re.Match[str] | None:
    """`_LEAD.search(sentence)`, skipped when the lower-cased sentence has none of its first
    words: `re` tries the case-insensitive pattern at every character. ("giao" has an "i",
    which `re` also matches to "ı" and "İ": such text keeps the search.)

    >>> _lead("Giao Sở Tài chính chủ trì thẩm định")["who"], _lead("Sở Tài chính chủ trì") is None
    ('Sở Tài chính', True)
    """
    low = sentence.lower()
    if not ("giao" in low or "đề" in low or "yêu" in low or "ı" in sentence or "İ" in sentence):
        return None
    return _LEAD.search(sentence)


def responsible(layout: Layout, p: Paragraph, sentence: str) -> str | None:
    m = _lead(sentence)
    if m:
        return squash(m["who"])
    who = subject_body(sentence)
    if who:
        return who
    for s in enclosing(layout, p):
        m = FOR_WHO.match(s.heading)
        if m and not m["who"].lower().startswith("cấp"):
            who = squash(m["who"])
            return who[0].upper() + who[1:]
        short = s.heading.split(":")[0].strip(" .")
        if body_start().match(short) and len(short.split()) <= 12 and not _VERB.search(" " + short):
            return short
        who = subject_body(s.heading)
        if who:
            return who
    return None


# "- Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy." in a task item (the body, up to "; phối hợp: ...").
_IN_CHARGE = re.compile(r"^[-+*•–\s]*(?:(?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì|thực\s+hiện)|chủ\s+trì)"
                        r"\s*:\s*(?P<who>[^;.]{3,120})", re.IGNORECASE)


def in_charge(layout: Layout, i: int) -> str | None:
    """The body a task item names in its own "Cơ quan chủ trì: ..." line, among the lines of
    the item around paragraph `i` (same section, no heading between)."""
    section = layout.paragraphs[i].section
    for around in (range(i - 1, max(-1, i - 4), -1), range(i + 1, min(len(layout.paragraphs), i + 3))):
        for j in around:
            p = layout.paragraphs[j]
            if p.section != section or p.is_heading:
                break                        # another item
            m = _IN_CHARGE.match(p.text)
            if m:
                return squash(m["who"]).rstrip(" ,")
    return None

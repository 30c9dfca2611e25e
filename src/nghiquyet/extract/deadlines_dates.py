"""Which dates of a paragraph are deadlines: the limit words before a date (`trước`, `chậm nhất`,
`hạn`, `Thời gian: ...`, `trong/vào` after a task verb) and the dates written without a year.

Split from `deadlines`, which builds the dated tasks from what these rules find. Each regex
that `re` would try at every character runs only when `str` tests find the words it needs.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from .dates import DateMatch, find_dates, find_yearless

# Words right before a date that make it a limit, whatever the sentence.
_LIMIT = re.compile(r"""
    (?:trước|chậm\s+nhất(?:\s+là)?|không\s+muộn\s+hơn|không\s+quá|hạn\s+chót|hạn\s+cuối|thời\s+hạn
       |hạn\s+hoàn\s+thành|xong\s+trong|xong\s+vào)
    (?:\s+(?:đến|tới))?(?:\s+(?:ngày|trong|vào|hết)){0,2}\s*:?\s*$      # "chậm nhất đến hết ngày"
""", re.VERBOSE | re.IGNORECASE)
# "trong/vào" before a date is a limit only after a task verb in the same clause.
_WITHIN = re.compile(r"(?:trong|vào|hết|đến\s+hết)(?:\s+ngày)?\s*$", re.IGNORECASE)
# "tổ chức tuyên truyền từ ngày 01/5 đến ngày 30/6/2025": the end of the task's period.
_PERIOD_END = re.compile(r"\btừ\s+(?:ngày\s+|tháng\s+)?[\d/]+(?:\s+năm\s+\d{4})?\s+đến(?:\s+ngày|\s+tháng)?\s*$",
                         re.IGNORECASE)
# Both open with a lookahead on the verbs' first letters after the word boundary: at each word
# start `re` entered all 28 alternatives (searching 140 characters cost ~70,000 instructions);
# one class test now rules out the words no verb begins with. Only their truth is read.
_TASK_VERB = re.compile(r"\b(?=[hxtbgnsqprkđ])(?:hoàn\s+thành|xong|tổ\s+chức|thực\s+hiện|triển\s+khai"
                        r"|xây\s+dựng|ban\s+hành|báo\s+cáo|trình|gửi|nộp|tổng\s+kết|sơ\s+kết|quán\s+triệt"
                        r"|tuyên\s+truyền|phổ\s+biến|rà\s+soát|tham\s+mưu|hướng\s+dẫn|kiểm\s+tra"
                        r"|tập\s+huấn|kiện\s+toàn|sửa\s+đổi|bổ\s+sung|ký\s+kết|khởi\s+công"
                        r"|phát\s+động|đưa\s+vào)\b",
                        re.IGNORECASE)
_DONE = re.compile(r"\b(?=[hx])(?:hoàn\s+thành|xong)\b", re.IGNORECASE)
# "Thời gian: ...", "Thời gian thực hiện: ...", "Thời hạn hoàn thành: ..."
_TIME_LABEL = re.compile(r"^(?:thời\s+(?:gian|hạn)(?:\s+[^\s:]+){0,2})\s*:", re.IGNORECASE)
# The same label inside a sentence, right before the date: "...; thời gian thực hiện: Quý II/2024".
_TIME_LABEL_BEFORE = re.compile(r"(?:^|[;,(]\s*)thời\s+(?:gian|hạn)(?:\s+[^\s:;,]+){0,2}\s*:\s*"
                                r"(?:(?:trong|vào|trước|hết|ngày|hoàn\s+thành)\s+){0,3}$", re.IGNORECASE)
# A citation's own date: "... số 26-NQ/TW, ngày 03/11/2022".
_CITED = re.compile(r"[A-ZĐ][\w]*/[\w-]+\s*,?\s*(?:ngày\s*)?$")
# "đã hoàn thành trong tháng 6/2024" reports a result; it sets no limit.
_PAST = re.compile(r"\b(?:đã|vừa)\s+(?!được\s+giao)", re.IGNORECASE)
_RECURRING = re.compile(r"\b(?:định\s+kỳ|hằng|hàng)\s+\w*\s*$", re.IGNORECASE)
_HAS_YEAR = re.compile(r"(?:19|20|21)\d\d")
_CUES = ("trước", "chậm", "muộn", "không quá", "hạn", "xong", "thời gian", "trong tháng", "trong quý",
         "trong năm", "vào tháng", "vào quý", "vào năm", "vào ngày", "hết tháng", "hết quý", "hết năm",
         "trong 6 tháng", "trong 06 tháng", "đến ngày", "đến tháng")
# The cues grouped by their first word: a paragraph without "trong " has none of that group,
# so most paragraphs are searched for 10 strings, not 19.
_CUE_GROUPS = tuple(
    (head, tuple(c for c in _CUES if c.startswith(head)))
    for head in ("trong ", "vào ", "hết ")) + tuple(
    (c, (c,)) for c in _CUES if not c.startswith(("trong ", "vào ", "hết ")))


def _maybe(text: str, low: str | None = None) -> bool:
    """A cheap test: a paragraph without a year or any limit word holds no deadline. `low`, when
    given, is `text.lower()` (another stage may have made it).

    >>> _maybe("Hoàn thành TRƯỚC ngày 30/6/2025"), _maybe("Hoàn thành trước ngày 30/6")
    (True, False)
    """
    # One-character `in` first (memchr-fast); `_has_year` then looks for "20", "19", "21"
    # itself (testing them with `in` before it scanned each paragraph with a year twice).
    if ("1" not in text and "2" not in text) or not _has_year(text):
        return False
    lowered = text.lower() if low is None else low
    # `in` is many times faster than one regex over all the cues (plain loops: no generators)
    for head, cues in _CUE_GROUPS:
        if head in lowered:
            for c in cues:
                if c in lowered:
                    return True
    return False


def _has_year(text: str) -> bool:
    """`_HAS_YEAR.search(text)`, from str.find of "20", "19" and "21": `re` would try its
    pattern at every character (`\\d` is str.isdecimal).

    >>> _has_year("Quý II/2025"), _has_year("20 xã, 19,5%, 2 100"), _has_year("12019")
    (True, False, True)
    """
    for lead in ("20", "19", "21"):
        i = text.find(lead)
        while i >= 0:
            digits = text[i + 2:i + 4]
            if len(digits) == 2 and digits.isdecimal():
                return True
            i = text.find(lead, i + 1)
    return False


# Blanks after ".", "!" or "?" before a capital, a bullet or "(". Written to start with `\s`
# rather than with its look-behind, so `re` skips from blank to blank instead of trying the
# pattern at every character; the match is the same: `(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ*(\-])`.
_SENTENCE = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-ZĐÀ-Ỹ*(\-])")


@lru_cache(maxsize=256)               # the rules ask for the same paragraph's sentences in turn
def sentence_breaks(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each match of `_SENTENCE` in `text`, in order.

    Every match is a blank right after ".", "!" or "?": those are found with `str.find` and
    the pattern is tried only there (`re` would try it at every blank of the text). Matches
    cannot overlap: each is blanks only, and starts right after a mark.

    >>> sentence_breaks("Ban hành quy định. Thời gian: Quý II.  (Xong) 3.5 tỷ. đạt? - Có")
    ((18, 19), (37, 39), (53, 54), (58, 59))
    """
    marks: list[int] = []
    for c in ".!?":
        i = text.find(c)
        while i >= 0:
            marks.append(i)
            i = text.find(c, i + 1)
    out = []
    for i in sorted(marks):
        if text[i + 1:i + 2].isspace():          # `\s` is str.isspace
            m = _SENTENCE.match(text, i + 1)
            if m:
                out.append((i + 1, m.end()))
    return tuple(out)


# "trước ngày 15/12 hằng năm": a recurring date, no deadline.
_EVERY = re.compile(r"\s*(?:của\s+)?(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng)", re.IGNORECASE)
# "từ tháng 10 đến tháng 12/2025": a date that opens a period (the year is written once, at its
# end) is its start, not a limit.
_PERIOD_START = re.compile(r"\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày|tháng|quý)?\s*[\dIV]", re.IGNORECASE)


def _maybe_yearless(text: str) -> bool:
    """A cheap test for a date written without its year ("30/6", "tháng 3", "Quý II"); whether
    a limit word stands before it is left to `_deadline_dates`.

    >>> _maybe_yearless("Hoàn thành trước 30/6."), _maybe_yearless("Thực hiện Nghị quyết 26-NQ/TW.")
    (True, False)
    """
    # The part both spellings share first ("háng", "uý"): one scan of a text without them.
    # "ý" alone before "uý": a one-character `in` is a memchr, several times cheaper than
    # the two-character scan, and most paragraphs have no "ý".
    return (("háng" in text and ("tháng" in text or "Tháng" in text))
            or ("ý" in text and "uý" in text and ("quý" in text or "Quý" in text))
            or ("/" in text and _day_slash_month(text)))


# A "/" with a digit on each side ("30/6"). It opens with the "/" itself, so `re` skips from one
# "/" to the next and looks around only there; `\d` and str.isdecimal agree on what a digit is.
_SLASH_BETWEEN_DIGITS = re.compile(r"/(?<=\d/)(?=\d)")


def _day_slash_month(text: str) -> bool:
    """Whether a "/" stands between digits ("30/6"), not in a symbol ("26-NQ/TW").

    >>> _day_slash_month("số 26-NQ/TW, trước 30/6"), _day_slash_month("Nghị quyết 26-NQ/TW")
    (True, False)
    >>> _day_slash_month("/6"), _day_slash_month("30/"), _day_slash_month("3/6")
    (False, False, True)
    """
    return _SLASH_BETWEEN_DIGITS.search(text) is not None


def _with_yearless(text: str, dates: list[DateMatch], own_date: str) -> list[DateMatch]:
    """`dates` and the limits written without a year, placed after the document's own date.

    >>> [d.iso for d in _with_yearless("Thời gian thực hiện: từ tháng 10 đến tháng 12/2025.",
    ...     _deadline_dates("Thời gian thực hiện: từ tháng 10 đến tháng 12/2025."), "2025-09-09")]
    ['2025-12-31']
    >>> [d.iso for d in _with_yearless("Thời gian: từ 01/5 đến 30/6.", [], "2025-03-01")]
    ['2025-06-30']
    """
    taken = [(d.start, d.end) for d in dates]
    extra = [d for d in find_yearless(text, int(own_date[:4]), own_date)
             if not any(a < d.end and d.start < b for a, b in taken)
             and not _EVERY.match(text, d.end) and not _PERIOD_START.match(text, d.end)]
    return sorted(dates + _deadline_dates(text, extra), key=lambda d: d.start) if extra else dates


# "trong vòng 30 ngày kể từ ngày ký", "trong thời hạn 15 ngày, kể từ ngày ban hành Kế hoạch này":
# a limit counted from the document's own date. (Working days, "ngày làm việc", cannot be
# counted without the calendar of holidays; a limit counted from another event has no date.)
_RELATIVE = re.compile(r"""
    (?:trong(?:\s+(?:vòng|thời\s+hạn|phạm\s+vi))?|chậm\s+nhất(?:\s+là)?|không\s+quá)\s+
    (?P<n>\d{1,3})\s+(?P<unit>ngày|tháng)\s*,?\s+kể\s+từ\s+ngày\s+(?:ký|ban\s+hành)
    (?:\s+(?:Nghị\s+quyết|Quyết\s+định|Kế\s+hoạch|Chỉ\s+thị|Chương\s+trình|Thông\s+báo|văn\s+bản)\s+này)?
""", re.VERBOSE | re.IGNORECASE)


def _with_relative(text: str, dates: list[DateMatch], own_date: str) -> list[DateMatch]:
    """`dates` and the limits counted from the document's own date (the period starts the day
    after signing, so 30 days from 2025-08-20 end on 2025-09-19).

    >>> [(d.iso, d.text) for d in _with_relative(
    ...     "UBND xã xây dựng kế hoạch, hoàn thành trong vòng 30 ngày kể từ ngày ký.", [], "2025-08-20")]
    [('2025-09-19', '30 ngày kể từ ngày ký')]
    >>> [d.iso for d in _with_relative("Sở Tư pháp rà soát trong thời hạn 03 tháng kể từ ngày ban hành "
    ...     "Kế hoạch này.", [], "2025-11-30")]
    ['2026-02-28']
    >>> _with_relative("Quyết định này có hiệu lực kể từ ngày ký.", [], "2025-08-20")
    []
    """
    out = list(dates)
    for m in _RELATIVE.finditer(text):
        if any(d.start < m.end() and m.start() < d.end for d in dates):
            continue
        n = int(m["n"])
        start = date.fromisoformat(own_date)
        if m["unit"].lower() == "ngày":
            iso = (start + timedelta(days=n)).isoformat()
        else:
            months = start.month - 1 + n
            year, month = start.year + months // 12, months % 12 + 1
            iso = date(year, month, min(start.day, calendar.monthrange(year, month)[1])).isoformat()
        # from the number: the limit words before it are the deadline phrase `_task` cuts
        out.append(DateMatch(m.start("n"), m.end(), iso, "day", text[m.start("n"):m.end()]))
    return sorted(out, key=lambda d: d.start) if len(out) > len(dates) else dates


def _deadline_dates(text: str, dates: list[DateMatch] | None = None) -> list[DateMatch]:
    """The dates in a paragraph that are limits.

    >>> for text in [
    ...     "* Thời gian: Hoàn thành trước 30/01/2022.",
    ...     "Hoàn thành trong Quý I năm 2022 và báo cáo.",
    ...     "báo cáo UBND tỉnh chậm nhất ngày 15/6/2025",
    ...     "Chậm nhất đến hết ngày 30/6/2024, các xã hoàn thành rà soát",
    ...     "Thời gian thực hiện: từ tháng 3/2025 đến tháng 6/2025",
    ...     "Ban hành quy định. Thời gian hoàn thành: Quý II/2024.",
    ...     "Giao Sở Tài chính bố trí kinh phí; thời gian thực hiện: tháng 5/2024",
    ...     "Ban Tuyên giáo tuyên truyền Chỉ thị trong Quý II/2024.",
    ...     "Các huyện tổ chức tuyên truyền từ ngày 01/5/2024 đến ngày 30/6/2024.",
    ... ]: print([d.iso for d in _deadline_dates(text)])
    ['2022-01-30']
    ['2022-03-31']
    ['2025-06-15']
    ['2024-06-30']
    ['2025-06-30']
    ['2024-06-30']
    ['2024-05-31']
    ['2024-06-30']
    ['2024-06-30']
    >>> [_deadline_dates(text) for text in [
    ...     "Nghị quyết số 26-NQ/TW, ngày 03/11/2022 của Bộ Chính trị",
    ...     "Đến năm 2030, tỷ lệ đô thị hóa đạt 45%; phấn đấu hoàn thành cao nhất mục tiêu năm 2025",
    ... ]]
    [[], []]
    """
    dates = find_dates(text) if dates is None else dates
    if not dates:
        return []
    out = []
    for sentence, start in _sentences(text):
        if _TIME_LABEL.match(sentence.lstrip("-+*•– ")):
            # "Thời gian: từ tháng 3 đến tháng 6/2025": the end of the period is the limit.
            inside = [d for d in dates if start <= d.start < start + len(sentence)]
            if inside:
                out.append(inside[-1])
    # `re` tries these case-insensitive patterns at every position of the text before a date;
    # each needs one of a few words, which `in` finds in the lower-cased text far faster. Only
    # "thời" holds a letter `re` also matches otherwise ("ı", "İ" for "i"): those keep the regex.
    dotless = "ı" in text or "İ" in text
    for d in dates:
        if d in out:
            continue
        before = text[max(0, d.start - 60):d.start]
        low = before.lower()
        # (the clause is cut once: the tests below read it again)
        if ("/" in before and _CITED.search(before)) \
                or (("định" in low or "hằng" in low or "hàng" in low) and _RECURRING.search(before)) \
                or _past(clause := _clause(text, d.start)):
            continue
        timed = dotless or "thời" in low
        if timed and _TIME_LABEL_BEFORE.search(before):
            out.append(d)
        elif _ends_with(_LIMIT, before, low, _LIMIT_WORDS, dotless):
            if d.grain == "year" and not _DONE.search(clause):
                continue
            out.append(d)
        elif _ends_with(_WITHIN, before, low, _WITHIN_WORDS, dotless) \
                or ("từ" in low and "đến" in low and _PERIOD_END.search(before)):
            verb = _DONE if d.grain == "year" else _TASK_VERB
            if verb.search(clause[-140:]):
                out.append(d)
    return sorted(out, key=lambda d: d.start)


# The words each phrase of `_LIMIT` and of `_WITHIN` starts with.
_LIMIT_WORDS = ("trước", "chậm", "không", "hạn", "xong", "thời")
_WITHIN_WORDS = ("trong", "vào", "hết", "đến")


def _ends_with(pattern: re.Pattern[str], before: str, low: str, words: tuple[str, ...],
               dotless: bool) -> bool:
    """Whether `pattern.search(before)` finds a phrase, for a pattern whose every match starts
    with one of `words` (lower case) and ends the text (`$`): the search starts at the first
    of the words in `low` (`before.lower()`), so `re` does not try its case-insensitive
    alternatives at every character before it (~6 µs on 60 characters, ~1 µs from there).

    When lower-casing changed the length ("İ" becomes two characters) the offsets of `low` are
    not those of `before`, and `re` also matches "ı" and "İ" for "i": then the plain search.

    >>> _ends_with(_LIMIT, "hoàn thành TRƯỚC ", "hoàn thành trước ", _LIMIT_WORDS, False)
    True
    >>> _ends_with(_WITHIN, "trong năm, báo cáo ", "trong năm, báo cáo ", _WITHIN_WORDS, False)
    False
    """
    if dotless or len(low) != len(before):
        return bool(pattern.search(before))
    first = -1
    for w in words:
        # Once one word is found, only an earlier start matters: find need not look further.
        i = low.find(w) if first < 0 else low.find(w, 0, first - 1 + len(w))
        if i >= 0:
            first = i
    return first >= 0 and bool(pattern.search(before, first))


def _past(clause: str) -> bool:
    """`_PAST.search(clause)`, skipped when the lower-cased clause has neither word.

    >>> _past("Đã hoàn thành trong"), _past("Hoàn thành trong")
    (True, False)
    """
    low = clause.lower()
    return ("đã" in low or "vừa" in low) and bool(_PAST.search(clause))


def _clause(text: str, pos: int) -> str:
    """The text from the start of the clause holding `pos` up to `pos`."""
    head = text[:pos]
    cut = max(head.rfind(";"), head.rfind(". "), head.rfind(":"))
    return head[cut + 1:]


def _sentences(text: str) -> list[tuple[str, int]]:
    """The sentences of a paragraph with their start offsets."""
    out, start = [], 0
    for at, end in sentence_breaks(text):
        out.append((text[start:at], start))
        start = end
    out.append((text[start:], start))
    return out

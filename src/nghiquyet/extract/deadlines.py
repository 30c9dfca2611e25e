"""Deadlines: dated tasks (`Hoàn thành trước 30/01/2022`, `trong tháng 02/2022`, `Quý I năm 2022`).

A date is a deadline when the words before it set a limit: `trước (ngày)`, `chậm nhất`,
`hạn`, `xong trước`, a `Thời gian: ...` line, or `trong/vào` after a task verb
(`hoàn thành trong tháng 02/2022`). Dates of cited documents, the document's own date,
dates before it, recurring periods (`định kỳ 6 tháng`) and horizons (`đến năm 2030`) are not.

The task is the sentence without its deadline phrase; when nothing is left ("* Thời gian:
Hoàn thành trước 30/01/2022" under "2.1. Đối với cấp tỉnh: Tổ chức Hội nghị ..."), the
enclosing item's activity. The responsible body is the one the section names (`Đối với X:`,
`3. Ban cán sự đảng Ủy ban nhân dân tỉnh`), or the subject (`X chủ trì`, `giao X`).
"""
from __future__ import annotations

import re

from ..model import Deadline
from ..text import squash
from .dates import DateMatch, find_dates, find_yearless
from .deadlines_who import FOR_WHO, body_start, enclosing, responsible, subject_body  # noqa: F401
from .identity import place_and_date
from .outline import Layout, Paragraph

# Words right before a date that make it a limit, whatever the sentence.
_LIMIT = re.compile(r"""
    (?:trước|chậm\s+nhất(?:\s+là)?|không\s+muộn\s+hơn|không\s+quá|hạn\s+chót|hạn\s+cuối|thời\s+hạn
       |hạn\s+hoàn\s+thành|xong\s+trong|xong\s+vào)
    (?:\s+(?:đến|tới))?(?:\s+(?:ngày|trong|vào|hết)){0,2}\s*:?\s*$      # "chậm nhất đến hết ngày"
""", re.VERBOSE | re.IGNORECASE)
# "trong/vào" before a date is a limit only after a task verb in the same clause.
_WITHIN = re.compile(r"(?:trong|vào|hết|đến\s+hết)(?:\s+ngày)?\s*$", re.IGNORECASE)
_TASK_VERB = re.compile(r"\b(?:hoàn\s+thành|xong|tổ\s+chức|thực\s+hiện|triển\s+khai|xây\s+dựng"
                        r"|ban\s+hành|báo\s+cáo|trình|gửi|nộp|tổng\s+kết|sơ\s+kết|quán\s+triệt)\b",
                        re.IGNORECASE)
_DONE = re.compile(r"\b(?:hoàn\s+thành|xong)\b", re.IGNORECASE)
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
# The deadline phrase to cut from a sentence to leave its task.
_PHRASE_START = re.compile(r"\(?\s*(?:(?:phải\s+|và\s+)?(?:hoàn\s+thành|xong)\s+)?(?:trước|chậm\s+nhất"
                           r"|không\s+muộn\s+hơn|trong|vào|hạn|thời\s+hạn|đến\s+hết"
                           r"|thời\s+gian(?:\s+[^\s:;,]+){0,2}\s*:)(?:\b|\s)[^()]*$",
                           re.IGNORECASE)
_HAS_YEAR = re.compile(r"(?:19|20|21)\d\d")
_CUES = ("trước", "chậm", "muộn", "không quá", "hạn", "xong", "thời gian", "trong tháng", "trong quý",
         "trong năm", "vào tháng", "vào quý", "vào năm", "vào ngày", "hết tháng", "hết quý", "hết năm",
         "trong 6 tháng", "trong 06 tháng")
# The cues grouped by their first word: a paragraph without "trong " has none of that group,
# so most paragraphs are searched for 10 strings, not 19.
_CUE_GROUPS = tuple(
    (head, tuple(c for c in _CUES if c.startswith(head)))
    for head in ("trong ", "vào ", "hết ")) + tuple(
    (c, (c,)) for c in _CUES if not c.startswith(("trong ", "vào ", "hết ")))


def _maybe(text: str) -> bool:
    """A cheap test: a paragraph without a year or any limit word holds no deadline.

    >>> _maybe("Hoàn thành TRƯỚC ngày 30/6/2025"), _maybe("Hoàn thành trước ngày 30/6")
    (True, False)
    """
    # `in` on the regex's literal prefixes first: memchr-fast, where `re` crawls non-ASCII text.
    if ("1" not in text and "2" not in text) or (
            "19" not in text and "20" not in text and "21" not in text):
        return False
    if not _HAS_YEAR.search(text):
        return False
    lowered = text.lower()
    # `in` is many times faster than one regex over all the cues (plain loops: no generators)
    for head, cues in _CUE_GROUPS:
        if head in lowered:
            for c in cues:
                if c in lowered:
                    return True
    return False


# Blanks after ".", "!" or "?" before a capital, a bullet or "(". Written to start with `\s`
# rather than with its look-behind, so `re` skips from blank to blank instead of trying the
# pattern at every character; the match is the same: `(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ*(\-])`.
_SENTENCE = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-ZĐÀ-Ỹ*(\-])")


def extract(layout: Layout) -> list[Deadline]:
    found: list[str | None] = []

    def own_date() -> str | None:
        """The document's own date, read only once a deadline or a table asks for it."""
        if not found:
            found.append(place_and_date(layout)[1])
        return found[0]

    out: list[Deadline] = []
    seen: set[tuple[str, str]] = set()
    columns: dict[str, int] | None = None
    for i, p in enumerate(layout.paragraphs):
        if p.zone != "body":
            continue
        if "|" in p.text and " | " in p.text:     # a one-character search first: much faster
            columns = _header(p.text) or columns
            row = _table_row(layout, p, columns, own_date())
            if row and (row.due, row.quote) not in seen:
                seen.add((row.due, row.quote))
                out.append(row)
            continue
        columns = None
        dates = _deadline_dates(p.text) if _maybe(p.text) else []
        if _maybe_yearless(p.text) and own_date():
            dates = _with_yearless(p.text, dates, own_date())
        for d in dates:
            if own_date() and d.iso < own_date():
                continue              # already past when the document was signed
            sentence, s_start = _sentence_at(p.text, d.start)
            quote = squash(sentence.lstrip("-+*•– ")).rstrip(" .;")
            key = (d.iso, quote)
            if key in seen:
                continue
            seen.add(key)
            task = _task(layout, i, sentence, d.start - s_start, d.end - s_start)
            out.append(Deadline(
                task=task, due=d.iso, responsible=responsible(layout, p, sentence),
                quote=quote, section=layout.path(p.section),
                span=(p.span[0] + s_start, p.span[0] + s_start + len(sentence))))
    return out


# --- tables of tasks: "STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành" -----------------

_TIME_HEAD = re.compile(r"thời\s+(?:gian|hạn)|tiến\s+độ|hoàn\s+thành", re.IGNORECASE)
_WHO_HEAD = re.compile(r"chủ\s+trì|cơ\s+quan|đơn\s+vị|trách\s+nhiệm|phụ\s+trách", re.IGNORECASE)
_TASK_HEAD = re.compile(r"nội\s+dung|nhiệm\s+vụ|công\s+việc|hoạt\s+động|tên", re.IGNORECASE)


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.split(" | ")]


def _header(text: str) -> dict[str, int] | None:
    """Column positions from a table's header row, or None when the row is not a header.

    >>> _header("STT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành")
    {'task': 1, 'who': 2, 'time': 3}
    """
    cells = _cells(text)
    if any(_HAS_YEAR.search(c) for c in cells):
        return None
    cols: dict[str, int] = {}
    for j, c in enumerate(cells):
        if "time" not in cols and _TIME_HEAD.search(c):
            cols["time"] = j
        elif "who" not in cols and _WHO_HEAD.search(c):
            cols["who"] = j
        elif "task" not in cols and _TASK_HEAD.search(c):
            cols["task"] = j
    return cols if "time" in cols else None


def _table_row(layout: Layout, p: Paragraph, columns: dict[str, int] | None,
               own_date: str | None) -> Deadline | None:
    """A row of a task table whose time cell is a date ("Quý I/2025", "Trước 30/6/2025")."""
    cells = _cells(p.text)
    if columns and columns["time"] < len(cells):
        time_cells = [columns["time"]]
    else:
        time_cells = [j for j, c in enumerate(cells) if j and len(c) <= 40]
    for j in time_cells:
        found = find_dates(cells[j])
        if not found and columns and own_date:   # "Quý II", "Trước 30/6" in an annual plan's table
            found = find_yearless(cells[j], int(own_date[:4]), own_date)
        if not found or (found[-1].grain == "year" and not columns):
            continue
        if _CITED.search(cells[j][:found[-1].start]) or _RECURRING.search(cells[j]):
            continue
        due = found[-1].iso
        if own_date and due < own_date:
            return None
        rest = [(k, c) for k, c in enumerate(cells) if k != j and c and not c.rstrip(".").isdigit()]
        if not rest:
            return None
        task_col = columns.get("task") if columns else None
        who_col = columns.get("who") if columns else None
        task = cells[task_col] if task_col is not None and task_col < len(cells) else max(
            (c for _, c in rest), key=len)
        who = cells[who_col] if who_col is not None and who_col < len(cells) else next(
            (c for _, c in rest if c != task and body_start().match(c)), None)
        start = p.text.find(cells[j])
        return Deadline(task=_first_sentence(task), due=due, responsible=who or None,
                        quote=cells[j], section=layout.path(p.section),
                        span=(p.span[0] + start, p.span[0] + start + len(cells[j])))
    return None


# "trước ngày 15/12 hằng năm": a recurring date, no deadline.
_EVERY = re.compile(r"\s*(?:của\s+)?(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng)", re.IGNORECASE)


def _maybe_yearless(text: str) -> bool:
    """A cheap test for a date written without its year ("30/6", "tháng 3", "Quý II"); whether
    a limit word stands before it is left to `_deadline_dates`.

    >>> _maybe_yearless("Hoàn thành trước 30/6."), _maybe_yearless("Thực hiện Nghị quyết 26-NQ/TW.")
    (True, False)
    """
    # One-character tests first ("á" of tháng, "ý" of quý): far cheaper than lower().
    return (("á" in text and ("tháng" in text or "Tháng" in text))
            or ("ý" in text and ("quý" in text or "Quý" in text))
            or ("/" in text and _day_slash_month(text)))


def _day_slash_month(text: str) -> bool:
    """Whether a "/" stands between digits ("30/6"), not in a symbol ("26-NQ/TW").

    >>> _day_slash_month("số 26-NQ/TW, trước 30/6"), _day_slash_month("Nghị quyết 26-NQ/TW")
    (True, False)
    """
    i = text.find("/")
    while i >= 0:
        if 0 < i < len(text) - 1 and text[i + 1].isdecimal() and text[i - 1].isdecimal():
            return True
        i = text.find("/", i + 1)
    return False


def _with_yearless(text: str, dates: list[DateMatch], own_date: str) -> list[DateMatch]:
    """`dates` and the limits written without a year, placed after the document's own date."""
    taken = [(d.start, d.end) for d in dates]
    extra = [d for d in find_yearless(text, int(own_date[:4]), own_date)
             if not any(a < d.end and d.start < b for a, b in taken)
             and not _EVERY.match(text, d.end)]
    return sorted(dates + _deadline_dates(text, extra), key=lambda d: d.start) if extra else dates


def _deadline_dates(text: str, dates: list[DateMatch] | None = None) -> list[DateMatch]:
    """The dates in a paragraph that are limits.

    >>> [d.iso for d in _deadline_dates("* Thời gian: Hoàn thành trước 30/01/2022.")]
    ['2022-01-30']
    >>> [d.iso for d in _deadline_dates("Hoàn thành trong Quý I năm 2022 và báo cáo.")]
    ['2022-03-31']
    >>> [d.iso for d in _deadline_dates("báo cáo UBND tỉnh chậm nhất ngày 15/6/2025")]
    ['2025-06-15']
    >>> [d.iso for d in _deadline_dates("Chậm nhất đến hết ngày 30/6/2024, các xã hoàn thành rà soát")]
    ['2024-06-30']
    >>> _deadline_dates("Nghị quyết số 26-NQ/TW, ngày 03/11/2022 của Bộ Chính trị")
    []
    >>> _deadline_dates("Đến năm 2030, tỷ lệ đô thị hóa đạt 45%; phấn đấu hoàn thành cao nhất mục tiêu năm 2025")
    []
    >>> [d.iso for d in _deadline_dates("Thời gian thực hiện: từ tháng 3/2025 đến tháng 6/2025")]
    ['2025-06-30']
    >>> [d.iso for d in _deadline_dates("Ban hành quy định. Thời gian hoàn thành: Quý II/2024.")]
    ['2024-06-30']
    >>> [d.iso for d in _deadline_dates("Giao Sở Tài chính bố trí kinh phí; thời gian thực hiện: tháng 5/2024")]
    ['2024-05-31']
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
        if ("/" in before and _CITED.search(before)) \
                or (("định" in low or "hằng" in low or "hàng" in low) and _RECURRING.search(before)) \
                or _past(_clause(text, d.start)):
            continue
        timed = dotless or "thời" in low
        if timed and _TIME_LABEL_BEFORE.search(before):
            out.append(d)
        elif (timed or any(w in low for w in _LIMIT_WORDS)) and _LIMIT.search(before):
            if d.grain == "year" and not _DONE.search(_clause(text, d.start)):
                continue
            out.append(d)
        elif ("trong" in low or "vào" in low or "hết" in low) and _WITHIN.search(before):
            clause = _clause(text, d.start)
            verb = _DONE if d.grain == "year" else _TASK_VERB
            if verb.search(clause[-140:]):
                out.append(d)
    return sorted(out, key=lambda d: d.start)


# The first words of `_LIMIT`'s phrases but "thời" (tested with the label's).
_LIMIT_WORDS = ("trước", "chậm", "không", "hạn", "xong")


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
    for m in _SENTENCE.finditer(text):
        out.append((text[start:m.start()], start))
        start = m.end()
    out.append((text[start:], start))
    return out


def _sentence_at(text: str, pos: int) -> tuple[str, int]:
    """The sentence of a paragraph that holds offset `pos`, and its start offset."""
    start = 0
    for m in _SENTENCE.finditer(text):
        if m.start() >= pos:
            return text[start:m.start()], start
        start = m.end()
    return text[start:], start


_EMPTY_PARENS = re.compile(r"\(\s*\)")
_COMMA_BEFORE_MARK = re.compile(r"\s*,\s*(?=[;,.])")


def _task(layout: Layout, i: int, sentence: str, at: int, end: int) -> str:
    """The task: the sentence without its deadline phrase, else the enclosing item's activity."""
    head = sentence[:at]
    m = _phrase_start(head)
    rest = sentence[:m.start()] if m else head
    tail = sentence[end:]
    if m and m.group(0).lstrip().startswith("("):
        tail = re.sub(r"^\s*\)", "", tail)      # "(Hoàn thành trong Quý I năm 2022)"
    task = squash(rest + " " + tail)
    task = task.lstrip("-+*•– ")
    label = _TIME_LABEL.match(task)            # anchored: what `_TIME_LABEL.sub("", task)` cuts
    task = (task[label.end():] if label else task).strip(" ,.;:")
    if "(" in task:
        task = _EMPTY_PARENS.sub("", task)
    if "," in task:
        task = _COMMA_BEFORE_MARK.sub("", task)
    task = task.strip(" ,.;:(")
    if task.count(")") > task.count("(") and task.endswith(")"):
        task = task[:-1].rstrip()
    labelled = _TIME_LABEL.match(sentence.lstrip("-+*•– "))
    if len(task.split()) >= 3 and not labelled:
        return _first_sentence(task)
    # "Thời gian: ..." says when, not what: the task is the sentence or item before it.
    p = layout.paragraphs[i]
    start = p.text.find(sentence)
    if start > 0:
        earlier = [t for t, _ in _sentences(p.text[:start]) if t.strip()]
        if earlier:
            return _first_sentence(earlier[-1].lstrip("-+*•– "))
    before = sentence_before(layout, i)
    if before:
        return before
    for s in enclosing(layout, p):
        text = s.heading
        m = FOR_WHO.match(text)
        if m:
            return _first_sentence(m["what"]) or squash(text)
        if len(text.split()) >= 3:
            return _first_sentence(text)
    return task or squash(sentence)


# The first word of a deadline phrase: its optional lead ("phải", "và", "hoàn thành", "xong")
# or its limit word. A phrase starts at one of them, or at the blanks and "(" just before it.
_PHRASE_WORDS = ("phải", "và", "hoàn", "xong", "trước", "chậm", "không", "trong", "vào", "hạn",
                 "thời", "đến")


def _phrase_start(head: str) -> re.Match[str] | None:
    """`_PHRASE_START.search(head)`, with the search started where the phrase can first begin.

    The case-insensitive regex tries its alternatives at every position (about 0.3 µs each);
    the earliest phrase word found by `str.find` in the lower-cased text bounds where a match
    can start. (`re` also lets "ı" stand for "i" and "İ" lower-cases to two characters: such
    text keeps the plain search.)

    >>> _phrase_start("Tổ chức tổng kết, hoàn thành trước ")[0]
    ' hoàn thành trước '
    """
    lowered = head.lower()
    if len(lowered) != len(head) or "ı" in head:
        return _PHRASE_START.search(head)
    first = -1
    for w in _PHRASE_WORDS:
        # Once one word is found, only an earlier start matters: find need not look further.
        i = lowered.find(w) if first < 0 else lowered.find(w, 0, first - 1 + len(w))
        if i >= 0:
            first = i
    if first < 0:
        return None
    while first > 0 and head[first - 1].isspace():
        first -= 1
    if first > 0 and head[first - 1] == "(":
        first -= 1
    return _PHRASE_START.search(head, first)


def sentence_before(layout: Layout, i: int) -> str | None:
    """The last sentence of the previous paragraph in the same section (a list item's text)."""
    if i == 0:
        return None
    prev, cur = layout.paragraphs[i - 1], layout.paragraphs[i]
    if prev.section != cur.section or prev.is_heading or prev.zone != "body":
        return None
    text = prev.text.lstrip("-+*•– ")
    if re.match(r"(?:thành\s+phần|thời\s+gian|địa\s+điểm)\s*:", text, re.IGNORECASE):
        return None
    return _first_sentence(text)


def _first_sentence(text: str) -> str:
    return squash(_SENTENCE.split(text, maxsplit=1)[0]).rstrip(" .;")

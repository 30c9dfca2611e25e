"""Deadlines: dated tasks (`Hoàn thành trước 30/01/2022`, `trong tháng 02/2022`, `Quý I năm 2022`).

A date is a deadline when the words before it set a limit: `trước (ngày)`, `chậm nhất`,
`hạn`, `xong trước`, a `Thời gian: ...` line, or `trong/vào` after a task verb
(`hoàn thành trong tháng 02/2022`). Dates of cited documents, the document's own date,
dates before it, recurring periods (`định kỳ 6 tháng`) and horizons (`đến năm 2030`) are not.

The task is the sentence without its deadline phrase; when nothing is left ("* Thời gian:
Hoàn thành trước 30/01/2022" under "2.1. Đối với cấp tỉnh: Tổ chức Hội nghị ..."), the
enclosing item's activity. The responsible body is the one the section names (`Đối với X:`,
`3. Ban cán sự đảng Ủy ban nhân dân tỉnh`), or the subject (`X chủ trì`, `giao X`).
Which dates are limits is decided in `deadlines_dates`; who, in `deadlines_who`.
"""
from __future__ import annotations

import re

from ..model import Deadline
from ..text import squash
from .dates import find_dates, find_yearless
from .deadlines_dates import (_CITED, _HAS_YEAR, _RECURRING, _TIME_LABEL, sentence_breaks,
                              _deadline_dates, _maybe, _maybe_yearless, _sentences, _with_relative,
                              _with_yearless)
from .deadlines_who import FOR_WHO, body_start, enclosing, in_charge, responsible, subject_body  # noqa: F401
from .header import place_and_date
from .outline import Layout, Paragraph

# The deadline phrase to cut from a sentence to leave its task.
# ("...; thời gian hoàn thành trong Quý II/2026": the label without its colon goes with it.)
_PHRASE_START = re.compile(r"\(?\s*(?:thời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?\s+"
                           r"|(?:phải\s+|và\s+)?(?:hoàn\s+thành|xong)\s+)?(?:trước|chậm\s+nhất"
                           r"|không\s+muộn\s+hơn|trong|vào|hạn|thời\s+hạn|đến\s+hết|từ\s+(?:ngày|tháng)"
                           r"|thời\s+gian(?:\s+[^\s:;,]+){0,2}\s*:)(?:\b|\s)[^();]*$",
                           re.IGNORECASE)


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
        text = p.text
        dates = _deadline_dates(text) if _maybe(text, p.low) else []
        if _maybe_yearless(text) and own_date():
            dates = _with_yearless(text, dates, own_date())
        # "kể từ ngày ký": a limit counted from the own date. One-character tests first: a
        # longer string is searched several times slower, and most paragraphs have no "ừ".
        if "ừ" in text and "ể" in text and "ể từ" in text and own_date():
            dates = _with_relative(text, dates, own_date())
        if not dates:
            continue                  # most paragraphs
        signed = own_date()
        for d in dates:
            if signed and d.iso < signed:
                continue              # already past when the document was signed
            sentence, s_start = _sentence_at(text, d.start)
            quote = squash(sentence.lstrip("-+*•– ")).rstrip(" .;")
            key = (d.iso, quote)
            if key in seen:
                continue
            seen.add(key)
            task = _task(layout, i, sentence, d.start - s_start, d.end - s_start)
            start = p.span[0] + s_start
            # task, due, responsible, quote, section, span (positional: keywords cost more)
            who = (";" in sentence and task in sentence and subject_body(task)) \
                or responsible(layout, p, sentence) or in_charge(layout, i)
            out.append(Deadline(task, d.iso, who, quote, layout.path(p.section),
                                (start, start + len(sentence))))
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


def _sentence_at(text: str, pos: int) -> tuple[str, int]:
    """The sentence of a paragraph that holds offset `pos`, and its start offset."""
    start = 0
    for at, end in sentence_breaks(text):
        if at >= pos:
            return text[start:at], start
        start = end
    return text[start:], start


_EMPTY_PARENS = re.compile(r"\(\s*\)")
_COMMA_BEFORE_MARK = re.compile(r"\s*,\s*(?=[;,.])")


# A clause with a date of its own ("...; tổng kết trước 31/12") is a task of its own.
_DATED = re.compile(r"\d{1,2}/\d{1,2}|[Qq]uý\s+[IV]|tháng\s+\d")
# A date closing an earlier clause (before its "," or ";"): a later limit's task starts after it.
_DATE_CLOSES = re.compile(r"(?:\d{1,2}/\d{1,2}(?:/\d{4})?|[Qq]uý\s+[IV]+(?:/\d{4})?"
                          r"|tháng\s+\d{1,2}(?:/\d{4})?)(?:\s+năm\s+\d{4})?\s*$")


def _after_earlier_date(head: str) -> int:
    """Where the text after the last date that closes a clause starts, or 0. The separators are
    found with `str.find`, and the pattern is tried only on the few characters before one that
    follows a digit or a quarter's numeral.

    >>> h = "Tổ chức đại hội điểm xong trước 30/4/2026, hoàn thành đại hội trước "
    >>> h[_after_earlier_date(h):], _after_earlier_date("Đạt 95%, hoàn thành trước ")
    ('hoàn thành đại hội trước ', 0)
    """
    cut = 0
    for sep in ",;":
        i = head.find(sep)
        while i >= 0:
            j = i
            while j > 0 and head[j - 1] == " ":
                j -= 1
            if j and (head[j - 1].isdecimal() or head[j - 1] in "IV") \
                    and _DATE_CLOSES.search(head, max(0, j - 24), j):
                k = i + 1
                while k < len(head) and head[k] == " ":
                    k += 1
                cut = max(cut, k)
            i = head.find(sep, i + 1)
    return cut


def _task(layout: Layout, i: int, sentence: str, at: int, end: int) -> str:
    """The task: the sentence without its deadline phrase, else the enclosing item's activity."""
    head = sentence[:at]
    clause = False                       # the task is a clause after ";" ("...; tổng kết")
    cut = _after_earlier_date(head)
    if cut and len(head[cut:].split()) >= 2:
        head = head[cut:]               # "... xong trước 30/4/2026, hoàn thành ... trước 30/6/2026"
        clause = True
    m = _phrase_start(head)
    rest = head[:m.start()] if m else head
    if ";" in rest:
        # "UBND tỉnh chỉ đạo nâng cấp đê ...; rà soát phương án sơ tán, xong trước ngày 30/5/2024":
        # the limit belongs to the clause it closes.
        last = rest.rsplit(";", 1)[1]
        if len(last.split()) >= 2:
            rest, clause = last, True
    tail = sentence[end:]
    if "/" in tail or "uý" in tail or "tháng" in tail:      # what `_DATED` needs, found by `in`
        for mark in (";", ",", " và "):
            semi = tail.find(mark)
            if semi >= 0 and _DATED.search(tail, semi):
                tail = tail[:semi]   # "sơ kết trước ngày 30/6/2026; tổng kết trước 31/12": another task
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
    if len(task.split()) >= (2 if clause else 3) and not labelled:
        return _first_sentence(task)
    # "Thời gian: ..." says when, not what: the task is the sentence or item before it.
    p = layout.paragraphs[i]
    start = p.text.find(sentence)
    if start > 0:
        # (not an item's label alone: "3." before "Thời gian: ..." is no sentence)
        earlier = [t for t, _ in _sentences(p.text[:start]) if any(c.isalpha() for c in t)]
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
                 "thời", "đến", "từ")


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
    cur = layout.paragraphs[i]
    for j in range(i - 1, max(-1, i - 4), -1):   # over "- Cơ quan chủ trì: ..." lines
        prev = layout.paragraphs[j]
        if prev.section != cur.section or prev.is_heading or prev.zone != "body":
            return None
        text = prev.text.lstrip("-+*•– ")
        if not _ITEM_LABEL.match(text):
            return _first_sentence(text)
    return None


# The labelled lines of a task item that say who, where or with what, not what is done.
_ITEM_LABEL = re.compile(r"(?:thành\s+phần|thời\s+gian|thời\s+hạn|địa\s+điểm|kinh\s+phí|sản\s+phẩm"
                         r"|(?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện|tham\s+mưu)"
                         r"|chủ\s+trì|phối\s+hợp)[^:]{0,30}:", re.IGNORECASE)


def _first_sentence(text: str) -> str:
    breaks = sentence_breaks(text)             # what `_SENTENCE.split(text, 1)[0]` keeps
    return squash(text[:breaks[0][0]] if breaks else text).rstrip(" .;")

"""The frame of a document's figures: its own year, the years its title plans for, the period
a heading spans, and what kind of figures a heading announces.

`context` reads the document's date (or the `ngày ... năm YYYY` line of its header) and the
years its title and header name ("năm 2025", "đến 2030", "giai đoạn 2021-2025"), so a figure
without a year of its own gets the one the document plans for (targets) or reports on
(results). Split from `figures`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..model import Identity
from ..text import fold
from . import figures_text as ft
from . import vocab
from .figures_clauses import time_marks
from .numbers import find_quantities
from .outline import Layout

_DATE_LINE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)")
_TITLE_YEAR = re.compile(r"(?<!tầm nhìn )(?<!tầm nhìn đến )(?<!tầm nhìn đến năm )"
                         r"(?<!tháng \d )(?<!tháng \d\d )năm\s+((?:19|20)\d\d)|đến\s+((?:19|20)\d\d)")


@dataclass
class Context:
    now: int | None                  # the document's own year
    plan_target: int | None          # the year the document plans for (title)
    plan_result: int | None          # the year it reports on (title)
    reports: bool = False            # a report (báo cáo): figures without a goal cue are results
    period: str | None = None        # the span of years the title states ("giai đoạn 2026 - 2030")
    date: str | None = None          # the document's own date, ISO


def context(layout: Layout, doc: Identity) -> Context:
    """The document's year and the years its title and header (before the first section) name."""
    now = int(doc.date[:4]) if doc and doc.date and doc.date[:4].isdigit() else None
    head = []
    for p in layout.paragraphs:
        if p.section is not None:
            break
        head.append(p.text)
    block = " ".join(head[:12])
    if now is None:
        m = _DATE_LINE.search(block)
        now = int(m.group(1)) if m else None
    title = (doc.title or "") if doc else ""
    years = [int(a or b) for a, b in _title_years(_DATE_LINE.sub(" ", title + " " + block))]
    past = [y for y in years if now is None or y <= now]
    return Context(now=now, plan_target=max(years) if years else None,
                   plan_result=min(past) if past else now,
                   reports=bool(doc and doc.kind == "bao_cao"), period=_period_in(title),
                   date=doc.date if doc else None)


def _title_years(text: str) -> list[tuple[str, str]]:
    """`_TITLE_YEAR.findall(text)`, trying the pattern only where "năm" or "đến" is written:
    every match starts there and none can hold another (`re` would try every position).

    >>> _title_years("Kế hoạch năm 2025, tầm nhìn đến năm 2030; đến 2035")
    [('2025', ''), ('', '2035')]
    """
    found = []
    for word in ("năm", "đến"):
        i = text.find(word)
        while i >= 0:
            m = _TITLE_YEAR.match(text, i)
            if m:
                found.append((i, m.groups("")))     # "" for the other group, as findall
            i = text.find(word, i + 1)
    return [groups for _, groups in sorted(found)]


# --- what headings say -----------------------------------------------------------------

@cache
def heading_regex() -> re.Pattern[str]:
    """One regex over folded headings; the group that matches names the kind."""
    groups = []
    for kind, words in vocab.load("figures")["section_kinds"].items():
        alt = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
        groups.append(f"(?P<{kind}>{alt})")
    return re.compile(r"(?:^|(?<=\W))(?:" + "|".join(groups) + r")(?=\W|$)")


@cache
def states_figure(heading: str) -> bool:
    """Whether a heading holds a quantity with a unit (an item written as a heading).

    >>> states_figure("Tỷ lệ hộ nghèo còn 9,8%, vượt chỉ tiêu"), states_figure("Chỉ tiêu đến năm 2030")
    (True, False)
    """
    return bool(find_quantities(heading))


@cache
def kind_of_heading(heading: str) -> str | None:
    """The kind of figures under a heading: the first kind word it says, else None.

    >>> kind_of_heading("KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO NĂM 2024"), kind_of_heading("MỤC TIÊU, NHIỆM VỤ")
    ('result', 'goal')
    """
    m = heading_regex().search(fold(ft.short_heading(heading)))
    return m.lastgroup if m else None


def section_kinds(layout: Layout) -> list[str | None]:
    """`section_kind` of every section, each heading read once: a section without a kind of its
    own takes its parent's, already known (a parent comes before its children)."""
    kinds: list[str | None] = []
    for i, s in enumerate(layout.sections):
        kind = None if states_figure(s.heading) else kind_of_heading(s.heading)
        if not kind and s.parent is not None:
            kind = kinds[s.parent] if s.parent < i else section_kind(layout, s.parent)
        kinds.append(kind)
    return kinds


def section_kind(layout: Layout, section: int | None) -> str | None:
    while section is not None:
        s = layout.sections[section]
        # An item that states a figure ("4. Tỷ lệ hộ nghèo còn 9,8%, vượt chỉ tiêu") is no title:
        # its words say nothing of the figures under it.
        kind = None if states_figure(s.heading) else kind_of_heading(s.heading)
        if kind:
            return kind
        section = s.parent
    return None


# A period in a heading: "NHIỆM KỲ 2025 - 2030", "GIAI ĐOẠN 2026-2030", "2021–2025".
_HEADING_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?![\d/])")
# "bình quân đầu người" is per head, not over time.
_OVER_PERIOD = re.compile(r"""bình\s+quân(?!\s*(?:/|đầu\s+người|mỗi\s+người|một\s+người|trên\s+người|người
                                              |mỗi\s+hộ|hộ|lao\s+động|mỗi\s+lao\s+động))
                              |\b(?:\d+|năm)\s+năm\b|cả\s+(?:giai\s+đoạn|nhiệm\s+kỳ)|lũy\s+kế""",
                          re.IGNORECASE | re.VERBOSE)


def heading_period(layout: Layout, section: int | None) -> tuple[str, ...]:
    """The periods ("2026-2030") the nearest heading with a span of years states."""
    while section is not None:
        s = layout.sections[section]
        periods = periods_in(s.heading)
        if periods:
            return periods
        section = s.parent
    return ()


def _period_in(heading: str) -> str | None:
    """The first span of years a heading states (see `periods_in`), or None.

    >>> _period_in("II. MỤC TIÊU, CHỈ TIÊU NHIỆM KỲ 2025 - 2030"), _period_in("Đến năm 2030")
    ('2025-2030', None)
    """
    periods = periods_in(heading)
    return periods[0] if periods else None


@lru_cache(maxsize=2048)
def periods_in(heading: str) -> tuple[str, ...]:
    """The spans of years a heading states, unless the heading is an item stating a figure.
    A heading may state two: "Tán thành đánh giá nhiệm kỳ 2020 - 2025 và mục tiêu nhiệm kỳ
    2025 - 2030"; a figure takes the one that ends in its year.

    >>> periods_in("I. Đánh giá nhiệm kỳ 2020 - 2025 và mục tiêu nhiệm kỳ 2025 - 2030")
    ('2020-2025', '2025-2030')
    """
    if "-" not in heading and "–" not in heading:
        return ()
    found = tuple(f"{m.group(1)}-{m.group(2)}" for m in _HEADING_PERIOD.finditer(heading)
                  if m.group(1) < m.group(2))
    return found if found and not states_figure(heading) else ()


def over_period(quote: str, unit: str | None) -> bool:
    """Whether a figure is an average or a total over a period rather than a level at its end.

    >>> over_period("Tốc độ tăng trưởng bình quân đạt 10%/năm", "%/năm"), over_period("GRDP đạt 150 triệu đồng", "triệu đồng")
    (True, False)
    >>> over_period("Tổng vốn đầu tư 5 năm đạt 500.000 tỷ đồng", "tỷ đồng")
    True
    >>> over_period("Thu nhập bình quân đầu người đạt 92 triệu đồng", "triệu đồng")
    False
    """
    if unit and unit.endswith("/năm"):
        return True
    # Each alternative holds one of these words ("bình quân", "năm", "cả", "lũy"), whose letters
    # `re` matches regardless of case only as their own capitals (no other character folds to
    # them): skip the regex, which crawls, without one.
    low = quote.lower()
    if "quân" in low or "cả" in low or "ũy" in low:
        return bool(_OVER_PERIOD.search(quote))
    # Else only "5 năm", "năm năm" can match: a "năm" after blanks after a digit or a "năm".
    # Most quotes hold a year ("năm 2025") and no such pair: no regex (which crawls a quote).
    i = low.find("năm", 1)
    while i >= 0:
        j = i
        while j > 0 and low[j - 1].isspace():        # \s is str.isspace, \d str.isdecimal
            j -= 1
        if j < i and j > 0 and (low[j - 1].isdecimal() or low.endswith("năm", 0, j)):
            return bool(_OVER_PERIOD.search(quote))
        i = low.find("năm", i + 1)
    return False


# "Đến ngày 10/4/2026, ...", "Tính đến hết ngày 31/3": the state of things on a given day.
_AS_OF = re.compile(r"(?<!\w)(?:[Tt]ính\s+)?(?:[Đđ]ến|[Tt]ới)\s+(?:hết\s+)?ngày\s+(\d{1,2})/(\d{1,2})"
                    r"(?:/((?:19|20)\d\d))?(?![\d/])")


def as_of_past(text: str, start: int, end: int, date: str | None) -> int | None:
    """Where a sentence says "as of" a day on or before the document's `date` (ISO): what it
    reports there has been reached. None when it names no such day.

    >>> t = "Đến ngày 10/4/2026, toàn tỉnh giải ngân được 1.245 tỷ đồng"
    >>> as_of_past(t, 0, len(t), "2026-04-18"), as_of_past(t, 0, len(t), "2026-04-01")
    (0, None)
    >>> as_of_past("Phấn đấu đến hết ngày 30/6/2026 giải ngân 50%", 0, 45, "2026-04-18") is None
    True
    """
    if not date or len(date) < 10:
        return None
    for m in _AS_OF.finditer(text, start, end):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3) or date[:4]
        if 1 <= day <= 31 and 1 <= month <= 12 and f"{year}-{month:02d}-{day:02d}" <= date:
            return m.start()
    return None


# ---------------------------------------------------------------- lists opened by a line

def intro_year_of(text: str) -> int | None:
    """The year a short paragraph ending with ":" sets for the list after it.

    >>> intro_year_of("Phấn đấu đến năm 2030:"), intro_year_of("Các chỉ tiêu cụ thể:")
    (2030, None)
    """
    text = text.rstrip()
    if not text.endswith(":") or len(text) > 200:
        return None
    years = [m.year for m in time_marks(text) if m.year]
    return years[-1] if years else None


def lead_in_kind(sentence: str) -> str | None:
    """The kind a short lead-in ending with ":" gives what follows it in its paragraph.

    "Đại hội đánh giá: nhiệm kỳ qua, ... tăng bình quân 9,2%/năm; ..." reports results inside a
    numbered item whose own heading ("Thông qua Báo cáo chính trị ...") says nothing; "Mục tiêu
    đến năm 2030: ..." states goals. Only results and goals: a task word names no kind of figure.

    >>> lead_in_kind("Đại hội đánh giá: nhiệm kỳ qua, thu nhập đạt 68,5 triệu đồng")
    'result'
    >>> lead_in_kind("Về kinh tế: Tốc độ tăng trưởng đạt 10%"), lead_in_kind("Tỷ lệ hộ nghèo 2%")
    (None, None)
    """
    colon = sentence.find(": ", 0, 64)
    if colon < 3:
        return None                      # most sentences: no lead-in to read
    lead = sentence[:colon]
    if lead.count(" ") > 7 or any(c.isdigit() for c in lead):
        return None                      # a clause of its own, or a figure before the colon
    kind = kind_of_heading(lead)
    return kind if kind in ("result", "goal") else None


def intro_kind_of(text: str) -> str | None:
    """A paragraph like "Các chỉ tiêu chủ yếu năm 2025:" opens a list of targets.

    >>> intro_kind_of("Các chỉ tiêu chủ yếu năm 2025:")
    'goal'
    >>> intro_kind_of("Có 18/21 chỉ tiêu đạt và vượt; 3 chỉ tiêu không đạt. Kết quả cụ thể như sau:")
    'result'
    """
    if not text.endswith(":"):
        if not text[-1:].isspace():
            return None                  # most paragraphs: no copy of the text to find out
        text = text.rstrip()
        if not text.endswith(":"):
            return None
    if len(text) > 200:
        return None
    # The sentence that opens the list says what it holds, not a tally before it ("Có 18/21 chỉ
    # tiêu đạt và vượt. Kết quả cụ thể như sau:")
    return kind_of_heading(_LAST_SENTENCE.split(text)[-1])


_LAST_SENTENCE = re.compile(r"(?<=\w)[.;]\s+(?=\S)")

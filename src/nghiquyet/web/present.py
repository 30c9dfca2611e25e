"""Presentation only: how numbers, dates, statuses and highlighted quotes look on a page.

Nothing here decides anything about the data (that is `store` and `track`); these functions
turn values the services return into Vietnamese text and CSS classes. They are registered as
Jinja filters in `web.create_app`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

from markupsafe import Markup, escape

from ..text import format_date, format_number

# Status codes of `track` → (Vietnamese label, CSS class). The colour scale runs from green
# (done) to red (missed); grey is "no data". Unknown codes are shown as they are.
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "exceeded": ("Vượt", "st-exceeded"),
    "met": ("Đạt", "st-met"),
    "on_track": ("Đúng tiến độ", "st-on-track"),
    "at_risk": ("Có nguy cơ", "st-at-risk"),
    "off_track": ("Chậm tiến độ", "st-off-track"),
    "missed": ("Không đạt", "st-missed"),
    "no_data": ("Chưa có số liệu", "st-no-data"),
}

# Task categories offices report for deadlines (`track.tasks.CATEGORIES`), with their colour.
TASK_LABELS: dict[str, tuple[str, str]] = {
    "done_on_time": ("Hoàn thành đúng hạn", "st-met"),
    "done_late": ("Hoàn thành quá hạn", "st-at-risk"),
    "open_in_time": ("Chưa hoàn thành trong hạn", "st-on-track"),
    "open_overdue": ("Chưa hoàn thành quá hạn", "st-missed"),
}

COMPARATOR_SIGNS = {"eq": "", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "approx": "≈",
                    "range": ""}

KIND_LABELS = {
    "nghi_quyet": "Nghị quyết", "chuong_trinh_hanh_dong": "Chương trình hành động",
    "ke_hoach": "Kế hoạch", "ket_luan": "Kết luận", "chi_thi": "Chỉ thị",
    "quyet_dinh": "Quyết định", "bao_cao": "Báo cáo", "thong_bao": "Thông báo",
    "de_an": "Đề án", "other": "Văn bản khác",
}


def number(value: float | int | None, decimals: int | None = None) -> str:
    """A number written the Vietnamese way, with at most `decimals` decimals; empty for None.

    >>> number(17900), number(7.3), number(None), number(2.0)
    ('17.900', '7,3', '', '2')
    >>> number(18250.0, 2), number(7.33333, 2), number(66.6666, 1)
    ('18.250', '7,33', '66,7')
    """
    if value is None:
        return ""
    if decimals is not None:
        value = round(float(value), decimals)
    return format_number(value)


def vn_date(value: date | datetime | str | None) -> str:
    """A date as dd/mm/yyyy.

    >>> vn_date(date(2021, 12, 23)), vn_date("2025-06-30"), vn_date(None)
    ('23/12/2021', '30/06/2025', '')
    """
    if value is None or value == "":
        return ""
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    return format_date(str(value))


def figure(comparator: str | None, value: float | None, value_max: float | None = None,
           unit: str | None = None) -> str:
    """A target's figure as an office writes it.

    >>> figure("gte", 85, None, "%")
    '≥ 85%'
    >>> figure("range", 2.5, 3, "lần")
    '2,5–3 lần'
    >>> figure("eq", 17900, None, "tỷ đồng")
    '17.900 tỷ đồng'
    >>> figure("eq", None)
    ''
    """
    if value is None and value_max is None:
        return ""
    text = number(value)
    if comparator == "range" and value_max is not None:
        text = f"{text}–{number(value_max)}"
    sign = COMPARATOR_SIGNS.get(comparator or "eq", "")
    if sign:
        text = f"{sign} {text}"
    if unit:
        text += unit if unit == "%" else f" {unit}"
    return text


def status_label(code: str | None) -> str:
    """The Vietnamese name of a target status.

    >>> status_label("on_track"), status_label(None)
    ('Đúng tiến độ', 'Chưa có số liệu')
    """
    return STATUS_LABELS.get(code or "no_data", (code or "", ""))[0]


def status_class(code: str | None) -> str:
    return STATUS_LABELS.get(code or "no_data", ("", "st-no-data"))[1]


def task_label(code: str | None) -> str:
    return TASK_LABELS.get(code or "", (code or "", ""))[0]


def task_class(code: str | None) -> str:
    return TASK_LABELS.get(code or "", ("", "st-no-data"))[1]


def kind_label(code: str | None) -> str:
    """The Vietnamese name of a document kind.

    >>> kind_label("ke_hoach"), kind_label("la")
    ('Kế hoạch', 'la')
    """
    return KIND_LABELS.get(code or "other", code or "")


@dataclass(frozen=True)
class Mark:
    """A stretch of the text to highlight, with the anchor id and title it gets."""
    start: int
    end: int
    anchor: str
    title: str = ""
    css: str = "q"


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The text, HTML-escaped, with each mark wrapped in `<mark id=...>`.

    Overlapping marks are clipped so the HTML stays well nested (the later one starts after
    the earlier ends); marks outside the text are dropped.

    >>> str(highlight("a <b> c", [Mark(2, 5, "t1", "chỉ tiêu")]))
    'a <mark id="t1" class="q" title="chỉ tiêu">&lt;b&gt;</mark> c'
    >>> str(highlight("abcdef", [Mark(0, 3, "x"), Mark(2, 5, "y"), Mark(9, 12, "z")]))
    '<mark id="x" class="q" title="">abc</mark><mark id="y" class="q" title="">de</mark>f'
    """
    out: list[str] = []
    pos = 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        start, end = max(m.start, pos), min(m.end, len(text))
        if end <= start:
            continue
        out.append(str(escape(text[pos:start])))
        out.append(f'<mark id="{escape(m.anchor)}" class="{escape(m.css)}" '
                   f'title="{escape(m.title)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def marked(text: str, spans: Iterable[tuple[int, int]] | Iterable[list[int]]) -> Markup:
    """`text` escaped, with each (start, end) span wrapped in `<mark>`.

    >>> str(marked("Nông thôn <mới>", [(0, 4), (10, 15)]))
    '<mark>Nông</mark> thôn <mark>&lt;mới&gt;</mark>'
    """
    return highlight(text, [Mark(a, b, "", css="") for a, b in spans]).replace(
        ' id="" class="" title=""', "")


def snippet(text: str | None) -> Markup:
    """A search snippet whose matches the search service wrapped in `[` `]` markers… or `<b>`.

    The search service returns snippets with its own markers; only `<mark>`/`</mark>` (and
    `<b>`) are let through as tags, everything else is escaped.

    >>> str(snippet("nông <mark>thôn</mark> <script>"))
    'nông <mark>thôn</mark> &lt;script&gt;'
    """
    if not text:
        return Markup("")
    safe = str(escape(text))
    for tag in ("mark", "b"):
        safe = safe.replace(f"&lt;{tag}&gt;", f"<{tag}>").replace(f"&lt;/{tag}&gt;", f"</{tag}>")
    return Markup(safe)


FILTERS = {
    "number": number, "vn_date": vn_date, "figure": figure, "status_label": status_label,
    "status_class": status_class, "task_label": task_label, "task_class": task_class,
    "kind_label": kind_label, "snippet": snippet, "marked": marked,
}

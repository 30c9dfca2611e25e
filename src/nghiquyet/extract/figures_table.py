"""Tables of targets, as the .docx reader writes them: one row a line, cells joined by " | ".

A header row names the columns (`Chỉ tiêu`, `Đơn vị`, `Kế hoạch 2025`, `Thực hiện 2024`,
`Mục tiêu 2030`); each later row gives one figure per value column: a target for plan and goal
columns, a result for "Thực hiện" / "Ước thực hiện" columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Figure
from ..text import fold, parse_number
from . import figures_text as ft
from .figures_parts import part_name
from .units import match_unit, per_ten_thousand

_YEAR = re.compile(r"(?:19|20)\d\d")
_VALUE = re.compile(r"(?P<a>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
                    r"(?:\s*(?:-|đến)\s*(?P<b>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?))?")
# A number that names a time or a thing is not a cell's value: "năm 2024", "ngày 03/11/2022",
# "Số 62 -KH/TU", "Đề án 06", "lần thứ XIX".
_NAMING_BEFORE = re.compile(r"(?:năm|ngày|tháng|quý|số|đề\s+án|lần\s+thứ|khóa|khoá|giai\s+đoạn)\s*:?$",
                            re.IGNORECASE)
_NAMING_AFTER = re.compile(r"/\d{1,2}/\d{2,4}|/\d{4}\b|\s*-\s*[A-ZĐ]")    # a date, a symbol
_SIGNS = {">": "gt", ">=": "gte", "≥": "gte", "<": "lt", "<=": "lte", "≤": "lte", "~": "approx"}


@dataclass
class _Column:
    index: int
    kind: str                 # target | result
    year: int | None
    estimate: bool
    period: str | None


def column_kind(header: str) -> tuple[str, bool] | None:
    """What a value column holds, from its header: ("target"|"result", estimate).

    >>> column_kind("Kế hoạch 2025"), column_kind("Ước thực hiện 2024"), column_kind("Đơn vị")
    (('target', False), ('result', True), None)
    """
    f = fold(header)
    if re.search(r"\b(?:uoc|thuc hien|ket qua|dat duoc)\b", f):
        return "result", "uoc" in f.split()
    if re.search(r"\b(?:ke hoach|muc tieu|chi tieu|du kien|phan dau|nam \d{4}|giai doan)\b", f) \
            or _YEAR.fullmatch(f.strip()):
        return "target", False
    return None


_PLAN_HEADER = re.compile(r"\b(?:ke hoach|muc tieu|chi tieu|du kien|phan dau|giai doan|kh)\b")


def _years_before_plans(columns: list[_Column], headers: list[str], now: int | None) -> None:
    """A column headed by a bare year ("Năm 2025", "2025") before a later plan column ("Kế hoạch
    2026"), or before the document's own year, holds what that year reached: results, not
    targets. Bare years alone ("Năm 2026 | Năm 2027") are the years of a plan.

    >>> cols = [_Column(3, "target", 2025, False, None), _Column(4, "target", 2026, False, None)]
    >>> _years_before_plans(cols, ["Năm 2025", "Kế hoạch 2026"], 2026)
    >>> [(c.kind, c.year) for c in cols]
    [('result', 2025), ('target', 2026)]
    >>> cols = [_Column(3, "target", 2025, False, None)]
    >>> _years_before_plans(cols, ["Kế hoạch 2025"], 2026); cols[0].kind
    'target'
    >>> cols = [_Column(3, "target", 2026, False, None), _Column(4, "target", 2027, False, None)]
    >>> _years_before_plans(cols, ["Năm 2026", "Năm 2027"], 2026); [c.kind for c in cols]
    ['target', 'target']
    """
    planned = [bool(_PLAN_HEADER.search(fold(h))) for h in headers]
    last_plan = max((c.year for c, p in zip(columns, planned) if p and c.kind == "target" and c.year),
                    default=None)
    for col, plan in zip(columns, planned):
        if col.kind != "target" or col.year is None or col.period or plan:
            continue
        if (last_plan and col.year < last_plan) or (now and col.year < now):
            col.kind = "result"


class TableReader:
    """Reads consecutive " | " rows; the header row says which column holds what."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.name_col: int | None = None
        self.unit_col: int | None = None
        self.number_col: int | None = None
        self.values: list[_Column] = []
        self.last_top: dict[str, Figure] = {}

    def header(self, cells: list[str], now: int | None = None) -> bool:
        folded = [fold(c) for c in cells]
        name = next((i for i, f in enumerate(folded) if re.search(r"\b(?:chi tieu|noi dung|danh muc)\b", f)), None)
        if name is None:
            return False
        values = []
        for i, c in enumerate(cells):
            if i == name:
                continue
            kind = column_kind(c)
            if kind:
                years = [int(y) for y in _YEAR.findall(c)]
                period = f"{years[0]}-{years[1]}" if len(years) == 2 else None
                values.append(_Column(i, kind[0], years[-1] if years else None, kind[1], period))
        if not values:
            return False
        _years_before_plans(values, [cells[c.index] for c in values], now)
        self.reset()
        self.name_col, self.values = name, values
        self.unit_col = next((i for i, f in enumerate(folded) if re.search(r"\b(?:don vi|dvt)\b", f)), None)
        self.number_col = next((i for i, f in enumerate(folded) if f.strip() in ("tt", "stt", "so tt")), None)
        return True

    def row(self, text: str, para, layout, ctx) -> list[Figure]:
        cells = [c.strip() for c in text.split("|")]     # an empty first cell keeps its place
        if self.header(cells, ctx.now if ctx is not None else None):
            return []
        if self.name_col is None or self.name_col >= len(cells):
            return []
        name = cells[self.name_col]
        unit = cells[self.unit_col].strip() if self.unit_col is not None and self.unit_col < len(cells) else ""
        number = None
        if self.number_col is not None and self.number_col < len(cells):
            n = cells[self.number_col].strip(" .")
            number = int(n) if n.isdigit() else None
        is_part = bool(re.match(r"^\s*(?:[-+*]|trong\s+đó|Trong\s+đó)", name))
        name = ft.tidy(re.sub(r"^\s*(?:[-+*]\s*)?(?:[Tt]rong\s+đó\s*:?\s*)?", "", name))
        out = []
        for col in self.values:
            if col.index >= len(cells):
                continue
            value = read_value(cells[col.index], unit)
            if value is None or not name:
                continue
            comp, a, b, unit_norm = value
            if col.estimate and comp == "eq":
                comp = "approx"              # an "Ước thực hiện" column: "ước đạt" in prose
            fig = Figure(indicator=ft.lower_first(name), comparator=comp, value=a, value_max=b,
                         unit=unit_norm, year=col.year or layout.horizon(para.section),
                         period=col.period, quote=text.strip(), section=layout.path(para.section),
                         span=para.span, number=number, kind=col.kind, estimate=col.estimate)
            if unit_norm and fig.indicator and "dân" in fig.indicator:
                fig.unit = per_ten_thousand(fig.indicator, unit_norm)   # "Số bác sĩ/vạn dân | Bác sĩ"
            if is_part and col.kind in self.last_top:
                fig.parent = self.last_top[col.kind]
                # "Trong đó: có bằng cấp, chứng chỉ" under "Tỷ lệ lao động qua đào tạo"
                fig.indicator = part_name(fig.indicator, fig.parent.indicator)
            elif not is_part:
                self.last_top[col.kind] = fig
            out.append(fig)
        return _plans_into_results(out)


def _plans_into_results(figs: list[Figure]) -> list[Figure]:
    """A row with "Kế hoạch 2024" and "Thực hiện 2024" columns reports a result against its
    plan: the plan is the result's `planned` (as "45.799/36.875" is), not a target of its own.

    >>> plan = Figure(indicator="x", comparator="eq", value=95, unit="tỷ đồng", year=2024, kind="target")
    >>> done = Figure(indicator="x", comparator="eq", value=102.5, unit="tỷ đồng", year=2024, kind="result")
    >>> [(f.kind, f.value, f.planned) for f in _plans_into_results([plan, done])]
    [('result', 102.5, 95)]
    >>> plan = Figure(indicator="x", comparator="range", value=10, value_max=11, unit="%", year=2025,
    ...               kind="target")
    >>> done = Figure(indicator="x", comparator="eq", value=11.8, unit="%", year=2025, kind="result")
    >>> [(f.kind, f.value, f.planned) for f in _plans_into_results([plan, done])]
    [('result', 11.8, 10)]
    """
    results = {f.year: f for f in figs if f.kind == "result" and f.year and f.parent is None}
    out = []
    for f in figs:
        done = results.get(f.year) if f.kind == "target" and f.parent is None else None
        if done is not None and done.unit == f.unit and done.planned is None:
            done.planned = f.value           # a planned range "10 - 11" is kept by its floor
            continue
        out.append(f)
    return out


def _plain_tail(after: str) -> bool:
    """What may follow a table cell's number: its unit, "trở lên", a note in brackets.

    >>> [_plain_tail(t) for t in ("%", "tỷ đồng (ước)", "trở lên", "chỉ tiêu , . trên", "kV")]
    [True, True, True, False, False]
    """
    unit = match_unit(" " + after, 0)
    rest = after[unit.end - 1:].strip() if unit else after
    return not rest or rest[0] in "(%/" or rest.startswith("trở")


def read_value(cell: str, unit: str) -> tuple[str, float, float | None, str | None] | None:
    """(comparator, value, value_max, unit) of a table cell, with the unit from its column.

    >>> read_value("> 7", "%")
    ('gt', 7.0, None, '%')
    >>> read_value("8 - 10", "%/năm")
    ('range', 8.0, 10.0, '%/năm')
    >>> read_value("Trên 17.800", "Tỷ đồng")
    ('gt', 17800.0, None, 'tỷ đồng')
    >>> read_value("-", "%") is None
    True
    >>> read_value("95 trở lên", "%"), read_value("45.000 (ước)", "tỷ đồng")[:2]
    (('gte', 95.0, None, '%'), ('eq', 45000.0))
    >>> [read_value(c, "") for c in ("năm 2024", "ngày 03/11/2022", "Số 62 -KH/TU", "Đề án 06",
    ...                              "(12)", "2021 - 2025", "500kV đường dây")]
    [None, None, None, None, None, None, None]
    """
    m = _VALUE.search(cell)
    if not m:
        return None
    a = parse_number(m.group("a"))
    b = parse_number(m.group("b")) if m.group("b") else None
    if a is None:
        return None
    before = cell[: m.start()].strip()
    if _NAMING_BEFORE.search(before) or _NAMING_AFTER.match(cell, m.end()):
        return None
    after = cell[m.end():].strip()
    if len(before.split()) > 3 or len(cell.split()) > 8:
        return None                      # a value cell: "Không thấp hơn 17.800 tỷ đồng (ước)"
    if before.endswith("(") and after.startswith(")"):
        return None                      # "(12)": an item's label
    if b is not None and _YEAR.fullmatch(m.group("a")) and _YEAR.fullmatch(m.group("b")):
        return None                      # "2021 - 2025": a period
    # After the value only its unit, a note in brackets ("(ước)") or nothing: a number inside
    # running words ("500kV", "28 chỉ tiêu ...") is not a table value.
    if after and not _plain_tail(after):
        return None
    comp = _SIGNS.get(before) or ft.comparator_before(before + " ")[0] \
        or ft.comparator_after(" " + after)[0] or "eq"          # "95 trở lên"
    if b is not None:
        comp = "range"
    matched = match_unit(" " + unit, 0) if unit else None
    unit_norm = matched.unit if matched and matched.end >= len(unit) else (unit.lower() or None)
    return comp, a, b, unit_norm

"""Figures from a spreadsheet: the template a unit fills in, and its validated import.

`write_template` makes the Excel sheet for one unit and year: one row per indicator its targets
use, the target beside the empty cell, drop-down lists and number validation. `import_file`
reads that sheet (or any .xlsx/.csv with the same headers), checks every row — unknown indicator
or unit, wrong unit of measure, non-numeric value, period out of range, duplicates, approved
(locked) periods — and records all figures or none: every problem is reported with its file,
row and column.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Document, Target
from ..text import fold, parse_number, squash
from . import observations as obs
from .align import describe_figure
from .linking import db_catalogue, sync_catalogue
from .models import Indicator, Organisation, TargetIndicator
from .orgs import find_unit

SHEET = "Số liệu"
HEADER = ("Mã đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kỳ", "Loại số liệu",
          "Giá trị", "Ghi chú")
# Accepted header spellings (folded) → field.
HEADERS = {
    "ma don vi": "org", "don vi": "org", "don vi bao cao": "org", "organisation": "org",
    "ma chi tieu": "indicator", "chi tieu": "indicator_name", "ten chi tieu": "indicator_name",
    "indicator": "indicator",
    "ky": "period", "ky bao cao": "period", "period": "period",
    "gia tri": "value", "so lieu": "value", "value": "value",
    "don vi tinh": "unit", "dvt": "unit", "unit": "unit",
    "loai so lieu": "kind", "loai": "kind", "kind": "kind",
    "ghi chu": "note", "note": "note",
}
KINDS = {"thuc hien": "actual", "actual": "actual", "": "actual", "uoc thuc hien": "estimate",
         "uoc": "estimate", "uoc dat": "estimate", "estimate": "estimate", "ke hoach": "planned",
         "planned": "planned"}
KIND_CHOICES = ("thực hiện", "ước thực hiện", "kế hoạch")
EARLIEST_YEAR = 1945


@dataclass(frozen=True)
class Problem:
    file: str
    row: int            # 0 for the file as a whole
    column: str
    message: str

    def __str__(self) -> str:
        where = self.file if not self.row else f"{self.file}:{self.row}"
        return f"{where}: cột {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


class ImportFailed(Exception):
    """Nothing was imported; `problems` lists every reason."""
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass
class ImportSummary:
    file: str
    rows: int = 0
    recorded: int = 0
    skipped_empty: int = 0


# --------------------------------------------------------------------------- reading

def _read_rows(path: Path) -> list[tuple[int, list]]:
    """(row number, cells) of the sheet/file, header included; raises ImportFailed if unreadable."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook
            wb = load_workbook(path, read_only=True, data_only=True)
            ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
            rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)]
            wb.close()
            return rows
        if suffix == ".csv":
            text = path.read_text(encoding="utf-8-sig")
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
            return [(i, r) for i, r in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]
    except ImportFailed:
        raise
    except Exception as e:  # a corrupt or mislabelled file: one clear problem, no traceback
        raise ImportFailed([Problem(name, 0, "", f"không đọc được tệp ({type(e).__name__}: {e})")]) from None
    raise ImportFailed([Problem(name, 0, "", "chỉ nhận tệp .xlsx hoặc .csv")])


def _find_header(rows: list[tuple[int, list]], name: str) -> tuple[int, dict[str, int]]:
    for idx, (n, cells) in enumerate(rows[:15]):
        fields = {}
        for j, c in enumerate(cells):
            f = HEADERS.get(squash(fold(str(c or ""))))
            if f and f not in fields:
                fields[f] = j
        if "value" in fields and ("indicator" in fields or "indicator_name" in fields):
            missing = [f for f in ("org", "period") if f not in fields]
            if missing:
                raise ImportFailed([Problem(name, n, "", f"thiếu cột {', '.join(missing)}")])
            return idx, fields
    raise ImportFailed([Problem(name, 0, "", "không tìm thấy dòng tiêu đề (cần các cột Mã đơn vị, "
                                             "Mã chỉ tiêu, Kỳ, Giá trị)")])


def _number(cell) -> float | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        return float(cell)
    text = squash(str(cell)).rstrip("%").strip().replace(" ", "")
    return parse_number(text)


# --------------------------------------------------------------------------- import

def import_file(session: Session, *, path: Path, who: str | None = None,
                today: date | None = None) -> ImportSummary:
    """Validate every row, then record all figures (source `import`) — or raise ImportFailed."""
    path = Path(path)
    name = path.name
    today = today or date.today()
    if not path.is_file():
        raise ImportFailed([Problem(str(path), 0, "", "không tìm thấy tệp")])
    rows = _read_rows(path)
    h, fields = _find_header(rows, name)
    header_cells = rows[h][1]
    col_name = {f: str(header_cells[j]) for f, j in fields.items()}
    sync_catalogue(session)
    catalogue = db_catalogue(session)
    by_code = {i.code: i for i in session.scalars(select(Indicator))}
    problems: list[Problem] = []
    pending: list[dict] = []
    seen: dict[tuple, int] = {}
    summary = ImportSummary(name)
    org_cache: dict[str, Organisation | None] = {}

    def cell(cells, f):
        j = fields.get(f)
        return cells[j] if j is not None and j < len(cells) else None

    for n, cells in rows[h + 1:]:
        if not any(c not in (None, "") for c in cells):
            continue
        summary.rows += 1
        raw_value = cell(cells, "value")
        if raw_value in (None, ""):
            summary.skipped_empty += 1      # a template row the unit left empty
            continue
        bad = len(problems)
        p = lambda f, msg: problems.append(Problem(name, n, col_name.get(f, f), msg))  # noqa: E731
        # indicator
        code = squash(str(cell(cells, "indicator") or ""))
        indicator = by_code.get(code)
        if indicator is None:
            label = code or squash(str(cell(cells, "indicator_name") or ""))
            m = catalogue.match(label) if label else None
            indicator = by_code.get(m.code) if m and m.method != "fuzzy" else None
            if indicator is None:
                p("indicator" if "indicator" in fields else "indicator_name",
                  f"chỉ tiêu không có trong danh mục: {label!r}" if label else "thiếu mã chỉ tiêu")
        # organisation
        org_ref = squash(str(cell(cells, "org") or ""))
        if org_ref not in org_cache:
            org_cache[org_ref] = find_unit(session, org_ref, on=today) if org_ref else None
        org = org_cache[org_ref]
        if org is None:
            p("org", f"đơn vị không có trong danh sách: {org_ref!r}" if org_ref else "thiếu mã đơn vị")
        # period
        period = cell(cells, "period")
        if isinstance(period, (date, datetime)):   # Excel turned "03/2025" into a date
            period = f"{period.month:02d}/{period.year}"
        try:
            ptype, start, end = obs.parse_period(period if period is not None else "")
        except obs.ObservationError as e:
            p("period", str(e))
            ptype = start = end = None
        # kind
        kind = KINDS.get(squash(fold(str(cell(cells, "kind") or ""))))
        if kind is None:
            p("kind", f"loại số liệu không hợp lệ: {cell(cells, 'kind')!r} ({', '.join(KIND_CHOICES)})")
        if start is not None:
            if start.year < EARLIEST_YEAR or start.year > today.year + 30:
                p("period", f"kỳ ngoài phạm vi: {period!r}")
            elif kind in ("actual", "estimate") and start > today:
                p("period", f"kỳ {period!r} chưa bắt đầu: chỉ số liệu kế hoạch được nhập trước")
        # value and unit
        value = _number(raw_value)
        if value is None:
            p("value", f"không phải số: {raw_value!r}")
        unit = squash(str(cell(cells, "unit") or ""))
        if indicator is not None and value is not None and unit:
            conv = catalogue.convert(value, unit, indicator.unit)
            if conv is None:
                p("unit", f"đơn vị tính {unit!r} không đúng (chỉ tiêu tính bằng {indicator.unit!r})")
            else:
                value = conv
        if len(problems) > bad:
            continue
        key = (indicator.id, org.id, ptype, start, kind)
        if key in seen:
            p("period", f"trùng với dòng {seen[key]} (cùng chỉ tiêu, đơn vị, kỳ và loại số liệu)")
            continue
        seen[key] = n
        if obs.locking_submission(session, organisation_id=org.id, period_end=end) is not None:
            p("period", f"số liệu kỳ {obs.period_label(ptype, start)} của {org.name} đã được duyệt (khóa)")
            continue
        pending.append(dict(indicator=indicator, organisation=org, period=period, value=value, kind=kind,
                            note=cell(cells, "note"), ref=f"{name}:{n}"))
    if problems:
        raise ImportFailed(problems)
    for r in pending:
        obs.record(session, indicator=r["indicator"], organisation=r["organisation"], period=r["period"],
                   value=r["value"], kind=r["kind"], source="import", who=who, source_ref=r["ref"],
                   note=str(r["note"]) if r["note"] not in (None, "") else None)
        summary.recorded += 1
    return summary


# --------------------------------------------------------------------------- template

def _target_text(t: Target, doc: Document | None) -> str:
    src = f", {doc.label}" if doc is not None else ""
    return describe_figure(t.comparator, t.value, t.value_max, t.unit) + f" (năm {t.year}{src})"


def template_rows(session: Session, *, organisation: Organisation, year: int,
                  all_indicators: bool = False) -> list[dict]:
    """The rows of a unit's template: each indicator its targets (due in or after `year`) use."""
    sync_catalogue(session)
    q = (select(Indicator, Target, Document).join(TargetIndicator, TargetIndicator.indicator_id == Indicator.id)
         .join(Target, Target.id == TargetIndicator.target_id).join(Document, Document.id == Target.document_id)
         .where(TargetIndicator.organisation_id == organisation.id, Target.superseded.is_(False),
                Target.status != "deleted", (Target.year >= year) | Target.year.is_(None))
         .order_by(Indicator.code, Target.year))
    rows: dict[str, dict] = {}
    for ind, t, doc in session.execute(q).all():
        r = rows.setdefault(ind.code, {"code": ind.code, "name": ind.name, "unit": ind.unit, "targets": []})
        r["targets"].append(_target_text(t, doc))
    if all_indicators:
        for ind in session.scalars(select(Indicator).where(Indicator.reviewed.is_(True)).order_by(Indicator.code)):
            rows.setdefault(ind.code, {"code": ind.code, "name": ind.name, "unit": ind.unit, "targets": []})
    return list(rows.values())


def write_template(session: Session, *, organisation: Organisation, year: int, path: Path,
                   all_indicators: bool = False) -> int:
    """Write the Excel sheet a unit fills in; returns the number of indicator rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = template_rows(session, organisation=organisation, year=year, all_indicators=all_indicators)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = f"BIỂU NHẬP SỐ LIỆU CHỈ TIÊU NĂM {year} — {organisation.name.upper()}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = ("Nhập cột Giá trị (số, dấu phẩy thập phân hoặc ô số); Kỳ: năm (2025), quý (Quý I/2025) "
                "hoặc tháng (03/2025); có thể thêm dòng cho kỳ khác. Không sửa các cột Mã.")
    ws["A2"].alignment = Alignment(wrap_text=True)
    ws.merge_cells("A2:I2")
    ws.row_dimensions[2].height = 32
    head = 4
    for j, title in enumerate(HEADER, start=1):
        c = ws.cell(row=head, column=j, value=title)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    for i, r in enumerate(rows, start=head + 1):
        values = (organisation.code, r["code"], r["name"], r["unit"], "; ".join(r["targets"]), str(year),
                  KIND_CHOICES[0], None, None)
        for j, v in enumerate(values, start=1):
            ws.cell(row=i, column=j, value=v)
        ws.cell(row=i, column=8).fill = PatternFill("solid", fgColor="FFF2CC")
    last = head + max(len(rows), 1) + 200      # room for rows the unit adds (quarters, months)
    number = DataValidation(type="decimal", operator="between", formula1="-1000000000000",
                            formula2="1000000000000", allow_blank=True, showErrorMessage=True,
                            errorTitle="Giá trị", error="Nhập một số")
    kinds = DataValidation(type="list", formula1='"' + ",".join(KIND_CHOICES) + '"', allow_blank=True,
                           showErrorMessage=True, errorTitle="Loại số liệu", error="Chọn trong danh sách")
    ws.add_data_validation(number)
    ws.add_data_validation(kinds)
    number.add(f"H{head + 1}:H{last}")
    kinds.add(f"G{head + 1}:G{last}")
    for col, width in zip("ABCDEFGHI", (12, 30, 50, 18, 40, 12, 16, 14, 24)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(row=head + 1, column=3)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return len(rows)

"""The indicator page's data: each organisation's observed series, its targets and forecast,
arranged for the chart, the table and the CSV/XLSX download."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Document, Target
from ..track import observations as obs
from ..track.forecast import Forecast, forecast
from ..track.models import Indicator, Observation, Organisation, TargetIndicator

MAX_ORGS = 12          # lines on one chart stay readable up to about this many
PALETTE = ["#1a73e8", "#d93025", "#1e8e3e", "#b06000", "#8430ce", "#007b83", "#c5221f",
           "#5f6368", "#e37400", "#185abc", "#137333", "#a142f4"]


@dataclass
class OrgSeries:
    organisation: Organisation
    series: dict[int, float]
    targets: list[tuple[Target, Document]] = field(default_factory=list)
    forecast: Forecast | None = None


def indicator_by_ref(session: Session, ref: str) -> Indicator | None:
    if ref.isdigit():
        return session.get(Indicator, int(ref))
    return session.scalar(select(Indicator).where(Indicator.code == ref))


def indicator_series(session: Session, ind: Indicator, as_of: date) -> list[OrgSeries]:
    org_ids = set(session.scalars(select(Observation.organisation_id).where(
        Observation.indicator_id == ind.id).distinct()))
    links = session.execute(select(TargetIndicator, Target, Document)
                            .join(Target, Target.id == TargetIndicator.target_id)
                            .join(Document, Document.id == Target.document_id)
                            .where(TargetIndicator.indicator_id == ind.id,
                                   Target.superseded.is_(False), Target.status != "deleted")
                            ).all()
    by_org: dict[int, list[tuple[Target, Document]]] = {}
    for link, target, doc in links:
        if link.organisation_id is not None:
            by_org.setdefault(link.organisation_id, []).append((target, doc))
            org_ids.add(link.organisation_id)
    out = []
    for org in session.scalars(select(Organisation).where(Organisation.id.in_(org_ids))
                               .order_by(Organisation.level, Organisation.name)):
        s = obs.series(session, indicator_id=ind.id, organisation_id=org.id, as_of=as_of)
        targets = sorted(by_org.get(org.id, []), key=lambda td: (td[0].year or 0))
        fc = None
        later = [t for t, _ in targets if t.year and t.value is not None]
        if s and later:
            goal_target = later[-1]
            fc = forecast(s, goal_target.year, goal_target.value)
        out.append(OrgSeries(org, s, targets, fc))
    # units with figures first, then by how many targets concern them
    out.sort(key=lambda o: (not o.series, -len(o.targets)))
    return out[:MAX_ORGS]


def chart_config(ind: Indicator, rows: list[OrgSeries]) -> dict:
    """Chart.js configuration: a solid line of figures, a dashed target line, a dotted forecast."""
    datasets = []
    for i, row in enumerate(rows):
        colour = PALETTE[i % len(PALETTE)]
        name = row.organisation.short_name or row.organisation.name
        if row.series:
            datasets.append({"label": f"{name}: thực hiện", "borderColor": colour,
                             "backgroundColor": colour,
                             "data": [{"x": y, "y": v} for y, v in sorted(row.series.items())]})
        for t, doc in row.targets:
            if t.year and t.value is not None:
                # the line runs from the plan's start (base year, else its date) to its horizon
                issued = doc.effective_date.year if doc.effective_date else None
                start = min(y for y in (t.base_year, issued, min(row.series, default=None),
                                        t.year - 1) if y)
                datasets.append({"label": f"{name}: mục tiêu {t.year}", "borderColor": colour,
                                 "borderDash": [6, 4], "pointRadius": 0, "fill": False,
                                 "data": [{"x": start, "y": t.value}, {"x": t.year, "y": t.value}]})
        fc = row.forecast
        projected = fc and (fc.compound if fc.compound is not None else fc.linear)
        if fc and projected is not None and fc.last_year is not None:
            datasets.append({"label": f"{name}: dự báo", "borderColor": colour, "borderDash": [2, 3],
                             "pointRadius": 2, "fill": False,
                             "data": [{"x": fc.last_year, "y": fc.last_value},
                                      {"x": fc.target_year, "y": projected}]})
    xs = [p["x"] for d in datasets for p in d["data"]]
    x_axis = {"type": "linear", "title": {"display": True, "text": "Năm"}}
    if xs:
        x_axis.update(min=min(xs) - 1, max=max(xs) + 1)
    return {"type": "line", "data": {"datasets": datasets},
            "options": {"parsing": True, "scales": {
                "x": x_axis,
                "y": {"title": {"display": True, "text": ind.unit or ""}}},
                "plugins": {"legend": {"position": "bottom"}}}}


def table_rows(ind: Indicator, rows: list[OrgSeries]) -> list[list]:
    """The table behind the chart: one row per (unit, year) figure and per target."""
    out = []
    for row in rows:
        name = row.organisation.name
        for y, v in sorted(row.series.items()):
            out.append([name, y, "Thực hiện", v, ind.unit, ""])
        for t, doc in row.targets:
            out.append([name, t.year, "Mục tiêu", t.value, t.unit or ind.unit, doc.label])
        fc = row.forecast
        projected = fc and (fc.compound if fc.compound is not None else fc.linear)
        if fc and projected is not None:
            out.append([name, fc.target_year, "Dự báo", round(projected, 4), ind.unit, ""])
    return out


HEADER = ["Đơn vị", "Năm", "Loại", "Giá trị", "Đơn vị tính", "Văn bản"]


def to_csv(rows: list[list]) -> bytes:
    """CSV with a BOM so that Excel opens the Vietnamese text as UTF-8."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(ind: Indicator, rows: list[list]) -> bytes:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws.append([ind.name])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    for col, width in zip("ABCDEF", (34, 8, 12, 14, 14, 20)):
        ws.column_dimensions[col].width = width
    for cell in ws["D"][2:]:
        cell.number_format = "#,##0.##"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

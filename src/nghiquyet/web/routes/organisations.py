"""Đơn vị: a unit's documents, targets and status, and the form to enter its figures."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from ...text import parse_number
from ...track import observations as obs
from ...track import orgs
from ...track.linking import sync_catalogue
from ...track.models import Indicator, Organisation
from ...track.observations import period_label
from .. import cache, queries
from ..sheets import annotate, read_sheet
from ..uploads import SHEET_SUFFIXES, UploadRejected, received
from ..deps import Id, SessionDep, render
from .overview import status_counts

router = APIRouter(include_in_schema=False)
KIND_LABELS = {"actual": "Thực hiện", "estimate": "Ước đạt"}
SOURCES = {"manual": "Nhập tay", "import": "Tệp Excel", "document": "Văn bản"}


@router.get("/don-vi")
def organisation_list(request: Request, session: SessionDep, q: str = Query("", max_length=100)):
    found = orgs.list_units(session, query=q)[:100] if q.strip() else []
    return render(request, "organisations.html", {
        "title": "Đơn vị", "tracked": queries.tracked_organisations(session), "q": q,
        "found": found})


def _organisation(session, organisation_id: int) -> Organisation:
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise HTTPException(404)
    return org


def _page(request: Request, session, org: Organisation, *, message=None, error=None,
          form=None, status_code=200, sheet=None, sheet_error=None):
    today = date.today()
    rows = [r for r in cache.statuses(request, session, today).rows if r.organisation == org.code]
    indicators = sync_catalogue(session)
    linked = {r.indicator_code for r in rows}
    figures = obs.observations_for(session, organisation_id=org.id)[-50:]
    names = {i.id: i for i in indicators.values()}
    return render(request, "organisation.html", {
        "title": org.name, "org": org, "rows": rows, "counts": status_counts(rows),
        "total": len(rows), "documents": queries.organisation_documents(session, org.id),
        "parent": session.get(Organisation, org.parent_id) if org.parent_id else None,
        "successors": orgs.successors(session, org),
        "linked": sorted((indicators[c] for c in linked if c in indicators), key=lambda i: i.name),
        "others": sorted((i for c, i in indicators.items() if c not in linked), key=lambda i: i.name),
        "figures": list(reversed(figures)), "indicator_names": names, "period_label": period_label,
        "kinds": KIND_LABELS, "message": message, "error": error, "form": form or {},
        "year": today.year, "SOURCES": SOURCES, "sheet": sheet, "sheet_error": sheet_error,
    }, status_code=status_code)


@router.get("/don-vi/{organisation_id}")
def organisation_page(request: Request, session: SessionDep, organisation_id: Id):
    org = _organisation(session, organisation_id)
    saved = request.query_params.get("da-luu")
    imported = request.query_params.get("da-nhap")
    message = ("Đã lưu số liệu." if saved else
               f"Đã nhập {imported} số liệu từ tệp Excel." if imported and imported.isdigit() else None)
    return _page(request, session, org, message=message)


@router.get("/don-vi/{organisation_id}/mau-excel")
def excel_template(session: SessionDep, organisation_id: Id,
                   year: int = Query(date.today().year, ge=1945, le=2100)):
    """The Excel sheet the unit fills in (`track.imports.write_template`)."""
    import tempfile
    from pathlib import Path

    from ...track.imports import write_template
    org = _organisation(session, organisation_id)
    with tempfile.TemporaryDirectory(prefix="nghiquyet-template-") as folder:
        path = Path(folder) / "mau.xlsx"
        write_template(session, organisation=org, year=year, path=path)
        data = path.read_bytes()
    return Response(data, media_type="application/vnd.openxmlformats-officedocument."
                                      "spreadsheetml.sheet",
                    headers={"Content-Disposition":
                             f'attachment; filename="mau_so_lieu_{org.code}_{year}.xlsx"'})


@router.post("/don-vi/{organisation_id}/nhap-excel")
def import_excel(request: Request, session: SessionDep, organisation_id: Id,
                 file: UploadFile | None = File(None)):
    """Import a filled sheet: all figures or none; problems are shown beside their cells."""
    from ...track.imports import ImportFailed, import_file
    org = _organisation(session, organisation_id)
    try:
        with received(file, SHEET_SUFFIXES) as path:
            try:
                summary = import_file(session, path=path)
            except ImportFailed as e:
                session.rollback()
                sheet = annotate(read_sheet(path), e.problems)
                return _page(request, session, org, sheet=sheet, status_code=400,
                             sheet_error=f"Không nhập số liệu nào: {len(e.problems)} lỗi "
                                         f"trong tệp {path.name}. Sửa các ô được đánh dấu rồi tải lên lại.")
    except UploadRejected as e:
        return _page(request, session, org, sheet_error=str(e), status_code=400)
    session.commit()          # before the redirect leaves: the next page must see the figures
    return RedirectResponse(f"/don-vi/{org.id}?da-nhap={summary.recorded}#nhap-excel",
                            status_code=303)


@router.post("/don-vi/{organisation_id}/so-lieu")
def enter_figure(request: Request, session: SessionDep, organisation_id: Id,
                 indicator: str = Form(...), period: str = Form(...), value: str = Form(...),
                 kind: str = Form("actual"), note: str = Form("")):
    """Record one figure of the unit (a manual entry; replaces the same period's entry)."""
    org = _organisation(session, organisation_id)
    form = {"indicator": indicator, "period": period, "value": value, "kind": kind, "note": note}
    ind = session.scalar(select(Indicator).where(Indicator.code == indicator))
    number = parse_number(value.strip().replace(" ", ""))
    error = None
    if ind is None:
        error = f"Chỉ tiêu “{indicator}” không có trong danh mục."
    elif number is None:
        error = f"Giá trị “{value}” không phải là số (viết 17.900 hoặc 7,3)."
    elif kind not in KIND_LABELS:
        error = f"Loại số liệu “{kind}” không hợp lệ."
    if error is None:
        try:
            obs.record(session, indicator=ind, organisation=org, period=period, value=number,
                       kind=kind, source="manual", note=note.strip() or None)
        except obs.ObservationError as e:
            error = str(e)
    if error:
        session.rollback()
        return _page(request, session, org, error=error, form=form, status_code=400)
    session.commit()          # before the redirect leaves: the next page must see the figure
    return RedirectResponse(f"/don-vi/{org.id}?da-luu=1#so-lieu", status_code=303)

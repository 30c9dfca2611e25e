"""Chỉ tiêu: the catalogue, and one indicator's figures against targets per organisation."""
from __future__ import annotations

import json
from datetime import date

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from ...text import fold
from ...track.linking import sync_catalogue
from .. import indicator_view as iv
from .. import cache, queries
from ..deps import SessionDep, render

router = APIRouter(include_in_schema=False)


@router.get("/chi-tieu")
def indicator_list(request: Request, session: SessionDep, q: str = ""):
    sync_catalogue(session)
    session.commit()     # the cached count below reads through its own session
    # counting a million figures takes a second: cached like the statuses
    rows = cache.cached(request, "indicators", None, queries.indicators_with_counts)
    if q.strip():
        want = fold(q)
        rows = [r for r in rows if want in fold(r[0].name) or want in r[0].code]
    return render(request, "indicators.html", {"title": "Chỉ tiêu", "rows": rows, "q": q})


def _load(session, ref: str):
    ind = iv.indicator_by_ref(session, ref)
    if ind is None:
        raise HTTPException(404)
    return ind, iv.indicator_series(session, ind, date.today())


@router.get("/chi-tieu/{ref}/du-lieu.csv")
def indicator_csv(session: SessionDep, ref: str):
    ind, rows = _load(session, ref)
    return Response(iv.to_csv(iv.table_rows(ind, rows)), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{ind.code}.csv"'})


@router.get("/chi-tieu/{ref}/du-lieu.xlsx")
def indicator_xlsx(session: SessionDep, ref: str):
    ind, rows = _load(session, ref)
    return Response(iv.to_xlsx(ind, iv.table_rows(ind, rows)),
                    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{ind.code}.xlsx"'})


@router.get("/chi-tieu/{ref}")
def indicator_page(request: Request, session: SessionDep, ref: str):
    ind, rows = _load(session, ref)
    return render(request, "indicator.html", {
        "title": ind.name, "ind": ind, "rows": rows, "table": iv.table_rows(ind, rows),
        "chart": json.dumps(iv.chart_config(ind, rows), ensure_ascii=False),
    })

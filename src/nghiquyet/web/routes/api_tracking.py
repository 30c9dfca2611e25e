"""JSON API of tracking: target statuses, indicators and their series, units, figures, tasks."""
from __future__ import annotations

import json
from datetime import date
from typing import Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from sqlalchemy import select

from ...text import parse_number
from ...track import observations as obs
from ...track import orgs
from ...track.linking import sync_catalogue
from ...track.models import Indicator, Organisation
from ...track.status import STATUSES
from .. import cache, queries, tasks
from .. import indicator_view as iv
from ..deps import Id, SessionDep
from ..schemas import Problem

router = APIRouter(prefix="/api", tags=["tracking"])
NOT_FOUND = {404: {"model": Problem, "description": "No such thing"}}
StatusName = Literal["exceeded", "met", "on_track", "at_risk", "off_track", "missed", "no_data"]
assert set(StatusName.__args__) == set(STATUSES)


class TargetStatusOut(BaseModel):
    target_id: int
    document_id: int
    indicator: str
    indicator_code: str
    indicator_name: str
    organisation: str | None
    comparator: str
    value: float | None
    value_max: float | None
    unit: str | None
    year: int | None
    status: StatusName
    label: str
    observed: float | None = None
    observed_year: int | None = None
    goal: float | None = None
    observed_rate: float | None = None
    required_rate: float | None = None
    problem: str = ""
    note: str = ""


class TargetPage(BaseModel):
    total: int
    counts: dict[str, int]
    items: list[TargetStatusOut]


@router.get("/targets", response_model=TargetPage,
            summary="Status of every tracked target today, filtered and paged")
async def targets(request: Request, status: StatusName | None = None,
                  document_id: int | None = Query(None, ge=1, le=2_147_483_647),
                  organisation: str | None = Query(None, max_length=60, description="unit code"),
                  indicator: str | None = Query(None, max_length=80,
                                                description="indicator code"),
                  limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10**7)):
    # async and session-free when the statuses are cached (the common case): no thread hop
    today = date.today()
    index = cache.statuses_if_ready(request, today) or await run_in_threadpool(
        cache.statuses, request, None, today)
    groups = [index.dicts_by[k].get(v, []) for k, v in (
        ("document_id", document_id), ("organisation", organisation),
        ("indicator_code", indicator)) if v is not None and v != ""]
    if not groups:
        rows, counts = index.dicts, index.counts
    else:
        rows = min(groups, key=len)
        if len(groups) > 1:
            others = [{id(x) for x in g} for g in groups if g is not rows]
            rows = [r for r in rows if all(id(r) in ids for ids in others)]
        counts = dict.fromkeys(STATUSES, 0)
        for r in rows:
            counts[r["status"]] += 1
    if status:
        rows = index.dicts_by["status"].get(status, []) if not groups else \
            [r for r in rows if r["status"] == status]
    # the rows are already plain, cached JSON: no re-validation or re-encoding per request
    head = json.dumps({"total": len(rows), "counts": counts}, separators=(",", ":"))
    body = head[:-1] + ',"items":' + index.items_json(rows[offset:offset + limit]) + "}"
    return Response(body.encode("utf-8"), media_type="application/json")


class IndicatorOut(BaseModel):
    code: str
    name: str
    unit: str
    direction: str
    nature: str
    reviewed: bool
    targets: int
    observations: int
    url: str


@router.get("/indicators", response_model=list[IndicatorOut],
            summary="The indicator catalogue with how many targets and figures each has")
def indicators(request: Request, session: SessionDep):
    sync_catalogue(session)
    session.commit()     # the cached count below reads through its own session
    return [{"code": i.code, "name": i.name, "unit": i.unit, "direction": i.direction,
             "nature": i.nature, "reviewed": i.reviewed, "targets": nt, "observations": no,
             "url": f"/chi-tieu/{i.code}"}
            for i, nt, no in cache.cached(request, "indicators", None, queries.indicators_with_counts)]


class SeriesOut(BaseModel):
    organisation_id: int
    organisation: str
    series: dict[int, float]
    targets: list[dict]
    forecast: dict | None


@router.get("/indicators/{code}/series", response_model=list[SeriesOut], responses=NOT_FOUND,
            summary="Figures, targets and forecast of one indicator per organisation")
def indicator_series(session: SessionDep, code: str):
    ind = iv.indicator_by_ref(session, code)
    if ind is None:
        raise HTTPException(404, f"không có chỉ tiêu {code!r}")
    return [{"organisation_id": r.organisation.id, "organisation": r.organisation.name,
             "series": r.series,
             "targets": [{"target_id": t.id, "document_id": d.id, "document": d.label,
                          "comparator": t.comparator, "value": t.value, "value_max": t.value_max,
                          "unit": t.unit, "year": t.year} for t, d in r.targets],
             "forecast": r.forecast.as_dict() if r.forecast else None}
            for r in iv.indicator_series(session, ind, date.today())]


class OrganisationOut(BaseModel):
    id: int
    code: str
    name: str
    level: str
    kind: str
    valid_from: str | None
    valid_to: str | None
    url: str


def _org_out(o: Organisation) -> dict:
    return {"id": o.id, "code": o.code, "name": o.name, "level": o.level, "kind": o.kind,
            "valid_from": o.valid_from.isoformat() if o.valid_from else None,
            "valid_to": o.valid_to.isoformat() if o.valid_to else None, "url": f"/don-vi/{o.id}"}


@router.get("/organisations", response_model=list[OrganisationOut],
            summary="Units by name (accents optional), or the units being tracked")
def organisations(session: SessionDep, q: str = Query("", max_length=100)):
    if q.strip():
        return [_org_out(o) for o in orgs.list_units(session, query=q)[:200]]
    return [_org_out(o) for o, _ in queries.tracked_organisations(session)]


class ObservationIn(BaseModel):
    indicator: str = Field(description="indicator code, see /api/indicators")
    organisation_id: int = Field(ge=1, le=2_147_483_647)
    period: str = Field(description="2025, Quý I/2025, 03/2025", max_length=40)
    value: float | str = Field(description="a number, or text written the Vietnamese way (17.900; 7,3)")
    kind: Literal["actual", "estimate", "planned"] = "actual"
    note: str | None = Field(None, max_length=2000)


class ObservationOut(BaseModel):
    id: int
    indicator: str
    organisation_id: int
    period: str
    year: int
    value: float
    kind: str
    source: str


@router.post("/observations", response_model=ObservationOut, status_code=201,
             responses={400: {"model": Problem}, 404: {"model": Problem}},
             summary="Record a figure of a unit (replaces the same period's manual figure)")
def record_observation(session: SessionDep, body: ObservationIn):
    ind = session.scalar(select(Indicator).where(Indicator.code == body.indicator))
    if ind is None:
        raise HTTPException(404, f"không có chỉ tiêu {body.indicator!r}")
    org = session.get(Organisation, body.organisation_id)
    if org is None:
        raise HTTPException(404, f"không có đơn vị #{body.organisation_id}")
    value = body.value if isinstance(body.value, float) else parse_number(str(body.value).strip())
    if value is None or value != value or value in (float("inf"), float("-inf")):
        raise HTTPException(400, f"value: {body.value!r} không phải là số")
    try:
        o = obs.record(session, indicator=ind, organisation=org, period=body.period, value=value,
                       kind=body.kind, source="manual", note=body.note)
    except obs.ObservationError as e:
        raise HTTPException(400, str(e)) from None
    return {"id": o.id, "indicator": ind.code, "organisation_id": org.id,
            "period": obs.period_label(o.period_type, o.period_start), "year": o.year,
            "value": o.value, "kind": o.kind, "source": o.source}


class DeadlineOut(BaseModel):
    id: int
    document_id: int
    task: str
    due: str
    responsible: str | None
    done_on: str | None
    category: Literal["done_on_time", "done_late", "open_in_time", "open_overdue"]


def _deadline_out(d, t, today) -> dict:
    return {"id": d.id, "document_id": d.document_id, "task": d.task, "due": d.due.isoformat(),
            "responsible": (t.owner if t and t.owner else d.responsible),
            "done_on": t.done_on.isoformat() if t and t.done_on else None,
            "category": tasks.category(d, t, today)}


@router.get("/deadlines", response_model=list[DeadlineOut], summary="Deadlines as tasks")
def deadlines(session: SessionDep, view: Literal["all", "overdue", "this_month", "done"] = "all",
              owner: str = Query("", max_length=200), limit: int = Query(100, ge=1, le=500),
              offset: int = Query(0, ge=0, le=10**7)):
    from .deadlines import select_rows
    today = date.today()
    slug = {"all": "", "overdue": "qua-han", "this_month": "thang-nay", "done": "da-xong"}[view]
    rows = select_rows(session, slug, owner, today, limit=limit, offset=offset)
    return [_deadline_out(d, t, today) for d, _doc, t in rows]


@router.post("/deadlines/{deadline_id}/done", response_model=DeadlineOut, responses=NOT_FOUND,
             summary="Mark a task done today")
def deadline_done(session: SessionDep, deadline_id: Id):
    today = date.today()
    try:
        d, t = tasks.mark_done(session, deadline_id=deadline_id, on=today)
    except LookupError as e:
        raise HTTPException(404, str(e)) from None
    return _deadline_out(d, t, today)

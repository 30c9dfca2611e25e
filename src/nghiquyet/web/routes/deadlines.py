"""Thời hạn: deadlines as tasks — filter by owner, overdue, due this month; mark done."""
from __future__ import annotations

import calendar
from datetime import date

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from .. import queries, tasks
from ..deps import Id, SessionDep, is_htmx, render

router = APIRouter(include_in_schema=False)
VIEWS = {"": "Tất cả", "qua-han": "Quá hạn", "thang-nay": "Đến hạn trong tháng này",
         "da-xong": "Đã hoàn thành"}
PAGE = 100


def select_rows(session, view: str, owner: str, today: date, *, limit: int, offset: int = 0):
    """Deadlines of one view ("" all, qua-han, thang-nay, da-xong), soonest first."""
    kw = {"owner": owner or None, "limit": limit, "offset": offset}
    if view == "qua-han":
        return queries.overdue(session, today, **kw)
    if view == "thang-nay":
        last = calendar.monthrange(today.year, today.month)[1]
        return queries.deadline_rows(session, due_from=today.replace(day=1),
                                     due_to=today.replace(day=last), **kw)
    if view == "da-xong":
        return queries.deadline_rows(session, done_only=True, **kw)
    return queries.deadline_rows(session, **kw)


@router.get("/thoi-han")
def deadline_page(request: Request, session: SessionDep, xem: str = "", owner: str = "",
                  page: int = Query(1, ge=1, le=100_000)):
    today = date.today()
    view = xem if xem in VIEWS else ""
    rows = select_rows(session, view, owner, today, limit=PAGE + 1, offset=(page - 1) * PAGE)
    return render(request, "deadlines.html", {
        "title": "Thời hạn", "rows": [(d, doc, t, tasks.category(d, t, today))
                                      for d, doc, t in rows[:PAGE]],
        "more": len(rows) > PAGE, "page": page, "view": view, "views": VIEWS, "owner": owner,
        "owners": queries.owners(session), "today": today,
    })


@router.post("/thoi-han/{deadline_id}/xong")
def mark_done(request: Request, session: SessionDep, deadline_id: Id):
    today = date.today()
    try:
        deadline, task = tasks.mark_done(session, deadline_id=deadline_id, on=today)
    except LookupError:
        raise HTTPException(404) from None
    if is_htmx(request):
        from ...store.models import Document
        doc = session.get(Document, deadline.document_id)
        return render(request, "partials/deadline_row.html", {
            "d": deadline, "doc": doc, "t": task, "cat": tasks.category(deadline, task, today),
            "today": today})
    back = request.headers.get("referer") or "/thoi-han"
    return RedirectResponse(back if back.startswith(str(request.base_url)) else "/thoi-han",
                            status_code=303)

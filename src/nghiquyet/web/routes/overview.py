"""Tổng quan: scorecards, targets by status, deadlines due soon and overdue, latest documents."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from fastapi import APIRouter, Request

from ...track.scorecard import Scorecard
from ...track.status import STATUSES
from .. import cache, queries
from ..deps import SessionDep, render

router = APIRouter(include_in_schema=False)


def status_counts(rows) -> list[tuple[str, int]]:
    counts = dict.fromkeys(STATUSES, 0)
    for r in rows:
        counts[r.status] += 1
    return list(counts.items())


@router.get("/")
def overview(request: Request, session: SessionDep):
    today = date.today()
    rows = cache.statuses(request, session, today)
    by_doc = defaultdict(list)
    for r in rows:
        by_doc[r.document_id].append(r)
    confirmed = queries.confirmed_documents(session)
    cards = [(d, Scorecard(d.label, today, by_doc.get(d.id, []))) for d in confirmed]
    docs = queries.document_counts(session)
    return render(request, "overview.html", {
        "title": "Tổng quan", "today": today, "total": len(rows),
        "achieved": Scorecard("", today, rows).achieved if rows else 0,
        "counts": status_counts(rows), "cards": cards,
        "docs_confirmed": docs.get("confirmed", 0), "docs_draft": docs.get("draft", 0),
        "overdue": queries.overdue(session, today), "due_soon": queries.due_soon(session, today),
        "latest": queries.latest_documents(session),
    })

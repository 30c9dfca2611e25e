"""Tổng quan: scorecards, targets by status, deadlines due soon and overdue, latest documents."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request

from ...track.scorecard import Scorecard
from ...track.status import ACHIEVED, STATUSES
from .. import cache, queries
from ..deps import SessionDep, render

router = APIRouter(include_in_schema=False)


def status_counts(index) -> list[tuple[str, int]]:
    """(status, count) in the order of `track.status.STATUSES`, from an index or a row list."""
    if hasattr(index, "counts"):
        return list(index.counts.items())
    counts = dict.fromkeys(STATUSES, 0)
    for r in index:
        counts[r.status] += 1
    return list(counts.items())


def _lists(session, today: date) -> dict:
    """The overview's lists of documents and deadlines (cached with the statuses)."""
    docs = queries.document_counts(session)
    return {"confirmed": queries.confirmed_documents(session),
            "docs_confirmed": docs.get("confirmed", 0), "docs_draft": docs.get("draft", 0),
            "overdue": queries.overdue(session, today), "due_soon": queries.due_soon(session, today),
            "latest": queries.latest_documents(session)}


@router.get("/")
def overview(request: Request, session: SessionDep):
    today = date.today()
    index = cache.statuses(request, session, today)
    lists = cache.cached(request, "overview", today, lambda s: _lists(s, today))
    cards = [(d, Scorecard(d.label, today, index.by_document.get(d.id, [])))
             for d in lists["confirmed"]]
    return render(request, "overview.html", {
        "title": "Tổng quan", "today": today, "total": len(index.rows),
        "achieved": sum(index.counts[s] for s in ACHIEVED), "counts": status_counts(index),
        "cards": cards, **lists,
    })

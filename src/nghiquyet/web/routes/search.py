"""Tìm kiếm: accent-insensitive search over documents, targets, results and deadlines."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request

from ...store import search as store_search
from ..deps import SessionDep, render
from ..present import KIND_LABELS

router = APIRouter(include_in_schema=False)

ENTITY_LABELS = {"document": "Văn bản", "target": "Chỉ tiêu", "result": "Kết quả",
                 "deadline": "Thời hạn"}


@router.get("/tim-kiem")
def search_page(request: Request, session: SessionDep,
                q: str = Query("", max_length=200), kind: str = "", issuer: str = "",
                year: int | None = Query(None, ge=1900, le=2200), entity: str = ""):
    hits = []
    if q.strip():
        hits = store_search.search(session, q, kind=kind or None, issuer=issuer or None,
                                   year=year, entity=entity if entity in ENTITY_LABELS else None,
                                   limit=50)
    return render(request, "search.html", {
        "title": f"Tìm kiếm: {q}" if q else "Tìm kiếm", "q": q, "hits": hits, "kind": kind,
        "issuer": issuer, "year": year or "", "entity": entity, "kinds": KIND_LABELS,
        "entities": ENTITY_LABELS,
    })

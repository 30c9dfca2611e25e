"""Văn bản: the list of documents and one document's page."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException, Query, Request

from ...store import library
from .. import cache, queries, views
from ..deps import Id, SessionDep, render
from ..present import KIND_LABELS, highlight

router = APIRouter(include_in_schema=False)
PAGE = 50


@router.get("/van-ban")
def document_list(request: Request, session: SessionDep, kind: str | None = None,
                  issuer: str | None = None, year: int | None = Query(None, ge=1900, le=2200),
                  page: int = Query(1, ge=1, le=100_000)):
    if issuer or year:
        docs = library.list_documents(session, kind=kind or None, issuer=issuer or None,
                                      year=year, limit=PAGE + 1, offset=(page - 1) * PAGE)
    else:
        docs = queries.document_page(session, kind=kind or None, limit=PAGE + 1,
                                     offset=(page - 1) * PAGE)
    return render(request, "documents.html", {
        "title": "Văn bản", "docs": docs[:PAGE], "more": len(docs) > PAGE, "page": page,
        "kind": kind or "", "issuer": issuer or "", "year": year or "", "kinds": KIND_LABELS,
    })


@router.get("/van-ban/{document_id}")
def document_page(request: Request, session: SessionDep, document_id: Id):
    try:
        doc = library.get_document(session, ref=document_id)
    except library.DocumentNotFound:
        raise HTTPException(404) from None
    data = library.document_dict(session, doc)
    text = views.document_text(doc)
    sections = views.outline(session, doc.id)
    return render(request, "document.html", {
        "title": doc.label, "doc": data,
        "outline": views.outline_tree(sections),
        "cascade": views.cascade(session, doc.id),
        "original": highlight(text, views.item_marks(data)) if text else None,
        "confirmed_now": "da-xac-nhan" in request.query_params,
        "statuses": views.target_statuses(
            cache.statuses(request, session, date.today()).by_document.get(doc.id, []),
            session, date.today()),
    })

"""JSON API of the library: documents, their items and review, the cascade, search."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, File, HTTPException, Query, UploadFile

from ...read import ReadError
from ...store import library, review
from ...store import search as store_search
from ...store.items import item_dict
from ..deps import Id, SessionDep
from ..confirm import confirm_and_track
from ..schemas import (Cascade, DocumentDetail, DocumentSummary, Family, IngestResult, Item,
                       ItemChanges, Problem, SearchHit)
from ..uploads import DOCUMENT_SUFFIXES, UploadRejected, received

router = APIRouter(prefix="/api", tags=["documents"])
NOT_FOUND = {404: {"model": Problem, "description": "No such document or item"}}
BAD = {400: {"model": Problem, "description": "The request cannot be applied (message says why)"}}


def _document(session, document_id: Id):
    try:
        doc = library.get_document(session, ref=document_id)
    except library.DocumentNotFound:
        raise HTTPException(404, f"không có văn bản #{document_id}") from None
    return doc


def summary(doc) -> dict[str, Any]:
    return {"id": doc.id, "label": doc.label, "kind": doc.kind, "symbol": doc.symbol,
            "symbol_inferred": doc.symbol_inferred,
            "date": doc.effective_date.isoformat() if doc.effective_date else None,
            "issuer": doc.issuer, "title": doc.title, "status": doc.status,
            "url": f"/van-ban/{doc.id}"}


@router.get("/documents", response_model=list[DocumentSummary],
            summary="Documents of the library, newest first")
def list_documents(session: SessionDep, kind: str | None = None, issuer: str | None = None,
                   year: int | None = Query(None, ge=1900, le=2200),
                   limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10**7)):
    docs = library.list_documents(session, kind=kind, issuer=issuer, year=year, limit=limit,
                                  offset=offset)
    return [summary(d) for d in docs]


@router.get("/documents/{document_id}", response_model=DocumentDetail, responses=NOT_FOUND,
            summary="One document with its targets, results, deadlines and links")
def get_document(session: SessionDep, document_id: Id):
    return library.document_dict(session, _document(session, document_id))


@router.get("/documents/{document_id}/cascade", response_model=Cascade, responses=NOT_FOUND,
            summary="The cascade up (what it implements) and down (what implements it)")
def get_cascade(session: SessionDep, document_id: Id):
    doc = _document(session, document_id)
    up = library.tree_dict(library.cascade_up(session, document_id=doc.id))
    down = library.tree_dict(library.cascade_down(session, document_id=doc.id))
    return {"up": up["children"], "down": down["children"]}


@router.post("/documents", response_model=IngestResult, status_code=201, responses=BAD,
             summary="Upload a .docx/.pdf/.txt: extracted and stored as a draft")
def upload_document(session: SessionDep, file: UploadFile = File(...)):
    try:
        with received(file, DOCUMENT_SUFFIXES) as path:
            outcome = library.ingest_file(session, path=path)
    except (UploadRejected, ReadError, library.IngestError) as e:
        raise HTTPException(400, str(e)) from None
    return {"status": outcome.status, "document_id": outcome.document_id,
            "targets": outcome.targets, "results": outcome.results,
            "deadlines": outcome.deadlines, "review_url": f"/tai-len/{outcome.document_id}"}


@router.post("/documents/{document_id}/confirm", response_model=DocumentSummary,
             responses=NOT_FOUND, summary="Confirm a document and its items still in draft")
def confirm_document(session: SessionDep, document_id: Id):
    doc = _document(session, document_id)
    if doc.placeholder:
        raise HTTPException(404, f"văn bản #{document_id} chưa có nội dung")
    confirm_and_track(session, doc.id)
    return summary(doc)


def _item(session, family: str, item_id: Id):
    from ...store.models import ITEM_MODELS
    row = session.get(ITEM_MODELS[family], item_id)
    if row is None:
        raise HTTPException(404, f"không có {family} #{item_id}")
    return row


@router.post("/documents/{document_id}/{family}", response_model=Item, status_code=201,
             responses={**NOT_FOUND, **BAD}, summary="Add an item the extractor missed")
def add_item(session: SessionDep, document_id: Id, family: Family,
             values: ItemChanges = Body(...)):
    doc = _document(session, document_id)
    try:
        row = review.add_item(session, document_id=doc.id, family=family,
                              values=values.model_dump())
    except review.ReviewError as e:
        raise HTTPException(400, str(e)) from None
    return item_dict(family, row)


@router.patch("/items/{family}/{item_id}", response_model=Item, responses={**NOT_FOUND, **BAD},
              summary="Correct fields of an item (kept apart from the machine values)")
def correct_item(session: SessionDep, family: Family, item_id: Id,
                 changes: ItemChanges = Body(...)):
    _item(session, family, item_id)
    try:
        row = review.correct_item(session, family=family, item_id=item_id,
                                  changes=changes.model_dump())
    except review.ReviewError as e:
        raise HTTPException(400, str(e)) from None
    return item_dict(family, row)


@router.post("/items/{family}/{item_id}/confirm", response_model=Item, responses=NOT_FOUND,
             summary="Confirm an item")
def confirm_item(session: SessionDep, family: Family, item_id: Id):
    _item(session, family, item_id)
    return item_dict(family, review.confirm_item(session, family=family, item_id=item_id))


@router.delete("/items/{family}/{item_id}", response_model=Item, responses=NOT_FOUND,
               summary="Delete an item (kept with its history, hidden)")
def delete_item(session: SessionDep, family: Family, item_id: Id):
    _item(session, family, item_id)
    return item_dict(family, review.delete_item(session, family=family, item_id=item_id))


@router.get("/search", response_model=list[SearchHit], tags=["search"],
            summary="Accent-insensitive search with highlighted snippets")
def search(session: SessionDep, q: str = Query(..., min_length=1, max_length=200),
           kind: str | None = None, issuer: str | None = None,
           year: int | None = Query(None, ge=1900, le=2200),
           entity: str | None = Query(None, pattern="^(document|target|result|deadline)$"),
           limit: int = Query(20, ge=1, le=200)):
    hits = store_search.search(session, q, kind=kind, issuer=issuer, year=year, entity=entity,
                               limit=limit)
    out = []
    for h in hits:
        d = h.to_dict()
        anchor = "" if h.entity == "document" else f"#q-{h.entity}-{h.entity_id}"
        d["url"] = f"/van-ban/{h.document_id}{anchor}"
        out.append(d)
    return out

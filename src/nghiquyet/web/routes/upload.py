"""Tải lên: drop a document, review what was extracted (correct, add, delete), confirm it.

The uploaded file is stored by `library.ingest_file` as a draft document; the review page is
an editable form over its items, each action one call of `store.review`.
"""
from __future__ import annotations

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ...read import ReadError
from ...store import library, review
from ..deps import Id, SessionDep, is_htmx, render
from ..confirm import confirm_and_track
from ..forms import FAMILIES, form_values, item_context
from ..uploads import DOCUMENT_SUFFIXES, UploadRejected, received

router = APIRouter(include_in_schema=False)


def _redirect(request: Request, url: str) -> Response:
    """Go to `url`: htmx follows an HX-Redirect header, a plain form a 303."""
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


@router.get("/tai-len")
def upload_page(request: Request):
    return render(request, "upload.html", {"title": "Tải lên văn bản"})


@router.post("/tai-len")
def upload_document(request: Request, session: SessionDep, file: UploadFile | None = File(None)):
    try:
        with received(file, DOCUMENT_SUFFIXES) as path:
            outcome = library.ingest_file(session, path=path)
    except (UploadRejected, ReadError, library.IngestError) as e:
        session.rollback()
        template = "partials/upload_error.html" if is_htmx(request) else "upload.html"
        return render(request, template, {"title": "Tải lên văn bản", "error": str(e)},
                      status_code=400)
    url = f"/tai-len/{outcome.document_id}"
    if outcome.status == "unchanged":
        url += "?da-co=1"
    return _redirect(request, url)


def _document(session, document_id: Id):
    try:
        doc = library.get_document(session, ref=document_id)
    except library.DocumentNotFound:
        raise HTTPException(404) from None
    if doc.placeholder:
        raise HTTPException(404, "Văn bản này chỉ được biết qua trích dẫn, chưa có nội dung.")
    return doc


@router.get("/tai-len/{document_id}")
def review_page(request: Request, session: SessionDep, document_id: Id):
    doc = _document(session, document_id)
    data = library.document_dict(session, doc)
    return render(request, "review.html", {
        "title": f"Kiểm tra: {doc.label}", "doc": data, "families": FAMILIES,
        "already": "da-co" in request.query_params,
        "items": {f: [item_context(i) for i in data[plural]] for f, (plural, _) in FAMILIES.items()},
    })


def _item_response(request: Request, session, document_id: Id, family: str, row, error=None,
                   values: dict | None = None):
    from ...store.items import item_dict
    item = item_context(item_dict(family, row))
    if values:   # what the person typed, shown again beside the error
        item.update({f"input_{k}": v for k, v in values.items()})
    if is_htmx(request):
        return render(request, "partials/item_form.html",
                      {"item": item, "family": family, "doc_id": document_id, "error": error,
                       "saved": error is None}, status_code=400 if error else 200)
    if error:
        raise HTTPException(400, error)
    return RedirectResponse(f"/tai-len/{document_id}#{family}-{row.id}", status_code=303)


def _check_family(family: str) -> None:
    if family not in FAMILIES:
        raise HTTPException(404)


def _row(session, document_id: Id, family: str, item_id: Id):
    from ...store.models import ITEM_MODELS
    row = session.get(ITEM_MODELS[family], item_id)
    if row is None or row.document_id != document_id:
        raise HTTPException(404)
    return row


@router.post("/tai-len/{document_id}/xac-nhan")
def confirm_document(request: Request, session: SessionDep, document_id: Id):
    """Confirm the document and every item still in draft: it now counts on the overview."""
    doc = _document(session, document_id)
    confirm_and_track(session, doc.id)
    return _redirect(request, f"/van-ban/{doc.id}?da-xac-nhan=1")


@router.post("/tai-len/{document_id}/{family}/{item_id}")
async def correct(request: Request, session: SessionDep, document_id: Id, family: str,
                  item_id: Id):
    """Save the edited fields of one item (only the fields that changed are recorded)."""
    _check_family(family)
    row = _row(session, document_id, family, item_id)
    form = await request.form()
    changes = form_values(family, form, row)
    try:
        if changes:
            review.correct_item(session, family=family, item_id=item_id, changes=changes)
        if form.get("action") == "confirm":
            review.confirm_item(session, family=family, item_id=item_id)
    except review.ReviewError as e:
        session.rollback()
        row = _row(session, document_id, family, item_id)
        return _item_response(request, session, document_id, family, row, error=str(e),
                              values={k: v for k, v in form.items() if k != "action"})
    return _item_response(request, session, document_id, family, row)


@router.post("/tai-len/{document_id}/{family}/{item_id}/xoa")
def delete(request: Request, session: SessionDep, document_id: Id, family: str, item_id: Id):
    _check_family(family)
    _row(session, document_id, family, item_id)
    review.delete_item(session, family=family, item_id=item_id)
    if is_htmx(request):
        return render(request, "partials/item_deleted.html", {"family": family})
    return RedirectResponse(f"/tai-len/{document_id}", status_code=303)


@router.post("/tai-len/{document_id}/{family}")
async def add(request: Request, session: SessionDep, document_id: Id, family: str):
    """Add an item the extractor missed."""
    _check_family(family)
    doc = _document(session, document_id)
    form = await request.form()
    values = form_values(family, form, None)
    try:
        row = review.add_item(session, document_id=doc.id, family=family, values=values)
    except review.ReviewError as e:
        session.rollback()
        if is_htmx(request):
            return render(request, "partials/add_form.html",
                          {"family": family, "doc_id": document_id, "error": str(e),
                           "values": dict(form)}, status_code=400)
        raise HTTPException(400, str(e)) from None
    if is_htmx(request):
        from ...store.items import item_dict
        return render(request, "partials/item_added.html",
                      {"item": item_context(item_dict(family, row)), "family": family,
                       "doc_id": document_id, "saved": True})
    return RedirectResponse(f"/tai-len/{document_id}#{family}-{row.id}", status_code=303)
